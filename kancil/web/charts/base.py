"""The chart kit's ground: one styling for every chart (readable on a laptop and a projector), figures built in
one go from plain layout dicts (Plotly's update_* and add_*line calls each re-validate the figure: slow), date
ticks in the reader's language, target lines, side-by-side panels, and ``show``: a chart, its caption, and its
numbers one click away as a table for people with a spreadsheet-safe CSV.
"""

from __future__ import annotations

import functools
import math
import numbers
from collections.abc import Callable, Iterable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from kancil.palette import LANE_COLORS
from kancil.web import cache_keys, data, tables
from kancil.web.text import day, lang, tr

FONT_SIZE = 15
CHART_HEIGHT = 380
SMALL_COLOR = "#c8c8c8"  # a figure resting on n < 30: grey (and hatched or hollow)
ALERT_COLOR = "#cc0000"
INK = "#333333"
GRID = "#eeeeee"
LAYOUT = {"font": {"size": FONT_SIZE}, "hoverlabel": {"font": {"size": FONT_SIZE}}, "plot_bgcolor": "white",
          "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "font": {"size": FONT_SIZE},
                     "title": {"text": ""}},
          "margin": {"l": 10, "r": 10, "t": 40, "b": 10}}
# Where a chart's margins start (figure() below): close to what its labels need, because Plotly's automargin grows a
# margin that is too small by drawing the whole chart again. Measured in Chromium (issue 14): one extra draw per
# chart, ~35 ms each, about 0.2 s of a warm Kepuasan page with six charts. Automargin stays on everywhere, so a
# start that is too small costs that draw again, never a cut label; one too large leaves some white space.
# The pixel figures are what the charts of the five analysis pages needed (gd._fullLayout._size, 2026-12-03).
# A few px of slack: Plotly draws again for a margin even 1 px short, and the labels' pushes move by a pixel or two
# as the plot's own size changes with the margins.
START_TOP, START_RIGHT, START_BOTTOM = 55, 25, 80  # a legend above needed 48-51 px; a bar's number written past
# the plot's edge 14-22 px; an x-axis title 62-79 px
NUMBER_PX, LABEL_PX = 9.0, 8.0  # one character of a tick label (14 px font): digits, letters (rounded up)
Y_TITLE_PX, TICK_PAD_PX = 52, 40  # a y-axis title and the tick labels' padding (67 px for two digits and a title)

__all__ = ["ALERT_COLOR", "CHART_HEIGHT", "FONT_SIZE", "INK", "LANE_COLORS", "SMALL_COLOR", "axis", "date_ticks",
           "figure", "panels", "rule", "rule_label", "show"]


@st.cache_resource(max_entries=256, show_spinner=False)
def _built(name: str, language: str, source: str, version: str, inputs: bytes, _build: Callable[..., go.Figure],
           _args: tuple, _kwargs: dict) -> go.Figure:
    return _build(*_args, **_kwargs)


def kept(build: Callable[..., go.Figure]) -> Callable[..., go.Figure]:
    """Keep a chart builder's figure per its inputs, the reader's language and the store version, shared by the
    sessions (issue 14: building Plotly figures was the largest part of a warm page run, ~40 % on Kuota).

    A builder sees only the rows it is given (already cut to what the role may see) and the language, so its
    inputs are its whole key: a digest of their pickle (``cache_keys.digest``: every value, whatever their layout
    in memory; Streamlit's own hashing of long lists cost as much as it saved). The figure is never changed after it is
    built (st.plotly_chart copies it) and not pickled (st.cache_data would rebuild and re-validate it per read).
    """
    @functools.wraps(build)
    def keep(*args: object, **kwargs: object) -> go.Figure:
        inputs = cache_keys.digest((args, kwargs), size=20)
        return _built(f"{build.__module__}.{build.__qualname__}", lang(), *data.data_source(), inputs, build,
                      args, kwargs)

    return keep


def axis(title: str = "", **extra: object) -> dict:
    return {"showgrid": True, "gridcolor": GRID, "zeroline": False, "automargin": True,
            "tickfont": {"size": FONT_SIZE - 1}, "title": {"text": title, "font": {"size": FONT_SIZE}}, **extra}


def figure(traces: list, x: dict | None = None, y: dict | None = None, height: int = CHART_HEIGHT,
           **layout: object) -> go.Figure:
    """A figure built in one go, in the kit's style; ``layout`` overrides or adds layout properties."""
    base = {**LAYOUT, "height": height, "separators": ",." if lang() == "id" else ".,"}
    if x is not None:
        base["xaxis"] = x
    if y is not None:
        base["yaxis"] = y
    merged = {**base, **layout}
    if "margin" not in layout:
        merged["margin"] = start_margin(merged.get("yaxis") or {}, traces)
    return go.Figure(data=traces, layout=merged)


def start_margin(y_axis: dict, traces: list, **sides: int) -> dict:
    """The margins a chart starts from, the left one estimated from the labels of its first (leftmost) y axis: its
    tick texts, the categories of its traces, or the width of its largest number; see START_TOP above for why.
    ``sides``: what a builder knows better (a colorbar's or a legend's room), e.g. ``r=130``."""
    labels = [str(t) for t in y_axis.get("ticktext") or ()]
    sizes: list[float] = []
    for trace in traces:
        if (trace.yaxis or "y") != "y" or trace.y is None:
            continue
        for value in trace.y:
            if isinstance(value, str):
                labels.append(value)
            elif isinstance(value, numbers.Real) and not math.isnan(value):  # not a date: automargin fits those
                sizes.append(abs(float(value)))
    if labels:
        widest = max(len(line) for label in labels for line in label.split("<br>")) * LABEL_PX
    elif str(y_axis.get("tickformat", "")).endswith("%"):
        widest = 4 * NUMBER_PX  # "100%"
    else:
        shown = [abs(float(v)) for v in y_axis.get("range") or () if isinstance(v, numbers.Real)]  # a set range:
        # what the ticks cover
        top = max(shown) if shown else max(sizes, default=0.0) * 1.25  # the top tick can lie above the largest value
        widest = (len(f"{top:,.0f}") + (2 if 0 < top < 10 else 0)) * NUMBER_PX  # small values get decimals
    title = y_axis.get("title")
    title = title.get("text") if isinstance(title, dict) else title
    left = widest + (Y_TITLE_PX if title else TICK_PAD_PX)
    if y_axis.get("showticklabels") is False:
        left = Y_TITLE_PX if title else LAYOUT["margin"]["l"]
    return {"l": int(math.ceil(left)), "r": START_RIGHT, "t": START_TOP, "b": START_BOTTOM, **sides}


def rule(value: float, color: str = INK, vertical: bool = True, axes: str = "", dash: str = "dot") -> dict:
    """A target line across the plot (``axes``: the subplot's axis number, "" for the first)."""
    line = {"color": color, "dash": dash, "width": 2}
    if vertical:
        return {"type": "line", "xref": f"x{axes}", "yref": f"y{axes} domain", "x0": value, "x1": value, "y0": 0,
                "y1": 1, "line": line}
    return {"type": "line", "xref": f"x{axes} domain", "yref": f"y{axes}", "x0": 0, "x1": 1, "y0": value,
            "y1": value, "line": line}


def rule_label(value: float, text: str, vertical: bool = True, top: bool = True) -> dict:
    if vertical:
        return {"x": value, "xref": "x", "y": 1 if top else 0, "yref": "y domain", "text": text, "showarrow": False,
                "xanchor": "left", "yanchor": "top" if top else "bottom", "font": {"size": FONT_SIZE - 1}}
    return {"x": 0, "xref": "x domain", "y": value, "yref": "y", "text": text, "showarrow": False,
            "xanchor": "left", "yanchor": "bottom", "font": {"size": FONT_SIZE - 2}}


def panels(titles: list[str], gap: float, shared_y: bool = False) -> dict:
    """Side-by-side panels as plain layout (make_subplots is slow): axes x, x2, ... on y, y2, ... with titles."""
    width = (1 - gap * (len(titles) - 1)) / max(len(titles), 1)
    layout: dict = {"annotations": []}
    for i, title in enumerate(titles):
        n_axis = "" if i == 0 else str(i + 1)
        start = i * (width + gap)
        layout[f"xaxis{n_axis}"] = {**axis(), "domain": [start, start + width], "anchor": f"y{n_axis}"}
        layout[f"yaxis{n_axis}"] = {**axis(), "anchor": f"x{n_axis}",
                                    **({"matches": "y", "showticklabels": False} if shared_y and i else {})}
        layout["annotations"].append({"text": title, "x": start + width / 2, "xref": "paper", "y": 1.0,
                                      "yref": "paper", "yanchor": "bottom", "showarrow": False,
                                      "font": {"size": FONT_SIZE}})
    return layout


def date_ticks(dates: Iterable[object], most: int = 8) -> dict:
    """Date ticks in the reader's language (Plotly would write English month names), at most ``most`` of them."""
    days = sorted(set(pd.to_datetime(pd.Series(list(dates))).dt.date))
    ticks = days[:: max(1, math.ceil(len(days) / most))] if days else []
    return {"tickvals": [pd.Timestamp(d) for d in ticks], "ticktext": [day(d) for d in ticks]}


def lane_color(lane: object, small: bool = False) -> str:
    return SMALL_COLOR if small else LANE_COLORS.get(str(lane), "#777777")


def show(fig: go.Figure, frame: pd.DataFrame, figure_name: str, caption: str, key: str,
         columns: list[str] | None = None, units: dict[str, str] | None = None,
         labels: dict[str, str] | None = None) -> None:
    """A chart, a caption that says what is counted, and its numbers one click away (table for people + CSV)."""
    st.plotly_chart(fig, width="stretch", key=f"chart_{key}", config={"displaylogo": False})
    st.caption(caption)
    with st.expander(tr("common.numbers")):
        table = tables.show(frame, figure_name, key, columns, units, labels)
        if "_hidden" in frame.columns and bool(frame["_hidden"].any()):
            st.caption(tr("common.hidden_note", n=data.privacy_rule().threshold))
        # the file is made when clicked: a page of six charts used to send six CSV files that its browser fetched
        # on every visit (issue 14)
        st.download_button(tr("common.download_csv"), lambda: tables.csv_bytes(table),
                           file_name=f"{key}.csv", mime="text/csv", key=f"csv_{key}", on_click="ignore")
