-- IKM per period bucket ($bucket: 'month', 'quarter' or 'semester') of the period's responses: the bucket's first
-- and last day, the part of it inside the period, responses, and the converted score (stg_ikm_score of the
-- elements' mean answers, unanswered left out).
with responses as (
    select * from stg_survei($date_from, $date_to, $office, $lane, $applicant_group)
),

bucketed as (
    select
        case $bucket
            when 'month' then cast(date_trunc('month', tanggal) as date)
            when 'quarter' then cast(date_trunc('quarter', tanggal) as date)
            else make_date(year(tanggal), case when month(tanggal) <= 6 then 1 else 7 end, 1)
        end as period_start,
        u1, u2, u3, u4, u5, u6, u7, u8, u9
    from responses
),

element_means as (
    select
        period_start,
        count(*) as responses,
        avg(u1) as u1, avg(u2) as u2, avg(u3) as u3, avg(u4) as u4, avg(u5) as u5,
        avg(u6) as u6, avg(u7) as u7, avg(u8) as u8, avg(u9) as u9
    from bucketed
    group by period_start
),

bounded as (
    select
        *,
        cast(period_start + case $bucket
            when 'month' then interval 1 month
            when 'quarter' then interval 3 month
            else interval 6 month
        end - interval 1 day as date) as period_end
    from element_means
)

select
    period_start,
    period_end,
    greatest(period_start, $date_from) as covered_from,
    least(period_end, $date_to) as covered_to,
    period_start < $date_from or period_end > $date_to as partial,
    responses,
    stg_ikm_score(u1, u2, u3, u4, u5, u6, u7, u8, u9) as score
from bounded
order by period_start
