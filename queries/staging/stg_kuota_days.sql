-- One row per office, lane and working day on which a quota row is valid, with that day's quota.
-- Where validity periods overlap, the row that started last wins.
create or replace temp macro stg_kuota_days(date_from, date_to, office, lane) as table
select h.office_code, k.lane, h.tanggal, k.daily_quota
from kuota k
join hari_kerja h
    on h.office_code = k.office_code
    and h.tanggal between k.valid_from and coalesce(k.valid_to, date '9999-12-31')
where h.is_workday
  and h.tanggal between date_from and date_to
  and (office is null or k.office_code = office)
  and (lane is null or k.lane = lane)
qualify row_number() over (partition by h.office_code, k.lane, h.tanggal order by k.valid_from desc) = 1
