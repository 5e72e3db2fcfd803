-- Per lane and hour of the day the ticket was issued: called tickets, their median wait (minutes), and how many
-- waited longer than the lane's target ($target_prioritas, $target_reguler, $target_percepatan): the service level.
with called as (
    select lane, hour(issued_at) as hour, wait_minutes
    from stg_antrian($date_from, $date_to, $office, $lane, $applicant_group, $service_type, $channel)
    where wait_minutes is not null
),

targeted as (
    select
        *,
        stg_lane_target(lane, $target_prioritas, $target_reguler, $target_percepatan) as target_minutes
    from called
)

select
    lane,
    hour,
    count(*) as n,
    quantile_cont(wait_minutes, 0.5) as median_wait,
    count(*) filter (where wait_minutes > target_minutes) as above_target,
    count(*) filter (where wait_minutes > target_minutes) / count(*) as share_above_target
from targeted
group by lane, hour
order by lane, hour
