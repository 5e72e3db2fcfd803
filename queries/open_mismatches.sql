-- Mismatch cases reported up to the end of $day and not resolved by then (whenever the application was submitted).
with reported as (
    select *
    from permohonan
    where mismatch
      and mismatch_reported_at < $day + interval 1 day
      and ($office is null or office_code = $office)
      and ($lane is null or lane = $lane)
)

select
    count(*) filter (
        where mismatch_resolved_at is null or mismatch_resolved_at >= $day + interval 1 day
    ) as open_cases,
    min(mismatch_reported_at) filter (
        where mismatch_resolved_at is null or mismatch_resolved_at >= $day + interval 1 day
    ) as oldest_reported_at
from reported
