-- Applications of the period (by submitted_at's local date) that pass the filters; channel does not apply.
-- completion_workdays: working days after the submission date up to and including the issue date
-- (hari_kerja.workday_index counts working days up to a date, so the difference is that count).
create or replace temp macro stg_permohonan(date_from, date_to, office, lane, applicant_group, service_type) as table
select
    p.*,
    cast(p.submitted_at as date) as tanggal,
    hi.workday_index - hs.workday_index as completion_workdays,
    date_diff('second', p.bap_start, p.bap_end) / 60.0 as bap_minutes,
    date_diff('second', p.mismatch_reported_at, p.mismatch_resolved_at) / 3600.0 as mismatch_resolution_hours
from permohonan p
left join hari_kerja hs on hs.office_code = p.office_code and hs.tanggal = cast(p.submitted_at as date)
left join hari_kerja hi on hi.office_code = p.office_code and hi.tanggal = cast(p.issued_at as date)
where p.submitted_at >= date_from
  and p.submitted_at < date_to + interval 1 day
  and (office is null or p.office_code = office)
  and (lane is null or p.lane = lane)
  and (applicant_group is null or p.applicant_group = applicant_group)
  and (service_type is null or p.service_type = service_type)
