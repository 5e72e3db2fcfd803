"""One clock: system instants are stored as naive UTC and every time shown is the office's local time with its zone.

The server runs with TZ=UTC here (set below before anything reads the clock) and ``clock.freeze`` pins the instant,
so the expected texts are exact: 15 Jan 2030 01.05 UTC is 08.05 WIB, 09.05 WITA, 10.05 WIT.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from kancil.briefing import morning, printout
from kancil.export import downloads
from kancil.ingest.ingester import ingest_file, load_frame
from kancil.roles import User
from kancil.store import clock, connection, offices, schema
from tests.fixtures import contract_frame
from tests.helpers import app_test, table_as_read

INSTANT = dt.datetime(2030, 1, 15, 1, 5)  # naive UTC
ADMIN = User("ani", "admin", "Ani")


@pytest.fixture(autouse=True)
def utc_server(monkeypatch):
    """The server's own zone is UTC, as on a cloud host (the case that showed 20.00 beside 02.57 WIB)."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def db(metrics_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store.duckdb"
    shutil.copy(metrics_db, copy)
    return copy


def test_one_instant_in_each_of_indonesias_zones_and_both_languages():
    assert clock.format(INSTANT, "Asia/Jakarta") == "15 Jan 2030 08.05 WIB"
    assert clock.format(INSTANT, "Asia/Makassar") == "15 Jan 2030 09.05 WITA"
    assert clock.format(INSTANT, "Asia/Jayapura") == "15 Jan 2030 10.05 WIT"
    assert clock.format(INSTANT, "Asia/Jayapura", "en") == "15 Jan 2030 10:05 WIT"
    assert clock.format(INSTANT, None) == clock.format(INSTANT, "Europe/Paris") == "15 Jan 2030 08.05 WIB"
    assert clock.format(dt.datetime(2030, 1, 15, 20, 0), "Asia/Jakarta") == "16 Jan 2030 03.00 WIB"  # next day
    assert clock.offset_text("Asia/Makassar") == "WITA (Asia/Makassar, UTC+08:00)"
    with clock.freeze(dt.datetime(2030, 1, 15, 18, 30, tzinfo=dt.UTC)):
        assert clock.utc_now() == dt.datetime(2030, 1, 15, 18, 30)
        assert clock.office_today("Asia/Jakarta") == dt.date(2030, 1, 16)  # already tomorrow in Jakarta
    assert clock.utc_now() != dt.datetime(2030, 1, 15, 18, 30)


def test_the_directory_names_offices_and_falls_back_to_code_and_wib():
    directory = offices.build([("CLP", "Kantor Imigrasi Kelas I TPI Cilacap", "Asia/Jakarta"),
                               ("MKS", "Kantor Imigrasi Kelas I TPI Makassar", "Asia/Makassar")], "MKS", ["XYZ"])
    assert directory.main == "MKS" and directory.zone(None) == "Asia/Makassar"
    assert directory.label("CLP") == "CLP · Kantor Imigrasi Kelas I TPI Cilacap"
    assert (directory.label("XYZ"), directory.zone("XYZ")) == ("XYZ", "Asia/Jakarta")  # not in kantor
    assert offices.zone_note(directory, None) == (
        "Semua kantor: waktu dalam WITA, zona waktu kantor utama MKS · Kantor Imigrasi Kelas I TPI Makassar")
    assert offices.build([("MKS", "M", "Asia/Makassar"), ("CLP", "C", "Asia/Jakarta")]).main == "CLP"  # first
    assert offices.build([], None, ["JKT", "BDG"]).main == "BDG"


def test_kantor_is_a_contract_kind_loaded_by_ingest(tmp_path):
    path = tmp_path / "kantor.csv"
    path.write_text("office_code,name,timezone\nMKS,Kantor Imigrasi Kelas I TPI Makassar,Asia/Makassar\n"
                    "JPR,Kantor Imigrasi Kelas I TPI Jayapura,WIT\n", encoding="utf-8")
    with connection.writer(tmp_path / "s.duckdb") as con:
        result = ingest_file(con, "kantor", path, who="test")
        assert (result.rows, result.stored, result.rejected) == (2, 1, 1)
        assert [(r.row, r.column, r.value) for r in result.rejects] == [(3, "timezone", "WIT")]
        assert result.rejects[0].reason == (
            "timezone: kode tidak dikenal; yang berlaku: Asia/Jakarta, Asia/Makassar, Asia/Jayapura")
        assert con.execute("SELECT office_code, name, timezone FROM kantor").fetchall() == [
            ("MKS", "Kantor Imigrasi Kelas I TPI Makassar", "Asia/Makassar")]


def test_a_parquet_instant_becomes_the_time_at_its_rows_office(tmp_path):
    """An aware Parquet column is converted to the zone of each row's office (kantor loaded first), WIB without."""
    table = pa.table({
        "usage_id": ["F1", "F2"], "office_code": ["MKS", "JKT"], "facility": ["kursi_roda", "kursi_roda"],
        "started_at": pa.array([dt.datetime(2026, 5, 11, 2, 0, tzinfo=dt.UTC)] * 2, type=pa.timestamp("us", tz="UTC")),
        "ended_at": pa.array([None, None], type=pa.timestamp("us", tz="UTC")), "applicant_group": [None, None],
    })
    pq.write_table(table, tmp_path / "fasilitas.parquet")
    with connection.writer(tmp_path / "s.duckdb") as con:
        load_frame(con, "kantor", contract_frame("kantor", [
            {"office_code": "MKS", "name": "Makassar", "timezone": "Asia/Makassar"}]), "kantor", who="test")
        assert ingest_file(con, "fasilitas", tmp_path / "fasilitas.parquet", who="test").stored == 2
        assert con.execute("SELECT office_code, started_at FROM fasilitas ORDER BY 1").fetchall() == [
            ("JKT", dt.datetime(2026, 5, 11, 9, 0)), ("MKS", dt.datetime(2026, 5, 11, 10, 0))]


def version_4_store(path: Path) -> None:
    """A store as schema 4 left it, written by a server whose local zone was WIB: loads, settings, accounts and
    failed sign-ins in WIB (``datetime.now()``), downloads in WIB (the old WIB constant), a sign-out in WIB."""
    con = duckdb.connect(str(path))
    for version in range(1, 5):
        for statement in schema.MIGRATIONS[version]:
            con.execute(statement)
    con.execute("INSERT INTO meta VALUES ('schema_version', '4')")
    at = "TIMESTAMP '2026-12-02 09:20:00'"
    con.execute(f"INSERT INTO ingest_batches VALUES (1, 'a.csv', 'abc', 'antrian', 0, 0, 0, 0, 0, 'p', {at}, NULL, "
                "'dimuat', NULL)")
    con.execute(f"INSERT INTO pengaturan VALUES ('usia_lansia', '65', 'p', {at})")
    con.execute(f"INSERT INTO pengaturan_riwayat VALUES ('usia_lansia', '60', '65', 'p', {at})")
    con.execute(f"INSERT INTO kalender_riwayat VALUES (NULL, DATE '2026-12-24', 'tutup', NULL, 'tambah', 'p', {at})")
    con.execute(f"INSERT INTO pengguna VALUES ('ani', 'x', 'admin', 'Ani', true, 'system', {at})")
    con.execute(f"INSERT INTO login_gagal VALUES ('ani', {at})")
    con.execute(f"INSERT INTO unduhan_log VALUES ('d1', 'sari', 'auditor', {at}, 'antrian', '{{}}', 'csv', 1, 'h', "
                "'cli')")
    con.execute("INSERT INTO meta VALUES ('signed_out:ani', '2026-12-02T09:20:00')")
    con.close()


COLUMNS = (("ingest_batches", "loaded_at"), ("pengaturan", "changed_at"), ("pengaturan_riwayat", "changed_at"),
           ("kalender_riwayat", "changed_at"), ("pengguna", "created_at"), ("login_gagal", "attempted_at"),
           ("unduhan_log", "downloaded_at"))


@pytest.mark.parametrize(("server_zone", "local_expected"), [("Asia/Jakarta", dt.datetime(2026, 12, 2, 2, 20)),
                                                             ("UTC", dt.datetime(2026, 12, 2, 9, 20))])
def test_migration_5_moves_every_system_instant_to_utc(tmp_path, monkeypatch, server_zone, local_expected):
    """Server-local columns move by the migrating server's offset (none on a UTC server); the download log, written
    in WIB, always moves 7 hours back."""
    path = tmp_path / "lama.duckdb"
    version_4_store(path)
    monkeypatch.setenv("TZ", server_zone)
    time.tzset()
    with connection.writer(path) as con:
        assert schema.schema_version(con) == schema.SCHEMA_VERSION
        for table, column in COLUMNS:
            expected = dt.datetime(2026, 12, 2, 2, 20) if table == "unduhan_log" else local_expected
            assert con.execute(f"SELECT {column} FROM {table}").fetchall() == [(expected,)], table
        assert con.execute("SELECT value FROM meta WHERE key = 'signed_out:ani'").fetchone() == (
            local_expected.isoformat(),)
        assert con.execute("SELECT count(*) FROM kantor").fetchone() == (0,)
    with connection.writer(path) as con:  # a second open changes nothing
        assert con.execute("SELECT loaded_at FROM ingest_batches").fetchone() == (local_expected,)


def _shown_on_pages(db: Path) -> dict[str, str]:
    """The newest load on the Data page, the newest download on Log unduhan and the printout's "Dicetak"."""
    data_page = app_test(db, role="admin", page="views/data.py")
    assert not data_page.exception
    history = next(d.value for d in data_page.dataframe if "Berkas" in d.value.columns)
    log_page = app_test(db, role="admin", page="views/log_unduhan.py")
    assert not log_page.exception
    with connection.reader(db) as con:
        html = printout.render_html(morning.build(con, dt.date(2026, 5, 15), None), "id")
    generated = html.split('<div id="generated">', 1)[1].split("</div>", 1)[0]
    logged = table_as_read(log_page.table[0])["Waktu"].iloc[0]
    return {"data": history["Waktu"].iloc[0], "log": logged, "print": generated,
            "freshness": next(c.value for c in data_page.caption if c.value.startswith("Data terbaru"))}


def test_the_same_instant_reads_the_same_on_data_log_and_printout(db, tmp_path):
    """A load and a download made at the same frozen instant, shown in the office's zone on all three, on a UTC
    server; with the office made WITA (kantor) every one of them moves to WITA."""
    with clock.freeze(INSTANT):
        with connection.writer(db) as con:
            load_frame(con, "kuota", contract_frame("kuota", [
                {"office_code": "TST", "lane": "reguler", "valid_from": "2026-06-01", "daily_quota": "9"}]),
                "kuota-baru", who="ani")
        downloads.build_export(db, "antrian", _week(), "csv", ADMIN, via="cli", out=tmp_path / "a.zip")
        shown = _shown_on_pages(db)
        assert {k: v for k, v in shown.items() if k != "freshness"} == {
            "data": "15 Jan 2030 08.05 WIB", "log": "15 Jan 2030 08.05 WIB", "print": "Dicetak 15 Jan 2030 08.05 WIB"}
        assert shown["freshness"].endswith("· Semua kantor: waktu dalam WIB, zona waktu kantor utama OTH")  # first
        with connection.writer(db) as con:
            load_frame(con, "kantor", contract_frame("kantor", [
                {"office_code": "TST", "name": "Kantor Imigrasi Uji", "timezone": "Asia/Makassar"}]),
                "kantor", who="ani")
        shown = _shown_on_pages(db)
    assert {k: v for k, v in shown.items() if k != "freshness"} == {
        "data": "15 Jan 2030 09.05 WITA", "log": "15 Jan 2030 09.05 WITA", "print": "Dicetak 15 Jan 2030 09.05 WITA"}
    assert shown["freshness"] == ("Data terbaru: 16 Mei 2026 09.00 WITA · penyimpanan versi "
                                  f"{connection.store_version(db)[:10]} · Semua kantor: waktu dalam WITA, zona waktu "
                                  "kantor utama TST · Kantor Imigrasi Uji")


def _week():
    from kancil.filters import Filters

    return Filters(date_from=dt.date(2026, 5, 11), date_to=dt.date(2026, 5, 16))


def test_the_manifest_says_the_offices_time_and_the_log_keeps_utc(db, tmp_path):
    with connection.writer(db) as con:
        load_frame(con, "kantor", contract_frame("kantor", [
            {"office_code": "TST", "name": "Kantor Imigrasi Uji", "timezone": "Asia/Jayapura"}]), "kantor", who="t")
    with clock.freeze(INSTANT):
        result = downloads.build_export(db, "antrian", _week().replace(office="TST"), "csv", ADMIN, via="cli",
                                        out=tmp_path / "a.zip")
    assert result.manifest["downloaded_at"] == "2030-01-15T10:05:00+09:00"
    assert result.manifest["timezone"].startswith("WIT (Asia/Jayapura, UTC+09:00): downloaded_at is the office's")
    with connection.reader(db) as con:
        assert con.execute("SELECT downloaded_at FROM unduhan_log").fetchall() == [(INSTANT,)]
    assert pd.Timestamp(INSTANT).tz_localize("UTC") == pd.Timestamp(result.manifest["downloaded_at"])
    assert os.environ["TZ"] == "UTC"


def test_a_three_office_store_names_its_offices_and_their_zones(tmp_path):
    """The demo's three offices span WIB, WITA and WIT: the briefing's office table shows their names, "Semua
    kantor" says it uses the main office's zone, and choosing Makassar shows its times in WITA."""
    from kancil import demo

    path = tmp_path / "three.duckdb"
    demo.build(path, offices=3, days=21, seed=7, end=dt.date(2026, 6, 30))
    at = app_test(path, role="kepala_kantor", query={"hari": "2026-06-29"})
    assert not at.exception
    table = next(d.value for d in at.dataframe if "Nama kantor" in d.value.columns)
    assert sorted(zip(table["Kantor"], table["Nama kantor"], strict=True)) == [
        ("CLP", "Kantor Imigrasi Kelas I TPI Cilacap"), ("JPR", "Kantor Imigrasi Kelas I TPI Jayapura"),
        ("MKS", "Kantor Imigrasi Kelas I TPI Makassar")]
    freshness = next(c.value for c in at.caption if c.value.startswith("Data terbaru"))
    assert freshness.endswith("· Semua kantor: waktu dalam WIB, zona waktu kantor utama CLP · Kantor Imigrasi "
                              "Kelas I TPI Cilacap")
    at = app_test(path, role="kepala_kantor", query={"hari": "2026-06-29", "kantor": "MKS"})
    assert not at.exception
    freshness = next(c.value for c in at.caption if c.value.startswith("Data terbaru"))
    assert freshness.endswith("· Waktu dalam WITA, zona waktu MKS · Kantor Imigrasi Kelas I TPI Makassar")
    assert any(m.value.endswith("· MKS · Kantor Imigrasi Kelas I TPI Makassar") for m in at.markdown)  # heading
