"""Demand forecast against the quota: tickets per working day of one office and lane, with prediction intervals.

Why this model (docs/decide.md has the backtest numbers): a negative binomial regression (statsmodels
``NegativeBinomial``, NB2, maximum likelihood) on the Indonesian calendar of ``calendar_features``. Counts of a few
dozen tickets a day are over-dispersed counts, not Gaussian; the calendar effects are multiplicative (log link);
and the prediction interval and the probability of demand above the quota come straight from the fitted
distribution. It was chosen over SARIMAX(1,0,0) on log counts with the same regressors by the rolling-origin
backtest: the same or better MAE (reguler 15.0 against 18.1 tickets), interval coverage as good, and a backtest in
well under a second instead of 40-100 s. statsforecast 2.1.1 cannot even be installed beside the pinned pandas
3.1.1 (and brings numba); Prophet needs a Stan toolchain.

It proves itself every time it runs: a rolling-origin backtest over the store's own history (``backtest``) gives
MAE, the MAE of the seasonal-naive forecast "same weekday last week" on the same days, MASE, and the share of
held-out days inside the 80 % interval. With under ``MIN_HISTORY`` working days (about six months) it says so and
uses a plainly labelled simple method instead: each weekday's mean over the last eight weeks.

The working days come from the office's calendar (``hari_kerja``): closed days are not forecast.
"""

from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd

from kancil.decide import calendar_features, inputs
from kancil.i18n import t
from kancil.store import queries, settings

MIN_HISTORY = 120  # working days (about six months): fewer and the calendar effects cannot be estimated
SIMPLE_WEEKS = 8
BACKTEST_STEP = 20  # working days between origins, and the horizon of each backtest forecast
BACKTEST_ORIGINS = 12  # about one year of held-out working days
MAX_HORIZON = 250
MODEL = "negbin"
SIMPLE = "simple"


# ------------------------------------------------------------------------------------------------ the two methods


@dataclass
class Fitted:
    """A fitted method: the mean and the NB2 dispersion (variance = mu + alpha mu^2) of each day asked about."""

    mean: np.ndarray
    alpha: np.ndarray | float


def _nb(mean: np.ndarray, alpha: np.ndarray | float):
    """The negative binomial of mean ``mean`` and dispersion ``alpha`` (scipy's n, p parameters)."""
    from scipy import stats

    alpha = np.maximum(np.broadcast_to(alpha, np.shape(mean)), 1e-8)
    size = 1.0 / alpha
    return stats.nbinom(size, size / (size + np.maximum(mean, 1e-9)))


def fit_negbin(history: pd.DataFrame, days: pd.DataFrame) -> Fitted:
    """NB2 regression of the tickets on the calendar regressors; the means and dispersion for ``days``.

    statsmodels GLM by IRLS: a Poisson fit gives the means, the dispersion alpha comes from the NB2 moment
    (Cameron and Trivedi's auxiliary regression of ((y - mu)^2 - y) / mu on mu), and a negative binomial GLM with
    that alpha gives the final coefficients. Two IRLS fits take milliseconds, which lets the backtest refit at
    every origin; the full maximum-likelihood fit of alpha (``NegativeBinomial``) gave the same MAE to two decimals,
    coverage within two points, and took ten times longer.
    """
    from statsmodels.genmod import families
    from statsmodels.genmod.generalized_linear_model import GLM

    origin = history["tanggal"].iloc[0]
    x_all = calendar_features.features(pd.concat([history["tanggal"], days["tanggal"]], ignore_index=True), origin)
    keep = (x_all.iloc[: len(history)].std() > 0).to_numpy() | (x_all.columns == "const")
    x_all = x_all.loc[:, keep].to_numpy()
    x_hist, x_days = x_all[: len(history)], x_all[len(history):]
    y = history["tickets"].to_numpy(dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # perfect-separation chatter on windows with very few days
        poisson = GLM(y, x_hist, family=families.Poisson()).fit()
        mu = poisson.fittedvalues
        alpha = max(float(np.sum((y - mu) ** 2 - y) / np.sum(mu**2)), 1e-8)
        result = GLM(y, x_hist, family=families.NegativeBinomial(alpha=alpha)).fit(start_params=poisson.params)
    mean = np.exp(x_days @ np.asarray(result.params))
    if not np.all(np.isfinite(mean)):
        return fit_simple(history, days)
    return Fitted(mean, alpha)


def fit_simple(history: pd.DataFrame, days: pd.DataFrame) -> Fitted:
    """Each weekday's mean over the last eight weeks; dispersion from the spread around those means."""
    recent = history[history["tanggal"] > history["tanggal"].iloc[-1] - pd.Timedelta(weeks=SIMPLE_WEEKS)]
    weekday = pd.to_datetime(recent["tanggal"]).dt.day_of_week
    means = recent.groupby(weekday)["tickets"].mean()
    overall = float(recent["tickets"].mean()) if len(recent) else 0.0
    wanted = pd.to_datetime(days["tanggal"]).dt.day_of_week
    mean = np.array([means.get(w, overall) for w in wanted], dtype=float)
    fitted = np.array([means[w] for w in weekday], dtype=float)
    residual = recent["tickets"].to_numpy(dtype=float) - fitted
    level = max(float(np.mean(fitted)) if len(fitted) else 1.0, 1e-9)
    alpha = max((float(np.var(residual)) - level) / level**2, 1e-8) if len(residual) > 1 else 1e-8
    return Fitted(mean, alpha)


FIT = {MODEL: fit_negbin, SIMPLE: fit_simple}


def method_for(history_days: int) -> str:
    return MODEL if history_days >= MIN_HISTORY else SIMPLE


# ------------------------------------------------------------------------------------------------ backtest


def seasonal_naive(history: pd.DataFrame, days: pd.DataFrame) -> np.ndarray:
    """"Same weekday last week": each day gets the newest value of its weekday at or before the origin."""
    weekday = pd.to_datetime(history["tanggal"]).dt.day_of_week.to_numpy()
    tickets = history["tickets"].to_numpy(dtype=float)
    newest = np.full(7, tickets[-1] if len(tickets) else np.nan)
    for w in range(7):
        where = np.flatnonzero(weekday == w)
        if len(where):
            newest[w] = tickets[where[-1]]
    return newest[pd.to_datetime(days["tanggal"]).dt.day_of_week.to_numpy()]


def naive_scale(history: pd.DataFrame) -> float:
    """The in-sample MAE of "same weekday last week" one step ahead (the MASE denominator)."""
    frame = history.assign(weekday=pd.to_datetime(history["tanggal"]).dt.day_of_week)
    previous = frame.groupby("weekday")["tickets"].shift(1)
    diff = (frame["tickets"] - previous).abs().dropna()
    return float(diff.mean()) if len(diff) else float("nan")


def one_blas_thread():
    """BLAS on one thread while fitting: the regressions are small (a few thousand rows x 20 columns), and on this
    shared 2-core machine OpenBLAS's second thread made each least-squares step ten times slower, not faster."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


def backtest(history: pd.DataFrame, method: str, origins: int = BACKTEST_ORIGINS,
             step: int = BACKTEST_STEP) -> dict:
    """Rolling origin: refit at each of the last ``origins`` origins ``step`` working days apart, forecast the next
    ``step`` working days, and score every held-out day against the record."""
    with one_blas_thread():
        return _backtest(history, method, origins, step)


def _backtest(history: pd.DataFrame, method: str, origins: int, step: int) -> dict:
    minimum = MIN_HISTORY if method == MODEL else 2 * 5
    starts = [len(history) - k * step for k in range(origins, 0, -1)]
    starts = [s for s in starts if s >= minimum]
    actual, model, naive, lower, upper = [], [], [], [], []
    for s in starts:
        train, test = history.iloc[:s], history.iloc[s:s + step]
        fitted = FIT[method](train, test)
        dist = _nb(fitted.mean, fitted.alpha)
        actual.append(test["tickets"].to_numpy(dtype=float))
        model.append(fitted.mean)
        naive.append(seasonal_naive(train, test))
        lower.append(dist.ppf(0.10))
        upper.append(dist.ppf(0.90))
    if not starts:
        return {"method": method, "origins": 0, "days": 0, "mae": None, "naive_mae": None, "mase": None,
                "relative_mae": None, "coverage80": None}
    y, f, nv = np.concatenate(actual), np.concatenate(model), np.concatenate(naive)
    lo, hi = np.concatenate(lower), np.concatenate(upper)
    mae, naive_mae = float(np.mean(np.abs(y - f))), float(np.mean(np.abs(y - nv)))
    scale = naive_scale(history.iloc[: starts[-1]])
    return {
        "method": method,
        "origins": len(starts),
        "step": step,
        "days": int(len(y)),
        "first_day": pd.Timestamp(history["tanggal"].iloc[starts[0]]).date().isoformat(),
        "mae": mae,
        "naive_mae": naive_mae,
        "relative_mae": mae / naive_mae if naive_mae else None,
        "mase": mae / scale if scale else None,
        "coverage80": float(np.mean((y >= lo) & (y <= hi))),
    }


# ------------------------------------------------------------------------------------------------ the forecast


@dataclass
class Forecast:
    """A forecast of one office and lane: the days, the backtest, the quota suggestion and the overflow days."""

    office: str
    lane: str
    method: str  # MODEL or SIMPLE
    history_days: int
    last_day: dt.date
    days: pd.DataFrame  # tanggal, expected, lower80, upper80, lower95, upper95, quota, p_over_quota
    backtest: dict
    quota_suggestion: dict
    overflow_days: list[dt.date]
    history: pd.DataFrame = field(repr=False)  # tanggal, tickets, daily_quota

    @property
    def model(self) -> str:
        return t("decide.forecast.model" if self.method == MODEL else "decide.forecast.simple")

    def note(self, lang: str = "id") -> str | None:
        """Said whenever the simple method is used: too little history for the model."""
        if self.method == MODEL:
            return None
        return t("decide.forecast.short_history", lang, days=self.history_days, minimum=MIN_HISTORY)

    def chart_frame(self, history_days: int = 60) -> pd.DataFrame:
        """For a chart: the last ``history_days`` recorded working days and the forecast days, one row per day:
        tanggal, kind ('recorded' or 'forecast'), tickets (recorded), expected and the intervals (forecast), quota."""
        recent = self.history.tail(history_days)
        recorded = pd.DataFrame({"tanggal": recent["tanggal"], "kind": "recorded", "tickets": recent["tickets"],
                                 "quota": recent["daily_quota"]})
        ahead = self.days.rename(columns={"quota": "quota"}).assign(kind="forecast")
        return pd.concat([recorded, ahead], ignore_index=True)[
            ["tanggal", "kind", "tickets", "expected", "lower80", "upper80", "lower95", "upper95", "quota",
             "p_over_quota"]]

    def as_json(self) -> dict:
        def num(value: object) -> float | int | None:
            return None if value is None or pd.isna(value) else (int(value) if isinstance(value, np.integer)
                                                                   else float(value))

        days = [{"date": pd.Timestamp(r["tanggal"]).date().isoformat(), "expected": num(r["expected"]),
                 "lower80": num(r["lower80"]), "upper80": num(r["upper80"]), "lower95": num(r["lower95"]),
                 "upper95": num(r["upper95"]), "quota": None if pd.isna(r["quota"]) else int(r["quota"]),
                 "p_over_quota": num(r["p_over_quota"])} for r in self.days.to_dict("records")]
        return {"office": self.office, "lane": self.lane, "model": self.model, "method": self.method,
                "history_days": self.history_days, "last_day": self.last_day.isoformat(), "note": self.note(),
                "days": days, "backtest": self.backtest, "quota_suggestion": self.quota_suggestion,
                "overflow_days": [d.isoformat() for d in self.overflow_days]}


def smallest_covering(values: np.ndarray, coverage: float) -> int | None:
    """The smallest whole quota q with at least ``coverage`` of ``values`` at or below q."""
    if not len(values):
        return None
    return int(np.quantile(np.asarray(values, dtype=float), coverage, method="inverted_cdf"))


def suggest_quota(history: pd.DataFrame, days: pd.DataFrame, dist, coverage: float) -> dict:
    """The smallest daily quota that would have covered demand on ``coverage`` of the last year's working days,
    and the smallest that covers it on that share of the horizon's days on average (from the forecast)."""
    last_year = history[history["tanggal"] > history["tanggal"].iloc[-1] - pd.Timedelta(days=365)]
    horizon = None
    if len(days):
        top = int(np.max(dist.ppf(0.999))) + 1
        for q in range(0, top + 1):
            if float(np.mean(dist.cdf(q))) >= coverage:
                horizon = q
                break
    current = days["daily_quota"].dropna()
    return {"coverage": coverage, "history_days": int(len(last_year)),
            "history": smallest_covering(last_year["tickets"].to_numpy(), coverage), "horizon": horizon,
            "current": None if current.empty else int(current.iloc[0])}


def forecast(con: duckdb.DuckDBPyConnection, office: str, lane: str, horizon: int = 40,
             lang: str = "id", with_backtest: bool = True) -> Forecast:
    """Forecast the next ``horizon`` working days of ``office`` and ``lane`` after its newest data day."""
    lane = inputs.check_lane(lane, lang)
    office = inputs.check_office(con, office, lang)
    if not 1 <= horizon <= MAX_HORIZON:
        raise inputs.DecideError(t("decide.error.horizon", lang, value=horizon))
    history = queries.run(con, "decide_daily_tickets", office=office, lane=lane)
    if history.empty or history["tickets"].sum() == 0:
        raise inputs.DecideError(t("decide.error.no_history", lang, office=office, lane=lane))
    history["tanggal"] = pd.to_datetime(history["tanggal"])
    last_day = history["tanggal"].iloc[-1].date()
    days = queries.run(con, "decide_future_workdays", office=office, lane=lane, after=last_day, horizon=horizon)
    days["tanggal"] = pd.to_datetime(days["tanggal"])
    method = method_for(len(history))
    with one_blas_thread():
        fitted = FIT[method](history, days)
    dist = _nb(fitted.mean, fitted.alpha)
    quota = days["daily_quota"].astype("Float64")
    p_over = np.where(quota.isna(), np.nan, dist.sf(quota.fillna(0).to_numpy(dtype=float)))
    out = pd.DataFrame({
        "tanggal": days["tanggal"],
        "expected": fitted.mean,
        "lower80": dist.ppf(0.10), "upper80": dist.ppf(0.90),
        "lower95": dist.ppf(0.025), "upper95": dist.ppf(0.975),
        "quota": days["daily_quota"],
        "p_over_quota": p_over,
    })
    coverage = float(settings.all_settings(con)["kuota_cakupan"]) / 100
    overflow = [pd.Timestamp(d).date() for d, p in zip(out["tanggal"], out["p_over_quota"], strict=True)
                if not pd.isna(p) and p >= 0.5]
    return Forecast(office, lane, method, len(history), last_day, out,
                    backtest(history, method) if with_backtest else {}, suggest_quota(history, days, dist, coverage),
                    overflow, history)
