"""The quota page: its queries on the hand-made store (tests/fixtures.py, every answer worked out by hand below), one
definition with ``metrics.summary``, and the page itself (AppTest): KPI values, the finding, empty filters, each lane,
English and the default view of a demo store.

The fixture week (11-16 May 2026): working days 11, 12, 13 May (14 Ascension Day, 15 cuti bersama), 16 May is a
Saturday service day. TST quotas: prioritas 2 until 12 May then 3; reguler 10; no percepatan quota. OTH prioritas 1.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from kancil.filters import Filters
from kancil.i18n import fmt_pct
from kancil.metrics import kpis, quota
from kancil.store import connection
from tests.helpers import DEMO_END, app_test, metric_values, run_query

PAGE = "views/kuota.py"
WEEK = Filters(date_from=dt.date(2026, 5, 11), date_to=dt.date(2026, 5, 16))
TST = WEEK.replace(office="TST")
TST_QUERY = {"periode": "custom", "dari": "2026-05-11", "sampai": "2026-05-16", "kantor": "TST"}
LANES = ("prioritas", "reguler", "percepatan")


def day(frame: pd.DataFrame, lane: str, date: str) -> dict:
    found = frame[(frame["lane"] == lane) & (frame["tanggal"] == pd.Timestamp(date))]
    assert len(found) == 1, found
    return found.drop(columns=["lane", "tanggal"]).iloc[0].to_dict()


def lane_totals(daily: pd.DataFrame, lanes: tuple[str, ...]) -> dict[str, dict]:
    """The daily query summed per lane, in the shape of summary()["quota"] (as a test would; the page shows the
    summary's own numbers)."""
    out = {}
    for lane in lanes:
        rows = daily[daily["lane"] == lane]
        quota = rows["quota"].sum()
        days, over = int(rows["quota_days"].sum()), int(rows["over_quota_days"].sum())
        out[lane] = {"days": days, "over_quota_days": over, "over_quota_share": over / days if days else None,
                     "fill_rate": float(rows["quota_tickets"].sum() / quota) if quota > 0 else None}
    return out


# ------------------------------------------------------------------------------------------------ queries


def test_daily_tickets_against_the_quota(metrics_db):
    daily = run_query(metrics_db, "quota_daily", TST)
    # prioritas 11 May: T1, T2, T3 (a no-show counts too) = 3 against 2: over, fill 1,5
    assert day(daily, "prioritas", "2026-05-11") == pytest.approx(
        {"tickets": 3, "quota_tickets": 3, "quota": 2,
         "quota_days": 1, "over_quota_days": 1, "fill_rate": 1.5})
    # 12 May: T4 = 1 of 2; 13 May: the new quota 3 and no ticket (a quota day all the same)
    assert day(daily, "prioritas", "2026-05-12")["fill_rate"] == 0.5
    assert day(daily, "prioritas", "2026-05-13") == pytest.approx(
        {"tickets": 0, "quota_tickets": 0, "quota": 3,
         "quota_days": 1, "over_quota_days": 0, "fill_rate": 0.0})
    # 16 May, the Saturday service day: T5 is a ticket without quota, not in the fill rate
    saturday = day(daily, "prioritas", "2026-05-16")
    assert (saturday["tickets"], saturday["quota_tickets"], saturday["quota_days"]) == (1, 0, 0)
    assert pd.isna(saturday["quota"]) and pd.isna(saturday["fill_rate"])
    # 14 and 15 May (holiday, cuti bersama) have neither tickets nor quota: no rows
    assert sorted(daily[daily["lane"] == "prioritas"]["tanggal"].dt.day) == [11, 12, 13, 16]
    # reguler: T6 on 11, T7 on 12 May against 10 each, 13 May 0 of 10; no percepatan quota and no ticket
    assert list(daily[daily["lane"] == "reguler"]["tickets"]) == [1, 1, 0]
    assert "percepatan" not in set(daily["lane"])


def test_daily_query_over_all_offices(metrics_db):
    daily = run_query(metrics_db, "quota_daily", WEEK)
    # 11 May prioritas: TST 3 of 2 (over) + OTH 1 of 1 (not over): 4 of 3, two office-days, one over
    assert day(daily, "prioritas", "2026-05-11") == pytest.approx(
        {"tickets": 4, "quota_tickets": 4, "quota": 3,
         "quota_days": 2, "over_quota_days": 1, "fill_rate": 4 / 3})


@pytest.mark.parametrize("filters", [
    TST, WEEK, TST.replace(lane="prioritas"), TST.replace(lane="reguler"), TST.replace(group="lansia"),
    TST.replace(channel="m_paspor"), TST.replace(service_type="hilang_rusak"), WEEK.replace(office="OTH"),
    Filters(dt.date(2026, 5, 1), dt.date(2026, 5, 31)), Filters(dt.date(2001, 1, 1), dt.date(2001, 1, 31)),
])
def test_daily_totals_equal_the_summary(metrics_db, filters):
    """One definition: the page's daily query summed per lane gives summary()["quota"] for the same filters."""
    with connection.reader(metrics_db) as con:
        expected = kpis.summary(con, filters)["quota"]
    daily = run_query(metrics_db, "quota_daily", filters)
    totals = lane_totals(daily, tuple(expected))
    assert set(totals) == set(expected)
    for lane, numbers in expected.items():
        assert totals[lane] == pytest.approx(numbers), lane


def test_time_the_priority_quota_was_reached(metrics_db):
    reached = run_query(metrics_db, "quota_reached_time", WEEK)
    # Only TST 11 May is over quota (3 > 2): the 2nd ticket by issue time is T2 at 08:05 = minute 485.
    # OTH 11 May has 1 ticket against 1: not over, not listed.
    assert len(reached) == 1
    row = reached.iloc[0]
    assert (row["office_code"], row["tanggal"], row["daily_quota"], row["tickets"]) == (
        "TST", pd.Timestamp("2026-05-11"), 2, 3)
    assert row["reached_at"] == pd.Timestamp("2026-05-11 08:05")
    assert row["reached_minute"] == pytest.approx(485.0)
    assert row["median_reached_minute"] == pytest.approx(485.0)


def test_reached_days_are_the_summary_over_quota_days(metrics_db):
    # with the group filter lansia only T1 counts on 11 May: 1 of 2, no longer over quota
    assert run_query(metrics_db, "quota_reached_time", TST.replace(group="lansia")).empty
    with connection.reader(metrics_db) as con:
        assert kpis.summary(con, TST.replace(group="lansia"))["quota"]["prioritas"]["over_quota_days"] == 0


def test_ticket_mix_by_lane(metrics_db):
    mix = run_query(metrics_db, "ticket_mix_by_lane", TST).set_index(["lane", "dimension", "code"])
    # prioritas T1..T5: lansia 2 (T1, T5), disabilitas, ibu_hamil, anak 1 each; channel m_paspor T2, langsung 4
    assert mix.loc[("prioritas", "applicant_group", "lansia"), "tickets"] == 2
    assert mix.loc[("prioritas", "applicant_group", "lansia"), "share"] == pytest.approx(0.4)
    assert mix.loc[("prioritas", "channel", "m_paspor"), "share"] == pytest.approx(0.2)
    assert mix.loc[("prioritas", "channel", "langsung"), "lane_tickets"] == 5
    # reguler T6 umum, T7 lansia, both walk-in
    assert mix.loc[("reguler", "applicant_group", "umum"), "share"] == pytest.approx(0.5)
    assert mix.loc[("reguler", "channel", "langsung"), "share"] == pytest.approx(1.0)
    assert len(mix) == 4 + 2 + 2 + 1


def test_coverage_by_group(metrics_db):
    cover = run_query(metrics_db, "coverage_by_group", TST)
    groups = cover[cover["applicant_group"].notna()].set_index("applicant_group")
    # lansia: T1, T5 in prioritas, T7 in reguler -> 2 of 3; disabilitas T2, ibu_hamil T3, anak T4: 1 of 1 each
    assert groups.loc["lansia", ["in_prioritas", "in_reguler", "n"]].tolist() == [2, 1, 3]
    assert groups.loc["lansia", "coverage"] == pytest.approx(2 / 3)
    assert list(groups.index) == ["anak", "disabilitas", "ibu_hamil", "lansia"]
    # total (applicant_group null): 5 of 6; T6 (umum) is not vulnerable
    total = cover[cover["applicant_group"].isna()].iloc[0]
    assert (total["in_prioritas"], total["n"]) == (5, 6)
    assert total["coverage"] == pytest.approx(5 / 6)


def test_coverage_ignores_the_lane_filter_and_may_be_empty(metrics_db):
    assert run_query(metrics_db, "coverage_by_group", TST.replace(lane="reguler")).equals(
        run_query(metrics_db, "coverage_by_group", TST))
    umum = run_query(metrics_db, "coverage_by_group", TST.replace(group="umum"))
    assert len(umum) == 1 and umum["n"].iloc[0] == 0 and pd.isna(umum["coverage"].iloc[0])


def test_calendar_grid(metrics_db):
    grid = quota.calendar_grid(run_query(metrics_db, "quota_daily", TST)[lambda d: d["lane"] == "prioritas"])
    # one week (Monday 11 May), Monday-Friday rows; 14 and 15 May are no quota days (empty)
    assert list(grid.columns) == [dt.date(2026, 5, 11)]
    assert grid[dt.date(2026, 5, 11)].tolist()[:3] == [1.5, 0.5, 0.0]
    assert grid[dt.date(2026, 5, 11)].isna().tolist() == [False, False, False, True, True]


# ------------------------------------------------------------------------------------------------ the page (AppTest)


def test_page_kpis_equal_the_summary(metrics_db):
    at = app_test(metrics_db, page=PAGE, query=TST_QUERY)
    assert not at.exception
    assert at.title[0].value == "Kuota"
    shown = metric_values(at)
    # prioritas: 1 over-quota day of 3; fill 4/7 = 57,1%; reguler 2/30 = 6,7%; percepatan has no quota: —
    assert shown["Hari di atas kuota Prioritas"] == ["1 dari 3"]
    assert shown["Keterisian Prioritas"] == ["57,1%"]
    assert shown["Keterisian Reguler"] == ["6,7%"]
    assert shown["Keterisian Percepatan"] == ["—"]
    # coverage 5 of 6 vulnerable applicants in prioritas
    assert shown["Cakupan jalur prioritas"] == ["83,3%"]
    assert any("pada 1 dari 3 hari kuota (33%)" in w.value and "pukul 08.05" in w.value for w in at.warning)
    assert len(at.get("plotly_chart")) == 5  # daily, calendar, quota reached, mix, coverage; the forecast is folded
    # the coverage table behind the chart, for people: the catalogue's labels, codes by name, Indonesian numbers
    table = next(d.value for d in at.dataframe if "Cakupan prioritas" in d.value.columns)
    assert list(table.columns) == ["Kelompok", "Di jalur prioritas", "Di jalur reguler", "Pemohon rentan",
                                   "Cakupan prioritas"]
    assert table.iloc[-1].tolist() == ["Semua kelompok rentan", "5", "1", "6", "83,3%"]
    assert table.set_index("Kelompok").loc["Lansia"].tolist() == ["2", "1", "3", "66,7%"]


def test_page_lane_radio_switches_the_daily_chart(metrics_db):
    at = app_test(metrics_db, page=PAGE, query=TST_QUERY)
    assert at.radio(key="grafik_jalur").options == ["Prioritas", "Reguler"]  # no percepatan ticket nor quota
    at.radio(key="grafik_jalur").set_value("reguler").run()
    assert not at.exception
    assert any("Tiket jalur Reguler per tanggal" in c.value for c in at.caption)


def test_nothing_matches(metrics_db):
    at = app_test(metrics_db, page=PAGE, query={"periode": "custom", "dari": "2001-01-01", "sampai": "2001-01-31"})
    assert not at.exception
    assert any("Tidak ada data" in i.value for i in at.info)
    assert not at.metric and not at.get("plotly_chart")


@pytest.mark.parametrize("lane", LANES)
def test_each_lane(metrics_db, lane):
    at = app_test(metrics_db, page=PAGE, query={**TST_QUERY, "jalur": lane})
    assert not at.exception
    shown = metric_values(at)
    if lane == "percepatan":  # the fixture has neither a percepatan ticket nor a percepatan quota
        assert any("Tidak ada data" in i.value for i in at.info) and not shown
        return
    assert [k for k in shown if k.startswith("Keterisian")] == [f"Keterisian {lane.capitalize()}"]
    if lane == "prioritas":
        assert shown["Keterisian Prioritas"] == ["57,1%"]
        assert any("pukul 08.05" in w.value for w in at.warning)
    else:
        assert shown["Keterisian Reguler"] == ["6,7%"]
        assert shown["Hari di atas kuota Reguler"] == ["0 dari 3"]
        assert any("hanya menyangkut jalur prioritas" in i.value for i in at.info)
    assert shown["Cakupan jalur prioritas"] == ["83,3%"]  # coverage compares both lanes whatever the filter


def test_group_filter_is_explained(metrics_db):
    at = app_test(metrics_db, page=PAGE, query={**TST_QUERY, "kelompok": "umum"})
    assert not at.exception
    assert any("hanya tiket yang cocok" in i.value for i in at.info)
    assert any("Tidak ada tiket pemohon rentan" in i.value for i in at.info)
    assert metric_values(at)["Cakupan jalur prioritas"] == ["—"]


def in_english(at):
    """Switch the session to English after the page switch (as tests/test_page_waktu.py does: a link's ?bahasa=en on
    the first run trips AppTest, which formats the sidebar's choices outside the run)."""
    at.session_state["f_lang"] = "en"
    return at.run()


def test_english(metrics_db):
    at = in_english(app_test(metrics_db, page=PAGE, query=TST_QUERY))
    assert not at.exception
    assert at.title[0].value == "Quota"
    shown = metric_values(at)
    assert shown["Over-quota days, Priority"] == ["1 of 3"]
    assert shown["Fill rate, Priority"] == ["57.1%"]
    assert any("on 1 of 3 quota days" in w.value and "at about 08:05" in w.value for w in at.warning)


def test_demo_store_default_view(demo_db):
    """The default view on a demo store (30 days up to 30 June 2026): KPIs equal the summary, the finding shown."""
    at = app_test(demo_db, page=PAGE)
    assert not at.exception
    at.run()
    assert not at.exception
    end = dt.date.fromisoformat(DEMO_END)
    with connection.reader(demo_db) as con:
        s = kpis.summary(con, Filters(end - dt.timedelta(days=29), end))
    shown = metric_values(at)
    for lane in LANES:
        assert shown[f"Keterisian {lane.capitalize()}"] == [fmt_pct(s["quota"][lane]["fill_rate"], "id", 1)]
    q = s["quota"]["prioritas"]
    assert shown["Hari di atas kuota Prioritas"] == [f"{q['over_quota_days']} dari {q['days']}"]
    assert q["over_quota_days"] > 0  # the demo's story: priority demand above the priority quota on busy days
    assert any("Permohonan prioritas melebihi kuota harian prioritas" in w.value for w in at.warning)
    assert len(at.get("plotly_chart")) == 5  # the demand forecast (Perkiraan permintaan) is folded, not computed
    at.query_params["perkiraan"] = "true"  # opened (the section is bound to the URL): now it is computed and drawn
    at.run()
    assert not at.exception
    assert len(at.get("plotly_chart")) == 6


def test_the_forecast_is_not_computed_until_its_section_is_opened(demo_db, monkeypatch, caplog):
    """The folded "Perkiraan permintaan" costs nothing: no forecast_days computation (the KANCIL_BENCH run log
    lists every result-cache miss of a run) until the section is opened, then exactly one."""
    import logging

    import streamlit as st

    st.cache_data.clear()  # other tests of this process may have computed it
    monkeypatch.setenv("KANCIL_BENCH", "1")
    with caplog.at_level(logging.WARNING, logger="kancil.bench"):
        at = app_test(demo_db, page=PAGE)
        assert [e.label for e in at.expander if "perkiraan" in e.label] == [
            "Buka untuk menghitung perkiraan jalur Prioritas (model musiman; beberapa detik pada buka pertama)"]
        at.query_params["perkiraan"] = "true"
        at.run()
    runs = [r.getMessage() for r in caplog.records if "KANCIL_BENCH run" in r.getMessage() and "page=kuota" in
            r.getMessage()]
    missed = [m.split("misses=")[1].partition(" ")[2].split(",") for m in runs]
    assert [names.count("forecast_days") for names in missed] == [0, 1]
    assert "quota_daily" in missed[0] and missed[1] == ["forecast_days"]
