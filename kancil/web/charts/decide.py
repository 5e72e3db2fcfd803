"""Charts of decision support: the demand forecast with its bands against the quota, and a replay beside the record
(one pair of bars per lane)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from kancil.web.charts.base import ALERT_COLOR, INK, axis, date_ticks, figure, kept, lane_color
from kancil.web.text import code

BAND_80, BAND_95 = "rgba(11, 83, 148, 0.28)", "rgba(11, 83, 148, 0.12)"
RECORDED_COLOR = "#b7b7b7"


@kept
def forecast(frame: pd.DataFrame, names: dict[str, str], x_title: str, y_title: str, color: str) -> go.Figure:
    """Recorded tickets (bars), the forecast (line) inside its 95 % and 80 % bands, the quota (step line) and the
    days expected over it (red markers). ``names``: recorded, expected, band95, band80, quota, overflow."""
    past, ahead = frame[frame["kind"] == "recorded"], frame[frame["kind"] == "forecast"]
    x = list(ahead["tanggal"])

    def band(low: str, high: str, fill: str, name: str) -> list[go.Scatter]:
        return [go.Scatter(x=x, y=list(ahead[high]), mode="lines", line={"width": 0}, showlegend=False,
                           hoverinfo="skip"),
                go.Scatter(x=x, y=list(ahead[low]), mode="lines", line={"width": 0}, fill="tonexty", fillcolor=fill,
                           name=name, hoverinfo="skip")]

    over = ahead[ahead["overflow"].fillna(False).astype(bool)]
    traces = [
        go.Bar(x=list(past["tanggal"]), y=list(past["tickets"]), name=names["recorded"], marker={"color": color},
               hovertemplate="%{x|%d/%m/%Y}: %{y}<extra></extra>"),
        *band("lower95", "upper95", BAND_95, names["band95"]),
        *band("lower80", "upper80", BAND_80, names["band80"]),
        go.Scatter(x=x, y=list(ahead["expected"]), mode="lines+markers", name=names["expected"],
                   line={"color": "#0b5394", "width": 3}, hovertemplate="%{x|%d/%m/%Y}: %{y:.1f}<extra></extra>"),
        go.Scatter(x=list(frame["tanggal"]), y=list(frame["quota"]), mode="lines", name=names["quota"],
                   line={"color": INK, "width": 2, "shape": "hv", "dash": "dot"}, hoverinfo="skip"),
        go.Scatter(x=list(over["tanggal"]), y=list(over["expected"]), mode="markers", name=names["overflow"],
                   marker={"color": ALERT_COLOR, "size": 11, "symbol": "triangle-up"}, hoverinfo="skip"),
    ]
    return figure(traces, axis(x_title, **date_ticks(frame["tanggal"])), axis(y_title, rangemode="tozero"))


@kept
def beside_record(lanes: Sequence[str], recorded: Sequence[object], replayed: Sequence[object],
                  names: tuple[str, str], texts: tuple[Sequence[str], Sequence[str]], y_title: str) -> go.Figure:
    """Per lane, the recorded figure (light grey, hatched) and the replayed one (the lane's colour), their numbers
    written on."""
    labels = [code(lane) for lane in lanes]
    traces = [go.Bar(x=labels, y=[None if pd.isna(v) else v for v in recorded], name=names[0],
                     marker={"color": RECORDED_COLOR, "pattern": {"shape": "/", "fgcolor": "#ffffff"}},
                     text=list(texts[0]), textposition="outside",
                     cliponaxis=False, hoverinfo="skip"),
              go.Bar(x=labels, y=[None if pd.isna(v) else v for v in replayed], name=names[1],
                     marker={"color": [lane_color(lane) for lane in lanes]}, text=list(texts[1]),
                     textposition="outside", cliponaxis=False, hoverinfo="skip")]
    return figure(traces, axis(""), axis(y_title, rangemode="tozero"), barmode="group")
