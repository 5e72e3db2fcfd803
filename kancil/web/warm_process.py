"""A fresh server process's one-time costs, paid in the background while the first user signs in (issue 14).

A page's first run in a new server process paid ~0.1–0.25 s that later runs do not (py-spy on a cold Kepuasan and
Fasilitas at S, 2026-12-04): importing pandas' and pyarrow's Parquet reader for the kept first views (about a
third of the run), Plotly's trace classes and validators on the first figure of each kind, and babel's locale data
on the first number and date formatted; and (py-spy on the real server, a cold Ringkasan at S: a third of its
139 ms) importing the modules of the page itself and narwhals' pandas layer, through which Plotly reads a frame's
columns. None of it depends on the data, so a daemon thread started with the first script run of the process
(``start``, kept by ``st.cache_resource``) does it once, during the seconds of the sign-in form (~0.6 s of one
core); a page that needs a module first simply waits for the import in progress (Python's import lock).
"""

from __future__ import annotations

import datetime as dt
import importlib
import io
import logging
import pkgutil
import threading
from pathlib import Path

import streamlit as st

_log = logging.getLogger("kancil.web")


# Not imported: what no page runs (the command line, the demo builder) and the page warmer (Streamlit's AppTest).
_NOT_FOR_PAGES = ("kancil.cli", "kancil.demo", "kancil.web.warm_pages")
_TRACE_KINDS = ("bar", "scatter", "heatmap", "layout")  # the kinds of trace our charts draw, and the layout


def _page_modules() -> list[str]:
    """Our modules that pages import (~190 ms to import), and Plotly's property classes of the traces they draw,
    which Plotly imports one by one the first time a figure sets that property (349 modules, ~160 ms)."""
    import plotly.graph_objs

    root = Path(__file__).resolve().parents[2]  # the app's folder: kancil/ and views/ (folders without __init__)
    files = [*(root / "kancil").rglob("*.py"), *(root / "views" / "parts").glob("*.py")]
    names = [".".join(path.relative_to(root).with_suffix("").parts) for path in sorted(files)]
    names = [name.removesuffix(".__init__") for name in names
             if not name.startswith(_NOT_FOR_PAGES) and not name.endswith("__main__")]
    for kind in _TRACE_KINDS:
        package = importlib.import_module(f"{plotly.graph_objs.__name__}.{kind}")
        names += [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
    return names


def _warm() -> None:
    try:
        import pandas as pd
        import plotly.graph_objects as go

        from kancil import i18n

        for name in _page_modules():
            importlib.import_module(name)

        buffer = io.BytesIO()
        pd.DataFrame({"a": [1]}).to_parquet(buffer)
        pd.read_parquet(io.BytesIO(buffer.getvalue()))
        days = pd.Series(pd.to_datetime(["2026-01-01"]))  # a frame's columns go through narwhals
        go.Figure([go.Bar(x=days, y=pd.Series([1.0]), marker={"color": "#000"}, text=["1"], hovertemplate="%{x}"),
                   go.Bar(x=pd.Series(["a"]), y=pd.Series([1], dtype="int64")),
                   go.Scatter(x=[1], y=[1], mode="lines+markers", line={"dash": "dot"}),
                   go.Heatmap(z=[[1]], colorbar={"title": {"text": "-"}})],
                  layout={"xaxis": {"title": {"text": "-"}}, "legend": {"orientation": "h"}}).to_dict()
        for lang in ("id", "en"):
            i18n.fmt_num(1234.5, lang, 1)
            i18n.fmt_pct(0.5, lang)
            i18n.fmt_date(dt.date(2026, 1, 1), lang)
    except Exception:  # a warm-up only: the page does the same work itself if this fails
        _log.exception("warm-up of the server process failed")


@st.cache_resource(show_spinner=False)
def start() -> threading.Thread:
    """Start the warm-up once per server process (later calls return the same thread)."""
    thread = threading.Thread(target=_warm, name="kancil-warm-up", daemon=True)
    thread.start()
    return thread
