"""kancil optimize: the big tables rewritten in (month, office, time) order, nothing else changed."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kancil.filters import Filters
from kancil.metrics import kpis
from kancil.store import connection, maintenance

ROOT = Path(__file__).resolve().parent.parent
WEEK = Filters(date_from=dt.date(2026, 5, 11), date_to=dt.date(2026, 5, 16))


def snapshot(db: Path) -> dict:
    with connection.reader(db) as con:
        columns = con.execute("SELECT table_name, column_name, data_type, is_nullable FROM duckdb_columns() "
                              "WHERE NOT internal ORDER BY ALL").fetchall()
        rows = {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                for t in maintenance.PERIOD_COLUMNS}
        return {"columns": columns, "rows": rows,
                "summary": [kpis.summary(con, f) for f in (WEEK, WEEK.replace(office="TST", lane="prioritas"))]}


def test_optimize_keeps_data_schema_and_numbers(metrics_db, tmp_path):
    db = tmp_path / "copy.duckdb"
    shutil.copyfile(metrics_db, db)
    before = snapshot(db)
    report = maintenance.optimize(db)
    assert set(report) == set(maintenance.PERIOD_COLUMNS)
    assert snapshot(db) == before


@pytest.mark.parametrize("order", sorted(maintenance.ORDERS))
def test_rows_are_in_the_chosen_order(demo_db, tmp_path, order):
    db = tmp_path / "demo.duckdb"
    shutil.copyfile(demo_db, db)
    maintenance.optimize(db, order=order)
    with connection.reader(db) as con:
        for table in maintenance.PERIOD_COLUMNS:
            keys = con.execute(f"SELECT {maintenance.order_by(table, order)} FROM {table}").fetchall()
            assert keys == sorted(keys), table


def test_cli_optimize(metrics_db, tmp_path):
    db = tmp_path / "cli.duckdb"
    shutil.copyfile(metrics_db, db)
    proc = subprocess.run([sys.executable, "-m", "kancil", "optimize", "--db", str(db), "--order", "month"],
                          capture_output=True,
                          text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert '"antrian"' in proc.stdout
