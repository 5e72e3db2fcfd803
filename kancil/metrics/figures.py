"""Computing a figure of the catalogue by its name: the pages make one call per figure (through the web layer's
cache), the benchmark and the tests make the same call.

A figure is either a query file (``queries/<name>.sql``, run with the filters' parameters; the office's targets
are supplied from its settings when the query names them) or one of the metric functions below, which combine a
query with what needs Python (intervals, curves). ``kancil/metrics/catalogue.py`` says which, and describes every
column.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import pandas as pd

from kancil.filters import Filters
from kancil.metrics import catalogue, facilities, satisfaction, turnaround
from kancil.store import queries


def _decide(name: str) -> Callable[..., pd.DataFrame]:
    """A decision-support figure, imported when first computed (statsmodels and SciPy load in about 2 s)."""
    def compute(con: duckdb.DuckDBPyConnection, filters: Filters | None, **extra: object) -> pd.DataFrame:
        from kancil.decide import frames

        return getattr(frames, name)(con, filters, **extra)

    return compute


PYTHON: dict[str, Callable[..., pd.DataFrame]] = {
    "wait_service_table": turnaround.wait_service_table,
    "wait_service_ecdf": turnaround.wait_service_ecdf,
    "completion_medians": turnaround.completion_medians,
    "walk_medians": turnaround.walk_medians,
    "ikm_elements_ranked": satisfaction.elements_ranked,
    "ikm_trend_ci": satisfaction.trend_ci,
    "ikm_by_ci": satisfaction.ikm_by_ci,
    "survey_sample_check": satisfaction.sample_check,
    "facility_rates": facilities.rates,
    "facility_before_after": facilities.before_after,
    **{name: _decide(name) for name in ("forecast_days", "replay_queue_lanes", "replay_completion_lanes",
                                        "priority_answer")},
}


def compute(con: duckdb.DuckDBPyConnection, name: str, filters: Filters | None, **extra: object) -> pd.DataFrame:
    """The frame of figure ``name`` for these filters (and the extra parameters its query or function takes)."""
    spec = catalogue.figure(name)
    if spec.source == "python":
        return PYTHON[name](con, filters, **extra)
    wanted = queries.param_names(queries.sql_text(name))
    if any(p.startswith("target_") and p not in extra for p in wanted):
        extra = {**turnaround.target_parameters(con), **extra}
    return queries.run(con, name, filters, **extra)
