-- Applications of the period (by submitted_at's local date) that pass the filters; channel does not apply.
-- completion_workdays (stored with each application, kancil/store/calendar.py refresh_completion): working days after
-- the submission date up to and including the issue date (the difference of hari_kerja.workday_index at the two dates).
create or replace temp macro stg_permohonan(date_from, date_to, office, lane, applicant_group, service_type) as table
select
    p.*,
    cast(p.submitted_at as date) as tanggal,
    date_diff('second', p.bap_start, p.bap_end) / 60.0 as bap_minutes,
    date_diff('second', p.mismatch_reported_at, p.mismatch_resolved_at) / 3600.0 as mismatch_resolution_hours
from permohonan p
where p.submitted_at >= date_from
  and p.submitted_at < date_to + interval 1 day
  and (office is null or p.office_code = office)
  and (lane is null or p.lane = lane)
  and (applicant_group is null or p.applicant_group = applicant_group)
  and (service_type is null or p.service_type = service_type)
