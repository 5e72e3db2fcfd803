"""The morning briefing page: exactly the numbers of `python -m kancil summary` for the same day and office, the
findings first with links to the exact view, the sidebar's other filters without effect, a non-working day moved
to the last working day, and offices side by side with findings that name the office."""

from __future__ import annotations

import datetime as dt

from kancil.briefing import morning
from kancil.filters import Filters
from kancil.metrics import kpis
from kancil.store import connection
from tests.fixtures import load_rows
from tests.helpers import app_test, metric_values

DAY = {"hari": "2026-05-11", "kantor": "TST"}


def test_briefing_numbers_equal_the_summary(metrics_db):
    at = app_test(metrics_db, query=DAY)
    assert not at.exception
    with connection.reader(metrics_db) as con:
        s = kpis.summary(con, Filters(dt.date(2026, 5, 11), dt.date(2026, 5, 11), office="TST"))
    shown = metric_values(at)
    # per lane in the order prioritas, reguler, percepatan; quota on 11 May: prioritas 2, reguler 10, none
    assert s["tickets"] == {"prioritas": 3, "reguler": 1, "percepatan": 0}
    assert shown["Tiket/kuota"] == ["3/2", "1/10", "0"]
    assert shown["Tdk hadir"] == [str(s["no_show"][lane]) for lane in ("prioritas", "reguler", "percepatan")]
    # prioritas waits on 11 May: 10 and 20 minutes -> median 15,0 and p90 19,0; reguler 60
    assert s["wait_minutes"]["prioritas"]["median"] == 15.0
    assert shown["Tunggu median"] == ["15,0", "60,0", "—"]
    assert shown["Tunggu p90"] == ["19,0", "60,0", "—"]


def test_briefing_lists_attention_with_links(metrics_db):
    at = app_test(metrics_db, query=DAY)
    warnings = [w.value for w in at.warning]
    # priority p90 wait 19,0 > 15 target: a finding. Priority completion over the last 30 days (A2 = 2, A3 = 0
    # working days: median 1) is shorter than reguler (none issued yet): no finding. Up to 11 May no vulnerable
    # applicant took a reguler ticket: no finding.
    assert any("p90 19,0 menit, di atas target 15,0" in w for w in warnings)
    assert not any("tidak lebih cepat" in w for w in warnings)
    assert not any("pemohon rentan" in w for w in warnings)
    links = [p.label for p in at.get("page_link") if p.label == "Lihat"]
    assert len(links) == len([w for w in warnings if "DATA CONTOH" not in w])


def test_vulnerable_applicants_in_reguler_are_flagged(metrics_db):
    # up to 12 May: T1, T2, T3, T4 (prioritas) and T7 (lansia in reguler) -> 1 of 5 = 20,0% >= 5%
    at = app_test(metrics_db, query={"hari": "2026-05-12", "kantor": "TST"})
    assert any("20,0% pemohon rentan (1 orang) dilayani di jalur reguler" in w.value for w in at.warning)


def test_default_day_is_the_last_working_day(metrics_db):
    with connection.reader(metrics_db) as con:
        # 14 May is Ascension Day, 15 May its cuti bersama, 16-17 May the weekend
        assert morning.default_day(con, dt.date(2026, 5, 17)) == dt.date(2026, 5, 13)
        assert morning.default_day(con, dt.date(2026, 5, 13), "TST") == dt.date(2026, 5, 13)


def test_briefing_in_english(metrics_db):
    at = app_test(metrics_db, query={**DAY, "bahasa": "en"})
    assert at.title[0].value == "Morning briefing"
    assert metric_values(at)["Median wait"] == ["15.0", "60.0", "—"]


def test_a_non_working_day_opens_the_last_working_day(metrics_db):
    # Sunday 17 May: the last working day before it is 13 May (14 holiday, 15 cuti bersama, 16 Saturday)
    at = app_test(metrics_db, query={"hari": "2026-05-17", "kantor": "TST"})
    assert not at.exception
    assert any("17 Mei 2026 bukan hari kerja" in i.value and "13 Mei 2026" in i.value for i in at.info)
    assert any("Rabu, 13 Mei 2026 · TST" in m.value for m in at.markdown)
    assert any("Tidak ada data" in i.value for i in at.info)  # 13 May has no ticket in the fixture


def test_a_day_without_tickets_says_so(metrics_db):
    at = app_test(metrics_db, query={"hari": "2026-05-20", "kantor": "OTH"})  # OTH has one ticket, on 11 May
    assert not at.exception
    assert any("Tidak ada data" in i.value for i in at.info)
    assert not at.metric


def links(at) -> list[tuple[str, str]]:
    """The "Lihat" links of the findings: the page's URL path and the view's query string."""
    return [(p.proto.page, p.proto.query_string) for p in at.get("page_link") if p.proto.label == "Lihat"]


def test_each_link_opens_the_view_that_shows_the_evidence(metrics_db):
    at = app_test(metrics_db, query=DAY)
    # the priority p90 wait of 11 May: the queue tab, the priority lane, that day, that office
    assert links(at)[0] == ("waktu-layanan",
                            "periode=custom&dari=2026-05-11&sampai=2026-05-11&kantor=TST&jalur=prioritas&tab=Antrean")
    # unused facilities: the facility page, that facility, the five working days looked back (5-11 May)
    kursi = ("fasilitas", "periode=custom&dari=2026-05-05&sampai=2026-05-11&kantor=TST&fasilitas=Kursi+roda")
    assert kursi in links(at)
    # 12 May: T7 (lansia) in reguler, 1 of 5 vulnerable applicants: the coverage on Kuota, over the last 30 days
    second = app_test(metrics_db, query={"hari": "2026-05-12", "kantor": "TST"})
    assert ("kuota", "periode=custom&dari=2026-04-13&sampai=2026-05-12&kantor=TST") in links(second)


def test_the_sidebar_filters_do_not_change_the_briefing(metrics_db):
    plain = app_test(metrics_db, query=DAY)
    filtered = app_test(metrics_db, query={**DAY, "jalur": "reguler", "kelompok": "lansia", "kanal": "m_paspor"})
    assert not filtered.exception
    assert metric_values(filtered) == metric_values(plain)
    assert [w.value for w in filtered.warning] == [w.value for w in plain.warning]
    assert any("tidak berlaku di sini" in c.value and "Jalur" in c.value for c in filtered.caption)


def test_coverage_ikm_by_lane_and_open_cases_on_the_page(metrics_db):
    at = app_test(metrics_db, query={"hari": "2026-05-12", "kantor": "TST"})
    shown = metric_values(at)
    # last 30 days up to 12 May: T1..T4 in prioritas, T7 in reguler: 4 of 5; A6 was resolved the same day
    assert shown["Cakupan prioritas (30 hari)"] == ["80,0%"]
    assert shown["Kasus ketidaksesuaian terbuka"] == ["0"]
    assert any("Prioritas 77,78 (n = 2) · Reguler 75,00 (n = 1)" in c.value for c in at.caption)


# ------------------------------------------------------------------------------------------------ offices side by side
# Offices AAA and BBB, Monday 8 to Friday 12 June 2026 (no holiday): AAA has a priority quota of 2 and 3 priority
# tickets every day (over quota 5 of 5 days); BBB a quota of 5 and 1 ticket a day.

def _ticket(tid, office, day, minute):
    at = f"2026-06-{day:02d} 08:{minute:02d}"
    return dict(ticket_id=tid, office_code=office, lane="prioritas", applicant_group="lansia", service_type="baru",
                channel="langsung", issued_at=at, called_at=at, service_start=at, service_end=at, counter="P1",
                officer_id="PTG01", status="selesai")


def test_offices_side_by_side_name_the_office_and_count_office_days(tmp_path):
    tickets = [_ticket(f"A{d}{i}", "AAA", d, i) for d in range(8, 13) for i in range(3)]
    tickets += [_ticket(f"B{d}", "BBB", d, 0) for d in range(8, 13)]
    kuota = [dict(office_code=o, lane="prioritas", valid_from="2026-01-01", valid_to=None, daily_quota=q)
             for o, q in (("AAA", 2), ("BBB", 5))]
    db = load_rows(tmp_path / "offices.duckdb", {"kuota": kuota, "antrian": tickets}, "offices")
    with connection.reader(db) as con:
        brief = morning.build(con, dt.date(2026, 6, 12))
    over = [a for a in brief["attention"] if a["rule"] == "over_quota_offices"]
    assert len(over) == 1 and over[0]["offices"] == ["AAA"]
    assert morning.attention_text(over[0], "id") == (
        "Kuota prioritas terlampaui di 1 kantor: AAA 5 dari 5 hari kuota (ambang: 3 dari 5 hari kerja).")
    assert [(r["office_code"], r["over_quota_days"], r["quota_days"], r["alerts"]) for r in brief["offices"]] == [
        ("AAA", 5, 5, 1), ("BBB", 0, 5, 0)]
    at = app_test(db, query={"hari": "2026-06-12"})
    assert not at.exception
    table = next(d.value for d in at.dataframe if "Hari di atas kuota" in d.value.columns)
    assert list(table["Kantor"]) == ["AAA", "BBB"] and list(table["Hari di atas kuota"]) == ["5", "0"]
    assert len(at.get("plotly_chart")) == 2  # the four weeks' comparison and the offices' small multiples
