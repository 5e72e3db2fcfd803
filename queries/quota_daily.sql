-- Tickets against the quota per lane and day: every day with tickets or a quota. A day's tickets include every
-- status. A quota day is a working day with a valid quota (stg_kuota_days); a Saturday service day has tickets but
-- no quota. quota_tickets counts only the tickets of office-days with a quota, so summed per lane the columns give
-- quota_by_lane (metrics.summary's "quota"): days = quota_days, over_quota_days, fill rate = quota_tickets / quota.
with quota_days as (
    select office_code, lane, tanggal, daily_quota
    from stg_kuota_days($date_from, $date_to, $office, $lane)
),

tickets_per_office_day as (
    select office_code, lane, tanggal, count(*) as tickets
    from stg_antrian($date_from, $date_to, $office, $lane, $applicant_group, $service_type, $channel)
    group by all
),

office_days as (
    select
        coalesce(q.office_code, t.office_code) as office_code,
        coalesce(q.lane, t.lane) as lane,
        coalesce(q.tanggal, t.tanggal) as tanggal,
        q.daily_quota,
        coalesce(t.tickets, 0) as tickets
    from quota_days q
    full join tickets_per_office_day t
        on t.office_code = q.office_code
        and t.lane = q.lane
        and t.tanggal = q.tanggal
),

per_day as (
    select
        lane,
        tanggal,
        cast(sum(tickets) as bigint) as tickets,
        cast(coalesce(sum(tickets) filter (where daily_quota is not null), 0) as bigint) as quota_tickets,
        cast(sum(daily_quota) as bigint) as quota,
        count(daily_quota) as quota_days,
        count(*) filter (where tickets > daily_quota) as over_quota_days
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
