"""``python -m kancil optimize --db PATH``: rewrite the big tables in (month, office, time) order.

DuckDB keeps, for every row group (about 122,880 rows) of a table, the min and max of each column (zone maps), and
skips a row group whose range cannot match a filter. The demo and most office exports arrive office by office, so
one month of all offices is spread over every row group and a date filter can skip almost nothing. Rewritten in
order of (month of the period column, office_code, period column), a month of all offices is a few adjacent row
groups and one office's month is usually within one: both the default view (last 30 days, all offices) and the
narrow view (one office, one month) read only their own row groups. Month first, not office first: with office
first, a 30-day view of all offices would touch a row group of every office.

Each table is rewritten in place (DELETE + INSERT ... ORDER BY, so its DDL, constraints and NOT NULLs stay as the
migrations made them) in one transaction, then CHECKPOINT. Data and row counts do not change; the store version is
bumped like any write. Later ingests append in their own order; run this again after a large load (it takes about
as long as reading and writing the tables once).
"""

from __future__ import annotations

import time
from pathlib import Path

from kancil import store

# table -> the column that places a row in the period filters (as in queries/staging)
PERIOD_COLUMNS = {"antrian": "issued_at", "permohonan": "submitted_at", "survei": "submitted_at",
                  "fasilitas": "started_at"}


def order_by(table: str) -> str:
    period = PERIOD_COLUMNS[table]
    return f"date_trunc('month', {period}), office_code, {period}"


def optimize(db: Path | str, tables: tuple[str, ...] = tuple(PERIOD_COLUMNS)) -> dict[str, dict]:
    """Rewrite ``tables`` sorted, in one transaction; returns rows and seconds per table."""
    report: dict[str, dict] = {}
    with store.writer(db) as con:
        con.execute("BEGIN")
        try:
            for table in tables:
                t0 = time.perf_counter()
                before = store.one(con, f"SELECT count(*) FROM {table}")[0]  # noqa: S608 - table names from a fixed list
                con.execute(f"CREATE TEMP TABLE _kancil_sort AS SELECT * FROM {table}")  # noqa: S608 - table names from a fixed list
                con.execute(f"DELETE FROM {table}")  # noqa: S608 - table names from a fixed list
                con.execute(f"INSERT INTO {table} SELECT * FROM _kancil_sort ORDER BY {order_by(table)}")  # noqa: S608 - table names from a fixed list
                con.execute("DROP TABLE _kancil_sort")
                after = store.one(con, f"SELECT count(*) FROM {table}")[0]  # noqa: S608 - table names from a fixed list
                if after != before:
                    raise RuntimeError(f"{table}: {before} rows before, {after} after; nothing changed")
                report[table] = {"rows": after, "seconds": round(time.perf_counter() - t0, 2)}
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        con.execute("CHECKPOINT")
    return report
