-- The history of the demand forecast (kancil/decide/forecast.py): tickets of one office and lane per working day,
-- from the office's first to its last day with tickets (any lane), with the quota in force that day. Every status
-- counts, as in the quota figures (quota_daily.sql); a working day without tickets of the lane counts 0. Closed
-- days and Saturday service days are not working days (hari_kerja.is_workday) and are left out.
with tickets as (
    select tanggal, lane
    from stg_antrian(date '2000-01-01', date '2099-12-31', $office, null, null, null, null)
),

span as (
    select min(tanggal) as first_day, max(tanggal) as last_day
    from tickets
),

days as (
    select h.tanggal
    from hari_kerja h, span
    where h.office_code = $office
      and h.is_workday
      and h.tanggal between span.first_day and span.last_day
),

per_day as (
    select tanggal, count(*) as tickets
    from tickets
    where lane = $lane
    group by tanggal
),

quota as (
    select tanggal, daily_quota
    from stg_kuota_days(date '2000-01-01', date '2099-12-31', $office, $lane)
)

select
    days.tanggal,
    coalesce(per_day.tickets, 0) as tickets,
    quota.daily_quota
from days
left join per_day on per_day.tanggal = days.tanggal
left join quota on quota.tanggal = days.tanggal
order by days.tanggal
