-- The converted IKM score with the weight rounded to 0.11 as in the regulation's worked example (sum of NRR x 0.11
-- x 25): about 1 % below the exact 1/9 of stg_ikm_score. Only for comparison with official reports that use it.
create or replace temp macro stg_ikm_score_weight_0_11(u1, u2, u3, u4, u5, u6, u7, u8, u9) as
(u1 + u2 + u3 + u4 + u5 + u6 + u7 + u8 + u9) * 0.11 * 25
