-- The latest loads into the store, newest first: file, kind, row counts, status, who loaded it and when.
-- Refused files are included (status 'ditolak', with the reason in message); $limit caps the number of rows.
with batches as (
    select * from ingest_batches
)

select
    batch_id,
    file_name,
    kind,
    rows,
    stored,
    replaced,
    unchanged,
    rejected,
    status,
    loaded_by,
    loaded_at,
    message
from batches
order by loaded_at desc, batch_id desc
limit $limit
