-- Applications per lane, those that needed an examination (BAP), and the median BAP duration in minutes.
with applications as (
    select * from stg_permohonan($date_from, $date_to, $office, $lane, $applicant_group, $service_type)
)

select
    lane,
    count(*) as applications,
    count(*) filter (where bap_required) as bap,
    quantile_cont(bap_minutes, 0.5) filter (where bap_required) as median_bap_minutes
from applications
group by lane
order by lane
