-- A page of the period's most recent comments that contain $search ($limit of them after the first $offset),
-- case-insensitive and as plain text (% and _ are no wildcards; '' matches every comment), with the submission
-- date, the lane, and the number of matching comments. Never the applicant group: a comment must not stand next
-- to a disability or health group.
with responses as (
    select response_id, submitted_at, tanggal, lane, comment
    from stg_survei($date_from, $date_to, $office, $lane, $applicant_group)
    where nullif(trim(comment), '') is not null
),

escaped as (
    select replace(replace(replace($search, '\', '\\'), '%', '\%'), '_', '\_') as pattern
),

matching as (
    select responses.*, count(*) over () as matches
    from responses
    cross join escaped
    where comment ilike '%' || escaped.pattern || '%' escape '\'
)

select
    tanggal,
    lane,
    comment,
    matches
from matching
order by submitted_at desc, response_id desc
limit $limit offset $offset
