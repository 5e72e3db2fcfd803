-- How respondents heard of the service: responses of the period per info_source (NULL = left blank), with their
-- share of all responses; the most frequent first.
with responses as (
    select info_source
    from stg_survei($date_from, $date_to, $office, $lane, $applicant_group)
),

counted as (
    select info_source, count(*) as responses
    from responses
    group by info_source
)

select
    info_source,
    responses,
    responses / sum(responses) over () as share
from counted
order by responses desc, info_source nulls last
