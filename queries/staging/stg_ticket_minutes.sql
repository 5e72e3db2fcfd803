-- The period's waiting and service times as one long table: lane, measure ('wait' or 'service'), minutes and the
-- ticket, one row per ticket that has that time (stg_antrian's definitions and filters). For queries that treat
-- both alike.
create or replace temp macro stg_ticket_minutes(
    date_from, date_to, office, lane, applicant_group, service_type, channel
) as table
with tickets as (
    select * from stg_antrian(date_from, date_to, office, lane, applicant_group, service_type, channel)
)

-- tickets.lane: a bare "lane" here would be the macro's parameter
select tickets.lane, 'wait' as measure, wait_minutes as minutes, tickets.office_code, tickets.ticket_id
from tickets
where wait_minutes is not null
union all
select tickets.lane, 'service' as measure, service_minutes as minutes, tickets.office_code, tickets.ticket_id
from tickets
where service_minutes is not null
