-- Facility uses of the period (by started_at's local date); there is no lane, service type or channel.
create or replace temp macro stg_fasilitas(date_from, date_to, office, applicant_group) as table
select
    *,
    cast(started_at as date) as tanggal,
    date_diff('second', started_at, ended_at) / 60.0 as use_minutes
from fasilitas
where started_at >= date_from
  and started_at < date_to + interval 1 day
  and (office is null or office_code = office)
  and (applicant_group is null or fasilitas.applicant_group = applicant_group)
