"""The satisfaction page's few computations outside SQL: IKM with its interval per lane, group or period, the
elements lowest first, and whether the survey reached the Krejcie-Morgan sample size.

The SQL in ``queries/`` does the counting. What is here needs Python: the bootstrap interval of an IKM score
(``stats.ikm_ci``) over the response rows of ``queries/survey_responses.sql``, with the
score itself defined as in
``queries/ikm_elements.sql`` (mean answer of each element, unanswered left out, x 1/9 x 25), so a lane's or a
month's score here equals the one ``metrics.summary`` reports for that lane or month.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from kancil.contract import IKM_ELEMENTS
from kancil.metrics import kpis, stats

ELEMENT_FLOOR = 3.0  # the reference line of the element chart: an NRR below "Sesuai" (3) asks for attention
BUCKET_COLUMNS = {"month": "month_start", "quarter": "quarter_start", "semester": "semester_start"}


def answers(rows: pd.DataFrame) -> np.ndarray:
    """The u1..u9 answers of response rows as floats, NaN for unanswered (the nullable integers' NA)."""
    return rows[list(IKM_ELEMENTS)].astype("float64").to_numpy()


def score(values: np.ndarray) -> float | None:
    """The converted IKM score of a (responses x 9) array; None when an element has no answer at all."""
    if len(values) == 0 or np.isnan(values).all(axis=0).any():
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", category=RuntimeWarning)
        return stats.ikm_score(values)


def ikm_by(rows: pd.DataFrame, column: str) -> pd.DataFrame:
    """Per value of ``column`` (a missing lane or group is kept as None): n, the IKM score, its 95% bootstrap
    interval and whether n < 30; in the order the values first appear after sorting (None last)."""
    columns = [column, "n", "score", "ci_low", "ci_high", "small_n"]
    out = []
    keys = rows[column].astype(object).where(rows[column].notna(), None)
    for key in sorted(keys.unique(), key=lambda k: (k is None, str(k))):
        part = answers(rows[(keys == key) if key is not None else keys.isna()])
        low, high = stats.ikm_ci(part) if score(part) is not None else (None, None)
        out.append([key, len(part), score(part), low, high, stats.is_small(len(part))])
    return pd.DataFrame(out, columns=columns)


def elements_lowest_first(ikm_row: pd.Series) -> pd.DataFrame:
    """The nine elements' NRR from a row of ``ikm_elements``, lowest first (unanswered elements last)."""
    frame = pd.DataFrame({"element": list(IKM_ELEMENTS),
                          "nrr": [None if pd.isna(ikm_row[u]) else float(ikm_row[u]) for u in IKM_ELEMENTS]})
    frame["below_floor"] = frame["nrr"].lt(ELEMENT_FLOOR).fillna(False).astype(bool)
    return frame.sort_values("nrr", na_position="last", kind="stable").reset_index(drop=True)


def headline(ikm_row: pd.Series) -> dict:
    """Score (1/9), category letter and name, responses, and the 0.11-weight score of a row of ``ikm_elements``."""
    value = None if pd.isna(ikm_row["score"]) else float(ikm_row["score"])
    category = kpis.ikm_category(value)
    return {
        "score": value,
        "category": category,
        "category_name": kpis.ikm_category_name(category),
        "responses": int(ikm_row["responses"]),
        "score_weight_0_11": kpis.ikm_score_weight_0_11({u: ikm_row[u] for u in IKM_ELEMENTS}),
    }


def sample_check(responses: int, applicants: int) -> dict:
    """Responses against the Krejcie-Morgan sample size for the period's applicants: required, enough, short by."""
    required = kpis.krejcie_morgan(applicants)
    return {"responses": responses, "applicants": applicants, "required": required,
            "enough": responses >= required, "short": max(required - responses, 0)}
