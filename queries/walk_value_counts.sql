-- How many tickets per applicant group had each exact walk-to-counter time (minutes): the values behind the
-- medians of walk_by_group, for their 95% intervals.
with walked as (
    select applicant_group, walk_minutes
    from stg_antrian($date_from, $date_to, $office, $lane, $applicant_group, $service_type, $channel)
    where walk_minutes is not null
)

select applicant_group, walk_minutes as minutes, count(*) as tickets
from walked
group by applicant_group, walk_minutes
order by applicant_group, walk_minutes
