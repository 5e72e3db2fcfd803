"""``python -m kancil ingest`` as an operator runs it: real processes, exit statuses and the ``--json`` lines."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kancil.contract import CONTRACT
from kancil.store import connection
from tests.test_ingest import antrian_row, build_template, kuota_row, write_csv

ROOT = Path(__file__).resolve().parent.parent
JSON_KEYS = {"file", "kind", "rows", "stored", "replaced", "rejected", "rejects"}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_template(tmp_path_factory.mktemp("cli-template") / "store.duckdb")


@pytest.fixture
def db(tmp_path: Path, template: Path) -> Path:
    """A copy of a migrated store with the test offices' calendar: each run skips that set-up work."""
    path = tmp_path / "s.duckdb"
    shutil.copyfile(template, path)
    return path


def run(db: Path, kind: str, *files: Path, as_json: bool = True) -> subprocess.CompletedProcess:
    args = [sys.executable, "-m", "kancil", "ingest", "--db", str(db), "--kind", kind]
    if as_json:
        args.append("--json")
    return subprocess.run([*args, *map(str, files)], cwd=ROOT, capture_output=True, text=True, timeout=120)


def lines(proc: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def stored(db: Path, table: str) -> int:
    with connection.reader(db) as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]


def test_exit_0_every_row_stored(tmp_path: Path, db: Path) -> None:
    path = write_csv(tmp_path / "kuota.csv", [kuota_row("2026-01-01"), kuota_row("2026-03-01")], "kuota")
    proc = run(db, "kuota", path)
    assert proc.returncode == 0, proc.stderr
    [out] = lines(proc)
    assert JSON_KEYS <= set(out)
    assert {k: out[k] for k in JSON_KEYS} == {"file": "kuota.csv", "kind": "kuota", "rows": 2, "stored": 2,
                                              "replaced": 0, "rejected": 0, "rejects": []}
    assert out["unchanged"] == 0 and "error" not in out
    assert stored(db, "kuota") == 2


def test_exit_1_some_rows_rejected_with_their_rows(tmp_path: Path, db: Path) -> None:
    rows = [antrian_row("T1"), antrian_row("T2", lane="vip"), antrian_row("T3"),
            antrian_row("T4", service_end="2026-05-11 08:00"), antrian_row("T1")]
    proc = run(db, "antrian", write_csv(tmp_path / "antrian.csv", rows, "antrian"))
    assert proc.returncode == 1, proc.stderr
    [out] = lines(proc)
    assert (out["rows"], out["stored"], out["replaced"], out["rejected"]) == (5, 2, 0, 3)
    assert out["rows"] == out["stored"] + out["rejected"]
    assert [(r["row"], r["column"], r["value"]) for r in out["rejects"]] == [
        (3, "lane", "vip"), (5, "service_end", "2026-05-11 08:00"), (6, "ticket_id", "JKT / T1")]
    assert out["rejects"][0]["reason"].startswith("lane: kode tidak dikenal")
    assert "service_end lebih awal dari service_start" in out["rejects"][1]["reason"]
    assert "duplikat" in out["rejects"][2]["reason"]
    assert stored(db, "antrian") == 2


def test_several_files_one_line_each_worst_status(tmp_path: Path, db: Path) -> None:
    good = write_csv(tmp_path / "baik.csv", [kuota_row("2026-01-01")], "kuota")
    partly = write_csv(tmp_path / "sebagian.csv", [kuota_row("2026-02-01"), kuota_row("2026-03-01", lane="vip")],
                       "kuota")
    empty = tmp_path / "kosong.csv"
    empty.write_text("")
    header_only = tmp_path / "judul.csv"
    header_only.write_text(",".join(CONTRACT["kuota"].column_names) + "\n")
    latin1 = write_csv(tmp_path / "latin1.csv", [kuota_row("2026-04-01", office_code="Bogor Café")], "kuota",
                       encoding="latin-1")
    other = tmp_path / "kuota.json"
    other.write_text("{}")
    names = [n for n in CONTRACT["kuota"].column_names if n != "lane"]
    no_lane = write_csv(tmp_path / "tanpa_jalur.csv", [{n: kuota_row("2026-05-01")[n] for n in names}], header=names)
    proc = run(db, "kuota", good, partly, empty, header_only, latin1, other, tmp_path / "tidak_ada.csv", no_lane)
    assert proc.returncode == 2
    out = lines(proc)
    assert [o["file"] for o in out] == ["baik.csv", "sebagian.csv", "kosong.csv", "judul.csv", "latin1.csv",
                                        "kuota.json", "tidak_ada.csv", "tanpa_jalur.csv"]
    assert [(o["rows"], o["stored"], o["rejected"]) for o in out] == (
        [(1, 1, 0), (2, 1, 1)] + [(0, 0, 0)] * 5 + [(1, 0, 1)])
    assert all(o["rows"] == o["stored"] + o["rejected"] for o in out)
    assert ["error" in o for o in out] == [False, False, True, True, True, True, True, True]
    assert "kosong" in out[2]["error"] and "hanya baris judul" in out[3]["error"]
    assert "UTF-8" in out[4]["error"] and "tidak didukung" in out[5]["error"]
    assert "lane" in out[7]["error"]
    assert out[7]["rejects"] == [{"row": 1, "column": "lane", "value": None,
                                  "reason": "lane: kolom wajib tidak ada di baris judul"}]
    assert stored(db, "kuota") == 2
    with connection.reader(db) as con:
        statuses = con.execute("SELECT file_name, status FROM ingest_batches ORDER BY batch_id").fetchall()
    assert statuses == [("baik.csv", "dimuat"), ("sebagian.csv", "dimuat"), ("kosong.csv", "ditolak"),
                        ("judul.csv", "ditolak"), ("latin1.csv", "ditolak"), ("kuota.json", "ditolak"),
                        ("tidak_ada.csv", "ditolak"), ("tanpa_jalur.csv", "ditolak")]


def test_human_output_equation_extra_column_once_and_refusal_naming_the_column(tmp_path: Path, db: Path) -> None:
    names = [*CONTRACT["kuota"].column_names, "Keterangan"]
    rows = [{**kuota_row(f"2026-0{m}-01"), "Keterangan": f"catatan {m}"} for m in range(1, 4)]
    rows[1]["daily_quota"] = "banyak"
    partly = write_csv(tmp_path / "kuota.csv", rows, header=names)
    without = [n for n in CONTRACT["kuota"].column_names if n != "daily_quota"]
    missing = write_csv(tmp_path / "tanpa_kuota.csv", [{n: kuota_row("2026-05-01")[n] for n in without}] * 2,
                        header=without)
    proc = run(db, "kuota", partly, missing, as_json=False)
    assert proc.returncode == 2  # the worst of the two files: one refused
    assert proc.stdout.count("Keterangan") == 1
    assert "kuota.csv: 3 baris = 2 disimpan + 1 ditolak" in proc.stdout
    assert "baris 3, kolom daily_quota, nilai 'banyak'" in proc.stderr
    assert "DITOLAK tanpa_kuota.csv: kolom wajib tidak ada di baris judul (baris 1): daily_quota" in proc.stderr
    assert "tanpa_kuota.csv: 2 baris = 0 disimpan + 2 ditolak" in proc.stdout
    assert stored(db, "kuota") == 2
