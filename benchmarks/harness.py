"""``python -m benchmarks``: how fast the dashboard is at 1, 10 and 125 offices, measured, never asserted.

Scales (synthetic stores from ``kancil.demo``, cached under ``data/bench/`` keyed by scale, seed and a hash of the
demo code): S = 1 office x 730 days, M = 10 offices x 5 years, L = 125 offices x 5 years (about 30 M tickets).

What is measured, each as median and p95 of repeated runs:

- warm: in this process, one fresh read-only connection per batch (the dashboard's pattern), with no Streamlit
  result cache in the way (``queries.run`` is called directly); the first batch is a warm-up and not counted;
- cold: a fresh Python process per run (imports, connection and DuckDB's buffer cache all new; the OS file cache
  stays warm, as on a dashboard server);
- every query file of ``queries/`` with the default filters (the last 30 days up to the newest data day, all
  offices) and a narrow one (one office, one lane, one month); the extra parameters some queries take come from
  ``EXTRA_DEFAULTS`` and the run prints which query needed what;
- each page's server-side render under Streamlit's AppTest, signed in as supervisor, result cache cleared;
- ``metrics.summary`` for a month and for five years, and the same KPIs computed by pandas from Parquet, with a
  check that both give the same numbers;
- ingest throughput, peak memory, and the machine's memory bandwidth (a large NumPy reduction) to tell how close
  the heavy queries are to the machine's limit.

The results go to BENCHMARKS.md (``--out``) and, raw, to ``data/bench/results-<label>.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from benchmarks.pandas_oracle import pandas_kpis
from benchmarks.peer import TARGET_POLARS_RATIO
from benchmarks.stores import (
    BENCH_DIR,
    ROOT,
    SCALES,
    bench_filters,
    csv_dir,
    ensure_store,
    fmt_ms,
    log,
    migrated,
    newest_day,
)
from kancil.filters import Filters
from kancil.store import connection, queries
from kancil.store.sql import one

# Extra parameters some queries take, with the values the pages use by default (kancil/store/settings.py DEFAULTS
# for the targets). A query naming a parameter not here (nor in Filters) is reported as skipped with the reason.
EXTRA_DEFAULTS: dict[str, object] = {
    "bucket": "month",
    "by": "lane",
    "cap_minutes": 120,
    "limit": 50,
    "n": 5,
    "offset": 0,
    "search": "",
    "target_days": 4,
    "target_days_percepatan": 0,
    "target_prioritas": 15,
    "target_reguler": 60,
    "target_percepatan": 30,
}
# ``day`` (briefing day, open mismatches) is the newest data day; set per store.

DATA_TABLES = {"antrian": "issued_at", "permohonan": "submitted_at", "survei": "submitted_at",
               "fasilitas": "started_at"}
SMALL_TABLES = ("kuota", "hari_kerja", "kalender", "meta")
TYPE_WIDTH = {"TIMESTAMP": 8, "DATE": 4, "INTEGER": 4, "BIGINT": 8, "DOUBLE": 8, "BOOLEAN": 1, "VARCHAR": 16}

OPT = "`kancil optimize --order month`"  # what the "optimized" variant of the bench measures

# Targets of the issue "Speed at national scale".
TARGET_L_P50_MS, TARGET_L_P95_MS, TARGET_S_P50_MS = 1000.0, 2000.0, 100.0
TARGET_INGEST_ROWS_S = 500_000
TARGET_PANDAS_RATIO = 10.0
TARGET_DASHBOARD_RSS_MB = 4096.0


# ------------------------------------------------------------------------------------------------------- statistics

def pct(values: list[float], q: float) -> float:
    """Linear-interpolation percentile (numpy's default); NaN for no values."""
    return float(np.percentile(values, q)) if values else math.nan


def stats(values: list[float]) -> dict[str, float]:
    return {"p50": pct(values, 50), "p95": pct(values, 95), "n": len(values)}


def rss_mb() -> float:
    """Peak resident memory of this process in MB: VmHWM, which starts afresh at exec. (ru_maxrss is kept across
    fork + exec, so a child of a big parent would report the parent's peak.)"""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


# ----------------------------------------------------------------------------------------------------------- stores

def row_counts(db: Path) -> dict[str, int]:
    with connection.reader(db) as con:
        return {t: one(con, f"SELECT count(*) FROM {t}")[0] for t in (*DATA_TABLES, "kuota")}  # noqa: S608 - table names from a fixed list


# ---------------------------------------------------------------------------------------------------------- queries

def query_names() -> list[str]:
    """Every query file of queries/ (not staging), discovered now: pages are still adding files. The decide_*
    queries always run for one office inside a forecast or a replay; benchmarks/decide.py measures them there (with
    the dashboard's all-office default filters they would read every office's history, which nothing does)."""
    return sorted(p.stem for p in queries.QUERY_DIR.glob("*.sql") if not p.stem.startswith("decide_"))


def query_plan(names: list[str], day: dt.date) -> tuple[dict[str, dict], dict[str, str]]:
    """The extra parameters each query needs, and the queries skipped with the reason."""
    available = {**EXTRA_DEFAULTS, "day": day}
    filter_params = set(Filters(day, day).params())
    extras: dict[str, dict] = {}
    skipped: dict[str, str] = {}
    for name in names:
        needed = [p for p in queries.param_names(queries.sql_text(name)) if p not in filter_params]
        missing = [p for p in needed if p not in available]
        if missing:
            skipped[name] = f"no default for parameter(s) {', '.join(missing)}"
        else:
            extras[name] = {p: available[p] for p in needed}
    return extras, skipped


def run_batch(db: Path, filters: Filters, extras: dict[str, dict], cpu: dict[str, float] | None = None,
              ) -> tuple[dict[str, float], dict[str, str], float]:
    """One batch: a fresh read-only connection, the staging macros, every query once. Wall times in ms; the
    process's CPU ms per query (all DuckDB threads) into ``cpu`` when given: on a busy machine the wall clock
    waits for other processes, the CPU time much less."""
    times: dict[str, float] = {}
    errors: dict[str, str] = {}
    t0 = time.perf_counter()
    with connection.reader(db) as con:
        queries.install_macros(con)
        connect_ms = (time.perf_counter() - t0) * 1000
        for name, extra in extras.items():
            t, c = time.perf_counter(), cpu_seconds()
            try:
                queries.run(con, name, filters, **extra)
            except Exception as exc:
                errors[name] = f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}"
                continue
            times[name] = (time.perf_counter() - t) * 1000
            if cpu is not None:
                cpu[name] = (cpu_seconds() - c) * 1000
    return times, errors, connect_ms


def warm_queries(db: Path, filters: Filters, extras: dict[str, dict], repeat: int) -> dict:
    run_batch(db, filters, extras)  # warm-up: OS cache and first-touch costs
    samples: dict[str, list[float]] = {n: [] for n in extras}
    cpu_samples: dict[str, list[float]] = {n: [] for n in extras}
    connect: list[float] = []
    errors: dict[str, str] = {}
    load = os.getloadavg()[0]
    for _ in range(repeat):
        cpu: dict[str, float] = {}
        times, errors, connect_ms = run_batch(db, filters, extras, cpu)
        connect.append(connect_ms)
        for n, ms in times.items():
            samples[n].append(ms)
            cpu_samples[n].append(cpu[n])
    return {"queries": {n: {**stats(v), "cpu_p50": pct(cpu_samples[n], 50)} for n, v in samples.items() if v},
            "errors": errors, "connect_ms": stats(connect), "load_average": load}


def _child(args: list[str], timeout: float = 3600) -> dict:
    cmd = [sys.executable, "-m", "benchmarks", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _filters_args(f: Filters) -> list[str]:
    return [f.date_from.isoformat(), f.date_to.isoformat(), f.office or "-", f.lane or "-"]


def _filters_from(values: list[str]) -> Filters:
    return Filters(dt.date.fromisoformat(values[0]), dt.date.fromisoformat(values[1]),
                   office=None if values[2] == "-" else values[2], lane=None if values[3] == "-" else values[3])


def cold_queries(db: Path, filters: Filters, repeat: int) -> dict:
    """Each run a fresh Python process: import, connect, every query once (its own first run)."""
    samples: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    totals: list[float] = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = _child(["_cold-queries", str(db), *_filters_args(filters)])
        totals.append((time.perf_counter() - t0) * 1000)
        for n, ms in out["times"].items():
            samples.setdefault(n, []).append(ms)
            cpu.setdefault(n, []).append(out["cpu"][n])
    return {"queries": {n: {**stats(v), "cpu_p50": pct(cpu[n], 50)} for n, v in samples.items()},
            "process_ms": stats(totals)}


def _cold_queries_child(argv: list[str]) -> int:
    db, filters = Path(argv[0]), _filters_from(argv[1:5])
    with connection.reader(db) as con:
        day = newest_day(con)
    extras, _ = query_plan(query_names(), day)
    cpu: dict[str, float] = {}
    times, errors, connect_ms = run_batch(db, filters, extras, cpu)
    print(json.dumps({"times": times, "cpu": cpu, "errors": errors, "connect_ms": connect_ms,
                      "maxrss_mb": rss_mb()}))
    return 0


# ------------------------------------------------------------------------------------------ bytes read vs bandwidth

def memory_bandwidth(gb: float = 2.0, repeat: int = 5) -> float:
    """GB/s of np.sum over a ``gb`` GB float64 array (best of ``repeat``): what one core can stream from RAM."""
    a = np.ones(int(gb * 1e9 / 8))
    best = math.inf
    for _ in range(repeat):
        t0 = time.perf_counter()
        a.sum()
        best = min(best, time.perf_counter() - t0)
    size = a.nbytes
    del a
    return size / best / 1e9


def touched_columns(name: str) -> dict[str, list[str]]:
    """Per data table, the columns a query reads: those its own text names, plus the period and filter columns of
    the staging macro it starts from (computed staging columns count when the query uses them)."""
    text = re.sub(r"--[^\n]*", "", queries.sql_text(name))
    staging = {p.stem: re.sub(r"--[^\n]*", "", p.read_text()) for p in (queries.QUERY_DIR / "staging").glob("*.sql")}
    derived = {"wait_minutes": ("issued_at", "called_at"), "service_minutes": ("service_start", "service_end"),
               "walk_minutes": ("called_at", "service_start"), "use_minutes": ("started_at", "ended_at"),
               "bap_minutes": ("bap_start", "bap_end"), "tanggal": (),
               "mismatch_resolution_hours": ("mismatch_reported_at", "mismatch_resolved_at"),
               "completion_workdays": ("submitted_at", "issued_at")}
    from kancil.contract import CONTRACT

    out: dict[str, list[str]] = {}
    for table, period in DATA_TABLES.items():
        uses_stage = f"stg_{table}" in text
        if not uses_stage and not re.search(rf"\b(from|join)\s+{table}\b", text):
            continue
        columns = set(CONTRACT[table].column_names) if table in CONTRACT else set()
        used = {c for c in columns if re.search(rf"\b{c}\b", text)}
        for alias, cols in derived.items():
            if re.search(rf"\b{alias}\b", text):
                used.update(c for c in cols if c in columns)
        used.add(period)
        if uses_stage:
            where = staging[f"stg_{table}"].split("where", 1)[-1]
            used.update(c for c in columns if re.search(rf"\b{c}\b", where) and c != "lane" or c == "lane"
                        and "lane" in where)
        out[table] = sorted(used & columns)
    return out


def bytes_read(db: Path, name: str, filters: Filters) -> tuple[float, float]:
    """Bytes of the columns a query touches: rows in the filter's period (the least it must read) and all rows of
    the table (what a scan without skipping reads)."""
    cols = touched_columns(name)
    period_bytes = total_bytes = 0.0
    with connection.reader(db) as con:
        for table, columns in cols.items():
            types = dict(con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ?",
                                     [table]).fetchall())
            width = sum(TYPE_WIDTH.get(types.get(c, "VARCHAR"), 16) for c in columns)
            period = DATA_TABLES[table]
            in_period, total = one(
                con, f"SELECT count(*) FILTER (WHERE {period} >= $a AND {period} < $b + INTERVAL 1 DAY), count(*) "  # noqa: S608 - table names from a fixed list
                f"FROM {table}", {"a": filters.date_from, "b": filters.date_to})
            period_bytes += in_period * width
            total_bytes += total * width
    return period_bytes, total_bytes


# ------------------------------------------------------------------------------------------------------------ pages

def app_pages() -> list[tuple[str, str]]:
    """(page file, capability) of every page, from the page registry (kancil/pages.py)."""
    from kancil import pages

    return [(p.file, p.capability) for p in pages.PAGES]


def render_pages(db: Path, repeat: int, role: str = "supervisor") -> dict:
    """Each page rendered ``repeat`` times under AppTest, signed in, with the result cache emptied first: ms and the
    CPU seconds of the process (all threads) per render."""
    os.environ["KANCIL_DB"] = str(db)
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from kancil import roles
    from kancil.roles import User

    user = User(f"bench-{role}", role, "Bench")
    out: dict[str, dict] = {}
    for page, capability in app_pages():
        if not roles.can(user, capability):
            out[page] = {"skipped": f"role {role} may not use it"}
            continue
        wall: list[float] = []
        cpu: list[float] = []
        problems: list[str] = []
        for _ in range(repeat):
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=900)
            at.session_state["_user"] = user
            at.run()
            st.cache_data.clear()
            c0, t0 = cpu_seconds(), time.perf_counter()
            at.switch_page(page).run()
            wall.append((time.perf_counter() - t0) * 1000)
            cpu.append(cpu_seconds() - c0)
            problems = [str(e.value)[:200] for e in at.exception]
        out[page] = {**stats(wall), "cpu_s": statistics.median(cpu), "exceptions": problems,
                     "maxrss_after_mb": rss_mb()}
    return out


def _render_child(argv: list[str]) -> int:
    """A dashboard-like process: every page once, then its peak memory."""
    db = Path(argv[0])
    t0 = time.perf_counter()
    pages = render_pages(db, 1)
    print(json.dumps({"pages": pages, "seconds": time.perf_counter() - t0, "maxrss_mb": rss_mb()}))
    return 0


def concurrent_renders(db: Path, processes: tuple[int, ...] = (1, 2, 4)) -> dict:
    """k dashboard-like processes rendering every page at once: wall time and pages per second."""
    out = {}
    for k in processes:
        t0 = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, "-m", "benchmarks", "_render", str(db)], cwd=ROOT,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                  env={**os.environ, "PYTHONPATH": str(ROOT)}) for _ in range(k)]
        results = [json.loads(p.communicate()[0].strip().splitlines()[-1]) for p in procs]
        wall = time.perf_counter() - t0
        pages = sum(sum(1 for v in r["pages"].values() if "p50" in v) for r in results)
        out[str(k)] = {"wall_s": wall, "pages": pages, "pages_per_s": pages / wall,
                       "max_rss_mb": max(r["maxrss_mb"] for r in results)}
    return out


# ---------------------------------------------------------------------------------------------- pandas comparison

KPI_QUERIES = ("tickets_by_lane", "completion_by_lane", "ikm_elements", "quota_by_lane")


def export_flat_parquet(db: Path) -> Path:
    """The store's tables as one Parquet file each (what an analyst would be handed), cached next to the store."""
    out = Path(str(db).removesuffix(".duckdb") + "-parquet-flat")
    marker = out / "done"
    if marker.exists():
        return out
    out.mkdir(parents=True, exist_ok=True)
    with connection.reader(db) as con:
        for table in (*DATA_TABLES, "kuota", "hari_kerja"):
            con.execute(f"COPY {table} TO '{out / (table + '.parquet')}' (FORMAT parquet)")
    marker.write_text("ok")
    return out


def our_kpis(summary: dict) -> dict:
    """The same KPIs from metrics.summary, shaped like pandas_kpis (completion n counts only computed days)."""
    lanes = list(summary["tickets"])
    return {
        "tickets": summary["tickets"],
        "no_show": summary["no_show"],
        "wait_minutes": summary["wait_minutes"],
        "completion_workdays": summary["completion_workdays"],
        "ikm_score": summary["ikm"]["score"],
        "quota": {ln: {k: summary["quota"][ln][k] for k in ("days", "over_quota_days", "fill_rate")} for ln in lanes},
    }


def compare(ours: object, theirs: object, path: str = "") -> list[str]:
    """Differences beyond 1e-9 (absolute or relative) between two nested results; lanes with no data in one side
    and zeros/None on the other are equal."""
    if isinstance(ours, dict) or isinstance(theirs, dict):
        ours, theirs = ours or {}, theirs or {}
        diffs = []
        for key in sorted(set(ours) | set(theirs)):
            diffs += compare(ours.get(key), theirs.get(key), f"{path}.{key}")
        return diffs
    if ours in (None, 0) and theirs in (None, 0):
        return []
    if ours is None or theirs is None or not math.isclose(float(ours), float(theirs), rel_tol=1e-9, abs_tol=1e-9):
        return [f"{path}: ours {ours} pandas {theirs}"]
    return []


def summary_bench(db: Path, month: Filters, repeat: int, parquet_of: Path | None = None) -> dict:
    """metrics.summary (a month, five years) and the KPI queries against pandas over Parquet, on the same data
    (``parquet_of``: the store whose Parquet export pandas reads, default ``db`` itself)."""
    from kancil.metrics import kpis

    with connection.reader(db) as con:
        first = one(con, "SELECT min(issued_at)::date FROM antrian")[0]
    everything = Filters(first, month.date_to)
    folder = export_flat_parquet(parquet_of or db)
    out: dict[str, dict] = {}
    for label, f in (("month", month), ("five_years", everything)):
        def ours_summary(f: Filters = f) -> dict:
            with connection.reader(db) as con:
                queries.install_macros(con)
                return kpis.summary(con, f)

        def ours_kpis(f: Filters = f) -> None:
            with connection.reader(db) as con:
                queries.install_macros(con)
                for name in KPI_QUERIES:
                    queries.run(con, name, f)

        summary = ours_summary()
        theirs = pandas_kpis(folder, f)
        diffs = compare(our_kpis(summary), theirs)
        t_summary = timed(ours_summary, repeat)
        t_kpis = timed(ours_kpis, repeat)
        with connection.reader(db) as open_con:  # as a page run has it: the dashboard's read lease is already open
            queries.install_macros(open_con)
            t_open = timed(lambda f=f, c=open_con: [queries.run(c, name, f) for name in KPI_QUERIES], repeat)
        t_pandas = timed(lambda f=f: pandas_kpis(folder, f), max(2, repeat // 2))
        peer = polars_peer(folder, f, our_kpis(summary), repeat)
        heavy_bytes = sum(bytes_read(db, name, f)[0] for name in KPI_QUERIES)
        out[label] = {**peer, "kpi_bytes_mb": heavy_bytes / 1e6,
                      "kpi_gb_s": heavy_bytes / (t_open["p50"] / 1000) / 1e9,
                      "period": f"{f.date_from} .. {f.date_to}", "summary_ms": t_summary, "kpi_queries_ms": t_kpis,
                      "kpi_open_ms": t_open, "pandas_ms": t_pandas, "ratio": t_pandas["p50"] / t_kpis["p50"],
                      "ratio_open": t_pandas["p50"] / t_open["p50"],
                      "cpu_ratio": t_pandas["cpu_p50"] / t_kpis["cpu_p50"],
                      "cpu_ratio_open": t_pandas["cpu_p50"] / t_open["cpu_p50"], "differences": diffs[:10],
                      "n_differences": len(diffs)}
    return out


def polars_peer(folder: Path, f: Filters, ours: dict, repeat: int) -> dict:
    """The same KPIs by polars (benchmarks/polars_oracle.py) over the same Parquet: its time and its differences
    from ours (none expected); empty when polars is not installed (requirements-dev.txt pins it)."""
    try:
        from benchmarks.polars_oracle import polars_kpis
    except ImportError:
        return {}
    try:
        diffs = compare(ours, polars_kpis(folder, f))
    except ImportError:
        return {}
    return {"polars_ms": timed(lambda: polars_kpis(folder, f), max(3, repeat)), "polars_differences": diffs[:10],
            "polars_n_differences": len(diffs)}


def timed(fn: Callable[[], object], repeat: int) -> dict[str, float]:
    """Wall ms (p50, p95) and the process's CPU ms (p50) of ``fn`` after one warm-up call."""
    fn()
    samples, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), cpu_seconds()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
        cpu.append((cpu_seconds() - c0) * 1000)
    return {**stats(samples), "cpu_p50": pct(cpu, 50)}


# ----------------------------------------------------------------------------------------------------------- ingest

def ingest_bench(repeat: int, rows_1m: int = 1_000_000) -> dict:
    """Rows/s per kind from the S store's contract CSV files and the same as Parquet, each into a fresh store
    (open + migrate + read + validate + store + close), plus kancil.bench_ingest's 1 M antrian rows."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    from benchmarks.ingest import measure_ingest
    from kancil.ingest.ingester import ingest_file

    ensure_store("S")
    source = csv_dir("S")
    out: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(dir=BENCH_DIR) as tmp:
        work = Path(tmp)
        for kind in ("antrian", "permohonan", "survei", "fasilitas", "kuota"):
            csv_path = source / f"{kind}.csv"
            head = pacsv.read_csv(csv_path, read_options=pacsv.ReadOptions(block_size=1 << 20))
            table = pacsv.read_csv(csv_path, convert_options=pacsv.ConvertOptions(
                column_types={c: pa.string() for c in head.column_names}))
            pq_path = work / f"{kind}.parquet"
            pq.write_table(table, pq_path)
            for fmt, path in (("csv", csv_path), ("parquet", pq_path)):
                rates = []
                for i in range(repeat):
                    db = work / f"{kind}-{fmt}-{i}.duckdb"
                    t0 = time.perf_counter()
                    with connection.writer(db) as con:
                        result = ingest_file(con, kind, path, who="bench")
                    seconds = time.perf_counter() - t0
                    if result.exit_code != 0:
                        raise RuntimeError(f"bench ingest {kind} {fmt}: {result.as_json()}")
                    rates.append(result.stored / seconds)
                out[f"{kind}/{fmt}"] = {"rows": table.num_rows, **stats(rates)}
        for fmt in ("csv", "parquet"):
            rates = [measure_ingest(rows_1m, fmt, work / f"m{i}")["rows_per_second"] for i in range(max(1, repeat))]
            out[f"antrian-1M/{fmt}"] = {"rows": rows_1m, **stats(rates)}
        # cold: the CLI in a fresh process, as an operator runs it
        csv_1m = work / "m0" / f"antrian_{rows_1m}.csv"
        # the floor: DuckDB alone reading the same CSV as text into a table (no trimming, parsing or checks)
        import duckdb

        rates = []
        for i in range(max(1, repeat)):
            floor_db = work / f"floor-{i}.duckdb"
            t0 = time.perf_counter()
            with duckdb.connect(str(floor_db)) as con:
                con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{csv_1m}', all_varchar = true)")  # noqa: S608
            rates.append(rows_1m / (time.perf_counter() - t0))
        out["antrian-1M/csv, DuckDB read_csv only (no validation: the floor)"] = {"rows": rows_1m, **stats(rates)}
        rates = []
        for i in range(max(1, repeat // 2)):
            db = work / f"cold-{i}.duckdb"
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "kancil", "ingest", "--db", str(db), "--create", "--kind", "antrian",
                            str(csv_1m)], check=True, capture_output=True, cwd=ROOT)
            rates.append(rows_1m / (time.perf_counter() - t0))
        out["antrian-1M/csv (CLI, fresh process)"] = {"rows": rows_1m, **stats(rates)}
    return out


# ------------------------------------------------------------------------------------------------------------ a scale

def bench_scale(scale: str, repeat: int, cold_repeat: int, pages: bool, variant: str = "") -> dict:
    """Everything at one scale; ``variant`` 'optimized' measures a sorted copy (kancil.optimize) of the store."""
    db = ensure_store(scale)
    if variant == "optimized":
        db = optimized_copy(db)
    t_start = time.perf_counter()
    filters = bench_filters(db)
    with connection.reader(db) as con:
        day = newest_day(con)
    names = query_names()
    extras, skipped = query_plan(names, day)
    log(f"{scale}{variant}: {len(extras)} queries, skipped {skipped or 'none'}; extra parameters: "
        + "; ".join(f"{n}({', '.join(e)})" for n, e in extras.items() if e))
    result: dict = {"scale": scale, "variant": variant or "as built", "db": str(db),
                    "optimize_seconds": OPTIMIZE_SECONDS.get(str(db)),
                    "db_mb": db.stat().st_size / 1e6, "rows": row_counts(db),
                    "filters": {k: f.describe() for k, f in filters.items()},
                    "extras": {n: sorted(e) for n, e in extras.items() if e}, "skipped": skipped}
    for label, f in filters.items():
        log(f"{scale}{variant}: warm queries, {label}")
        result[f"warm_{label}"] = warm_queries(db, f, extras, repeat)
        if cold_repeat:
            log(f"{scale}{variant}: cold queries, {label}")
            result[f"cold_{label}"] = cold_queries(db, f, cold_repeat)
    month = filters["narrow"].replace(office=None, lane=None)
    if variant:
        log(f"{scale}{variant}: summary and pandas (pandas reads the Parquet of the store as built)")
        result["summary"] = summary_bench(db, month, repeat, parquet_of=ensure_store(scale))
        result["seconds"] = time.perf_counter() - t_start
        return result
    log(f"{scale}: summary and pandas")
    result["summary"] = summary_bench(db, month, repeat)
    log(f"{scale}: bytes read by the heavy queries")
    warm = result["warm_default"]["queries"]
    heavy = sorted(warm, key=lambda n: -warm[n]["p50"])[:8]
    result["heavy"] = {}
    for name in heavy:
        period_b, total_b = bytes_read(db, name, filters["default"])
        seconds = warm[name]["p50"] / 1000
        result["heavy"][name] = {"ms": warm[name]["p50"], "period_mb": period_b / 1e6, "table_mb": total_b / 1e6,
                                 "period_gb_s": period_b / seconds / 1e9, "table_gb_s": total_b / seconds / 1e9}
    if pages:
        log(f"{scale}: page renders (warm, in process)")
        result["pages_warm"] = render_pages(db, max(2, repeat // 2))
        log(f"{scale}: dashboard-like fresh process (every page once)")
        result["dashboard_process"] = _child(["_render", str(db)])
    result["seconds"] = time.perf_counter() - t_start
    return result


OPTIMIZE_SECONDS: dict[str, float] = {}


def optimized_copy(db: Path) -> Path:
    """A copy of the store, rewritten by ``python -m kancil optimize`` (cached next to the store)."""
    out = Path(str(db).removesuffix(".duckdb") + "-optimized.duckdb")
    if not out.exists():
        tmp = out.with_suffix(".tmp.duckdb")
        shutil.copyfile(db, tmp)
        t0 = time.perf_counter()
        # in its own process, as an operator runs it: its memory is not this process's
        # month-first: the demo store is already in office order as loaded, so this is the order that differs
        subprocess.run([sys.executable, "-m", "kancil", "optimize", "--db", str(tmp), "--order", "month"],
                       check=True, cwd=ROOT,
                       capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        OPTIMIZE_SECONDS[str(out)] = time.perf_counter() - t0
        log(f"optimized {db.name} in {time.perf_counter() - t0:.1f} s")
        os.replace(tmp, out)
        connection.version_path(tmp).unlink(missing_ok=True)
    return migrated(out)


# ----------------------------------------------------------------------------------------------------------- report

def machine() -> dict:
    import duckdb
    import pandas as pd
    import streamlit

    model = "?"
    try:
        model = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                     if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {"cores": os.cpu_count(), "memory_gib": round(mem, 1), "cpu": model, "python": platform.python_version(),
            "duckdb": duckdb.__version__, "streamlit": streamlit.__version__, "pandas": pd.__version__,
            "numpy": np.__version__, "load_average": os.getloadavg()}


def run(scales: list[str], repeat: int, cold_repeat: int, out: Path, label: str, with_ingest: bool = True,
        with_optimized: bool = True, with_concurrency: bool = True, page_scales: tuple[str, ...] = ("S", "M", "L"),
        browser_scales: tuple[str, ...] = ("S", "M", "L")) -> dict:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    raw_path = BENCH_DIR / f"results-{label}.json"
    results: dict = {"started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "machine": machine(),
                     "repeat": repeat, "cold_repeat": cold_repeat, "scales": {}, "optimized": {}}

    def save() -> None:
        results["bench_process_maxrss_mb"] = rss_mb()
        raw_path.write_text(json.dumps(results, indent=1, default=str))
        write_report(results, out)

    log("memory bandwidth")
    results["bandwidth_gb_s"] = memory_bandwidth()
    if with_ingest:
        log("ingest")
        results["ingest"] = ingest_bench(max(1, repeat // 2))
        save()
    for scale in scales:
        results["scales"][scale] = bench_scale(scale, repeat, cold_repeat, pages=scale in page_scales)
        save()
        if with_optimized and scale != "S":
            results["optimized"][scale] = bench_scale(scale, repeat, 0, pages=False, variant="optimized")
            save()
    decide_scales = [s for s in scales if s in ("S", "M")]
    if decide_scales:
        from benchmarks import decide

        for scale in decide_scales:
            log(f"{scale}: decision support (forecast, replays)")
            results.setdefault("decide", {})[scale] = decide.measure(ensure_store(scale), max(3, repeat // 2))
        save()
    if with_concurrency:
        biggest = "M" if "M" in scales else scales[-1]
        log(f"concurrency at {biggest}")
        results["concurrency"] = {"scale": biggest, "runs": concurrent_renders(ensure_store(biggest))}
    in_browser = [s for s in scales if s in browser_scales]
    if in_browser:
        from benchmarks import browser

        log(f"browser stage at {', '.join(in_browser)}")
        results["browser"] = browser.run(in_browser, label=label)
        from benchmarks import rush

        crowd = "L" if "L" in in_browser else in_browser[-1]  # the most offices measured
        log(f"the 08:00 rush at {crowd}")
        results["rush"] = {crowd: rush.measure(crowd, ensure_store(crowd), BENCH_DIR / "browser")}
        from benchmarks import rush_wire

        log(f"the 08:00 rush at its size (125 sign-ins in a minute, over the websocket protocol) at {crowd}")
        results["rush_wire"] = {crowd: rush_wire.measure(crowd, ensure_store(crowd), BENCH_DIR / "browser")}
    results["finished"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    save()
    return results


def pages_only(scales: list[str], repeat: int, out: Path, label: str) -> int:
    raw_path = BENCH_DIR / f"results-{label}.json"
    results = json.loads(raw_path.read_text())
    for scale in scales:
        r = results["scales"].get(scale)
        if r is None:
            print(f"scale {scale} is not in {raw_path}", file=sys.stderr)
            return 2
        db = ensure_store(scale)
        log(f"{scale}: page renders (warm, in process)")
        r["pages_warm"] = render_pages(db, max(2, repeat // 2))
        log(f"{scale}: dashboard-like fresh process (every page once)")
        r["dashboard_process"] = _child(["_render", str(db)])
        r["pages_measured"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        raw_path.write_text(json.dumps(results, indent=1, default=str))
        write_report(results, out)
    return 0


def _met(ok: bool) -> str:
    return "**met**" if ok else "**NOT met**"


def write_report(results: dict, out: Path) -> None:
    """BENCHMARKS.md from the raw results (also usable on a saved results JSON: ``--report-only``)."""
    m = results["machine"]
    lines = [
        "# Benchmarks — Speed at national scale",
        "",
        "Written by `python -m benchmarks` (benchmarks/harness.py); raw numbers in `data/bench/results-*.json`. "
        "Absolute times are noisy (a shared 2-core machine); the ratios and the growth S → M → L are what matter. "
        "Benchmarks are measured, never asserted by the tests.",
        "",
        f"- Machine: {m['cores']} cores, {m['memory_gib']} GiB, {m['cpu']}; load average at start "
        f"{', '.join(f'{x:.2f}' for x in m['load_average'])}",
        f"- Versions: Python {m['python']}, DuckDB {m['duckdb']}, Streamlit {m['streamlit']}, pandas {m['pandas']}, "
        f"NumPy {m['numpy']}",
        f"- Run: started {results['started']}, finished {results.get('finished', '(still running / incomplete)')}; "
        f"warm repeats {results['repeat']} (after one warm-up batch), cold repeats {results['cold_repeat']}",
        *([f"- How this run was made: {results['run_note']}"] if results.get("run_note") else []),
        f"- Memory bandwidth (np.sum over a 2 GB float64 array, one core): **{results.get('bandwidth_gb_s', 0):.1f} "
        "GB/s**",
        f"- Peak memory of the bench process itself: {results.get('bench_process_maxrss_mb', math.nan):,.0f} MB (it "
        "holds the 2 GB bandwidth array and, at L, pandas reading five years of Parquet; the dashboard's own peak is "
        "the ‘dashboard-like fresh process’ figure of each scale)",
        "",
    ]
    lines += _targets(results)
    if "ingest" in results:
        lines += ["## Ingest throughput", "",
                  "Into a fresh store: open + migrate + read + validate + store in one transaction + close. "
                  "Per kind from the S demo's contract CSV files and the same rows as Parquet; plus "
                  "`benchmarks/ingest.py`'s generated 1 M antrian rows.", "",
                  "| kind / format | rows | rows/s p50 | rows/s p95 |", "|---|---:|---:|---:|"]
        for key, v in results["ingest"].items():
            lines.append(f"| {key} | {v['rows']:,} | {v['p50']:,.0f} | {v['p95']:,.0f} |")
        lines.append("")
    for scale, r in results["scales"].items():
        lines += _scale_section(scale, r, results.get("optimized", {}).get(scale), results.get("bandwidth_gb_s"))
    if "concurrency" in results:
        c = results["concurrency"]
        lines += [f"## Concurrent dashboard processes ({c['scale']})", "",
                  "k fresh processes each render every page once at the same time (cache empty): how throughput "
                  "scales on 2 cores.", "", "| processes | wall s | pages rendered | pages/s | max RSS MB |",
                  "|---:|---:|---:|---:|---:|"]
        for k, v in c["runs"].items():
            rss = v.get("max_rss_mb")
            lines.append(f"| {k} | {v['wall_s']:.1f} | {v['pages']} | {v['pages_per_s']:.2f} | "
                         f"{'—' if rss is None or math.isnan(rss) else f'{rss:,.0f}'} |")
        if c.get("note"):
            lines += ["", c["note"]]
        lines.append("")
    if results.get("decide"):
        from benchmarks import decide

        lines += decide.section(results["decide"])
    if results.get("browser"):
        from benchmarks import browser

        lines += [browser.START, *browser.section(results["browser"]), browser.END_MARK, ""]
    if results.get("rush"):
        from benchmarks import rush

        lines += [rush.START, *rush.section(results["rush"]), rush.END_MARK, ""]
    if results.get("rush_wire"):
        from benchmarks import rush_wire

        lines += [rush_wire.START, *rush_wire.section(results["rush_wire"]), rush_wire.END_MARK, ""]
    extra = Path(str(out) + ".notes.md")
    if extra.exists():
        lines += [extra.read_text()]
    out.write_text("\n".join(lines) + "\n")


def is_download_query(name: str) -> bool:
    """The export_* queries run only when a user asks for a row download (kancil/export/downloads.py), not on a page."""
    return name.startswith("export_")


def _page_max(r: dict, key: str) -> tuple[float, float, str]:
    warm = {n: v for n, v in r.get(key, {}).get("queries", {}).items() if not is_download_query(n)}
    if not warm:
        return math.nan, math.nan, "—"
    worst = max(warm, key=lambda n: warm[n]["p50"])
    return warm[worst]["p50"], max(v["p95"] for v in warm.values()), worst


def _cpu_max(r: dict, key: str) -> str:
    warm = {n: v for n, v in r.get(key, {}).get("queries", {}).items() if not is_download_query(n)}
    cpu = {n: v["cpu_p50"] for n, v in warm.items() if "cpu_p50" in v}
    if not cpu:
        return ""
    worst = max(cpu, key=cpu.get)
    return f"; slowest by CPU time {fmt_ms(cpu[worst])} ms ({worst})"


def _filtered(name: str) -> bool:
    """A page query that takes the period filter (store_info, settings and the logs read the same whatever the
    view: they are per store, cached once per store version, not per view)."""
    try:
        return not is_download_query(name) and "date_from" in queries.param_names(queries.sql_text(name))
    except (OSError, ValueError):
        return False


def _narrow_sum(r: dict) -> float:
    return sum(v["p50"] for n, v in r["warm_narrow"]["queries"].items() if _filtered(n))


def _targets(results: dict) -> list[str]:
    lines = ["## Targets", "",
             "‘Page queries’ = every query file except the `export_*` ones, which run only when a user asks for a "
             "row download (their times are in the per-scale tables). Wall-clock p50/p95 decide; the CPU time is "
             "given because the machine was shared.", "",
             "| target | measured | |", "|---|---|---|"]
    s, big = results["scales"].get("S"), results["scales"].get("L")
    if big:
        p50, p95, worst = _page_max(big, "warm_default")
        ok = p50 <= TARGET_L_P50_MS and p95 <= TARGET_L_P95_MS
        lines.append("| L: every page query p50 ≤ 1 s, p95 ≤ 2 s (warm, default filters) | "
                     f"slowest p50 {fmt_ms(p50)} ms "
                     f"({worst}), worst p95 {fmt_ms(p95)} ms{_cpu_max(big, 'warm_default')} | {_met(ok)} |")
        opt = results.get("optimized", {}).get("L")
        if opt:
            p50o, p95o, worsto = _page_max(opt, "warm_default")
            lines.append(f"| … after {OPT} | slowest p50 {fmt_ms(p50o)} ms ({worsto}), worst p95 "
                         f"{fmt_ms(p95o)} ms{_cpu_max(opt, 'warm_default')} | "
                         f"{_met(p50o <= TARGET_L_P50_MS and p95o <= TARGET_L_P95_MS)} |")
    else:
        lines.append("| L: every query p50 ≤ 1 s, p95 ≤ 2 s | L not measured in this run | — |")
    if s:
        p50, _p95, worst = _page_max(s, "warm_default")
        lines.append(f"| S: every page query p50 ≤ 100 ms | slowest p50 {fmt_ms(p50)} ms ({worst})"
                     f"{_cpu_max(s, 'warm_default')} | {_met(p50 <= TARGET_S_P50_MS)} |")
    if s and big:
        ns, nl = _narrow_sum(s), _narrow_sum(big)
        lines.append(f"| one office, one lane, one month at L ≈ at S | the filtered page queries summed (p50): L "
                     f"{fmt_ms(nl)} ms vs S {fmt_ms(ns)} ms (× {nl / ns:.2f}) | {_met(nl / ns <= 1.5)} (≤ 1.5×) |")
        opt = results.get("optimized", {}).get("L")
        if opt:
            no = _narrow_sum(opt)
            lines.append(f"| … after {OPT} | L {fmt_ms(no)} ms vs S {fmt_ms(ns)} ms (× {no / ns:.2f}) | "
                         f"{_met(no / ns <= 1.5)} |")
    ing = results.get("ingest", {}).get("antrian-1M/csv")
    if ing:
        lines.append(f"| ingest ≥ 500,000 antrian rows/s from CSV incl. validation | {ing['p50']:,.0f} rows/s (1 M "
                     f"rows) | {_met(ing['p50'] >= TARGET_INGEST_ROWS_S)} |")
    for scale, r in [(s_, results["scales"].get(s_)) for s_ in ("M", "L")] + [
            (f"{s_} after optimize --order month", results.get("optimized", {}).get(s_)) for s_ in ("M", "L")]:
        if r and "summary" in r:
            for label, v in r["summary"].items():
                if "kpi_open_ms" in v:  # judged as the dashboard runs them: on a page run's open read connection
                    lines.append(
                        f"| {scale}: ≥ 10× faster than pandas, summary KPIs ({label}) | pandas "
                        f"{fmt_ms(v['pandas_ms']['p50'])} ms ÷ ours {fmt_ms(v['kpi_open_ms']['p50'])} ms = "
                        f"**{v['ratio_open']:.1f}×** (by CPU time {v['cpu_ratio_open']:.1f}×); counting a fresh "
                        f"connection too: {fmt_ms(v['kpi_queries_ms']['p50'])} ms, {v['ratio']:.1f}× | "
                        f"{_met(v['ratio_open'] >= TARGET_PANDAS_RATIO)} |")
                    if "polars_ms" in v:
                        ratio = v["polars_ms"]["p50"] / v["kpi_open_ms"]["p50"]
                        lines.append(f"| {scale}: ≥ 2× faster than polars, summary KPIs ({label}) | polars "
                                     f"{fmt_ms(v['polars_ms']['p50'])} ms ÷ ours {fmt_ms(v['kpi_open_ms']['p50'])} "
                                     f"ms = **{ratio:.1f}×** (same numbers: "
                                     f"{'yes' if v['polars_n_differences'] == 0 else 'NO'}) | "
                                     f"{_met(ratio >= TARGET_POLARS_RATIO)} |")
                    continue
                lines.append(f"| {scale}: ≥ 10× faster than pandas, summary KPIs ({label}) | pandas "
                             f"{fmt_ms(v['pandas_ms']['p50'])} ms ÷ ours {fmt_ms(v['kpi_queries_ms']['p50'])} ms = "
                             f"{v['ratio']:.1f}× (by CPU time {v.get('cpu_ratio', math.nan):.1f}×) | "
                             f"{_met(v['ratio'] >= TARGET_PANDAS_RATIO)} |")
    if big and "dashboard_process" in big:
        for label, d in (("as built", big["dashboard_process"]),
                         ("after optimize --order month",
                          results.get("optimized", {}).get("L", {}).get("dashboard_process"))):
            if not d:
                continue
            pages = {p: v for p, v in d["pages"].items() if "p50" in v}
            worst = max(pages, key=lambda p: pages[p]["p50"]) if pages else "—"
            ms = pages[worst]["p50"] if pages else math.nan
            lines.append(f"| L ({label}): a page's full render (all its queries + Python), not a stated target | "
                         f"slowest {worst} {fmt_ms(ms)} ms (CPU {pages.get(worst, {}).get('cpu_s', math.nan):.1f} s), "
                         f"fresh process, cache empty | — |")
        rss = big["dashboard_process"]["maxrss_mb"]
        lines.append(f"| L: dashboard peak memory < 4 GB | {rss:,.0f} MB (every page once, fresh process) | "
                     f"{_met(rss < TARGET_DASHBOARD_RSS_MB)} |")
    elif big:
        lines.append("| L: dashboard peak memory < 4 GB | page renders not run at L in this run | — |")
    if s and "summary" in s:
        v = s["summary"]["month"]
        lines.append(f"| S, one month: our KPIs = pandas KPIs within 1e-9 | {v['n_differences']} differences | "
                     f"{_met(v['n_differences'] == 0)} |")
    return [*lines, ""]


def _polars_cells(v: dict) -> str:
    """polars p50 (CPU), polars ÷ ours on the open connection, same numbers, and our KPI queries' bytes ÷ time."""
    if "polars_ms" not in v:
        return "— | — | — | —"
    same = "yes" if v["polars_n_differences"] == 0 else f"{v['polars_n_differences']} differ"
    ratio = v["polars_ms"]["p50"] / v["kpi_open_ms"]["p50"]
    return (f"{fmt_ms(v['polars_ms']['p50'])} ({fmt_ms(v['polars_ms']['cpu_p50'])}) | {ratio:.1f}× | {same} | "
            f"{v.get('kpi_bytes_mb', math.nan):,.0f} MB ÷ {fmt_ms(v['kpi_open_ms']['p50'])} ms = "
            f"{v.get('kpi_gb_s', math.nan):.1f}")


def _scale_section(scale: str, r: dict, opt: dict | None, bandwidth: float | None) -> list[str]:
    rows = r["rows"]
    f = r["filters"]
    lines = [f"## Scale {scale}", "",
             f"Store {r['db_mb']:,.0f} MB: " + ", ".join(f"{t} {n:,}" for t, n in rows.items()) + f" rows. "
             f"Default filters {f['default']['date_from']} .. {f['default']['date_to']}, all offices; narrow "
             f"{f['narrow']['date_from']} .. {f['narrow']['date_to']}, office {f['narrow']['office']}, lane "
             f"{f['narrow']['lane']}. Measured in {r.get('seconds', 0):.0f} s; load average (1 min) when the warm "
             f"queries started: {r['warm_default'].get('load_average', math.nan):.1f} on {os.cpu_count()} cores. "
             "CPU p50 = CPU time of the process (all threads) per query: on a machine shared with other work "
             "the wall clock also counts waiting for a core.", ""]
    if r.get("ab_measured"):
        lines += [f"The warm query numbers of {scale}, as built and after {OPT}, were re-measured "
                  f"interleaved (as built, optimized, as built, optimized; 3 batches each after a warm-up) at "
                  f"{r['ab_measured']}, so that both sides ran under the same load; the first measurements ran "
                  "while other work loaded the machine unevenly.", ""]
    if r.get("skipped"):
        lines += ["Skipped: " + "; ".join(f"`{n}`: {why}" for n, why in r["skipped"].items()), ""]
    if r.get("extras"):
        lines += ["Extra parameters bound from defaults: " + "; ".join(f"`{n}` ({', '.join(e)})"
                                                                     for n, e in r["extras"].items()), ""]
    errors = {**r["warm_default"].get("errors", {}), **r["warm_narrow"].get("errors", {})}
    if errors:
        lines += ["Failed: " + "; ".join(f"`{n}`: {e}" for n, e in errors.items()), ""]
    cols = ["query", "default p50", "default p95", "CPU p50", "cold p50", "cold CPU p50", "narrow p50", "narrow p95",
            "narrow CPU p50", "cold narrow p50"]
    if opt:
        cols += ["optimized default p50", "optimized narrow p50"]
    lines += [f"### Queries at {scale} (ms)", "", "| " + " | ".join(cols) + " |",
              "|---|" + "---:|" * (len(cols) - 1)]
    wd, wn = r["warm_default"]["queries"], r["warm_narrow"]["queries"]
    cd = r.get("cold_default", {}).get("queries", {})
    cn = r.get("cold_narrow", {}).get("queries", {})
    for name in sorted(wd, key=lambda n: -wd[n]["p50"]):
        cells = [f"`{name}`" + (" (download)" if is_download_query(name) else ""), fmt_ms(wd[name]["p50"]),
                 fmt_ms(wd[name]["p95"]), fmt_ms(wd[name].get("cpu_p50")),
                 fmt_ms(cd.get(name, {}).get("p50", math.nan)), fmt_ms(cd.get(name, {}).get("cpu_p50", math.nan)),
                 fmt_ms(wn.get(name, {}).get("p50", math.nan)), fmt_ms(wn.get(name, {}).get("p95", math.nan)),
                 fmt_ms(wn.get(name, {}).get("cpu_p50", math.nan)), fmt_ms(cn.get(name, {}).get("p50", math.nan))]
        if opt:
            cells += [fmt_ms(opt["warm_default"]["queries"].get(name, {}).get("p50", math.nan)),
                      fmt_ms(opt["warm_narrow"]["queries"].get(name, {}).get("p50", math.nan))]
        lines.append("| " + " | ".join(cells) + " |")
    total = [sum(v["p50"] for v in wd.values()), sum(v["p50"] for v in wn.values())]
    lines += ["", f"All queries one after the other: default {fmt_ms(total[0])} ms, narrow {fmt_ms(total[1])} ms "
              f"(sum of p50s); opening a read-only connection + staging macros: "
              f"{fmt_ms(r['warm_default']['connect_ms']['p50'])} ms warm"
              + (", a fresh process (import + connect + every query once) "
                 f"{fmt_ms(r['cold_default']['process_ms']['p50'])} ms" if "cold_default" in r else "") + ".", ""]
    if "summary" in r:
        lines += [f"### Summary KPIs at {scale}: ours vs pandas over Parquet", "",
                  "`summary` = metrics.summary (all its queries, fresh connection); `KPI queries` = the four queries "
                  "behind the compared KPIs (tickets, no-shows and wait median/p90 in one; completion working days; "
                  "IKM; quota fill), on an open read connection as a page run has it (the dashboard's read lease), "
                  "and with a fresh connection each time (open the file + staging macros, ≈ 20 ms); pandas = read "
                  "the Parquet files (date filter pushed down) and compute the same KPIs (numpy busday_count with "
                  "the holiday list for working days).", "",
                  "| period | summary p50 | KPI queries, open connection p50 (CPU) | … fresh connection p50 | "
                  "pandas p50 (CPU) | pandas ÷ ours, open (by CPU) | … fresh | same numbers? | polars p50 (CPU) | "
                  "polars ÷ ours, open | polars same? | KPI bytes ÷ ours (GB/s) |",
                  "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---|---:|"]
        for label, v in r["summary"].items():
            same = "yes (within 1e-9)" if v["n_differences"] == 0 else f"{v['n_differences']} differ: " + "; ".join(
                v["differences"][:3])
            kpi_open = v.get("kpi_open_ms", {})
            lines.append(f"| {label} ({v['period']}) | {fmt_ms(v['summary_ms']['p50'])} | "
                         f"{fmt_ms(kpi_open.get('p50'))} ({fmt_ms(kpi_open.get('cpu_p50'))}) | "
                         f"{fmt_ms(v['kpi_queries_ms']['p50'])} | "
                         f"{fmt_ms(v['pandas_ms']['p50'])} ({fmt_ms(v['pandas_ms'].get('cpu_p50'))}) | "
                         f"{v.get('ratio_open', math.nan):.1f}× ({v.get('cpu_ratio_open', math.nan):.1f}×) | "
                         f"{v['ratio']:.1f}× | {same} | {_polars_cells(v)} |")
        lines.append("")
    if r.get("heavy") and bandwidth:
        lines += [f"### How close the heavy queries are to the machine's limit ({scale}, default filters)", "",
                  f"Bytes of the columns touched (rows × width; VARCHAR counted as 16 bytes) ÷ warm p50, against the "
                  f"{bandwidth:.1f} GB/s one core streams from memory. ‘period’ = rows in the 30 days (the least a "
                  "query must read), ‘table’ = every row (a scan without skipping).", "",
                  "| query | ms | MB (period) | MB (table) | GB/s period | GB/s table | table % of bandwidth |",
                  "|---|---:|---:|---:|---:|---:|---:|"]
        for name, v in r["heavy"].items():
            lines.append(f"| `{name}` | {fmt_ms(v['ms'])} | {v['period_mb']:,.1f} | {v['table_mb']:,.1f} | "
                         f"{v['period_gb_s']:.2f} | {v['table_gb_s']:.2f} | {100 * v['table_gb_s'] / bandwidth:.0f}% |")
        lines.append("")
    if "pages_warm" in r:
        fresh = r.get("dashboard_process", {}).get("pages", {})
        after = (opt or {}).get("dashboard_process", {}).get("pages", {})
        lines += [f"### Page renders at {scale} (AppTest, supervisor, result cache emptied before each)", "",
                  "In this process (warm) and in a fresh dashboard-like process (each page once, cold)"
                  + (f"; and the fresh process over the store after {OPT}" if after else "") + ".", "",
                  "| page | p50 ms | p95 ms | CPU s per render | fresh process ms (CPU s) |"
                  + (" after optimize ms (CPU s) |" if after else "") + " exceptions |",
                  "|---|---:|---:|---:|---:|" + ("---:|" if after else "") + "---|"]
        for page, v in r["pages_warm"].items():
            if "p50" not in v:
                lines.append(f"| {page} | — | — | — | — |" + (" — |" if after else "") + f" {v.get('skipped', '')} |")
                continue
            f1 = fresh.get(page, {})
            cells = [fmt_ms(v["p50"]), fmt_ms(v["p95"]), f"{v['cpu_s']:.2f}",
                     f"{fmt_ms(f1.get('p50'))} ({f1.get('cpu_s', math.nan):.2f})"]
            if after:
                f2 = after.get(page, {})
                cells.append(f"{fmt_ms(f2.get('p50'))} ({f2.get('cpu_s', math.nan):.2f})")
            problems = v["exceptions"] + f1.get("exceptions", [])
            lines.append(f"| {page} | " + " | ".join(cells) + f" | {'; '.join(problems) or 'none'} |")
        if r.get("pages_measured"):
            lines += ["", f"(Page renders re-measured at {r['pages_measured']} with `--pages-only`.)"]
        d = r.get("dashboard_process")
        if d:
            lines += ["", "Dashboard-like fresh process (sign in, every page once, cache empty): "
                      f"{d['seconds']:.1f} s, peak memory (VmHWM) **{d['maxrss_mb']:,.0f} MB**."]
            d2 = (opt or {}).get("dashboard_process")
            if d2:
                lines += [f"After {OPT}: {d2['seconds']:.1f} s, peak memory **{d2['maxrss_mb']:,.0f} MB**."]
        lines.append("")
    return lines


# -------------------------------------------------------------------------------------------------------------- CLI

def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--scales", default="S,M,L", help="comma-separated, of S, M, L (default all)")
    p.add_argument("--repeat", type=int, default=7, help="warm repeats per measurement (default 7)")
    p.add_argument("--cold-repeat", type=int, default=3, help="fresh processes per cold measurement (default 3)")
    p.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"))
    p.add_argument("--quick", action="store_true", help="S and M only, 3 warm and 2 cold repeats (minutes)")
    p.add_argument("--no-ingest", action="store_true")
    p.add_argument("--no-optimized", action="store_true", help="skip the before/after of kancil optimize")
    p.add_argument("--no-concurrency", action="store_true")
    p.add_argument("--no-browser", action="store_true", help="skip the browser stage (benchmarks/browser.py)")
    p.add_argument("--browser-scales", default="S,M,L",
                   help="scales of the browser stage (those whose store is cached or built in this run)")
    p.add_argument("--page-scales", default="S,M,L", help="scales at which pages are rendered")
    p.add_argument("--report-only", default=None, help="rewrite --out from a saved results JSON")
    p.add_argument("--label", default=None, help="name of the raw results file (default: the scales)")
    p.add_argument("--optimized-only", action="store_true",
                   help="measure only the optimized copies of --scales, into the saved results of --label")
    p.add_argument("--decide-only", action="store_true",
                   help="measure only the forecast and replays (issue 13) at --scales and rewrite only their "
                        "section of --out")
    p.add_argument("--peer-only", action="store_true",
                   help="measure only the summary KPIs against pandas and polars at --scales (benchmarks/peer.py) "
                        "and rewrite only its section of --out")
    p.add_argument("--pages-only", action="store_true",
                   help="re-measure only the page renders and the dashboard process of --scales, into the saved "
                        "results of --label (e.g. after the app was broken during a long run)")


def main_args(args: argparse.Namespace) -> int:
    if args.report_only:
        write_report(json.loads(Path(args.report_only).read_text()), Path(args.out))
        return 0
    scales = ["S", "M"] if args.quick else [s.strip().upper() for s in args.scales.split(",") if s.strip()]
    unknown = [s for s in scales if s not in SCALES]
    if unknown:
        print(f"unknown scale(s): {', '.join(unknown)}; choose from S, M, L", file=sys.stderr)
        return 2
    repeat, cold = (3, 2) if args.quick else (args.repeat, args.cold_repeat)
    if args.decide_only:
        return decide_only(scales, max(3, repeat // 2), cold, Path(args.out))
    if args.peer_only:
        return peer_only(scales, repeat, Path(args.out))
    if args.pages_only:
        return pages_only(scales, repeat, Path(args.out), args.label or "".join(scales))
    if args.optimized_only:
        raw_path = BENCH_DIR / f"results-{args.label or ''.join(scales)}.json"
        results = json.loads(raw_path.read_text())
        for scale in scales:
            results.setdefault("optimized", {})[scale] = bench_scale(scale, repeat, 0, pages=False,
                                                                     variant="optimized")
            raw_path.write_text(json.dumps(results, indent=1, default=str))
            write_report(results, Path(args.out))
        return 0
    run(scales, repeat, cold, Path(args.out), args.label or "".join(scales) + ("-quick" if args.quick else ""),
        with_ingest=not args.no_ingest, with_optimized=not args.no_optimized,
        with_concurrency=not args.no_concurrency,
        browser_scales=() if args.no_browser else tuple(s.strip().upper() for s in args.browser_scales.split(",")),
        page_scales=tuple(s.strip().upper() for s in args.page_scales.split(",")))
    return 0


def peer_only(scales: list[str], repeat: int, out: Path) -> int:
    """`--peer-only`: the summary KPIs against pandas and polars (benchmarks/peer.py writes the section) and the
    machine's memory bandwidth, one run."""
    from benchmarks import browser, peer

    results: dict = {"bandwidth_gb_s": memory_bandwidth(), "scales": {}}
    for scale in scales:
        db = ensure_store(scale)
        month = bench_filters(db)["narrow"].replace(office=None, lane=None)
        log(f"{scale}: ours vs pandas vs polars")
        results["scales"][scale] = summary_bench(db, month, repeat)
    (BENCH_DIR / f"results-peer-{''.join(scales)}.json").write_text(json.dumps(results, indent=1, default=str))
    browser.update_section(out, peer.START, peer.END_MARK, peer.section(results))
    print("\n".join(peer.section(results)))
    return 0


def decide_only(scales: list[str], repeat: int, cold_repeat: int, out: Path) -> int:
    """`--decide-only`: the decision-support stage alone, written into its section of the report (here, not in
    benchmarks/decide.py, so that module needs nothing of the harness)."""
    from benchmarks import decide

    results = {}
    for scale in scales:
        db = ensure_store(scale)
        log(f"{scale}: decision support (forecast, replays)")
        results[scale] = decide.measure(db, repeat, cold_repeat)
        log(json.dumps({k: v for k, v in results[scale].items() if k in ("forecast", "queue", "completion")},
                       default=str))
    (BENCH_DIR / f"results-decide-{''.join(scales)}.json").write_text(json.dumps(results, indent=1, default=str))
    decide.update_report(out, results)
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_cold-queries":
        return _cold_queries_child(argv[1:])
    if argv and argv[0] == "_render":
        return _render_child(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    add_arguments(parser)
    return main_args(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
