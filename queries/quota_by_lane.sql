-- Quota use per lane: office-days with a valid quota, over-quota days and the fill rate.
-- Tickets on a non-working service day (a Saturday service) are not quota days and are left out here.
with quota_days as (
    select * from stg_kuota_days($date_from, $date_to, $office, $lane)
),

tickets_per_day as (
    select office_code, lane, tanggal, count(*) as tickets
    from stg_antrian($date_from, $date_to, $office, $lane, $applicant_group, $service_type, $channel)
    group by all
),

quota_and_tickets as (
    select q.office_code, q.lane, q.tanggal, q.daily_quota, coalesce(t.tickets, 0) as tickets
    from quota_days q
    left join tickets_per_day t using (office_code, lane, tanggal)
)

select
    lane,
    count(*) as days,
    count(*) filter (where tickets > daily_quota) as over_quota_days,
    sum(tickets) as tickets,
    sum(daily_quota) as quota,
    sum(tickets) / sum(daily_quota) as fill_rate
from quota_and_tickets
group by lane
order by lane
