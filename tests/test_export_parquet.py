"""The Parquet export (kancil/export/parquet.py): partitioned like the dashboard filters, and the same numbers."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kancil.export import parquet as parquet_export
from kancil.filters import Filters
from kancil.metrics import kpis
from kancil.store import connection, queries
from kancil.store.sql import one
from tests.helpers import app_test, store_summary

ROOT = Path(__file__).resolve().parent.parent
WEEK = Filters(date_from=dt.date(2026, 5, 11), date_to=dt.date(2026, 5, 16))


def parquet_summary(folder: Path, filters: Filters) -> dict:
    with parquet_export.reader(folder) as con:
        return kpis.summary(con, filters)


@pytest.fixture(scope="module")
def fixture_export(metrics_db, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pq") / "export"
    parquet_export.export(metrics_db, out)
    return out


@pytest.mark.parametrize("filters", [WEEK, WEEK.replace(office="TST"), WEEK.replace(lane="prioritas"),
                                     WEEK.replace(office="OTH", lane="reguler"),
                                     Filters(dt.date(2026, 1, 1), dt.date(2026, 12, 31))])
def test_summary_over_parquet_equals_store(metrics_db, fixture_export, filters):
    assert parquet_summary(fixture_export, filters) == store_summary(metrics_db, filters)


def test_layout_is_hive_by_office_and_month(metrics_db, fixture_export):
    parts = sorted(p.relative_to(fixture_export).parts[:3] for p in fixture_export.glob("antrian/*/*/*.parquet"))
    assert parts and all(a == "antrian" and o.startswith("office_code=") and m.startswith("month=")
                         for a, o, m in parts)
    assert {o for _a, o, _m in parts} == {"office_code=OTH", "office_code=TST"}
    for small in ("hari_kerja", "kuota", "kalender", "meta"):
        assert (fixture_export / f"{small}.parquet").exists()
    assert not (fixture_export / "pengguna.parquet").exists()  # accounts never leave the store
    manifest = json.loads((fixture_export / "_manifest.json").read_text())
    with connection.reader(metrics_db) as con:
        assert manifest["rows"]["antrian"] == one(con, "SELECT count(*) FROM antrian")[0]


def test_every_query_runs_unchanged_over_the_export(metrics_db, fixture_export):
    """Same columns and rows from every query file (the ones the bench can bind), store vs Parquet views."""
    from benchmarks import harness

    extras, _skipped = harness.query_plan(harness.query_names(), WEEK.date_to)
    with connection.reader(metrics_db) as a, parquet_export.reader(fixture_export) as b:
        queries.install_macros(a)
        queries.install_macros(b)
        for name, extra in extras.items():
            if name in ("store_info", "freshness_by_kind"):  # may read file-level facts of the store
                continue
            left = queries.run(a, name, WEEK, **extra)
            right = queries.run(b, name, WEEK, **extra)
            assert list(left.columns) == list(right.columns), name
            assert len(left) == len(right), name


def test_summary_over_parquet_equals_store_on_demo(demo_db, tmp_path):
    out = tmp_path / "demo-pq"
    parquet_export.export(demo_db, out)
    with connection.reader(demo_db) as con:
        newest = one(con, "SELECT max(issued_at)::date FROM antrian")[0]
        office = one(con, "SELECT min(office_code) FROM antrian")[0]
    for filters in (Filters(newest - dt.timedelta(days=29), newest),
                    Filters(newest - dt.timedelta(days=119), newest, office=office, lane="reguler")):
        assert parquet_summary(out, filters) == store_summary(demo_db, filters)


def test_refuses_to_overwrite_without_flag(metrics_db, tmp_path):
    out = tmp_path / "x"
    out.mkdir()
    (out / "keep.txt").write_text("x")
    with pytest.raises(FileExistsError):
        parquet_export.export(metrics_db, out)
    assert (out / "keep.txt").exists()
    parquet_export.export(metrics_db, out, overwrite=True)
    assert not (out / "keep.txt").exists() and (out / "_manifest.json").exists()


def test_cli_export_parquet(metrics_db, tmp_path):
    out = tmp_path / "cli"
    proc = subprocess.run([sys.executable, "-m", "kancil", "export-parquet", "--db", str(metrics_db), "--out",
                           str(out)], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["antrian"] > 0
    assert parquet_export.version(out) != "none"


def test_dashboard_over_the_export_shows_the_stores_figures(demo_db, tmp_path, monkeypatch):
    """KANCIL_PARQUET_DIR points the dashboard's figures at an export: the pages show the same numbers."""

    folder = tmp_path / "pq"
    parquet_export.export(demo_db, folder)

    def shown(page: str) -> tuple[list, list, list]:
        at = app_test(demo_db, page=page)
        assert not at.exception
        return ([(m.label, m.value) for m in at.metric], [d.value.to_dict() for d in at.dataframe],
                [c.value for c in at.caption if "versi" in c.value])

    for page in ("views/ringkasan.py", "views/kepuasan.py"):
        metrics_store, tables_store, fresh_store = shown(page)
        monkeypatch.setenv("KANCIL_PARQUET_DIR", str(folder))
        metrics_pq, tables_pq, fresh_pq = shown(page)
        monkeypatch.delenv("KANCIL_PARQUET_DIR")
        assert metrics_store and metrics_pq == metrics_store
        assert tables_pq == tables_store
        assert "penyimpanan versi" in fresh_store[0] and "ekspor Parquet versi pq" in fresh_pq[0]
