-- The download log (append-only): every download whose downloaded_at falls in the period, oldest first, with who,
-- the dataset, its filters (JSON), the format, the row count and the data file's SHA-256.
with downloads as (
    select * from unduhan_log
    where downloaded_at >= $date_from
      and downloaded_at < $date_to + interval 1 day
)

select
    download_id,
    username,
    role,
    downloaded_at,
    dataset,
    filters,
    file_format,
    rows,
    sha256,
    via
from downloads
order by downloaded_at, download_id
