"""Display helpers of the quota page: date ticks in the reader's language and the week × weekday calendar grid.

Plotly writes month names in English whatever the page's language, so date axes get their tick labels from
``i18n.fmt_date``. The numbers themselves come from ``queries/quota_daily.sql``; nothing here computes a metric.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from kancil.i18n import fmt_date

MAX_TICKS = 8


def date_ticks(start: dt.date, end: dt.date, lang: str) -> tuple[list[dt.date], list[str]]:
    """Tick positions and labels for a date axis: Mondays for a short period, first days of months for a long one."""
    if (end - start).days <= 62:
        first = start + dt.timedelta(days=(7 - start.weekday()) % 7)
        days = [first + dt.timedelta(weeks=i) for i in range((end - first).days // 7 + 1)]
    else:
        days = []
        month = start.replace(day=1)
        while month <= end:
            if month >= start:
                days.append(month)
            month = (month + dt.timedelta(days=32)).replace(day=1)
    step = max(1, -(-len(days) // MAX_TICKS))
    days = days[::step]
    return days, [fmt_date(d, lang) for d in days]


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
