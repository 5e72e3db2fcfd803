-- Per office, the priority lane's tickets and quota on each day from $date_from to $date_to with tickets or a
-- quota (stg_quota_office_days): the small multiples of the offices side by side.
with office_days as (
    select * from stg_quota_office_days($date_from, $date_to, $office, 'prioritas', null, null, null)
)

select
    office_code,
    tanggal,
    tickets,
    daily_quota,
    over_quota
from office_days
order by office_code, tanggal
