"""A store that cannot be used is explained, never a traceback (issue 11, cases 9 and 14b): a store cut short, a
read-only one, a missing path, a file that is no store, a newer schema, one locked by another process; on the
commands (real processes: exit status and the exact Indonesian text on stderr) and on the dashboard (AppTest)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kancil.config import ROOT
from kancil.i18n import t
from kancil.store import connection, health, schema
from tests.helpers import app_test
from tests.test_ingest import kuota_row, write_csv


def kancil(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kancil", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def summary(db: Path, *extra: str) -> subprocess.CompletedProcess:
    return kancil("summary", "--db", str(db), "--from", "2026-05-11", "--to", "2026-05-16", "--office", "TST",
                  "--json", *extra)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def copy_of(store: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copyfile(store, folder / "kancil.duckdb"))


def truncated(store: Path, folder: Path, share: float) -> Path:
    path = copy_of(store, folder)
    with path.open("r+b") as f:
        f.truncate(int(path.stat().st_size * share))
    return path


def no_traceback(proc: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in proc.stderr and "Error:" not in proc.stderr.split("(")[0], proc.stderr


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[str]:
    """Make ``folder`` and its files read-only for this process; yields how.

    As a normal user the mode bits do it. As root (CI, containers) mode bits are ignored, so the immutable flag
    (``chattr +i``, ext2/3/4, XFS, Btrfs) is set instead, which binds root too and needs no mount privilege;
    where the file system has no such flag (tmpfs, overlayfs) the test skips and says why."""
    files = [p for p in folder.iterdir()]
    if os.geteuid() != 0:
        for p in files:
            p.chmod(0o444)
        folder.chmod(0o555)
        try:
            yield "chmod"
        finally:
            folder.chmod(0o755)
            for p in files:
                p.chmod(0o644)
        return
    targets = [*map(str, files), str(folder)]
    done = subprocess.run(["chattr", "+i", *targets], capture_output=True, text=True) if shutil.which("chattr") \
        else None
    if done is None or done.returncode != 0:
        subprocess.run(["chattr", "-i", *targets], capture_output=True)
        pytest.skip("running as root, where chmod does not bind, and chattr +i is not available here: "
                    f"{done.stderr.strip() if done else 'no chattr'}")
    try:
        yield "chattr +i"
    finally:
        subprocess.run(["chattr", "-i", *targets], check=True)


# --- diagnose -------------------------------------------------------------------------------------------------

def test_a_good_store_has_no_problem(metrics_db: Path) -> None:
    assert connection.diagnose(metrics_db) is None


@pytest.mark.parametrize("share", [0.5, 0.99])
def test_a_store_cut_short_is_named_truncated(metrics_db: Path, tmp_path: Path, share: float) -> None:
    path = truncated(metrics_db, tmp_path, share)
    problem = connection.diagnose(path)
    assert problem is not None and problem.kind == "truncated" and problem.exit_code == 70
    assert problem.message().startswith(f"Penyimpanan {path} terpotong (berkasnya lebih pendek dari isinya")


def test_what_is_not_a_store(tmp_path: Path) -> None:
    csv = tmp_path / "kancil.duckdb"
    csv.write_text("office_code,lane\nCLP,prioritas\n")
    empty = tmp_path / "empty.duckdb"
    empty.write_bytes(b"")
    for path in (csv, empty, tmp_path):
        problem = connection.diagnose(path)
        assert (problem.kind, problem.exit_code) == ("not_store", 70), path
    missing = connection.diagnose(tmp_path / "salah-ketik.duckdb")
    assert (missing.kind, missing.exit_code) == ("missing", 2)
    assert missing.message() == (
        f"Penyimpanan data tidak ditemukan: {tmp_path / 'salah-ketik.duckdb'}. Periksa nama berkas (--db); untuk "
        f"membuat penyimpanan baru jalankan `python -m kancil init --db {tmp_path / 'salah-ketik.duckdb'}` atau "
        "tambahkan --create.")


def test_a_newer_schema_is_refused_and_left_unchanged(metrics_db: Path, tmp_path: Path) -> None:
    path = copy_of(metrics_db, tmp_path)
    with connection.writer(path, bump=False) as con:
        con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    before = sha(path)
    problem = connection.diagnose(path)
    assert (problem.kind, problem.detail, problem.exit_code) == ("newer_schema", f"99 > {schema.SCHEMA_VERSION}", 70)
    proc = kancil("ingest", "--db", str(path), "--kind", "kuota", str(write_csv(tmp_path / "k.csv", [kuota_row()],
                                                                               "kuota")))
    assert proc.returncode == 70 and proc.stdout == ""
    assert proc.stderr.strip() == t("store.problem.newer_schema", path=path) + f" (99 > {schema.SCHEMA_VERSION})"
    assert sha(path) == before


def test_a_store_held_by_another_process_is_named_locked(metrics_db: Path, tmp_path: Path) -> None:
    path = copy_of(metrics_db, tmp_path)
    ready = tmp_path / "ready"
    code = (f"import duckdb, pathlib, time; c = duckdb.connect({str(path)!r}); "
            f"pathlib.Path({str(ready)!r}).touch(); time.sleep(60)")
    holder = subprocess.Popen([sys.executable, "-c", code])
    try:
        while not ready.exists():
            assert holder.poll() is None
            time.sleep(0.01)
        problem = connection.diagnose(path, wait=0.2)
        assert (problem.kind, problem.exit_code) == ("locked", 75)
        assert problem.message() == t("store.problem.locked", path=path)
    finally:
        holder.kill()
        holder.wait()


# --- the commands ---------------------------------------------------------------------------------------------

def test_commands_on_a_truncated_store_exit_70_with_the_reason(metrics_db: Path, tmp_path: Path) -> None:
    path = truncated(metrics_db, tmp_path, 0.5)
    problem = connection.diagnose(path)
    assert problem.message().startswith(t("store.problem.truncated", path=path) + " (")
    kuota = write_csv(tmp_path / "kuota.csv", [kuota_row()], "kuota")
    for proc in (summary(path),
                 kancil("ingest", "--db", str(path), "--kind", "kuota", str(kuota)),
                 kancil("export", "--db", str(path), "--dataset", "antrian", "--format", "csv", "--out",
                        str(tmp_path / "x.zip")),
                 kancil("briefing", "--db", str(path), "--out", str(tmp_path / "b.html"))):
        assert proc.returncode == 70, proc.args
        assert (proc.stdout, proc.stderr.strip()) == ("", problem.message())
        no_traceback(proc)
    assert not (tmp_path / "x.zip").exists() and not (tmp_path / "b.html").exists()


def test_a_mistyped_db_is_refused_not_created(tmp_path: Path) -> None:
    wrong = tmp_path / "kancl.duckdb"
    kuota = write_csv(tmp_path / "kuota.csv", [kuota_row()], "kuota")
    expected = t("store.problem.missing", path=wrong)
    for proc in (kancil("ingest", "--db", str(wrong), "--kind", "kuota", str(kuota)), summary(wrong),
                 kancil("export", "--db", str(wrong), "--dataset", "antrian", "--format", "csv", "--out",
                        str(tmp_path / "x.zip")),
                 kancil("briefing", "--db", str(wrong), "--out", str(tmp_path / "b.html"))):
        assert (proc.returncode, proc.stdout, proc.stderr.strip()) == (2, "", expected), proc.args
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kuota.csv"]  # nothing created


def test_create_and_init_make_a_new_store(tmp_path: Path) -> None:
    kuota = write_csv(tmp_path / "kuota.csv", [kuota_row("2026-01-01"), kuota_row("2026-03-01")], "kuota")
    created = kancil("ingest", "--db", str(tmp_path / "a.duckdb"), "--kind", "kuota", "--create", "--json",
                     str(kuota))
    assert created.returncode == 0, created.stderr
    assert json.loads(created.stdout)["stored"] == 2
    init = kancil("init", "--db", str(tmp_path / "b.duckdb"))
    assert (init.returncode, init.stdout.strip()) == (
        0, f"Penyimpanan baru dibuat: {tmp_path / 'b.duckdb'} (skema versi {schema.SCHEMA_VERSION}).")
    again = kancil("init", "--db", str(tmp_path / "b.duckdb"))
    assert again.stdout.strip() == (f"Penyimpanan sudah ada dan dapat dipakai: {tmp_path / 'b.duckdb'} "
                                    f"(skema versi {schema.SCHEMA_VERSION}).")
    empty = summary(tmp_path / "b.duckdb")
    assert empty.returncode == 0 and json.loads(empty.stdout)["tickets"] == {"prioritas": 0, "reguler": 0,
                                                                             "percepatan": 0}


def test_a_read_only_store_is_read_but_not_written(metrics_db: Path, tmp_path: Path) -> None:
    path = copy_of(metrics_db, tmp_path / "ro")
    before = sha(path)
    good = summary(metrics_db)
    kuota = write_csv(tmp_path / "kuota.csv", [kuota_row()], "kuota")
    with read_only(tmp_path / "ro"):
        problem = connection.diagnose(path)
        assert (problem.kind, problem.exit_code) == ("read_only", 70)
        assert connection.diagnose(path, write=False) is None  # reading is fine
        read = summary(path)
        assert read.returncode == 0 and json.loads(read.stdout) == json.loads(good.stdout)
        for proc in (kancil("ingest", "--db", str(path), "--kind", "kuota", str(kuota)),
                     kancil("export", "--db", str(path), "--dataset", "antrian", "--format", "csv", "--out",
                            str(tmp_path / "x.zip"))):
            assert (proc.returncode, proc.stdout, proc.stderr.strip()) == (
                70, "", t("store.problem.read_only", path=path)), proc.args
        page = app_test(path, role=None)
        assert not page.exception
        assert [e.value for e in page.error] == [t("store.problem.read_only", path=path)]
    assert sha(path) == before


# --- the dashboard --------------------------------------------------------------------------------------------

def test_the_dashboard_explains_a_broken_store_in_indonesian(metrics_db: Path, tmp_path: Path) -> None:
    cut = truncated(metrics_db, tmp_path / "cut", 0.99)
    page = app_test(cut, role="kepala_kantor")
    assert not page.exception
    problem = connection.diagnose(cut)
    assert problem.kind == "truncated"
    assert [e.value for e in page.error] == [problem.message()]
    assert page.error[0].value.startswith(f"Penyimpanan {cut} terpotong (berkasnya lebih pendek dari isinya")
    not_store = tmp_path / "csv" / "kancil.duckdb"
    not_store.parent.mkdir()
    not_store.write_text("ticket_id\nA1\n")
    page = app_test(not_store, role=None)
    assert [e.value for e in page.error] == [
        f"Berkas {not_store} bukan penyimpanan Kancil Nari (bukan berkas DuckDB yang dapat dibaca). Pulihkan dari "
        "cadangan atau periksa --db / KANCIL_DB."]
    missing = tmp_path / "tidak-ada.duckdb"
    page = app_test(missing, role=None)
    assert [e.value for e in page.error] == [t("store.missing", path=missing)]
    assert not page.exception and not missing.exists()


def test_exit_statuses_are_the_documented_ones() -> None:
    assert (health.EXIT_INPUT, health.EXIT_STORE, health.EXIT_BUSY) == (2, 70, 75)
    readme = (ROOT / "README.md").read_text()
    assert "| 70 | an unusable store:" in readme and "| 75 | locked by another process" in readme
    assert "`python -m kancil init --db\nPATH`, or `--create` on `ingest`, `summary` and `export`" in readme
