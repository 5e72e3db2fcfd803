-- A system instant (naive UTC: load, change, download) as the time at the office whose zone the view is in
-- (stg_office_zone, installed before it: macros go in name order), so that the queries that pick such instants by
-- date compare the office's date, not UTC's.
create or replace temp macro stg_zoned_time(instant, office) as
timezone(stg_office_zone(office), instant at time zone 'UTC')
