-- Queue tickets of the period (by issued_at's local date) that pass the dashboard's filters.
-- Every query over tickets starts here, so a filter means the same thing on every page.
create or replace temp macro stg_antrian(
    date_from, date_to, office, lane, applicant_group, service_type, channel
) as table
select
    *,
    cast(issued_at as date) as tanggal,
    date_diff('second', issued_at, called_at) / 60.0 as wait_minutes,
    date_diff('second', service_start, service_end) / 60.0 as service_minutes,
    date_diff('second', called_at, service_start) / 60.0 as walk_minutes
from antrian
where issued_at >= date_from
  and issued_at < date_to + interval 1 day
  and (office is null or office_code = office)
  and (lane is null or antrian.lane = lane)
  and (applicant_group is null or antrian.applicant_group = applicant_group)
  and (service_type is null or antrian.service_type = service_type)
  and (channel is null or antrian.channel = channel)
