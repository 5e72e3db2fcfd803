-- The converted IKM score (PermenPANRB 14/2017) from the nine elements' mean answers (NRR, 1-4):
-- IKM = sum of NRR x 1/9, converted score = IKM x 25 (25-100). The one definition of the score: every IKM query
-- applies it (overall, by lane, by group, by period), and the intervals take their weights from it
-- (kancil/metrics/ikm.py score_weights).
create or replace temp macro stg_ikm_score(u1, u2, u3, u4, u5, u6, u7, u8, u9) as
(u1 + u2 + u3 + u4 + u5 + u6 + u7 + u8 + u9) / 9.0 * 25
