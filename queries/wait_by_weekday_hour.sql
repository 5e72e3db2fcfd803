-- The staffing view: per lane, weekday (ISO 1 = Monday) and hour of issue, the tickets issued (arrivals, every
-- status), arrivals per day of that weekday (over the days of that weekday on which the office issued any ticket
-- in the period), the tickets called and their median wait in minutes.
with tickets as (
    select lane, tanggal, isodow(issued_at) as weekday, hour(issued_at) as hour, wait_minutes
    from stg_antrian($date_from, $date_to, $office, $lane, $applicant_group, $service_type, $channel)
),

open_days as (
    -- days the office served, whatever the lane filter: the denominator of "arrivals per day"
    select isodow(tanggal) as weekday, count(distinct tanggal) as days
    from stg_antrian($date_from, $date_to, $office, null, null, null, null)
    group by weekday
),

cells as (
    select
        lane,
        weekday,
        hour,
        count(*) as arrivals,
        count(wait_minutes) as n,
        quantile_cont(wait_minutes, 0.5) as median_wait
    from tickets
    group by lane, weekday, hour
)

select
    cells.lane,
    cells.weekday,
    cells.hour,
    cells.arrivals,
    cells.arrivals / open_days.days as per_day,
    cells.n,
    cells.median_wait
from cells
join open_days using (weekday)
order by cells.lane, cells.weekday, cells.hour
