-- Facility uses per facility, with the median length of a use in minutes.
with uses as (
    select * from stg_fasilitas($date_from, $date_to, $office, $applicant_group)
)

select
    facility,
    count(*) as uses,
    quantile_cont(use_minutes, 0.5) as median_minutes
from uses
group by facility
order by facility
