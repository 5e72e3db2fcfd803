-- Survey responses of the period (by submitted_at's local date); service type and channel do not apply.
create or replace temp macro stg_survei(date_from, date_to, office, lane, applicant_group) as table
select *, cast(submitted_at as date) as tanggal
from survei
where submitted_at >= date_from
  and submitted_at < date_to + interval 1 day
  and (office is null or office_code = office)
  and (lane is null or survei.lane = lane)
  and (applicant_group is null or survei.applicant_group = applicant_group)
