-- Weekly trend per lane: the median wait (minutes) of the tickets issued in each ISO week (Monday start), and the
-- median completion (working days) of the issued applications submitted in it, each with its n.
with called as (
    select lane, date_trunc('week', tanggal) as week, wait_minutes as value
    from stg_antrian($date_from, $date_to, $office, $lane, $applicant_group, $service_type, $channel)
    where wait_minutes is not null
),

issued as (
    select lane, date_trunc('week', tanggal) as week, completion_workdays as value
    from stg_permohonan($date_from, $date_to, $office, $lane, $applicant_group, $service_type)
    where issued_at is not null
),

measured as (
    select 'wait' as measure, * from called
    union all
    select 'completion' as measure, * from issued
)

select
    measure,
    lane,
    cast(week as date) as week,
    count(*) as n,
    quantile_cont(value, 0.5) as median
from measured
group by measure, lane, week
order by measure, lane, week
