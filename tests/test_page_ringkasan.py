"""The morning briefing page shows exactly the numbers of `python -m kancil summary` for the same day."""

from __future__ import annotations

import datetime as dt

from kancil.briefing import morning
from kancil.filters import Filters
from kancil.metrics import kpis
from kancil.store import connection
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


def test_a_day_without_tickets_says_so(metrics_db):
    at = app_test(metrics_db, query={"hari": "2026-05-17", "kantor": "TST"})
    assert not at.exception
    assert any("Tidak ada data" in i.value for i in at.info)
    assert not at.metric
