"""The page frame every page starts with: the refusal for a role that may not use it, the demo banner, the title,
how fresh the data is, and a word on the filters this page cannot apply — all from the page registry.

A page file starts with ``filters, info = frame.page()``; app.py has put the page's registry key in the session.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import streamlit as st

from kancil import config, pages, roles
from kancil.admin.changes import AdminError
from kancil.briefing import precompute
from kancil.filters import APPLIES_TO, QUERY_KEYS, Filters
from kancil.i18n import code_label
from kancil.store import connection
from kancil.web import data, session_cookie, state, times
from kancil.web.text import lang, tr

PAGE_KEY = "_page_key"


def current() -> pages.Page:
    """The page being run (its registry entry)."""
    return pages.BY_KEY[st.session_state[PAGE_KEY]]


def user() -> roles.User | None:
    return st.session_state.get("_user")


def can(capability: str) -> bool:
    """Whether the signed-in user's role has a capability (kancil/roles.py)."""
    return roles.can(user(), capability)


def page(data_kinds: tuple[str, ...] | None = None) -> tuple[Filters, dict]:
    """Title, demo banner, freshness line, filters, and a notice for filters this page cannot apply.

    A role that may not use this page gets a clear refusal instead of the page (its URL may be typed in).
    ``data_kinds``: the data the page shows when it depends on a choice (the download's dataset); by default the
    registry's.
    """
    entry = current()
    state.drop_other_pages_params(entry)
    if not can(entry.capability):
        st.error(tr("auth.refused", role=code_label(user().role if user() else None, lang())))
        st.stop()
    session_cookie.renew(config.db_path(), user())  # here, not before navigation: "/" switches pages at once
    filters: Filters = st.session_state["_filters"]
    info: dict = st.session_state["_info"]
    if info["demo"]:
        st.warning(tr("banner.demo"), icon=":material/science:")
    st.title(tr(entry.title))
    freshness = "freshness.parquet" if config.parquet_dir() is not None else "freshness"
    when = times.local(info["newest"], info.get("newest_office"))
    st.caption(tr(freshness, when=when, version=data.data_source()[1][:10]) + " · " + times.zone_note())
    refused = st.session_state.get("_refused")
    if refused:
        st.info(tr("filter.bad_link", names=", ".join(refused)))
        st.session_state["_refused"] = []
    applied = {f for kind in (entry.data_kinds if data_kinds is None else data_kinds) for f in APPLIES_TO[kind]}
    unused = [tr(f"filter.{f}") for f in QUERY_KEYS if getattr(filters, f) and f not in applied]
    if unused:
        st.info(tr("filter.not_applied", names=", ".join(unused)))
    return filters, info


def no_data() -> None:
    st.info(tr("common.no_data"))


def write_then_rerun(change: Callable[[duckdb.DuckDBPyConnection], object], flash_key: str,
                     flash: Callable[[object], object], bump: bool = True) -> None:
    """An admin page's change: ``change(con)`` in one writer; a refusal (``AdminError``) or a busy store is shown in
    place, else ``flash(outcome)`` is kept under ``flash_key`` and the page reruns, so it shows the new data.
    ``bump=False`` for changes no figure depends on (accounts): the result cache stays. A change that bumps the
    store version (settings: targets, thresholds) also starts the precompute again, as an ingest does, so the
    morning's kept briefings and first views are of the new version."""
    try:
        with connection.writer(config.db_path(), bump=bump) as con:
            outcome = change(con)
    except AdminError as exc:
        st.error(tr(exc.key, **exc.values))
        return
    except connection.StoreBusy:
        st.warning(tr("store.busy_nothing"))
        return
    if bump:  # the kept briefings and first views were of the version before this change: prepare them again
        precompute.after_ingest(config.db_path())
    st.session_state[flash_key] = flash(outcome)
    st.rerun()


def read(fetch: Callable[[duckdb.DuckDBPyConnection], object]):
    """Read small admin tables with a short-lived connection (not worth caching); a busy store is said once."""
    try:
        with connection.reader(config.db_path(), wait=data.BUSY_WAIT_SECONDS) as con:
            return fetch(con)
    except connection.StoreBusy:
        st.warning(tr("store.busy_nothing"))
        st.stop()
