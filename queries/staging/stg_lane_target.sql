-- The waiting-time target of a ticket's lane (minutes), from the three targets a query is given as parameters
-- (the office settings target_wait_*): one definition for every query that compares a wait with its target.
create or replace temp macro stg_lane_target(lane, target_prioritas, target_reguler, target_percepatan) as
case lane
    when 'prioritas' then target_prioritas
    when 'reguler' then target_reguler
    when 'percepatan' then target_percepatan
end
