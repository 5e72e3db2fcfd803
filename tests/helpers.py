"""Helpers of the tests: the real app under AppTest signed in as a role, a query file's result on a store, the
numbers a page shows (its metric cards and the tables behind its charts)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from kancil.config import ROOT
from kancil.filters import Filters
from kancil.metrics import kpis
from kancil.roles import User
from kancil.store import connection, queries

DEMO_END = "2026-06-30"  # the last day of the conftest's demo store


def app_test(db: Path, role: str | None = "supervisor", page: str | None = None, query: dict | None = None,
             state: dict | None = None):
    """An AppTest of the real app on ``db``, signed in with ``role`` (None: not signed in).

    Sign-in itself is tested in tests/test_auth.py; page tests start signed in, as a user would be.
    """
    os.environ["KANCIL_DB"] = str(db)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if role:
        at.session_state["_user"] = User(f"test-{role}", role, f"Test {role}")
    for key, value in (query or {}).items():
        at.query_params[key] = value
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    return at


def url_param(at, key: str) -> str | None:
    """A URL parameter of an AppTest as one string (AppTest keeps some as lists)."""
    value = at.query_params.get(key)
    return value[-1] if isinstance(value, list) else value


def run_query(db: Path, name: str, filters: Filters | None = None, **extra: object) -> pd.DataFrame:
    """A query file's result on a store, as the dashboard gets it (read-only, staging macros installed)."""
    with connection.reader(db) as con:
        queries.install_macros(con)
        return queries.run(con, name, filters, **extra)


def store_summary(db: Path, filters: Filters) -> dict:
    """``metrics.summary`` on a store: the numbers of ``python -m kancil summary``."""
    with connection.reader(db) as con:
        return kpis.summary(con, filters)


def metric_values(at) -> dict[str, list[str]]:
    """The page's metric cards, label -> values shown (a label can stand on several cards)."""
    values: dict[str, list[str]] = {}
    for m in at.metric:
        values.setdefault(m.label, []).append(m.value)
    return values


def table_with(at, column: str) -> pd.DataFrame:
    """The first table on the page with this column (each chart also has its numbers in a table)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def table_as_read(table) -> pd.DataFrame:
    """A static table (``tables.static_table``) as the reader reads it: its Markdown escapes undone (the browser
    test tests/test_e2e_static_table.py shows that Chromium draws exactly this text)."""
    from kancil.web.tables import WORD_JOINER

    def read(v: object) -> object:
        return re.sub(r"\\(.)", r"\1", v).replace(WORD_JOINER, "") if isinstance(v, str) else v

    frame = table.value
    return pd.DataFrame({read(c): [read(v) for v in frame[c]] for c in frame.columns}, index=frame.index)
