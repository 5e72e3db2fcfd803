-- What every page's frame needs: demo flag, the newest ticket, the offices in the store.
with newest as (
    select max(issued_at) as newest_ticket from antrian
),

offices as (
    select string_agg(distinct office_code, ',' order by office_code) as offices from antrian
),

flags as (
    select
        max(value) filter (where key = 'demo') as demo,
        max(value) filter (where key = 'demo_layout_change') as layout_change
    from meta
)

select * from newest, offices, flags
