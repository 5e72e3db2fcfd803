"""Does a failing sign-in loop stall a concurrent ingest? (issue 11, item 6; not a test: it times things.)

Three ways, each ``--runs`` times, on the same store and the same file:

- ``alone``: ingest a demo ``antrian.csv`` into a fresh copy of a store, nothing else running;
- ``outside``: the same while another process fails to sign in over and over through the dashboard's own path
  (``connection.writer`` + ``accounts.authenticate``, then ``accounts.pause`` with the store closed: the code now);
- ``inside``: the same loop, but waiting the delay inside ``connection.writer`` (where it was before the fix).

The loop rotates usernames and client addresses so it keeps earning delays (0, 1, 2, 4 s per username) instead of
locking itself out. Run: ``python -m benchmarks.signin_stall [--days 365] [--runs 5]``; the numbers are in
BENCHMARKS.md.notes.md.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kancil import demo
from kancil.ingest.ingester import ingest_file
from kancil.store import accounts, connection

ATTEMPTS_PER_NAME = 4  # failures 1-4 of a username wait 0, 1, 2, 4 s; the fifth would lock it
ROUND_TRIP = 0.2  # seconds between the answer to one attempt and the next (a scripted attacker's round trip)


def fail_forever(db: Path, inside: bool, started: Path) -> None:
    """The sign-in loop (run in its own process, as the dashboard server is): wrong passwords, forever."""
    i = 0
    while True:
        name, client = f"tebak{i // ATTEMPTS_PER_NAME}", f"10.9.{i // 250}.{i % 250}"
        try:
            with connection.writer(db, bump=False) as con:
                result = accounts.authenticate(con, name, "salah-sekali", client=client)
                if inside:
                    accounts.pause(result)  # the old placement: the store stays locked while it waits
        except connection.StoreBusy:
            continue
        if not inside:
            accounts.pause(result)
        time.sleep(ROUND_TRIP)
        i += 1
        if i == 2:
            started.touch()


def prepare(work: Path, days: int) -> tuple[Path, Path]:
    """A store with one account and no tickets, and the demo's antrian.csv to load into it."""
    export = work / "export"
    demo.build(work / "demo.duckdb", offices=1, days=days, seed=7, export_dir=export)
    base = work / "base.duckdb"
    with connection.writer(base, bump=False) as con:
        accounts.add_user(con, "budi", "kata-sandi-benar", "auditor")
    return base, export / "antrian.csv"


def one_ingest(base: Path, csv: Path, work: Path, loop: str | None) -> float:
    db = work / "run.duckdb"
    for leftover in (db, connection.version_path(db)):
        leftover.unlink(missing_ok=True)
    shutil.copy(base, db)
    child = None
    if loop:
        started = work / "started"
        started.unlink(missing_ok=True)
        child = subprocess.Popen([sys.executable, "-m", "benchmarks.signin_stall", "--loop", loop, "--db", str(db),
                                  "--started", str(started)])
        while not started.exists():
            time.sleep(0.05)
        time.sleep(0.5)  # into the loop's rhythm of delays
    try:
        t0 = time.perf_counter()
        try:
            with connection.writer(db) as con:
                result = ingest_file(con, "antrian", csv, who="bench")
        except connection.StoreBusy:
            return float("inf")  # gave up after connection.LOCK_WAIT_SECONDS
        elapsed = time.perf_counter() - t0
        assert result.rejected == 0 and result.stored > 0
        return elapsed
    finally:
        if child is not None:
            child.kill()
            child.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--loop", choices=("inside", "outside"))
    parser.add_argument("--db")
    parser.add_argument("--started")
    args = parser.parse_args(argv)
    if args.loop:
        fail_forever(Path(args.db), args.loop == "inside", Path(args.started))
        return 0
    with tempfile.TemporaryDirectory(prefix="kancil_signin_") as tmp:
        work = Path(tmp)
        base, csv = prepare(work, args.days)
        rows = sum(1 for _ in csv.open(encoding="utf-8")) - 1
        print(f"antrian.csv: {rows} rows; {args.runs} runs each")
        for mode in (None, "outside", "inside"):
            times = [one_ingest(base, csv, work, mode) for _ in range(args.runs)]
            print(f"{mode or 'alone':8s} min {min(times):.2f} s  median {statistics.median(times):.2f} s  "
                  f"max {max(times):.2f} s  ({', '.join(f'{t:.2f}' for t in times)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
