"""Schema versions: an older store opens in a newer version without loss; the schema follows the contract."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from kancil.contract import CONTRACT
from kancil.ingest.ingester import ingest_file
from kancil.store import connection, schema
from tests.test_ingest import antrian_row, permohonan_row, write_csv

T = dt.datetime(2025, 3, 3, 8, 0)


def version_1_store(path: Path) -> None:
    """A store as version 1 left it: only migration 1 applied, with data in it."""
    con = duckdb.connect(str(path))
    for statement in schema.MIGRATIONS[1]:
        con.execute(statement)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO ingest_batches VALUES (1, 'lama.csv', 'abc', 'antrian', 2, 2, 0, 0, 0, 'petugas', "
                "TIMESTAMP '2025-03-04 07:00', NULL, 'dimuat', NULL)")
    con.execute(
        "INSERT INTO antrian VALUES "
        "('T1', 'JKT', 'prioritas', 'lansia', 'baru', 'langsung', $t, $t + INTERVAL 5 MINUTE, NULL, NULL, 'P1', "
        "'PTG01', 'selesai', 1), "
        "('T2', 'JKT', 'reguler', 'umum', 'baru', 'm_paspor', $t, NULL, NULL, NULL, NULL, NULL, 'tidak_hadir', 1)",
        {"t": T},
    )
    con.execute("INSERT INTO kuota VALUES ('JKT', 'prioritas', DATE '2025-01-01', NULL, 40, 1)")
    con.close()


def test_migrations_are_numbered_one_to_current() -> None:
    assert sorted(schema.MIGRATIONS) == list(range(1, schema.SCHEMA_VERSION + 1))


def test_version_1_store_opens_migrated_without_loss(tmp_path: Path) -> None:
    path = tmp_path / "lama.duckdb"
    version_1_store(path)
    with connection.reader(path) as con:
        assert schema.schema_version(con) == 1
        before = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
                  for t in ("antrian", "kuota", "ingest_batches")}
    with connection.writer(path) as con:
        assert schema.schema_version(con) == schema.SCHEMA_VERSION
        after = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in before}
        assert after == before
        assert len(after["antrian"]) == 2
        # The tables of the later migrations exist, and the working-day calendar was filled at once.
        for table in ("hari_kerja", "pengaturan", "pengaturan_riwayat"):
            con.execute(f"SELECT count(*) FROM {table}").fetchall()
        assert con.execute("SELECT is_workday FROM hari_kerja WHERE office_code = 'JKT' "
                           "AND tanggal = DATE '2025-03-03'").fetchall() == [(True,)]
        # A new file loads into the migrated store like into a new one: replacing T2, keeping T1.
        result = ingest_file(con, "antrian", write_csv(
            tmp_path / "baru.csv", [antrian_row("T2", office_code="JKT", lane="reguler", applicant_group="umum")],
            "antrian"))
        assert (result.stored, result.replaced, result.batch_id) == (1, 1, 2)
        assert con.execute("SELECT ticket_id, batch_id FROM antrian ORDER BY 1").fetchall() == [("T1", 1), ("T2", 2)]


def test_fresh_store_has_every_contract_column_with_its_type(tmp_path: Path) -> None:
    """Guards the written-out DDL: a column added to the contract needs a migration, or this fails."""
    with connection.writer(tmp_path / "baru.duckdb") as con:
        for name, kind in CONTRACT.items():
            got = con.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $t "
                "ORDER BY ordinal_position", {"t": name}).fetchall()
            derived = [("completion_workdays", "INTEGER")] if name == "permohonan" else []  # migration 4
            assert got == [*((c.name, c.sql_type) for c in kind.columns), ("batch_id", "INTEGER"), *derived], name


def test_migrate_twice_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    version_1_store(path)
    with connection.writer(path) as con:
        first = con.execute("SELECT count(*) FROM hari_kerja").fetchall()
    with connection.writer(path) as con:
        assert schema.migrate(con) == schema.SCHEMA_VERSION
        assert con.execute("SELECT count(*) FROM hari_kerja").fetchall() == first
        assert con.execute("SELECT count(*) FROM antrian").fetchall() == [(2,)]


def test_store_of_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "baru.duckdb"
    with connection.writer(path) as con:
        schema.set_meta(con, "schema_version", str(schema.SCHEMA_VERSION + 1))
    with pytest.raises(RuntimeError, match="lebih baru"), connection.writer(path):
        pass
    with connection.reader(path) as con:
        assert schema.schema_version(con) == schema.SCHEMA_VERSION + 1


def test_a_failing_migration_is_rolled_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.duckdb"
    with connection.writer(path):
        pass
    broken = {**schema.MIGRATIONS, schema.SCHEMA_VERSION + 1: ["CREATE TABLE setengah (a INTEGER)", "SELEKSI 1"]}
    monkeypatch.setattr(schema, "MIGRATIONS", broken)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    with pytest.raises(duckdb.ParserException), connection.writer(path):
        pass
    monkeypatch.undo()
    with connection.reader(path) as con:
        assert schema.schema_version(con) == schema.SCHEMA_VERSION
        assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'setengah'").fetchall() == [(0,)]


def test_schema_version_of_a_store_never_migrated_is_0(tmp_path: Path) -> None:
    path = tmp_path / "kosong.duckdb"
    duckdb.connect(str(path)).close()
    with connection.reader(path) as con:
        assert schema.schema_version(con) == 0


def test_writer_bumps_the_store_version(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    assert connection.store_version(path) == "none"
    with connection.writer(path):
        pass
    first = connection.store_version(path)
    with connection.writer(path, bump=False):
        pass
    assert connection.store_version(path) == first
    with connection.writer(path):
        pass
    assert connection.store_version(path) != first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.duckdb", "s.duckdb.version"]


def test_version_3_store_gets_its_completion_workdays_computed(tmp_path: Path) -> None:
    """Migration 4 stores each application's completion in working days; a store of version 3 gets it filled."""
    path = tmp_path / "v3.duckdb"
    rows = [permohonan_row("A1", office_code="JKT", submitted_at="2025-03-04 09:00", issued_at="2025-03-10 10:00"),
            permohonan_row("A2", office_code="JKT", submitted_at="2025-03-04 09:00", issued_at=None,
                           collected_at=None)]
    with connection.writer(path) as con:
        assert ingest_file(con, "permohonan", write_csv(tmp_path / "p.csv", rows, "permohonan")).rejected == 0
        # back to version 3: the column did not exist
        con.execute("ALTER TABLE permohonan DROP COLUMN completion_workdays")
        schema.set_meta(con, "schema_version", "3")
    with connection.writer(path) as con:
        assert schema.schema_version(con) == schema.SCHEMA_VERSION
        # A1: Tuesday 4 March -> Monday 10 March 2025: 5, 6, 7 and 10 March = 4 working days; A2 not issued yet
        got = con.execute("SELECT application_id, completion_workdays FROM permohonan ORDER BY 1").fetchall()
        assert got == [("A1", 4), ("A2", None)]
