"""The store: one DuckDB file, its schema, its migrations and the way processes share it.

DuckDB lets one process write a file, or many processes read it, never both at once. The dashboard therefore
never keeps a connection open: every query batch opens the file read-only, reads, and closes (about 20 ms here).
Writers (ingest, settings, demo) hold the file only for one short transaction per input file. Both sides retry a
lock conflict with back-off, so a dashboard reading while an ingest writes waits a moment instead of failing.

A small sidecar file ``<store>.version`` holds a counter that every committed write bumps. The dashboard reads it
(no DuckDB open needed) to key its result cache: a rerun after a widget change hits the cache, a rerun after an
ingest sees a new version and queries again.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

from kancil.contract import CONTRACT

SCHEMA_VERSION = 3
DEFAULT_DB = Path(__file__).resolve().parent.parent / "data" / "kancil.duckdb"

LOCK_WAIT_SECONDS = 30.0


class StoreBusy(RuntimeError):
    """The store stayed locked by another process for longer than we were willing to wait."""


def _data_table_ddl(kind_name: str) -> str:
    kind = CONTRACT[kind_name]
    cols = [f"{c.name} {c.sql_type}" for c in kind.columns]
    cols.append("batch_id INTEGER NOT NULL")
    return f"CREATE TABLE IF NOT EXISTS {kind_name} ({', '.join(cols)})"


# Each migration takes a store from version N-1 to N. Add new ones at the end; never edit an old one.
MIGRATIONS: dict[int, list[str]] = {
    1: [
        *(_data_table_ddl(k) for k in CONTRACT),
        """CREATE TABLE IF NOT EXISTS ingest_batches (
            batch_id INTEGER PRIMARY KEY, file_name VARCHAR, sha256 VARCHAR, kind VARCHAR,
            rows INTEGER, stored INTEGER, replaced INTEGER, unchanged INTEGER, rejected INTEGER,
            loaded_by VARCHAR, loaded_at TIMESTAMP, extra_columns VARCHAR,
            status VARCHAR, message VARCHAR)""",
        """CREATE TABLE IF NOT EXISTS ingest_rejects (
            batch_id INTEGER, row_number INTEGER, column_name VARCHAR, value VARCHAR, reason VARCHAR)""",
        """CREATE TABLE IF NOT EXISTS kalender (
            office_code VARCHAR, tanggal DATE NOT NULL, jenis VARCHAR NOT NULL, keterangan VARCHAR)""",
        """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    ],
    2: [
        # Working-day calendar, rebuilt from `holidays`, `kalender` and settings (see kancil/calendar.py).
        """CREATE TABLE IF NOT EXISTS hari_kerja (
            office_code VARCHAR, tanggal DATE, is_workday BOOLEAN, is_service_day BOOLEAN,
            workday_index INTEGER, keterangan VARCHAR)""",
        """CREATE TABLE IF NOT EXISTS pengaturan (
            key VARCHAR PRIMARY KEY, value VARCHAR, changed_by VARCHAR, changed_at TIMESTAMP)""",
        """CREATE TABLE IF NOT EXISTS pengaturan_riwayat (
            key VARCHAR, old_value VARCHAR, new_value VARCHAR, changed_by VARCHAR, changed_at TIMESTAMP)""",
    ],
    3: [
        # Accounts (argon2 hashes), failed sign-ins (to slow guessing down), the append-only download log.
        """CREATE TABLE IF NOT EXISTS pengguna (
            username VARCHAR PRIMARY KEY, password_hash VARCHAR NOT NULL, role VARCHAR NOT NULL,
            display_name VARCHAR, active BOOLEAN DEFAULT true, created_by VARCHAR, created_at TIMESTAMP)""",
        """CREATE TABLE IF NOT EXISTS login_gagal (username VARCHAR, attempted_at TIMESTAMP)""",
        """CREATE TABLE IF NOT EXISTS unduhan_log (
            download_id VARCHAR, username VARCHAR, role VARCHAR, downloaded_at TIMESTAMP, dataset VARCHAR,
            filters VARCHAR, file_format VARCHAR, rows BIGINT, sha256 VARCHAR, via VARCHAR)""",
        """CREATE TABLE IF NOT EXISTS kalender_riwayat (
            office_code VARCHAR, tanggal DATE, jenis VARCHAR, keterangan VARCHAR, action VARCHAR,
            changed_by VARCHAR, changed_at TIMESTAMP)""",
    ],
}


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc)
    return "lock" in text.lower() and ("Conflicting" in text or "Could not set lock" in text)


def _connect_with_retry(path: Path, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait
    delay = 0.01
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if not _is_lock_error(exc) or time.monotonic() > deadline:
                if _is_lock_error(exc):
                    raise StoreBusy(f"Penyimpanan sedang dipakai proses lain: {path}") from exc
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.25)


@contextlib.contextmanager
def reader(path: Path | str = DEFAULT_DB, wait: float = LOCK_WAIT_SECONDS) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived read-only connection: open, read, close, so writers are never blocked for long."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"Penyimpanan tidak ditemukan: {path}")
    con = _connect_with_retry(path, read_only=True, wait=wait)
    try:
        yield con
    finally:
        con.close()


@contextlib.contextmanager
def writer(
    path: Path | str = DEFAULT_DB, wait: float = LOCK_WAIT_SECONDS, bump: bool = True
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection on a migrated store; closing it bumps the store version.

    ``bump=False`` for writes that change no data the dashboard shows (sign-ins, the download log), so they do
    not empty the dashboard's cache.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = _connect_with_retry(path, read_only=False, wait=wait)
    try:
        migrate(con)
        yield con
    finally:
        con.close()
        if bump:
            bump_version(path)


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Bring the store up to SCHEMA_VERSION, one migration at a time, each in its own transaction."""
    con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    row = one(con, "SELECT value FROM meta WHERE key = 'schema_version'")
    current = int(row[0]) if row else 0
    for version in sorted(v for v in MIGRATIONS if v > current):
        con.execute("BEGIN")
        try:
            for statement in MIGRATIONS[version]:
                con.execute(statement)
            con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', $v)", {"v": str(version)}
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        current = version
    return current


def one(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None) -> tuple | None:
    """The first row of a query, fully fetched (DuckDB refuses new work while a result is half-read)."""
    rows = con.execute(sql, params or {}).fetchall()
    return rows[0] if rows else None


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    row = one(con, "SELECT value FROM meta WHERE key = 'schema_version'")
    return int(row[0]) if row else 0


def get_meta(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    row = one(con, "SELECT value FROM meta WHERE key = $k", {"k": key})
    return row[0] if row else None


def set_meta(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    con.execute("INSERT OR REPLACE INTO meta VALUES ($k, $v)", {"k": key, "v": value})


def version_path(path: Path | str) -> Path:
    return Path(str(path) + ".version")


def store_version(path: Path | str = DEFAULT_DB) -> str:
    """A cheap token that changes whenever a writer commits; used as the dashboard's cache key."""
    vp = version_path(path)
    try:
        return vp.read_text().strip()
    except FileNotFoundError:
        p = Path(path)
        return f"m{p.stat().st_mtime_ns}" if p.exists() else "none"


def bump_version(path: Path | str) -> None:
    vp = version_path(path)
    tmp = vp.with_suffix(".version.tmp")
    tmp.write_text(f"{time.time_ns()}-{os.getpid()}\n")
    os.replace(tmp, vp)
