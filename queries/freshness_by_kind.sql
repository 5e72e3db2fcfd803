-- Per data kind (contract order): rows stored, the newest timestamp in the data (kuota: the latest valid_from)
-- and the last successful load of a file of that kind (when, by whom, which file). Whole store, no filters.
with kinds (position, kind) as (
    values (1, 'antrian'), (2, 'permohonan'), (3, 'survei'), (4, 'fasilitas'), (5, 'kuota'), (6, 'kantor')
),

newest_data as (
    select 'antrian' as kind, count(*) as stored_rows, max(issued_at) as newest_data from antrian
    union all
    select 'permohonan', count(*), max(submitted_at) from permohonan
    union all
    select 'survei', count(*), max(submitted_at) from survei
    union all
    select 'fasilitas', count(*), max(started_at) from fasilitas
    union all
    select 'kuota', count(*), cast(max(valid_from) as timestamp) from kuota
    union all
    select 'kantor', count(*), cast(null as timestamp) from kantor
),

last_loads as (
    select
        kind,
        max(loaded_at) as last_loaded_at,
        arg_max(loaded_by, loaded_at) as last_loaded_by,
        arg_max(file_name, loaded_at) as last_file
    from ingest_batches
    where status = 'dimuat'
    group by kind
)

select
    kinds.kind,
    newest_data.stored_rows,
    newest_data.newest_data,
    last_loads.last_loaded_at,
    last_loads.last_loaded_by,
    last_loads.last_file
from kinds
left join newest_data using (kind)
left join last_loads using (kind)
order by kinds.position
