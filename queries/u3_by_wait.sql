-- U3 (waktu penyelesaian) against the respondent's actual wait: responses of the period linked to a ticket (same
-- office_code and ticket_id) and answering U3, by the ticket's wait (called_at - issued_at, as in stg_antrian) in
-- buckets of 0–15, 15–30, 30–60 and 60+ minutes, per lane or per applicant group of the ticket ($by: 'lane' or
-- 'group'): n, mean U3 and a normal-approximation 95% interval (NULL for n < 2). A response links only to a ticket
-- issued at most 30 days before the date of its submission and not after it (docs/data-contract.md): the survey is
-- answered after the visit, and the bound lets the ticket side read only those days instead of the whole table.
with responses as (
    select office_code, ticket_id, submitted_at, u3
    from stg_survei($date_from, $date_to, $office, $lane, $applicant_group)
    where ticket_id is not null and u3 is not null
),

tickets as (
    select
        office_code,
        ticket_id,
        issued_at,
        lane,
        applicant_group,
        date_diff('second', issued_at, called_at) / 60.0 as wait_minutes
    from antrian
    where called_at is not null
      and issued_at >= $date_from - interval 30 day
      and issued_at < $date_to + interval 1 day
      and ($office is null or office_code = $office)
),

linked as (
    select
        case when $by = 'group' then tickets.applicant_group else tickets.lane end as category,
        tickets.wait_minutes,
        responses.u3
    from responses
    inner join tickets
        on tickets.office_code = responses.office_code
        and tickets.ticket_id = responses.ticket_id
        and tickets.issued_at >= cast(responses.submitted_at as date) - interval 30 day
        and tickets.issued_at <= responses.submitted_at
),

bucketed as (
    select
        category,
        case
            when wait_minutes < 15 then 1
            when wait_minutes < 30 then 2
            when wait_minutes < 60 then 3
            else 4
        end as bucket_order,
        u3
    from linked
),

summarised as (
    select
        category,
        bucket_order,
        count(*) as n,
        avg(u3) as mean_u3,
        stddev_samp(u3) as sd_u3
    from bucketed
    group by category, bucket_order
)

select
    category,
    bucket_order,
    ['0–15', '15–30', '30–60', '60+'][bucket_order] as wait_bucket,
    n,
    mean_u3,
    mean_u3 - 1.959964 * sd_u3 / sqrt(n) as ci_low,
    mean_u3 + 1.959964 * sd_u3 / sqrt(n) as ci_high
from summarised
order by category, bucket_order
