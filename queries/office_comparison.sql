-- Offices side by side for the briefing: per office (its name from kantor), the day's tickets and priority tickets
-- against the priority quota, the priority lane's over-quota days among its quota days from $window_from to $day,
-- the day's priority p90 wait, and over the last 30 days ($last30_from to $day) the median completion of prioritas
-- and reguler, coverage
-- (stg_coverage_tickets) and the IKM (stg_ikm_score). Each figure is the catalogue's definition at office grain.
with offices as (
    select distinct office_code
    from antrian
    where $office is null or office_code = $office
),

day_tickets as (
    select
        office_code,
        count(*) as tickets,
        count(*) filter (where lane = 'prioritas') as priority_tickets
    from stg_antrian($day, $day, $office, null, null, null, null)
    group by office_code
),

day_quota as (
    select office_code, daily_quota as priority_quota
    from stg_quota_office_days($day, $day, $office, 'prioritas', null, null, null)
    where daily_quota is not null
),

window_quota as (
    select
        office_code,
        count(*) filter (where daily_quota is not null) as quota_days,
        count(*) filter (where over_quota) as over_quota_days
    from stg_quota_office_days($window_from, $day, $office, 'prioritas', null, null, null)
    group by office_code
),

day_waits as (
    select office_code, quantile_cont(wait_minutes, 0.9) as priority_wait_p90
    from stg_antrian($day, $day, $office, 'prioritas', null, null, null)
    where wait_minutes is not null
    group by office_code
),

completion as (
    select
        office_code,
        quantile_cont(completion_workdays, 0.5) filter (where lane = 'prioritas') as completion_prioritas,
        quantile_cont(completion_workdays, 0.5) filter (where lane = 'reguler') as completion_reguler
    from stg_permohonan($last30_from, $day, $office, null, null, null)
    where issued_at is not null
    group by office_code
),

coverage as (
    select
        office_code,
        count(*) as vulnerable,
        count(*) filter (where not in_prioritas) as in_reguler,
        count(*) filter (where in_prioritas) / count(*) as coverage
    from stg_coverage_tickets($last30_from, $day, $office, null, null, null)
    group by office_code
),

satisfaction as (
    select
        office_code,
        count(*) as responses,
        stg_ikm_score(avg(u1), avg(u2), avg(u3), avg(u4), avg(u5), avg(u6), avg(u7), avg(u8), avg(u9)) as ikm_score
    from stg_survei($last30_from, $day, $office, null, null)
    group by office_code
)

select
    offices.office_code,
    kantor.name as office_name,
    coalesce(day_tickets.tickets, 0) as tickets,
    coalesce(day_tickets.priority_tickets, 0) as priority_tickets,
    day_quota.priority_quota,
    coalesce(window_quota.quota_days, 0) as quota_days,
    coalesce(window_quota.over_quota_days, 0) as over_quota_days,
    day_waits.priority_wait_p90,
    completion.completion_prioritas,
    completion.completion_reguler,
    coalesce(coverage.vulnerable, 0) as vulnerable,
    coalesce(coverage.in_reguler, 0) as in_reguler,
    coverage.coverage,
    coalesce(satisfaction.responses, 0) as responses,
    satisfaction.ikm_score
from offices
left join kantor on kantor.office_code = offices.office_code
left join day_tickets on day_tickets.office_code = offices.office_code
left join day_quota on day_quota.office_code = offices.office_code
left join window_quota on window_quota.office_code = offices.office_code
left join day_waits on day_waits.office_code = offices.office_code
left join completion on completion.office_code = offices.office_code
left join coverage on coverage.office_code = offices.office_code
left join satisfaction on satisfaction.office_code = offices.office_code
order by offices.office_code
