-- Coverage of the priority service per applicant group and in total (the row with applicant_group null): of the
-- vulnerable applicants with a ticket in the prioritas or reguler lane (stg_coverage_tickets, the one statement of
-- the rule), how many were in prioritas, and their share. The lane filter does not apply; the group filter does.
with vulnerable_tickets as (
    select * from stg_coverage_tickets($date_from, $date_to, $office, $applicant_group, $service_type, $channel)
),

per_group as (
    select
        applicant_group,
        count(*) filter (where in_prioritas) as in_prioritas,
        count(*) filter (where not in_prioritas) as in_reguler,
        count(*) as n
    from vulnerable_tickets
    group by grouping sets ((applicant_group), ())
)

select
    applicant_group,
    in_prioritas,
    in_reguler,
    n,
    in_prioritas / nullif(n, 0) as coverage
from per_group
order by applicant_group nulls last
