"""The quota page's calendar: quota days of one lane as a weekday × week grid of fill rates.

The numbers themselves come from ``queries/quota_daily.sql``; this only arranges them.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def calendar_grid(daily: pd.DataFrame) -> pd.DataFrame:
    """Quota days of one lane as a weekday (rows, Monday = 0) × week-start (columns) table of fill rates."""
    days = daily[daily["quota_days"] > 0]
    if days.empty:
        return pd.DataFrame()
    dates = pd.to_datetime(days["tanggal"]).dt.date
    cells = pd.DataFrame({
        "week": [week_start(d) for d in dates],
        "weekday": [d.weekday() for d in dates],
        "fill_rate": days["fill_rate"].to_numpy(),
    })
    grid = cells.pivot_table(index="weekday", columns="week", values="fill_rate", aggfunc="first")
    weeks = pd.date_range(min(cells["week"]), max(cells["week"]), freq="7D").date
    return grid.reindex(index=range(0, max(5, int(cells["weekday"].max()) + 1)), columns=weeks)
