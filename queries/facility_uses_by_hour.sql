-- Facility uses by the hour they started: per facility, weekday (ISO 1 = Monday) and hour, and per facility and
-- hour over all days (weekday null), with the hour's share of the facility's uses at that level.
with uses as (
    select facility, isodow(started_at) as weekday, hour(started_at) as hour
    from stg_fasilitas($date_from, $date_to, $office, $applicant_group)
),

counted as (
    select facility, weekday, hour, count(*) as uses
    from uses
    group by grouping sets ((facility, weekday, hour), (facility, hour))
)

select
    facility,
    weekday,
    hour,
    uses,
    uses / sum(uses) over (partition by facility, weekday is null) as share_of_facility
from counted
order by facility, weekday nulls first, hour
