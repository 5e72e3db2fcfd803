"""The satisfaction page: its queries on hand-made stores (every expected value worked out by hand below) and the page
itself (AppTest): the same IKM as ``metrics.summary``, the sample size, the comment search, empty filters, English.

Two stores: ``metrics_db`` (tests/fixtures.py: three responses S1-S3 in the week of 11-16 May 2026) and a small one
built here for what that store has no case of: responses linked to queue tickets, comments and info sources.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kancil.filters import Filters
from kancil.i18n import CATALOGUE, fmt_num
from kancil.metrics import ikm, satisfaction, stats
from kancil.store import connection, queries
from tests.fixtures import load_rows
from tests.helpers import DEMO_END, app_test, run_query, store_summary, table_as_read, table_with

PAGE = "views/kepuasan.py"
WEEK = Filters(date_from=dt.date(2026, 5, 11), date_to=dt.date(2026, 5, 16))
TST = WEEK.replace(office="TST")
TST_QUERY = {"periode": "custom", "dari": "2026-05-11", "sampai": "2026-05-16", "kantor": "TST"}
# The fixture's responses: S1 prioritas/lansia all 4, S2 reguler/umum all 3, S3 prioritas/lansia u1..u8 = 2 and u9
# unanswered. NRR u1..u8 = (4+3+2)/3 = 3.0, u9 = (4+3)/2 = 3.5; Σ = 27.5; score = 27.5/9 x 25 = 76.39 -> C.
TST_SCORE = 27.5 / 9 * 25
# prioritas (S1, S3): u1..u8 = (4+2)/2 = 3, u9 = 4 (S3 blank); Σ = 28; score = 28/9 x 25 = 77.78 -> B
PRIORITAS_SCORE = 28 / 9 * 25


# ------------------------------------------------------------------------------------------------ an extra store
# Office KPS, Wednesday 10 June 2026, and office OTH with a ticket of the same number K1.

J = "2026-06-10 "


def _ticket(tid, lane, group, wait_minutes, office="KPS"):
    issued = pd.Timestamp(J + "08:00")
    called = issued + pd.Timedelta(minutes=wait_minutes)
    return dict(ticket_id=tid, office_code=office, lane=lane, applicant_group=group, service_type="baru",
                channel="langsung", issued_at=issued, called_at=called, service_start=called,
                service_end=called + pd.Timedelta(minutes=10), counter="P1", officer_id="PTG01", status="selesai")


KPS_TICKETS = [
    _ticket("K1", "prioritas", "lansia", 10),  # wait 0-15
    _ticket("K6", "prioritas", "lansia", 12),  # wait 0-15
    _ticket("K2", "prioritas", "disabilitas", 20),  # wait 15-30
    _ticket("K3", "reguler", "umum", 45),  # wait 30-60
    _ticket("K4", "reguler", "umum", 90),  # wait 60+
    _ticket("K5", "percepatan", "umum", 5),
    _ticket("K1", "reguler", "umum", 70, office="OTH"),  # same ticket number at another office: wait 60+
]


def _resp(rid, at, ticket, u3, lane, group, info, comment, office="KPS"):
    row = dict(response_id=rid, office_code=office, submitted_at=J + at, ticket_id=ticket, lane=lane,
               applicant_group=group, info_source=info, comment=comment)
    row.update({f"u{i}": 3 for i in range(1, 10)})
    row["u3"] = u3
    return row


KPS_RESPONSES = [
    _resp("R1", "09:00", "K1", 4, "prioritas", "lansia", "media_sosial", "Petugas ramah"),
    _resp("R2", "09:10", "K2", 3, "prioritas", "disabilitas", "media_sosial", "=SUM(1+1) coba"),
    _resp("R3", "09:20", "K3", 2, "reguler", "umum", "petugas", "Antrean 50% lebih lama"),
    _resp("R4", "09:30", "K4", 1, "reguler", "umum", None, "+mantap"),
    _resp("R5", "09:40", None, 4, "reguler", "umum", "website", "antrean 500 menit"),  # not linked
    _resp("R6", "09:45", "K9", 3, "reguler", "umum", "petugas", "   "),  # no such ticket; a blank comment
    _resp("R7", "09:47", "K5", None, "percepatan", "umum", "media_sosial", None),  # U3 unanswered
    _resp("R9", "09:50", "K6", 2, "prioritas", "lansia", "media_sosial", "antrean_lama"),
    _resp("R8", "09:55", "K1", 1, "reguler", "umum", "petugas", "dari kantor lain", office="OTH"),
]
KPS_APPLICATIONS = [
    dict(application_id=f"B{i}", ticket_id=None, office_code="KPS", lane="reguler", applicant_group="umum",
         service_type="baru", submitted_at=J + "10:00", bap_required="tidak", bap_start=None, bap_end=None,
         paid_at=None, issued_at=None, collected_at=None, mismatch="0", mismatch_reported_at=None,
         mismatch_resolved_at=None)
    for i in range(1, 11)
]
KPS = Filters(date_from=dt.date(2026, 6, 10), date_to=dt.date(2026, 6, 10), office="KPS")
KPS_QUERY = {"periode": "custom", "dari": "2026-06-10", "sampai": "2026-06-10", "kantor": "KPS"}


@pytest.fixture(scope="module")
def kps_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return load_rows(tmp_path_factory.mktemp("kepuasan") / "kps.duckdb",
                     {"antrian": KPS_TICKETS, "permohonan": KPS_APPLICATIONS, "survei": KPS_RESPONSES}, "kepuasan")


# ------------------------------------------------------------------------------------------------ the IKM


def on(db: Path, fn, *args, **kwargs):
    """A metric function of kancil.metrics on a store, as the dashboard calls it (staging macros installed)."""
    with connection.reader(db) as con:
        queries.install_macros(con)
        return fn(con, *args, **kwargs)


@pytest.fixture(scope="module")
def weights(metrics_db: Path):
    """The score's weights, read off the one definition (the SQL macro stg_ikm_score)."""
    return on(metrics_db, ikm.score_weights)


def test_the_score_weights_come_from_the_macro(weights):
    w, intercept = weights
    assert w == pytest.approx([25 / 9] * 9) and intercept == pytest.approx(0.0)


def test_headline_equals_the_summary(metrics_db):
    head = on(metrics_db, satisfaction.headline, TST)
    summary = store_summary(metrics_db, TST)["ikm"]
    assert head["score"] == pytest.approx(TST_SCORE) == pytest.approx(summary["score"])
    assert head["category"] == summary["category"] == "C"
    assert head["category_name"] == "Kurang Baik"
    assert head["responses"] == summary["responses"] == 3


def test_score_with_the_rounded_weight(metrics_db):
    # Σ NRR x 0.11 x 25 = 27.5 x 0.11 x 25 = 75.625 (the exact 1/9 gives 76.39)
    assert on(metrics_db, satisfaction.headline, TST)["score_weight_0_11"] == pytest.approx(75.625)
    # 12 May holds S3 only, who left u9 blank: no NRR for u9, so neither score
    only_s3 = on(metrics_db, satisfaction.headline, TST.replace(date_from=dt.date(2026, 5, 12),
                                                               date_to=dt.date(2026, 5, 12)))
    assert only_s3["score"] is None and only_s3["score_weight_0_11"] is None and only_s3["responses"] == 1


def test_category_names_match_the_regulation():
    # the page's Indonesian category names are ikm.ikm_category_name's
    for _lower, letter, name in ikm.IKM_CATEGORIES:
        assert CATALOGUE[f"kepuasan.category.{letter}"][0] == ikm.ikm_category_name(letter) == name


def test_elements_lowest_first(metrics_db):
    frame = on(metrics_db, satisfaction.elements_ranked, TST)
    # u1..u8 = 3.0 (not below the 3.0 line), u9 = 3.5 last
    assert list(frame["element"]) == [f"u{i}" for i in range(1, 10)]
    assert list(frame["nrr"]) == pytest.approx([3.0] * 8 + [3.5])
    assert not frame["below_floor"].any() and set(frame["responses"]) == {3}
    # lane reguler: all 3.0
    assert list(on(metrics_db, satisfaction.elements_ranked, TST.replace(lane="reguler"))["nrr"]) == pytest.approx(
        [3.0] * 9)


def test_trend_by_month_quarter_and_semester(metrics_db):
    month = run_query(metrics_db, "ikm_trend", TST, bucket="month")
    assert len(month) == 1
    row = month.iloc[0]
    assert pd.Timestamp(row["period_start"]).date() == dt.date(2026, 5, 1)
    assert pd.Timestamp(row["period_end"]).date() == dt.date(2026, 5, 31)
    # the chosen range 11-16 May covers part of May only
    assert pd.Timestamp(row["covered_from"]).date() == dt.date(2026, 5, 11)
    assert pd.Timestamp(row["covered_to"]).date() == dt.date(2026, 5, 16)
    assert bool(row["partial"]) and row["responses"] == 3
    assert row["score"] == pytest.approx(TST_SCORE)
    quarter = run_query(metrics_db, "ikm_trend", TST, bucket="quarter").iloc[0]
    assert (pd.Timestamp(quarter["period_start"]).date(), pd.Timestamp(quarter["period_end"]).date()) == (
        dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    semester = run_query(metrics_db, "ikm_trend", TST, bucket="semester").iloc[0]
    assert (pd.Timestamp(semester["period_start"]).date(), pd.Timestamp(semester["period_end"]).date()) == (
        dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert semester["score"] == pytest.approx(TST_SCORE)
    # the whole of May chosen: not partial
    may = TST.replace(date_from=dt.date(2026, 5, 1), date_to=dt.date(2026, 5, 31))
    assert not bool(run_query(metrics_db, "ikm_trend", may, bucket="month").iloc[0]["partial"])


def test_trend_scores_equal_the_response_rows(metrics_db):
    for bucket in satisfaction.BUCKET_COLUMNS:
        with_ci = on(metrics_db, satisfaction.trend_ci, TST, bucket)
        trend = run_query(metrics_db, "ikm_trend", TST, bucket=bucket)
        assert list(with_ci["score"]) == pytest.approx(list(trend["score"]))
        assert list(with_ci["responses"]) == list(trend["responses"])
        # S1, S2, S3 resampled: the interval lies around the score
        assert with_ci["ci_low"].iloc[0] <= with_ci["score"].iloc[0] <= with_ci["ci_high"].iloc[0]


def test_survey_responses_have_no_identifiers(metrics_db):
    rows = run_query(metrics_db, "survey_responses", TST)
    assert len(rows) == 3
    assert not {"response_id", "ticket_id", "comment", "submitted_at"} & set(rows.columns)
    # S3 left u9 blank: a NaN after conversion, not 0
    assert satisfaction.answers(rows)[:, 8].tolist()[:2] == [4.0, 3.0]
    assert pd.isna(satisfaction.answers(rows)[2, 8])


def test_ikm_by_lane_and_group_with_intervals(metrics_db):
    lanes = on(metrics_db, satisfaction.ikm_by_ci, TST, "lane").set_index("category")
    # prioritas S1 + S3: 77.78, n = 2; reguler S2: 75.0, n = 1 (no interval from one response)
    assert lanes.loc["prioritas", "score"] == pytest.approx(PRIORITAS_SCORE)
    assert lanes.loc["prioritas", "responses"] == 2 and lanes.loc["reguler", "responses"] == 1
    assert lanes.loc["reguler", "score"] == pytest.approx(75.0)
    assert lanes.loc["prioritas", "ikm_category"] == "B" and lanes.loc["reguler", "ikm_category"] == "C"
    assert pd.isna(lanes.loc["reguler", "ci_low"]) and lanes["small_n"].all()
    # resampling S1/S3: {S1,S1} -> 100, {S1,S3} -> 77.78, {S3,S3} has no u9 answer and is dropped, so the interval
    # runs from 77.78 to 100
    assert (lanes.loc["prioritas", "ci_low"], lanes.loc["prioritas", "ci_high"]) == pytest.approx(
        (PRIORITAS_SCORE, 100.0))
    # the lane scores equal the summary with that lane filter, and the summary's own by-lane scores
    assert lanes.loc["reguler", "score"] == pytest.approx(store_summary(metrics_db, TST.replace(lane="reguler"))[
        "ikm"]["score"])
    assert lanes.loc["prioritas", "score"] == pytest.approx(store_summary(metrics_db, TST)["ikm"]["by_lane"][
        "prioritas"]["score"])
    groups = on(metrics_db, satisfaction.ikm_by_ci, TST, "group").set_index("category")
    assert groups.loc["lansia", "score"] == pytest.approx(PRIORITAS_SCORE)
    assert groups.loc["umum", "score"] == pytest.approx(75.0)


def test_missing_lane_is_kept_apart(tmp_path):
    rows = [dict(response_id=f"M{i}", office_code="MIS", submitted_at="2026-05-11 12:00", ticket_id=None, lane=lane,
                 applicant_group=None, info_source=None, comment=None, **{f"u{j}": answer for j in range(1, 10)})
            for i, (lane, answer) in enumerate((("prioritas", 4), (None, 2)))]
    db = load_rows(tmp_path / "missing.duckdb", {"survei": rows}, "missing")
    frame = on(db, satisfaction.ikm_by_ci, Filters(dt.date(2026, 5, 11), dt.date(2026, 5, 11)), "lane")
    assert frame["category"].iloc[0] == "prioritas" and pd.isna(frame["category"].iloc[1])
    assert list(frame["score"]) == pytest.approx([100.0, 50.0])


# ------------------------------------------------------------------------------------------------ sample size


def test_sample_size(metrics_db):
    # 3 responses; applicants A1..A7 submitted 11-13 May = 7; Krejcie-Morgan:
    # 3.841 x 7 x 0.25 / (0.0025 x 6 + 3.841 x 0.25) = 6.722 / 0.975 = 6.89 -> 7: short by 4
    row = run_query(metrics_db, "survey_sample", TST).iloc[0]
    assert (row["responses"], row["applicants"]) == (3, 7)
    check = on(metrics_db, satisfaction.sample_check, TST).iloc[0].to_dict()
    assert check == {"responses": 3, "applicants": 7, "required": 7, "enough": False, "short": 4}
    # lane prioritas: S1, S3 against A1, A2, A3: 3.841 x 3 x 0.25 / (0.005 + 0.960) = 2.98 -> 3
    row = run_query(metrics_db, "survey_sample", TST.replace(lane="prioritas")).iloc[0]
    assert (row["responses"], row["applicants"]) == (2, 3)
    assert ikm.krejcie_morgan(3) == 3
    # service type hilang_rusak: applicants A4, A5 only; the responses have no service type and stay 3
    row = run_query(metrics_db, "survey_sample", TST.replace(service_type="hilang_rusak")).iloc[0]
    assert (row["responses"], row["applicants"]) == (3, 2)
    assert ikm.krejcie_morgan(100_000) == 383


# ------------------------------------------------------------------------------------------------ info sources


def test_info_source_counts(metrics_db, kps_db):
    frame = run_query(metrics_db, "info_source_counts", TST)
    assert list(frame["info_source"]) == ["petugas"] and list(frame["share"]) == [1.0]
    # KPS: media_sosial R1, R2, R7, R9 = 4; petugas R3, R6 = 2; website R5 = 1; blank R4 = 1; of 8
    frame = run_query(kps_db, "info_source_counts", KPS)
    assert frame["info_source"].tolist()[:3] == ["media_sosial", "petugas", "website"]
    assert pd.isna(frame["info_source"].iloc[3])
    assert list(frame["responses"]) == [4, 2, 1, 1]
    assert list(frame["share"]) == pytest.approx([0.5, 0.25, 0.125, 0.125])


# ------------------------------------------------------------------------------------------------ comments


def comments(db: Path, search: str, limit: int = 200, filters: Filters = KPS, offset: int = 0) -> pd.DataFrame:
    return run_query(db, "survey_comments", filters, search=search, limit=limit, offset=offset)


def test_comments_newest_first_without_the_group(kps_db):
    frame = comments(kps_db, "")
    # KPS comments R1, R2, R3, R4, R5, R9 (R6 is blank, R7 has none, R8 is office OTH), newest first
    assert list(frame["comment"]) == ["antrean_lama", "antrean 500 menit", "+mantap", "Antrean 50% lebih lama",
                                      "=SUM(1+1) coba", "Petugas ramah"]
    assert set(frame["matches"]) == {6}
    assert list(frame.columns) == ["tanggal", "lane", "comment", "matches"]  # never the applicant group
    assert pd.Timestamp(frame["tanggal"].iloc[0]).date() == dt.date(2026, 6, 10)
    limited = comments(kps_db, "", limit=2)
    assert list(limited["comment"]) == ["antrean_lama", "antrean 500 menit"] and set(limited["matches"]) == {6}


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("ANTREAN", ["antrean_lama", "antrean 500 menit", "Antrean 50% lebih lama"]),  # case-insensitive
        ("50%", ["Antrean 50% lebih lama"]),  # % is a character, not a wildcard ("500" does not match)
        ("%", ["Antrean 50% lebih lama"]),
        ("_", ["antrean_lama"]),  # _ is a character, not "any one character"
        ("=SUM(", ["=SUM(1+1) coba"]),
        ("'; drop table survei; --", []),  # a parameter, never SQL
        ("\\", []),
    ],
)
def test_comment_search_is_plain_text(kps_db, search, expected):
    assert list(comments(kps_db, search)["comment"]) == expected
    assert run_query(kps_db, "survey_sample", KPS).iloc[0]["responses"] == 8  # the table is still there


def test_comments_follow_the_filters(kps_db):
    # lane reguler: R3, R4, R5; all offices adds R8 of OTH
    assert list(comments(kps_db, "", filters=KPS.replace(lane="reguler"))["comment"]) == [
        "antrean 500 menit", "+mantap", "Antrean 50% lebih lama"]
    assert "dari kantor lain" in list(comments(kps_db, "", filters=KPS.replace(office=None))["comment"])


# ------------------------------------------------------------------------------------------------ U3 and the wait


def test_u3_by_wait_and_lane(kps_db):
    frame = run_query(kps_db, "u3_by_wait", KPS, by="lane")
    # linked KPS responses with U3: R1 (K1, 10 min, 4), R9 (K6, 12 min, 2), R2 (K2, 20 min, 3), R3 (K3, 45 min, 2),
    # R4 (K4, 90 min, 1). R5 has no ticket, R6's ticket K9 does not exist, R7 left U3 blank.
    got = {(r["category"], r["wait_bucket"]): (r["n"], r["mean_u3"]) for r in frame.to_dict("records")}
    assert got == {("prioritas", "0–15"): (2, 3.0), ("prioritas", "15–30"): (1, 3.0),
                   ("reguler", "30–60"): (1, 2.0), ("reguler", "60+"): (1, 1.0)}
    # prioritas 0-15: answers 4 and 2, sd = sqrt(2); 3 -/+ 1.96 x sqrt(2) / sqrt(2) = 1.04 .. 4.96
    first = frame.iloc[0]
    assert (first["ci_low"], first["ci_high"]) == pytest.approx((3 - 1.959964, 3 + 1.959964))
    assert frame["ci_low"].iloc[1:].isna().all()  # one answer: no interval


def test_u3_by_group_and_office_join(kps_db):
    frame = run_query(kps_db, "u3_by_wait", KPS, by="group")
    got = {(r["category"], r["wait_bucket"]): (r["n"], r["mean_u3"]) for r in frame.to_dict("records")}
    assert got == {("lansia", "0–15"): (2, 3.0), ("disabilitas", "15–30"): (1, 3.0),
                   ("umum", "30–60"): (1, 2.0), ("umum", "60+"): (1, 1.0)}
    # all offices: OTH's R8 joins OTH's own K1 (70 min, reguler), not KPS's K1 (10 min)
    frame = run_query(kps_db, "u3_by_wait", KPS.replace(office=None), by="lane")
    got = {(r["category"], r["wait_bucket"]): (r["n"], r["mean_u3"]) for r in frame.to_dict("records")}
    assert got[("reguler", "60+")] == (2, 1.0) and got[("prioritas", "0–15")] == (2, 3.0)


def test_u3_links_only_tickets_of_the_30_days_before_the_answer(tmp_path):
    # Office LAT: four responses on 10 June 09:00 linked to tickets issued 31, 30 and 0 days before and one day
    # after. Only tickets issued on the answer's date or up to 30 days before it, and not after the answer, link.
    def ticket(tid, day, wait):
        row = _ticket(tid, "reguler", "umum", wait, office="LAT")
        issued = pd.Timestamp(day + " 08:00")
        return row | dict(issued_at=issued, called_at=issued + pd.Timedelta(minutes=wait),
                          service_start=issued + pd.Timedelta(minutes=wait),
                          service_end=issued + pd.Timedelta(minutes=wait + 10))

    tickets = [ticket("L31", "2026-05-10", 5), ticket("L30", "2026-05-11", 20), ticket("L0", "2026-06-10", 45),
               ticket("LAFTER", "2026-06-11", 90)]
    responses = [_resp(f"Q{i}", "09:00", tid, u3, "reguler", "umum", None, None, office="LAT")
                 for i, (tid, u3) in enumerate((("L31", 4), ("L30", 3), ("L0", 2), ("LAFTER", 1)))]
    path = load_rows(tmp_path / "lat.duckdb", {"antrian": tickets, "survei": responses}, "lat")
    june10 = Filters(date_from=dt.date(2026, 6, 10), date_to=dt.date(2026, 6, 10), office="LAT")
    frame = run_query(path, "u3_by_wait", june10, by="lane")
    got = {r["wait_bucket"]: (r["n"], r["mean_u3"]) for r in frame.to_dict("records")}
    assert got == {"15–30": (1, 3.0), "30–60": (1, 2.0)}  # L30 and L0; not L31 (too old) nor LAFTER (later)
    assert run_query(path, "u3_by_wait", june10.replace(office=None), by="lane").equals(frame)


def test_u3_without_linked_responses(metrics_db):
    assert run_query(metrics_db, "u3_by_wait", TST, by="lane").empty  # the fixture's responses have no ticket


# ------------------------------------------------------------------------------------------------ the page (AppTest)


def value_and_delta(at) -> dict[str, tuple[str, str | None]]:
    """Each metric card's value and its change line."""
    return {m.label: (m.value, m.delta) for m in at.metric}


def comments_shown(at) -> pd.DataFrame:
    """The comments: a static table (no toolbar, no download), never a dataframe."""
    return next(table_as_read(t) for t in at.table if "Komentar" in t.value.columns)


def captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


def test_page_ikm_equals_the_summary(metrics_db):
    at = app_test(metrics_db, page=PAGE, query=TST_QUERY)
    assert not at.exception
    assert at.title[0].value == "Kepuasan (IKM)"
    shown = value_and_delta(at)
    score = store_summary(metrics_db, TST)["ikm"]["score"]
    assert shown["IKM (bobot 1/9)"][0] == f"{fmt_num(score, 'id', 2)} (C)" == "76,39 (C)"
    assert not shown["IKM (bobot 1/9)"][1]  # no response before 11 May: no change shown
    assert shown["Mutu pelayanan"][0] == "C — Kurang Baik"
    assert shown["Jawaban survei"][0] == "3"
    assert shown["Jawaban / sampel minimal"] == ("3 / 7", "kurang 4")
    # the 0.11-weight score as a note: 75.625 (shown as fmt_num rounds it)
    assert f"= {fmt_num(75.625, 'id', 2)}. " in captions(at)
    elements = table_with(at, "Unsur")
    assert list(elements["NRR"]) == ["3,00"] * 8 + ["3,50"]
    assert elements["Unsur"].iloc[-1] == "U9 Sarana dan prasarana"
    lanes = table_with(at, "Jalur")
    assert list(lanes.columns) == ["Jalur", "Jawaban survei", "Skor IKM", "Kategori", "Batas bawah 95%",
                                   "Batas atas 95%", "n < 30"]
    assert list(lanes["Jalur"]) == ["Prioritas", "Reguler"]
    assert list(lanes["Skor IKM"]) == ["77,78", "75,00"] and list(lanes["n < 30"]) == ["ya", "ya"]
    assert list(lanes["Kategori"]) == ["B", "C"] and list(lanes["Batas bawah 95%"]) == ["77,78", "—"]
    trend = table_with(at, "Periode")
    assert list(trend["Periode"]) == ["Mei 2026*"] and list(trend["Skor IKM"]) == ["76,39"]
    assert any("Tidak ada jawaban yang terhubung" in i.value for i in at.info)  # no linked response
    # the notice of the frame: survey and application data have no channel column
    assert not any("tidak berlaku" in i.value for i in at.info)


def test_trend_by_quarter(metrics_db):
    at = app_test(metrics_db, page=PAGE, query=TST_QUERY)
    at.radio(key="tren").set_value("quarter").run()
    assert not at.exception
    assert list(table_with(at, "Periode")["Periode"]) == ["Triwulan II 2026*"]
    at.radio(key="tren").set_value("semester").run()
    assert list(table_with(at, "Periode")["Periode"]) == ["Semester I 2026*"]


def test_nothing_matches(metrics_db):
    at = app_test(metrics_db, page=PAGE, query={"periode": "custom", "dari": "2001-01-01", "sampai": "2001-01-31"})
    assert not at.exception
    assert any("Tidak ada data" in i.value for i in at.info)
    assert not at.metric and not at.get("plotly_chart") and not at.dataframe


@pytest.mark.parametrize(("lane", "value"), [("prioritas", "77,78 (B)"), ("reguler", "75,00 (C)"),
                                             ("percepatan", None)])
def test_each_lane(metrics_db, lane, value):
    at = app_test(metrics_db, page=PAGE, query={**TST_QUERY, "jalur": lane})
    assert not at.exception
    if value is None:  # no percepatan response in the fixture
        assert any("Tidak ada data" in i.value for i in at.info) and not at.metric
        return
    assert value_and_delta(at)["IKM (bobot 1/9)"][0] == value
    assert list(table_with(at, "Jalur")["Jalur"]) == [{"prioritas": "Prioritas", "reguler": "Reguler"}[lane]]


def test_filter_notices(metrics_db):
    # service type: applies to the applicants only, said on the page; channel: applies to nothing here
    at = app_test(metrics_db, page=PAGE, query={**TST_QUERY, "layanan": "hilang_rusak", "kanal": "langsung"})
    assert not at.exception
    notes = [i.value for i in at.info]
    assert any("Saringan jenis layanan hanya berlaku untuk jumlah pemohon" in n for n in notes)
    assert any("Saringan Kanal tidak berlaku" in n for n in notes)
    assert value_and_delta(at)["Jawaban / sampel minimal"] == ("3 / 2", "cukup")  # A4, A5: 2 applicants need 2


def test_english(metrics_db):
    at = app_test(metrics_db, page=PAGE, query=TST_QUERY)
    at.session_state["f_lang"] = "en"
    at.run()
    assert not at.exception
    assert at.title[0].value == "Satisfaction (IKM)"
    shown = value_and_delta(at)
    assert shown["IKM (weight 1/9)"][0] == "76.39 (C)"
    assert shown["Service quality"][0] == "C — Poor"
    assert shown["Responses / needed"] == ("3 / 7", "4 short")
    assert list(table_with(at, "Lane")["IKM score"]) == ["77.78", "75.00"]
    assert list(table_with(at, "Period")["Period"]) == ["May 2026*"]


def test_comments_and_u3_on_the_page(kps_db):
    at = app_test(kps_db, page=PAGE, query=KPS_QUERY)
    assert not at.exception
    table = comments_shown(at)
    assert list(table.columns) == ["Tanggal", "Jalur", "Komentar"]  # never the applicant group
    assert list(table["Komentar"]) == ["antrean_lama", "antrean 500 menit", "+mantap", "Antrean 50% lebih lama",
                                       "=SUM(1+1) coba", "Petugas ramah"]  # shown as they were written
    assert table["Tanggal"].iloc[0] == "10 Jun 2026"
    assert "6 komentar cocok" in captions(at)
    at.text_input(key="kepuasan_search").input("50%").run()
    assert not at.exception
    assert list(comments_shown(at)["Komentar"]) == ["Antrean 50% lebih lama"]
    at.text_input(key="kepuasan_search").input("tidak ada").run()
    assert any("Tidak ada komentar yang cocok" in i.value for i in at.info)
    u3 = table_with(at, "Rata-rata U3")
    assert list(u3["Jalur"]) == ["Prioritas", "Prioritas", "Reguler", "Reguler"]
    assert list(u3["Tunggu (menit)"]) == ["0–15", "15–30", "30–60", "60+"]
    assert list(u3["Rata-rata U3"]) == ["3,00", "3,00", "2,00", "1,00"]
    at.radio(key="u3").set_value("group").run()
    assert not at.exception
    assert list(table_with(at, "Rata-rata U3")["Kelompok pemohon"]) == [
        "Lansia", "Penyandang disabilitas", "Umum", "Umum"]
    info = table_with(at, "Sumber informasi")
    assert list(info["Sumber informasi"]) == ["Media sosial", "Petugas", "Situs web", "Tidak diisi"]
    assert list(info["Bagian"]) == ["50,0%", "25,0%", "12,5%", "12,5%"]


@pytest.mark.parametrize("group", ["disabilitas", "sakit"])
def test_no_comments_for_a_health_or_disability_group(kps_db, group):
    at = app_test(kps_db, page=PAGE, query={**KPS_QUERY, "kelompok": group})
    assert not at.exception
    # disabilitas: R2 answered, so the page shows and says why there are no comments; sakit: no response at all
    expected = "Komentar tidak ditampilkan" if group == "disabilitas" else "Tidak ada data"
    assert any(expected in i.value for i in at.info)
    assert not any("Komentar" in t.value.columns for t in at.table)
    assert not at.text_input  # no search either
    # other groups keep their comments: lansia R1 and R9
    at = app_test(kps_db, page=PAGE, query={**KPS_QUERY, "kelompok": "lansia"})
    assert list(comments_shown(at)["Komentar"]) == ["antrean_lama", "Petugas ramah"]


def test_demo_store_default_view(demo_db):
    """The default view on a demo store (30 days up to 30 June 2026): no error, the IKM equals the summary."""
    at = app_test(demo_db, page=PAGE)
    assert not at.exception
    end = dt.date.fromisoformat(DEMO_END)
    ikm = store_summary(demo_db, Filters(end - dt.timedelta(days=29), end))["ikm"]
    assert value_and_delta(at)["IKM (bobot 1/9)"][0] == f"{fmt_num(ikm['score'], 'id', 2)} ({ikm['category']})"
    assert value_and_delta(at)["Jawaban survei"][0] == fmt_num(ikm["responses"], "id")
    assert len(at.get("plotly_chart")) == 6
    comments_table = comments_shown(at)
    assert "Kelompok pemohon" not in comments_table.columns
    every = comments(demo_db, "", limit=1000, filters=Filters(end - dt.timedelta(days=29), end))
    assert len(every) > 100  # more than two pages: the first 50 shown, then the next 50 on page 2
    assert list(comments_table["Komentar"]) == list(every["comment"][:50])
    assert "ditampilkan 1–50" in captions(at)
    pages, last = at.number_input(key="kepuasan_comments_page"), -(-int(every["matches"].iloc[0]) // 50)  # ceil
    assert (pages.value, pages.min, pages.max, pages.label) == (1, 1, last, f"Halaman komentar (dari {last})")
    pages.set_value(2).run()
    assert list(comments_shown(at)["Komentar"]) == list(every["comment"][50:100])
    assert "ditampilkan 51–100" in captions(at)
    at.text_input(key="kepuasan_search").input("=SUM").run()
    assert not at.exception
    assert set(comments_shown(at)["Komentar"]) == {"=SUM(1+1) coba"}
    at.radio(key="u3").set_value("group").run()  # a rerun with warm caches
    assert not at.exception


# The score as a linear function of the nine element means: x 1/9 x 25 each (what ikm.score_weights reads off the
# SQL macro; written out here so that the interval tests need no store).
WEIGHTS = (np.full(9, 25 / 9), 0.0)


def _plain_bootstrap(arr: np.ndarray, n_boot: int = 1000, seed: int = 14) -> tuple[float, float]:
    """The definition, written the slow way: resample whole responses, score each resample, take 2.5/97.5%."""
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(arr), size=(n_boot, len(arr)))
    with np.errstate(invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        scores = np.array([np.mean(np.nanmean(arr[p], axis=0)) * 25 for p in picks])
    scores = scores[~np.isnan(scores)]
    return float(np.percentile(scores, 2.5)), float(np.percentile(scores, 97.5))


@pytest.mark.parametrize("n", [2, 3, 30, 400])
def test_ikm_interval_equals_the_plain_bootstrap(n):
    """stats.ikm_ci computes the resamples as a matrix product; it must give the plain loop's numbers."""
    rng = np.random.default_rng(n)
    answers = rng.integers(1, 5, size=(n, 9)).astype(float)
    answers[rng.random((n, 9)) < 0.2] = np.nan  # blanks, and with n = 2 or 3 resamples without any u-answer
    assert stats.ikm_ci(answers, WEIGHTS) == pytest.approx(_plain_bootstrap(answers), abs=1e-9)
    assert stats.ikm_ci(answers[:1], WEIGHTS) == (None, None)


def test_ikm_normal_interval_by_hand():
    # Four responses answering every element 4, 3, 2 and 1: the score is 62.5 and each response's influence is
    # 25 x (its mean - 2.5) = 37.5, 12.5, -12.5, -37.5; sd = 25 x sqrt(5/3) = 32.27; se = 32.27 / 2 = 16.14;
    # 62.5 -/+ 1.959964 x 16.14 = 30.87 .. 94.13.
    answers = np.array([[4.0] * 9, [3.0] * 9, [2.0] * 9, [1.0] * 9])
    half = 1.959964 * 25 * np.sqrt(5 / 3) / 2
    assert stats.ikm_ci_normal(answers, WEIGHTS) == pytest.approx((62.5 - half, 62.5 + half), abs=1e-4)
    # a blank divides an element's deviations by its answered share: u9 answered only by the first two (4 and 3),
    # so m9 = 3.5 with share 1/2, and u9 adds (4 - 3.5) / 0.5 = 1 and (3 - 3.5) / 0.5 = -1 to their influences
    answers[2:, 8] = np.nan
    m = np.array([2.5] * 8 + [3.5])
    score = m.mean() * 25
    influence = [25 / 9 * (8 * 1.5 + 0.5 * 2), 25 / 9 * (8 * 0.5 - 0.5 * 2), 25 / 9 * (8 * -0.5), 25 / 9 * (8 * -1.5)]
    half = 1.959964 * np.std(influence, ddof=1) / 2
    assert stats.ikm_ci_normal(answers, WEIGHTS) == pytest.approx((score - half, score + half), abs=1e-4)
    answers[:, 0] = np.nan  # an element nobody answered: no score, no interval
    assert stats.ikm_ci_normal(answers, WEIGHTS) == (None, None)


def test_ikm_interval_switches_to_the_normal_one_above_5000_responses():
    """Above stats.BOOTSTRAP_MAX_N the page's interval is the delta-method one, which agrees with the bootstrap."""
    rng = np.random.default_rng(6)
    n = stats.BOOTSTRAP_MAX_N + 1
    answers = rng.choice([1.0, 2.0, 3.0, 4.0], size=(n, 9), p=[0.05, 0.15, 0.5, 0.3])
    answers[rng.random((n, 9)) < 0.1] = np.nan
    normal = stats.ikm_ci_normal(answers, WEIGHTS)
    assert stats.ikm_ci(answers, WEIGHTS) == normal
    bootstrap = stats.ikm_ci(answers, WEIGHTS, bootstrap_max_n=n)
    assert bootstrap != normal
    # the two intervals (half-width about 0.17 IKM points here) agree to 0.03 points at each end
    assert bootstrap == pytest.approx(normal, abs=0.03)
    five_thousand = answers[:-1]  # exactly BOOTSTRAP_MAX_N responses: still the bootstrap
    assert stats.ikm_ci(five_thousand, WEIGHTS) == stats.ikm_ci(five_thousand, WEIGHTS, bootstrap_max_n=n)
    assert stats.ikm_ci(five_thousand, WEIGHTS) != stats.ikm_ci_normal(five_thousand, WEIGHTS)
