-- IKM (PermenPANRB 14/2017): the mean answer (NRR) of each of the nine elements, unanswered left out,
-- the IKM as the sum of NRR x 1/9, and its converted score (x 25). responses counts every response.
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
    (u1 + u2 + u3 + u4 + u5 + u6 + u7 + u8 + u9) / 9.0 as ikm,
    (u1 + u2 + u3 + u4 + u5 + u6 + u7 + u8 + u9) / 9.0 * 25 as score
from element_means
