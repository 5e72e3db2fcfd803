"""Heatmaps of the kit: a value per cell of a grid (weekday × hour, lane × hour, weekday × week), its number
written in the cell where it fits, gaps where there is no data."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from kancil.metrics import stats
from kancil.web.charts.base import FONT_SIZE, LABEL_PX, axis, figure, kept, start_margin
from kancil.web.text import clean, code, count, num, pct, weekday


def _heatmap(z: Sequence[Sequence[object]], x: Sequence[object], y: Sequence[str], texts: Sequence[Sequence[str]],
             colorscale: object = "Blues", zmin: float = 0.0, zmax: float | None = None, colorbar: str = "",
             tickformat: str | None = None, hover: str = "%{y}, %{x}: %{z}<extra></extra>", x_title: str = "",
             title: str | None = None, row_height: int = 45, x_ticks: dict | None = None,
             customdata: Sequence[Sequence[str]] | None = None) -> go.Figure:
    """One heatmap: rows ``y`` top to bottom, columns ``x``; ``texts`` are written in the cells."""
    values = [[None if v is None else float(v) for v in row] for row in z]
    top = max([v for row in values for v in row if v is not None] + [0.0])
    cells = go.Heatmap(
        z=values, x=list(x), y=list(y), text=[list(r) for r in texts], texttemplate="%{text}",
        textfont={"size": FONT_SIZE - 3}, colorscale=colorscale, zmin=zmin, zmax=zmax if zmax is not None
        else max(top, 1.0), xgap=2, ygap=2, hoverongaps=False, hovertemplate=hover,
        customdata=[list(r) for r in customdata] if customdata is not None else None,
        colorbar={"title": {"text": colorbar}, **({"tickformat": tickformat} if tickformat else {})})
    layout = {"title": {"text": title, "font": {"size": FONT_SIZE + 1}}} if title else {}
    rows = axis("", autorange="reversed", showgrid=False)
    # the colorbar on the right needed 97-127 px, more with a long title (208 px for 21 characters), the hour or
    # week labels below 76 px, the row labels 13 px more than a bar chart's: started there, Plotly need not draw
    # the heatmap twice (base.start_margin)
    margin = start_margin(rows, [cells], r=max(130, int(LABEL_PX * len(colorbar)) + 45), b=80)
    margin["l"] += 15
    return figure([cells], axis(x_title, showgrid=False, **(x_ticks or {"dtick": 1})), rows,
                  height=120 + row_height * len(y), margin=margin, **layout)


heatmap = kept(_heatmap)  # the views' entry; the builders below call _heatmap (one figure kept, not two)


@kept
def lanes_by_hour(cells: pd.DataFrame, value: str, lanes: Sequence[str], colorbar: str, x_title: str,
                  colorscale: str = "Reds", zmax: float = 1.0) -> go.Figure:
    """A share per lane (rows) and hour (columns) with its n written under it; * where n < 30."""
    hours = list(range(int(cells["hour"].min()), int(cells["hour"].max()) + 1))
    shown = [lane for lane in lanes if lane in set(cells["lane"])]
    z, text = [], []
    for lane in shown:
        rows = cells[cells["lane"] == lane].set_index("hour")
        z.append([clean(rows.at[h, value]) if h in rows.index else None for h in hours])
        text.append([f"{pct(rows.at[h, value], 0)}<br>n={count(rows.at[h, 'n'])}"
                     + ("*" if stats.is_small(None if pd.isna(rows.at[h, "n"]) else int(rows.at[h, "n"])) else "")
                     if h in rows.index else "" for h in hours])
    return _heatmap(z, hours, [code(lane) for lane in shown], text, colorscale=colorscale, zmax=zmax,
                    colorbar=colorbar, tickformat=".0%", hover="%{y}, %{x}:00 → %{z:.1%}<extra></extra>",
                    x_title=x_title, row_height=90)


@kept
def weekday_by_hour(cells: pd.DataFrame, value: str, colorbar: str, x_title: str, title: str,
                    decimals: int = 0, colorscale: str = "Blues") -> go.Figure:
    """A value per weekday (rows, Monday first) and hour (columns): the staffing view."""
    hours = list(range(int(cells["hour"].min()), int(cells["hour"].max()) + 1))
    days = sorted(set(range(1, 6)) | {int(d) for d in cells["weekday"].dropna()})
    grid = cells.pivot_table(index="weekday", columns="hour", values=value, aggfunc="sum").reindex(
        index=days, columns=hours)
    z = grid.to_numpy(dtype=float)
    texts = [[num(v, decimals) if v == v and v else "" for v in row] for row in z]
    return _heatmap(z, hours, [weekday(d) for d in days], texts, colorscale=colorscale, colorbar=colorbar,
                    hover="%{y}, %{x}:00: %{z:.1f}<extra></extra>", x_title=x_title, title=title)
