"""Running the SQL files of ``queries/``: named parameters only, and the staging macros on every connection.

A query file uses ``$name`` parameters; ``run`` passes it exactly the parameters its text names (DuckDB refuses
unused ones), taken from a ``Filters`` and any extra values. Values are always bound, never formatted into SQL.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

import duckdb

from kancil.config import ROOT
from kancil.filters import Filters

if TYPE_CHECKING:  # DuckDB's .df() imports pandas when a query runs; the ingest command never needs it
    import pandas as pd

QUERY_DIR = ROOT / "queries"
_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")


@functools.cache
def sql_text(name: str) -> str:
    """The text of ``queries/<name>.sql`` (cached: the files do not change while the app runs)."""
    path = (QUERY_DIR / f"{name}.sql").resolve()
    if QUERY_DIR not in path.parents:
        raise ValueError(f"nama kueri tidak sah: {name}")
    return path.read_text(encoding="utf-8")


def param_names(sql: str) -> list[str]:
    without_comments = re.sub(r"--[^\n]*", "", sql)
    return sorted(set(_PARAM.findall(without_comments)))


def install_macros(con: duckdb.DuckDBPyConnection) -> None:
    """Create the staging macros (``queries/staging/*.sql``) on a connection; they are temporary."""
    for path in sorted((QUERY_DIR / "staging").glob("*.sql")):
        con.execute(sql_text(f"staging/{path.stem}"))


def bind(sql: str, filters: Filters | None, extra: dict[str, object] | None = None) -> dict[str, object]:
    available = dict(filters.params()) if filters else {}
    available.update(extra or {})
    names = param_names(sql)
    missing = [n for n in names if n not in available]
    if missing:
        raise KeyError(f"parameter kueri tidak diberikan: {', '.join(missing)}")
    return {n: available[n] for n in names}


def run(
    con: duckdb.DuckDBPyConnection, name: str, filters: Filters | None = None, **extra: object
) -> pd.DataFrame:
    """Run ``queries/<name>.sql`` with the filters' parameters; returns a DataFrame."""
    sql = sql_text(name)
    params = bind(sql, filters, extra)
    try:
        return con.execute(sql, params).df()
    except duckdb.CatalogException as exc:
        if "stg_" not in str(exc):
            raise
        install_macros(con)
        return con.execute(sql, params).df()
