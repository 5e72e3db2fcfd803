-- Every change of the office's settings, newest first: setting values (pengaturan_riwayat), extra closed and
-- service days (kalender_riwayat) and quota periods (the kuota batches of ingest_batches that changed rows),
-- each with who made it and when. Old and new value where the store keeps them: a quota row that a later batch
-- replaced is gone, so a quota batch shows what it loaded (the rows still stored from it, or its counts).
with setting_changes as (
    select
        changed_at,
        changed_by,
        'pengaturan' as area,
        key as item,
        old_value,
        new_value
    from pengaturan_riwayat
),

calendar_changes as (
    select
        changed_at,
        changed_by,
        'kalender' as area,
        strftime(tanggal, '%Y-%m-%d') || ' · ' || coalesce(office_code, '*') as item,
        case when action = 'hapus' then jenis || coalesce(': ' || keterangan, '') end as old_value,
        case when action = 'tambah' then jenis || coalesce(': ' || keterangan, '') end as new_value
    from kalender_riwayat
),

quota_rows_per_batch as (
    select
        batch_id,
        count(*) as periods,
        string_agg(
            office_code || ' ' || lane || ' ' || strftime(valid_from, '%Y-%m-%d') || ' – '
            || coalesce(strftime(valid_to, '%Y-%m-%d'), '…') || ': ' || cast(daily_quota as varchar),
            '; ' order by office_code, lane, valid_from
        ) as described
    from kuota
    group by batch_id
),

quota_changes as (
    select
        b.loaded_at as changed_at,
        b.loaded_by as changed_by,
        'kuota' as area,
        b.file_name as item,
        cast(null as varchar) as old_value,
        case
            when q.periods between 1 and 3 then q.described
            else cast(b.stored - b.unchanged as varchar) || ' periode (' || cast(b.replaced as varchar) || ' mengganti)'
        end as new_value
    from ingest_batches b
    left join quota_rows_per_batch q using (batch_id)
    where b.kind = 'kuota' and b.status = 'dimuat' and b.stored > b.unchanged
),

all_changes as (
    select * from setting_changes
    union all
    select * from calendar_changes
    union all
    select * from quota_changes
)

select changed_at, changed_by, area, item, old_value, new_value
from all_changes
order by changed_at desc
limit $limit
