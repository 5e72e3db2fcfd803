-- Tickets against the quota per lane and day (stg_quota_office_days summed over the offices): every day with
-- tickets or a quota. quota_tickets counts only the tickets of office-days with a quota, so summed per lane the
-- columns give quota_by_lane: days = quota_days, over_quota_days, fill rate = quota_tickets / quota.
with office_days as (
    select * from stg_quota_office_days($date_from, $date_to, $office, $lane, $applicant_group, $service_type, $channel)
),

per_day as (
    select
        lane,
        tanggal,
        cast(sum(tickets) as bigint) as tickets,
        cast(coalesce(sum(tickets) filter (where daily_quota is not null), 0) as bigint) as quota_tickets,
        cast(sum(daily_quota) as bigint) as quota,
        count(daily_quota) as quota_days,
        count(*) filter (where over_quota) as over_quota_days
    from office_days
    group by lane, tanggal
)

select
    lane,
    tanggal,
    tickets,
    quota_tickets,
    quota,
    quota_days,
    over_quota_days,
    quota_tickets / quota as fill_rate
from per_day
order by lane, tanggal
