-- Facility uses of the period (by started_at's local date) passing the office and group filters, one row per use
-- as stored: the data contract's columns plus batch_id. For the audited download.
with uses as (
    select * from stg_fasilitas($date_from, $date_to, $office, $applicant_group)
)

select
    usage_id,
    office_code,
    facility,
    started_at,
    ended_at,
    applicant_group,
    batch_id
from uses
order by started_at, office_code, usage_id
