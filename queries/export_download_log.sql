-- The download log (append-only): every download whose downloaded_at falls in the period, oldest first, with who,
-- the dataset, its filters (JSON), the format, the row count and the data file's SHA-256.
-- With each entry's place in the hash chain (seq, prev_hash, entry_hash: kancil/store/log_chain.py).
-- downloaded_at is naive UTC; the period is the office's dates (stg_zoned_time: the office filter picks the zone).
with downloads as (
    select * from unduhan_log
    where stg_zoned_time(downloaded_at, $office) >= $date_from
      and stg_zoned_time(downloaded_at, $office) < $date_to + interval 1 day
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
    via,
    seq,
    prev_hash,
    entry_hash
from downloads
order by downloaded_at, download_id
