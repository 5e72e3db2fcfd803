"""What every benchmark stage shares: the cached demo stores of the three scales (built once under ``data/bench/``,
keyed by scale, seed and a hash of the demo generator), the filters the stages measure with, the progress log and
the millisecond format of the report. The stages (harness, browser, rush, peer, decide) import this; it imports
none of them, so the benchmark package has no import circle."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import os
import sys
import time
from pathlib import Path

from kancil.filters import Filters
from kancil.store import connection, schema
from kancil.store.sql import one

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "data" / "bench"
SCALES: dict[str, tuple[int, int]] = {"S": (1, 730), "M": (10, 1826), "L": (125, 1826)}
END = dt.date(2026, 10, 31)  # fixed, so a cached store is the same store whatever day the bench runs
SEED = 7


def log(message: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def fmt_ms(value: float) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


# ----------------------------------------------------------------------------------------------------------- stores

def demo_hash() -> str:
    return hashlib.sha256((ROOT / "kancil" / "demo.py").read_bytes()).hexdigest()[:10]


def store_path(scale: str, seed: int = SEED) -> Path:
    return BENCH_DIR / f"{scale}-seed{seed}-{demo_hash()}.duckdb"


def csv_dir(scale: str, seed: int = SEED) -> Path:
    return BENCH_DIR / f"{scale}-seed{seed}-{demo_hash()}-csv"


def ensure_store(scale: str, seed: int = SEED) -> Path:
    """The cached demo store of a scale, built (to a temporary name, then renamed) if missing."""
    from kancil import demo

    path = store_path(scale, seed)
    building = path.with_suffix(".building.duckdb")
    def busy() -> bool:
        stamps = [p.stat().st_mtime for p in (building, Path(f"{building}.wal")) if p.exists()]
        return bool(stamps) and time.time() - max(stamps) < 300

    while busy() and not path.exists():
        log(f"another process is building {building.name}; waiting")  # e.g. a bench started earlier
        time.sleep(30)
    if path.exists() and (scale != "S" or (csv_dir(scale, seed) / "antrian.csv").exists()):
        return migrated(path)
    offices, days = SCALES[scale]
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    log(f"building {scale}: {offices} offices x {days} days -> {path.name}")
    t0 = time.perf_counter()
    demo.build(building, offices=offices, days=days, seed=seed, end=END,
               export_dir=csv_dir(scale, seed) if scale == "S" else None)
    for suffix in ("", ".version"):
        src = Path(str(building) + suffix)
        if src.exists():
            os.replace(src, str(path) + suffix)
    log(f"built {scale} in {time.perf_counter() - t0:.0f} s")
    return path


def migrated(path: Path) -> Path:
    """A cached store brought to the current schema (the demo generator, its cache key, may not have changed)."""
    with connection.reader(path) as con:
        version = schema.schema_version(con)
    if version < schema.SCHEMA_VERSION:
        t0 = time.perf_counter()
        with connection.writer(path):
            pass
        log(f"migrated {path.name} from schema {version} in {time.perf_counter() - t0:.1f} s")
    return path


def newest_day(con) -> dt.date:
    return one(con, "SELECT max(issued_at)::date FROM antrian")[0]


def bench_filters(db: Path) -> dict[str, Filters]:
    """default: the last 30 days up to the newest data day, all offices; narrow: one office, one lane, the last
    full calendar month."""
    with connection.reader(db) as con:
        newest = newest_day(con)
        office = one(con, "SELECT min(office_code) FROM antrian")[0]
    month_end = newest if (newest + dt.timedelta(days=1)).day == 1 else newest.replace(day=1) - dt.timedelta(days=1)
    return {
        "default": Filters(newest - dt.timedelta(days=29), newest),
        "narrow": Filters(month_end.replace(day=1), month_end, office=office, lane="prioritas"),
    }
