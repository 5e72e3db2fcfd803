"""The store: one DuckDB file, its schema, its migrations and the way processes share it.

DuckDB lets one process write a file, or many processes read it, never both at once. The dashboard therefore
never keeps a connection open: every query batch opens the file read-only, reads, and closes (about 20 ms here).
Writers (ingest, settings, demo) hold the file only for one short transaction per input file. Both sides retry a
lock conflict with back-off, so a dashboard reading while an ingest writes waits a moment instead of failing; a
writer that has to wait leaves a fresh ``<store>.writer-waiting`` sidecar, and readers hold back while it is
there, so a busy dashboard cannot starve an ingest. Inside one process (the dashboard serves its sessions in
threads) DuckDB refuses a read-only and a read-write connection at once; that is retried the same way.

A small sidecar file ``<store>.version`` holds a counter that every committed write bumps. The dashboard reads it
(no DuckDB open needed) to key its result cache: a rerun after a widget change hits the cache, a rerun after an
ingest sees a new version and queries again.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

SCHEMA_VERSION = 4
DEFAULT_DB = Path(__file__).resolve().parent.parent / "data" / "kancil.duckdb"

LOCK_WAIT_SECONDS = 30.0


class StoreBusy(RuntimeError):
    """The store stayed locked by another process for longer than we were willing to wait."""


# Each migration takes a store from version N-1 to N. Add new ones at the end; never edit an old one. The DDL is
# written out, not derived from the contract: a column added to the contract later needs its own migration
# (ALTER TABLE ... ADD COLUMN), and tests/test_migrations.py fails until it has one.
MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE IF NOT EXISTS antrian (
            ticket_id VARCHAR, office_code VARCHAR, lane VARCHAR, applicant_group VARCHAR, service_type VARCHAR,
            channel VARCHAR, issued_at TIMESTAMP, called_at TIMESTAMP, service_start TIMESTAMP,
            service_end TIMESTAMP, counter VARCHAR, officer_id VARCHAR, status VARCHAR, batch_id INTEGER NOT NULL)""",
        """CREATE TABLE IF NOT EXISTS permohonan (
            application_id VARCHAR, ticket_id VARCHAR, office_code VARCHAR, lane VARCHAR, applicant_group VARCHAR,
            service_type VARCHAR, submitted_at TIMESTAMP, bap_required BOOLEAN, bap_start TIMESTAMP,
            bap_end TIMESTAMP, paid_at TIMESTAMP, issued_at TIMESTAMP, collected_at TIMESTAMP, mismatch BOOLEAN,
            mismatch_reported_at TIMESTAMP, mismatch_resolved_at TIMESTAMP, batch_id INTEGER NOT NULL)""",
        """CREATE TABLE IF NOT EXISTS survei (
            response_id VARCHAR, office_code VARCHAR, submitted_at TIMESTAMP, ticket_id VARCHAR, lane VARCHAR,
            applicant_group VARCHAR, u1 INTEGER, u2 INTEGER, u3 INTEGER, u4 INTEGER, u5 INTEGER, u6 INTEGER,
            u7 INTEGER, u8 INTEGER, u9 INTEGER, info_source VARCHAR, comment VARCHAR, batch_id INTEGER NOT NULL)""",
        """CREATE TABLE IF NOT EXISTS fasilitas (
            usage_id VARCHAR, office_code VARCHAR, facility VARCHAR, started_at TIMESTAMP, ended_at TIMESTAMP,
            applicant_group VARCHAR, batch_id INTEGER NOT NULL)""",
        """CREATE TABLE IF NOT EXISTS kuota (
            office_code VARCHAR, lane VARCHAR, valid_from DATE, valid_to DATE, daily_quota INTEGER,
            batch_id INTEGER NOT NULL)""",
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
    4: [
        # Completion in working days, stored with each application and kept in step with hari_kerja by
        # kancil/calendar.py: joining every application to the calendar twice was most of the cost of every
        # permohonan query at scale (BENCHMARKS.md). Not a contract column: it is derived, never loaded.
        "ALTER TABLE permohonan ADD COLUMN IF NOT EXISTS completion_workdays INTEGER",
    ],
}


def _is_lock_error(exc: Exception) -> bool:
    """Another process holds the file (IOException), or, inside this process (the dashboard serves sessions in
    threads), a connection of the other mode is open: DuckDB refuses a read-only and a read-write one at once."""
    text = str(exc)
    if isinstance(exc, duckdb.IOException):
        return "lock" in text.lower() and ("Conflicting" in text or "Could not set lock" in text)
    return isinstance(exc, duckdb.ConnectionException) and "different configuration" in text


def waiting_path(path: Path | str) -> Path:
    """A sidecar a writer keeps fresh while it waits for readers to let go (see ``_connect_with_retry``)."""
    return Path(str(path) + ".writer-waiting")


WAITING_FRESH_SECONDS = 2.0  # a writer refreshes its sidecar every retry (<= 0.25 s); older means it is gone


def _writer_waiting(path: Path) -> bool:
    try:
        return time.time() - waiting_path(path).stat().st_mtime < WAITING_FRESH_SECONDS
    except FileNotFoundError:
        return False


def _connect_with_retry(path: Path, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """Connect, retrying a lock conflict with back-off until ``wait`` seconds have passed.

    Readers come and go every few milliseconds while the dashboard is busy, so a writer could keep missing the
    gaps. A writer that met a conflict therefore keeps ``<store>.writer-waiting`` fresh, and a reader does not
    start a new connection while it is: the readers drain, the writer gets in, then the readers go on.
    """
    deadline = time.monotonic() + wait
    delay = 0.01
    announced = False
    try:
        while True:
            if read_only and _writer_waiting(path) and time.monotonic() < deadline:
                time.sleep(0.01)
                continue
            try:
                return duckdb.connect(str(path), read_only=read_only)
            except (duckdb.IOException, duckdb.ConnectionException) as exc:
                if not _is_lock_error(exc):
                    raise
                if time.monotonic() > deadline:
                    raise StoreBusy(f"Penyimpanan sedang dipakai proses lain: {path}") from exc
                if not read_only:
                    waiting_path(path).touch()
                    announced = True
                time.sleep(delay)
                delay = min(delay * 2, 0.25)
    finally:
        if announced:
            waiting_path(path).unlink(missing_ok=True)


def open_reader(path: Path | str, wait: float = LOCK_WAIT_SECONDS) -> duckdb.DuckDBPyConnection:
    """A read-only connection the caller closes soon (see ``reader``; the dashboard's per-run lease uses it)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"Penyimpanan tidak ditemukan: {path}")
    return _connect_with_retry(path, read_only=True, wait=wait)


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
    """Bring the store up to SCHEMA_VERSION, one migration at a time, each in its own transaction.

    A store written by a newer version (a higher schema_version) is refused rather than used half-understood.
    """
    con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    start = current = schema_version(con)
    if current > SCHEMA_VERSION:
        raise RuntimeError(
            f"Penyimpanan ini dibuat oleh versi Kancil Nari yang lebih baru (skema {current}; versi ini mengenal "
            f"sampai {SCHEMA_VERSION}). Perbarui aplikasi; penyimpanan tidak diubah."
        )
    for version in sorted(v for v in MIGRATIONS if v > current):
        with transaction(con):
            for statement in MIGRATIONS[version]:
                con.execute(statement)
            con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', $v)", {"v": str(version)}
            )
        current = version
    if start < 2 <= current:
        _fill_new_calendar(con)
    if 0 < start < 4 <= current:
        _fill_completion(con)
    return current


def _fill_new_calendar(con: duckdb.DuckDBPyConnection) -> None:
    """Migration 2 added the working-day calendar: fill it at once for a store that already holds data."""
    has_data = one(con, "SELECT (SELECT count(*) FROM antrian) + (SELECT count(*) FROM permohonan) "
                        "+ (SELECT count(*) FROM kuota)")[0]
    if not has_data or one(con, "SELECT count(*) FROM hari_kerja")[0]:
        return
    from kancil import calendar  # late import: calendar -> settings -> store

    with transaction(con):
        calendar.rebuild(con)


def _fill_completion(con: duckdb.DuckDBPyConnection) -> None:
    """Migration 4 added permohonan.completion_workdays: compute it at once for the applications already stored."""
    from kancil import calendar  # late import: calendar -> settings -> store

    with transaction(con):
        calendar.refresh_completion(con)


@contextlib.contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """One transaction around the block: committed at its end, rolled back if anything in it fails (an interrupt
    too), so a write is all or nothing."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def one(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None) -> tuple | None:
    """The first row of a query, fully fetched (DuckDB refuses new work while a result is half-read)."""
    rows = con.execute(sql, params or {}).fetchall()
    return rows[0] if rows else None


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The store's schema version; 0 for a store never migrated (no ``meta`` table yet)."""
    exists = one(con, "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'meta' AND NOT temporary")[0]
    if not exists:
        return 0
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
    # A temporary name of this process and thread: two writers finishing at once must not share one.
    tmp = vp.with_name(f"{vp.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_text(f"{time.time_ns()}-{os.getpid()}\n")
    os.replace(tmp, vp)
