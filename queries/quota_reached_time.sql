-- The time of day the priority quota was reached on each over-quota office-day of the prioritas lane: the issue
-- time of the ticket whose rank within the office-day (by issued_at) equals the day's quota. Over-quota and the
-- tickets counted are as in quota_by_lane (every status, the dashboard's filters), so the days listed are the
-- over-quota days of metrics.summary. median_reached_minute: the median over the days listed (the same on each row).
with quota_days as (
    select office_code, tanggal, daily_quota
    from stg_kuota_days($date_from, $date_to, $office, 'prioritas')
),

priority_tickets as (
    select office_code, tanggal, ticket_id, issued_at
    from stg_antrian($date_from, $date_to, $office, 'prioritas', $applicant_group, $service_type, $channel)
),

ranked as (
    select
        t.office_code,
        t.tanggal,
        t.issued_at,
        q.daily_quota,
        row_number() over (partition by t.office_code, t.tanggal order by t.issued_at, t.ticket_id) as rank_in_day,
        count(*) over (partition by t.office_code, t.tanggal) as tickets
    from priority_tickets t
    join quota_days q
        on q.office_code = t.office_code
        and q.tanggal = t.tanggal
)

select
    office_code,
    tanggal,
    daily_quota,
    tickets,
    issued_at as reached_at,
    date_diff('second', cast(tanggal as timestamp), issued_at) / 60.0 as reached_minute,
    median(date_diff('second', cast(tanggal as timestamp), issued_at) / 60.0) over () as median_reached_minute
from ranked
where rank_in_day = daily_quota
  and tickets > daily_quota
order by tanggal, office_code
