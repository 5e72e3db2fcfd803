"""Honest comparisons: how many cases stand behind a figure, and a 95% interval around it.

Medians get a distribution-free interval from order statistics (the binomial method): no resampling, the same
answer every time, valid for any distribution. The IKM gets a bootstrap interval over responses (fixed seed),
because it is a mean of nine element means with unanswered cells; above ``BOOTSTRAP_MAX_N`` responses (a month of
many offices) the normal interval of the same statistic (delta method) replaces it: at that size the two agree to
a few hundredths of a point (tested), and the bootstrap's cost grows with n x resamples (seconds at 77,000).
"""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np
import pandas as pd

SMALL_N = 30  # a figure resting on fewer cases is marked as such
CHUNK_CELLS = 2_000_000  # resampled responses held in memory at once (16 MB of row numbers)
BOOTSTRAP_MAX_N = 5_000  # above this many responses the IKM interval is the delta-method one (``ikm_ci_normal``)


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


Weights = tuple[np.ndarray, float]  # the score's weights of the nine element means and its intercept (ikm.py)


def ikm_ci(
    values: pd.DataFrame | np.ndarray, weights: Weights, n_boot: int = 1000, seed: int = 14,
    bootstrap_max_n: int = BOOTSTRAP_MAX_N,
) -> tuple[float | None, float | None]:
    """95% bootstrap interval of the IKM score, resampling whole responses (fixed seed: the same every time);
    above ``bootstrap_max_n`` responses the delta-method interval (``ikm_ci_normal``). ``weights``: the score as a
    linear function of the element means, read off the SQL macro (``ikm.score_weights``).

    Fast because a page draws a dozen of them over up to tens of thousands of responses:

    Each resample becomes response weights (how often each response was drawn), so its nine element sums and answer
    counts are one matrix product instead of a loop over resamples; the row numbers are drawn in chunks from the
    same generator, so chunking does not change the numbers.
    """
    arr = np.asarray(values, dtype=float)
    n = len(arr)
    if n < 2:
        return None, None
    if n > bootstrap_max_n:
        return ikm_ci_normal(arr, weights)
    w, intercept = weights
    answered = ~np.isnan(arr)
    filled, ones = np.where(answered, arr, 0.0), answered.astype(float)
    rng = np.random.default_rng(seed)
    per_chunk = max(1, CHUNK_CELLS // n)
    scores = []
    for start in range(0, n_boot, per_chunk):
        rows = min(per_chunk, n_boot - start)
        picks = rng.integers(0, n, size=(rows, n)) + (np.arange(rows) * n)[:, None]
        weights = np.bincount(picks.ravel(), minlength=rows * n).reshape(rows, n).astype(float)
        with np.errstate(invalid="ignore", divide="ignore"):
            means = (weights @ filled) / (weights @ ones)  # NaN where a resample has no answer to an element
        scores.append(means @ w + intercept)
    found = np.concatenate(scores)
    found = found[~np.isnan(found)]
    if len(found) == 0:
        return None, None
    return float(np.percentile(found, 2.5)), float(np.percentile(found, 97.5))


def ikm_ci_normal(values: pd.DataFrame | np.ndarray, weights: Weights,
                  level: float = 0.95) -> tuple[float | None, float | None]:
    """Normal-approximation interval of the IKM score (delta method), for many responses.

    The score is linear in the nine element means m_j (weights w_j), each over the responses that answered it
    (share p_j). Response i moves the score by z_i = sum_j w_j x answered_ij x (x_ij - m_j) / p_j (its influence),
    so the score's standard error is sd(z) / sqrt(n); the interval is score -/+ z_(0.975) x se.
    """
    arr = np.asarray(values, dtype=float)
    n = len(arr)
    answered = ~np.isnan(arr)
    counts = answered.sum(axis=0)
    if n < 2 or (counts == 0).any():
        return None, None
    w, intercept = weights
    means = np.where(answered, arr, 0.0).sum(axis=0) / counts
    influence = (np.where(answered, arr - means, 0.0) / (counts / n)) @ w
    half = NormalDist().inv_cdf((1 + level) / 2) * influence.std(ddof=1) / math.sqrt(n)
    score = float(means @ w + intercept)
    return float(score - half), float(score + half)
