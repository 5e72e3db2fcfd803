"""Point charts of the kit: a value with its 95 % interval per row (medians, IKM scores), and events by time of
day (when the quota was reached)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from kancil.web.charts.base import ALERT_COLOR, INK, axis, date_ticks, figure, kept, rule, rule_label
from kancil.web.text import clock

BASE_DAY = pd.Timestamp("2000-01-01")


def _error(values: Sequence[object], lows: Sequence[object], highs: Sequence[object]) -> dict:
    def gap(a: object, b: object) -> float:
        return 0.0 if a is None or b is None or pd.isna(a) or pd.isna(b) else float(a) - float(b)

    return {"type": "data", "symmetric": False, "thickness": 2.5, "width": 8, "color": INK,
            "array": [gap(h, v) for h, v in zip(highs, values, strict=True)],
            "arrayminus": [gap(v, lo) for v, lo in zip(values, lows, strict=True)]}


def _intervals(labels: Sequence[str], values: Sequence[object], lows: Sequence[object], highs: Sequence[object],
               colors: Sequence[str], small: Sequence[bool], x_title: str, x_range: list[float] | None = None,
               references: Sequence[tuple[float, str]] = (), dtick: float | None = None,
               extra: Sequence[go.Scatter] = ()) -> go.Figure:
    """A value with its 95 % interval per row, top to bottom: a filled marker, hollow where n < 30; reference lines
    (a standard, the IKM category limits) with their labels."""
    dots = go.Scatter(
        x=[None if v is None or pd.isna(v) else float(v) for v in values], y=list(labels), mode="markers",
        error_x=_error(values, lows, highs), hovertemplate="%{y}: %{x:.2f}<extra></extra>",
        marker={"size": 15, "color": list(colors), "symbol": ["circle-open" if s else "circle" for s in small],
                "line": {"color": list(colors), "width": 2.5}}, showlegend=False)
    x = axis(x_title, **({"range": x_range} if x_range else {}), **({"dtick": dtick} if dtick else {}))
    return figure([dots, *extra], x, axis("", autorange="reversed", categoryorder="array",
                                          categoryarray=list(labels)),
                  height=max(240, 110 + 55 * len(labels)), shapes=[rule(v, "#888888", dash="dash")
                                                                     for v, _t in references],
                  annotations=[rule_label(v, text) for v, text in references])


intervals = kept(_intervals)  # the views' entry; the builders below call _intervals (one figure kept, not two)


@kept
def time_of_day(days: Sequence[object], minutes: Sequence[float], hovers: Sequence[str], median: float, name: str,
                median_name: str, x_title: str, y_title: str, period: tuple[object, object],
                hours: range = range(7, 18)) -> go.Figure:
    """Events (one per day) at the time of day they happened, with the median time as a dashed line."""
    times = [BASE_DAY + pd.Timedelta(minutes=float(m)) for m in minutes]
    points = go.Scatter(x=list(days), y=times, mode="markers", name=name, customdata=list(hovers),
                        marker={"size": 11, "color": ALERT_COLOR, "line": {"width": 1, "color": "white"}},
                        hovertemplate="%{customdata}<extra></extra>")
    half = pd.Timedelta(hours=12)
    start, end = pd.Timestamp(period[0]) - half, pd.Timestamp(period[1]) + half
    level = BASE_DAY + pd.Timedelta(minutes=median)
    line = go.Scatter(x=[start, end], y=[level, level], mode="lines", hoverinfo="skip", name=median_name,
                      line={"dash": "dash", "color": INK, "width": 2})
    ticks = [BASE_DAY + pd.Timedelta(hours=h) for h in hours]
    y = axis(y_title, tickvals=ticks, ticktext=[clock(h * 60.0) for h in hours],
             range=[BASE_DAY + pd.Timedelta(hours=hours.start), BASE_DAY + pd.Timedelta(hours=hours.stop - 1)])
    return figure([points, line], axis(x_title, range=[start, end], **date_ticks(pd.date_range(*period))), y)


@kept
def medians(frame: pd.DataFrame, key: str, labels: Sequence[str], colors: Sequence[str], x_title: str,
            references: Sequence[tuple[float, str]] = (), p90: bool = False, dtick: float | None = None) -> go.Figure:
    """Medians with their 95 % interval per row of ``frame`` (lanes or groups); grey and hollow where n < 30;
    optionally the p90 as a diamond beside."""
    small = [bool(s) for s in frame["small_n"].fillna(True)]
    extra = []
    if p90:
        extra.append(go.Scatter(x=frame["p90"], y=list(labels), mode="markers", name="p90", showlegend=True,
                                marker={"symbol": "diamond", "size": 12, "color": INK},
                                hovertemplate="p90 %{y}: %{x:.1f}<extra></extra>"))
    highs = [h for h in frame["ci_high"] if h == h and h is not None]
    top = max([*highs, *(v for v, _t in references), 1.0]) + 1
    return _intervals(labels, frame["median"], frame["ci_low"], frame["ci_high"],
                      [c if not s else "#c8c8c8" for c, s in zip(colors, small, strict=True)], small, x_title,
                      x_range=[-0.5, top] if dtick else None, references=references, dtick=dtick, extra=extra)
