-- Coverage of the priority service, the one definition (briefing, Kuota, printout, summary --json): vulnerable
-- applicants (every group but umum) with a ticket in the prioritas or the reguler lane, by the ticket's issued_at
-- date, and the share of them in prioritas, per group and in total (the row with applicant_group null). Tickets of
-- every status count (the lane a person was put in); percepatan is left out (a paid choice, not a lane the
-- priority service could have offered), and the lane filter does not apply (coverage compares the two lanes).
with vulnerable_tickets as (
    select applicant_group, lane
    from stg_antrian($date_from, $date_to, $office, null, $applicant_group, $service_type, $channel)
    where applicant_group <> 'umum'
      and lane in ('prioritas', 'reguler')
),

per_group as (
    select
        applicant_group,
        count(*) filter (where lane = 'prioritas') as in_prioritas,
        count(*) filter (where lane = 'reguler') as in_reguler,
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
