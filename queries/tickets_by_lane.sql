-- Tickets and no-shows (status tidak_hadir) per lane.
with tickets as (
    select * from stg_antrian($date_from, $date_to, $office, $lane, $applicant_group, $service_type, $channel)
)

select
    lane,
    count(*) as tickets,
    count(*) filter (where status = 'tidak_hadir') as no_show
from tickets
group by lane
order by lane
