"""The KPIs of a period, as one object: ``python -m kancil summary --json``, the briefing (page, HTML, PDF) and the
pages' cards all read it, so they always agree.

The numbers come from the query files the catalogue names for each metric (``kancil/metrics/catalogue.py``); this
module only shapes them (every lane present, ``None`` for a statistic without data).
"""

from __future__ import annotations

import duckdb
import pandas as pd

from kancil.contract import FACILITIES, IKM_ELEMENTS, LANES
from kancil.filters import Filters
from kancil.metrics import ikm
from kancil.store import queries


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


def ikm_summary(con: duckdb.DuckDBPyConnection, filters: Filters, lanes: tuple[str, ...] = LANES) -> dict:
    """Responses, score, category and the nine NRR (``ikm_elements``), and the score per lane (``ikm_by``)."""
    row = queries.run(con, "ikm_elements", filters).iloc[0]
    score = _num(row["score"])
    by_lane = {r["category"]: r for r in queries.run(con, "ikm_by", filters, by="lane").to_dict("records")}
    return {
        "responses": int(row["responses"]),
        "score": score,
        "category": ikm.ikm_category(score),
        "elements": {u: _num(row[u]) for u in IKM_ELEMENTS},
        "by_lane": {lane: {"responses": int(by_lane[lane]["responses"]) if lane in by_lane else 0,
                           "score": _num(by_lane[lane]["score"]) if lane in by_lane else None} for lane in lanes},
    }


def coverage(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    """The total row of ``coverage_by_group`` (the one coverage definition): vulnerable = in_prioritas +
    in_reguler, share = in_prioritas / vulnerable (None without data). The lane filter does not apply."""
    frame = queries.run(con, "coverage_by_group", filters)
    total = frame[frame["applicant_group"].isna()]
    if total.empty or int(total["n"].iloc[0]) == 0:
        return {"vulnerable": 0, "in_prioritas": 0, "in_reguler": 0, "share": None}
    row = total.iloc[0]
    return {"vulnerable": int(row["n"]), "in_prioritas": int(row["in_prioritas"]),
            "in_reguler": int(row["in_reguler"]), "share": _num(row["coverage"])}


def open_mismatches(con: duckdb.DuckDBPyConnection, filters: Filters) -> int:
    """Open mismatch cases as of the period's last day (``open_mismatches.sql``: the one rule)."""
    return int(queries.run(con, "open_mismatches", filters, day=filters.date_to).iloc[0]["open_cases"])


def summary(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    """The ``python -m kancil summary`` object; the briefing and the pages' cards show these same numbers."""
    lanes = (filters.lane,) if filters.lane else LANES
    tickets = queries.run(con, "tickets_by_lane", filters)
    quota = queries.run(con, "quota_by_lane", filters)
    bap = queries.run(con, "bap_by_lane", filters)
    facilities = queries.run(con, "facility_uses", filters)
    mismatch = queries.run(con, "mismatch_summary", filters).iloc[0]
    uses = {r["facility"]: int(r["uses"]) for r in facilities.to_dict("records")}
    return {
        "period": {"from": filters.date_from.isoformat(), "to": filters.date_to.isoformat()},
        "tickets": {k: v["tickets"] for k, v in _by_lane(tickets, lanes, {"tickets": 0}).items()},
        "no_show": {k: v["no_show"] for k, v in _by_lane(tickets, lanes, {"no_show": 0}).items()},
        "quota": _by_lane(quota, lanes, {"days": 0, "over_quota_days": 0, "over_quota_share": None,
                                         "fill_rate": None}),
        "wait_minutes": _stats(tickets, lanes, prefix="wait_"),
        "service_minutes": _stats(queries.run(con, "service_time_by_lane", filters), lanes),
        "completion_workdays": _stats(queries.run(con, "completion_by_lane", filters), lanes),
        "bap": _by_lane(bap, lanes, {"applications": 0, "bap": 0, "median_bap_minutes": None}),
        "coverage": coverage(con, filters),
        "ikm": ikm_summary(con, filters, lanes),
        "facility_uses": {f: uses.get(f, 0) for f in FACILITIES},
        "mismatch": {
            "cases": int(mismatch["cases"]),
            "resolved": int(mismatch["resolved"]),
            "median_resolution_hours": _num(mismatch["median_resolution_hours"]),
            "open": open_mismatches(con, filters),
        },
    }
