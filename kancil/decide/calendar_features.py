"""What the forecast knows about a working day: the Indonesian calendar, as regressors.

Why regressors and not a long seasonal period: the days that matter move. Idul Fitri and Idul Adha follow the lunar
calendar (about 11 days earlier every year), so a yearly seasonal term would put the Eid peak on the wrong weeks;
their dates come from the ``holidays`` package (the same source as the working-day calendar,
``kancil/store/calendar.py``), and the windows around them are counted from those dates. The rest is the domain
note's list: weekday shape, the Hajj/Umrah months, school holidays, the working day after a closure, and trend.
"""

from __future__ import annotations

import datetime as dt
import functools

import numpy as np
import pandas as pd

from kancil.store import calendar

FITRI, ADHA = "Hari Raya Idul Fitri", "Hari Raya Idul Adha"  # the first day's name in the package (language id)

# (name, feast, first day, last day) relative to the feast's date, in calendar days, both ends included.
EID_WINDOWS = (
    ("pra_ramadan", FITRI, -51, -31),  # the three weeks before Ramadan: travel before Eid
    ("ramadan", FITRI, -30, -1),
    ("pasca_lebaran", FITRI, 1, 14),
    ("pra_idul_adha", ADHA, -14, -1),
    ("pasca_idul_adha", ADHA, 1, 7),
)
COLUMNS = ("senin", "selasa", "rabu", "kamis", *(w[0] for w in EID_WINDOWS), "haji_umrah", "libur_sekolah_juni",
           "libur_sekolah_desember", "setelah_libur", "tren")


@functools.cache
def feast_days(name: str) -> tuple[dt.date, ...]:
    """The dates of a feast over the whole working-day calendar (2018-2032)."""
    return tuple(sorted(d for d, n in calendar.indonesian_holidays().items() if n == name))


def _in_windows(dates: np.ndarray, feasts: tuple[dt.date, ...], first: int, last: int) -> np.ndarray:
    out = np.zeros(len(dates), dtype=bool)
    for feast in feasts:
        day = np.datetime64(feast, "D")
        out |= (dates >= day + np.timedelta64(first, "D")) & (dates <= day + np.timedelta64(last, "D"))
    return out


def features(dates: pd.Series | np.ndarray, origin: dt.date) -> pd.DataFrame:
    """The regressors of working days ``dates`` (trend counted in years from ``origin``), with an intercept."""
    d = np.asarray(pd.to_datetime(pd.Series(dates)).to_numpy(dtype="datetime64[D]"))
    weekday = (d.astype(np.int64) + 3) % 7  # 0 = Monday (1970-01-01 was a Thursday)
    month = d.astype("datetime64[M]").astype(np.int64) % 12 + 1
    dom = (d - d.astype("datetime64[M]")).astype(np.int64) + 1
    out = {"const": np.ones(len(d))}
    for i, name in enumerate(COLUMNS[:4]):  # Friday is the base weekday
        out[name] = (weekday == i).astype(float)
    for name, feast, first, last in EID_WINDOWS:
        out[name] = _in_windows(d, feast_days(feast), first, last).astype(float)
    out["haji_umrah"] = (month <= 3).astype(float)
    out["libur_sekolah_juni"] = (((month == 6) & (dom >= 20)) | ((month == 7) & (dom <= 15))).astype(float)
    out["libur_sekolah_desember"] = ((month == 12) & (dom >= 15)).astype(float)
    # The first working day after a closed weekday (a holiday, cuti bersama, a closure): the queue of those days.
    gap = np.diff(d.astype(np.int64), prepend=d[:1].astype(np.int64) - 1)
    out["setelah_libur"] = ((gap > 1) & ~((weekday == 0) & (gap == 3))).astype(float)
    out["tren"] = (d - np.datetime64(origin, "D")).astype(np.int64) / 365.25
    return pd.DataFrame(out)
