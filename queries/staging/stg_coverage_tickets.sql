-- The coverage rule, stated once: the vulnerable applicants (every group but umum) with a ticket in the prioritas or
-- the reguler lane, every status, by the ticket's issued_at date; in_prioritas says which of the two. Percepatan is
-- left out (a paid choice, not a lane the priority service could have offered) and there is no lane filter
-- (coverage compares the two lanes). coverage_by_group and office_comparison count these rows.
create or replace temp macro stg_coverage_tickets(
    date_from, date_to, office, applicant_group, service_type, channel
) as table
select
    t.office_code,
    t.applicant_group,
    t.lane = 'prioritas' as in_prioritas
from stg_antrian(date_from, date_to, office, null, applicant_group, service_type, channel) as t
where t.applicant_group <> 'umum'
    and t.lane in ('prioritas', 'reguler')
