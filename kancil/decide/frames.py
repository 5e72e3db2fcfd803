"""The forecast and the replays as catalogue figures: one flat frame per figure, for the pages' one-call-per-figure
web layer (cached per store version, the privacy rule applied) and for the tables behind their charts.

Why frames: the pages read every figure through ``kancil.metrics.figures.compute`` and label every column from the
catalogue; the forecast's and replays' own objects stay the CLI's and the tests' API. A figure that needs an
office takes the filters' office, else the store's first office (the page always passes one).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import duckdb
import pandas as pd

from kancil.contract import LANES
from kancil.decide import forecast, inputs, replay_completion, replay_queue
from kancil.filters import Filters
from kancil.i18n import t
from kancil.store import settings


def _empty_when_refused(compute: Callable[..., pd.DataFrame]) -> Callable[..., pd.DataFrame]:
    @functools.wraps(compute)
    def wrapper(*args: object, **kwargs: object) -> pd.DataFrame:
        try:
            return compute(*args, **kwargs)
        except inputs.DecideError:
            return pd.DataFrame()

    return wrapper


def _office(con: duckdb.DuckDBPyConnection, filters: Filters | None) -> str:
    if filters is not None and filters.office:
        return filters.office
    offices = inputs.known_offices(con)
    if not offices:
        raise inputs.DecideError(t("decide.error.office", value="—", known="—"))
    return offices[0]


@_empty_when_refused
def forecast_days(con: duckdb.DuckDBPyConnection, filters: Filters | None, lane: str = "prioritas",
                  horizon: int = 40, history_days: int = 60) -> pd.DataFrame:
    """The recorded last ``history_days`` working days and the forecast days (``Forecast.chart_frame``), with the
    forecast's summary (method, backtest, quota suggestion) repeated on every row."""
    f = forecast.forecast(con, _office(con, filters), lane, horizon)
    frame = f.chart_frame(history_days)
    b, q = f.backtest, f.quota_suggestion
    frame["overflow"] = frame["p_over_quota"] >= 0.5
    summary = {"office": f.office, "lane": lane, "method": f.method, "history_days": f.history_days,
               "mae": b.get("mae"), "naive_mae": b.get("naive_mae"), "mase": b.get("mase"),
               "coverage80": b.get("coverage80"), "backtest_days": b.get("days", 0),
               "quota_coverage": q["coverage"], "quota_history": q["history"], "quota_horizon": q["horizon"]}
    return frame.assign(**summary)


def _order(con: duckdb.DuckDBPyConnection, order: str | None, key: str) -> str:
    return order or settings.all_settings(con)[key]


@_empty_when_refused
def replay_queue_lanes(con: duckdb.DuckDBPyConnection, filters: Filters, order: str | None = None,
                       counters: int | None = None) -> pd.DataFrame:
    """Per lane: the replayed and recorded waits (n, mean, median, p90, share above target), and how close the
    replay comes to the record (the same on every row). ``order`` None: the office's own (``urutan_panggil``)."""
    r = replay_queue.replay_queue(con, _office(con, filters), filters.date_from, filters.date_to,
                                  _order(con, order, "urutan_panggil"), counters=counters)
    rows = []
    for lane in LANES:
        v, rec = r.lanes[lane], r.lanes[lane]["recorded"]
        rows.append({"lane": lane, "n": v["n"], "target": v["target"], "not_served": v["not_served"],
                     **{k: v[k] for k in ("mean", "median", "p90", "share_above_target")},
                     **{f"recorded_{k}": rec[k] for k in ("mean", "median", "p90", "share_above_target")}})
    frame = pd.DataFrame(rows)
    frame["change_median"] = frame["median"] - frame["recorded_median"]
    return frame.assign(order=r.order.label(), exact_share=r.reproduction["exact_share"],
                        mean_abs_diff=r.reproduction["mean_abs_diff"])


@_empty_when_refused
def replay_completion_lanes(con: duckdb.DuckDBPyConnection, filters: Filters,
                            order: str | None = None) -> pd.DataFrame:
    """Per lane: the replayed and recorded completion (n, pending, mean, median, p90, share within the standard),
    the lane's BAP cases ranked as reguler and keeping their lane, and how close the replay comes to the record.
    ``order`` None: the office's own (``urutan_proses``)."""
    r = replay_completion.replay_completion(con, _office(con, filters), filters.date_from, filters.date_to,
                                            _order(con, order, "urutan_proses"))
    rows = []
    for lane in LANES:
        v, rec, bap = r.lanes[lane], r.lanes[lane]["recorded"], r.bap[lane]
        rows.append({"lane": lane, "n": v["n"], "pending": v["pending"], "target": v["target"],
                     **{k: v[k] for k in ("mean", "median", "p90", "share_within")},
                     **{f"recorded_{k}": rec[k] for k in ("mean", "median", "p90", "share_within")},
                     "bap_n": bap["n"], "bap_median": bap["median"], "bap_mean": bap["mean"],
                     "bap_kept_median": bap["kept_lane"]["median"], "bap_kept_mean": bap["kept_lane"]["mean"]})
    frame = pd.DataFrame(rows)
    frame["change_mean"] = frame["mean"] - frame["recorded_mean"]
    return frame.assign(order=r.order.label(), exact_share=r.reproduction["exact_share"],
                        moved=r.reproduction["moved"])


@_empty_when_refused
def priority_answer(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The head of office's question (``replay_completion.priority_after_percepatan``): one row per lane
    (prioritas, reguler) with the replayed and the office-order figures and the change."""
    answer = replay_completion.priority_after_percepatan(con, _office(con, filters), filters.date_from,
                                                         filters.date_to)
    frame = pd.DataFrame([{"lane": lane, **answer[lane]} for lane in ("prioritas", "reguler")])
    frame = frame.astype({c: float for c in frame.columns if c not in ("lane", "pending")})
    return frame.assign(order=answer["order"], office_order=answer["office_order"],
                        exact_share=answer["reproduction"]["exact_share"])
