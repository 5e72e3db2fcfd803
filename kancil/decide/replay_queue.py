"""Replay of the counter queue: the office's own days, with their recorded arrivals, under another calling order.

Why replay and not model: the head of office asks "what if we had called in another order on the days we actually
had"; the recorded arrivals and service times answer that without any assumption about demand. Each day is
replayed on its own (``queue_engine.replay_day``). Only served tickets (status ``selesai`` with call and service end)
take part; the others keep their recorded outcome and are left out of the waits, on both sides of the comparison.

Counters: as recorded (each counter of the day open from its first recorded call to its last recorded service end,
serving the lanes it called that day), or ``counters=N``: N counters serving every lane, open from the day's first
ticket until the queue is empty.

Trust: with the office's own order, the replay should give back the recorded calls. ``reproduction`` says how
close it comes (the share of tickets called at exactly the recorded moment, the mean and largest difference).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd

from kancil.contract import LANES
from kancil.decide import inputs
from kancil.decide.orders import Order
from kancil.decide.queue_engine import INF, Counter, replay_day
from kancil.i18n import t
from kancil.metrics.turnaround import wait_targets
from kancil.store import queries, settings

US_PER_MINUTE = 60_000_000
LANE_INDEX = {lane: i for i, lane in enumerate(LANES)}


def wait_stats(minutes: np.ndarray, target: float) -> dict[str, float | int | None]:
    """n, mean, median, p90 (linear quantiles, as DuckDB's quantile_cont) and the share above the target."""
    if not len(minutes):
        return {"n": 0, "mean": None, "median": None, "p90": None, "share_above_target": None}
    return {
        "n": int(len(minutes)),
        "mean": float(np.mean(minutes)),
        "median": float(np.percentile(minutes, 50)),
        "p90": float(np.percentile(minutes, 90)),
        "share_above_target": float(np.mean(minutes > target)),
    }


@dataclass
class QueueReplay:
    """The replay of a period: per-lane figures (replayed and recorded) and every replayed ticket."""

    office: str
    date_from: dt.date
    date_to: dt.date
    order: Order
    counters: int | None
    lanes: dict[str, dict]
    reproduction: dict[str, float | int | None]
    days: int
    left_out: int  # tickets not replayed: not served, or without the times a replay needs
    tickets: pd.DataFrame = field(repr=False)  # ticket_id, lane, tanggal, recorded/replayed wait and counter

    def comparison(self) -> pd.DataFrame:
        """For a table or chart: per lane and measure (n, mean, median, p90, share_above_target) the recorded and
        the replayed value and the change."""
        return comparison(self.lanes, ("n", "mean", "median", "p90", "share_above_target"))

    def as_json(self) -> dict:
        return {
            "office": self.office,
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "order": self.order.label(),
            "counters": "recorded" if self.counters is None else self.counters,
            "days": self.days,
            "left_out": self.left_out,
            "lanes": self.lanes,
            "reproduction": self.reproduction,
        }


def comparison(lanes: dict[str, dict], measures: tuple[str, ...]) -> pd.DataFrame:
    """Per lane and measure: recorded, replayed, change (replayed - recorded; None where either is missing)."""
    rows = []
    for lane in LANES:
        for measure in measures:
            replayed, recorded = lanes[lane].get(measure), lanes[lane]["recorded"].get(measure)
            change = None if replayed is None or recorded is None else replayed - recorded
            rows.append({"lane": lane, "measure": measure, "recorded": recorded, "replayed": replayed,
                         "change": change})
    return pd.DataFrame(rows)


def recorded_counters(lane: list[str], counter: list, called: list, end: list) -> list[Counter]:
    """The day's counters as recorded: open from the first call to the last service end (or call), serving the
    lanes they called; from the day's tickets (``None`` where a ticket has no counter, call or end)."""
    seen: dict[str, list] = {}
    for ln, name, c, e in zip(lane, counter, called, end, strict=True):
        if name is None or c is None:
            continue
        entry = seen.setdefault(str(name), [c, c, set()])
        entry[0] = min(entry[0], c)
        entry[1] = max(entry[1], c if e is None else max(c, e))
        entry[2].add(LANE_INDEX[ln])
    return [Counter(name, frozenset(lanes), opens, closes) for name, (opens, closes, lanes) in sorted(seen.items())]


def open_counters(n: int, first_issue: int) -> list[Counter]:
    """``n`` counters serving every lane, open from the day's first ticket, never closing before the queue is empty."""
    return [Counter(f"{i:03d}", frozenset(range(len(LANES))), first_issue, INF) for i in range(1, n + 1)]




def _nullable(values: pd.Series) -> list:
    """Integers as Python ints, missing values as None (the engine compares plain numbers)."""
    return [None if pd.isna(v) else int(v) for v in values.tolist()]


def replay_frame(frame: pd.DataFrame, order: Order, counters: int | None = None) -> pd.DataFrame:
    """Replay the tickets of ``decide_queue_tickets.sql`` day by day; the replayed tickets with both waits."""
    place_of_lane = [order.rank[lane] for lane in LANES]
    day_of = frame["tanggal"].to_numpy()
    bounds = np.flatnonzero(np.r_[True, day_of[1:] != day_of[:-1], True]) if len(frame) else np.array([0])
    lane, ticket, counter = frame["lane"].tolist(), frame["ticket_id"].tolist(), frame["counter"].tolist()
    counter = [None if pd.isna(c) else c for c in counter]
    issued, called, end = frame["issued_us"].tolist(), _nullable(frame["called_us"]), _nullable(frame["end_us"])
    hold, replayed = _nullable(frame["hold_us"]), frame["replayed"].tolist()
    rows: list[int] = []
    replayed_call: list[float | None] = []
    replayed_counter: list[str | None] = []
    for a, b in zip(bounds[:-1], bounds[1:], strict=True):
        served = [i for i in range(a, b) if replayed[i]]
        if not served:
            continue
        if counters is None:
            desks = recorded_counters(lane[a:b], counter[a:b], called[a:b], end[a:b])
        else:
            desks = open_counters(counters, min(issued[i] for i in served))
        result = replay_day([issued[i] for i in served], [LANE_INDEX[lane[i]] for i in served],
                            [ticket[i] for i in served], [hold[i] for i in served], desks, place_of_lane, order.cap)
        rows += served
        replayed_call += result.called
        replayed_counter += [None if c is None else desks[c].name for c in result.counter]
    pick = frame.iloc[rows]
    issued_us = pick["issued_us"].to_numpy(dtype=float)
    call = np.array([np.nan if c is None else c for c in replayed_call], dtype=float)
    return pd.DataFrame({
        "ticket_id": pick["ticket_id"].to_numpy(),
        "lane": pick["lane"].to_numpy(),
        "tanggal": pick["tanggal"].to_numpy(),
        "issued_us": pick["issued_us"].to_numpy(),
        "recorded_wait": (pick["called_us"].to_numpy(dtype=float) - issued_us) / US_PER_MINUTE,
        "replayed_wait": (call - issued_us) / US_PER_MINUTE,
        "recorded_counter": pick["counter"].to_numpy(),
        "replayed_counter": replayed_counter,
    })


def summarise(tickets: pd.DataFrame, targets: dict[str, float]) -> dict[str, dict]:
    """Per lane: the replayed figures, ``not_served`` (no counter for it in the replay) and the recorded ones."""
    out = {}
    for lane in LANES:
        rows = tickets[tickets["lane"] == lane]
        replayed = rows["replayed_wait"].to_numpy(dtype=float)
        target = targets[f"target_{lane}"]
        out[lane] = {
            **wait_stats(replayed[~np.isnan(replayed)], target),
            "not_served": int(np.isnan(replayed).sum()),
            "target": target,
            "recorded": wait_stats(rows["recorded_wait"].to_numpy(dtype=float), target),
        }
    return out


def reproduction(tickets: pd.DataFrame) -> dict[str, float | int | None]:
    """How close the replay comes to the record: tickets called at exactly the recorded moment, and the gap."""
    both = tickets.dropna(subset=["replayed_wait"])
    if both.empty:
        return {"n": 0, "exact_share": None, "mean_abs_diff": None, "max_abs_diff": None}
    diff = (both["replayed_wait"] - both["recorded_wait"]).abs().to_numpy(dtype=float)
    return {"n": int(len(both)), "exact_share": float(np.mean(diff < 1e-9)), "mean_abs_diff": float(diff.mean()),
            "max_abs_diff": float(diff.max())}


def replay_queue(con: duckdb.DuckDBPyConnection, office: str, date_from: dt.date, date_to: dt.date,
                 order: str | Order, counters: int | None = None, cap: int | None = None,
                 lang: str = "id") -> QueueReplay:
    """Replay the office's days ``date_from``..``date_to`` under ``order`` (see the module docstring)."""
    inputs.check_period(date_from, date_to, lang)
    office = inputs.check_office(con, office, lang)
    chosen = inputs.check_order(order, cap)
    if counters is not None and counters < 1:
        raise inputs.DecideError(t("decide.error.counters", lang, value=counters))
    frame = queries.run(con, "decide_queue_tickets", date_from=date_from, date_to=date_to, office=office)
    if not frame["replayed"].any():
        raise inputs.empty_period("tickets", office, date_from, date_to, lang)
    tickets = replay_frame(frame, chosen, counters)
    targets = wait_targets(settings.all_settings(con))
    return QueueReplay(office, date_from, date_to, chosen, counters, summarise(tickets, targets),
                       reproduction(tickets), int(tickets["tanggal"].nunique()), int((~frame["replayed"]).sum()),
                       tickets)
