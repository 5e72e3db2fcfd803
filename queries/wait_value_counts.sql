-- How many tickets per lane had each exact waiting or service time (minutes): the values behind the medians,
-- compact enough to compute a distribution-free 95% interval of each lane's median (kancil/metrics/stats.py).
with measured as (
    select * from stg_ticket_minutes($date_from, $date_to, $office, $lane, $applicant_group, $service_type, $channel)
)

select measure, lane, minutes, count(*) as tickets
from measured
group by measure, lane, minutes
order by measure, lane, minutes
