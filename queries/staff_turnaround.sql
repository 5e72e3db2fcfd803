-- Per counter (level 'counter') and per officer code (level 'officer', pseudonymous): called tickets, median wait
-- and median service time (minutes), and how many waited longer than their lane's target ($target_prioritas,
-- $target_reguler, $target_percepatan). Tickets without a counter or officer are left out of that level.
with called as (
    select
        counter,
        officer_id,
        wait_minutes,
        service_minutes,
        stg_lane_target(lane, $target_prioritas, $target_reguler, $target_percepatan) as target_minutes
    from stg_antrian($date_from, $date_to, $office, $lane, $applicant_group, $service_type, $channel)
    where wait_minutes is not null
),

by_level as (
    select
        case when grouping(counter) = 0 then 'counter' else 'officer' end as level,
        coalesce(counter, officer_id) as code,
        count(*) as tickets,
        quantile_cont(wait_minutes, 0.5) as median_wait,
        quantile_cont(service_minutes, 0.5) as median_service,
        count(*) filter (where wait_minutes > target_minutes) as above_target,
        count(*) filter (where wait_minutes > target_minutes) / count(*) as share_above_target
    from called
    group by grouping sets ((counter), (officer_id))
)

select *
from by_level
where code is not null
order by level, code
