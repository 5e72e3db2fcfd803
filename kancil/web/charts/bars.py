"""Bar charts of the kit: horizontal bars with their numbers written beside, daily tickets against a stepped quota
line, shares stacked to 100 %, side-by-side panels of bars, and bars rising from a floor (a 1-4 answer scale)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from kancil.metrics import stats
from kancil.web.charts.base import (
    ALERT_COLOR,
    CHART_HEIGHT,
    FONT_SIZE,
    INK,
    LAYOUT,
    SMALL_COLOR,
    axis,
    date_ticks,
    figure,
    kept,
    lane_color,
    panels,
    rule,
    rule_label,
    start_margin,
)
from kancil.web.text import code, count, day, num, tr

DAY_WIDTH = 0.8 * 86_400_000  # a day's bar is 80 % of a day wide (date axes are in milliseconds)
NO_QUOTA_COLOR = "#c8c8c8"
QUOTA_LINE_COLOR = "#222222"


@kept
def hbars(labels: Sequence[str], values: Sequence[object], texts: Sequence[str], colors: Sequence[str] | str,
          x_title: str = "", small: Sequence[bool] | None = None, x_range: list[float] | None = None,
          tickformat: str | None = None, rules: Sequence[dict] = (), row_height: int = 42,
          tickvals: list[float] | None = None) -> go.Figure:
    """One horizontal bar per label, top to bottom in the given order, its number written outside the bar;
    grey and hatched where the figure rests on n < 30 (``small``)."""
    small = list(small or [False] * len(labels))
    colors = [colors] * len(labels) if isinstance(colors, str) else list(colors)
    bar = go.Bar(x=list(values), y=list(labels), orientation="h", cliponaxis=False, hoverinfo="skip",
                 marker={"color": [SMALL_COLOR if s else c for s, c in zip(small, colors, strict=True)],
                         "pattern": {"shape": ["/" if s else "" for s in small]}},
                 text=list(texts), textposition="outside")
    x = axis(x_title, **({"range": x_range} if x_range else {}), **({"tickformat": tickformat} if tickformat else {}),
             **({"tickvals": tickvals} if tickvals else {}))
    return figure([bar], x, axis("", autorange="reversed", showgrid=False, categoryorder="array",
                                 categoryarray=list(labels)),
                  height=max(220, 110 + row_height * len(labels)), shapes=list(rules))


@kept
def daily_quota(rows: pd.DataFrame, lane_color: str, names: dict[str, str], hovers: Sequence[str],
                x_title: str, y_title: str, period: tuple[object, object]) -> go.Figure:
    """Tickets per day as bars (red over quota, hatched grey on a day without quota) under the quota's step line.

    ``rows``: quota_daily rows of one lane; ``names``: trace names for tickets, over, no_quota, quota.
    """
    quota_day = rows["quota_days"] > 0
    over = rows["over_quota_days"] > 0
    hovers = pd.Series(list(hovers), index=rows.index)
    traces = []
    for name, mask, color, pattern in (("tickets", quota_day & ~over, lane_color, ""), ("over", over, ALERT_COLOR, ""),
                                       ("no_quota", ~quota_day, NO_QUOTA_COLOR, "/")):
        part = rows[mask]
        if part.empty:
            continue
        traces.append(go.Bar(x=part["tanggal"], y=part["tickets"], name=names[name], marker_color=color,
                             width=DAY_WIDTH, marker_pattern_shape=pattern, customdata=hovers[mask],
                             hovertemplate="%{customdata}<extra></extra>"))
    quota = rows[quota_day]
    if not quota.empty:
        traces.append(go.Scatter(x=quota["tanggal"], y=quota["quota"], name=names["quota"], mode="lines",
                                 line={"shape": "hv", "color": QUOTA_LINE_COLOR, "width": 3}, hoverinfo="skip"))
    half = pd.Timedelta(hours=12)
    x = axis(x_title, range=[pd.Timestamp(period[0]) - half, pd.Timestamp(period[1]) + half],
             **date_ticks(pd.date_range(period[0], period[1])))
    return figure(traces, x, axis(y_title), barmode="overlay", bargap=0.15)


@kept
def stacked_shares(parts: list[dict], names: Sequence[str], titles: Sequence[str], height: int) -> go.Figure:
    """Shares stacked to 100 % per row (``names``), one panel per entry of ``titles``.

    ``parts``: one dict per stacked segment: panel (0-based), name, color, shares, counts (for the hover), legend
    group title.
    """
    layout = panels(list(titles), gap=0.07, shared_y=True)
    traces = []
    for part in parts:
        n_axis = "" if part["panel"] == 0 else str(part["panel"] + 1)
        traces.append(go.Bar(
            x=part["shares"], y=list(names), orientation="h", name=part["name"], marker_color=part["color"],
            customdata=part["counts"], legendgroup=part["group"], legendgrouptitle_text=part["group"],
            xaxis=f"x{n_axis}", yaxis=f"y{n_axis}", text=[f"{s:.0%}" if s >= 0.08 else "" for s in part["shares"]],
            textposition="inside", insidetextanchor="middle", textangle=0,
            hovertemplate=part["name"] + ": %{x:.1%} (%{customdata:,})<extra>%{y}</extra>"))
    for name in list(layout):
        if name.startswith("xaxis"):
            layout[name].update(tickformat=".0%", range=[0, 1])
        elif name.startswith("yaxis"):
            layout[name].update(autorange="reversed", showgrid=False)
    legend = {**LAYOUT["legend"], "orientation": "v", "x": 1.02, "y": 1, "yanchor": "top", "traceorder": "grouped",
              "font": {"size": FONT_SIZE - 2}, "tracegroupgap": 12}
    # the legend beside the panels (13-px text): its longest entry sets the right margin (192 px for 22 characters);
    # the share ticks below needed 71 px (base.start_margin says why these are set)
    longest = max((len(str(text)) for part in parts for text in (part["name"], part["group"])), default=0)
    margin = start_margin(layout.get("yaxis", {}), traces, r=7 * longest + 45, b=75)
    return figure(traces, height=height, barmode="stack", uniformtext={"minsize": FONT_SIZE - 4, "mode": "hide"},
                  legend=legend, margin=margin, **layout)


@kept
def split(labels: Sequence[str], panels_spec: list[dict], row_height: int = 70) -> go.Figure:
    """Horizontal bars in side-by-side panels sharing the rows (a share beside a duration, a rate beside a length).

    ``panels_spec``: per panel: title, values, texts, colors, x_title, and optionally tickformat, x_range, lows and
    highs (a 95 % interval drawn as error bars).
    """
    layout = panels([p["title"] for p in panels_spec], gap=0.22)
    traces = []
    for i, spec in enumerate(panels_spec):
        n_axis = "" if i == 0 else str(i + 1)
        values = list(spec["values"])
        error = None
        if spec.get("lows") is not None:
            error = {"type": "data", "symmetric": False, "color": INK, "thickness": 2,
                     "array": [None if h is None or pd.isna(v) else h - v for h, v in zip(spec["highs"], values,
                                                                                          strict=True)],
                     "arrayminus": [None if lo is None or pd.isna(v) else v - lo for lo, v in zip(spec["lows"], values,
                                                                                                 strict=True)]}
        traces.append(go.Bar(x=values, y=list(labels), orientation="h", showlegend=False, cliponaxis=False,
                             xaxis=f"x{n_axis}", yaxis=f"y{n_axis}", marker_color=list(spec["colors"]),
                             text=list(spec["texts"]), textposition="outside", hoverinfo="skip", error_x=error))
        layout[f"xaxis{n_axis}"].update(axis(spec["x_title"], **({"tickformat": spec["tickformat"]}
                                                                 if spec.get("tickformat") else {}),
                                             **({"range": spec["x_range"]} if spec.get("x_range") else {})))
        layout[f"yaxis{n_axis}"].update(autorange="reversed", showgrid=False,
                                        **({"showticklabels": False} if i else {}))
    return figure(traces, height=140 + row_height * len(labels), **layout)


@kept
def from_floor(groups: list[dict], categories: Sequence[str], floor: float, ceiling: float, x_title: str,
               y_title: str, reference: float | None = None, height: int = 420) -> go.Figure:
    """Grouped bars rising from ``floor`` (the bottom of an answer scale), with 95 % intervals and n at their foot.

    ``groups``: per group: name, color, x (categories), values, lows, highs, ns (texts), small (flags).
    """
    traces = []
    for g in groups:
        values = [None if v is None or pd.isna(v) else float(v) for v in g["values"]]
        traces.append(go.Bar(
            x=list(g["x"]), y=[None if v is None else v - floor for v in values], base=floor, customdata=values,
            name=g["name"], marker={"color": g["color"], "pattern": {"shape": ["/" if s else "" for s in g["small"]],
                                                                      "fillmode": "overlay", "fgcolor": "#ffffff",
                                                                      "solidity": 0.3}},
            error_y={"type": "data", "symmetric": False, "thickness": 2, "width": 6, "color": INK,
                     "array": [0 if h is None or pd.isna(h) or v is None else h - v
                               for h, v in zip(g["highs"], values, strict=True)],
                     "arrayminus": [0 if lo is None or pd.isna(lo) or v is None else v - lo
                                    for lo, v in zip(g["lows"], values, strict=True)]},
            text=list(g["ns"]), textposition="inside", insidetextanchor="start", textangle=-90,
            textfont={"size": FONT_SIZE - 2},
            hovertemplate="%{x}: %{customdata:.2f} (%{text})<extra>" + g["name"] + "</extra>"))
    shapes = [rule(reference, INK, vertical=False, dash="dash")] if reference is not None else []
    return figure(traces, axis(x_title, categoryorder="array", categoryarray=list(categories)),
                  axis(y_title, range=[floor, ceiling], dtick=0.5), height=height, barmode="group", bargap=0.25,
                  shapes=shapes)


@kept
def small_multiples(panels_data: list[dict], y_title: str, legend: dict[str, str],
                    height: int = CHART_HEIGHT + 40) -> go.Figure:
    """One small panel per item (a facility, an office), each with a bar per side (before / after).

    ``panels_data``: per panel: title, bars = [{side, value, text, color, small}], top (the y range's end).
    """
    layout = panels([p["title"] for p in panels_data], gap=0.05)
    traces = []
    for i, panel in enumerate(panels_data):
        n_axis = "" if i == 0 else str(i + 1)
        for bar in panel["bars"]:
            traces.append(go.Bar(
                x=[legend[bar["side"]]], y=[bar["value"]], name=legend[bar["side"]], legendgroup=bar["side"],
                showlegend=i == 0, marker_color=SMALL_COLOR if bar["small"] else bar["color"],
                marker_pattern_shape="/" if bar["small"] else "", cliponaxis=False, textposition="outside",
                text=[bar["text"]], textfont={"size": FONT_SIZE - 3}, hoverinfo="skip",
                xaxis=f"x{n_axis}", yaxis=f"y{n_axis}"))
        layout[f"xaxis{n_axis}"].update(showticklabels=False)
        layout[f"yaxis{n_axis}"].update(range=[0, panel["top"]], **({"title": {"text": y_title}} if i == 0 else {}))
    return figure(traces, height=height, bargap=0.15, legend={**LAYOUT["legend"], "y": -0.06, "yanchor": "top"},
                  **layout)


def tr_names(prefix: str, *keys: str) -> dict[str, str]:
    """Trace names from messages ``<prefix>.<key>``."""
    return {key: tr(f"{prefix}.{key}") for key in keys}


@kept
def lane_histograms(buckets: pd.DataFrame, lanes: Sequence[str], targets: dict[str, float], cap: int,
                    x_title: str, y_title: str) -> go.Figure:
    """Per lane a panel of its tickets' shares by 5-minute bucket (the last bucket holds ``cap`` and more)."""
    shown = [lane for lane in lanes if lane in set(buckets["lane"])]
    totals = buckets.groupby("lane")["lane_tickets"].first()
    layout = panels([tr("chart.lane_n", lane=code(lane), n=count(totals[lane]),
                        note=tr("chart.small_suffix") if stats.is_small(int(totals[lane])) else "")
                     for lane in shown], gap=0.03, shared_y=True)
    traces, rules = [], []
    for i, lane in enumerate(shown, start=1):
        rows = buckets[buckets["lane"] == lane]
        n_axis = "" if i == 1 else str(i)
        traces.append(go.Bar(x=rows["bucket"], y=rows["share"], offset=0, width=4.6, customdata=rows["tickets"],
                             marker_color=lane_color(lane), showlegend=False, xaxis=f"x{n_axis}", yaxis=f"y{n_axis}",
                             hovertemplate="%{x}–%{x}+5: %{y:.1%} (n = %{customdata:,})<extra></extra>"))
        if lane in targets:
            rules.append(rule(targets[lane], INK, axes=n_axis))
        layout[f"xaxis{n_axis}"].update(axis(x_title if i == (len(shown) + 1) // 2 else "", range=[0, cap + 5],
                                             tickvals=[0, 30, 60, 90, cap],
                                             ticktext=["0", "30", "60", "90", f"≥{cap}"]))
        layout[f"yaxis{n_axis}"].update(axis(y_title if i == 1 else "", tickformat=".0%"))
    return figure(traces, shapes=rules, **layout)


@kept
def lane_distribution(rows: pd.DataFrame, x: str, lanes: Sequence[str], total: str, standard: float,
                      x_title: str, y_title: str) -> go.Figure:
    """Per lane, side by side: the share of its cases at each value of ``x`` (working days), with the standard."""
    traces = []
    for lane in lanes:
        part = rows[rows["lane"] == lane]
        if part.empty:
            continue
        n = int(part[total].iloc[0])
        traces.append(go.Bar(x=part[x], y=part["share"], customdata=part["applications"], marker_color=lane_color(lane),
                             name=tr("chart.lane_n", lane=code(lane), n=count(n),
                                     note=tr("chart.small_suffix") if stats.is_small(n) else ""),
                             hovertemplate="%{x}: %{y:.1%} (n = %{customdata:,})<extra></extra>"))
    edge = standard + 0.5
    return figure(traces, axis(x_title, dtick=1), axis(y_title, tickformat=".0%"), barmode="group", bargap=0.15,
                  shapes=[rule(edge, INK)], annotations=[rule_label(edge, tr("chart.standard", days=num(standard, 0)))])


@kept
def shares_over(x: Sequence[object], shares: Sequence[object], ns: Sequence[object], color: str, x_axis: dict,
                y_title: str, texts: Sequence[str] | None = None, hovers: Sequence[str] | None = None) -> go.Figure:
    """A share per day or hour as vertical bars; grey where it rests on n < 30."""
    small = [stats.is_small(None if pd.isna(n) else int(n)) for n in ns]
    values = [None if s is None or pd.isna(s) else float(s) for s in shares]
    bar = go.Bar(x=list(x), y=values, cliponaxis=False, marker_color=[SMALL_COLOR if s else color for s in small],
                 text=list(texts) if texts else None, textposition="outside" if texts else None,
                 customdata=list(hovers) if hovers else None,
                 hovertemplate="%{customdata}<extra></extra>" if hovers else None,
                 hoverinfo=None if hovers else "skip")
    top = max([v for v in values if v is not None] + [0.0])
    return figure([bar], x_axis, axis(y_title, tickformat=".0%", range=[0, max(top * 1.35, 0.05)]))


@kept
def history_panels(history: pd.DataFrame, lanes: Sequence[str], x_title: str, y_title: str) -> go.Figure:
    """Per lane a small panel: tickets on the briefing's day (dark) and on the same weekday of the weeks before
    (light), with that day's quota as a line: was the day unusual?"""
    shown = [lane for lane in lanes if lane in set(history["lane"])]
    layout = panels([code(lane) for lane in shown], gap=0.05)
    traces = []
    for i, lane in enumerate(shown):
        n_axis = "" if i == 0 else str(i + 1)
        rows = history[history["lane"] == lane].sort_values("tanggal")
        labels = [day(d) for d in rows["tanggal"]]
        traces.append(go.Bar(x=labels, y=rows["tickets"], showlegend=False, xaxis=f"x{n_axis}", yaxis=f"y{n_axis}",
                             marker_color=[lane_color(lane) if w == 0 else "#c9d7e6" for w in rows["weeks_before"]],
                             text=[count(v) for v in rows["tickets"]], textposition="inside",
                             insidetextanchor="end", cliponaxis=False,  # inside: a bar at the quota line keeps its
                             # number readable under the line (outside, the two overlapped)
                             hovertemplate="%{x}: %{y}<extra>" + code(lane) + "</extra>"))
        traces.append(go.Scatter(x=labels, y=rows["quota"], mode="lines", showlegend=False, hoverinfo="skip",
                                 xaxis=f"x{n_axis}", yaxis=f"y{n_axis}", line={"color": INK, "width": 2,
                                                                              "shape": "hvh"}))
        layout[f"xaxis{n_axis}"].update(tickfont={"size": FONT_SIZE - 4})
        layout[f"yaxis{n_axis}"].update(rangemode="tozero", **({"title": {"text": y_title}} if i == 0 else {}))
    # the small panels' day labels turn on their side (90 px below) and the last one reaches past the plot (35 px)
    margin = start_margin(layout.get("yaxis", {}), traces, r=40, b=95)
    return figure(traces, height=255, margin=margin, **layout)  # the plot keeps its 110 px


@kept
def office_panels(daily: pd.DataFrame, offices: Sequence[str], y_title: str, per_row: int = 4) -> go.Figure:
    """Small multiples: per office the priority lane's tickets per day (red over quota) under its quota line."""
    shown = [o for o in offices if o in set(daily["office_code"])]
    rows_n = max(1, -(-len(shown) // per_row))
    width, height_each = 1 / per_row, 1 / rows_n
    layout: dict = {"annotations": []}
    traces = []
    for i, office in enumerate(shown):
        n_axis = "" if i == 0 else str(i + 1)
        col, row = i % per_row, i // per_row
        x0, y1 = col * width + 0.02, 1 - row * height_each - 0.06
        layout[f"xaxis{n_axis}"] = {**axis(), "domain": [x0, x0 + width - 0.04], "anchor": f"y{n_axis}",
                                    "showticklabels": False}
        layout[f"yaxis{n_axis}"] = {**axis(), "domain": [y1 - height_each + 0.1, y1], "anchor": f"x{n_axis}",
                                    "rangemode": "tozero", "tickfont": {"size": FONT_SIZE - 5}}
        layout["annotations"].append({"text": office, "x": x0 + (width - 0.04) / 2, "xref": "paper", "y": y1,
                                      "yref": "paper", "yanchor": "bottom", "showarrow": False})
        part = daily[daily["office_code"] == office]
        traces.append(go.Bar(x=part["tanggal"], y=part["tickets"], xaxis=f"x{n_axis}", yaxis=f"y{n_axis}",
                             showlegend=False, marker_color=[ALERT_COLOR if o else "#0b5394" for o in
                                                             part["over_quota"].fillna(False)],
                             hovertemplate="%{x|%d/%m}: %{y}<extra>" + office + "</extra>"))
        traces.append(go.Scatter(x=part["tanggal"], y=part["daily_quota"], mode="lines", xaxis=f"x{n_axis}",
                                 yaxis=f"y{n_axis}", showlegend=False, hoverinfo="skip",
                                 line={"color": INK, "width": 1.5, "shape": "hv"}))
    return figure(traces, height=150 + 170 * rows_n, bargap=0.1, **layout)
