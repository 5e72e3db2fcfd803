"""Bounded reading of workbooks (issue 11, cases 1 and 2): a 2 KB workbook with a cell at XFD1048576 and a zip
bomb holding one huge cell are refused with a clear message naming the file, on the command line, on the Data
page's load and in the kind guess, and nothing of them is stored. Before the limits, the first aborted the
process (a Rust allocation of 549 GB) and the second took gigabytes of memory."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kancil.admin import changes, uploads
from kancil.contract import CONTRACT
from kancil.ingest import xlsx_bounds, xlsx_child
from kancil.ingest.guess import guess_file, read_header
from kancil.ingest.limits import RANGES, SETTINGS, Limits
from kancil.store import connection, settings
from tests.hostile import bomb_xlsx, far_cell_xlsx, xlsx
from tests.test_ingest import antrian_row, build_template

ROOT = Path(__file__).resolve().parent.parent
FAR = ("far.xlsx: lembar pertama terbentang sampai sel XFD1048576 (1.048.576 baris × 16.384 kolom); batasnya "
       "1.048.576 baris, 256 kolom dan 20.000.000 sel. Hapus isi atau format di luar tabel data (Ctrl+End "
       "menunjukkan sel terakhir) lalu simpan ulang. Berkas ditolak seluruhnya, tidak ada baris yang disimpan.")
BOMB = ("bomb.xlsx: bagian xl/worksheets/sheet1.xml terurai menjadi 100 MB dari 0,1 MB (rasio 1.0{ratio}, batas "
        "200); berkas seperti ini (bom zip) tidak dibaca. Berkas ditolak seluruhnya, tidak ada baris yang disimpan.")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_template(tmp_path_factory.mktemp("bounds-template") / "store.duckdb")


@pytest.fixture
def db(tmp_path: Path, template: Path) -> Path:
    path = tmp_path / "s.duckdb"
    shutil.copyfile(template, path)
    return path


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    return {"far": far_cell_xlsx(folder / "far.xlsx"), "bomb": bomb_xlsx(folder / "bomb.xlsx", megabytes=100)}


def batches(db: Path) -> list[tuple]:
    with connection.reader(db) as con:
        return con.execute("SELECT file_name, status, rows, stored, rejected FROM ingest_batches").fetchall()


def stored_rows(db: Path) -> int:
    with connection.reader(db) as con:
        return sum(con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in CONTRACT)


def ingest_cli(db: Path, path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kancil", "ingest", "--db", str(db), "--kind", "antrian", str(path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_a_cell_at_xfd1048576_is_refused_by_the_command_naming_the_file(db: Path, hostile: dict) -> None:
    assert hostile["far"].stat().st_size < 5_000  # small on disk
    proc = ingest_cli(db, hostile["far"])
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip() == f"DITOLAK {FAR}"
    assert proc.stdout.strip() == "far.xlsx: 0 baris = 0 disimpan + 0 ditolak (0 menggantikan data lama, 0 sudah " \
                                  "ada dan sama)"
    assert batches(db) == [("far.xlsx", "ditolak", 0, 0, 0)] and stored_rows(db) == 0


def test_a_zip_bomb_is_refused_by_the_command_before_it_is_unpacked(db: Path, hostile: dict) -> None:
    assert hostile["bomb"].stat().st_size < 200_000  # 100 MB of cell in under 200 KB
    proc = ingest_cli(db, hostile["bomb"])
    assert proc.returncode == 2, proc.stderr
    assert re.fullmatch(re.escape(BOMB).replace(r"\{ratio\}", r"\d\d"), proc.stderr.strip().removeprefix("DITOLAK "))
    assert batches(db) == [("bomb.xlsx", "ditolak", 0, 0, 0)] and stored_rows(db) == 0


def test_the_data_page_load_refuses_both_and_stores_nothing(db: Path, hostile: dict) -> None:
    far = uploads.ingest_upload("far.xlsx", hostile["far"].read_bytes(), "antrian", "budi", db)
    bomb = uploads.ingest_upload("bomb.xlsx", hostile["bomb"].read_bytes(), "antrian", "budi", db)
    assert far.refused == FAR and far.exit_code == 2
    assert bomb.refused.startswith("bomb.xlsx: bagian xl/worksheets/sheet1.xml terurai menjadi 100 MB")
    assert [b[:2] for b in batches(db)] == [("far.xlsx", "ditolak"), ("bomb.xlsx", "ditolak")]
    assert stored_rows(db) == 0


def test_the_kind_guess_reads_only_the_header(hostile: dict) -> None:
    """In this process: reading the whole sheet of the first would abort pytest itself."""
    data = hostile["far"].read_bytes()
    assert read_header("far.xlsx", data) == list(CONTRACT["antrian"].column_names)
    assert guess_file("far.xlsx", data) == "antrian"
    assert guess_file("bomb.xlsx", hostile["bomb"].read_bytes()) is None  # refused by its ratio, never unpacked


def test_the_child_process_memory_limit_is_the_last_guard(hostile: dict) -> None:
    """Declared sizes can lie: past the checks, the child's address-space limit turns the worst file into a
    refusal. Called with the checks skipped (the reader alone), both files exhaust 256 MB, never this process."""
    for path in hostile.values():
        with pytest.raises(xlsx_child.ChildRefused) as refused:
            xlsx_child.read_workbook(path, path.name, "antrian", Limits(memory_mb=256))
        assert str(refused.value) == (
            f"{path.name}: membaca buku kerja ini memerlukan lebih dari 256 MB memori (batas memori baca); simpan "
            "sebagai CSV atau pecah per bulan. Berkas ditolak seluruhnya, tidak ada baris yang disimpan.")


def test_the_limits_are_office_settings(db: Path, tmp_path: Path) -> None:
    rows = [list(CONTRACT["antrian"].column_names)]
    rows += [list(antrian_row(f"T{i}").values()) for i in range(150)]
    path = xlsx(tmp_path / "antrian.xlsx", rows, dimension="A1:M151")
    with connection.writer(db) as con:
        assert changes.change_setting(con, "admin", "batas_baris", 100)
    result = uploads.ingest_upload("antrian.xlsx", path.read_bytes(), "antrian", "budi", db)
    assert result.refused.startswith("antrian.xlsx: lembar pertama terbentang sampai sel M151 (151 baris × 13 "
                                     "kolom); batasnya 100 baris, 256 kolom")
    with connection.writer(db) as con:
        assert changes.change_setting(con, "admin", "batas_baris", 1000)
    result = uploads.ingest_upload("antrian.xlsx", path.read_bytes(), "antrian", "budi", db)
    assert (result.exit_code, result.rows, result.stored) == (0, 150, 150)
    with pytest.raises(changes.AdminError):
        changes.setting_value("batas_baris", 5)  # below its range


def test_every_limit_has_a_default_a_range_and_a_line_in_the_data_contract() -> None:
    contract = (ROOT / "docs" / "data-contract.md").read_text(encoding="utf-8")
    for key, (_field, default) in SETTINGS.items():
        assert settings.DEFAULTS[key] == str(default)
        low, high = RANGES[key]
        assert low <= default <= high
        assert f"`{key}`" in contract, key
    assert Limits.from_settings(settings.DEFAULTS) == Limits()


def test_a_lying_dimension_does_not_hide_the_last_cell(tmp_path: Path) -> None:
    """``<dimension>`` says A1:M2, a cell sits at XFD9: the cell references are what counts."""
    rows = [list(CONTRACT["antrian"].column_names), list(antrian_row("T1").values())]
    path = xlsx(tmp_path / "liar.xlsx", rows, dimension="A1:M2")
    text = path.read_bytes()
    assert xlsx_bounds.check_workbook(path, "liar.xlsx", Limits()) is None
    import zipfile

    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    sheet = sheet.replace("</sheetData>", '<row r="9"><c r="XFD9" t="inlineStr"><is><t>x</t></is></c></row>'
                                          "</sheetData>")
    liar = tmp_path / "liar2.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(liar, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info.filename, sheet if info.filename.endswith("sheet1.xml") else src.read(info))
    assert text  # the original stays valid
    with pytest.raises(xlsx_bounds.WorkbookRefused, match=r"sampai sel XFD9 \(9 baris × 16\.384 kolom\)"):
        xlsx_bounds.check_workbook(liar, "liar2.xlsx", Limits())
