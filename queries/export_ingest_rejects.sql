-- Rejected cells of the loads whose loaded_at falls in the period, one row per rejected cell, with the file name
-- and kind of its batch. The data filters (office, lane, ...) do not apply.
with batches as (
    select batch_id, file_name, kind, loaded_at from ingest_batches
    where loaded_at >= $date_from
      and loaded_at < $date_to + interval 1 day
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
