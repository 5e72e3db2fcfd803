"""The result cache's cheap keys (kancil/web/cache_keys.py) tell frames and filters apart exactly: a cached table
is never served for another frame, and an equal frame (a fresh copy from the cache) finds its table again."""

from __future__ import annotations

import datetime as dt
import pickle

import pandas as pd

from kancil.filters import Filters
from kancil.web import cache_keys, tables
from tests.helpers import run_query


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
    other_text = _frame().replace({"lane": {"reguler": "percepatan"}})
    other_order = _frame().iloc[::-1].reset_index(drop=True)
    other_missing = _frame().astype({"n": "Int32"})
    other_missing.loc[1, "n"] = pd.NA
    as_objects = pd.DataFrame({"day": [dt.date(2026, 6, 1)]})
    as_text = pd.DataFrame({"day": ["2026-06-01"]})
    others = (other_value, other_dtype, other_name, other_index, other_text, other_order, other_missing)
    keys = {cache_keys.frame_key(f) for f in others}
    assert len(keys) == len(others) and key not in keys
    assert cache_keys.frame_key(as_objects) != cache_keys.frame_key(as_text)
    assert cache_keys.frame_key(other_missing) != cache_keys.frame_key(_frame().astype({"n": "Int32"}))


def _shared_and_distinct() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Two frames of equal values: in the first both cells are one string object, in the second two."""
    code = "".join(["KANIM", "-001"])
    twin = "".join(["KANIM-", "001"])
    assert code == twin and code is not twin
    return (pd.DataFrame({"office_code": pd.Series([code, code], dtype=object)}),
            pd.DataFrame({"office_code": pd.Series([code, twin], dtype=object)}))


def test_a_key_depends_on_values_not_on_which_equal_strings_are_one_object():
    shared, distinct = _shared_and_distinct()
    assert cache_keys.frame_key(shared) == cache_keys.frame_key(distinct)
    one, other = distinct["office_code"]
    assert cache_keys.digest(([one, one], {})) == cache_keys.digest(([one, other], {}))
    assert cache_keys.digest(([one, one], {})) != cache_keys.digest(([one, "KANIM-002"], {}))


def test_a_key_does_not_change_when_pandas_fills_a_columns_own_cache():
    """pandas keeps cached properties in a datetime column's array (its unit, on the first ``iloc``), and they
    are part of its pickle."""
    frame = pd.DataFrame({"tanggal": pd.to_datetime(["2026-06-01", "2026-06-02"]).astype("datetime64[us]"),
                          "tickets": [3, 4]})
    key = cache_keys.frame_key(frame)
    frame.iloc[0]
    assert cache_keys.frame_key(frame) == key
    assert cache_keys.digest(((frame, "CLP"), {})) == cache_keys.digest(((frame.copy(), "CLP"), {}))
    tickets = frame["tickets"]
    assert cache_keys.digest((tickets,)) == cache_keys.digest((pickle.loads(pickle.dumps(tickets)),))
    assert cache_keys.digest((tickets,)) != cache_keys.digest((tickets.rename("no_show"),))
    assert cache_keys.digest((tickets,)) != cache_keys.digest((tickets + 1,))
    later = frame.assign(tanggal=frame["tanggal"] + pd.Timedelta(days=1))
    assert cache_keys.frame_key(later) != key


def test_a_frame_from_the_store_and_its_copy_from_the_cache_share_a_key(demo_db):
    """Streamlit's result cache hands out unpickled copies; the table and chart cached for the frame a query gave
    must be found again for its copy (it was not: two extra builds per page on a fresh server, 2026-12-07)."""
    frame = run_query(demo_db, "office_daily", Filters(dt.date(2026, 6, 3), dt.date(2026, 6, 30)))
    assert len(frame) > 0
    copy = pickle.loads(pickle.dumps(frame, protocol=5))
    assert cache_keys.frame_key(copy) == cache_keys.frame_key(frame)
    assert cache_keys.digest(((copy, ["CLP"]), {})) == cache_keys.digest(((frame, ["CLP"]), {}))


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
