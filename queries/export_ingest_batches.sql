-- Every load into the store (stored or refused files) whose loaded_at falls in the period, one row per batch:
-- file, hash, kind, row counts, status, who loaded it and when. The data filters (office, lane, ...) do not apply.
-- The office filter only picks the zone of the period's dates (stg_zoned_time: loaded_at is naive UTC).
with batches as (
    select * from ingest_batches
    where stg_zoned_time(loaded_at, $office) >= $date_from
      and stg_zoned_time(loaded_at, $office) < $date_to + interval 1 day
)

select
    batch_id,
    file_name,
    sha256,
    kind,
    rows,
    stored,
    replaced,
    unchanged,
    rejected,
    loaded_by,
    loaded_at,
    extra_columns,
    status,
    message
from batches
order by loaded_at, batch_id
