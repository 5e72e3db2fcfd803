"""The framework's own cost: a bare Streamlit app that draws, per page, as many Plotly charts (same trace types and
number of points), tables (same rows and columns) and metrics as the dashboard's page drew in the same run, with
no data work at all (no store, no queries, no caching). benchmarks/browser.py measures it exactly like the real
app, so every browser figure of the dashboard is a ratio to this floor.

The page specification comes from the JSON file in ``KANCIL_FLOOR_SPEC``:
``{"<page key>": {"title": str, "charts": [[[trace type, points], ...] per chart], "tables": int, "metrics": int}}``.
As on the dashboard (kancil/web/charts/base.py ``show``), each chart has a caption and, in a closed expander, its
numbers as a table (rows = the chart's longest trace, 6 columns) with a CSV button; tables beyond the charts stand
alone. A sidebar selectbox ("Variasi") stands in for a filter: changing it redraws every chart with
other numbers.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

st.set_page_config(page_title="floor", layout="wide")
SPEC: dict = json.loads(Path(os.environ["KANCIL_FLOOR_SPEC"]).read_text())


def _trace(kind: str, n: int, rng: np.random.Generator):
    x, y = np.arange(n), rng.random(n)
    if kind == "bar":
        return go.Bar(x=x, y=y)
    if kind == "heatmap":
        side = max(1, int(np.sqrt(n)))
        return go.Heatmap(z=rng.random((side, max(1, n // side))))
    return go.Scatter(x=x, y=y, mode="lines+markers")


def draw(key: str) -> None:
    spec = SPEC[key]
    rng = np.random.default_rng(int(st.session_state.get("variasi", 0)))
    st.title(spec["title"])
    metrics = int(spec.get("metrics") or 0)
    for start in range(0, metrics, 6):  # every metric the page drew, six to a row (it drew only six before)
        for column in st.columns(min(6, metrics - start)):
            column.metric("angka", f"{rng.integers(1000):,}")
    tables = int(spec["tables"])
    for i, traces in enumerate(spec["charts"]):
        fig = go.Figure([_trace(kind, int(n), rng) for kind, n in traces])
        fig.update_layout(height=400, margin={"t": 30, "b": 30})
        st.plotly_chart(fig, width="stretch", key=f"c{i}", config={"displaylogo": False})
        st.caption("keterangan grafik")
        if i < tables:
            rows = max([int(n) for _kind, n in traces] + [1])
            table = pd.DataFrame(rng.random((rows, 6)))
            with st.expander("Angka"):
                st.dataframe(table, key=f"t{i}")
                st.download_button("CSV", table.to_csv().encode(), file_name="t.csv", key=f"d{i}", on_click="ignore")
    for i in range(len(spec["charts"]), tables):
        st.dataframe(pd.DataFrame(rng.random((30, 6))), key=f"t{i}")


def home() -> None:
    """The floor's first page. The dashboard's cold click starts from its settings page after the sign-in form,
    which have loaded the code of Plotly, the metric, the download button and the static table
    (kancil/web/early_code.py) and of the data grid (the settings' tables); this page loads them too, so that a
    cold click compares like with like."""
    st.title("Awal")
    st.plotly_chart(go.Figure(layout={"height": 10}), config={"staticPlot": True, "displayModeBar": False})
    st.dataframe(pd.DataFrame({"a": [1]}))
    st.metric("angka", "0")
    st.download_button("CSV", b"a", file_name="a.csv", on_click="ignore")
    st.table({"a": [1]})


pages = [st.Page(home, title="Awal", default=True)]
pages += [st.Page(lambda key=key: draw(key), title=spec["title"], url_path=key) for key, spec in SPEC.items()]
current = st.navigation(pages, position="hidden")
for p in pages:
    st.sidebar.page_link(p)
st.sidebar.selectbox("Variasi", [0, 1, 2, 3], key="variasi")
current.run()
