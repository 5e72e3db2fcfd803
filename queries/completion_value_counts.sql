-- How many issued applications per lane (BAP or not) took each number of working days to complete: the values
-- behind the completion medians (for their 95% intervals) and the distribution of completion times (share of the
-- lane's issued applications with or without BAP, group_applications).
with issued as (
    select lane, bap_required, completion_workdays
    from stg_permohonan($date_from, $date_to, $office, $lane, $applicant_group, $service_type)
    where issued_at is not null
)

select
    lane,
    bap_required,
    completion_workdays,
    count(*) as applications,
    count(*) / sum(count(*)) over (partition by lane, bap_required) as share,
    cast(sum(count(*)) over (partition by lane, bap_required) as bigint) as group_applications
from issued
group by lane, bap_required, completion_workdays
order by lane, bap_required, completion_workdays
