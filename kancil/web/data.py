"""The dashboard's access to the store: one read lease per server thread, results cached per store version and
filters, the privacy rule applied for the signed-in role, and the "store busy" answer written once.

Caching: a result is cached per (figure, parameters, store version). The store version is a sidecar file that
every writer bumps, so a rerun after a widget change reads nothing from disk, and the first rerun after an
ingest queries again. No DuckDB connection is kept open for long (it would block ingestion): a cache miss borrows
the thread's read-only connection, which closes itself a moment after its last use.

With ``KANCIL_PARQUET_DIR`` set, the figures are read from a Parquet export of the store instead
(``python -m kancil export-parquet``; docs/scale.md §3.1), with the export's manifest as the cache key: the same
queries over views of the same tables. Accounts, settings changes and the download log still go to the store.

Privacy: the cache holds the figures as computed; ``figure`` and ``summary`` pass them through the catalogue's
privacy rule for the signed-in role on every read (cheap: the frames are small), so two roles never share a
protected result and a page cannot forget the rule.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from kancil import config, roles
from kancil.briefing import morning, precompute, printout
from kancil.export import parquet as parquet_export
from kancil.filters import Filters
from kancil.metrics import catalogue, figures, kpis, privacy, turnaround
from kancil.store import clock, connection, health, offices, queries, schema, settings
from kancil.web import cache_keys, run_stats
from kancil.web.text import tr

BUSY_WAIT_SECONDS = 5.0
PARQUET_PREFIX = "parquet:"


def data_source() -> tuple[str, str]:
    """What the cached figures read, and its version (the cache key): the store, or the Parquet export."""
    folder = config.parquet_dir()
    if folder is not None:
        return PARQUET_PREFIX + str(folder), parquet_export.version(folder)
    db = str(config.db_path())
    return db, connection.store_version(db)


class _ReadLease:
    """One read-only connection per server thread, shared by the cache misses of a script run.

    Opening the file costs 20-80 ms and a page may miss the cache a dozen times on its first run, so the misses
    of one run share a connection (macros installed once). It closes itself IDLE_SECONDS after its last use, so a
    writer (ingest, settings) waits a fraction of a second at most, and it is reopened when the store version
    changes, so new data is read.
    """

    IDLE_SECONDS = 0.3

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.con: duckdb.DuckDBPyConnection | None = None
        self.key: tuple[str, str] | None = None
        self.timer: threading.Timer | None = None

    @contextlib.contextmanager
    def use(self, db: str, version: str) -> Iterator[duckdb.DuckDBPyConnection]:
        with self.lock:
            if self.timer:
                self.timer.cancel()
            if self.con is None or self.key != (db, version):
                self._close()
                if db.startswith(PARQUET_PREFIX):
                    self.con = parquet_export.connect(db.removeprefix(PARQUET_PREFIX))
                else:
                    self.con = connection.open_reader(db, wait=BUSY_WAIT_SECONDS)
                queries.install_macros(self.con)
                self.key = (db, version)
            try:
                yield self.con
            finally:
                self.timer = threading.Timer(self.IDLE_SECONDS, self._close_when_idle)
                self.timer.daemon = True
                self.timer.start()

    def _close_when_idle(self) -> None:
        with self.lock:
            self._close()

    def _close(self) -> None:
        if self.con is not None:
            self.con.close()
        self.con, self.key = None, None


_leases = threading.local()


def _read(db: str, version: str) -> contextlib.AbstractContextManager[duckdb.DuckDBPyConnection]:
    if not hasattr(_leases, "lease"):
        _leases.lease = _ReadLease()
    return _leases.lease.use(db, version)


_keeping = False  # True only inside the page precompute (kancil/web/warm_pages.py): results are also written


@contextlib.contextmanager
def keeping_results() -> Iterator[None]:
    """Inside: every result this process computes is also kept next to the store for its version (the page
    precompute after an ingest; the dashboard itself only reads them)."""
    global _keeping
    _keeping = True
    try:
        yield
    finally:
        _keeping = False


def _kept_or_computed(db: str, version: str, request: tuple, compute: Callable[[], object]):
    """A result the page precompute kept for this store version (kancil/briefing/precompute.py), or computed now.

    The memory cache above this misses once per server process; so a fresh server's first view of a page (after
    a restart, or the first visit after an ingest) reads the precomputed file instead of running its queries."""
    if db.startswith(PARQUET_PREFIX):
        return compute()
    kept = precompute.load_result(db, version, request)
    if kept is not None:
        return kept
    value = compute()
    if _keeping:
        precompute.save_result(db, version, request, value)
    return value


@st.cache_data(max_entries=2048, show_spinner=False, hash_funcs=cache_keys.FAST)
def _cached_figure(db: str, version: str, name: str, filters: Filters | None, extra: tuple) -> pd.DataFrame:
    def compute() -> pd.DataFrame:
        run_stats.miss(name)
        with _read(db, version) as con:
            return figures.compute(con, name, filters, **dict(extra))

    return _kept_or_computed(db, version, ("figure", name, filters, extra), compute)


@st.cache_data(max_entries=1024, show_spinner=False, hash_funcs=cache_keys.FAST)
def _cached_query(db: str, version: str, name: str, filters: Filters | None, extra: tuple) -> pd.DataFrame:
    run_stats.miss(name)
    with _read(db, version) as con:
        return queries.run(con, name, filters, **dict(extra))


@st.cache_data(max_entries=256, show_spinner=False, hash_funcs=cache_keys.FAST)
def _cached_summary(db: str, version: str, filters: Filters) -> dict:
    def compute() -> dict:
        run_stats.miss("summary")
        with _read(db, version) as con:
            return kpis.summary(con, filters)

    return _kept_or_computed(db, version, ("summary", filters), compute)


@st.cache_data(max_entries=128, show_spinner=False)
def _cached_briefing(db: str, version: str, day: dt.date, office: str | None) -> dict:
    run_stats.miss("briefing")
    kept = None if db.startswith(PARQUET_PREFIX) else precompute.load(db, version, day, office)
    if kept is not None:  # computed once after the ingest (the morning rush): read, not recomputed
        return kept
    with _read(db, version) as con:
        return morning.build(con, day, office)


@st.cache_data(max_entries=128, show_spinner=False)
def _cached_briefing_html(db: str, version: str, day: dt.date, office: str | None, lang: str, demo: bool) -> str:
    run_stats.miss("briefing_html")
    kept = None if db.startswith(PARQUET_PREFIX) else precompute.load_html(db, version, day, office, lang)
    return kept if kept is not None else printout.render_html(briefing(day, office), lang, demo=demo)


@st.cache_data(max_entries=128, show_spinner=False)
def _cached_default_day(db: str, version: str, anchor: dt.date, office: str | None) -> dt.date:
    def compute() -> dt.date:
        run_stats.miss("default_day")
        with _read(db, version) as con:
            return morning.default_day(con, anchor, office)

    return _kept_or_computed(db, version, ("default_day", anchor, office), compute)


def _with_fallback(key: tuple, compute: Callable[[], object]):
    """Serve the last good answer for the same request if the store stays locked by a writer."""
    remembered = st.session_state.setdefault("_last_good", {})
    try:
        value = compute()
    except connection.StoreBusy:
        if key in remembered:
            st.toast(tr("store.busy"))
            return remembered[key]
        st.warning(tr("store.busy_nothing"))
        st.stop()
    remembered[key] = value
    return value


def privacy_rule() -> privacy.Rule:
    """The privacy rule of the signed-in role, with the office's sensitive groups and threshold."""
    user = st.session_state.get("_user")
    return privacy.rule_for(roles.can(user, "sensitive_detail"), roles.can(user, "officer_detail"), settings_values())


def figure(name: str, filters: Filters | None = None, **extra: object) -> pd.DataFrame:
    """The frame of catalogue figure ``name`` for these filters, as the signed-in role may see it."""
    frozen = tuple(sorted(extra.items()))
    frame = _with_fallback(("f", name, filters, frozen), lambda: _cached_figure(*data_source(), name, filters, frozen))
    return privacy.protect(frame, catalogue.figure(name), privacy_rule(), filters.group if filters else None)


def query(name: str, filters: Filters | None = None, **extra: object) -> pd.DataFrame:
    """A support query of the catalogue (``SUPPORT_QUERIES``: the frame, settings, admin pages), cached."""
    if name not in catalogue.SUPPORT_QUERIES:
        raise KeyError(f"{name} is a figure: read it with data.figure (the privacy rule applies)")
    frozen = tuple(sorted(extra.items()))
    return _with_fallback(("q", name, filters, frozen), lambda: _cached_query(*data_source(), name, filters, frozen))


def summary(filters: Filters) -> dict:
    """The same KPI object as ``python -m kancil summary`` (one definition), as the signed-in role may see it."""
    raw = _with_fallback(("s", filters), lambda: _cached_summary(*data_source(), filters))
    return privacy.protect_summary(raw, privacy_rule(), filters.group)


def briefing(day: dt.date, office: str | None) -> dict:
    """The morning briefing's numbers (kancil/briefing/morning.py) for a day and an office (None: all offices), the
    same as the printed report's; the sidebar's other filters do not change it."""
    return _with_fallback(("b", day, office), lambda: _cached_briefing(*data_source(), day, office))


def briefing_html(day: dt.date, office: str | None, lang: str, demo: bool) -> str:
    """The printable briefing (kancil/briefing/printout.py) of the same numbers, kept per store version."""
    return _with_fallback(("h", day, office, lang, demo),
                          lambda: _cached_briefing_html(*data_source(), day, office, lang, demo))


def default_briefing_day(anchor: dt.date, office: str | None) -> dt.date:
    return _with_fallback(("d", anchor, office), lambda: _cached_default_day(*data_source(), anchor, office))


@st.cache_resource(max_entries=8, show_spinner=False)
def _kept_per_version(source: str, version: str) -> dict:
    """Objects derived from small cached tables that every run needs several times (the effective settings for the
    privacy rule of each figure, the office directory for every time shown), kept per store version so a run does
    not unpickle and rebuild them again for each figure (issue 14: a warm run's own Python)."""
    return {}


def _per_version(name: str, build: Callable[[], object]):
    kept = _kept_per_version(*data_source())
    if name not in kept:
        kept[name] = build()
    return kept[name]


def settings_values() -> dict[str, str]:
    """The office's effective settings (defaults overlaid with its changes); a copy, the kept one stays as read."""
    return dict(_per_version("settings", lambda: settings.effective(query("settings"))))


def targets() -> dict[str, dict[str, float]]:
    """Per lane: its wait target (minutes) and completion standard (working days)."""
    return turnaround.lane_targets(settings_values())


def directory() -> offices.Directory:
    """The offices by name and time zone, and the main office (kancil/store/offices.py), from the cached queries."""
    def build() -> offices.Directory:
        rows = query("offices")
        found = str(query("store_info").iloc[0]["offices"] or "").split(",")
        return offices.build(rows[["office_code", "name", "timezone"]].itertuples(index=False, name=None),
                             settings_values()[offices.MAIN_SETTING], found)

    return _per_version("directory", build)


def store_info() -> dict:
    """Demo flag, newest data, offices and the anchor date of the presets (yesterday at the main office)."""
    row = query("store_info").iloc[0]
    newest = row["newest_ticket"]
    newest_date = pd.Timestamp(newest).date() if pd.notna(newest) else None
    yesterday = clock.office_today(directory().zone(None)) - dt.timedelta(days=1)
    anchor = min(yesterday, newest_date) if newest_date else yesterday
    offices = tuple(x for x in str(row["offices"] or "").split(",") if x)
    return {
        "demo": row["demo"] == "true",
        "newest": pd.Timestamp(newest).to_pydatetime() if pd.notna(newest) else None,
        "newest_office": row["newest_office"] if pd.notna(newest) else None,
        "anchor": anchor,
        "offices": offices,
        "layout_change": row["layout_change"],
    }


@st.cache_resource(show_spinner=False)
def ensure_current_schema(db: str) -> int:
    """Migrate an older store once per server process, so a newer version opens it without loss."""
    with connection.reader(db) as con:
        current = schema.schema_version(con)
    if current < schema.SCHEMA_VERSION:
        with connection.writer(db, bump=False) as con:
            current = schema.schema_version(con)
    return current


class _Locked(Exception):
    """Raised inside the cached diagnosis so that "locked" is never cached (it passes when the writer is done)."""


@st.cache_data(max_entries=16, show_spinner=False)
def _cached_diagnosis(db: str, version: str, size: int, inode: int) -> health.StoreProblem | None:
    problem = connection.diagnose(db, wait=BUSY_WAIT_SECONDS)
    if problem is not None and problem.kind == "locked":
        raise _Locked
    return problem


def store_problem(db: str) -> health.StoreProblem | None:
    """What keeps the dashboard from using the store (kancil/store/health.py), None when it can.

    Every run makes the cheap checks (a stat and 12 bytes of header: a store deleted, replaced or made read-only
    shows at once); the open that finds a store cut short or of a newer schema (about one DuckDB open) runs once
    per store version, size and inode (a file copied over the store is a new inode), not after every sign-in's
    write. A store locked past the wait is the "busy" answer of the figures, not a problem.
    """
    path = Path(db)
    problem = health.cheap_checks(path, write=True)
    if problem is not None:
        return problem
    stat = path.stat()
    try:
        return _cached_diagnosis(db, connection.store_version(db), stat.st_size, stat.st_ino)
    except _Locked:
        st.warning(tr("store.busy_nothing"))
        st.stop()
