"""The facilities figures: uses per 100 eligible visits with the interval of each median length, and the
before/after comparison: which day to split at and the two equal windows around it.

Equal-length windows on each side of the chosen day (within the filter period) compare like with like: a whole
period split at a day late in it would set a long "before" against a short "after", across different seasons.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from kancil.contract import FACILITIES
from kancil.filters import Filters
from kancil.metrics import stats
from kancil.store import queries


@dataclass(frozen=True)
class Windows:
    """Two windows of ``days`` days: before = the days just before the split day, after = from the split day on."""

    before: Filters
    after: Filters
    days: int


AROUND_DAYS = 91  # "show the period around the layout change": 13 weeks on each side


def layout_day(value: object) -> dt.date | None:
    """The demo store's layout-change day (a store meta value), or None."""
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def default_split(filters: Filters, layout_change: dt.date | None) -> dt.date:
    """The demo store's layout-change day when it lies inside the period (after its first day), else the middle."""
    if layout_change is not None and filters.date_from < layout_change <= filters.date_to:
        return layout_change
    return filters.date_from + dt.timedelta(days=filters.days() // 2)


def around(day: dt.date, newest: dt.date) -> tuple[dt.date, dt.date]:
    """A period of up to 13 weeks on each side of ``day``, ending no later than the newest data day."""
    end = min(day + dt.timedelta(days=AROUND_DAYS - 1), newest)
    return day - dt.timedelta(days=AROUND_DAYS), max(end, day)


def windows(filters: Filters, split: dt.date) -> Windows | None:
    """Equal windows on each side of ``split`` inside the filter period; None when one side would be empty."""
    before_days = (split - filters.date_from).days
    after_days = (filters.date_to - split).days + 1
    days = min(before_days, after_days)
    if days <= 0:
        return None
    before = filters.replace(date_from=split - dt.timedelta(days=days), date_to=split - dt.timedelta(days=1))
    after = filters.replace(date_from=split, date_to=split + dt.timedelta(days=days - 1))
    return Windows(before, after, days)


def rates(con, filters: Filters) -> pd.DataFrame:
    """Uses per 100 eligible visits (``facility_use_rates``) with the 95% interval of each median use length."""
    frame = queries.run(con, "facility_use_rates", filters)
    minutes = queries.run(con, "facility_use_minutes", filters)
    intervals = {f: stats.median_ci(minutes.loc[minutes["facility"] == f, "use_minutes"]) for f in FACILITIES}
    return frame.assign(ci_low=[intervals[f][0] for f in frame["facility"]],
                        ci_high=[intervals[f][1] for f in frame["facility"]])


def before_after(con, filters: Filters, split: dt.date) -> pd.DataFrame:
    """Uses per 100 eligible visits in the two equal windows around ``split`` (empty when one side is empty)."""
    found = windows(filters, split)
    columns = ["facility", "side", "window_from", "window_to", "uses", "eligible_visits", "uses_per_100"]
    if found is None:
        return pd.DataFrame(columns=columns)
    parts = []
    for side, window in (("before", found.before), ("after", found.after)):
        part = queries.run(con, "facility_use_rates", window)
        parts.append(part.assign(side=side, window_from=window.date_from, window_to=window.date_to)[columns])
    return pd.concat(parts, ignore_index=True)
