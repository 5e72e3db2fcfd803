"""The satisfaction figures: the IKM headline, the elements lowest first, the IKM per lane, group or period with
its 95% interval, and whether the survey reached the Krejcie-Morgan sample size.

Every score comes from SQL (``stg_ikm_score`` through ``ikm_elements``, ``ikm_by`` and ``ikm_trend``); what is here
adds what needs Python: the bootstrap interval over the response rows of ``survey_responses`` (with the score's
weights read off the same macro, ``ikm.score_weights``), the category letter and the sample size.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kancil.contract import IKM_ELEMENTS
from kancil.filters import Filters
from kancil.metrics import ikm, stats
from kancil.store import queries

BUCKET_COLUMNS = {"month": "month_start", "quarter": "quarter_start", "semester": "semester_start"}
BY_COLUMN = {"lane": "lane", "group": "applicant_group"}


def _num(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def answers(rows: pd.DataFrame) -> np.ndarray:
    """The u1..u9 answers of response rows as floats, NaN for unanswered (the nullable integers' NA)."""
    return rows[list(IKM_ELEMENTS)].astype("float64").to_numpy()


def headline(con, filters: Filters) -> dict:
    """Score (1/9), its 0.11-weight variant, category letter and name, responses (``ikm_elements``)."""
    row = queries.run(con, "ikm_elements", filters).iloc[0]
    score = _num(row["score"])
    category = ikm.ikm_category(score)
    return {"score": score, "category": category, "category_name": ikm.ikm_category_name(category),
            "responses": int(row["responses"]), "score_weight_0_11": _num(row["score_weight_0_11"]),
            "elements": {u: _num(row[u]) for u in IKM_ELEMENTS}}


def elements_ranked(con, filters: Filters) -> pd.DataFrame:
    """The nine elements' NRR, lowest first (unanswered elements last), and whether each is below the floor."""
    row = queries.run(con, "ikm_elements", filters).iloc[0]
    frame = pd.DataFrame({"element": list(IKM_ELEMENTS), "nrr": [_num(row[u]) for u in IKM_ELEMENTS]})
    frame["below_floor"] = frame["nrr"].lt(ikm.ELEMENT_FLOOR).fillna(False).astype(bool)
    frame["responses"] = int(row["responses"])  # the count every NRR rests on (for the privacy rule)
    return frame.sort_values("nrr", na_position="last", kind="stable").reset_index(drop=True)


def _intervals(con, rows: pd.DataFrame, keys: pd.Series) -> dict[object, tuple]:
    """The 95% interval of the score of each group of response rows (the NULL key kept as None)."""
    weights = ikm.score_weights(con)
    out = {}
    for key in keys.drop_duplicates():
        part = answers(rows[keys.isna()] if key is None or pd.isna(key) else rows[keys == key])
        scorable = len(part) and not np.isnan(part).all(axis=0).any()
        out[None if key is None or pd.isna(key) else key] = stats.ikm_ci(part, weights) if scorable else (None, None)
    return out


def ikm_by_ci(con, filters: Filters, by: str = "lane") -> pd.DataFrame:
    """Per lane or group (``by``): responses, the score (``ikm_by.sql``), its category and 95% interval, n < 30."""
    scores = queries.run(con, "ikm_by", filters, by=by)
    rows = queries.run(con, "survey_responses", filters)
    intervals = _intervals(con, rows, rows[BY_COLUMN[by]].astype(object).where(rows[BY_COLUMN[by]].notna(), None))
    keys = [None if pd.isna(c) else c for c in scores["category"]]
    return pd.DataFrame({
        "category": keys,
        "responses": scores["responses"].astype("int64"),
        "score": scores["score"].astype("float64"),
        "ikm_category": [ikm.ikm_category(_num(s)) for s in scores["score"]],
        "ci_low": [intervals.get(k, (None, None))[0] for k in keys],
        "ci_high": [intervals.get(k, (None, None))[1] for k in keys],
        "small_n": [stats.is_small(int(n)) for n in scores["responses"]],
    })


def trend_ci(con, filters: Filters, bucket: str = "month") -> pd.DataFrame:
    """The IKM per month, quarter or semester (``ikm_trend.sql``) with each bucket's 95% interval."""
    scores = queries.run(con, "ikm_trend", filters, bucket=bucket)
    rows = queries.run(con, "survey_responses", filters)
    starts = pd.to_datetime(rows[BUCKET_COLUMNS[bucket]]).dt.date
    intervals = _intervals(con, rows, starts)
    keys = list(pd.to_datetime(scores["period_start"]).dt.date)
    return pd.DataFrame({
        "period_start": keys,
        "covered_from": pd.to_datetime(scores["covered_from"]).dt.date,
        "covered_to": pd.to_datetime(scores["covered_to"]).dt.date,
        "partial": scores["partial"].astype(bool),
        "responses": scores["responses"].astype("int64"),
        "score": scores["score"].astype("float64"),
        "ci_low": [intervals.get(k, (None, None))[0] for k in keys],
        "ci_high": [intervals.get(k, (None, None))[1] for k in keys],
        "small_n": [stats.is_small(int(n)) for n in scores["responses"]],
    })


def sample_check(con, filters: Filters) -> pd.DataFrame:
    """Responses against the Krejcie-Morgan sample size for the period's applicants: required, enough, short by
    (one row)."""
    row = queries.run(con, "survey_sample", filters).iloc[0]
    responses, applicants = int(row["responses"]), int(row["applicants"])
    required = ikm.krejcie_morgan(applicants)
    return pd.DataFrame([{"responses": responses, "applicants": applicants, "required": required,
                          "enough": responses >= required, "short": max(required - responses, 0)}])
