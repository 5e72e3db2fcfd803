-- Tickets per lane by applicant group and by channel (every status), with each one's share of the lane's tickets.
with tickets as (
    select lane, applicant_group, channel
    from stg_antrian($date_from, $date_to, $office, $lane, $applicant_group, $service_type, $channel)
),

by_group as (
    select lane, 'applicant_group' as dimension, applicant_group as code, count(*) as tickets
    from tickets
    group by all
),

by_channel as (
    select lane, 'channel' as dimension, channel as code, count(*) as tickets
    from tickets
    group by all
),

mix as (
    select * from by_group
    union all
    select * from by_channel
)

select
    lane,
    dimension,
    code,
    tickets,
    sum(tickets) over (partition by lane, dimension) as lane_tickets,
    tickets / sum(tickets) over (partition by lane, dimension) as share
from mix
order by lane, dimension, code
