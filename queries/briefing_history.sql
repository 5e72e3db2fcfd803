-- The briefing's look back: per lane, the briefing's day and the same weekday of the four weeks before it (weeks_before
-- 0 to 4): tickets (every status), the quota of the office-days with one (stg_quota_office_days) and the median and
-- p90 wait of the tickets called, so a supervisor sees whether the day was unusual.
with same_weekdays as (
    select
        cast($day as date) - cast(7 * weeks_before as integer) as tanggal,
        cast(weeks_before as integer) as weeks_before
    from (select unnest(range(0, 5)) as weeks_before) as weeks
),

office_days as (
    select * from stg_quota_office_days(cast($day as date) - 28, $day, $office, null, null, null, null)
),

per_day as (
    select
        lane,
        tanggal,
        cast(sum(tickets) as bigint) as tickets,
        cast(sum(daily_quota) as bigint) as quota
    from office_days
    group by lane, tanggal
),

waits as (
    select
        lane,
        tanggal,
        quantile_cont(wait_minutes, [0.5, 0.9]) as quantiles
    from stg_antrian(cast($day as date) - 28, $day, $office, null, null, null, null)
    where wait_minutes is not null
    group by lane, tanggal
)

select
    per_day.lane,
    same_weekdays.tanggal,
    same_weekdays.weeks_before,
    per_day.tickets,
    per_day.quota,
    waits.quantiles[1] as wait_median,
    waits.quantiles[2] as wait_p90
from same_weekdays
inner join per_day on per_day.tanggal = same_weekdays.tanggal
left join waits on waits.lane = per_day.lane and waits.tanggal = per_day.tanggal
order by per_day.lane, same_weekdays.tanggal
