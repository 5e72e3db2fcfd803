"""The IKM (PermenPANRB 14/2017) beside its SQL: categories, the sample size, the element floor, and the weights
of the score taken from the score's one definition, the SQL macro ``stg_ikm_score``.

The score is computed in SQL by every query (overall, by lane, by group, by period). Only its 95% interval needs
Python (a bootstrap over responses, ``stats.ikm_ci``); that interval takes the score's weights from the macro
itself — the macro is linear in the nine element means, so its value at zero and at each unit vector are its
intercept and weights — so no second copy of "× 1/9 × 25" exists anywhere.
"""

from __future__ import annotations

import math
import threading

import duckdb
import numpy as np

from kancil.contract import IKM_ELEMENTS

# PermenPANRB 14/2017: categories on the converted score (25-100), applied to the score rounded to 2 decimals.
IKM_CATEGORIES = (
    (88.31, "A", "Sangat Baik"),
    (76.61, "B", "Baik"),
    (65.00, "C", "Kurang Baik"),
    (25.00, "D", "Tidak Baik"),
)
ELEMENT_FLOOR = 3.0  # an element's NRR below "Sesuai" (3) asks for attention: the chart's line and the briefing's rule

_weights: tuple[np.ndarray, float] | None = None
_weights_lock = threading.Lock()


def ikm_category(score: float | None) -> str | None:
    """The letter (A-D) for a converted IKM score, on the score rounded to two decimals."""
    if score is None or (isinstance(score, float) and math.isnan(score)):
        return None
    rounded = round(score + 1e-9, 2)
    for lower, letter, _name in IKM_CATEGORIES:
        if rounded >= lower:
            return letter
    return "D"


def ikm_category_name(letter: str | None) -> str | None:
    return next((name for _l, code, name in IKM_CATEGORIES if code == letter), None)


def krejcie_morgan(population: int) -> int:
    """Krejcie & Morgan sample size (95% confidence, 5% margin): s = X²NP(1-P) / (d²(N-1) + X²P(1-P)).

    Rounded half up, which reproduces the published table (100 -> 80, 500 -> 217, 1,000 -> 278).
    """
    if population <= 0:
        return 0
    chi2, p, d = 3.841, 0.5, 0.05
    return math.floor(chi2 * population * p * (1 - p) / (d * d * (population - 1) + chi2 * p * (1 - p)) + 0.5)


def score_weights(con: duckdb.DuckDBPyConnection) -> tuple[np.ndarray, float]:
    """The weights of the nine element means in the converted score, and its intercept, read off ``stg_ikm_score``
    (staging macros installed on ``con``). The macro is static: computed once per process."""
    global _weights
    with _weights_lock:
        if _weights is None:
            points = [[0.0] * 9] + [[1.0 if i == j else 0.0 for i in range(9)] for j in range(9)]
            args = ", ".join(f"${u}" for u in IKM_ELEMENTS)
            values = [con.execute(f"SELECT stg_ikm_score({args})",
                                  dict(zip(IKM_ELEMENTS, p, strict=True))).fetchone()[0] for p in points]
            intercept = float(values[0])
            _weights = (np.array([v - intercept for v in values[1:]], dtype=float), intercept)
        return _weights
