-- Tickets per lane by waiting time in 5-minute buckets (bucket = its lower bound; waits of $cap_minutes and more
-- share the last bucket), with each bucket's share of the lane's called tickets (lane_tickets). Tickets never called
-- are left out.
with called as (
    select lane, wait_minutes
    from stg_antrian($date_from, $date_to, $office, $lane, $applicant_group, $service_type, $channel)
    where wait_minutes is not null
),

bucketed as (
    select lane, least(floor(wait_minutes / 5) * 5, $cap_minutes) as bucket
    from called
)

select
    lane,
    bucket,
    count(*) as tickets,
    count(*) / sum(count(*)) over (partition by lane) as share,
    cast(sum(count(*)) over (partition by lane) as bigint) as lane_tickets
from bucketed
group by lane, bucket
order by lane, bucket
