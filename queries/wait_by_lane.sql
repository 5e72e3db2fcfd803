-- Waiting time at the counter (called_at - issued_at, minutes) per lane; tickets never called are left out.
with called as (
    select lane, wait_minutes
    from stg_antrian($date_from, $date_to, $office, $lane, $applicant_group, $service_type, $channel)
    where called_at is not null
),

quantiles as (
    -- both quantiles in one call: DuckDB orders the values once for the pair
    select lane, count(*) as n, quantile_cont(wait_minutes, [0.5, 0.9]) as q
    from called
    group by lane
)

select lane, n, q[1] as median, q[2] as p90
from quantiles
order by lane
