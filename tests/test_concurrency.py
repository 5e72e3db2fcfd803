"""Loading while the dashboard is open: readers never see a lock error, writers wait their turn.

DuckDB allows one writing process or many reading ones. The dashboard opens a short read-only connection per
query batch (``connection.reader``) and the ingester one short transaction per file (``connection.writer``); both
retry a
lock conflict. These tests run a reader and the real ``python -m kancil ingest`` side by side.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from kancil.ingest.ingester import ingest_file
from kancil.store import connection, schema
from tests.test_ingest import antrian_row, write_csv

ROOT = Path(__file__).resolve().parent.parent

READER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from kancil.store import connection

    db, ready, stop = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    reads, errors, counts, start = 0, [], [], time.monotonic()

    def read():
        with connection.reader(db) as con:
            return con.execute("SELECT count(*) FROM antrian").fetchall()[0][0]

    while True:
        finishing = stop.exists() and time.monotonic() - start > 2.0
        try:
            counts.append(read())
            reads += 1
        except Exception as exc:  # the assertion: this never happens
            errors.append(repr(exc))
        if reads == 1:
            ready.touch()
        if finishing:
            break
        time.sleep(0.005)
    print(json.dumps({"reads": reads, "errors": errors, "last": counts[-1] if counts else None,
                      "distinct": sorted(set(counts))}))
    """
)


def antrian_file(path: Path, prefix: str, n: int) -> Path:
    return write_csv(path, [antrian_row(f"{prefix}{i}") for i in range(n)], "antrian")


def test_reader_in_another_process_never_fails_and_sees_new_data(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    with connection.writer(db) as con:
        assert ingest_file(con, "antrian", antrian_file(tmp_path / "awal.csv", "A", 500)).stored == 500
    files = [antrian_file(tmp_path / f"kiriman{k}.csv", f"K{k}-", 5_000) for k in range(4)]
    ready, stop = tmp_path / "ready", tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(db), str(ready), str(stop)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert reader.poll() is None, reader.communicate()
            assert time.monotonic() < deadline, "the reader did not start"
            time.sleep(0.01)
        ingest = subprocess.run(
            [sys.executable, "-m", "kancil", "ingest", "--db", str(db), "--kind", "antrian", "--json",
             *map(str, files)],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
        )
        stop.touch()
        out, err = reader.communicate(timeout=120)
    finally:
        if reader.poll() is None:
            reader.kill()
    assert ingest.returncode == 0, ingest.stderr
    assert [json.loads(line)["stored"] for line in ingest.stdout.splitlines()] == [5_000] * 4
    seen = json.loads(out)
    assert seen["errors"] == [], err
    total = 500 + 4 * 5_000
    assert seen["last"] == total  # the reader saw the new data
    assert seen["reads"] >= 5
    assert set(seen["distinct"]) <= {500 + k * 5_000 for k in range(5)}  # only whole files, never half of one


def test_reader_thread_and_writer_in_one_process(tmp_path: Path) -> None:
    """The dashboard serves sessions in threads: a read-only open while this process writes must wait, not fail."""
    db = tmp_path / "store.duckdb"
    with connection.writer(db) as con:
        ingest_file(con, "antrian", antrian_file(tmp_path / "awal.csv", "A", 10))
    files = [antrian_file(tmp_path / f"k{k}.csv", f"K{k}-", 2_000) for k in range(3)]
    errors: list[str] = []
    counts: list[int] = []
    done = threading.Event()

    def read_loop() -> None:
        while True:
            finishing = done.is_set()
            try:
                with connection.reader(db) as con:
                    counts.append(con.execute("SELECT count(*) FROM antrian").fetchall()[0][0])
            except Exception as exc:
                errors.append(repr(exc))
            if finishing:
                return
            time.sleep(0.002)

    thread = threading.Thread(target=read_loop)
    thread.start()
    try:
        for path in files:
            with connection.writer(db) as con:
                assert ingest_file(con, "antrian", path).stored == 2_000
    finally:
        done.set()
        thread.join(timeout=60)
    assert errors == []
    assert counts[-1] == 10 + 3 * 2_000


def test_a_reader_waits_for_a_writer_and_gives_up_only_after_its_wait(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    with connection.writer(db):
        pass
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(
            """
            import sys, time
            from kancil.store import connection
            with connection.writer(sys.argv[1]) as con:
                print("locked", flush=True)
                time.sleep(1.5)
            """), str(db)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(connection.StoreBusy), connection.reader(db, wait=0.2):
            pass
        started = time.monotonic()
        with connection.reader(db, wait=30) as con:  # waits for the writer to finish, then reads
            assert schema.schema_version(con) == schema.SCHEMA_VERSION
        assert time.monotonic() - started < 30
    finally:
        holder.wait(timeout=30)
    assert holder.returncode == 0
