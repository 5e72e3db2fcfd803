-- Service time at the counter (service_end - service_start, minutes) per lane.
with served as (
    select lane, service_minutes
    from stg_antrian($date_from, $date_to, $office, $lane, $applicant_group, $service_type, $channel)
    where service_minutes is not null
)

select
    lane,
    count(*) as n,
    quantile_cont(service_minutes, 0.5) as median,
    quantile_cont(service_minutes, 0.9) as p90
from served
group by lane
order by lane
