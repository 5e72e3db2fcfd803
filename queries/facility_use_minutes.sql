-- Lengths of facility uses in minutes (uses with an end time), for the 95% interval of each facility's median:
-- every use, or a fixed pseudo-random 5,000 per facility where there are more (the same rows on every run).
with timed_uses as (
    select facility, usage_id, office_code, use_minutes
    from stg_fasilitas($date_from, $date_to, $office, $applicant_group)
    where use_minutes is not null
),

numbered as (
    select
        facility,
        use_minutes,
        row_number() over (partition by facility order by hash(office_code, usage_id)) as pick
    from timed_uses
)

select facility, use_minutes
from numbered
where pick <= 5000
order by facility, use_minutes
