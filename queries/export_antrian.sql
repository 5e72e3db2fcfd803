-- Queue tickets of the period (by issued_at's local date) passing every filter, one row per ticket as stored:
-- the data contract's columns plus batch_id (the load that stored the row). For the audited download.
with tickets as (
    select * from stg_antrian($date_from, $date_to, $office, $lane, $applicant_group, $service_type, $channel)
)

select
    ticket_id,
    office_code,
    lane,
    applicant_group,
    service_type,
    channel,
    issued_at,
    called_at,
    service_start,
    service_end,
    counter,
    officer_id,
    status,
    batch_id
from tickets
order by issued_at, office_code, ticket_id
