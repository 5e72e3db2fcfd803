"""Honest comparisons: how many cases stand behind a figure, and a 95% interval around it.

Medians get a distribution-free interval from order statistics (the binomial method): no resampling, the same
answer every time, valid for any distribution. The IKM gets a bootstrap interval over responses (fixed seed),
because it is a mean of nine element means with unanswered cells.
"""

from __future__ import annotations

import math
import warnings
from statistics import NormalDist

import numpy as np
import pandas as pd

SMALL_N = 30  # a figure resting on fewer cases is marked as such


def is_small(n: int | None) -> bool:
    return n is None or n < SMALL_N


def median_ci(values: np.ndarray | pd.Series, level: float = 0.95) -> tuple[float | None, float | None]:
    """Distribution-free interval for the median: order statistics at ranks n/2 -/+ z*sqrt(n)/2."""
    x = np.sort(np.asarray(pd.Series(values).dropna(), dtype=float))
    n = len(x)
    if n == 0:
        return None, None
    if n < 6:
        return float(x[0]), float(x[-1])
    z = NormalDist().inv_cdf((1 + level) / 2)
    half = z * math.sqrt(n) / 2
    lo = max(int(math.floor(n / 2 - half)), 0)
    hi = min(int(math.ceil(n / 2 + half)), n - 1)
    return float(x[lo]), float(x[hi])


def ikm_score(answers: np.ndarray) -> float:
    """Converted IKM score of a (responses x 9) array with NaN for unanswered: mean of element means x 25."""
    means = np.nanmean(answers, axis=0)
    return float(np.mean(means) * 25)


def ikm_ci(answers: pd.DataFrame | np.ndarray, n_boot: int = 1000, seed: int = 14) -> tuple[float | None, ...]:
    """95% bootstrap interval of the IKM score, resampling whole responses."""
    arr = np.asarray(answers, dtype=float)
    if len(arr) < 2:
        return None, None
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(arr), size=(n_boot, len(arr)))
    with np.errstate(invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", category=RuntimeWarning)  # an element unanswered in a resample
        scores = np.array([np.mean(np.nanmean(arr[p], axis=0)) * 25 for p in picks])
    scores = scores[~np.isnan(scores)]
    if len(scores) == 0:
        return None, None
    return float(np.percentile(scores, 2.5)), float(np.percentile(scores, 97.5))

