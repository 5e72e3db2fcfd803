-- One row per office, lane and day that has tickets or a quota: the day's tickets (every status, the dashboard's
-- filters) and its quota (NULL on a day without one, e.g. a Saturday service day). The one office-day model that
-- quota use is built on: quota_daily sums it per lane and day, quota_by_lane per lane over the days with a quota,
-- so a fill rate, an over-quota day and a quota day mean the same in both.
create or replace temp macro stg_quota_office_days(
    date_from, date_to, office, lane, applicant_group, service_type, channel
) as table
-- the CTEs name their columns through an alias: a bare "lane" would be the macro's parameter
with quota_days as (
    select k.office_code, k.lane, k.tanggal, k.daily_quota
    from stg_kuota_days(date_from, date_to, office, lane) as k
),

tickets_per_office_day as (
    select stg.office_code, stg.lane, stg.tanggal, count(*) as tickets
    from stg_antrian(date_from, date_to, office, lane, applicant_group, service_type, channel) as stg
    group by all
)

select
    coalesce(q.office_code, t.office_code) as office_code,
    coalesce(q.lane, t.lane) as lane,
    coalesce(q.tanggal, t.tanggal) as tanggal,
    q.daily_quota,
    coalesce(t.tickets, 0) as tickets,
    q.daily_quota is not null and coalesce(t.tickets, 0) > q.daily_quota as over_quota
from quota_days as q
full join tickets_per_office_day as t
    on t.office_code = q.office_code
    and t.lane = q.lane
    and t.tanggal = q.tanggal
