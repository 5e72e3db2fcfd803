-- The days a forecast covers (kancil/decide/forecast.py): the next $horizon working days of one office after
-- $after (its newest data day), from the office's calendar (hari_kerja: holidays, cuti bersama and closures are
-- not working days), each with the quota of the lane in force that day (NULL: none set).
with days as (
    select tanggal
    from hari_kerja
    where office_code = $office
      and is_workday
      and tanggal > $after
    order by tanggal
    limit $horizon
),

quota as (
    select tanggal, daily_quota
    from stg_kuota_days($after, cast($after as date) + 800, $office, $lane)
)

select days.tanggal, quota.daily_quota
from days
left join quota on quota.tanggal = days.tanggal
order by days.tanggal
