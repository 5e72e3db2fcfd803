-- Uses of each facility against the visits of the people it is meant for (uses per 100 eligible tickets), with the
-- median length of a use in minutes. Eligible tickets: ruang_laktasi ibu_balita; area_bermain_anak anak and
-- ibu_balita; kursi_roda lansia and disabilitas; ruang_tunggu_prioritas the prioritas lane; toilet_disabilitas
-- disabilitas and lansia. Uses count whoever used the facility. Tickets of every status, lane, service type and
-- channel count (the facility log has no lane, service type or channel, so those filters apply to neither side).
with uses as (
    select facility, use_minutes
    from stg_fasilitas($date_from, $date_to, $office, $applicant_group)
),

tickets as (
    select applicant_group, lane, count(*) as tickets
    from stg_antrian($date_from, $date_to, $office, null, $applicant_group, null, null)
    group by all
),

facilities (facility, position) as (
    values
        ('ruang_laktasi', 1),
        ('area_bermain_anak', 2),
        ('kursi_roda', 3),
        ('ruang_tunggu_prioritas', 4),
        ('toilet_disabilitas', 5)
),

eligibility (facility, applicant_group, lane) as (
    values
        ('ruang_laktasi', 'ibu_balita', null),
        ('area_bermain_anak', 'anak', null),
        ('area_bermain_anak', 'ibu_balita', null),
        ('kursi_roda', 'lansia', null),
        ('kursi_roda', 'disabilitas', null),
        ('ruang_tunggu_prioritas', null, 'prioritas'),
        ('toilet_disabilitas', 'disabilitas', null),
        ('toilet_disabilitas', 'lansia', null)
),

eligible_visits as (
    select e.facility, coalesce(sum(t.tickets), 0) as eligible_visits
    from eligibility e
    left join tickets t
        on (e.applicant_group is null or t.applicant_group = e.applicant_group)
        and (e.lane is null or t.lane = e.lane)
    group by e.facility
),

use_counts as (
    select
        facility,
        count(*) as uses,
        count(use_minutes) as timed_uses,
        quantile_cont(use_minutes, 0.5) as median_minutes
    from uses
    group by facility
)

select
    f.facility,
    coalesce(u.uses, 0) as uses,
    cast(v.eligible_visits as bigint) as eligible_visits,
    100.0 * coalesce(u.uses, 0) / nullif(v.eligible_visits, 0) as uses_per_100,
    coalesce(u.timed_uses, 0) as timed_uses,
    u.median_minutes
from facilities f
join eligible_visits v on v.facility = f.facility
left join use_counts u on u.facility = f.facility
order by f.position
