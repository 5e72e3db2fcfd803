"""``python -m kancil optimize --db PATH [--order office|month]``: rewrite the big tables in a sorted order.

DuckDB keeps, for every row group (about 122,880 rows) of a table, the min and max of each column (zone maps), and
skips a row group whose range cannot match a filter. Sorted by (office_code, period) — the default, and roughly
the order a store gets when offices load their exports one by one — a one-office view reads only that office's row
groups, and joins on office_code (u3_by_wait) can skip the others. Sorted by (month, office_code, period), a
30-day view of all offices reads only that month's row groups, but a one-office view then touches every row group
of the month. Measured at L (BENCHMARKS.md): month-first made the all-office date queries up to 2.5x faster but
the one-office views and u3_by_wait slower, so office-first is the default; a store loaded month by month for
all offices at once (one national export per month) is the case that needs this command most.

Each table is rewritten into a new table with the same DDL (so constraints and NOT NULLs stay as the migrations
made them), the old one dropped and the new one renamed, all in one transaction, then CHECKPOINT; DuckDB's memory
is capped while sorting and the sort spills to disk. Data and row counts do not change; the store version is
bumped like any write. The file does not shrink (DuckDB reuses the freed blocks for later writes).
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from kancil.store import connection
from kancil.store.sql import one, transaction

MEMORY_LIMIT = "3GB"  # DuckDB's cap while sorting; the rest spills to disk

# table -> the column that places a row in the period filters (as in queries/staging)
PERIOD_COLUMNS = {"antrian": "issued_at", "permohonan": "submitted_at", "survei": "submitted_at",
                  "fasilitas": "started_at"}


ORDERS = {
    # office first: one office's rows are contiguous, in time order (what loading office by office gives)
    "office": "office_code, {period}",
    # month first: a month of all offices is contiguous; faster for all-office date views, slower for one office
    "month": "date_trunc('month', {period}), office_code, {period}",
}
DEFAULT_ORDER = "office"


def order_by(table: str, order: str = DEFAULT_ORDER) -> str:
    return ORDERS[order].format(period=PERIOD_COLUMNS[table])


def optimize(db: Path | str, tables: tuple[str, ...] = tuple(PERIOD_COLUMNS),
             memory_limit: str = MEMORY_LIMIT, order: str = DEFAULT_ORDER) -> dict[str, dict]:
    """Rewrite ``tables`` sorted, in one transaction; returns rows and seconds per table.

    Each table is copied into a new table made with the same DDL (so NOT NULLs and defaults stay), in the new
    order, then the old one is dropped and the new one renamed. DuckDB's memory is capped (``memory_limit``) and the
    sort spills to a temporary folder beside the store: sorting 33 M tickets must not take the machine's memory
    from the dashboard and everything else running on it.
    """
    db = Path(db)
    report: dict[str, dict] = {}
    spill = db.parent / f".{db.name}.optimize-tmp"
    with connection.writer(db) as con:
        con.execute(f"SET memory_limit = '{memory_limit}'")
        con.execute(f"SET temp_directory = '{spill}'")
        with transaction(con):
            for table in tables:
                t0 = time.perf_counter()
                before = one(con, f"SELECT count(*) FROM {table}")[0]  # noqa: S608 - fixed names
                ddl = one(con, "SELECT sql FROM duckdb_tables() WHERE table_name = ? AND NOT temporary",
                                [table])[0]
                sorted_name = f"{table}__sorted"
                con.execute(ddl.replace(f"CREATE TABLE {table}(", f"CREATE TABLE {sorted_name}(", 1))
                con.execute(f"INSERT INTO {sorted_name} SELECT * FROM {table} "  # noqa: S608
                            f"ORDER BY {order_by(table, order)}")
                con.execute(f"DROP TABLE {table}")
                con.execute(f"ALTER TABLE {sorted_name} RENAME TO {table}")
                after = one(con, f"SELECT count(*) FROM {table}")[0]  # noqa: S608
                if after != before:
                    raise RuntimeError(f"{table}: {before} rows before, {after} after; nothing changed")
                report[table] = {"rows": after, "seconds": round(time.perf_counter() - t0, 2)}
        con.execute("CHECKPOINT")
    shutil.rmtree(spill, ignore_errors=True)
    return report
