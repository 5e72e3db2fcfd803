-- Service time at the counter (service_end - service_start, minutes) per lane.
with served as (
    select lane, service_minutes
    from stg_antrian($date_from, $date_to, $office, $lane, $applicant_group, $service_type, $channel)
    where service_minutes is not null
),

quantiles as (
    -- both quantiles in one call: DuckDB orders the values once for the pair
    select lane, count(*) as n, quantile_cont(service_minutes, [0.5, 0.9]) as q
    from served
    group by lane
)

select lane, n, q[1] as median, q[2] as p90
from quantiles
order by lane
