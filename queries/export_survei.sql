-- Survey responses of the period (by submitted_at's local date) passing the filters (service type and channel do
-- not apply), one row per response as stored: the data contract's columns plus batch_id. For the audited download.
with responses as (
    select * from stg_survei($date_from, $date_to, $office, $lane, $applicant_group)
)

select
    response_id,
    office_code,
    submitted_at,
    ticket_id,
    lane,
    applicant_group,
    u1,
    u2,
    u3,
    u4,
    u5,
    u6,
    u7,
    u8,
    u9,
    info_source,
    comment,
    batch_id
from responses
order by submitted_at, office_code, response_id
