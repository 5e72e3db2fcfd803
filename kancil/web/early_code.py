"""The browser loads the code of the pages' elements while the user types the password, not after a click.

Streamlit's frontend fetches the code of most element kinds the first time one is drawn: Plotly (4.7 MB, ~1 s
of a fresh browser's main thread, measured with Chromium's profiler), the metric, the download button, the
static table. Drawn first on an analysis page, they sat on its critical path: DownloadButton.js was requested
only when React reached the first chart's CSV button, after Plotly's long tasks (400-750 ms after the click),
and its arrival drew the page once more (~110 ms) before it was done (Chromium timeline of a cold Fasilitas at
S, 2026-12-04, issue 14). So the sign-in screen draws one of each: an empty, transparent 10-px figure, and a
metric, a download button and a table in a container that a style sheet hides (``display: none`` hides what
React still mounts, and so still loads). Measured in Chromium, five cold clicks each at S (medians): Fasilitas
878 -> 770 ms, Kuota 841 -> 748, Ringkasan 526 -> 421. None of them holds anything of the store: the screen is
drawn before anyone is signed in.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

HIDDEN_KEY = "early_code"
# Our own style sheet, no data: Streamlit gives a keyed container the class st-key-<key>.
_HIDE = f"<style>.st-key-{HIDDEN_KEY} {{ display: none; }}</style>"
_BLANK = go.Figure(layout={"height": 10, "margin": {"l": 0, "r": 0, "t": 0, "b": 0}, "showlegend": False,
                           "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "rgba(0,0,0,0)",
                           "xaxis": {"visible": False}, "yaxis": {"visible": False}})


def under_sign_in() -> None:
    """Draw the elements whose code the pages need, with nothing of the store, under the sign-in form.

    Plotly's figure stays visible: a chart that is not displayed has no size, and Plotly draws it only when it
    has one (the code would load, but not start). The others are mounted hidden."""
    st.plotly_chart(_BLANK, config={"staticPlot": True, "displayModeBar": False}, key="plotly_early")
    st.html(_HIDE)
    with st.container(key=HIDDEN_KEY):
        st.metric("·", "0", label_visibility="collapsed")
        st.download_button("·", lambda: b"", file_name="kosong.txt", on_click="ignore", key="download_early")
        st.table({"·": ["·"]})  # kancil/web/tables.py static_table
