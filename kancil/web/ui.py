"""The dashboard's shared frame: store access with caching, the sidebar filters in the URL, and chart helpers.

Pages stay thin: they call ``frame()`` for the filters, ``query()`` (or ``summary()``) for numbers from
``queries/`` and ``kancil/metrics/kpis.py``, and ``chart()`` to show a figure with its numbers one click away.

Caching: a result is cached per (query, parameters, store version). The store version is a sidecar file that
every writer bumps, so a rerun after a widget change reads nothing from disk, and the first rerun after an
ingest queries again. No DuckDB connection is kept open (it would block ingestion): each cache miss opens the
file read-only and closes it.

With ``KANCIL_PARQUET_DIR`` set, the figures are read from a Parquet export of the store instead
(``python -m kancil export-parquet``; docs/scale.md §3.1), with the export's manifest as the cache key: the same
queries over views of the same tables. Accounts, settings changes and the download log still go to the store.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable

import duckdb
import pandas as pd
import streamlit as st

from kancil import config, roles
from kancil.briefing import morning
from kancil.export import parquet as parquet_export
from kancil.export.safe import neutralise_frame
from kancil.filters import APPLIES_TO, CHOICES, QUERY_KEYS, Filters
from kancil.i18n import DEFAULT_LANGUAGE, code_label, fmt_date, fmt_datetime, fmt_num, fmt_pct, t
from kancil.metrics import kpis
from kancil.store import connection, queries, schema

PRESETS = ("kemarin", "7h", "30h", "bulan", "triwulan", "semester", "tahun", "custom")
BUSY_WAIT_SECONDS = 5.0
# URL parameters that belong to one page (and are dropped on the others).
PAGE_PARAMS = {"hari": ("briefing",), "dataset": ("unduh", "log_unduhan")}


db_path = config.db_path
parquet_dir = config.parquet_dir


PARQUET_PREFIX = "parquet:"


def data_source() -> tuple[str, str]:
    """What the cached figures read, and its version (the cache key): the store, or the Parquet export."""
    folder = parquet_dir()
    if folder is not None:
        return PARQUET_PREFIX + str(folder), parquet_export.version(folder)
    db = str(db_path())
    return db, connection.store_version(db)


def lang() -> str:
    return st.session_state.get("f_lang", DEFAULT_LANGUAGE)


def tr(key: str, **values: object) -> str:
    """A message in the session's language."""
    return t(key, lang(), **values)


def clean(value: object) -> float | None:
    """A float, or None for a missing value (None, NaN, pandas' NA), as a query's cell may hold either."""
    return None if value is None or pd.isna(value) else float(value)


def num(value: object, decimals: int = 1) -> str:
    """A number in the session's language (1.234,5 / 1,234.5); an em dash for a missing value."""
    return fmt_num(clean(value), lang(), decimals)


def count(value: object) -> str:
    """A whole count in the session's language; an em dash for a missing value."""
    return fmt_num(None if value is None or pd.isna(value) else int(value), lang())


def pct(value: object, decimals: int = 1) -> str:
    """A share as a percentage in the session's language; an em dash for a missing value."""
    return fmt_pct(clean(value), lang(), decimals)


# ------------------------------------------------------------------------------------------------ data


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
        self.con = None
        self.key: tuple[str, str] | None = None
        self.timer: threading.Timer | None = None

    @contextlib.contextmanager
    def use(self, db: str, version: str):  # noqa: ANN201 - a context manager of a DuckDB connection
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


def _read(db: str, version: str):  # noqa: ANN202
    if not hasattr(_leases, "lease"):
        _leases.lease = _ReadLease()
    return _leases.lease.use(db, version)


@st.cache_data(max_entries=1024, show_spinner=False)
def _cached_query(db: str, version: str, name: str, filters: Filters | None, extra: tuple) -> pd.DataFrame:
    with _read(db, version) as con:
        return queries.run(con, name, filters, **dict(extra))


@st.cache_data(max_entries=256, show_spinner=False)
def _cached_summary(db: str, version: str, filters: Filters) -> dict:
    with _read(db, version) as con:
        return kpis.summary(con, filters)


@st.cache_data(max_entries=128, show_spinner=False)
def _cached_briefing(db: str, version: str, day: dt.date, filters: Filters) -> dict:
    with _read(db, version) as con:
        return morning.build(con, day, filters)


@st.cache_data(max_entries=128, show_spinner=False)
def _cached_default_day(db: str, version: str, anchor: dt.date, office: str | None) -> dt.date:
    with _read(db, version) as con:
        return morning.default_day(con, anchor, office)


def _with_fallback(key: tuple, compute):  # noqa: ANN001, ANN202 - small private helper
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


def query(name: str, filters: Filters | None = None, **extra: object) -> pd.DataFrame:
    """The result of ``queries/<name>.sql`` for these filters (cached per store version)."""
    frozen = tuple(sorted(extra.items()))
    return _with_fallback(("q", name, filters, frozen), lambda: _cached_query(*data_source(), name, filters, frozen))


def summary(filters: Filters) -> dict:
    """The same KPI object as ``python -m kancil summary`` (one definition)."""
    return _with_fallback(("s", filters), lambda: _cached_summary(*data_source(), filters))


def briefing_data(day: dt.date, filters: Filters) -> dict:
    """The morning briefing's numbers (kancil/briefing/morning.py), the same as the printed report's."""
    return _with_fallback(("b", day, filters), lambda: _cached_briefing(*data_source(), day, filters))


def default_briefing_day(anchor: dt.date, office: str | None) -> dt.date:
    return _with_fallback(("d", anchor, office), lambda: _cached_default_day(*data_source(), anchor, office))


def store_info() -> dict:
    """Demo flag, newest data, offices and the anchor date of the presets."""
    row = query("store_info").iloc[0]
    newest = row["newest_ticket"]
    newest_date = pd.Timestamp(newest).date() if pd.notna(newest) else None
    yesterday = dt.date.today() - dt.timedelta(days=1)
    anchor = min(yesterday, newest_date) if newest_date else yesterday
    offices = tuple(x for x in str(row["offices"] or "").split(",") if x)
    return {
        "demo": row["demo"] == "true",
        "newest": pd.Timestamp(newest).to_pydatetime() if pd.notna(newest) else None,
        "anchor": anchor,
        "offices": offices,
        "layout_change": row["layout_change"],
    }


# ------------------------------------------------------------------------------------------------ period


def preset_range(preset: str, anchor: dt.date) -> tuple[dt.date, dt.date]:
    """The dates of a period preset, ending at the anchor (the newest day with data, at most yesterday)."""
    if preset == "kemarin":
        return anchor, anchor
    if preset == "7h":
        return anchor - dt.timedelta(days=6), anchor
    if preset == "bulan":
        return anchor.replace(day=1), anchor
    if preset == "triwulan":
        return dt.date(anchor.year, 3 * ((anchor.month - 1) // 3) + 1, 1), anchor
    if preset == "semester":
        return dt.date(anchor.year, 1 if anchor.month <= 6 else 7, 1), anchor
    if preset == "tahun":
        return dt.date(anchor.year, 1, 1), anchor
    return anchor - dt.timedelta(days=29), anchor  # 30h and anything unknown


def _init_from_url(info: dict) -> None:
    """Put the link's values into the widgets' state where a widget has none yet; refuse bad ones politely.

    On a session's first run this is what makes a copied link reproduce a view. It runs on every run, for keys
    the widgets do not hold yet, so state that Streamlit dropped (it does on some page switches) comes back
    from the URL instead of silently falling back to the defaults.
    """
    first = not st.session_state.get("_url_read")
    st.session_state["_url_read"] = True
    qp = st.query_params
    state = st.session_state
    refused: list[str] = []
    if "f_lang" not in state and "bahasa" in qp:
        if qp["bahasa"] in ("id", "en"):
            state["f_lang"] = qp["bahasa"]
        else:
            refused.append("bahasa")
    preset = qp.get("periode")
    if "f_periode" not in state and preset is not None:
        if preset in PRESETS:
            state["f_periode"] = preset
        else:
            refused.append("periode")
    if "f_range" not in state and ("dari" in qp or "sampai" in qp):
        try:
            start, end = dt.date.fromisoformat(qp.get("dari", "")), dt.date.fromisoformat(qp.get("sampai", ""))
            if start > end:
                raise ValueError("start after end")
            state["f_range"] = (start, end)
            if preset is None:
                state["f_periode"] = "custom"
        except ValueError:
            refused.append("dari/sampai")
    for field, name in QUERY_KEYS.items():
        value = qp.get(name)
        if f"f_{field}" in state or value is None:
            continue
        allowed = info["offices"] if field == "office" else CHOICES[field]
        if value in allowed:
            state[f"f_{field}"] = value
        else:
            refused.append(name)
    if "f_hari" not in state and "hari" in qp:
        try:
            state["f_hari"] = dt.date.fromisoformat(qp["hari"])
        except ValueError:
            refused.append("hari")
    if first:
        state["_refused"] = refused


ALL = ""  # the "all" choice of a filter (a string: Streamlit shows None as "nothing chosen" on a rebuilt widget)


def _sidebar_select(label: str, options: tuple[str, ...], state_key: str, format_func, default: str) -> str:  # noqa: ANN001
    """A sidebar selectbox whose choice lives in ``state_key`` and whose widget is keyed per language.

    The shown option texts depend on the language; under one widget key the browser keeps the old texts after a
    language switch, so each language gets its own widget, started from the shared choice.
    """
    state = st.session_state
    widget_key, shown_key = f"{state_key}__{lang()}", f"_{state_key}_shown"
    current = state.get(state_key, default)
    current = ALL if current is None else current
    # a new widget, or the choice was changed elsewhere (a link, a page's button): the widget follows it
    if widget_key not in state or state.get(shown_key) != current:
        state[widget_key] = current
    if state[widget_key] not in options:
        state[widget_key] = default
    choice = st.sidebar.selectbox(label, options, key=widget_key, format_func=format_func)
    state[state_key] = state[shown_key] = choice
    return choice


def _select(field: str, options: tuple[str, ...]) -> str | None:
    choice = _sidebar_select(
        tr(f"filter.{field}"), (ALL, *options), f"f_{field}",
        lambda c: tr("common.all") if c == ALL else (c if field == "office" else code_label(c, lang())), ALL,
    )
    return choice or None


def sidebar_filters(info: dict) -> Filters:
    """The shared filters in the sidebar, read from and written back to the URL."""
    _init_from_url(info)
    st.sidebar.toggle(tr("lang.switch"), key="f_lang_en", value=lang() == "en",
                      on_change=lambda: st.session_state.update(
                          f_lang="en" if st.session_state["f_lang_en"] else "id"))
    st.sidebar.header(tr("filter.header"))
    preset = _sidebar_select(tr("filter.period"), PRESETS, "f_periode", lambda p: tr(f"preset.{p}"), "30h")
    start, end = preset_range(preset, info["anchor"])
    if preset == "custom":
        chosen = st.sidebar.date_input(tr("filter.range"), value=st.session_state.get("f_range", (start, end)),
                                       format="DD/MM/YYYY")
        if isinstance(chosen, tuple) and len(chosen) == 2:
            start, end = chosen
            st.session_state["f_range"] = (start, end)
    st.sidebar.caption(tr("filter.period_caption", start=fmt_date(start, lang()), end=fmt_date(end, lang()),
                          days=(end - start).days + 1))
    filters = Filters(
        date_from=start,
        date_to=end,
        office=_select("office", info["offices"]),
        lane=_select("lane", CHOICES["lane"]),
        group=_select("group", CHOICES["group"]),
        service_type=_select("service_type", CHOICES["service_type"]),
        channel=_select("channel", CHOICES["channel"]),
    )
    _write_url(filters, preset)
    return filters


def _write_url(filters: Filters, preset: str) -> None:
    wanted = {"periode": preset}
    if preset == "custom":
        wanted.update(dari=filters.date_from.isoformat(), sampai=filters.date_to.isoformat())
    wanted.update({k: v for k, v in filters.to_query().items() if k not in ("dari", "sampai")})
    if lang() != DEFAULT_LANGUAGE:
        wanted["bahasa"] = lang()
    for own in PAGE_PARAMS:  # a page's own parameters (the briefing's day, the download's dataset): kept
        if own in st.query_params:
            wanted[own] = st.query_params[own]
    if dict(st.query_params) != wanted:
        st.query_params.from_dict(wanted)


# ------------------------------------------------------------------------------------------------ page frame


@st.cache_resource(show_spinner=False)
def ensure_current_schema(db: str) -> int:
    """Migrate an older store once per server process, so a newer version opens it without loss."""
    with connection.reader(db) as con:
        current = schema.schema_version(con)
    if current < schema.SCHEMA_VERSION:
        with connection.writer(db, bump=False) as con:
            current = schema.schema_version(con)
    return current


def frame(title_key: str, page: str, data_kinds: tuple[str, ...],
          capability: str = "dashboard") -> tuple[Filters, dict]:
    """Title, demo banner, freshness line, filters, and a notice for filters this page cannot apply.

    A role that may not use this page gets a clear refusal instead of the page (its URL may be typed in).
    """
    st.session_state["_page"] = page
    for own, pages in PAGE_PARAMS.items():
        if page not in pages and own in st.query_params:
            del st.query_params[own]
    user = st.session_state.get("_user")
    if not roles.can(user, capability):
        st.error(tr("auth.refused", role=code_label(user.role if user else None, lang())))
        st.stop()
    filters: Filters = st.session_state["_filters"]
    info: dict = st.session_state["_info"]
    if info["demo"]:
        st.warning(tr("banner.demo"), icon=":material/science:")
    st.title(tr(title_key))
    freshness = "freshness.parquet" if parquet_dir() is not None else "freshness"
    st.caption(tr(freshness, when=fmt_datetime(info["newest"], lang()), version=data_source()[1][:10]))
    refused = st.session_state.get("_refused")
    if refused:
        st.info(tr("filter.bad_link", names=", ".join(refused)))
        st.session_state["_refused"] = []
    applied = {f for kind in data_kinds for f in APPLIES_TO[kind]}
    unused = [tr(f"filter.{f}") for f in QUERY_KEYS if getattr(filters, f) and f not in applied]
    if unused:
        st.info(tr("filter.not_applied", names=", ".join(unused)))
    return filters, info


def write_then_rerun(change: Callable[[duckdb.DuckDBPyConnection], object], flash_key: str,
                     flash: Callable[[object], object], bump: bool = True) -> None:
    """An admin page's change: ``change(con)`` in one writer; a refusal (``AdminError``) or a busy store is shown in
    place, else ``flash(outcome)`` is kept under ``flash_key`` and the page reruns, so it shows the new data.
    ``bump=False`` for changes no figure depends on (accounts): the result cache stays."""
    from kancil.admin.changes import AdminError  # the admin pages' module; the data pages never need it

    try:
        with connection.writer(db_path(), bump=bump) as con:
            outcome = change(con)
    except AdminError as exc:
        st.error(tr(exc.key, **exc.values))
        return
    except connection.StoreBusy:
        st.warning(tr("store.busy_nothing"))
        return
    st.session_state[flash_key] = flash(outcome)
    st.rerun()


def can(capability: str) -> bool:
    """Whether the signed-in user's role has a capability (kancil/roles.py)."""
    return roles.can(st.session_state.get("_user"), capability)


SMALL_COUNT = 5
# Columns of the chart tables that count people (raw names from queries/, or the pages' translated headers).
COUNT_COLUMNS = frozenset({
    "n", "tickets", "uses", "responses", "cases", "applications", "bap", "no_show", "in_reguler", "in_prioritas",
    "vulnerable_tickets", "overtaken", "eligible", "visits", "count", "pemakaian", "jawaban", "di reguler",
    "tiket", "responden", "kasus", "kunjungan",
})


def protect_small_counts(data: pd.DataFrame) -> pd.DataFrame:
    """For roles without access to sensitive detail, counts of people from 1 to 4 are shown as "<5".

    A breakdown by applicant group can otherwise point at one or two people with a disability or an illness
    (UU 27/2022). Only count columns are masked (not weekdays or working days), and a masked column becomes text
    as a whole, so the table stays one type per column.
    """
    if can("sensitive_detail"):
        return data
    out = data.copy()
    for column in out.columns:
        if str(column).strip().lower() in COUNT_COLUMNS and pd.api.types.is_integer_dtype(out[column]):
            values = out[column]
            small = values.between(1, SMALL_COUNT - 1)
            if small.any():
                out[column] = values.astype(str).where(~small, f"<{SMALL_COUNT}")
    return out


def no_data() -> None:
    st.info(tr("common.no_data"))


def chart(fig, data: pd.DataFrame, caption: str, key: str) -> None:  # noqa: ANN001 - plotly Figure
    """A Plotly chart, a caption that says what is counted, and its numbers one click away (table + CSV)."""
    fig.update_layout(separators=",." if lang() == "id" else ".,", margin={"l": 10, "r": 10, "t": 40, "b": 10})
    st.plotly_chart(fig, width="stretch", key=f"chart_{key}")
    st.caption(caption)
    data = protect_small_counts(data)
    with st.expander(tr("common.numbers")):
        st.dataframe(data, hide_index=True, width="stretch")
        st.download_button(
            tr("common.download_csv"),
            neutralise_frame(data).to_csv(index=False).encode("utf-8-sig"),
            file_name=f"{key}.csv",
            mime="text/csv",
            key=f"csv_{key}",
        )
