-- Walk to the counter (called -> service start, minutes) per applicant group: n, median and p90 (linear).
-- A long walk for elderly, wheelchair or hearing- or sight-impaired applicants hints at layout or announcements.
with walked as (
    select applicant_group, walk_minutes
    from stg_antrian($date_from, $date_to, $office, $lane, $applicant_group, $service_type, $channel)
    where walk_minutes is not null
)

select
    applicant_group,
    count(*) as n,
    quantile_cont(walk_minutes, 0.5) as median,
    quantile_cont(walk_minutes, 0.9) as p90
from walked
group by applicant_group
order by applicant_group
