-- The last $n working days up to and including $day, newest first, by the office's calendar
-- (or the national one, '*', when no office is chosen).
with calendar as (
    select tanggal
    from hari_kerja
    where office_code = coalesce($office, '*')
      and is_workday
      and tanggal <= $day
)

select tanggal
from calendar
order by tanggal desc
limit $n
