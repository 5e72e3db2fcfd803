"""The turnaround page's few computations outside SQL: targets as query parameters, median intervals, the finding.

The SQL in ``queries/`` does the counting; what is here needs Python: the distribution-free interval of a median
(``stats.median_ci``, from the value counts a query returns, so the interval is exact without fetching rows) and
the sentence that states the study's finding from the numbers of ``metrics.summary``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kancil.metrics import stats

WAIT_TARGET_KEYS = {"prioritas": "target_wait_prioritas", "reguler": "target_wait_reguler",
                    "percepatan": "target_wait_percepatan"}


def wait_targets(settings: dict[str, str]) -> dict[str, float]:
    """The wait targets (minutes) as the named SQL parameters $target_prioritas, $target_reguler, ..."""
    return {f"target_{lane}": float(settings[key]) for lane, key in WAIT_TARGET_KEYS.items()}


def completion_targets(settings: dict[str, str]) -> dict[str, float]:
    """The completion standard (working days) as $target_days, and $target_days_percepatan for same-day service."""
    return {"target_days": float(settings["target_completion_days"]),
            "target_days_percepatan": float(settings["target_completion_days_percepatan"])}


def lane_completion_target(lane: str, targets: dict[str, float]) -> float:
    return targets["target_days_percepatan" if lane == "percepatan" else "target_days"]


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
