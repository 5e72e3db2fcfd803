"""The browser stage's floor (benchmarks/floor_app.py) draws what the page it stands for drew, counted the way
benchmarks/browser.py counts it in Chromium: a hand-made specification, and the count of every kind of element
drawn, the subplots of each chart and the cells of the static table. Nothing is timed."""

from __future__ import annotations

import base64
import json

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

SPEC = {"kuota": {
    "title": "Kuota", "charts": [[["bar", 30, None], ["scatter", 12, "lines"]], [["heatmap", 20, None]]], "tables": 3,
    "metrics": 4, "panels": [2, 1], "static_cells": [153],
    "shapes": [{"height": 660, "legend": False, "hidden_ticks": ["xaxis", "xaxis2"]}, {"height": 320, "legend": True,
                                                                                    "hidden_ticks": []}],
    "elements": {"stAlert": 2, "stPageLink": 1, "stDateInput": 1, "stSelectbox": 2, "stRadio": 1, "stButton": 1,
                 "stTextInput": 1, "stNumberInput": 1, "stHeading": 3, "stMarkdown": 5, "stDownloadButton": 3,
                 "stMetricDelta": 2, "stTooltipIcon": 1}}}


def _floor_page() -> None:
    """The floor's page "kuota" as the only page of a navigation (the floor's own main() adds its first page and
    the sidebar, which AppTest cannot leave by a click)."""
    import streamlit as st

    from benchmarks import floor_app

    page = st.Page(lambda: floor_app.draw("kuota"), title="Kuota", url_path="kuota", default=True)
    floor_app.PAGES[:] = [page]
    st.navigation([page], position="hidden").run()


def _points(values) -> int:
    """The number of values of a trace's array as Plotly sends it: a list, or a typed array (base64 bytes)."""
    if isinstance(values, dict):  # {"dtype": "f8", "bdata": ..., "shape": "4, 5"}
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).size
    return len(values)


@pytest.fixture()
def floor(tmp_path, monkeypatch) -> AppTest:
    spec = tmp_path / "floor.json"
    spec.write_text(json.dumps(SPEC))
    monkeypatch.setenv("KANCIL_FLOOR_SPEC", str(spec))
    at = AppTest.from_function(_floor_page, default_timeout=60).run()
    assert not at.exception
    return at


def test_the_floor_draws_as_many_of_each_element_as_the_page(floor):
    assert len(floor.warning) == 2
    assert len(floor.get("page_link")) == 1
    assert len(floor.date_input) == 1
    assert len(floor.selectbox) == 2
    assert len(floor.radio) == 1
    assert len(floor.button) == 1
    assert len(floor.text_input) == 1
    assert len(floor.number_input) == 1
    assert len(floor.title) + len(floor.subheader) == 3  # stHeading: the title and two more
    assert len(floor.caption) + len(floor.markdown) == 5  # stMarkdown: a caption per chart and three more
    assert len(floor.caption) == 2
    assert len(floor.get("download_button")) == 3  # a CSV button per chart's table, and one more


def test_the_floors_metrics_have_the_pages_deltas_and_help_icons(floor):
    assert len(floor.metric) == 4
    assert [m.delta for m in floor.metric] == ["+1", "+1", "", ""]
    assert [m.help for m in floor.metric] == ["bantuan", "", "", ""]


def test_the_floors_charts_have_the_pages_traces_and_subplots(floor):
    figures = [json.loads(chart.proto.spec) for chart in floor.get("plotly_chart")]
    assert len(figures) == 2
    first, second = figures
    assert first["layout"]["grid"] == {"rows": 1, "columns": 2, "pattern": "independent"}
    assert [(t["type"], _points(t["x"]), t.get("xaxis"), t.get("yaxis")) for t in first["data"]] == [
        ("bar", 30, None, None), ("scatter", 12, "x2", "y2")]
    assert "grid" not in second["layout"]
    assert [t["type"] for t in second["data"]] == ["heatmap"]


def test_the_floors_charts_have_the_pages_line_modes_heights_legends_and_hidden_labels(floor):
    first, second = (json.loads(chart.proto.spec) for chart in floor.get("plotly_chart"))
    assert first["data"][1]["mode"] == "lines"
    assert (first["layout"]["height"], first["layout"]["showlegend"]) == (660, False)
    assert first["layout"]["xaxis"]["showticklabels"] is False and first["layout"]["xaxis2"]["showticklabels"] is False
    assert "showticklabels" not in first["layout"].get("yaxis", {})
    assert (second["layout"]["height"], second["layout"]["showlegend"]) == (320, True)
    assert _points(second["data"][0]["z"]) == 20  # 4 × 5


def test_the_floors_tables_have_the_pages_rows_and_cells(floor):
    # one table behind each chart (rows = its longest trace, 6 columns) and one alone (30 × 6)
    assert [df.value.shape for df in floor.dataframe] == [(30, 6), (20, 6), (30, 6)]
    # the static table: 3 columns and a header row, 51 × 3 = 153 cells as the page had
    assert [table.value.shape for table in floor.table] == [(50, 3)]
