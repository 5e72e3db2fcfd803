-- Per lane: applications of the period, those that needed an examination (BAP) and their share, and the BAP
-- duration (bap_start -> bap_end, minutes) as median and p90 over the BAP cases with both times recorded.
with applications as (
    select lane, bap_required, bap_minutes
    from stg_permohonan($date_from, $date_to, $office, $lane, $applicant_group, $service_type)
)

select
    lane,
    count(*) as applications,
    count(*) filter (where bap_required) as bap,
    count(*) filter (where bap_required) / count(*) as share_bap,
    count(bap_minutes) filter (where bap_required) as n_duration,
    quantile_cont(bap_minutes, 0.5) filter (where bap_required) as median_bap_minutes,
    quantile_cont(bap_minutes, 0.9) filter (where bap_required) as p90_bap_minutes
from applications
group by lane
order by lane
