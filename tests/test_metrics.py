"""Every summary metric on the hand-made store of tests/fixtures.py; each expected value is worked out below."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kancil.filters import Filters
from kancil.metrics import ikm
from tests.helpers import store_summary

WEEK = Filters(date_from=dt.date(2026, 5, 11), date_to=dt.date(2026, 5, 16))
TST = WEEK.replace(office="TST")


def test_tickets_and_no_shows_per_lane(metrics_db):
    s = store_summary(metrics_db, TST)
    # prioritas T1..T5 (T5 on the Saturday service day counts too), reguler T6, T7, no percepatan
    assert s["tickets"] == {"prioritas": 5, "reguler": 2, "percepatan": 0}
    assert s["no_show"] == {"prioritas": 1, "reguler": 0, "percepatan": 0}


def test_office_filter_and_all_offices(metrics_db):
    assert store_summary(metrics_db, WEEK)["tickets"]["prioritas"] == 6  # + OTH's X1
    assert store_summary(metrics_db, WEEK.replace(office="OTH"))["tickets"]["prioritas"] == 1


def test_wait_quantiles_are_linear(metrics_db):
    s = store_summary(metrics_db, TST)
    # prioritas waits 5, 10, 20, 40 (T3 never called): median (10+20)/2 = 15; p90 at 0.9*3 = 2.7: 20 + 0.7*20 = 34
    assert s["wait_minutes"]["prioritas"] == pytest.approx({"n": 4, "median": 15.0, "p90": 34.0})
    # reguler 30, 60: median 45; p90 = 30 + 0.9*30 = 57
    assert s["wait_minutes"]["reguler"] == pytest.approx({"n": 2, "median": 45.0, "p90": 57.0})
    assert s["wait_minutes"]["percepatan"] == {"n": 0, "median": None, "p90": None}


def test_wait_over_all_offices(metrics_db):
    # + X1's 2 minutes: 2, 5, 10, 20, 40 -> median 10; p90 at 3.6: 20 + 0.6*20 = 32
    assert store_summary(metrics_db, WEEK)["wait_minutes"]["prioritas"] == pytest.approx(
        {"n": 5, "median": 10.0, "p90": 32.0})


def test_service_minutes(metrics_db):
    s = store_summary(metrics_db, TST)
    # prioritas 4, 8, 10, 15: median 9; p90 = 10 + 0.7*5 = 13.5
    assert s["service_minutes"]["prioritas"] == pytest.approx({"n": 4, "median": 9.0, "p90": 13.5})
    assert s["service_minutes"]["reguler"] == pytest.approx({"n": 2, "median": 15.0, "p90": 19.0})


def test_quota_days_and_fill_rate_with_quota_change(metrics_db):
    s = store_summary(metrics_db, TST)
    # working days 11, 12, 13 May (14 holiday, 15 cuti bersama, 16 Saturday service day is no quota day)
    # prioritas: 11 May 3 tickets / quota 2 (over), 12 May 1 / 2, 13 May 0 / 3 (new quota) -> 4 / 7
    assert s["quota"]["prioritas"] == pytest.approx({"days": 3, "over_quota_days": 1, "over_quota_share": 1 / 3,
                                                     "fill_rate": 4 / 7})
    assert s["quota"]["reguler"] == pytest.approx({"days": 3, "over_quota_days": 0, "over_quota_share": 0.0,
                                                   "fill_rate": 2 / 30})
    assert s["quota"]["percepatan"] == {"days": 0, "over_quota_days": 0, "over_quota_share": None, "fill_rate": None}


def test_quota_is_per_office(metrics_db):
    # OTH adds 3 office-days of quota 1 with tickets 1, 0, 0 (1 is not over 1): (4 + 1) / (7 + 3)
    s = store_summary(metrics_db, WEEK)
    assert s["quota"]["prioritas"] == pytest.approx({"days": 6, "over_quota_days": 1, "over_quota_share": 1 / 6,
                                                     "fill_rate": 0.5})


def test_completion_working_days_across_holiday_and_cuti_bersama(metrics_db):
    s = store_summary(metrics_db, TST)
    # prioritas A1 13->18 May = 1 (14 holiday, 15 cuti bersama), A2 = 2, A3 same day = 0: median 1, p90 1.8
    assert s["completion_workdays"]["prioritas"] == pytest.approx({"n": 3, "median": 1.0, "p90": 1.8})
    # reguler A4 12->19 = 3, A7 13->19 = 2 (A5 not issued): median 2.5, p90 2.9
    assert s["completion_workdays"]["reguler"] == pytest.approx({"n": 2, "median": 2.5, "p90": 2.9})
    assert s["completion_workdays"]["percepatan"] == pytest.approx({"n": 1, "median": 0.0, "p90": 0.0})


def test_bap(metrics_db):
    s = store_summary(metrics_db, TST)
    assert s["bap"]["reguler"] == pytest.approx({"applications": 3, "bap": 2, "median_bap_minutes": 67.5})
    assert s["bap"]["prioritas"] == {"applications": 3, "bap": 0, "median_bap_minutes": None}


def test_ikm_with_unanswered_element(metrics_db):
    ikm = store_summary(metrics_db, TST)["ikm"]
    # u1..u8: (4+3+2)/3 = 3.0; u9: (4+3)/2 = 3.5 (S3 left it empty); IKM = 27.5/9; score = 76.39 -> C
    assert ikm["responses"] == 3
    assert ikm["elements"]["u1"] == pytest.approx(3.0)
    assert ikm["elements"]["u9"] == pytest.approx(3.5)
    assert ikm["score"] == pytest.approx(27.5 / 9 * 25)
    assert ikm["category"] == "C"


def test_ikm_by_lane_filter(metrics_db):
    reguler = store_summary(metrics_db, TST.replace(lane="reguler"))["ikm"]
    assert reguler["responses"] == 1 and reguler["score"] == pytest.approx(75.0) and reguler["category"] == "C"


def test_ikm_by_lane_in_the_summary(metrics_db):
    # prioritas: S1 (all 4) and S3 (2 on u1..u8, u9 unanswered): u1..u8 = 3.0, u9 = 4.0 -> 28/9 x 25 = 77.78;
    # reguler: S2 all 3 -> 75.0; no percepatan response
    by_lane = store_summary(metrics_db, TST)["ikm"]["by_lane"]
    assert by_lane == {"prioritas": {"responses": 2, "score": pytest.approx(28 / 9 * 25)},
                       "reguler": {"responses": 1, "score": pytest.approx(75.0)},
                       "percepatan": {"responses": 0, "score": None}}


def test_coverage_one_definition(metrics_db):
    # vulnerable (not umum) tickets in prioritas or reguler, every status: prioritas T1..T5 (T3 a no-show counts),
    # reguler T7 (lansia; T6 is umum): 6 people, 5 in prioritas
    expected = {"vulnerable": 6, "in_prioritas": 5, "in_reguler": 1, "share": pytest.approx(5 / 6)}
    assert store_summary(metrics_db, TST)["coverage"] == expected
    assert store_summary(metrics_db, TST.replace(lane="reguler"))["coverage"] == expected  # --lane does not apply
    # --group does: lansia T1, T5 in prioritas, T7 in reguler
    assert store_summary(metrics_db, TST.replace(group="lansia"))["coverage"] == {
        "vulnerable": 3, "in_prioritas": 2, "in_reguler": 1, "share": pytest.approx(2 / 3)}
    empty = store_summary(metrics_db, Filters(date_from=dt.date(2020, 1, 1), date_to=dt.date(2020, 1, 31)))
    assert empty["coverage"] == {"vulnerable": 0, "in_prioritas": 0, "in_reguler": 0, "share": None}


def test_open_mismatches_as_of_the_last_day(metrics_db):
    # A6 reported 12 May, resolved 12 May 15:00; A7 reported 20 May 09:00, never resolved
    assert store_summary(metrics_db, TST)["mismatch"]["open"] == 0  # as of 16 May: A7 not reported yet
    to_20 = TST.replace(date_to=dt.date(2026, 5, 20))
    assert store_summary(metrics_db, to_20)["mismatch"]["open"] == 1
    # the rule does not depend on when the application was submitted: a period starting after both submissions
    assert store_summary(metrics_db, to_20.replace(date_from=dt.date(2026, 5, 19)))["mismatch"]["open"] == 1


@pytest.mark.parametrize(
    ("score", "letter"),
    [(25.0, "D"), (64.99, "D"), (64.994, "D"), (64.995, "C"), (65.0, "C"), (76.60, "C"), (76.604, "C"),
     (76.61, "B"), (88.30, "B"), (88.304, "B"), (88.31, "A"), (100.0, "A"), (None, None)],
)
def test_ikm_category_boundaries(score, letter):
    assert ikm.ikm_category(score) == letter


def test_facility_uses(metrics_db):
    s = store_summary(metrics_db, TST)
    assert s["facility_uses"] == {"ruang_laktasi": 2, "area_bermain_anak": 0, "kursi_roda": 1,
                                  "ruang_tunggu_prioritas": 0, "toilet_disabilitas": 0}


def test_mismatch(metrics_db):
    # A6 resolved in 6 hours; A7 (submitted 13 May) unresolved
    assert store_summary(metrics_db, TST)["mismatch"] == {"cases": 2, "resolved": 1, "median_resolution_hours": 6.0,
                                                          "open": 0}


def test_lane_filter_keeps_only_that_lane(metrics_db):
    s = store_summary(metrics_db, TST.replace(lane="reguler"))
    assert s["tickets"] == {"reguler": 2}
    assert set(s["quota"]) == {"reguler"}
    # fasilitas has no lane: --lane leaves facility uses unfiltered
    assert s["facility_uses"]["ruang_laktasi"] == 2


def test_group_filter(metrics_db):
    s = store_summary(metrics_db, TST.replace(group="lansia"))
    assert s["tickets"]["prioritas"] == 2 and s["tickets"]["reguler"] == 1  # T1, T5; T7
    assert s["facility_uses"]["kursi_roda"] == 1 and s["facility_uses"]["ruang_laktasi"] == 0


def test_empty_period_gives_nulls_not_zeros(metrics_db):
    s = store_summary(metrics_db, Filters(date_from=dt.date(2020, 1, 1), date_to=dt.date(2020, 1, 31)))
    assert s["tickets"]["prioritas"] == 0
    assert s["wait_minutes"]["prioritas"]["median"] is None
    assert s["ikm"] == {"responses": 0, "score": None, "category": None,
                        "elements": {f"u{i}": None for i in range(1, 10)},
                        "by_lane": {lane: {"responses": 0, "score": None} for lane in ("prioritas", "reguler",
                                                                                       "percepatan")}}
    assert s["mismatch"]["median_resolution_hours"] is None


def test_krejcie_morgan_table_values():
    assert [ikm.krejcie_morgan(n) for n in (100, 500, 1000, 5000, 10**7)] == [80, 217, 278, 357, 384]


def test_cli_summary_prints_the_same_object(metrics_db):
    out = subprocess.run(
        [sys.executable, "-m", "kancil", "summary", "--db", str(metrics_db), "--from", "2026-05-11",
         "--to", "2026-05-16", "--office", "TST", "--json"],
        capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parent.parent,
    )
    printed = json.loads(out.stdout)
    assert printed == json.loads(json.dumps(store_summary(metrics_db, TST)))
    assert printed["period"] == {"from": "2026-05-11", "to": "2026-05-16"}
    assert printed["quota"]["prioritas"]["over_quota_days"] == 1
