"""The independent oracle: the summary KPIs computed again by pandas over Parquet, with their definitions written out
by hand (as an analyst would), so the benchmark checks our numbers against a second implementation and times the
stronger habit of doing it in pandas. Not product code: nothing in kancil/ imports it, and its copies of the
definitions (the IKM's x 1/9 x 25, fill rate, working days) are deliberate — an oracle must not share the code it
checks.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from kancil.filters import Filters


def pandas_kpis(folder: Path, f: Filters) -> dict:
    """The summary KPIs as an analyst would compute them: pandas over Parquet, numpy busday_count for working days.

    Same definitions as queries/: the period by local date, quantiles linear (quantile_cont), completion in working
    days after the submission date up to and including the issue date, quota days = working days with a valid
    quota row (the latest valid_from wins), fill = tickets on quota days / quota.
    """
    import pandas as pd

    lo = pd.Timestamp(f.date_from)
    hi = pd.Timestamp(f.date_to) + pd.Timedelta(days=1)

    def read(table: str, columns: list[str], period: str | None = None) -> pd.DataFrame:
        filt = [(period, ">=", lo), (period, "<", hi)] if period else None
        frame = pd.read_parquet(folder / f"{table}.parquet", columns=columns, filters=filt)
        if f.office is not None and "office_code" in frame:
            frame = frame[frame["office_code"] == f.office]
        if f.lane is not None and "lane" in frame:
            frame = frame[frame["lane"] == f.lane]
        return frame

    a = read("antrian", ["office_code", "lane", "status", "issued_at", "called_at"], "issued_at")
    tickets = a.groupby("lane").size()
    no_show = a[a["status"] == "tidak_hadir"].groupby("lane").size()
    called = a[a["called_at"].notna()]
    wait = (called["called_at"] - called["issued_at"]).dt.total_seconds() / 60.0
    wait_stats = wait.groupby(called["lane"]).agg(["count", lambda s: s.quantile(0.5), lambda s: s.quantile(0.9)])

    p = read("permohonan", ["office_code", "lane", "submitted_at", "issued_at"], "submitted_at")
    p = p[p["issued_at"].notna()]
    hk = pd.read_parquet(folder / "hari_kerja.parquet", columns=["office_code", "tanggal", "is_workday"])
    hk["tanggal"] = pd.to_datetime(hk["tanggal"])
    completion = pd.Series(np.nan, index=p.index)
    for office, rows in p.groupby("office_code"):
        days = hk[hk["office_code"] == office]
        dates = days["tanggal"].to_numpy().astype("datetime64[D]")
        weekday = (dates.astype("int64") - 4) % 7 < 5  # 1970-01-01 was a Thursday: 0 = Monday
        holidays_ = dates[weekday & ~days["is_workday"].to_numpy()]
        start = rows["submitted_at"].to_numpy().astype("datetime64[D]") + 1
        end = rows["issued_at"].to_numpy().astype("datetime64[D]") + 1
        completion[rows.index] = np.busday_count(start, end, weekmask="1111100", holidays=holidays_)
    comp_stats = completion.groupby(p["lane"]).agg(["count", lambda s: s.quantile(0.5), lambda s: s.quantile(0.9)])

    s = read("survei", ["office_code", "lane", "submitted_at", *(f"u{i}" for i in range(1, 10))], "submitted_at")
    means = [s[f"u{i}"].mean() for i in range(1, 10)]
    score = sum(means) / 9.0 * 25 if s.shape[0] else None

    k = pd.read_parquet(folder / "kuota.parquet")
    k["valid_from"], k["valid_to"] = pd.to_datetime(k["valid_from"]), pd.to_datetime(k["valid_to"])
    if f.office is not None:
        k = k[k["office_code"] == f.office]
    if f.lane is not None:
        k = k[k["lane"] == f.lane]
    work = hk[hk["is_workday"] & (hk["tanggal"] >= lo) & (hk["tanggal"] < hi)][["office_code", "tanggal"]]
    qd = k.merge(work, on="office_code")
    valid_to = qd["valid_to"].fillna(pd.Timestamp("9999-12-31"))
    qd = qd[(qd["tanggal"] >= qd["valid_from"]) & (qd["tanggal"] <= valid_to)]
    qd = qd.sort_values("valid_from").drop_duplicates(["office_code", "lane", "tanggal"], keep="last")
    per_day = a.assign(tanggal=a["issued_at"].dt.normalize()).groupby(["office_code", "lane", "tanggal"]).size()
    qd = qd.merge(per_day.rename("tickets").reset_index(), on=["office_code", "lane", "tanggal"], how="left")
    qd["tickets"] = qd["tickets"].fillna(0)
    quota = qd.groupby("lane").agg(days=("tickets", "size"), over=("tickets", lambda t: 0),
                                   t=("tickets", "sum"), q=("daily_quota", "sum"))
    quota["over"] = (qd["tickets"] > qd["daily_quota"]).groupby(qd["lane"]).sum()

    def num(series, lane):
        return float(series[lane]) if lane in series.index and not pd.isna(series[lane]) else None

    from kancil.contract import LANES

    lanes = [f.lane] if f.lane else list(LANES)
    return {
        "tickets": {ln: int(tickets.get(ln, 0)) for ln in lanes},
        "no_show": {ln: int(no_show.get(ln, 0)) for ln in lanes},
        "wait_minutes": {ln: {"n": int(wait_stats.iloc[:, 0].get(ln, 0)), "median": num(wait_stats.iloc[:, 1], ln),
                              "p90": num(wait_stats.iloc[:, 2], ln)} for ln in lanes},
        "completion_workdays": {ln: {"n": int(comp_stats.iloc[:, 0].get(ln, 0)),
                                     "median": num(comp_stats.iloc[:, 1], ln), "p90": num(comp_stats.iloc[:, 2], ln)}
                                for ln in lanes},
        "ikm_score": score,
        "quota": {ln: {"days": int(quota["days"].get(ln, 0)), "over_quota_days": int(quota["over"].get(ln, 0)),
                       "fill_rate": float(quota["t"][ln] / quota["q"][ln]) if ln in quota.index else None}
                  for ln in lanes},
    }
