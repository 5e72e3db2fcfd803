"""Line charts of the kit: one line per lane over hours or weeks (hollow markers where a point rests on n < 30,
dotted target lines in the lane's colour), distribution curves (ECDF), and a trend with its 95 % intervals."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from kancil.contract import LANES
from kancil.metrics import stats
from kancil.web.charts.base import (
    FONT_SIZE,
    INK,
    LAYOUT,
    axis,
    date_ticks,
    figure,
    kept,
    lane_color,
    rule,
    rule_label,
    start_margin,
)
from kancil.web.text import code, count, day, hour, tr


def _lane_name(lane: str, n: object = None, small_suffix: str = "") -> str:
    if n is None:
        return code(lane)
    return tr("chart.lane_n", lane=code(lane), n=count(n), note=small_suffix)


@kept
def lane_lines(frame: pd.DataFrame, x: str, y: str, targets: dict[str, float], x_title: str, y_title: str,
               lanes: Sequence[str] = LANES) -> go.Figure:
    """One line per lane of ``y`` over ``x`` (an hour or a week); hollow markers where n < 30."""
    traces, rules = [], []
    for lane in reversed(list(lanes)):  # prioritas drawn last, on top where lines coincide
        rows = frame[frame["lane"] == lane]
        if rows.empty:
            continue
        small = [stats.is_small(None if pd.isna(n) else int(n)) for n in rows["n"]]
        labels = [day(v) if x == "week" else hour(v) for v in rows[x]]
        traces.append(go.Scatter(
            x=rows[x], y=rows[y], name=code(lane), mode="lines+markers",
            customdata=list(zip([count(n) for n in rows["n"]], labels, strict=True)),
            line={"color": lane_color(lane), "width": 3},
            marker={"size": 9, "symbol": ["circle-open" if s else "circle" for s in small],
                    "line": {"width": 2, "color": lane_color(lane)}},
            hovertemplate="%{customdata[1]}: %{y:.1f} (n = %{customdata[0]})<extra>" + code(lane) + "</extra>"))
        if lane in targets:
            rules.append(rule(targets[lane], lane_color(lane), vertical=False))
    ticks = date_ticks(frame[x]) if x == "week" else {"dtick": 1}
    y_axis = axis(y_title)
    # dates of weeks lie on their side under a half-width chart (118 px below); base.start_margin says why it is set
    margin = start_margin(y_axis, traces, **({"b": 120} if x == "week" else {}))
    return figure(traces, axis(x_title, **ticks), y_axis, shapes=rules, margin=margin,
                  legend={**LAYOUT["legend"], "traceorder": "reversed"})


@kept
def ecdf(curves: pd.DataFrame, targets: dict[str, float], x_title: str, y_title: str, title: str,
         lanes: Sequence[str] = LANES) -> go.Figure:
    """The share of tickets with at most x minutes, one curve per lane (dotted where n < 30), targets as lines."""
    traces, rules, tail = [], [], 0.0
    for lane in lanes:
        rows = curves[curves["lane"] == lane]
        if rows.empty:
            continue
        n = int(rows["n"].iloc[0])
        small = stats.is_small(n)
        traces.append(go.Scatter(
            x=rows["minutes"], y=rows["share"], mode="lines",
            name=_lane_name(lane, n, tr("chart.small_suffix") if small else ""),
            line={"color": lane_color(lane), "width": 3, "dash": "dot" if small else "solid"},
            hovertemplate="%{x:.1f} → %{y:.0%}<extra>" + code(lane) + "</extra>"))
        tail = max(tail, float(rows.loc[rows["share"] <= 0.99, "minutes"].max()))
        if lane in targets:
            rules.append(rule(targets[lane], lane_color(lane)))
    y_axis = axis(y_title, tickformat=".0%", range=[0, 1.02])
    margin = start_margin(y_axis, traces, b=140)  # the legend under the plot needed 118-137 px
    return figure(traces, axis(x_title, range=[0, tail * 1.05 if tail > 0 else 1]), y_axis, shapes=rules,
                  margin=margin, title={"text": title, "font": {"size": FONT_SIZE + 1}},
                  legend={**LAYOUT["legend"], "y": -0.25, "yanchor": "top"})


@kept
def trend(labels: Sequence[str], values: Sequence[object], lows: Sequence[object], highs: Sequence[object],
          small: Sequence[bool], x_title: str, y_title: str, y_range: list[float],
          references: Sequence[tuple[float, str]] = (), color: str = "#0b5394") -> go.Figure:
    """A value per period with its 95 % interval as error bars; hollow markers where n < 30; reference lines."""
    points = go.Scatter(
        x=list(labels), y=[None if v is None or pd.isna(v) else float(v) for v in values], mode="lines+markers",
        line={"color": "#999999", "width": 1}, hovertemplate="%{x}: %{y:.2f}<extra></extra>",
        marker={"size": 14, "color": color, "symbol": ["circle-open" if s else "circle" for s in small],
                "line": {"color": color, "width": 2.5}},
        error_y={"type": "data", "symmetric": False, "thickness": 2, "width": 6, "color": INK,
                 "array": [0 if h is None or pd.isna(h) or v is None or pd.isna(v) else h - v
                           for h, v in zip(highs, values, strict=True)],
                 "arrayminus": [0 if lo is None or pd.isna(lo) or v is None or pd.isna(v) else v - lo
                                for lo, v in zip(lows, values, strict=True)]})
    y_axis = axis(y_title, range=y_range)
    two_lines = any("<br>" in str(label) for label in labels)  # "Okt 2026<br>n = 120": 89 px below
    margin = start_margin(y_axis, [points], **({"b": 95} if two_lines else {}))
    return figure([points], axis(x_title), y_axis, margin=margin,
                  shapes=[rule(v, "#888888", vertical=False, dash="dash") for v, _t in references],
                  annotations=[rule_label(v, text, vertical=False) for v, text in references])
