"""Privacy as a rule of the data layer, attacked the way a curious reader would: every number a head of office can
see on a page is read (cards, tables, chart labels and hovers), and each hidden count of a sensitive group is
worked back from totals, shares and neighbouring cells where the page would allow it.

The store: one office, one week. Vulnerable applicants in the prioritas or reguler lane: lansia 12 (prioritas),
ibu_hamil 6 (prioritas), disabilitas 3 (2 prioritas, 1 reguler), sakit 1 (prioritas); umum 10 (reguler).
Survey responses: lansia 10, umum 8, disabilitas 3, sakit 1.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from kancil.metrics import catalogue, privacy
from tests.fixtures import load_rows
from tests.helpers import app_test, table_as_read

WEEK = {"periode": "custom", "dari": "2026-05-11", "sampai": "2026-05-15"}
D = "2026-05-11 "


def _tickets() -> list[dict]:
    rows, n = [], 0
    for group, lane, count in (("lansia", "prioritas", 12), ("ibu_hamil", "prioritas", 6),
                               ("disabilitas", "prioritas", 2), ("disabilitas", "reguler", 1),
                               ("sakit", "prioritas", 1), ("umum", "reguler", 10)):
        for _ in range(count):
            n += 1
            minute = n % 50
            rows.append(dict(ticket_id=f"P{n}", office_code="PRV", lane=lane, applicant_group=group,
                             service_type="baru", channel="langsung", issued_at=f"{D}08:{minute:02d}",
                             called_at=f"{D}09:{minute:02d}", service_start=f"{D}09:{minute:02d}",
                             service_end=f"{D}10:{minute:02d}", counter="P1", officer="PTG01", status="selesai"))
    return rows


def _responses() -> list[dict]:
    rows, n = [], 0
    for group, lane, count, answer in (("lansia", "prioritas", 10, 4), ("umum", "reguler", 8, 3),
                                       ("disabilitas", "prioritas", 3, 2), ("sakit", "prioritas", 1, 1)):
        for _ in range(count):
            n += 1
            rows.append(dict(response_id=f"R{n}", office_code="PRV", submitted_at=f"{D}12:00", ticket_id=None,
                             lane=lane, applicant_group=group, info_source="petugas", comment=None,
                             **{f"u{i}": answer for i in range(1, 10)}))
    return rows


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    kuota = [dict(office_code="PRV", lane=lane, valid_from="2026-01-01", valid_to=None, daily_quota=40)
             for lane in ("prioritas", "reguler", "percepatan")]
    return load_rows(tmp_path_factory.mktemp("privacy") / "store.duckdb",
                     {"kuota": kuota, "antrian": _tickets(), "survei": _responses()}, "privacy")


def everything_shown(at) -> str:
    """Every text and number the page shows: cards, tables, and the chart specs (labels, hovers, data)."""
    parts = [f"{m.label} {m.value}" for m in at.metric]
    parts += [d.value.to_csv() for d in at.dataframe] + [table_as_read(t).to_csv() for t in at.table]
    parts += [json.dumps(json.loads(c.proto.spec), ensure_ascii=False) for c in at.get("plotly_chart")]
    return "\n".join(parts)


def table(at, first_column: str) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if d.value.columns[0] == first_column)


def recoverable(total: int, visible: list[int], hidden: int) -> bool:
    """Whether a hidden cell's value follows from the total and the visible cells: each hidden row counts at least
    one person, so a hidden cell lies in [1, S - (k - 1)] with S the hidden sum and k the hidden rows."""
    rest = total - sum(visible)
    return rest - (hidden - 1) <= 1


def test_kuota_hides_small_sensitive_groups_and_enough_neighbours(store):
    at = app_test(store, role="kepala_kantor", page="views/kuota.py", query=WEEK)
    assert not at.exception
    coverage = table(at, "Kelompok")
    rows = dict(zip(coverage["Kelompok"], coverage["Pemohon rentan"], strict=True))
    assert rows["Penyandang disabilitas"] == "•" and rows["Orang sakit"] == "•"
    # 3 + 1 < 5: the next smallest group (ibu hamil, 6) is hidden too, the total (22) stays
    assert rows["Ibu hamil"] == "•" and rows["Lansia"] == "12"
    total = int(coverage["Pemohon rentan"].iloc[-1])
    assert total == 22
    visible = [int(v) for v in coverage["Pemohon rentan"].iloc[:-1] if v != "•"]
    assert not recoverable(total, visible, hidden=list(rows.values()).count("•"))
    shown = everything_shown(at)
    assert not re.search(r"(disabilitas|sakit)[^\n]{0,40}\(n = [1-4]\)", shown, re.IGNORECASE)


def test_the_ticket_mix_hides_the_small_cells_of_each_lane(store):
    at = app_test(store, role="kepala_kantor", page="views/kuota.py", query=WEEK)
    mix = next(d.value for d in at.dataframe if {"Jalur", "Menurut", "Kelompok"} <= set(d.value.columns))
    hidden = mix[mix["Tiket"] == "•"]
    cells = set(zip(hidden["Jalur"], hidden["Kelompok"], strict=True))
    # prioritas: disabilitas 2 + sakit 1 < 5, so ibu hamil (6) too; reguler: disabilitas 1, so umum (10) too
    assert {("Prioritas", "Penyandang disabilitas"), ("Prioritas", "Orang sakit"), ("Prioritas", "Ibu hamil"),
            ("Reguler", "Penyandang disabilitas"), ("Reguler", "Umum")} <= cells
    assert (mix[mix["Tiket"] == "•"]["Bagian"] == "•").all()  # the share would give the count back


def test_kepuasan_hides_the_ikm_of_small_groups(store):
    at = app_test(store, role="kepala_kantor", page="views/kepuasan.py", query=WEEK)
    assert not at.exception
    groups = next(d.value for d in at.dataframe if {"Kelompok pemohon", "Skor IKM"} <= set(d.value.columns))
    by_group = groups.set_index("Kelompok pemohon")
    assert by_group.loc["Penyandang disabilitas", "Skor IKM"] == "•"
    assert by_group.loc["Orang sakit", "Jawaban survei"] == "•"
    assert by_group.loc["Umum", "Jawaban survei"] == "•"  # 3 + 1 < 5: the next smallest group goes too
    assert by_group.loc["Lansia", "Jawaban survei"] == "10"
    assert not re.search(r"(disabilitas|sakit)[^\n]{0,40}\(n = [1-4]", everything_shown(at), re.IGNORECASE)


def test_a_sensitive_group_filter_hides_the_small_cards(store):
    at = app_test(store, role="kepala_kantor", page="views/kepuasan.py", query={**WEEK, "kelompok": "sakit"})
    cards = {m.label: m.value for m in at.metric}
    assert cards["Jawaban survei"] == "•"
    assert "•" in cards["IKM (bobot 1/9)"]


def test_roles_with_sensitive_detail_see_the_counts(store):
    at = app_test(store, role="supervisor", page="views/kuota.py", query=WEEK)
    rows = dict(zip(table(at, "Kelompok")["Kelompok"], table(at, "Kelompok")["Pemohon rentan"], strict=True))
    assert rows["Penyandang disabilitas"] == "3" and rows["Orang sakit"] == "1"


def test_the_rule_on_a_frame_by_hand():
    spec = catalogue.figure("coverage_by_group")
    frame = pd.DataFrame({"applicant_group": ["disabilitas", "lansia", "anak", None],
                          "in_prioritas": [2, 9, 6, 17], "in_reguler": [1, 0, 0, 1], "n": [3, 9, 6, 18],
                          "coverage": [2 / 3, 1.0, 1.0, 17 / 18]})
    rule = privacy.Rule(applies=True)
    out = privacy.protect(frame, spec, rule)
    # disabilitas hidden (3); alone it could be worked back (18 - 9 - 6), so anak (6, the smallest) goes too
    assert list(out["_hidden"]) == [True, False, True, False]
    assert out["coverage"].isna().tolist() == [True, False, True, False]
    assert privacy.protect(frame, spec, privacy.Rule(applies=False))["_hidden"].sum() == 0
    # filtered to a sensitive group, a total of 3 is itself small and goes with its row
    only = frame.iloc[[0, 3]].assign(n=[3, 3], in_prioritas=[2, 2], in_reguler=[1, 1])
    assert privacy.protect(only, spec, rule, filter_group="disabilitas")["_hidden"].tolist() == [True, True]


def test_the_kpi_object_filtered_to_a_sensitive_group():
    summary = {"tickets": {"prioritas": 2, "reguler": 9, "percepatan": 0}, "no_show": {"prioritas": 0, "reguler": 0,
               "percepatan": 0}, "quota": {lane: {"fill_rate": 0.1} for lane in ("prioritas", "reguler", "percepatan")},
               "wait_minutes": {lane: {"n": 2, "median": 3.0, "p90": 4.0} for lane in ("prioritas", "reguler",
                                                                                     "percepatan")},
               "service_minutes": {}, "completion_workdays": {}, "bap": {},
               "ikm": {"responses": 3, "score": 80.0, "category": "B", "elements": {"u1": 3.2}, "by_lane": {}},
               "coverage": {"vulnerable": 11, "in_prioritas": 2, "in_reguler": 9, "share": 2 / 11},
               "facility_uses": {"kursi_roda": 2}, "mismatch": {"cases": 0, "open": 0}}
    out = privacy.protect_summary(summary, privacy.Rule(applies=True), "disabilitas")
    # prioritas 2 is small; alone it would follow from a total, so reguler (9) is hidden with it
    assert out["tickets"] == {"prioritas": privacy.HIDDEN, "reguler": privacy.HIDDEN, "percepatan": 0}
    assert out["ikm"]["score"] is privacy.HIDDEN and out["facility_uses"]["kursi_roda"] is privacy.HIDDEN
    assert privacy.protect_summary(summary, privacy.Rule(applies=True), "lansia") is summary
    assert str(privacy.HIDDEN) == "•"
