-- Applications of the period (by submitted_at's local date) passing the filters (channel does not apply), one row
-- per application as stored: the data contract's columns plus batch_id. For the audited download.
with applications as (
    select * from stg_permohonan($date_from, $date_to, $office, $lane, $applicant_group, $service_type)
)

select
    application_id,
    ticket_id,
    office_code,
    lane,
    applicant_group,
    service_type,
    submitted_at,
    bap_required,
    bap_start,
    bap_end,
    paid_at,
    issued_at,
    collected_at,
    mismatch,
    mismatch_reported_at,
    mismatch_resolved_at,
    batch_id
from applications
order by submitted_at, office_code, application_id
