"""Replay of the back office: the recorded issue days of a period's applications, handed out in another order.

Why this shape: the study's second recommendation is that priority applicants should get their passport sooner,
and the office's answer so far has been "percepatan goes first, so we cannot". The replay keeps the office's own
daily output fixed (each working day has as many slots as the period's applications were recorded as issued that
day) and only changes who gets them, so it says what another order would have done with the same work.

The rules (docs/decide.md):

- The applications submitted in the period (issued at any date, or not yet). Each date on which some of them were
  issued has that many slots.
- An application is eligible from the first working day after its submission date (percepatan: its submission
  date); a BAP case from the first working day after the date of its ``bap_end`` (without a ``bap_end`` it is still
  waiting for its examination and never eligible).
- Each slot day, in date order, gives its slots to the eligible applications not yet issued, in the chosen order:
  the lower place first, then the earlier ``submitted_at``, then the smaller ``application_id``; the cap K works as
  in the queue replay (``queue_engine``), counting consecutive slots. A slot nobody is eligible for is lost.
- BAP cases are ranked as reguler: the priority service does not reach the examination (recommendation 1). The
  what-if ``bap_keeps_lane`` ranks them by their own lane.
- Completion = working days after the submission date up to and including the issue date, the project's one
  definition (``hari_kerja.workday_index`` difference, as ``kancil/store/calendar.py`` stores it).
"""

from __future__ import annotations

import datetime as dt
import heapq
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd

from kancil.contract import LANES
from kancil.decide import inputs
from kancil.decide.orders import Order
from kancil.decide.replay_queue import comparison
from kancil.i18n import code_label, fmt_num, t
from kancil.metrics.turnaround import completion_targets, lane_completion_target
from kancil.store import queries, settings

PRIORITY_AFTER_PERCEPATAN = "percepatan,prioritas,reguler"  # the head of office's question (issue 13)


def completion_stats(days: np.ndarray, pending: int, target: float) -> dict[str, float | int | None]:
    """n issued, pending, mean, median, p90 (linear quantiles) and the share within the standard."""
    base: dict[str, float | int | None] = {"n": int(len(days)), "pending": int(pending)}
    if not len(days):
        return {**base, "mean": None, "median": None, "p90": None, "share_within": None}
    return {**base, "mean": float(np.mean(days)), "median": float(np.percentile(days, 50)),
            "p90": float(np.percentile(days, 90)), "share_within": float(np.mean(days <= target))}




def eligible_on(frame: pd.DataFrame) -> pd.Series:
    """The first date each application may be issued on under the replay's rules (NaT: never)."""
    lane_rule = frame["after_submission"].where(frame["lane"] != "percepatan", frame["submitted_on"])
    bap = frame["bap_required"].astype(bool)
    return pd.to_datetime(lane_rule.where(~bap, frame["after_bap"]))


def replay_frame(frame: pd.DataFrame, order: Order, bap_keeps_lane: bool = False) -> pd.DataFrame:
    """The applications of ``decide_completion_applications.sql`` with their replayed issue date and completion."""
    n = len(frame)
    rank = order.rank
    bap = frame["bap_required"].astype(bool).to_numpy()
    lanes = frame["lane"].to_numpy()
    place = np.array([rank["reguler" if (b and not bap_keeps_lane) else ln] for ln, b in zip(lanes, bap,
                                                                                             strict=True)],
                     dtype=np.int64)
    eligible = eligible_on(frame).to_numpy(dtype="datetime64[D]")
    issued_on = pd.to_datetime(frame["issued_on"]).to_numpy(dtype="datetime64[D]")
    slot_days, slots = np.unique(issued_on[~np.isnat(issued_on)], return_counts=True)
    day_index = dict(zip(issued_on[~np.isnat(issued_on)].tolist(),
                         frame["issue_index"].to_numpy()[~np.isnat(issued_on)].tolist(), strict=True))
    waiting_order = [i for i in np.argsort(eligible, kind="stable").tolist() if not np.isnat(eligible[i])]
    submitted, app_id = frame["submitted_us"].tolist(), frame["application_id"].tolist()
    places = sorted(set(rank.values()))
    heaps: dict[int, list] = {p: [] for p in places}
    passed = dict.fromkeys(places, 0)
    replayed: list[dt.date | None] = [None] * n
    replayed_index: list[int | None] = [None] * n
    pointer = 0
    for day, count in zip(slot_days, slots, strict=True):
        while pointer < len(waiting_order) and eligible[waiting_order[pointer]] <= day:
            i = waiting_order[pointer]
            heapq.heappush(heaps[place[i]], (submitted[i], app_id[i], i))
            pointer += 1
        for _ in range(int(count)):
            open_places = [p for p in places if heaps[p]]
            if not open_places:
                break  # nobody eligible: the slot is lost
            chosen = open_places[0]
            if order.cap is not None:
                forced = [p for p in open_places if passed[p] >= order.cap and p > chosen]
                if forced:
                    chosen = forced[0]
                for p in places:
                    if p == chosen or p not in open_places:
                        passed[p] = 0
                    elif p > chosen:
                        passed[p] += 1
            i = heapq.heappop(heaps[chosen])[2]
            replayed[i] = day.astype(dt.date)
            replayed_index[i] = day_index[day.astype(dt.date)]
    out = frame[["application_id", "lane", "bap_required", "submitted_on", "issued_on", "completion_workdays"]].copy()
    out["replayed_on"] = replayed
    submit_index = frame["submit_index"].to_numpy(dtype=float)
    replayed_days = np.array([np.nan if x is None else x for x in replayed_index], dtype=float)
    out["replayed_workdays"] = replayed_days - submit_index
    return out


def summarise(apps: pd.DataFrame, targets: dict[str, float], rows: pd.Series | None = None) -> dict[str, dict]:
    """Per lane: the replayed completion figures and the recorded ones (of ``rows`` of ``apps``, default all)."""
    if rows is not None:
        apps = apps[rows]
    out = {}
    for lane in LANES:
        part = apps[apps["lane"] == lane]
        target = lane_completion_target(lane, targets)
        replayed = part["replayed_workdays"].to_numpy(dtype=float)
        recorded_issued = part["issued_on"].notna().to_numpy()
        recorded = part["completion_workdays"].to_numpy(dtype=float)[recorded_issued]
        out[lane] = {
            **completion_stats(replayed[~np.isnan(replayed)], int(np.isnan(replayed).sum()), target),
            "target": target,
            "recorded": completion_stats(recorded[~np.isnan(recorded)], int((~recorded_issued).sum()), target),
        }
    return out


def reproduction(apps: pd.DataFrame) -> dict[str, float | int | None]:
    """How close the replay comes to the record: applications issued on the recorded day (or pending in both)."""
    if apps.empty:
        return {"n": 0, "exact_share": None, "moved": 0}
    recorded = pd.to_datetime(apps["issued_on"])
    replayed = pd.to_datetime(apps["replayed_on"])
    same = (recorded == replayed) | (recorded.isna() & replayed.isna())
    return {"n": int(len(apps)), "exact_share": float(same.mean()), "moved": int((~same).sum())}


@dataclass
class CompletionReplay:
    """The back-office replay of a period: per lane, the BAP what-if, how close it comes, every application."""

    office: str
    date_from: dt.date
    date_to: dt.date
    order: Order
    lanes: dict[str, dict]
    bap: dict[str, dict]  # per lane, BAP cases: ranked as reguler (the replay) and "kept_lane" (the what-if)
    reproduction: dict[str, float | int | None]
    applications: pd.DataFrame = field(repr=False)

    def comparison(self) -> pd.DataFrame:
        """Per lane and measure (n, pending, mean, median, p90, share_within): recorded, replayed, change."""
        return comparison(self.lanes, ("n", "pending", "mean", "median", "p90", "share_within"))

    def bap_table(self) -> pd.DataFrame:
        """Per lane, the BAP cases: n, and median and mean completion ranked as reguler and keeping their lane."""
        return pd.DataFrame([{"lane": lane, "n": v["n"], "median": v["median"], "mean": v["mean"],
                              "kept_lane_median": v["kept_lane"]["median"], "kept_lane_mean": v["kept_lane"]["mean"]}
                             for lane, v in self.bap.items()])

    def as_json(self) -> dict:
        return {"office": self.office, "from": self.date_from.isoformat(), "to": self.date_to.isoformat(),
                "order": self.order.label(), "lanes": self.lanes, "bap": self.bap,
                "reproduction": self.reproduction}


def load(con: duckdb.DuckDBPyConnection, office: str, date_from: dt.date, date_to: dt.date,
         lang: str = "id") -> pd.DataFrame:
    """The period's applications (checked: a known office, a period in order, not empty)."""
    inputs.check_period(date_from, date_to, lang)
    office = inputs.check_office(con, office, lang)
    frame = queries.run(con, "decide_completion_applications", date_from=date_from, date_to=date_to, office=office)
    if frame.empty:
        raise inputs.empty_period("applications", office, date_from, date_to, lang)
    return frame


def replay_completion(con: duckdb.DuckDBPyConnection, office: str, date_from: dt.date, date_to: dt.date,
                      order: str | Order, cap: int | None = None, lang: str = "id") -> CompletionReplay:
    """Replay the back office for the applications submitted ``date_from``..``date_to`` under ``order``."""
    chosen = inputs.check_order(order, cap)
    frame = load(con, office, date_from, date_to, lang)
    targets = completion_targets(settings.all_settings(con))
    apps = replay_frame(frame, chosen)
    kept = replay_frame(frame, chosen, bap_keeps_lane=True)
    bap_rows = apps["bap_required"].astype(bool)
    bap = summarise(apps, targets, bap_rows)
    kept_lane = summarise(kept, targets, bap_rows)
    for lane in LANES:
        bap[lane]["kept_lane"] = {k: v for k, v in kept_lane[lane].items() if k not in ("recorded", "target")}
    return CompletionReplay(office, date_from, date_to, chosen, summarise(apps, targets), bap, reproduction(apps),
                            apps)


def priority_after_percepatan(con: duckdb.DuckDBPyConnection, office: str, date_from: dt.date, date_to: dt.date,
                              lang: str = "id") -> dict:
    """The head of office's question: with prioritas processed right after percepatan, how many working days would
    priority applicants wait, and how many more the reguler ones?

    Compared with the replay of the office's own processing order (setting ``urutan_proses``), so that what the
    replay cannot reproduce of the record cancels out; the recorded figures come along.
    """
    office_order = settings.all_settings(con)["urutan_proses"]
    asked = replay_completion(con, office, date_from, date_to, PRIORITY_AFTER_PERCEPATAN, lang=lang)
    own = replay_completion(con, office, date_from, date_to, office_order, lang=lang)

    def lane(name: str) -> dict:
        new, base = asked.lanes[name], own.lanes[name]
        return {"median": new["median"], "mean": new["mean"], "p90": new["p90"], "pending": new["pending"],
                "office_order_median": base["median"], "office_order_mean": base["mean"],
                "recorded_median": base["recorded"]["median"], "recorded_mean": base["recorded"]["mean"],
                "change_mean": None if new["mean"] is None or base["mean"] is None else new["mean"] - base["mean"],
                "change_median": (None if new["median"] is None or base["median"] is None
                                  else new["median"] - base["median"])}

    return {"office": office, "from": date_from.isoformat(), "to": date_to.isoformat(),
            "order": asked.order.label(), "office_order": own.order.label(),
            "reproduction": own.reproduction, "prioritas": lane("prioritas"), "reguler": lane("reguler")}


def answer_text(answer: dict, lang: str = "id") -> str:
    """The head of office's question answered in one sentence, from ``priority_after_percepatan``."""
    pri, reg = answer["prioritas"], answer["reguler"]
    if pri["median"] is None or reg["mean"] is None:
        return t("decide.answer.none", lang)
    change = reg["change_mean"] or 0.0
    return t("decide.answer.text", lang, prioritas=code_label("prioritas", lang),
             percepatan=code_label("percepatan", lang),
             median=fmt_num(pri["median"], lang, 1), mean=fmt_num(pri["mean"], lang, 1),
             before=fmt_num(pri["office_order_mean"], lang, 1), reguler=code_label("reguler", lang),
             more=fmt_num(abs(change), lang, 2),
             direction=t("decide.answer.longer" if change >= 0 else "decide.answer.shorter", lang),
             reg_mean=fmt_num(reg["mean"], lang, 1), reg_before=fmt_num(reg["office_order_mean"], lang, 1))
