"""The download log's hash chain: each entry carries the hash of the one before and of its own content;
``python -m kancil audit verify`` walks it and names the first broken entry. Tampering is done on a copy of a real
store with plain SQL, as someone with the store file could."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import zipfile
from pathlib import Path

import duckdb
import pytest

from kancil.cli import main
from kancil.export import downloads
from kancil.filters import Filters
from kancil.roles import User
from kancil.store import clock, connection, log_chain, schema
from tests.helpers import app_test

AUDITOR = User("sari", "auditor", "Sari")
WEEK = Filters(date_from=dt.date(2026, 5, 11), date_to=dt.date(2026, 5, 16))


@pytest.fixture
def db(metrics_db: Path, tmp_path: Path) -> Path:
    """A copy of the fixture store with three downloads in the log (entries #1-#3)."""
    copy = tmp_path / "store.duckdb"
    shutil.copy(metrics_db, copy)
    for n, name in enumerate(("antrian", "survei", "fasilitas"), start=1):
        with clock.freeze(dt.datetime(2030, 1, 15, 1, n)):
            downloads.build_export(copy, name, WEEK, "csv", AUDITOR, out=tmp_path / f"{n}.zip")
    return copy


def tamper(path: Path, sql: str) -> None:
    """Plain SQL on the store file, as anyone who can open it could (through the retrying writer: a page's read
    connection of this process may still be open for a moment)."""
    with connection.writer(path, bump=False) as con:
        con.execute(sql)


def audit(path: Path, capsys, *extra: str) -> tuple[int, str]:
    code = main(["audit", "verify", "--db", str(path), *extra])
    captured = capsys.readouterr()
    return code, (captured.out + captured.err).strip()


def manifest(path: Path) -> dict:
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read(downloads.MANIFEST_NAME))


def test_each_entry_links_to_the_one_before_and_the_manifest_carries_the_head(db, tmp_path, capsys):
    with connection.reader(db) as con:
        rows = con.execute("SELECT seq, prev_hash, entry_hash FROM unduhan_log ORDER BY seq").fetchall()
        assert [r[0] for r in rows] == [1, 2, 3]
        assert rows[0][1] == log_chain.GENESIS and rows[1][1] == rows[0][2] and rows[2][1] == rows[1][2]
        assert all(entry["entry_hash"] == log_chain.entry_hash(entry) for entry in log_chain.entries(con))
    # a manifest carries the head the log had when it was made: the third download saw entry #2
    assert manifest(tmp_path / "3.zip")["log_chain_head"] == f"2:{rows[1][2]}"
    assert manifest(tmp_path / "1.zip")["log_chain_head"] == f"0:{log_chain.GENESIS}"
    code, text = audit(db, capsys)
    assert code == 0
    assert text == f"Rantai hash log unduhan utuh: 3 entri diperiksa, kepala #3 ({rows[2][2][:12]}…)."
    assert audit(db, capsys, "--head", manifest(tmp_path / "3.zip")["log_chain_head"])[0] == 0


def test_an_edited_entry_is_named(db, capsys):
    with connection.reader(db) as con:
        second = con.execute("SELECT download_id FROM unduhan_log WHERE seq = 2").fetchone()[0]
    tamper(db, "UPDATE unduhan_log SET rows = 0 WHERE seq = 2")
    code, text = audit(db, capsys)
    assert code == 1
    assert text == (f"Rantai hash log unduhan rusak: entri #2 (unduhan {second[:8]}…) tidak cocok lagi dengan "
                    "hash-nya, isinya diubah setelah dicatat.")


def test_a_deleted_entry_is_named_by_the_one_after_it(db, capsys):
    with connection.reader(db) as con:
        third = con.execute("SELECT download_id FROM unduhan_log WHERE seq = 3").fetchone()[0]
    tamper(db, "DELETE FROM unduhan_log WHERE seq = 2")
    code, text = audit(db, capsys)
    assert code == 1
    assert text == (f"Rantai hash log unduhan rusak: sesudah entri #1 datang entri #3 (unduhan {third[:8]}…), ada "
                    "entri yang dihapus atau disisipkan.")


def test_a_deleted_newest_entry_shows_against_a_manifests_head(db, tmp_path, capsys):
    head = log_chain.parse_head(manifest(tmp_path / "3.zip")["log_chain_head"])  # entry #2
    tamper(db, "DELETE FROM unduhan_log WHERE seq >= 2")
    assert audit(db, capsys)[0] == 0  # the chain alone cannot see its end cut off ...
    code, text = audit(db, capsys, "--head", head.text())
    assert code == 1  # ... a manifest handed out earlier can
    assert text == (f"Rantai hash log unduhan rusak: kepala #2 ({head.hash[:12]}…) dari manifest tidak ada di log "
                    "(entri terakhir #1), entri dihapus dari ujung atau rantai ditulis ulang.")
    assert audit(db, capsys, "--head", "2:xyz") == (
        2, "--head harus berbentuk NOMOR:HASH seperti di manifest (log_chain_head): 2:xyz")


def test_a_row_written_outside_the_application_is_named(db, capsys):
    tamper(db, "INSERT INTO unduhan_log (download_id, username, downloaded_at) VALUES ('ffffffff00', 'x', "
               "TIMESTAMP '2030-01-16 00:00')")
    code, text = audit(db, capsys)
    assert (code, text) == (1, "Rantai hash log unduhan rusak: entri #? (unduhan ffffffff…) tidak punya tempat di "
                               "rantai, ditulis di luar aplikasi.")


def test_migration_6_chains_the_entries_already_there_oldest_first(tmp_path, capsys):
    path = tmp_path / "lama.duckdb"
    con = duckdb.connect(str(path))
    for version in range(1, 6):
        for statement in schema.MIGRATIONS[version]:
            con.execute(statement) if isinstance(statement, str) else statement(con)
    con.execute("INSERT INTO meta VALUES ('schema_version', '5')")
    for n, at in ((1, "2030-01-15 03:00"), (2, "2030-01-15 01:00"), (3, "2030-01-15 02:00")):
        con.execute(f"INSERT INTO unduhan_log VALUES ('d{n}', 'sari', 'auditor', TIMESTAMP '{at}', 'antrian', '{{}}', "
                    "'csv', 1, 'h', 'cli')")
    con.close()
    code, text = audit(path, capsys)  # migrates, then walks
    assert code == 0 and text.startswith("Rantai hash log unduhan utuh: 3 entri diperiksa, kepala #3")
    with connection.reader(path) as con:
        assert con.execute("SELECT download_id FROM unduhan_log ORDER BY seq").fetchall() == [
            ("d2",), ("d3",), ("d1",)]


def test_the_log_page_says_whether_the_chain_verifies(db):
    at = app_test(db, role="auditor", page="views/log_unduhan.py")
    assert not at.exception
    assert [s.value for s in at.success][0].startswith("Rantai hash log unduhan utuh: 3 entri diperiksa, kepala #3")
    tamper(db, "UPDATE unduhan_log SET username = 'orang_lain' WHERE seq = 1")
    at = app_test(db, role="auditor", page="views/log_unduhan.py")
    assert [e.value for e in at.error][0].startswith("Rantai hash log unduhan rusak: entri #1 (unduhan ")
