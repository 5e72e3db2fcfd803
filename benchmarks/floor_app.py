"""The framework's own cost: a bare Streamlit app that draws, per page, what the dashboard's page drew in the same
run — as many Plotly charts (same trace types, number of points and subplots), tables (same rows and columns),
metrics, widgets, alerts, page links, headings and text blocks — with no data work at all (no store, no queries,
no caching). benchmarks/browser.py measures it exactly like the real app, so every browser figure of the dashboard
is a ratio to this floor.

The page specification comes from the JSON file in ``KANCIL_FLOOR_SPEC``:
``{"<page key>": {"title": str, "charts": [[[trace type, points, line mode], ...] per chart], "tables": int,
"metrics": int, "panels": [subplots per chart], "shapes": [{"height": px, "legend": bool, "hidden_ticks": [axis
names]} per chart], "elements": {data-testid: count}, "static_cells": [cells per static table]}}`` (the line mode
and the last four optional: specs of runs before 2026-12-05 have none, before 2026-12-07 no mode or shapes). As
on the dashboard (kancil/web/charts/base.py ``show``), each chart has a caption and, in a closed expander, its
numbers as a table (rows = the chart's longest trace, 6 columns) with a CSV button; tables beyond the charts stand
alone. The other elements are drawn as many as the page had, less those this layout draws itself (the title, the
captions, the CSV buttons). A sidebar selectbox ("Variasi") stands in for a filter: changing it redraws every chart
with other numbers.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

PAGES: list = []  # the navigation's pages (main); the page-link stand-in links to the first
# one stand-in per element kind the bench counts (benchmarks/browser.py ELEMENT_KINDS); stMetricDelta and
# stTooltipIcon are drawn as the deltas and help icons of the metrics
STAND_INS = {
    "stHeading": lambda i: st.subheader("judul"),
    "stMarkdown": lambda i: st.markdown("teks dengan **angka** 1.234"),
    "stAlert": lambda i: st.warning("catatan", icon=":material/priority_high:"),
    "stPageLink": lambda i: st.page_link(PAGES[0], label="Lihat", icon=":material/arrow_forward:"),
    "stDateInput": lambda i: st.date_input("tanggal", dt.date(2026, 6, 30), key=f"date{i}", format="DD/MM/YYYY"),
    "stSelectbox": lambda i: st.selectbox("pilih", ["a", "b", "c"], key=f"select{i}"),
    "stRadio": lambda i: st.radio("pilih", ["a", "b", "c"], key=f"radio{i}", horizontal=True),
    "stButton": lambda i: st.button("tombol", key=f"button{i}"),
    "stTextInput": lambda i: st.text_input("cari", key=f"text{i}"),
    "stNumberInput": lambda i: st.number_input("halaman", 1, 10, key=f"number{i}"),
    "stDownloadButton": lambda i: st.download_button("unduh", b"x", file_name="x.txt", key=f"down{i}",
                                                     on_click="ignore"),
}


def _trace(kind: str, n: int, rng: np.random.Generator, panel: int, mode: str | None = None):
    x, y = np.arange(n), rng.random(n)
    axes = {} if panel == 1 else {"xaxis": f"x{panel}", "yaxis": f"y{panel}"}
    if kind == "bar":
        return go.Bar(x=x, y=y, **axes)
    if kind == "heatmap":
        side = max(1, int(np.sqrt(n)))
        return go.Heatmap(z=rng.random((side, max(1, n // side))), **axes)
    return go.Scatter(x=x, y=y, mode=mode or "lines+markers", **axes)


def _chart(traces: list, panels: int, rng: np.random.Generator, shape: dict | None = None) -> go.Figure:
    """The traces spread over ``panels`` subplots (a grid of up to four columns), as the page's chart had them,
    with its line modes, height, legend and hidden axis labels (``shape``; a spec of runs before 2026-12-07 has
    none: 400 px, a legend as Plotly decides, every axis labelled, lines with markers)."""
    shape = shape or {}
    layout: dict = {"height": shape.get("height") or 400, "margin": {"t": 30, "b": 30}}
    if "legend" in shape:
        layout["showlegend"] = bool(shape["legend"])
    if panels > 1:
        layout["grid"] = {"rows": math.ceil(panels / 4), "columns": min(panels, 4), "pattern": "independent"}
    for axis in shape.get("hidden_ticks", []):
        layout[axis] = {"showticklabels": False}
    return go.Figure([_trace(kind, int(n), rng, i % panels + 1, *mode[:1])
                      for i, (kind, n, *mode) in enumerate(traces)], layout)


def static_table(cells: int, rng: np.random.Generator) -> pd.DataFrame:
    """A table that ``st.table`` draws in ``cells`` td/th cells (rounded up to a whole row): 3 columns and a header
    row (its range index is not drawn; measured in Chromium, Streamlit 1.67)."""
    return pd.DataFrame(rng.integers(1000, size=(max(1, math.ceil(cells / 3) - 1), 3)))


def _others(elements: dict, drawn_here: dict) -> None:
    for kind, draw_one in STAND_INS.items():
        for i in range(max(0, int(elements.get(kind, 0)) - drawn_here.get(kind, 0))):
            draw_one(i)


def spec_of(key: str) -> dict:
    """The page ``key`` of the specification file in ``KANCIL_FLOOR_SPEC``."""
    return json.loads(Path(os.environ["KANCIL_FLOOR_SPEC"]).read_text())[key]


def draw(key: str) -> None:
    spec = spec_of(key)
    rng = np.random.default_rng(int(st.session_state.get("variasi", 0)))
    charts, tables, elements = spec["charts"], int(spec["tables"]), spec.get("elements", {})
    st.title(spec["title"])
    _others(elements, {"stHeading": 1, "stMarkdown": len(charts), "stDownloadButton": min(tables, len(charts))})
    metrics, deltas, helps = (int(spec.get("metrics") or 0), int(elements.get("stMetricDelta", 0)),
                              int(elements.get("stTooltipIcon", 0)))
    for start in range(0, metrics, 6):  # every metric the page drew, six to a row
        for i, column in enumerate(st.columns(min(6, metrics - start)), start=start):
            column.metric("angka", f"{rng.integers(1000):,}", "+1" if i < deltas else None,
                          help="bantuan" if i < helps else None)
    panels, shapes = spec.get("panels") or [1] * len(charts), spec.get("shapes") or [{}] * len(charts)
    for i, traces in enumerate(charts):
        fig = _chart(traces, int(panels[i]), rng, shapes[i])
        st.plotly_chart(fig, width="stretch", key=f"c{i}", config={"displaylogo": False})
        st.caption("keterangan grafik")
        if i < tables:
            rows = max([int(trace[1]) for trace in traces] + [1])
            table = pd.DataFrame(rng.random((rows, 6)))
            with st.expander("Angka"):
                st.dataframe(table, key=f"t{i}")
                st.download_button("CSV", table.to_csv().encode(), file_name="t.csv", key=f"d{i}", on_click="ignore")
    for i in range(len(charts), tables):
        st.dataframe(pd.DataFrame(rng.random((30, 6))), key=f"t{i}")
    for cells in spec.get("static_cells", []):  # a static table of as many cells: 3 columns, a header row
        st.table(static_table(int(cells), rng))


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


def main() -> None:
    """The floor app: its first page, one page per page of the specification, and the sidebar "Variasi"."""
    st.set_page_config(page_title="floor", layout="wide")
    spec = json.loads(Path(os.environ["KANCIL_FLOOR_SPEC"]).read_text())
    PAGES[:] = [st.Page(home, title="Awal", default=True)]
    PAGES.extend(st.Page(lambda key=key: draw(key), title=page["title"], url_path=key) for key, page in spec.items())
    current = st.navigation(PAGES, position="hidden")
    for page in PAGES:
        st.sidebar.page_link(page)
    st.sidebar.selectbox("Variasi", [0, 1, 2, 3], key="variasi")
    current.run()


if __name__ == "__main__":  # streamlit run benchmarks/floor_app.py; the tests import draw (tests/test_bench_floor.py)
    main()
