-- Mismatch cases (the issued passport did not match), how many were resolved, and the median hours to resolve.
with cases as (
    select *
    from stg_permohonan($date_from, $date_to, $office, $lane, $applicant_group, $service_type)
    where mismatch
)

select
    count(*) as cases,
    count(mismatch_resolved_at) as resolved,
    quantile_cont(mismatch_resolution_hours, 0.5) filter (where mismatch_resolved_at is not null)
        as median_resolution_hours
from cases
