"""Kancil Nari — the entry point: sign-in, page navigation by role (the page registry, kancil/pages.py), the
shared sidebar filters."""

from __future__ import annotations

import logging

import duckdb
import streamlit as st

from kancil import config, pages
from kancil.store import connection
from kancil.web import data, frame, run_stats, signin, state, warm_process
from kancil.web.text import lang, tr

st.set_page_config(page_title="Kancil Nari", page_icon=":material/badge:", layout="wide")
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
run_stats.start()  # counts script runs for the browser stage of make bench; does nothing unless KANCIL_BENCH=1
warm_process.start()  # a fresh server's one-time imports, in the background while the first user signs in

db = config.db_path()
problem = data.store_problem(str(db))
if problem:  # missing, not a store, cut short, read-only, newer: said in the user's words, never a traceback
    text = tr("store.missing", path=db) if problem.kind == "missing" else problem.message(lang())
    st.error(text, icon=":material/database:")
    st.stop()


def run_app() -> None:
    """Sign-in, the menu of the user's role, the shared filters, and the page asked for (its key kept for the
    benchmark's count, which runs after the page ran, stopped or switched)."""
    data.ensure_current_schema(str(db))
    user = signin.require_user(db, tr, page_paths=tuple(p.url_path for p in pages.PAGES))
    info = data.store_info()
    st.session_state["_info"] = info

    # Every page is registered under its own path (so its URL answers, and refuses a role that may not use it, in
    # the page's own frame; a default page would answer only at "/"); the menu shows only the pages this role may
    # use; "/" opens the first of them, and a link followed before signing in opens its page after.
    registered = {p.key: st.Page(p.file, title=tr(p.title), icon=f":material/{p.icon}:", url_path=p.url_path)
                  for p in pages.PAGES}
    wanted = pages.BY_URL.get(signin.page_wanted_before_sign_in() or "") or pages.home(user)

    def start() -> None:
        """The root URL: open the page the user came for (or the role's first page) under its own path, with the
        link's parameters (its filters, day, tab)."""
        st.switch_page(registered[wanted.key], query_params=st.query_params.to_dict())

    current = st.navigation([st.Page(start, title=tr(wanted.title), url_path="mulai", default=True),
                             *registered.values()], position="hidden")
    allowed = pages.allowed(user)
    for group in pages.GROUPS:
        links = [p for p in allowed if p.group == group]
        if links:
            st.sidebar.caption(tr(f"nav.group.{group}"))
            for p in links:
                st.sidebar.page_link(registered[p.key])
    signin.sidebar_account(tr, lang(), db)
    page_key = next((key for key, page in registered.items() if page is current), wanted.key)
    st.session_state[frame.PAGE_KEY] = page_key
    st.session_state["_filters"] = state.sidebar_filters(info)
    try:
        current.run()
    finally:
        run_stats.finished(page_key)


try:
    run_app()
except duckdb.Error as exc:  # the store broke under a page (a block cut off or damaged that the first check did not
    # read): said in the user's words, the details in the server log
    logging.getLogger("kancil").exception("store error on a page")
    problem = connection.explain_failure(db, exc)
    st.error(problem.message(lang()) if problem else tr("store.problem.failed", path=db, error=exc),
             icon=":material/database:")
