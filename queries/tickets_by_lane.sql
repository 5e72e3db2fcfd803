-- Per lane: tickets, no-shows (status tidak_hadir) and the waiting time at the counter (called_at - issued_at,
-- minutes; tickets never called are left out): n, median and p90, linear quantiles. One scan of the period's
-- tickets for the briefing's three queue figures (the service time is service_time_by_lane.sql).
with tickets as (
    select * from stg_antrian($date_from, $date_to, $office, $lane, $applicant_group, $service_type, $channel)
),

per_lane as (
    -- both quantiles in one call: DuckDB orders the values once for the pair
    select
        lane,
        count(*) as tickets,
        count(*) filter (where status = 'tidak_hadir') as no_show,
        count(wait_minutes) as wait_n,
        quantile_cont(wait_minutes, [0.5, 0.9]) as wait_quantiles
    from tickets
    group by lane
)

select
    lane,
    tickets,
    no_show,
    wait_n,
    wait_quantiles[1] as wait_median,
    wait_quantiles[2] as wait_p90
from per_lane
order by lane
