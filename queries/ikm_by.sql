-- IKM per lane or per applicant group of the response ($by: 'lane' or 'group'; a response without one is the
-- NULL category): responses and the converted score (stg_ikm_score of the elements' mean answers, unanswered left
-- out), so a lane's score here is the score ikm_elements.sql gives with that lane's filter.
with responses as (
    select * from stg_survei($date_from, $date_to, $office, $lane, $applicant_group)
),

categorised as (
    select
        case when $by = 'group' then applicant_group else lane end as category,
        u1, u2, u3, u4, u5, u6, u7, u8, u9
    from responses
),

element_means as (
    select
        category,
        count(*) as responses,
        avg(u1) as u1, avg(u2) as u2, avg(u3) as u3, avg(u4) as u4, avg(u5) as u5,
        avg(u6) as u6, avg(u7) as u7, avg(u8) as u8, avg(u9) as u9
    from categorised
    group by category
)

select
    category,
    responses,
    stg_ikm_score(u1, u2, u3, u4, u5, u6, u7, u8, u9) as score
from element_means
order by category nulls last
