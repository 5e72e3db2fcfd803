"""A fresh server process's one-time costs, paid in the background while the first user signs in (issue 14).

A page's first run in a new server process paid ~0.1–0.25 s that later runs do not (py-spy on a cold Kepuasan and
Fasilitas at S, 2026-12-04): importing pandas' and pyarrow's Parquet reader for the kept first views (about a
third of the run), Plotly's trace classes and validators on the first figure of each kind, and babel's locale data
on the first number and date formatted. None of it depends on the data, so a daemon thread started with the first
script run of the process (``start``, kept by ``st.cache_resource``) does it once, during the seconds of the
sign-in form; a page that needs a module first simply waits for the import in progress (Python's import lock).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import threading

import streamlit as st

_log = logging.getLogger("kancil.web")


def _warm() -> None:
    try:
        import pandas as pd
        import plotly.graph_objects as go

        from kancil import i18n

        buffer = io.BytesIO()
        pd.DataFrame({"a": [1]}).to_parquet(buffer)
        pd.read_parquet(io.BytesIO(buffer.getvalue()))
        go.Figure([go.Bar(x=[1], y=[1], marker={"color": "#000"}, text=["1"], hovertemplate="%{x}"),
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
