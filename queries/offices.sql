-- The offices the store knows by name and time zone (the kantor kind of the data contract), for
-- kancil/store/offices.py: every time shown is in the zone of its office.
select
    office_code,
    name,
    timezone
from kantor
order by office_code
