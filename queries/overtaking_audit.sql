-- Overtaking audit: for each called priority ticket, how many reguler or percepatan tickets of the same office,
-- issued later the same day, were called before it. Summed per day of issue (level 'day'), per hour of issue
-- (level 'hour') and over the period (level 'total'): priority tickets, those overtaken at least once (by any, by
-- reguler, by percepatan; counts and shares) and the overtaking tickets. Priority tickets never called are left
-- out. The filters choose the priority tickets (with lane reguler or percepatan there are none); the overtaking
-- tickets are every called reguler or percepatan ticket of that office and day.
with priority as (
    select office_code, ticket_id, tanggal, hour(issued_at) as hour, issued_at, called_at
    from stg_antrian($date_from, $date_to, $office, $lane, $applicant_group, $service_type, $channel)
    where lane = 'prioritas' and called_at is not null
),

others as (
    select office_code, lane, tanggal, issued_at, called_at
    from stg_antrian($date_from, $date_to, $office, null, null, null, null)
    where lane in ('reguler', 'percepatan') and called_at is not null
),

per_ticket as (
    select
        p.office_code,
        p.ticket_id,
        p.tanggal,
        p.hour,
        count(o.lane) as overtakers,
        count(o.lane) filter (where o.lane = 'reguler') as by_reguler,
        count(o.lane) filter (where o.lane = 'percepatan') as by_percepatan
    from priority p
    left join others o
        on o.office_code = p.office_code
        and o.tanggal = p.tanggal
        and o.issued_at > p.issued_at
        and o.called_at < p.called_at
    group by p.office_code, p.ticket_id, p.tanggal, p.hour
)

select
    case when grouping(tanggal) = 0 then 'day' when grouping(hour) = 0 then 'hour' else 'total' end as level,
    tanggal,
    hour,
    count(*) as priority_tickets,
    count(*) filter (where overtakers > 0) as overtaken,
    count(*) filter (where overtakers > 0) / count(*) as share_overtaken,
    count(*) filter (where by_reguler > 0) as overtaken_by_reguler,
    count(*) filter (where by_reguler > 0) / count(*) as share_by_reguler,
    count(*) filter (where by_percepatan > 0) as overtaken_by_percepatan,
    count(*) filter (where by_percepatan > 0) / count(*) as share_by_percepatan,
    cast(sum(overtakers) as bigint) as overtakers,
    max(overtakers) as max_overtakers
from per_ticket
group by grouping sets ((tanggal), (hour), ())
order by level, tanggal, hour
