-- How many tickets per lane had each exact waiting or service time (minutes): the values behind the medians,
-- compact enough to compute a distribution-free 95% interval of each lane's median (kancil/stats.py).
with tickets as (
    select * from stg_antrian($date_from, $date_to, $office, $lane, $applicant_group, $service_type, $channel)
),

measured as (
    select lane, 'wait' as measure, wait_minutes as minutes from tickets where wait_minutes is not null
    union all
    select lane, 'service' as measure, service_minutes as minutes from tickets where service_minutes is not null
)

select measure, lane, minutes, count(*) as tickets
from measured
group by measure, lane, minutes
order by measure, lane, minutes
