-- Survey responses of the period and the number of applicants they are drawn from (applications submitted in the
-- period under the same filters): the population N of the Krejcie-Morgan sample size.
with responses as (
    select count(*) as responses
    from stg_survei($date_from, $date_to, $office, $lane, $applicant_group)
),

applicants as (
    select count(*) as applicants
    from stg_permohonan($date_from, $date_to, $office, $lane, $applicant_group, $service_type)
)

select
    responses.responses,
    applicants.applicants
from responses
cross join applicants
