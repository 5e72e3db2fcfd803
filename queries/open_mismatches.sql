-- Open mismatch cases as of the end of $day, the one rule every surface states: cases reported up to the end of
-- that day and not resolved by then, whenever their application was submitted (an open case stays open across
-- periods until it is resolved). The briefing asks as of its day, the pages as of the period's last day.
with reported as (
    select *
    from permohonan
    where mismatch
      and mismatch_reported_at < $day + interval 1 day
      and ($office is null or office_code = $office)
      and ($lane is null or lane = $lane)
      and ($applicant_group is null or applicant_group = $applicant_group)
      and ($service_type is null or service_type = $service_type)
)

select
    count(*) filter (
        where mismatch_resolved_at is null or mismatch_resolved_at >= $day + interval 1 day
    ) as open_cases,
    min(mismatch_reported_at) filter (
        where mismatch_resolved_at is null or mismatch_resolved_at >= $day + interval 1 day
    ) as oldest_reported_at
from reported
