"""The result cache's cheap keys (kancil/web/cache_keys.py) tell frames and filters apart exactly: a cached table
is never served for another frame, and an equal frame (a fresh copy from the cache) finds its table again."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from kancil.filters import Filters
from kancil.web import cache_keys, tables


def _frame() -> pd.DataFrame:
    return pd.DataFrame({"lane": ["prioritas", "reguler"], "n": [3, 4], "share": [0.25, 0.75]})


def test_equal_frames_share_a_key_and_any_difference_changes_it():
    key = cache_keys.frame_key(_frame())
    assert cache_keys.frame_key(_frame().copy()) == key
    other_value = _frame()
    other_value.loc[1, "n"] = 5
    other_dtype = _frame().astype({"n": "float64"})
    other_name = _frame().rename(columns={"n": "tickets"})
    other_index = _frame().set_axis([1, 2])
    keys = {cache_keys.frame_key(f) for f in (other_value, other_dtype, other_name, other_index)}
    assert len(keys) == 4 and key not in keys


def test_filters_key_names_every_field():
    a = Filters(dt.date(2026, 6, 1), dt.date(2026, 6, 30), office="CLP", lane="prioritas")
    assert cache_keys.FAST[Filters](a) == cache_keys.FAST[Filters](
        Filters(dt.date(2026, 6, 1), dt.date(2026, 6, 30), office="CLP", lane="prioritas"))
    assert cache_keys.FAST[Filters](a) != cache_keys.FAST[Filters](a.replace(lane="reguler"))
    assert cache_keys.FAST[Filters](a) != cache_keys.FAST[Filters](a.replace(date_to=dt.date(2026, 6, 29)))


def test_a_charts_csv_is_spreadsheet_safe():
    table = pd.DataFrame({"Komentar": ['=HYPERLINK("http://evil.example","x")', "+1", "baik"]})
    text = tables.csv_bytes(table).decode("utf-8-sig").splitlines()
    assert text == ["Komentar", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"", "'+1", "baik"]
