-- What every page's frame needs: demo flag, the newest ticket, the offices in the store.
-- The newest ticket is the time at its own office (newest_office): queue times are office-local.
with newest as (
    select
        max(issued_at) as newest_ticket,
        arg_max(office_code, issued_at) as newest_office
    from antrian
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
