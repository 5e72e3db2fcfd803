-- Rejected cells of the loads whose loaded_at falls in the period, one row per rejected cell, with the file name
-- and kind of its batch. The data filters (office, lane, ...) do not apply.
-- The office filter only picks the zone of the period's dates (stg_zoned_time: loaded_at is naive UTC).
with batches as (
    select batch_id, file_name, kind, loaded_at from ingest_batches
    where stg_zoned_time(loaded_at, $office) >= $date_from
      and stg_zoned_time(loaded_at, $office) < $date_to + interval 1 day
),

rejects as (
    select * from ingest_rejects
)

select
    rejects.batch_id,
    batches.file_name,
    batches.kind,
    batches.loaded_at,
    rejects.row_number,
    rejects.column_name,
    rejects.value,
    rejects.reason
from rejects
join batches on batches.batch_id = rejects.batch_id
order by loaded_at, batch_id, row_number, column_name
