"""The store's schema and its migrations: each takes a store from version N-1 to N, never edited once released.

The DDL is written out, not derived from the contract: a column added to the contract later needs its own
migration (ALTER TABLE ... ADD COLUMN), and tests/test_migrations.py fails until it has one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import duckdb

from kancil.store import calendar, log_chain
from kancil.store.sql import one, transaction

SCHEMA_VERSION = 7

# Each migration takes a store from version N-1 to N. Add new ones at the end; never edit an old one. The DDL is
# written out, not derived from the contract: a column added to the contract later needs its own migration
# (ALTER TABLE ... ADD COLUMN), and tests/test_migrations.py fails until it has one.
MIGRATIONS: dict[int, list[str | Callable[[duckdb.DuckDBPyConnection], None]]] = {
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
        # Working-day calendar, rebuilt from `holidays`, `kalender` and settings (see kancil/store/calendar.py).
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
        # kancil/store/calendar.py: joining every application to the calendar twice was most of the cost of every
        # permohonan query at scale (BENCHMARKS.md). Not a contract column: it is derived, never loaded.
        "ALTER TABLE permohonan ADD COLUMN IF NOT EXISTS completion_workdays INTEGER",
    ],
    5: [
        # One clock (kancil/store/clock.py): the offices with their names and time zones (a contract kind), and
        # every instant the system recorded converted to naive UTC (see _to_utc for what is assumed).
        """CREATE TABLE IF NOT EXISTS kantor (
            office_code VARCHAR PRIMARY KEY, name VARCHAR, timezone VARCHAR, batch_id INTEGER NOT NULL)""",
        lambda con: _to_utc(con),
    ],
    6: [
        # A tamper-evident download log (kancil/store/log_chain.py): each entry's number in the chain, the hash of
        # the entry before it and the SHA-256 of its own content; the entries already there are chained here.
        "ALTER TABLE unduhan_log ADD COLUMN IF NOT EXISTS seq BIGINT",
        "ALTER TABLE unduhan_log ADD COLUMN IF NOT EXISTS prev_hash VARCHAR",
        "ALTER TABLE unduhan_log ADD COLUMN IF NOT EXISTS entry_hash VARCHAR",
        lambda con: _chain_download_log(con),
    ],
    7: [
        # Failed sign-ins are counted per client address too (kancil/store/accounts.py); older rows have none.
        "ALTER TABLE login_gagal ADD COLUMN IF NOT EXISTS client VARCHAR",
    ],
}

# Instants written before migration 5 with the server's local time (``datetime.now()``), table -> column.
SERVER_LOCAL_COLUMNS = (("ingest_batches", "loaded_at"), ("pengaturan", "changed_at"),
                        ("pengaturan_riwayat", "changed_at"), ("kalender_riwayat", "changed_at"),
                        ("pengguna", "created_at"), ("login_gagal", "attempted_at"))
WIB_OFFSET = dt.timedelta(hours=7)  # unduhan_log.downloaded_at was written in WIB (UTC+7, no daylight saving)


def server_local_to_utc(value: dt.datetime) -> dt.datetime:
    """A naive time of this server's local zone as naive UTC (Python reads the zone from TZ or the system)."""
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def _to_utc(con: duckdb.DuckDBPyConnection) -> None:
    """Migration 5: make every stored system instant naive UTC.

    Assumed, because a naive value does not say its zone: the columns of ``SERVER_LOCAL_COLUMNS`` and the
    ``signed_out:<user>`` times in ``meta`` hold the local time of the server that runs this migration (they were
    written with ``datetime.now()`` by the same server: the store lives beside the dashboard), and
    ``unduhan_log.downloaded_at`` holds WIB, as kancil/export/downloads.py wrote it. A store moved between servers
    of different zones before upgrading would be off by the difference; on a UTC server only the download log
    moves (7 hours back). The conversion maps each distinct value once (exact, also across daylight saving where
    the server has it) in the same transaction as the version bump.
    """
    for table, column in SERVER_LOCAL_COLUMNS:
        values = [r[0] for r in con.execute(
            f"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL").fetchall()]  # noqa: S608
        moved = [(old, server_local_to_utc(old)) for old in values if server_local_to_utc(old) != old]
        if not moved:
            continue
        con.execute("CREATE OR REPLACE TEMP TABLE _utc_map (old TIMESTAMP, new TIMESTAMP)")
        con.executemany("INSERT INTO _utc_map VALUES (?, ?)", moved)
        con.execute(f"UPDATE {table} SET {column} = m.new FROM _utc_map m "  # noqa: S608 - our catalog names
                    f"WHERE {table}.{column} = m.old")
        con.execute("DROP TABLE _utc_map")
    con.execute("UPDATE unduhan_log SET downloaded_at = downloaded_at - $o", {"o": WIB_OFFSET})
    for key, value in con.execute("SELECT key, value FROM meta WHERE starts_with(key, 'signed_out:')").fetchall():
        try:
            when = server_local_to_utc(dt.datetime.fromisoformat(value))
        except ValueError:
            continue
        con.execute("UPDATE meta SET value = $v WHERE key = $k", {"k": key, "v": when.isoformat()})


def _chain_download_log(con: duckdb.DuckDBPyConnection) -> int:
    """Migration 6: chain the entries already in the log, oldest first (by time, then in the order they were
    written); returns how many. The only UPDATE of unduhan_log besides migration 5's, run once per store."""
    cur = con.execute("SELECT rowid, download_id, username, role, downloaded_at, dataset, filters, file_format, rows, "
                      "sha256, via FROM unduhan_log ORDER BY downloaded_at, rowid")
    names = [d[0] for d in cur.description]
    previous = log_chain.GENESIS
    updates = []
    for seq, values in enumerate(cur.fetchall(), start=1):
        entry = {**dict(zip(names, values, strict=True)), "seq": seq, "prev_hash": previous}
        previous = log_chain.entry_hash(entry)
        updates.append((seq, entry["prev_hash"], previous, entry["rowid"]))
    if updates:
        con.execute("CREATE OR REPLACE TEMP TABLE _chain (seq BIGINT, prev_hash VARCHAR, entry_hash VARCHAR, "
                    "rid BIGINT)")
        con.executemany("INSERT INTO _chain VALUES (?, ?, ?, ?)", updates)
        con.execute("UPDATE unduhan_log SET seq = c.seq, prev_hash = c.prev_hash, entry_hash = c.entry_hash "
                    "FROM _chain c WHERE unduhan_log.rowid = c.rid")
        con.execute("DROP TABLE _chain")
    return len(updates)


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
                if callable(statement):
                    statement(con)  # a step that needs Python (migration 5 converts times)
                else:
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
    with transaction(con):
        calendar.rebuild(con)


def _fill_completion(con: duckdb.DuckDBPyConnection) -> None:
    """Migration 4 added permohonan.completion_workdays: compute it at once for the applications already stored."""
    with transaction(con):
        calendar.refresh_completion(con)



def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The store's schema version; 0 for a store never migrated (no ``meta`` table yet)."""
    exists = one(con, "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'meta' AND NOT temporary")[0]
    if not exists:
        return 0
    row = one(con, "SELECT value FROM meta WHERE key = 'schema_version'")
    return int(row[0]) if row else 0


def set_meta(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    con.execute("INSERT OR REPLACE INTO meta VALUES ($k, $v)", {"k": key, "v": value})

