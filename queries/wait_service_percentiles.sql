-- Waiting time (issued -> called) and service time (service start -> end) in minutes per lane: n, the mean, linear
-- quantiles (median, p75, p90, p95), the maximum with its ticket (office/ticket id), the 101 quantiles 0%, 1%, ...,
-- 100% (`curve`: the distribution, plotted as an ECDF) and, for the wait, how many tickets were called within the
-- lane's target ($target_prioritas, $target_reguler, $target_percepatan minutes). Tickets never called have no wait.
with measured as (
    select * from stg_ticket_minutes($date_from, $date_to, $office, $lane, $applicant_group, $service_type, $channel)
),

targeted as (
    select
        *,
        stg_lane_target(lane, $target_prioritas, $target_reguler, $target_percepatan) as target_minutes
    from measured
),

summarised as (
    -- the 101 quantiles in one call (DuckDB orders the values once); the named ones are among them
    select
        measure,
        lane,
        count(*) as n,
        avg(minutes) as mean,
        max(minutes) as max,
        arg_max(office_code || '/' || ticket_id, minutes) as max_ticket,
        case when measure = 'wait' then count(*) filter (where minutes <= target_minutes) end as within_target,
        quantile_cont(minutes, [i / 100 for i in range(0, 101)]) as curve
    from targeted
    group by measure, lane
)

select
    measure,
    lane,
    n,
    mean,
    curve[51] as median,
    curve[76] as p75,
    curve[91] as p90,
    curve[96] as p95,
    max,
    max_ticket,
    within_target,
    within_target / n as share_within_target,
    curve
from summarised
order by measure desc, lane
