"""Fuzzing the real ingester with mutated contract files (issue 11): bytes flipped, cells swapped, quotes and
delimiters inserted, XLSX sheets resized. Whatever the file, every load ends with exit status 0, 1, 2 or 4
("disimpan, tetapi …"), a message in Bahasa Indonesia, and ``rows = stored + rejected`` as counted in the store.

Bounded in ``make test`` (``KANCIL_FUZZ_EXAMPLES``, default 20 per test); ``make fuzz`` runs it longer.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kancil.contract import CONTRACT
from kancil.ingest.ingester import ingest_into
from kancil.store import connection
from tests.hostile import column_letters, xlsx
from tests.test_ingest import VALID, build_template

EXAMPLES = int(os.environ.get("KANCIL_FUZZ_EXAMPLES", "20"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 20,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])
KINDS = ("survei", "fasilitas", "antrian")
INSERTS = ('"', ",", ";", "\n", "\r\n", "\r", "\x00", "'", '""', "\ufeff", "1.000,5", " ", "\t")
# Every message and reason of the ingester speaks Bahasa Indonesia; each holds at least one of these words.
INDONESIAN = ("berkas", "ditolak", "tidak", "wajib", "harus", "bukan", "baris", "kolom", "duplikat", "lebih",
              "hanya", "sel", "tahun", "kode", "disimpan", "kosong", "tanda kutip", "batas")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_template(tmp_path_factory.mktemp("fuzz-template") / "store.duckdb")


def base_rows(kind: str, n: int) -> list[list[str]]:
    columns = CONTRACT[kind].column_names
    make = VALID[kind]
    rows = [list(columns)]
    for i in range(n):
        row = make(f"X{i}")
        rows.append(["" if row[c] is None else str(row[c]) for c in columns])
    return rows


def to_csv(rows: list[list[str]], delim: str) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delim, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


@st.composite
def cell_swaps(draw, rows: list[list[str]]) -> list[list[str]]:
    rows = [list(r) for r in rows]
    for _ in range(draw(st.integers(0, 3))):
        r = draw(st.integers(0, len(rows) - 1))
        a, b = draw(st.integers(0, len(rows[r]) - 1)), draw(st.integers(0, len(rows[r]) - 1))
        rows[r][a], rows[r][b] = rows[r][b], rows[r][a]
    return rows


@st.composite
def byte_mutations(draw, data: bytes) -> bytes:
    data = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        what = draw(st.sampled_from(("flip", "insert", "delete")))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if what == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif what == "insert":
            data[at:at] = draw(st.sampled_from(INSERTS)).encode("utf-8")
        elif data:
            del data[at:at + draw(st.integers(1, 8))]
    return bytes(data)


@st.composite
def csv_files(draw) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(KINDS))
    rows = draw(cell_swaps(base_rows(kind, draw(st.integers(1, 6)))))
    return kind, draw(byte_mutations(to_csv(rows, draw(st.sampled_from((",", ";"))))))


@st.composite
def xlsx_plans(draw) -> tuple[str, list[list[str]], str | None, tuple[int, int] | None, bool]:
    """A kind, its rows (cells swapped, rows dropped), a declared dimension, a far cell, and whether to corrupt."""
    kind = draw(st.sampled_from(KINDS))
    rows = draw(cell_swaps(base_rows(kind, draw(st.integers(0, 5)))))
    if len(rows) > 1 and draw(st.booleans()):
        del rows[draw(st.integers(1, len(rows) - 1))]
    dimension = draw(st.none() | st.builds(lambda c, r: f"A1:{column_letters(c)}{r}", st.integers(1, 16_384),
                                           st.integers(1, 1_048_576)))
    far = draw(st.none() | st.tuples(st.integers(1, 2_000_000), st.integers(1, 20_000)))
    return kind, rows, dimension, far, draw(st.booleans())


def fresh_store(template: Path, folder: Path) -> Path:
    db = folder / "s.duckdb"
    for leftover in folder.glob("s.duckdb*"):
        leftover.unlink()
    shutil.copyfile(template, db)
    return db


def check(db: Path, kind: str, path: Path) -> None:
    """The load's outcome agrees with the store, and every word of it is Indonesian."""
    result = ingest_into(db, kind, path, who="fuzz")
    assert result.exit_code in (0, 1, 2, 4), result
    for message in (result.refused, result.stored_but, *(r.reason for r in result.rejects)):
        if message is not None:
            assert any(word in message.lower() for word in INDONESIAN), message
    if result.refused:
        assert result.refused.startswith(f"{path.name}: "), result.refused
    assert result.rows == result.stored + result.rejected
    with connection.reader(db) as con:
        batch = con.execute("SELECT rows, stored, rejected, status FROM ingest_batches WHERE batch_id = $b",
                            {"b": result.batch_id}).fetchall()
        in_table = con.execute(f"SELECT count(*) FROM {kind}").fetchall()[0][0]
        reject_rows = con.execute("SELECT count(DISTINCT row_number) FROM ingest_rejects WHERE batch_id = $b",
                                  {"b": result.batch_id}).fetchall()[0][0]
    assert batch == [(result.rows, result.stored, result.rejected, "ditolak" if result.refused else "dimuat")]
    assert in_table == result.stored  # a fresh store: every stored row is this file's
    if not result.refused:
        assert reject_rows == result.rejected


@FUZZ
@given(case=csv_files())
def test_mutated_csv_files(case: tuple[str, bytes], template: Path, tmp_path_factory) -> None:
    kind, data = case
    folder = tmp_path_factory.mktemp("fuzz-csv")
    path = folder / "fuzz.csv"
    path.write_bytes(data)
    check(fresh_store(template, folder), kind, path)


@FUZZ
@given(plan=xlsx_plans(), flips=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=4))
def test_mutated_and_resized_xlsx_files(plan, flips, template: Path, tmp_path_factory) -> None:
    kind, rows, dimension, far, corrupt = plan
    folder = tmp_path_factory.mktemp("fuzz-xlsx")
    path = folder / "fuzz.xlsx"
    xlsx(path, rows or [[]], dimension=dimension)
    if far is not None:  # a cell far out: resize the sheet by its last cell, not only its declared dimension
        import zipfile

        with zipfile.ZipFile(path) as archive:
            parts = {i.filename: archive.read(i) for i in archive.infolist()}
        row, col = far
        cell = f'<row r="{row}"><c r="{column_letters(col)}{row}" t="inlineStr"><is><t>x</t></is></c></row>'
        sheet = parts["xl/worksheets/sheet1.xml"].decode().replace("</sheetData>", cell + "</sheetData>")
        parts["xl/worksheets/sheet1.xml"] = sheet.encode()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in parts.items():
                archive.writestr(name, content)
    if corrupt and flips:
        data = bytearray(path.read_bytes())
        for at, value in flips:
            data[at % len(data)] = value
        path.write_bytes(bytes(data))
    check(fresh_store(template, folder), kind, path)
