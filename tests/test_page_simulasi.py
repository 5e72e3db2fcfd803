"""The Simulasi page and the Kuota page's "Perkiraan permintaan" under AppTest: the head of office's question
answered with the hand-worked numbers, the replays beside the record, the forecast's quota suggestion, English, and
who may open the page."""

from __future__ import annotations

import datetime as dt

import pytest

from kancil.decide import forecast, replay_completion, replay_queue
from kancil.store import connection
from tests.fixtures import load_rows
from tests.helpers import DEMO_END, app_test, metric_values
from tests.test_decide_replay import ANTRIAN, PERMOHONAN

PAGE = "views/simulasi.py"
HAND_QUERY = {"periode": "custom", "dari": "2026-05-01", "sampai": "2026-05-31", "kantor": "HND"}


@pytest.fixture(scope="module")
def hand_db(tmp_path_factory: pytest.TempPathFactory):
    """The hand-made store of tests/test_decide_replay.py (office HND, May 2026)."""
    return load_rows(tmp_path_factory.mktemp("simulasi") / "hand.duckdb",
                     {"antrian": ANTRIAN, "permohonan": PERMOHONAN}, "simulasi")


def table(at, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_the_head_of_offices_question_on_the_hand_made_store(hand_db):
    at = app_test(hand_db, role="kepala_kantor", page=PAGE, query=HAND_QUERY)
    assert not at.exception
    # worked out in tests/test_decide_replay.py: prioritas K3 1, K5 1, K8 2 -> median 1, mean 4/3, against 2 with
    # the office's order; reguler K2 2, K4 3, K6 3 -> mean 8/3 against 2: 0,67 working days longer
    question = ("**Bila prioritas diproses tepat setelah percepatan, berapa hari kerja pemohon prioritas menunggu, dan "
                "berapa hari lebih lama pemohon reguler?**")
    assert any(m.value == question for m in at.markdown)
    assert any(i.value == (
        "Bila Prioritas diproses tepat setelah Percepatan, pemohon Prioritas menerima paspor dalam median 1,0 hari "
        "kerja (rata-rata 1,3; dengan urutan kantor sekarang 2,0); pemohon Reguler rata-rata 0,67 hari kerja lebih "
        "lama (2,7 dibanding 2,0).") for i in at.info)
    shown = metric_values(at)
    assert shown["Prioritas, median penyelesaian"] == ["1,0 hk"]
    assert shown["Reguler, rata-rata penyelesaian"] == ["2,67 hk"]
    assert any("100,0%" in c.value for c in at.caption)  # the office's order gives the record back
    # the queue under fifo on the recorded counters (the default choice after the office's own order): E waits
    # 24 instead of 14 minutes, C 18 instead of 28
    queue = table(at, "Simulasi median (mnt)")
    percepatan = queue[queue["Jalur"] == "Percepatan"].iloc[0]
    assert (percepatan["Tercatat median (mnt)"], percepatan["Simulasi median (mnt)"]) == ("14,0", "24,0")
    # BAP what-if: K8 (prioritas) 2 working days ranked as reguler, 1 keeping its lane
    bap = table(at, "BAP tetap berprioritas: median (hk)")
    row = bap[bap["Jalur"] == "Prioritas"].iloc[0]
    assert (row["BAP median (hk)"], row["BAP tetap berprioritas: median (hk)"]) == ("2,0", "1,0")


def test_choosing_orders_and_counters(hand_db):
    at = app_test(hand_db, page=PAGE, query=HAND_QUERY)
    at.radio(key="urutan").set_value("prioritas,percepatan,reguler").run()  # the office's own: the record
    assert not at.exception
    reguler = table(at, "Simulasi median (mnt)").set_index("Jalur").loc["Reguler"]
    assert reguler["Simulasi median (mnt)"] == reguler["Tercatat median (mnt)"] == "14,0"  # B 0, C 28
    at.radio(key="loket_mode").set_value("Jumlah loket untuk semua jalur").run()
    at.number_input(key="loket").set_value(1).run()
    assert not at.exception
    # one counter for every lane (tests/test_decide_replay.py): B 40, C 58 -> median 49
    assert table(at, "Simulasi median (mnt)").set_index("Jalur").loc["Reguler", "Simulasi median (mnt)"] == "49,0"


def test_the_demo_store_default_view(demo_db):
    """The default view (30 days up to 30 June 2026, the only office): the page shows what the functions say."""
    at = app_test(demo_db, role="kepala_kantor", page=PAGE)
    assert not at.exception
    end = dt.date.fromisoformat(DEMO_END)
    start = end - dt.timedelta(days=29)
    with connection.reader(demo_db) as con:
        answer = replay_completion.priority_after_percepatan(con, "CLP", start, end)
        fifo = replay_queue.replay_queue(con, "CLP", start, end, "fifo")
    assert any(i.value == replay_completion.answer_text(answer) for i in at.info)
    assert answer["reproduction"]["exact_share"] == 1.0 and any("100,0%" in c.value for c in at.caption)
    assert answer["prioritas"]["median"] < answer["prioritas"]["office_order_median"]  # priority faster...
    assert answer["reguler"]["change_mean"] > 0  # ...and reguler pays for it
    shown = table(at, "Simulasi median (mnt)").set_index("Jalur")
    expected = f"{fifo.lanes['prioritas']['median']:.1f}".replace(".", ",")
    assert shown.loc["Prioritas", "Simulasi median (mnt)"] == expected
    assert len(at.get("plotly_chart")) == 2


def test_english(hand_db):
    at = app_test(hand_db, page=PAGE, query=HAND_QUERY)
    at.session_state["f_lang"] = "en"  # after the page switch, as tests/test_page_waktu.py's in_english does
    at.run()
    assert not at.exception
    assert at.title[0].value == "Simulation"
    assert any("0.67 working days longer" in i.value for i in at.info)
    assert metric_values(at)["Priority, median completion"] == ["1.0 wd"]


def test_not_for_auditors(hand_db):
    at = app_test(hand_db, role="auditor", page=PAGE, query=HAND_QUERY)
    assert any("tidak tersedia untuk peran" in e.value for e in at.error)


def test_the_quota_pages_forecast_section(demo_db):
    at = app_test(demo_db, page="views/kuota.py")
    at.query_params["perkiraan"] = "true"  # the section is folded (issue 14); opened, as its URL does
    at.run()
    assert not at.exception
    with connection.reader(demo_db) as con:
        f = forecast.forecast(con, "CLP", "prioritas")
    shown = metric_values(at)
    assert shown["Saran kuota Prioritas"] == [str(f.quota_suggestion["history"])]
    assert shown["Hari di atas kuota (perkiraan)"] == [f"{len(f.overflow_days)} dari 40"]
    assert any("72 hari kerja" in w.value and "metode sederhana" in w.value for w in at.warning)
    forecast_table = table(at, "Perkiraan tiket")
    assert len(forecast_table) == 60 + 40  # the last 60 recorded working days (72 exist) and the 40 ahead
