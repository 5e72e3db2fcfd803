-- Completion in working days per lane, BAP cases apart (the 4-working-day standard excludes them): applications
-- submitted in the period, how many are issued, linear quantiles over the issued ones, and (BAP excluded) how many
-- were issued within the standard: $target_days working days, percepatan $target_days_percepatan (same day).
-- Applications not issued yet are counted in `pending` and left out of the quantiles and the compliance share.
with applications as (
    select * from stg_permohonan($date_from, $date_to, $office, $lane, $applicant_group, $service_type)
),

targeted as (
    select
        lane,
        bap_required,
        issued_at is not null as issued,
        completion_workdays,
        case when lane = 'percepatan' then $target_days_percepatan else $target_days end as target_days
    from applications
)

select
    lane,
    bap_required,
    count(*) as applications,
    count(*) filter (where issued) as n,
    count(*) filter (where not issued) as pending,
    quantile_cont(completion_workdays, 0.5) filter (where issued) as median,
    quantile_cont(completion_workdays, 0.75) filter (where issued) as p75,
    quantile_cont(completion_workdays, 0.9) filter (where issued) as p90,
    quantile_cont(completion_workdays, 0.95) filter (where issued) as p95,
    case when not bap_required then count(*) filter (where issued and completion_workdays <= target_days) end
        as within_target,
    case
        when not bap_required and count(*) filter (where issued) > 0
            then count(*) filter (where issued and completion_workdays <= target_days)
                / count(*) filter (where issued)
    end as share_within_target
from targeted
group by lane, bap_required
order by lane, bap_required
