-- The settings an office has changed (key, value); a key without a row keeps its default (kancil/store/settings.py).
with changed as (
    select key, value from pengaturan
)

select key, value
from changed
order by key
