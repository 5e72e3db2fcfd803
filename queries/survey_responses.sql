-- The answers (u1..u9, NULL = unanswered) of each response of the period with its lane, applicant group and the
-- first day of its month, quarter and semester (as in ikm_trend.sql): the rows stats.ikm_ci resamples for the 95%
-- interval of each lane's, group's and period's IKM. No identifier, date, ticket or comment.
with responses as (
    select * from stg_survei($date_from, $date_to, $office, $lane, $applicant_group)
)

select
    lane,
    applicant_group,
    cast(date_trunc('month', tanggal) as date) as month_start,
    cast(date_trunc('quarter', tanggal) as date) as quarter_start,
    make_date(year(tanggal), case when month(tanggal) <= 6 then 1 else 7 end, 1) as semester_start,
    u1, u2, u3, u4, u5, u6, u7, u8, u9
from responses
order by response_id
