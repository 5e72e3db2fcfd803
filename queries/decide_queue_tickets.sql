-- The tickets of one office over a period, for the counter-queue replay (kancil/decide/replay_queue.py), in issue
-- order. Times as whole microseconds since the epoch (local time, as stored), so the replay adds and compares
-- exact integers. hold_us = service_end - called_at: how long the ticket held its counter, the walk included.
-- replayed: a served ticket with the times the replay needs; every other ticket keeps its recorded outcome.
with tickets as (
    select * from stg_antrian($date_from, $date_to, $office, null, null, null, null)
)

select
    ticket_id,
    lane,
    tanggal,
    counter,
    status,
    epoch_us(issued_at) as issued_us,
    epoch_us(called_at) as called_us,
    epoch_us(service_end) as end_us,
    epoch_us(service_end) - epoch_us(called_at) as hold_us,
    status = 'selesai' and called_at is not null and service_end is not null as replayed
from tickets
order by tanggal, issued_at, ticket_id
