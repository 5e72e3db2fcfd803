-- Quota use per lane over the office-days with a valid quota (stg_quota_office_days): how many such days, how many
-- were over quota and their share, the tickets of those days, the quota, and the fill rate (tickets / quota).
-- Tickets on a non-working service day (a Saturday service) have no quota and are left out here.
with office_days as (
    select * from stg_quota_office_days($date_from, $date_to, $office, $lane, $applicant_group, $service_type, $channel)
    where daily_quota is not null
)

select
    lane,
    count(*) as days,
    count(*) filter (where over_quota) as over_quota_days,
    count(*) filter (where over_quota) / count(*) as over_quota_share,
    cast(sum(tickets) as bigint) as tickets,
    cast(sum(daily_quota) as bigint) as quota,
    sum(tickets) / sum(daily_quota) as fill_rate
from office_days
group by lane
order by lane
