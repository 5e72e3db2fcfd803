-- Every load into the store (stored or refused files) whose loaded_at falls in the period, one row per batch:
-- file, hash, kind, row counts, status, who loaded it and when. The data filters (office, lane, ...) do not apply.
with batches as (
    select * from ingest_batches
    where loaded_at >= $date_from
      and loaded_at < $date_to + interval 1 day
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
