"""The facilities page: its queries on the hand-made store (tests/fixtures.py, every answer worked out by hand below),
the before/after windows, and the page itself (AppTest): KPI values, the filter notice, empty filters, English, and
the demo store's story (family facilities rarely used, more after the layout change).

Fixture, office TST, 11-16 May 2026. Uses: F1 ruang_laktasi Mon 11 May 10:00-10:30 (ibu_balita), F2 ruang_laktasi
Tue 12 May 11:00-11:20 (group not noted), F3 kursi_roda Tue 12 May 09:00, no end (lansia). Tickets: lansia T1 (11),
T5 (16), T7 (12, reguler); disabilitas T2 (11); ibu_hamil T3 (11); anak T4 (12); umum T6 (11, reguler); T1-T5 are
prioritas. No ibu_balita ticket.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from kancil.filters import Filters
from kancil.metrics import facilities, kpis
from kancil.store import connection
from tests.helpers import DEMO_END, app_test, metric_values, run_query

PAGE = "views/fasilitas.py"
WEEK = Filters(date_from=dt.date(2026, 5, 11), date_to=dt.date(2026, 5, 16))
TST = WEEK.replace(office="TST")
TST_QUERY = {"periode": "custom", "dari": "2026-05-11", "sampai": "2026-05-16", "kantor": "TST"}
FACILITIES = ["ruang_laktasi", "area_bermain_anak", "kursi_roda", "ruang_tunggu_prioritas", "toilet_disabilitas"]


# ------------------------------------------------------------------------------------------------ queries


def test_uses_per_100_eligible_visits(metrics_db):
    rates = run_query(metrics_db, "facility_use_rates", TST)
    assert list(rates["facility"]) == FACILITIES  # every facility, in the contract's order
    r = rates.set_index("facility")
    # uses: ruang_laktasi F1, F2; kursi_roda F3; nothing else
    assert r["uses"].tolist() == [2, 0, 1, 0, 0]
    # eligible: ibu_balita 0; anak + ibu_balita 1 (T4); lansia + disabilitas 4 (T1, T5, T7, T2);
    # prioritas lane 5 (T1-T5); toilet as the wheelchair, 4
    assert r["eligible_visits"].tolist() == [0, 1, 4, 5, 4]
    # per 100: no eligible visit for the lactation room -> none; 0/1; 1/4 = 25; 0/5; 0/4
    assert pd.isna(r.at["ruang_laktasi", "uses_per_100"])
    assert r["uses_per_100"].tolist()[1:] == pytest.approx([0.0, 25.0, 0.0, 0.0])
    # length: F1 30 and F2 20 minutes -> median 25; F3 has no end: no timed use
    assert r.at["ruang_laktasi", "median_minutes"] == pytest.approx(25.0)
    assert (r.at["ruang_laktasi", "timed_uses"], r.at["kursi_roda", "timed_uses"]) == (2, 0)
    assert pd.isna(r.at["kursi_roda", "median_minutes"])


def test_uses_equal_the_summary(metrics_db):
    for filters in (TST, WEEK, TST.replace(group="lansia")):
        with connection.reader(metrics_db) as con:
            expected = kpis.summary(con, filters)["facility_uses"]
        rates = run_query(metrics_db, "facility_use_rates", filters)
        assert dict(zip(rates["facility"], rates["uses"], strict=True)) == expected


def test_group_filter_applies_to_uses_and_visits(metrics_db):
    r = run_query(metrics_db, "facility_use_rates", TST.replace(group="lansia")).set_index("facility")
    # uses: only F3 (F1 is ibu_balita, F2 has no group); eligible lansia tickets T1, T5, T7 = 3
    assert r["uses"].tolist() == [0, 0, 1, 0, 0]
    assert r["eligible_visits"].tolist() == [0, 0, 3, 2, 3]  # prioritas lane: T1, T5
    assert r.at["kursi_roda", "uses_per_100"] == pytest.approx(100 / 3)


def test_lane_service_and_channel_filters_do_not_apply(metrics_db):
    """The facility log has no lane, service type or channel, so neither side of the rate uses them."""
    plain = run_query(metrics_db, "facility_use_rates", TST)
    for changed in (TST.replace(lane="reguler"), TST.replace(service_type="hilang_rusak"),
                    TST.replace(channel="m_paspor")):
        assert run_query(metrics_db, "facility_use_rates", changed).equals(plain)


def test_uses_by_weekday_and_hour(metrics_db):
    cells = run_query(metrics_db, "facility_uses_by_hour", TST)
    by_day = cells[cells["weekday"].notna()]
    # F1 Monday (1) 10h, F2 Tuesday (2) 11h, F3 Tuesday 9h
    assert sorted(zip(by_day["facility"], by_day["weekday"], by_day["hour"], by_day["uses"], strict=True)) == [
        ("kursi_roda", 2, 9, 1), ("ruang_laktasi", 1, 10, 1), ("ruang_laktasi", 2, 11, 1)]
    overall = cells[cells["weekday"].isna()].set_index(["facility", "hour"])
    # over all days: the lactation room's two uses at 10 and 11 are half of its uses each
    assert overall.loc[("ruang_laktasi", 10), "share_of_facility"] == pytest.approx(0.5)
    assert overall.loc[("kursi_roda", 9), "share_of_facility"] == pytest.approx(1.0)
    assert by_day["share_of_facility"].tolist() == pytest.approx([1.0, 0.5, 0.5])


def test_use_minutes_for_the_median_interval(metrics_db):
    minutes = run_query(metrics_db, "facility_use_minutes", TST)
    # F1 30 and F2 20 minutes; F3 has no end and is left out
    assert minutes["facility"].tolist() == ["ruang_laktasi", "ruang_laktasi"]
    assert minutes["use_minutes"].tolist() == pytest.approx([20.0, 30.0])


# ------------------------------------------------------------------------------------------------ before / after


def test_equal_windows_around_the_split_day():
    # 11-16 May, split 13 May: 2 days before (11, 12) and 4 from the 13th on -> 2 + 2
    found = facilities.windows(TST, dt.date(2026, 5, 13))
    assert found.days == 2
    assert (found.before.date_from, found.before.date_to) == (dt.date(2026, 5, 11), dt.date(2026, 5, 12))
    assert (found.after.date_from, found.after.date_to) == (dt.date(2026, 5, 13), dt.date(2026, 5, 14))
    assert found.before.office == "TST"  # the other filters stay
    # split 16 May: 5 days before, 1 from it on -> 15 May against 16 May
    found = facilities.windows(TST, dt.date(2026, 5, 16))
    assert (found.days, found.before.date_from, found.after.date_to) == (1, dt.date(2026, 5, 15),
                                                                         dt.date(2026, 5, 16))
    # nothing before the first day
    assert facilities.windows(TST, dt.date(2026, 5, 11)) is None


def test_default_split_day():
    # the layout-change day when inside the period (after its first day), else the middle (11 + 6 // 2 = 14 May)
    assert facilities.default_split(TST, dt.date(2026, 5, 13)) == dt.date(2026, 5, 13)
    assert facilities.default_split(TST, dt.date(2026, 5, 11)) == dt.date(2026, 5, 14)
    assert facilities.default_split(TST, dt.date(2026, 4, 6)) == dt.date(2026, 5, 14)
    assert facilities.default_split(TST, None) == dt.date(2026, 5, 14)
    # the period around a change: 13 weeks each side, not past the newest data day
    assert facilities.around(dt.date(2026, 4, 6), dt.date(2026, 11, 28)) == (dt.date(2026, 1, 5),
                                                                            dt.date(2026, 7, 5))
    assert facilities.around(dt.date(2026, 4, 6), dt.date(2026, 5, 1)) == (dt.date(2026, 1, 5), dt.date(2026, 5, 1))


def test_before_after_rates_on_the_fixture(metrics_db):
    found = facilities.windows(TST, dt.date(2026, 5, 12))  # 11 May against 12 May
    before = run_query(metrics_db, "facility_use_rates", found.before).set_index("facility")
    after = run_query(metrics_db, "facility_use_rates", found.after).set_index("facility")
    # wheelchair: 11 May lansia T1 + disabilitas T2 = 2 visits, no use; 12 May lansia T7 = 1 visit, F3 -> 100
    assert (before.at["kursi_roda", "uses"], before.at["kursi_roda", "eligible_visits"]) == (0, 2)
    assert after.at["kursi_roda", "uses_per_100"] == pytest.approx(100.0)
    # lactation room: F1 before, F2 after, no eligible visit on either side
    assert (before.at["ruang_laktasi", "uses"], after.at["ruang_laktasi", "uses"]) == (1, 1)


# ------------------------------------------------------------------------------------------------ the page (AppTest)


def test_page_on_the_fixture(metrics_db):
    at = app_test(metrics_db, page=PAGE, query=TST_QUERY)
    assert not at.exception
    assert at.title[0].value == "Fasilitas"
    shown = metric_values(at)
    assert shown["Ruang laktasi"] == ["—"]  # no eligible visit
    assert shown["Kursi roda"] == ["25,0"]
    assert shown["Ruang tunggu prioritas"] == ["0,0"]
    # rarely used? The lactation room has no rate here, so no finding is stated
    assert not any("jarang dipakai" in w.value for w in at.warning)
    # no layout-change date in this store: the split defaults to the middle of the period, 14 May
    split = at.date_input(key="fasilitas_split_2026-05-11_2026-05-16")
    assert split.value == dt.date(2026, 5, 14)
    assert len(at.get("plotly_chart")) == 4  # rates, weekday x hour, facility x hour, before/after
    table = next(d.value for d in at.dataframe if "Sisi" in d.value.columns)
    assert list(table.columns) == ["Fasilitas", "Sisi", "Dari", "Sampai", "Pemakaian", "Kunjungan yang berhak",
                                   "Pemakaian per 100 kunjungan"]
    # 11-13 May before, 14-16 May after: the wheelchair (F3, 12 May) against T1, T2, T7 (lansia, disabilitas)
    kursi = table.set_index(["Fasilitas", "Sisi"]).loc[("Kursi roda", "Sebelum")]
    assert (kursi["Dari"], kursi["Sampai"], kursi["Pemakaian"], kursi["Kunjungan yang berhak"]) == (
        "11 Mei 2026", "13 Mei 2026", "1", "3")


def test_unused_filters_are_named(metrics_db):
    at = app_test(metrics_db, page=PAGE, query={**TST_QUERY, "jalur": "reguler", "kanal": "m_paspor"})
    assert not at.exception
    notice = next(i.value for i in at.info if "tidak berlaku" in i.value)
    assert "Jalur" in notice and "Kanal" in notice
    assert any("tidak diterapkan pada kunjungan yang berhak" in i.value for i in at.info)
    assert metric_values(at)["Kursi roda"] == ["25,0"]  # the same numbers as without those filters


def test_nothing_matches(metrics_db):
    at = app_test(metrics_db, page=PAGE, query={"periode": "custom", "dari": "2001-01-01", "sampai": "2001-01-31"})
    assert not at.exception
    assert any("Tidak ada data" in i.value for i in at.info)
    assert not at.metric and not at.get("plotly_chart")


def test_a_group_without_uses(metrics_db):
    # anak: T4 is a visit for the play area and the priority waiting room, nobody used a facility
    at = app_test(metrics_db, page=PAGE, query={**TST_QUERY, "kelompok": "anak"})
    assert not at.exception
    shown = metric_values(at)
    assert (shown["Area bermain anak"], shown["Ruang tunggu prioritas"], shown["Kursi roda"]) == (
        ["0,0"], ["0,0"], ["—"])
    assert len(at.get("plotly_chart")) == 2  # rates and before/after; no use to place in a heatmap
    # umum: no facility is meant for them alone and nobody used one: nothing to show
    at = app_test(metrics_db, page=PAGE, query={**TST_QUERY, "kelompok": "umum"})
    assert not at.exception
    assert any("Tidak ada data" in i.value for i in at.info)


def test_one_day_period_cannot_be_compared(metrics_db):
    at = app_test(metrics_db, page=PAGE, query={"periode": "custom", "dari": "2026-05-12", "sampai": "2026-05-12",
                                                "kantor": "TST"})
    assert not at.exception
    assert any("terlalu pendek" in i.value for i in at.info)


def test_english(metrics_db):
    at = app_test(metrics_db, page=PAGE, query=TST_QUERY)
    at.session_state["f_lang"] = "en"  # see tests/test_page_waktu.py: AppTest and ?bahasa=en on the first run
    at.run()
    assert not at.exception
    assert at.title[0].value == "Facilities"
    assert metric_values(at)["Wheelchair"] == ["25.0"]
    assert any("Before" in c.value or "before" in c.value for c in at.caption)


def test_layout_change_on_the_first_day_of_the_period(demo_db):
    """The demo's layout change (4 May 2026) as the period's first day: no days before it, and not 'outside'."""
    at = app_test(demo_db, page=PAGE, query={"periode": "custom", "dari": "2026-05-04", "sampai": "2026-05-31"})
    assert not at.exception
    assert any("hari pertama periode ini" in i.value for i in at.info)
    assert not any("di luar periode" in i.value for i in at.info)


def test_demo_store_story(demo_db):
    """Default view (June 2026): the family facilities are rarely used; the layout change (early May) lies outside,
    and the button shows the period around it, where both are used more after the change."""
    at = app_test(demo_db, page=PAGE)
    assert not at.exception
    assert any("jarang dipakai" in w.value for w in at.warning)
    assert any("di luar periode ini" in i.value for i in at.info)
    end = dt.date.fromisoformat(DEMO_END)
    rates = run_query(demo_db, "facility_use_rates", Filters(end - dt.timedelta(days=29), end)).set_index("facility")
    assert metric_values(at)["Kursi roda"] == [f"{rates.at['kursi_roda', 'uses_per_100']:.1f}".replace(".", ",")]
    # the button sets the sidebar period to 13 weeks around the change (AppTest runs only the page after a switch,
    # so the new period is opened as its link would open it)
    at.button(key="fasilitas_show_layout").click().run()
    assert not at.exception
    layout = dt.date(2026, 5, 4)  # 120 days up to 30 June start on 2 March; + 60 days, the next Monday
    start, stop = facilities.around(layout, end)
    assert at.session_state["f_periode"] == "custom"
    assert at.session_state["f_range"] == (start, stop) == (dt.date(2026, 2, 2), end)
    at = app_test(demo_db, page=PAGE, query={"periode": "custom", "dari": str(start), "sampai": str(stop)})
    assert not at.exception
    assert any("tata letak diubah pada 4 Mei 2026" in c.value for c in at.caption)
    assert at.date_input(key=f"fasilitas_split_{start}_{stop}").value == layout
    table = next(d.value for d in at.dataframe if "Sisi" in d.value.columns).set_index(["Fasilitas", "Sisi"])
    def count(text: str) -> int:
        return int(text.replace(".", ""))

    for facility in ("Ruang laktasi", "Area bermain anak"):
        before, after = table.loc[(facility, "Sebelum")], table.loc[(facility, "Sesudah")]
        assert count(after["Pemakaian"]) / count(after["Kunjungan yang berhak"]) > count(
            before["Pemakaian"]) / count(before["Kunjungan yang berhak"])
    assert any("**Ruang laktasi**" in m.value for m in at.markdown)
