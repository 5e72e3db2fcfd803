"""Shared filters: presets, the URL round trip, bad links, and number/date formats per language."""

from __future__ import annotations

import datetime as dt

import pytest

from kancil.filters import Filters
from kancil.i18n import fmt_date, fmt_num, fmt_pct, t
from kancil.web.state import preset_range
from tests.helpers import app_test, url_param

ANCHOR = dt.date(2026, 5, 16)


@pytest.mark.parametrize(
    ("preset", "start"),
    [("kemarin", "2026-05-16"), ("7h", "2026-05-10"), ("30h", "2026-04-17"), ("bulan", "2026-05-01"),
     ("triwulan", "2026-04-01"), ("semester", "2026-01-01"), ("tahun", "2026-01-01")],
)
def test_presets_end_at_the_anchor(preset, start):
    assert preset_range(preset, ANCHOR) == (dt.date.fromisoformat(start), ANCHOR)


def test_semester_two_starts_in_july():
    assert preset_range("semester", dt.date(2026, 11, 3))[0] == dt.date(2026, 7, 1)
    assert preset_range("triwulan", dt.date(2026, 11, 3))[0] == dt.date(2026, 10, 1)


def test_filter_state_goes_into_the_url(metrics_db):
    # AppTest drops the entry script's sidebar widgets on reruns under st.navigation, so clicks in the sidebar
    # are tested in the real browser (tests/test_e2e_*.py); here the widget state is set before the first run.
    at = app_test(metrics_db, state={"f_lane": "prioritas", "f_office": "TST", "f_periode": "7h"})
    assert not at.exception
    assert (url_param(at, "jalur"), url_param(at, "kantor"), url_param(at, "periode")) == ("prioritas", "TST", "7h")


def test_filters_survive_a_page_switch(metrics_db):
    at = app_test(metrics_db, query={"jalur": "reguler", "kantor": "TST"}, page="views/kuota.py")
    assert (url_param(at, "jalur"), url_param(at, "kantor")) == ("reguler", "TST")
    assert at.session_state["_filters"].lane == "reguler" and at.session_state["_filters"].office == "TST"


def test_a_copied_link_reproduces_the_view(metrics_db):
    link = {"periode": "custom", "dari": "2026-05-11", "sampai": "2026-05-16", "kantor": "TST",
            "jalur": "reguler", "kelompok": "lansia", "bahasa": "en"}
    at = app_test(metrics_db, query=link)
    assert not at.exception
    assert at.sidebar.selectbox(key="f_lane__en").value == "reguler"
    assert at.sidebar.selectbox(key="f_group__en").value == "lansia"
    assert at.sidebar.selectbox(key="f_office__en").value == "TST"
    assert at.session_state["f_range"] == (dt.date(2026, 5, 11), dt.date(2026, 5, 16))
    assert at.title[0].value == "Morning briefing"
    assert any("11 May 2026 – 16 May 2026 (6 days)" in c.value for c in at.sidebar.caption)


def test_a_bad_link_falls_back_with_a_notice(metrics_db):
    at = app_test(metrics_db, query={"jalur": "vip", "dari": "2026-02-31", "sampai": "2026-03-01",
                                     "periode": "selamanya"})
    assert not at.exception
    assert any("vip" not in i.value and "jalur" in i.value for i in at.info)
    assert at.sidebar.selectbox(key="f_lane__id").value == ""
    assert at.sidebar.selectbox(key="f_periode__id").value == "30h"


def test_indonesian_and_english_formats():
    assert fmt_num(1234.5, "id", 1) == "1.234,5" and fmt_num(1234.5, "en", 1) == "1,234.5"
    assert fmt_pct(0.5714, "id", 1) == "57,1%"
    assert fmt_date(dt.date(2026, 11, 28), "id") == "28 Nov 2026"
    assert fmt_date(dt.date(2026, 8, 17), "id", long=True) == "17 Agustus 2026"
    assert fmt_num(None) == "—"
    assert t("kuota.title", "en") == "Quota" and t("kuota.title") == "Kuota"


def test_a_calendar_period_compares_with_the_same_days_before():
    # "Tahun ini" up to 30 June 2026 against 1 January-30 June 2025, not the 181 days before
    year = Filters(dt.date(2026, 1, 1), dt.date(2026, 6, 30), compare_months=12)
    assert (year.previous().date_from, year.previous().date_to) == (dt.date(2025, 1, 1), dt.date(2025, 6, 30))
    # a month so far, 1-31 March, against February: the 31st falls back to the 28th
    march = Filters(dt.date(2026, 3, 1), dt.date(2026, 3, 31), compare_months=1)
    assert (march.previous().date_from, march.previous().date_to) == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    # the rolling presets keep the same length just before
    thirty = Filters(dt.date(2026, 6, 1), dt.date(2026, 6, 30))
    assert (thirty.previous().date_from, thirty.previous().date_to) == (dt.date(2026, 5, 2), dt.date(2026, 5, 31))
    assert "compare_months" not in year.describe()  # not a filter: manifests and the log never show it


def test_a_sidebar_choice_is_also_its_widgets_default():
    """A selectbox the browser re-creates (a click landing while a page switch cleared the sidebar) starts from
    the proto's default and sends it back as the user's choice; the default was the first option, "Kemarin", so
    2 in 32 quick sign-in → Unduh data runs under load downloaded one day instead of 30 (a CI failure,
    reproduced in Chromium). The default must be the current choice on every run after the first."""
    from streamlit.testing.v1 import AppTest

    def script() -> None:
        import streamlit as st

        from kancil.web.state import PRESETS, _sidebar_select

        st.session_state.setdefault("f_periode", "bulan")
        _sidebar_select("Periode", PRESETS, "f_periode", str, "30h")

    at = AppTest.from_function(script)
    at.run()
    assert at.sidebar.selectbox[0].value == "bulan"
    at.run()  # the state is kept: nothing set through the Session State API in this run
    box = at.sidebar.selectbox[0]
    assert box.value == "bulan" and box.proto.default == 3  # PRESETS.index("bulan"), not 0 ("kemarin")
