"""Decision support at scale (issue 13): a forecast of one office and lane, and a replay of one office-month.

Targets at M (10 offices x 5 years): each ≤ 2 s. Measured like the query bench: warm in this process (imports done,
one fresh read-only connection per run, the first run a warm-up not counted), and cold in a fresh process running
the CLI command (Python start, imports of pandas/statsmodels, the store opened: what a supervisor waits for at the
terminal). The office is the store's first office by code, the lane prioritas, the
month the last full calendar month; the backtest is part of every forecast.

``python -m benchmarks --decide-only --scales M`` measures just this and rewrites only its section of
BENCHMARKS.md (between the markers below); a full ``make bench`` includes it.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

from kancil.store import connection
from kancil.store.sql import one

START, END_MARK = "<!-- decide:start -->", "<!-- decide:end -->"
TARGET_S = 2.0
ROOT = Path(__file__).resolve().parent.parent


def _pct(values: list[float], q: float) -> float:
    import numpy as np

    return float(np.percentile(values, q)) if values else float("nan")


def subject(db: Path) -> dict:
    """The office, lane and month measured."""
    with connection.reader(db) as con:
        newest = one(con, "SELECT max(issued_at)::date FROM antrian")[0]
        office = one(con, "SELECT min(office_code) FROM antrian")[0]
    month_end = newest if (newest + dt.timedelta(days=1)).day == 1 else newest.replace(day=1) - dt.timedelta(days=1)
    return {"office": office, "lane": "prioritas", "from": month_end.replace(day=1), "to": month_end}


def _timed(fn, repeat: int) -> dict:
    fn()  # warm-up: imports, caches
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return {"p50": _pct(times, 50), "p95": _pct(times, 95), "n": len(times)}


def _cold(argv: list[str], repeat: int) -> dict:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kancil", *argv], check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - t0)
    return {"p50": _pct(times, 50), "p95": _pct(times, 95), "n": len(times)}


def measure(db: Path, repeat: int = 5, cold_repeat: int = 2) -> dict:
    from kancil.decide import forecast, replay_completion, replay_queue

    s = subject(db)
    office, lane, start, end = s["office"], s["lane"], s["from"], s["to"]
    out: dict = {"office": office, "lane": lane, "from": start.isoformat(), "to": end.isoformat()}

    def run_forecast() -> dict:
        with connection.reader(db) as con:
            return forecast.forecast(con, office, lane).backtest

    def run_queue() -> dict:
        with connection.reader(db) as con:
            return replay_queue.replay_queue(con, office, start, end, "prioritas,percepatan,reguler").reproduction

    def run_completion() -> dict:
        with connection.reader(db) as con:
            return replay_completion.replay_completion(con, office, start, end,
                                                       "percepatan,prioritas,reguler").reproduction

    out["forecast"] = _timed(run_forecast, repeat)
    out["forecast"]["backtest"] = run_forecast()
    out["queue"] = _timed(run_queue, repeat)
    out["queue"]["reproduction"] = run_queue()
    out["completion"] = _timed(run_completion, repeat)
    with connection.reader(db) as con:
        out["tickets_in_month"] = one(con, "SELECT count(*) FROM antrian WHERE office_code = $o AND issued_at >= $a "
                                           "AND issued_at < $b + INTERVAL 1 DAY",
                                      {"o": office, "a": start, "b": end})[0]
    common = ["--db", str(db), "--office", office, "--json"]
    out["forecast_cold"] = _cold(["forecast", *common, "--lane", lane], cold_repeat)
    out["queue_cold"] = _cold(["replay", "queue", *common, "--from", start.isoformat(), "--to", end.isoformat(),
                               "--order", "prioritas,percepatan,reguler"], cold_repeat)
    return out


def section(results: dict[str, dict]) -> list[str]:
    """The BENCHMARKS.md section, between its markers."""
    lines = [START, "## Decision support: forecast and replay (issue 13)", "",
             "Warm: in the bench process, one fresh read-only connection per run, first run not counted. Cold: a "
             "fresh `python -m kancil …` process (Python start and the imports of pandas, SciPy and statsmodels "
             "included). The forecast includes its rolling-origin backtest (12 refits). Target at M: ≤ 2 s each.",
             "", "| scale | what | warm p50 | warm p95 | cold p50 (CLI) | target ≤ 2 s (warm) |",
             "|---|---|---:|---:|---:|---|"]
    for scale, r in results.items():
        subject_text = f"{r['office']}, {r['lane']}"
        month = f"{r['office']}, {r['from']} – {r['to']} ({r['tickets_in_month']:,} tickets)"
        rows = (("forecast", f"forecast {subject_text}, 40 working days", r.get("forecast_cold")),
                ("queue", f"replay queue {month}", r.get("queue_cold")),
                ("completion", f"replay completion {month}", None))
        for key, label, cold in rows:
            v = r[key]
            ok = v["p50"] <= TARGET_S and v["p95"] <= TARGET_S
            cold_text = f"{cold['p50']:.2f} s" if cold else "—"
            lines.append(f"| {scale} | {label} | {v['p50']:.2f} s | {v['p95']:.2f} s | {cold_text} | "
                         f"{'**met**' if ok else '**NOT met**'} |")
        b = r["forecast"].get("backtest") or {}
        rep = r["queue"].get("reproduction") or {}
        if b.get("mae") is not None:
            lines += ["", f"{scale}: the measured forecast's backtest: MAE {b['mae']:.2f} vs seasonal naive "
                      f"{b['naive_mae']:.2f}, MASE {b['mase']:.2f}, 80 % interval coverage {b['coverage80']:.1%}; "
                      f"the queue replay of the office's order reproduced {rep.get('exact_share', 0):.1%} of the "
                      f"month's calls exactly."]
    lines += ["", END_MARK, ""]
    return lines


def update_report(out: Path, results: dict[str, dict]) -> None:
    """Replace this section of ``out`` (or add it before the notes), leaving the rest of the report as it is."""
    text = out.read_text() if out.exists() else ""
    block = "\n".join(section(results))
    if START in text and END_MARK in text:
        before, rest = text.split(START, 1)
        after = rest.split(END_MARK, 1)[1].lstrip("\n")
        text = before + block + after
    else:
        text = text.rstrip("\n") + "\n\n" + block
    out.write_text(text)
