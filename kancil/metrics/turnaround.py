"""The turnaround figures that need Python beside their SQL: the office's targets as query parameters, medians with
their distribution-free 95% interval, the distribution curves, and the sentence of the study's finding.

The SQL in ``queries/`` does the counting; the interval of a median comes from the value counts a query returns
(``stats.median_ci``), so it is exact without fetching the rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kancil.contract import GROUPS, LANES
from kancil.filters import Filters
from kancil.metrics import stats
from kancil.store import queries, settings

WAIT_TARGET_KEYS = {"prioritas": "target_wait_prioritas", "reguler": "target_wait_reguler",
                    "percepatan": "target_wait_percepatan"}


def wait_targets(values: dict[str, str]) -> dict[str, float]:
    """The wait targets (minutes) as the named SQL parameters $target_prioritas, $target_reguler, ..."""
    return {f"target_{lane}": float(values[key]) for lane, key in WAIT_TARGET_KEYS.items()}


def completion_targets(values: dict[str, str]) -> dict[str, float]:
    """The completion standard (working days) as $target_days, and $target_days_percepatan for same-day service."""
    return {"target_days": float(values["target_completion_days"]),
            "target_days_percepatan": float(values["target_completion_days_percepatan"])}


def target_parameters(con) -> dict[str, float]:
    """Every target parameter a query may name, from the office's settings (defaults where unchanged)."""
    values = settings.all_settings(con)
    return {**wait_targets(values), **completion_targets(values)}


def lane_targets(values: dict[str, str]) -> dict[str, dict[str, float]]:
    """Per lane: its wait target in minutes and its completion standard in working days."""
    waits, done = wait_targets(values), completion_targets(values)
    return {lane: {"wait": waits[f"target_{lane}"], "completion": lane_completion_target(lane, done)}
            for lane in LANES}


def lane_completion_target(lane: str, targets: dict[str, float]) -> float:
    return targets["target_days_percepatan" if lane == "percepatan" else "target_days"]


def _ordered(frame: pd.DataFrame, column: str, order: tuple[str, ...], *first: str) -> pd.DataFrame:
    rank = frame[column].map({code: i for i, code in enumerate(order)})
    return frame.assign(_rank=rank).sort_values([*first, "_rank"], kind="stable").drop(columns="_rank")


def median_intervals(counts: pd.DataFrame, by: list[str], value: str, weight: str) -> pd.DataFrame:
    """Per group of ``by``: n, the median (linear, like DuckDB's quantile_cont) and its 95% interval.

    ``counts`` holds one row per distinct value with its count (a ``*_value_counts`` query), so the values are
    rebuilt exactly; groups are the combinations of ``by`` present in ``counts``.
    """
    columns = [*by, "n", "median", "ci_low", "ci_high", "small_n"]
    rows = []
    for key, group in counts.dropna(subset=[value]).groupby(by, sort=True):
        values = np.repeat(group[value].to_numpy(dtype=float), group[weight].to_numpy(dtype=np.int64))
        if len(values) == 0:
            continue
        low, high = stats.median_ci(values)
        keys = key if isinstance(key, tuple) else (key,)
        rows.append([*keys, len(values), float(np.median(values)), low, high, stats.is_small(len(values))])
    return pd.DataFrame(rows, columns=columns)


def wait_service_table(con, filters: Filters) -> pd.DataFrame:
    """Waits and service times per lane: n, mean, median with its 95% interval, p75/p90/p95, the maximum and its
    ticket, the lane's wait target and the share within it; wait rows first, lanes in their order."""
    targets = target_parameters(con)
    percentiles = queries.run(con, "wait_service_percentiles", filters, **targets)
    if percentiles.empty:
        return percentiles.drop(columns="curve")
    intervals = median_intervals(queries.run(con, "wait_value_counts", filters), ["measure", "lane"], "minutes",
                                 "tickets")
    merged = percentiles.drop(columns="curve").merge(
        intervals[["measure", "lane", "ci_low", "ci_high", "small_n"]], on=["measure", "lane"], how="left")
    merged["target"] = [targets[f"target_{lane}"] if measure == "wait" else None
                        for measure, lane in zip(merged["measure"], merged["lane"], strict=True)]
    merged["_m"] = merged["measure"] != "wait"
    return _ordered(merged, "lane", LANES, "_m").drop(columns="_m").reset_index(drop=True)


def wait_service_ecdf(con, filters: Filters) -> pd.DataFrame:
    """The 101 quantiles 0 %, 1 %, …, 100 % of each lane's waits and service times, one row per point."""
    percentiles = queries.run(con, "wait_service_percentiles", filters, **target_parameters(con))
    curves = percentiles[["measure", "lane", "n", "curve"]].explode("curve").rename(columns={"curve": "minutes"})
    curves = curves.astype({"minutes": float})
    curves["share"] = curves.groupby(["measure", "lane"]).cumcount() / 100
    return curves.reset_index(drop=True)


def completion_medians(con, filters: Filters) -> pd.DataFrame:
    """Median completion per lane (every issued application, as in the summary) with its 95% interval."""
    counts = queries.run(con, "completion_value_counts", filters)
    frame = median_intervals(counts, ["lane"], "completion_workdays", "applications")
    return _ordered(frame, "lane", LANES).reset_index(drop=True)


def walk_medians(con, filters: Filters) -> pd.DataFrame:
    """Walk to the counter per applicant group: n, median with its 95% interval, p90, in the groups' order."""
    walk = queries.run(con, "walk_by_group", filters)
    intervals = median_intervals(queries.run(con, "walk_value_counts", filters), ["applicant_group"], "minutes",
                                 "tickets")
    merged = walk.merge(intervals[["applicant_group", "ci_low", "ci_high", "small_n"]], on="applicant_group",
                        how="left")
    return _ordered(merged, "applicant_group", GROUPS)[
        ["applicant_group", "n", "median", "ci_low", "ci_high", "p90", "small_n"]].reset_index(drop=True)


def completion_finding(completion: dict[str, dict]) -> dict | None:
    """Whether priority completion is no shorter than reguler (the study's finding), from ``summary()``'s
    ``completion_workdays``; None when either lane has no issued application in the period.

    ``small`` says that a lane rests on fewer than 30 applications, so the sentence must be read with care.
    """
    pri, reg = completion.get("prioritas"), completion.get("reguler")
    if not pri or not reg or pri["median"] is None or reg["median"] is None:
        return None
    acc = completion.get("percepatan") or {}
    return {
        "not_faster": pri["median"] >= reg["median"],
        "prioritas": pri["median"],
        "reguler": reg["median"],
        "percepatan": acc.get("median"),
        "n_prioritas": pri["n"],
        "n_reguler": reg["n"],
        "small": stats.is_small(pri["n"]) or stats.is_small(reg["n"]),
    }
