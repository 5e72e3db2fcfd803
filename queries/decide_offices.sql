-- The offices a decision-support command may be asked about: every office with tickets or applications in the
-- store (kancil/decide/inputs.py names them in the error for an unknown office).
with offices as (
    select distinct office_code from antrian
    union
    select distinct office_code from permohonan
)

select office_code
from offices
order by office_code
