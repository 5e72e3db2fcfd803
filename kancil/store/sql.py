"""Two small habits every store statement shares: one fully fetched row, and all-or-nothing transactions."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import duckdb


@contextlib.contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """One transaction around the block: committed at its end, rolled back if anything in it fails (an interrupt
    too), so a write is all or nothing."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
        con.execute("COMMIT")
    except BaseException:
        # A failed COMMIT (a full disk) has already ended the transaction: the original error is the one to tell.
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise


def one(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None) -> tuple | None:
    """The first row of a query, fully fetched (DuckDB refuses new work while a result is half-read)."""
    rows = con.execute(sql, params or {}).fetchall()
    return rows[0] if rows else None
