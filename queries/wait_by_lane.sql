-- Waiting time at the counter (called_at - issued_at, minutes) per lane; tickets never called are left out.
with called as (
    select lane, wait_minutes
    from stg_antrian($date_from, $date_to, $office, $lane, $applicant_group, $service_type, $channel)
    where called_at is not null
)

select
    lane,
    count(*) as n,
    quantile_cont(wait_minutes, 0.5) as median,
    quantile_cont(wait_minutes, 0.9) as p90
from called
group by lane
order by lane
