-- Vulnerable applicants (every group but umum) who took a ticket in the reguler lane, against all vulnerable
-- applicants of the period: the people the priority service did not reach.
with tickets as (
    select applicant_group, lane
    from stg_antrian($date_from, $date_to, $office, null, $applicant_group, $service_type, $channel)
    where applicant_group <> 'umum'
)

select
    count(*) as vulnerable_tickets,
    count(*) filter (where lane = 'reguler') as in_reguler,
    count(*) filter (where lane = 'prioritas') as in_prioritas
from tickets
