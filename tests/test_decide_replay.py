"""The replays (kancil/decide): hand-worked days on a real store, the demo store given back exactly, and the queue
engine against SimPy and the Erlang C formula on long synthetic runs.

The hand-made store: office HND on Monday 11 May 2026 (the queue) and 11-19 May (applications). Thursday 14 May is
Ascension Day and Friday 15 May its cuti bersama, so the working days are 11, 12, 13, 18, 19, 20 May. Office HN2
holds two applications the office's order cannot explain (one issued the day it was submitted).
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest
import simpy

from kancil.contract import LANES
from kancil.decide import inputs, replay_completion, replay_queue
from kancil.decide.orders import parse_order
from kancil.decide.queue_engine import INF, Counter, replay_day
from kancil.store import connection
from tests.fixtures import load_rows

D = "2026-05-"
MAY = (dt.date(2026, 5, 1), dt.date(2026, 5, 31))
DAY = (dt.date(2026, 5, 11), dt.date(2026, 5, 11))


def _ticket(tid, lane, issued, called, end, counter, status="selesai"):
    return dict(ticket_id=tid, office_code="HND", lane=lane, applicant_group="lansia" if lane == "prioritas" else
                "umum", service_type="baru", channel="langsung", issued_at=D + "11 " + issued,
                called_at=called and D + "11 " + called, service_start=end and D + "11 " + called,
                service_end=end and D + "11 " + end, counter=counter, officer_id="PTG01", status=status)


# The office's order prioritas > percepatan > reguler; P1 serves prioritas only, U1 every lane. The record follows
# that order (worked out step by step):
# 08:00 A (pri) and B (reg) arrive; P1 and U1 are both free: P1 (first in name order) calls A (holds 10 min),
#       U1 calls B (holds 20). C (reg) arrives 08:02, G (reg) 08:03, D (pri) 08:05, E (cep) 08:06.
# 08:10 P1 free: D (wait 5, holds 15). 08:20 U1 free: E before C (percepatan first; wait 14, holds 10).
# 08:26 F (pri) arrives, P1 free since 08:25: F at once (wait 0, holds 5). 08:30 U1: C (wait 28, holds 10).
# 08:40 U1 calls G, who does not come (a no-show: left out of the replay, U1 stays open until 08:40).
ANTRIAN = [
    _ticket("A", "prioritas", "08:00", "08:00", "08:10", "P1"),
    _ticket("B", "reguler", "08:00", "08:00", "08:20", "U1"),
    _ticket("C", "reguler", "08:02", "08:30", "08:40", "U1"),
    _ticket("G", "reguler", "08:03", "08:40", None, "U1", status="tidak_hadir"),
    _ticket("D", "prioritas", "08:05", "08:10", "08:25", "P1"),
    _ticket("E", "percepatan", "08:06", "08:20", "08:30", "U1"),
    _ticket("F", "prioritas", "08:26", "08:26", "08:31", "P1"),
    _ticket("H", "reguler", "09:00", None, None, None, status="batal"),
]
RECORDED = {"A": 0, "B": 0, "C": 28, "D": 5, "E": 14, "F": 0}


def _app(aid, lane, submitted, issued, bap_end=None, office="HND"):
    return dict(application_id=aid, ticket_id=None, office_code=office, lane=lane, applicant_group="umum",
                service_type="hilang_rusak" if bap_end else "baru", submitted_at=D + submitted,
                bap_required="ya" if bap_end else "tidak", bap_start=bap_end and D + bap_end[:3] + "09:00",
                bap_end=bap_end and D + bap_end, paid_at=None, issued_at=issued and D + issued, collected_at=None,
                mismatch="tidak", mismatch_reported_at=None, mismatch_resolved_at=None)


# The office's processing order percepatan, then prioritas and reguler together by submission time. Slots (the
# recorded issues per day): 11 May 1, 12 May 1, 13 May 2, 18 May 3. Worked through:
# 11: only K1 (percepatan, same day) is eligible -> K1. 12: K2, K3, K4 eligible (the day after submission; K6 and K8
#     wait for their BAP) -> K2, the oldest. 13: K3, K4, K5, K6, K8 -> K3 and K4. 18 (14-15 May are closed): K6
#     (11 May 12:00), K5 (12 May 09:00), K8 (12 May 10:00), K7 (13 May) -> K6, K5, K8; K7 still pending.
PERMOHONAN = [
    _app("K1", "percepatan", "11 09:00", "11 15:00"),  # 0 working days
    _app("K2", "reguler", "11 08:30", "12 10:00"),  # 1
    _app("K3", "prioritas", "11 10:00", "13 10:00"),  # 2
    _app("K4", "reguler", "11 11:00", "13 11:00"),  # 2
    _app("K5", "prioritas", "12 09:00", "18 10:00"),  # 13, 18: 2
    _app("K6", "reguler", "11 12:00", "18 11:00", bap_end="12 11:00"),  # BAP ends 12 May: eligible 13; 3
    _app("K7", "reguler", "13 09:00", None),  # not issued yet
    _app("K8", "prioritas", "12 10:00", "18 12:00", bap_end="12 14:00"),  # BAP: eligible 13; 2
    # HN2: M1 was issued the day it was submitted, which the rules do not allow: its slot (11 May) finds nobody
    # eligible and is lost; M1 takes M2's slot on 12 May and M2 is left pending. Both move: nothing reproduced.
    _app("M1", "reguler", "11 09:00", "11 16:00", office="HN2"),
    _app("M2", "reguler", "11 10:00", "12 10:00", office="HN2"),
]


@pytest.fixture(scope="module")
def hand_db(tmp_path_factory: pytest.TempPathFactory):
    return load_rows(tmp_path_factory.mktemp("decide") / "hand.duckdb",
                     {"antrian": ANTRIAN, "permohonan": PERMOHONAN}, "decide")


def queue(db, order, counters=None, cap=None, day=DAY):
    with connection.reader(db) as con:
        return replay_queue.replay_queue(con, "HND", *day, order, counters=counters, cap=cap)


def waits(result) -> dict[str, float]:
    return dict(zip(result.tickets["ticket_id"], result.tickets["replayed_wait"], strict=True))


# ---------------------------------------------------------------------------------------------- the counter queue


def test_the_offices_order_gives_the_recorded_day_back(hand_db):
    r = queue(hand_db, "prioritas,percepatan,reguler")
    assert waits(r) == RECORDED
    assert r.reproduction == {"n": 6, "exact_share": 1.0, "mean_abs_diff": 0.0, "max_abs_diff": 0.0}
    assert r.left_out == 2  # G (no-show) and H (cancelled) keep their recorded outcome
    # prioritas A 0, D 5, F 0: mean 5/3, median 0, p90 = 0 + 0.8 x (5 - 0) = 4; none above the 15-minute target
    figures = {"n": 3, "mean": pytest.approx(5 / 3), "median": 0.0, "p90": 4.0, "share_above_target": 0.0}
    assert r.lanes["prioritas"] == {**figures, "not_served": 0, "target": 15.0, "recorded": figures}
    assert dict(zip(r.tickets["ticket_id"], r.tickets["replayed_counter"], strict=True)) == {
        "A": "P1", "B": "U1", "C": "U1", "D": "P1", "E": "U1", "F": "P1"}


def test_fifo_on_the_recorded_counters(hand_db):
    # P1 still serves only prioritas (A, D, F as recorded). U1 at 08:20 takes C (08:02) before E (08:06): C waits
    # 18, holds 10; E at 08:30 waits 24.
    r = queue(hand_db, "fifo")
    assert waits(r) == {**RECORDED, "C": 18, "E": 24}
    assert r.reproduction["exact_share"] == pytest.approx(4 / 6)
    assert r.reproduction["max_abs_diff"] == 10  # both C and E moved by 10 minutes
    assert r.lanes["reguler"]["median"] == 9.0  # B 0, C 18
    # a lane order that puts reguler first gives the same day here (prioritas only ever met P1)
    assert waits(queue(hand_db, "reguler,percepatan,prioritas")) == waits(r)


def test_one_counter_for_every_lane(hand_db):
    # One counter from 08:00 (the first ticket), prioritas > percepatan > reguler; holds A 10, B 20, C 10, D 15,
    # E 10, F 5. 08:00 A; 08:10 D (wait 5); 08:25 E (19); 08:35 F (pri, 9); 08:40 B (40); 09:00 C (58).
    r = queue(hand_db, "prioritas,percepatan,reguler", counters=1)
    assert waits(r) == {"A": 0, "D": 5, "E": 19, "F": 9, "B": 40, "C": 58}
    assert r.lanes["prioritas"]["mean"] == pytest.approx(14 / 3)
    assert (r.lanes["reguler"]["mean"], r.lanes["reguler"]["share_above_target"]) == (49.0, 0.0)
    assert set(r.tickets["replayed_counter"]) == {"001"}


def test_a_cap_lets_a_lower_lane_in(hand_db):
    # One counter, cap 1: a place passed over once while it waited is called next.
    # 08:00 A (pri); B (reg) waited: reguler passed 1.  08:10 reguler is due: B (wait 10), holds 20.
    # 08:30 D (pri, wait 25); percepatan (E) and reguler (C) passed 1.  08:45 the higher of the two: E (39);
    # reguler passed 2.  08:55 C (53).  09:05 F (39).
    r = queue(hand_db, "prioritas,percepatan,reguler", counters=1, cap=1)
    assert waits(r) == {"A": 0, "B": 10, "D": 25, "E": 39, "C": 53, "F": 39}
    assert r.order.label() == "prioritas,percepatan,reguler/1"


def test_queue_bad_input_names_the_value(hand_db):
    with connection.reader(hand_db) as con:
        with pytest.raises(inputs.DecideError, match="'XYZ'.*HN2, HND"):
            replay_queue.replay_queue(con, "XYZ", *DAY, "fifo")
        with pytest.raises(inputs.DecideError, match="'vip'"):
            replay_queue.replay_queue(con, "HND", *DAY, "prioritas,vip")
        with pytest.raises(inputs.DecideError, match="Tidak ada tiket.*HND"):
            replay_queue.replay_queue(con, "HND", dt.date(2026, 5, 12), dt.date(2026, 5, 13), "fifo")
        with pytest.raises(inputs.DecideError, match="sebelum"):
            replay_queue.replay_queue(con, "HND", dt.date(2026, 5, 12), dt.date(2026, 5, 11), "fifo")


# ---------------------------------------------------------------------------------------------- the back office


def completion(db, order, office="HND"):
    with connection.reader(db) as con:
        return replay_completion.replay_completion(con, office, *MAY, order)


def issued(result) -> dict[str, str | None]:
    apps = result.applications
    return {a: (None if d is None else d.isoformat()[5:]) for a, d in zip(apps["application_id"],
                                                                        apps["replayed_on"], strict=True)}


def test_the_offices_processing_order_gives_the_recorded_days_back(hand_db):
    r = completion(hand_db, "percepatan,prioritas+reguler")
    assert issued(r) == {"K1": "05-11", "K2": "05-12", "K3": "05-13", "K4": "05-13", "K5": "05-18",
                         "K6": "05-18", "K7": None, "K8": "05-18"}
    assert r.reproduction == {"n": 8, "exact_share": 1.0, "moved": 0}
    # prioritas K3 2, K5 2, K8 2; reguler K2 1, K4 2, K6 3 and K7 pending; within 4 working days: all
    figures = {"n": 3, "pending": 0, "mean": 2.0, "median": 2.0, "p90": 2.0, "share_within": 1.0}
    assert r.lanes["prioritas"] == {**figures, "target": 4.0, "recorded": figures}
    assert (r.lanes["reguler"]["mean"], r.lanes["reguler"]["pending"]) == (2.0, 1)
    assert r.lanes["percepatan"]["median"] == 0.0


def test_prioritas_right_after_percepatan_by_hand(hand_db):
    # 12 May: K3 (pri) instead of K2.  13 May: K5 (pri; K8 is a BAP case, ranked as reguler), then K2 (oldest
    # reguler).  18 May: K4, K6, K8 (reguler place by submission).  K7 pending.
    r = completion(hand_db, "percepatan,prioritas,reguler")
    assert issued(r) == {"K1": "05-11", "K2": "05-13", "K3": "05-12", "K4": "05-18", "K5": "05-13",
                         "K6": "05-18", "K7": None, "K8": "05-18"}
    # prioritas K3 1, K5 1, K8 2 (its BAP kept it out of the priority place); reguler K2 2, K4 3, K6 3
    assert (r.lanes["prioritas"]["median"], r.lanes["prioritas"]["mean"]) == (1.0, pytest.approx(4 / 3))
    assert (r.lanes["reguler"]["median"], r.lanes["reguler"]["mean"]) == (3.0, pytest.approx(8 / 3))
    assert r.reproduction == {"n": 8, "exact_share": pytest.approx(4 / 8), "moved": 4}  # K2, K3, K4, K5
    # BAP what-if: K8 keeping the priority place is issued on 13 May with K5 (completion 1, not 2); K2 then waits
    # for 18 May. K6 is a reguler BAP case: 3 either way.
    assert (r.bap["prioritas"]["n"], r.bap["prioritas"]["median"], r.bap["prioritas"]["kept_lane"]["median"]) == (
        1, 2.0, 1.0)
    assert r.bap["reguler"]["median"] == r.bap["reguler"]["kept_lane"]["median"] == 3.0


def test_the_head_of_offices_question(hand_db):
    with connection.reader(hand_db) as con:
        answer = replay_completion.priority_after_percepatan(con, "HND", *MAY)
    assert answer["order"] == "percepatan,prioritas,reguler"
    assert answer["office_order"] == "percepatan,prioritas+reguler"  # the setting's default
    assert answer["prioritas"] == pytest.approx({
        "median": 1.0, "mean": 4 / 3, "p90": 1.8, "pending": 0, "office_order_median": 2.0,
        "office_order_mean": 2.0, "recorded_median": 2.0, "recorded_mean": 2.0, "change_mean": -2 / 3,
        "change_median": -1.0})
    # reguler: 8/3 instead of 2 working days on average (+2/3), median 3 instead of 2
    assert answer["reguler"]["change_mean"] == pytest.approx(2 / 3)
    assert answer["reguler"]["change_median"] == 1.0
    assert replay_completion.answer_text(answer) == (
        "Bila Prioritas diproses tepat setelah Percepatan, pemohon Prioritas menerima paspor dalam median 1,0 hari "
        "kerja (rata-rata 1,3; dengan urutan kantor sekarang 2,0); pemohon Reguler rata-rata 0,67 hari kerja lebih "
        "lama (2,7 dibanding 2,0).")
    assert "0.67 working days longer" in replay_completion.answer_text(answer, "en")


def test_comparison_tables_for_the_pages(hand_db):
    r = completion(hand_db, "percepatan,prioritas,reguler")
    table = r.comparison().set_index(["lane", "measure"])
    assert table.loc[("prioritas", "median")].tolist() == [2.0, 1.0, -1.0]  # recorded, replayed, change
    assert table.loc[("reguler", "pending")].tolist() == [1, 1, 0]
    bap = r.bap_table().set_index("lane")
    assert bap.loc["prioritas", ["n", "median", "kept_lane_median"]].tolist() == [1, 2.0, 1.0]
    q = queue(hand_db, "fifo").comparison().set_index(["lane", "measure"])
    assert q.loc[("percepatan", "mean")].tolist() == [14.0, 24.0, 10.0]  # E: 14 recorded, 24 under fifo


def test_a_record_the_rules_cannot_explain_is_shown_as_such(hand_db):
    r = completion(hand_db, "percepatan,prioritas+reguler", office="HN2")
    assert issued(r) == {"M1": "05-12", "M2": None}
    assert r.reproduction == {"n": 2, "exact_share": 0.0, "moved": 2}


# ---------------------------------------------------------------------------------------------- the demo store


def test_replaying_the_demo_offices_orders_gives_its_record_back(demo_db):
    """The demo generator's vectorised queue and back office follow the replays' rules: every call and every issue
    day of the 120 days comes back exactly."""
    start, end = dt.date(2026, 3, 2), dt.date(2026, 6, 30)
    with connection.reader(demo_db) as con:
        q = replay_queue.replay_queue(con, "CLP", start, end, "prioritas,percepatan,reguler")
        c = replay_completion.replay_completion(con, "CLP", start, end, "percepatan,prioritas+reguler")
    assert q.reproduction["n"] > 10_000
    assert (q.reproduction["exact_share"], q.reproduction["max_abs_diff"]) == (1.0, 0.0)
    assert c.reproduction["n"] > 10_000 and c.reproduction["exact_share"] == 1.0
    # and another order does change the day: fifo on the same counters makes prioritas wait longer
    with connection.reader(demo_db) as con:
        fifo = replay_queue.replay_queue(con, "CLP", dt.date(2026, 6, 1), end, "fifo")
    assert fifo.lanes["prioritas"]["mean"] > 3 * fifo.lanes["prioritas"]["recorded"]["mean"]


# ---------------------------------------------------------------------------------------------- against SimPy


def synthetic_day(rng: np.random.Generator, n: int, rate: float, mean_hold: float):
    """Poisson arrivals (continuous times: no ties), lanes 20/65/15 %, exponential holds."""
    issued = np.cumsum(rng.exponential(1 / rate, n))
    lane = rng.choice(len(LANES), n, p=[0.2, 0.65, 0.15])
    hold = rng.exponential(mean_hold, n)
    return issued.tolist(), lane.tolist(), [f"T{i:05d}" for i in range(n)], hold.tolist()


def simpy_day(issued, lane, hold, counters: int, place_of_lane) -> list[float]:
    """The same day in SimPy: a PriorityResource of ``counters`` servers; priority = the lane's place, first come
    first served within a place (SimPy orders equal priorities by request time)."""
    env = simpy.Environment()
    desks = simpy.PriorityResource(env, capacity=counters)
    called = [math.nan] * len(issued)

    def ticket(i: int):
        yield env.timeout(issued[i])
        with desks.request(priority=place_of_lane[lane[i]]) as request:
            yield request
            called[i] = env.now
            yield env.timeout(hold[i])

    for i in range(len(issued)):
        env.process(ticket(i))
    env.run()
    return called


@pytest.mark.parametrize("order", ["fifo", "prioritas,percepatan,reguler", "reguler,prioritas+percepatan"])
def test_the_engine_matches_simpy_on_long_runs(order):
    rng = np.random.default_rng(13)
    place = [parse_order(order).rank[lane] for lane in LANES]
    for _ in range(5):  # five busy days of 600 tickets at 90 % load on 4 counters
        issued, lane, ids, hold = synthetic_day(rng, 600, rate=1.0, mean_hold=3.6)
        desks = [Counter(f"{i}", frozenset(range(3)), issued[0], INF) for i in range(4)]
        ours = replay_day(issued, lane, ids, hold, desks, place).called
        assert ours == pytest.approx(simpy_day(issued, lane, hold, 4, place), abs=1e-9)


def erlang_c_wait(arrival_rate: float, service_rate: float, servers: int) -> float:
    """Mean wait in an M/M/c FIFO queue: C(c, a) / (c mu - lambda), C the Erlang C probability of waiting."""
    a = arrival_rate / service_rate
    rho = a / servers
    top = a**servers / math.factorial(servers) / (1 - rho)
    p_wait = top / (sum(a**k / math.factorial(k) for k in range(servers)) + top)
    return p_wait / (servers * service_rate - arrival_rate)


def test_fifo_waits_agree_with_erlang_c():
    # M/M/3 at 80 % load: lambda 2.4 per minute, mu 1 per minute. Erlang C: P(wait) = 0.647, mean wait 1.079 min.
    rng = np.random.default_rng(5)
    issued, lane, ids, hold = synthetic_day(rng, 200_000, rate=2.4, mean_hold=1.0)
    desks = [Counter(f"{i}", frozenset(range(3)), 0.0, INF) for i in range(3)]
    called = np.array(replay_day(issued, lane, ids, hold, desks, [0, 0, 0]).called)
    mean_wait = float(np.mean(called - np.array(issued)))
    assert erlang_c_wait(2.4, 1.0, 3) == pytest.approx(1.0787, abs=1e-4)
    assert mean_wait == pytest.approx(erlang_c_wait(2.4, 1.0, 3), rel=0.05)  # 200 000 customers: within 5 %
