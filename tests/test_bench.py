"""The bench harness's logic (benchmarks/harness.py) on small stores; no time is ever asserted."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
from pathlib import Path

import pytest

from benchmarks import harness, pandas_oracle
from kancil.cli import build_parser
from kancil.config import ROOT
from kancil.filters import Filters
from kancil.metrics import kpis
from kancil.store import connection

WEEK = Filters(date_from=dt.date(2026, 5, 11), date_to=dt.date(2026, 5, 16))


def test_every_query_file_is_bound_or_skipped_with_a_reason():
    names = harness.query_names()
    assert "tickets_by_lane" in names and not any(n.startswith("stg_") for n in names)
    extras, skipped = harness.query_plan(names, dt.date(2026, 5, 16))
    assert set(extras) | set(skipped) == set(names)
    assert all(reason.startswith("no default for parameter") for reason in skipped.values())
    assert extras["last_workdays"]["day"] == dt.date(2026, 5, 16)


def test_a_query_with_an_unknown_parameter_is_skipped(monkeypatch):
    monkeypatch.setattr(harness.queries, "sql_text", lambda name: "select $mystery, $date_from")
    extras, skipped = harness.query_plan(["q"], dt.date(2026, 1, 1))
    assert extras == {} and "mystery" in skipped["q"]


def test_every_query_runs_in_a_batch(metrics_db):
    extras, _ = harness.query_plan(harness.query_names(), WEEK.date_to)
    times, errors, connect_ms = harness.run_batch(metrics_db, WEEK, extras)
    assert errors == {}
    assert set(times) == set(extras) and connect_ms >= 0


def test_percentiles():
    assert harness.stats([1, 2, 3, 4])["p50"] == 2.5
    assert harness.pct([0, 10], 95) == pytest.approx(9.5)
    assert math.isnan(harness.pct([], 50))


def test_compare_tolerates_1e9_only():
    assert harness.compare({"a": 1.0, "b": {"x": None}}, {"a": 1.0 + 1e-12, "b": {"x": 0}}) == []
    assert harness.compare({"a": 1.0}, {"a": 1.001}) == [".a: ours 1.0 pandas 1.001"]


@pytest.mark.parametrize("filters", [WEEK, WEEK.replace(office="TST"), WEEK.replace(lane="prioritas")])
def test_pandas_kpis_equal_ours_on_the_fixture(metrics_db, tmp_path, filters, monkeypatch):
    """The analyst's pandas version gives exactly the SQL's numbers on the hand-made store."""
    db = tmp_path / "f.duckdb"
    db.write_bytes(Path(metrics_db).read_bytes())
    folder = harness.export_flat_parquet(db)
    with connection.reader(db) as con:
        ours = harness.our_kpis(kpis.summary(con, filters))
    assert harness.compare(ours, pandas_oracle.pandas_kpis(folder, filters)) == []


def test_touched_columns_follow_the_query_text():
    cols = harness.touched_columns("tickets_by_lane")
    assert set(cols) == {"antrian"}
    assert {"issued_at", "called_at", "status", "lane", "office_code"} <= set(cols["antrian"])
    assert "officer_id" not in cols["antrian"]


def test_pages_come_from_the_registry():
    pages = dict(harness.app_pages())
    assert pages["views/ringkasan.py"] == "dashboard"


def test_report_from_results(tmp_path):
    """write_report on a small hand-made results object: the targets table says met / not met with numbers."""
    q = {"tickets_by_lane": {"p50": 50.0, "p95": 80.0, "n": 3}}
    scale = {"db_mb": 1.0, "rows": {"antrian": 10}, "filters": {k: WEEK.describe() for k in ("default", "narrow")},
             "extras": {}, "skipped": {"x": "no default for parameter(s) y"},
             "warm_default": {"queries": q, "errors": {}, "connect_ms": {"p50": 5.0}},
             "warm_narrow": {"queries": q, "errors": {}, "connect_ms": {"p50": 5.0}}}
    results = {"started": "now", "machine": {"cores": 2, "memory_gib": 24, "cpu": "x", "python": "3", "duckdb": "1",
                                             "streamlit": "1", "pandas": "3", "numpy": "2", "load_average": [0, 0, 0]},
               "repeat": 3, "cold_repeat": 0, "bandwidth_gb_s": 10.0, "scales": {"S": scale, "L": scale},
               "ingest": {"antrian-1M/csv": {"rows": 1, "p50": 600_000.0, "p95": 500_000.0}}}
    out = tmp_path / "B.md"
    harness.write_report(json.loads(json.dumps(results)), out)
    text = out.read_text()
    assert "## Scale S" in text and "`x`: no default" in text
    assert "| S: every page query p50 ≤ 100 ms | slowest p50 50.0 ms (tickets_by_lane) | **met** |" in text
    assert "600,000 rows/s" in text


def test_bench_is_its_own_command_outside_the_product():
    """``make bench`` runs ``python -m benchmarks``; the product's CLI has no bench command and nothing under
    kancil/ imports the harness."""
    parser = argparse.ArgumentParser()
    harness.add_arguments(parser)
    assert parser.parse_args(["--quick"]).quick
    assert parser.parse_args(["--scales", "S,M", "--repeat", "5"]).repeat == 5
    with pytest.raises(SystemExit):
        build_parser().parse_args(["bench", "--quick"])
    product = [p for p in (ROOT / "kancil").rglob("*.py") if "benchmarks" in p.read_text()]
    assert product == []


@pytest.mark.parametrize("filters", [WEEK, WEEK.replace(office="TST"), WEEK.replace(lane="prioritas")])
def test_polars_kpis_equal_ours_on_the_fixture(metrics_db, tmp_path, filters):
    """The polars peer (lazy scans, filters pushed down) gives exactly the SQL's numbers on the hand-made store."""
    pytest.importorskip("polars")
    from benchmarks import polars_oracle

    db = tmp_path / "f.duckdb"
    db.write_bytes(Path(metrics_db).read_bytes())
    folder = harness.export_flat_parquet(db)
    with connection.reader(db) as con:
        ours = harness.our_kpis(kpis.summary(con, filters))
    theirs = polars_oracle.polars_kpis(folder, filters)
    assert harness.compare(ours, theirs) == []
    assert theirs["tickets"] == ours["tickets"] and sum(theirs["tickets"].values()) > 0
