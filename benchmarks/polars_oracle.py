"""The stronger peer: the same summary KPIs as benchmarks/pandas_oracle.py, written the way a polars user would —
lazy scans of the same flat Parquet files (``pl.scan_parquet``), the date and office/lane filters pushed down into
the scan, one collect per table, linear quantiles (= DuckDB's quantile_cont) and ``pl.business_day_count`` with the
office's closed weekdays as holidays for working days. Not product code (nothing in kancil/ imports it); the
definitions are written out again on purpose, and the harness checks its numbers equal ours.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kancil.filters import Filters


def polars_kpis(folder: Path, f: Filters) -> dict:
    """The summary KPIs of ``f`` from ``folder``'s Parquet files (see pandas_oracle.pandas_kpis for the rules)."""
    import polars as pl

    from kancil.contract import LANES

    lo = dt.datetime.combine(f.date_from, dt.time())
    hi = dt.datetime.combine(f.date_to + dt.timedelta(days=1), dt.time())

    def scan(table: str, period: str | None) -> pl.LazyFrame:
        frame = pl.scan_parquet(folder / f"{table}.parquet")
        if period:
            frame = frame.filter((pl.col(period) >= lo) & (pl.col(period) < hi))
        if f.office is not None:
            frame = frame.filter(pl.col("office_code") == f.office)
        if f.lane is not None and table != "hari_kerja":
            frame = frame.filter(pl.col("lane") == f.lane)
        return frame

    a = scan("antrian", "issued_at").select("office_code", "lane", "status", "issued_at", "called_at").collect()
    by_lane = a.group_by("lane").agg(
        pl.len().alias("tickets"),
        (pl.col("status") == "tidak_hadir").sum().alias("no_show"),
        pl.col("called_at").is_not_null().sum().alias("wait_n"),
        ((pl.col("called_at") - pl.col("issued_at")).dt.total_microseconds() / 60e6)
        .quantile(0.5, interpolation="linear").alias("wait_median"),
        ((pl.col("called_at") - pl.col("issued_at")).dt.total_microseconds() / 60e6)
        .quantile(0.9, interpolation="linear").alias("wait_p90"),
    )
    lanes_a = {r["lane"]: r for r in by_lane.to_dicts()}

    hk = scan("hari_kerja", None).select("office_code", "tanggal", "is_workday").collect()
    p = (scan("permohonan", "submitted_at").select("office_code", "lane", "submitted_at", "issued_at")
         .filter(pl.col("issued_at").is_not_null()).collect())
    parts = []
    for (office,), rows in p.group_by(["office_code"]):
        days = hk.filter(pl.col("office_code") == office)
        closed = days.filter(~pl.col("is_workday") & (pl.col("tanggal").dt.weekday() <= 5))["tanggal"].to_list()
        parts.append(rows.with_columns(pl.business_day_count(
            pl.col("submitted_at").dt.date() + pl.duration(days=1), pl.col("issued_at").dt.date() + pl.duration(days=1),
            week_mask=[True] * 5 + [False] * 2, holidays=closed).alias("workdays")))
    comp = (pl.concat(parts) if parts else p.with_columns(pl.lit(None, pl.Int32).alias("workdays")))
    comp_lane = {r["lane"]: r for r in comp.group_by("lane").agg(
        pl.col("workdays").count().alias("n"), pl.col("workdays").cast(pl.Float64).quantile(0.5, "linear")
        .alias("median"), pl.col("workdays").cast(pl.Float64).quantile(0.9, "linear").alias("p90")).to_dicts()}

    s = scan("survei", "submitted_at").select(*(f"u{i}" for i in range(1, 10))).collect()
    score = (sum(s[f"u{i}"].mean() for i in range(1, 10)) / 9.0 * 25) if s.height else None

    k = pl.read_parquet(folder / "kuota.parquet")
    if f.office is not None:
        k = k.filter(pl.col("office_code") == f.office)
    if f.lane is not None:
        k = k.filter(pl.col("lane") == f.lane)
    work = hk.filter(pl.col("is_workday") & (pl.col("tanggal") >= f.date_from) & (pl.col("tanggal") <= f.date_to))
    qd = (k.join(work.select("office_code", "tanggal"), on="office_code")
          .filter((pl.col("tanggal") >= pl.col("valid_from"))
                  & (pl.col("tanggal") <= pl.col("valid_to").fill_null(dt.date(9999, 12, 31))))
          .sort("valid_from").unique(["office_code", "lane", "tanggal"], keep="last"))
    per_day = a.group_by("office_code", "lane", pl.col("issued_at").dt.date().alias("tanggal")).agg(
        pl.len().alias("tickets"))
    qd = qd.join(per_day, on=["office_code", "lane", "tanggal"], how="left").with_columns(pl.col("tickets")
                                                                                          .fill_null(0))
    quota = {r["lane"]: r for r in qd.group_by("lane").agg(
        pl.len().alias("days"), (pl.col("tickets") > pl.col("daily_quota")).sum().alias("over"),
        pl.col("tickets").sum().alias("t"), pl.col("daily_quota").sum().alias("q")).to_dicts()}

    lanes = [f.lane] if f.lane else list(LANES)

    def stat(row: dict | None, key: str) -> float | None:
        return None if row is None or row.get(key) is None else float(row[key])

    return {
        "tickets": {ln: int(lanes_a[ln]["tickets"]) if ln in lanes_a else 0 for ln in lanes},
        "no_show": {ln: int(lanes_a[ln]["no_show"]) if ln in lanes_a else 0 for ln in lanes},
        "wait_minutes": {ln: {"n": int(lanes_a[ln]["wait_n"]) if ln in lanes_a else 0,
                              "median": stat(lanes_a.get(ln), "wait_median"), "p90": stat(lanes_a.get(ln), "wait_p90")}
                         for ln in lanes},
        "completion_workdays": {ln: {"n": int(comp_lane[ln]["n"]) if ln in comp_lane else 0,
                                     "median": stat(comp_lane.get(ln), "median"), "p90": stat(comp_lane.get(ln), "p90")}
                                for ln in lanes},
        "ikm_score": score,
        "quota": {ln: {"days": int(quota[ln]["days"]) if ln in quota else 0,
                       "over_quota_days": int(quota[ln]["over"]) if ln in quota else 0,
                       "fill_rate": float(quota[ln]["t"] / quota[ln]["q"]) if ln in quota else None}
                  for ln in lanes},
    }
