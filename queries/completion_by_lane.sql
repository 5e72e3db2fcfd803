-- Completion in working days (after the submission date up to and including the issue date) per lane,
-- over applications of the period whose passport has been issued.
with issued as (
    select lane, completion_workdays
    from stg_permohonan($date_from, $date_to, $office, $lane, $applicant_group, $service_type)
    where issued_at is not null
),

quantiles as (
    -- both quantiles in one call: DuckDB orders the values once for the pair
    select lane, count(*) as n, quantile_cont(completion_workdays, [0.5, 0.9]) as q
    from issued
    group by lane
)

select lane, n, q[1] as median, q[2] as p90
from quantiles
order by lane
