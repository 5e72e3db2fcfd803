"""The metric catalogue walked: every metric resolves to a figure and a column and has a hand-computed answer on the
fixture store (tests/fixtures.py), every figure's columns are described (so no internal name reaches a table),
every query file is accounted for, and the surfaces named exist."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from kancil import pages
from kancil.config import ROOT
from kancil.filters import Filters
from kancil.metrics import catalogue, figures
from kancil.store import connection, queries
from tests.helpers import store_summary

TST = Filters(date_from=dt.date(2026, 5, 11), date_to=dt.date(2026, 5, 16), office="TST")
TO_20 = TST.replace(date_to=dt.date(2026, 5, 20))
EXTRA = {"by": "lane", "bucket": "month", "cap_minutes": 120, "search": "", "limit": 50, "offset": 0,
         "day": dt.date(2026, 5, 20), "split": dt.date(2026, 5, 13), "window_from": dt.date(2026, 5, 13),
         "last30_from": dt.date(2026, 4, 21)}

# metric -> (filters, the row's key columns and values, expected value), each worked out by hand on the fixture
HAND: dict[str, tuple[Filters, dict, object]] = {
    # prioritas TST 11-16 May: T1, T2, T3 (no-show), T4, T5 (Saturday service day)
    "tickets": (TST, {"lane": "prioritas"}, 5),
    "no_show": (TST, {"lane": "prioritas"}, 1),
    # quota days 11, 12 (quota 2), 13 (quota 3); tickets 3, 1, 0: 4 / 7, one day over (11 May: 3 > 2)
    "fill_rate": (TST, {"lane": "prioritas"}, 4 / 7),
    "over_quota_days": (TST, {"lane": "prioritas"}, 1),
    # vulnerable in prioritas T1..T5 (5) or reguler T7 (1): 5 / 6 (total row)
    "coverage": (TST, {"applicant_group": None}, 5 / 6),
    # prioritas waits 10, 20, 40, 5 (T3 never called): median 15, p90 20 + 0.7 x 20 = 34, mean 18.75, max 40
    "wait_median": (TST, {"lane": "prioritas"}, 15.0),
    "wait_p90": (TST, {"lane": "prioritas"}, 34.0),
    "wait_mean": (TST, {"measure": "wait", "lane": "prioritas"}, 18.75),
    "wait_max": (TST, {"measure": "wait", "lane": "prioritas"}, 40.0),
    # prioritas service 8, 10, 15, 4: median 9
    "service_median": (TST, {"lane": "prioritas"}, 9.0),
    # A1 13 -> 18 May = 1 (14 holiday, 15 cuti bersama, weekend), A2 = 2, A3 = 0: median 1
    "completion_median": (TST, {"lane": "prioritas"}, 1.0),
    # the three are within 4 working days: 3 / 3
    "completion_within_standard": (TST, {"lane": "prioritas", "bap_required": False}, 1.0),
    # reguler A4 and A5 needed BAP
    "bap_cases": (TST, {"lane": "reguler"}, 2),
    # as of 20 May: A7 reported 20 May 09:00, unresolved (A6 resolved 12 May)
    "open_mismatches": (TO_20, {}, 1),
    "mismatch_cases": (TST, {}, 2),
    # T1, T2, T4, T5 called; no reguler ticket issued after one of them was called before it: 0 / 4
    "overtaken_share": (TST, {"level": "total"}, 0.0),
    # lansia walks: T1 2, T5 1, T7 0 minutes: median 1
    "walk_median": (TST, {"applicant_group": "lansia"}, 1.0),
    # u1..u8 (4 + 3 + 2) / 3 = 3.0, u9 (4 + 3) / 2 = 3.5: 27.5 / 9 x 25
    "ikm_score": (TST, {}, 27.5 / 9 * 25),
    "ikm_score_by_lane": (TST, {"category": "prioritas"}, 28 / 9 * 25),
    "ikm_nrr": (TST, {}, 3.0),
    "responses": (TST, {}, 3),
    # kursi_roda: F3 once; eligible visits lansia + disabilitas tickets T1, T2, T5, T7: 100 x 1 / 4
    "uses_per_100": (TST, {"facility": "kursi_roda"}, 25.0),
    "facility_uses": (TST, {"facility": "ruang_laktasi"}, 2),
}


def compute(db, name: str, filters: Filters) -> pd.DataFrame:
    with connection.reader(db) as con:
        queries.install_macros(con)
        spec = catalogue.figure(name)
        wanted = (queries.param_names(queries.sql_text(name)) if spec.source == "sql"
                  else PYTHON_PARAMS.get(name, ()))
        return figures.compute(con, name, filters, **{k: v for k, v in EXTRA.items() if k in wanted})


PYTHON_PARAMS = {"ikm_trend_ci": ("bucket",), "ikm_by_ci": ("by",), "facility_before_after": ("split",)}


def test_every_metric_has_a_hand_computed_answer():
    assert set(HAND) == set(catalogue.METRICS)


@pytest.mark.parametrize("name", sorted(catalogue.METRICS))
def test_metric_resolves_to_its_figure_and_column_and_gives_the_hand_answer(metrics_db, name):
    metric = catalogue.METRICS[name]
    assert metric.unit in catalogue.UNITS and metric.privacy in (catalogue.COUNT, catalogue.STATISTIC,
                                                                 catalogue.AGGREGATE)
    assert set(metric.shown_on) <= {*pages.BY_KEY, "printout", "summary"}, metric.shown_on
    filters, where, expected = HAND[name]
    frame = compute(metrics_db, metric.figure, filters)
    assert metric.column in frame.columns
    for column, value in where.items():
        frame = frame[frame[column].isna()] if value is None else frame[frame[column] == value]
    assert len(frame) == 1, (name, where)
    assert frame[metric.column].iloc[0] == pytest.approx(expected)


@pytest.mark.parametrize("name", sorted(catalogue.FIGURES))
def test_every_column_of_every_figure_is_described(metrics_db, name):
    frame = compute(metrics_db, name, TST)
    described = set(catalogue.figure(name).columns)
    assert set(frame.columns) <= described, set(frame.columns) - described
    spec = catalogue.figure(name)
    for key in (spec.group, spec.n, spec.total, *spec.family):
        assert key is None or key in described


def test_every_query_file_is_a_figure_or_a_named_support_query():
    files = {p.stem for p in (ROOT / "queries").glob("*.sql")}
    sql_figures = {n for n, f in catalogue.FIGURES.items() if f.source == "sql"}
    assert files == sql_figures | set(catalogue.SUPPORT_QUERIES)
    assert set(figures.PYTHON) == {n for n, f in catalogue.FIGURES.items() if f.source == "python"}


def test_summary_carries_the_metrics_it_names(metrics_db):
    summary = store_summary(metrics_db, TST)
    for metric in catalogue.METRICS_LIST:
        if "summary" not in metric.shown_on:
            continue
        node = summary
        for part in metric.summary_key.split("."):
            part = {"<lane>": "prioritas", "<facility>": "ruang_laktasi", "<element>": "u1"}.get(part, part)
            node = node[part]
        assert node is None or isinstance(node, int | float), metric.name


def test_fill_rate_is_defined_once_and_its_pages_are_named():
    """The newcomer's question, answered from the catalogue alone."""
    fill = catalogue.METRICS["fill_rate"]
    assert (fill.figure, fill.column) == ("quota_by_lane", "fill_rate")
    assert "stg_quota_office_days" in queries.sql_text("quota_by_lane")
    assert "stg_quota_office_days" in queries.sql_text("quota_daily")
    assert "kuota" in fill.shown_on
