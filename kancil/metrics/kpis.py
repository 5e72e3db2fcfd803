"""The KPIs of a period, defined once and used by the dashboard, the CLI (``summary``) and the briefing.

The numbers come from the SQL in ``queries/``; this module only shapes them (every lane present, ``None`` for a
statistic without data) and holds the few definitions that are not SQL: the IKM category and sample size.
"""

from __future__ import annotations

import math

import duckdb
import pandas as pd

from kancil.contract import FACILITIES, IKM_ELEMENTS, LANES
from kancil.filters import Filters
from kancil.store import queries

# PermenPANRB 14/2017: categories on the converted score (25-100), applied to the score rounded to 2 decimals.
IKM_CATEGORIES = (
    (88.31, "A", "Sangat Baik"),
    (76.61, "B", "Baik"),
    (65.00, "C", "Kurang Baik"),
    (25.00, "D", "Tidak Baik"),
)
IKM_ROUNDED_WEIGHT = 0.11  # the regulation's worked example rounds 1/9 to 0.11


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


def _num(value: object) -> float | None:
    """A float for JSON, or None for a statistic with no data (NULL or NaN)."""
    if value is None or pd.isna(value):
        return None
    return float(value)


def _by_lane(frame: pd.DataFrame, lanes: tuple[str, ...], shape: dict[str, object]) -> dict[str, dict]:
    rows = {r["lane"]: r for r in frame.to_dict("records")}
    out: dict[str, dict] = {}
    for lane in lanes:
        row = rows.get(lane)
        out[lane] = {
            key: (default if row is None else (int(row[key]) if isinstance(default, int) else _num(row[key])))
            for key, default in shape.items()
        }
    return out


def _stats(frame: pd.DataFrame, lanes: tuple[str, ...], prefix: str = "") -> dict[str, dict]:
    """n, median and p90 per lane, from the columns ``<prefix>n``, ``<prefix>median`` and ``<prefix>p90``."""
    columns = {f"{prefix}{k}": k for k in ("n", "median", "p90")}
    return _by_lane(frame.rename(columns=columns), lanes, {"n": 0, "median": None, "p90": None})


def ikm(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    row = queries.run(con, "ikm_elements", filters).iloc[0]
    score = _num(row["score"])
    elements = {u: _num(row[u]) for u in IKM_ELEMENTS}
    rounded_weight = (
        sum(v for v in elements.values()) * IKM_ROUNDED_WEIGHT * 25
        if all(v is not None for v in elements.values())
        else None
    )
    return {
        "responses": int(row["responses"]),
        "score": score,
        "category": ikm_category(score),
        "elements": elements,
        "score_weight_0_11": rounded_weight,
    }


def ikm_score_weight_0_11(elements: dict[str, float | None]) -> float | None:
    """The converted score with the weight rounded to 0.11 as in the regulation's worked example (Σ NRR x 0.11 x 25).

    Only for comparison with official reports that use it (it comes out about 1% lower than the exact 1/9);
    ``ikm()`` returns the same value as ``score_weight_0_11``. None when an element has no answer.
    """
    values = [elements.get(u) for u in IKM_ELEMENTS]
    if any(v is None or pd.isna(v) for v in values):
        return None
    return sum(float(v) for v in values) * IKM_ROUNDED_WEIGHT * 25


def summary(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    """The ``python -m kancil summary`` object; the briefing page shows these same numbers."""
    lanes = (filters.lane,) if filters.lane else LANES
    tickets = queries.run(con, "tickets_by_lane", filters)
    quota = queries.run(con, "quota_by_lane", filters)
    bap = queries.run(con, "bap_by_lane", filters)
    facilities = queries.run(con, "facility_uses", filters)
    mismatch = queries.run(con, "mismatch_summary", filters).iloc[0]
    ikm_result = ikm(con, filters)
    uses = {r["facility"]: int(r["uses"]) for r in facilities.to_dict("records")}
    return {
        "period": {"from": filters.date_from.isoformat(), "to": filters.date_to.isoformat()},
        "tickets": {k: v["tickets"] for k, v in _by_lane(tickets, lanes, {"tickets": 0}).items()},
        "no_show": {k: v["no_show"] for k, v in _by_lane(tickets, lanes, {"no_show": 0}).items()},
        "quota": _by_lane(quota, lanes, {"days": 0, "over_quota_days": 0, "fill_rate": None}),
        "wait_minutes": _stats(tickets, lanes, prefix="wait_"),
        "service_minutes": _stats(queries.run(con, "service_time_by_lane", filters), lanes),
        "completion_workdays": _stats(queries.run(con, "completion_by_lane", filters), lanes),
        "bap": _by_lane(bap, lanes, {"applications": 0, "bap": 0, "median_bap_minutes": None}),
        "ikm": {k: ikm_result[k] for k in ("responses", "score", "category", "elements")},
        "facility_uses": {f: uses.get(f, 0) for f in FACILITIES},
        "mismatch": {
            "cases": int(mismatch["cases"]),
            "resolved": int(mismatch["resolved"]),
            "median_resolution_hours": _num(mismatch["median_resolution_hours"]),
        },
    }
