"""Opening the store: one DuckDB file shared by the dashboard's readers and the writers (ingest, settings, demo).

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

from kancil.config import DEFAULT_DB
from kancil.store import health, schema
from kancil.store.health import StoreProblem
from kancil.store.schema import migrate

LOCK_WAIT_SECONDS = 30.0


class StoreBusy(RuntimeError):
    """The store stayed locked by another process for longer than we were willing to wait."""


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


class AfterCommitFailed(OSError):
    """The body of ``writer`` finished (what it committed is in the store) but a step after it failed: closing the
    connection or bumping the version. The message (Bahasa Indonesia) says which step and what it means, so that a
    caller can say "disimpan, tetapi …" instead of "nothing stored"."""


@contextlib.contextmanager
def writer(
    path: Path | str = DEFAULT_DB, wait: float = LOCK_WAIT_SECONDS, bump: bool = True
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection on a migrated store; closing it bumps the store version.

    ``bump=False`` for writes that change no data the dashboard shows (sign-ins, the download log), so they do
    not empty the dashboard's cache. A failure after the body finished raises ``AfterCommitFailed``: the data is
    stored, and the caller must say so.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = _connect_with_retry(path, read_only=False, wait=wait)
    try:
        migrate(con)
        yield con
    except BaseException:
        with contextlib.suppress(Exception):
            con.close()
        if bump:
            with contextlib.suppress(OSError):
                bump_version(path)  # something may have been committed before the failure
        raise
    problems: list[str] = []
    try:
        con.close()
    except Exception as exc:  # committed data is in the write-ahead log; DuckDB replays it on the next open
        problems.append(f"penutupan penyimpanan gagal ({_first_line(exc)}); perubahan yang sudah disimpan tetap "
                        "ada dan dibaca lagi saat penyimpanan dibuka")
    if bump:
        try:
            bump_version(path)
        except OSError as exc:
            problems.append(_bump_problem(path, exc))
    if problems:
        raise AfterCommitFailed("; ".join(problems))


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _bump_problem(path: Path, exc: OSError) -> str:
    """What a failed version bump means for the dashboard: a removed stale marker makes it read anew (its cache
    key falls back to the store file's time), a marker that cannot be removed leaves it showing old figures."""
    vp = version_path(path)
    try:
        vp.unlink(missing_ok=True)
        after = "penanda lama dihapus, jadi dasbor tetap membaca data baru"
    except OSError:
        after = "dasbor mungkin menampilkan data lama sampai penulisan berikutnya berhasil"
    return f"penanda versi penyimpanan ({vp.name}) tidak dapat diperbarui ({_first_line(exc)}); {after}"


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
    """Write a new version token atomically: a temporary file of this process and thread, flushed to disk, then
    renamed over the old one. On any failure the temporary file is removed and the error raised (the caller says
    what it means); the old token is never left half-written."""
    vp = version_path(path)
    # A temporary name of this process and thread: two writers finishing at once must not share one.
    tmp = vp.with_name(f"{vp.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with tmp.open("w") as fh:
            fh.write(f"{time.time_ns()}-{os.getpid()}\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, vp)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise


def diagnose(path: Path | str, *, write: bool = True, wait: float | None = None) -> StoreProblem | None:
    """None if the store at ``path`` can be used (for writing too, with ``write``), else what is wrong with it.

    ``wait``: how long another process may hold the store before it counts as locked (default: as long as any
    reader waits, ``LOCK_WAIT_SECONDS``).
    """
    path = Path(path)
    problem = health.cheap_checks(path, write)
    if problem:
        return problem
    try:
        con = _connect_with_retry(path, read_only=True, wait=LOCK_WAIT_SECONDS if wait is None else wait)
    except StoreBusy:
        return StoreProblem("locked", path)
    except duckdb.Error as exc:
        return problem_from_error(path, exc)
    try:
        version = schema.schema_version(con)
        if version > schema.SCHEMA_VERSION:
            return StoreProblem("newer_schema", path, f"{version} > {schema.SCHEMA_VERSION}")
        if not Path(str(path) + ".wal").exists():  # with a log to replay the blocks in memory may exceed the file
            # Every block in use is somewhere in the file (free ones at its end may have been cut off by DuckDB
            # itself), so a file shorter than its used blocks has lost some; a shorter cut shows when a page
            # reads the block it lost (``problem_from_error``).
            block_size, used = con.execute("SELECT block_size, used_blocks FROM pragma_database_size()").fetchone()
            expected = health.HEADER_BYTES + block_size * used
            size = path.stat().st_size
            if size < expected:
                return StoreProblem("truncated", path, f"{size} < {expected} byte")
    except duckdb.Error as exc:
        return problem_from_error(path, exc)
    finally:
        con.close()
    return None


def problem_from_error(path: Path | str, exc: duckdb.Error) -> StoreProblem:
    """DuckDB's refusal as a problem: a block past the end of the file is a store cut short, anything else means
    the file is not a store this code can read."""
    text = str(exc).splitlines()[0][:200]
    return StoreProblem("truncated" if is_cut_short(exc) else "not_store", Path(path), text)


def is_cut_short(exc: BaseException) -> bool:
    """DuckDB's error for a block that lies past the end of the file."""
    return "Could not read enough bytes" in str(exc)
