-- IKM (PermenPANRB 14/2017) of the period: the mean answer (NRR) of each of the nine elements, unanswered left
-- out, and the converted score (stg_ikm_score; NULL when an element has no answer at all) with its 0.11-weight
-- variant. responses counts every response.
with responses as (
    select * from stg_survei($date_from, $date_to, $office, $lane, $applicant_group)
),

element_means as (
    select
        count(*) as responses,
        avg(u1) as u1, avg(u2) as u2, avg(u3) as u3, avg(u4) as u4, avg(u5) as u5,
        avg(u6) as u6, avg(u7) as u7, avg(u8) as u8, avg(u9) as u9
    from responses
)

select
    *,
    stg_ikm_score(u1, u2, u3, u4, u5, u6, u7, u8, u9) as score,
    stg_ikm_score_weight_0_11(u1, u2, u3, u4, u5, u6, u7, u8, u9) as score_weight_0_11
from element_means
