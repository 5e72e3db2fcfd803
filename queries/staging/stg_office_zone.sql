-- The time zone (IANA) a view is shown in: the office's own (table kantor), for all offices (office null) the main
-- office's (setting kantor_utama, else the first office of kantor), WIB for an office kantor does not list. The
-- same rule as kancil/store/offices.py, for the queries that pick system instants (naive UTC) by the office's date.
create or replace temp macro stg_office_zone(office) as coalesce(
    (
        select k.timezone from kantor as k
        where k.office_code = coalesce(
            office,
            (
                select nullif(p.value, '') from pengaturan as p
                where p.key = 'kantor_utama'
            ),
            (select min(k2.office_code) from kantor as k2)
        )
    ),
    'Asia/Jakarta'
)
