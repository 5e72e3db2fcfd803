"""Ingest benchmark: how many antrian rows per second a CSV or Parquet file loads at.

``python -m kancil.bench_ingest [ROWS] [--workdir DIR]`` generates a valid antrian export of ROWS rows (numpy and
pyarrow, a second or two for a million rows), loads it into a fresh store through the real ingester and prints
one JSON line per format. It is a measurement, not a test: the numbers go into BENCHMARKS.md by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from kancil.contract import CHANNELS, GROUPS, LANES, SERVICE_TYPES
from kancil.ingest.ingester import ingest_file
from kancil.store import connection

OFFICES = ("JKT1", "JKT2", "BDG", "SBY", "MDN")


def antrian_table(rows: int, seed: int = 7) -> pa.Table:
    """A valid antrian export of ``rows`` rows: every rule of the contract holds, keys are unique."""
    rng = np.random.default_rng(seed)

    def pick(values: tuple[str, ...]) -> pa.Array:
        idx = pa.array(rng.integers(0, len(values), rows, dtype=np.int32))
        return pa.DictionaryArray.from_arrays(idx, pa.array(values)).cast(pa.string())

    start = np.datetime64("2024-01-01T07:30:00", "s")
    day = rng.integers(0, 730, rows).astype("timedelta64[D]").astype("timedelta64[s]")
    issued = start + day + rng.integers(0, 8 * 3600, rows).astype("timedelta64[s]")
    called = issued + rng.integers(0, 90 * 60, rows).astype("timedelta64[s]")
    begin = called + rng.integers(0, 3 * 60, rows).astype("timedelta64[s]")
    end = begin + rng.integers(60, 30 * 60, rows).astype("timedelta64[s]")
    no_show = rng.random(rows) < 0.05

    def stamp(values: np.ndarray, missing: np.ndarray | None = None) -> pa.Array:
        arr = pa.array(values, type=pa.timestamp("s"), mask=missing)
        return pc.strftime(arr, format="%Y-%m-%d %H:%M:%S")

    status = np.where(no_show, "tidak_hadir", "selesai")
    return pa.table(
        {
            "ticket_id": pc.binary_join_element_wise("T", pa.array(np.arange(rows)).cast(pa.string()), ""),
            "office_code": pick(OFFICES),
            "lane": pick(LANES),
            "applicant_group": pick(GROUPS),
            "service_type": pick(SERVICE_TYPES),
            "channel": pick(CHANNELS),
            "issued_at": stamp(issued),
            "called_at": stamp(called, no_show),
            "service_start": stamp(begin, no_show),
            "service_end": stamp(end, no_show),
            "counter": pick(("P1", "P2", "R1", "R2", "R3")),
            "officer_id": pick(tuple(f"PTG{i:02d}" for i in range(1, 21))),
            "status": pa.array(status),
        }
    )


def write_file(rows: int, fmt: str, workdir: Path) -> Path:
    table = antrian_table(rows)
    workdir.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        path = workdir / f"antrian_{rows}.csv"
        pacsv.write_csv(table, path)
    elif fmt == "parquet":
        path = workdir / f"antrian_{rows}.parquet"
        pq.write_table(table, path)
    else:
        raise ValueError(f"format tidak dikenal: {fmt}")
    return path


def measure_ingest(rows: int, fmt: str, workdir: Path) -> dict:
    """Generate a valid antrian file of ``rows`` rows, load it into a fresh store, and time the load.

    The time covers what ``python -m kancil ingest`` does for the file: opening (and migrating) the store, reading,
    validating, storing in one transaction, and closing (checkpoint). Generating the file is not timed.
    """
    workdir = Path(workdir)
    path = write_file(rows, fmt, workdir)
    db = workdir / f"bench_{fmt}_{rows}.duckdb"
    for stale in (db, Path(f"{db}.wal"), connection.version_path(db)):
        stale.unlink(missing_ok=True)
    load_before = os.getloadavg()[0]
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    with connection.writer(db) as con:
        result = ingest_file(con, "antrian", path, who="bench")
    seconds = time.perf_counter() - t0
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    if result.exit_code != 0 or result.stored != rows:
        raise RuntimeError(f"benchmark file did not load cleanly: {result.as_json()}")
    return {
        "rows": rows,
        "format": fmt,
        "file_mb": round(path.stat().st_size / 1e6, 1),
        "seconds": round(seconds, 3),
        "rows_per_second": round(rows / seconds),
        # CPU time of the process (all DuckDB threads) and the machine's load: a busy machine slows the wall clock.
        "cpu_seconds": round(cpu, 3),
        "threads": os.cpu_count(),
        "load_average": round(load_before, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kancil.bench_ingest")
    parser.add_argument("rows", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--workdir", default=None)
    parser.add_argument("--format", choices=("csv", "parquet"), action="append")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(args.workdir) if args.workdir else Path(tmp)
        for fmt in args.format or ("csv", "parquet"):
            print(json.dumps(measure_ingest(args.rows, fmt, workdir)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
