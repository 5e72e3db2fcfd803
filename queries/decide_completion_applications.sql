-- The applications of one office submitted in a period (issued at any date), for the completion replay
-- (kancil/decide/replay_completion.py), with the calendar facts the replay needs from hari_kerja:
-- submit_index / issue_index: workday_index of the submission and issue dates (completion in working days is
-- their difference, the project's one definition: kancil/store/calendar.py refresh_completion);
-- after_submission: the first working day after the submission date (workday_index one higher, a working day);
-- after_bap: the first working day after the date of bap_end (NULL without a BAP end).
with applications as (
    select * from stg_permohonan($date_from, $date_to, $office, null, null, null)
),

days as (
    select tanggal, is_workday, workday_index
    from hari_kerja
    where office_code = $office
)

select
    a.application_id,
    a.lane,
    a.bap_required,
    a.tanggal as submitted_on,
    epoch_us(a.submitted_at) as submitted_us,
    cast(a.issued_at as date) as issued_on,
    a.completion_workdays,
    hs.workday_index as submit_index,
    hi.workday_index as issue_index,
    next_day.tanggal as after_submission,
    after_bap.tanggal as after_bap
from applications a
left join days hs on hs.tanggal = a.tanggal
left join days hi on hi.tanggal = cast(a.issued_at as date)
left join days next_day on next_day.workday_index = hs.workday_index + 1 and next_day.is_workday
left join days bap_day on bap_day.tanggal = cast(a.bap_end as date)
left join days after_bap on after_bap.workday_index = bap_day.workday_index + 1 and after_bap.is_workday
order by a.submitted_at, a.application_id
