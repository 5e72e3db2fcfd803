"""The ingester through ``ingest_file``: every rule of the data contract, every way a file is read, and the
promises: nothing lost (rows = stored + rejected), a repeated file changes nothing, a corrected file replaces,
one transaction per file. Every test builds its own files in ``tmp_path``; numbers are exact.
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from kancil.contract import CONTRACT
from kancil.ingest import ingester
from kancil.ingest.ingester import IngestResult, ingest_file
from kancil.store import connection

D = "2026-05-"


# ------------------------------------------------------------------------------------------------ helpers


def antrian_row(tid: str = "T1", **changes: object) -> dict:
    row = dict(ticket_id=tid, office_code="JKT", lane="prioritas", applicant_group="lansia", service_type="baru",
               channel="langsung", issued_at=D + "11 08:00", called_at=D + "11 08:10",
               service_start=D + "11 08:12", service_end=D + "11 08:20", counter="P1", officer_id="PTG01",
               status="selesai")
    row.update(changes)
    return row


def permohonan_row(aid: str = "A1", **changes: object) -> dict:
    row = dict(application_id=aid, ticket_id="T1", office_code="JKT", lane="prioritas", applicant_group="lansia",
               service_type="baru", submitted_at=D + "11 09:00", bap_required="tidak", bap_start=None,
               bap_end=None, paid_at=D + "11 09:30", issued_at=D + "13 10:00", collected_at=D + "14 10:00",
               mismatch="tidak", mismatch_reported_at=None, mismatch_resolved_at=None)
    row.update(changes)
    return row


def survei_row(rid: str = "S1", **changes: object) -> dict:
    row = dict(response_id=rid, office_code="JKT", submitted_at=D + "11 12:00", ticket_id="T1", lane="prioritas",
               applicant_group="lansia", info_source="petugas", comment="Pelayanan cepat")
    row.update({f"u{i}": 4 for i in range(1, 10)})
    row.update(changes)
    return row


def fasilitas_row(uid: str = "F1", **changes: object) -> dict:
    row = dict(usage_id=uid, office_code="JKT", facility="ruang_laktasi", started_at=D + "11 10:00",
               ended_at=D + "11 10:30", applicant_group="ibu_balita")
    row.update(changes)
    return row


def kuota_row(valid_from: str = "2026-01-01", **changes: object) -> dict:
    row = dict(office_code="JKT", lane="prioritas", valid_from=valid_from, valid_to=None, daily_quota=40)
    row.update(changes)
    return row


VALID = {"antrian": antrian_row, "permohonan": permohonan_row, "survei": survei_row, "fasilitas": fasilitas_row,
         "kuota": kuota_row}


def write_csv(path: Path, rows: list[dict], kind: str | None = None, delim: str = ",", bom: bool = False,
              header: list[str] | None = None, encoding: str = "utf-8") -> Path:
    columns = header or list(CONTRACT[kind].column_names if kind else rows[0])
    with path.open("w", encoding="utf-8-sig" if bom else encoding, newline="") as fh:
        out = csv.writer(fh, delimiter=delim, lineterminator="\n")
        out.writerow(columns)
        for row in rows:
            values = list(row.values()) if header else [row.get(c) for c in columns]
            out.writerow(["" if v is None else v for v in values])
    return path


def build_template(path: Path) -> Path:
    """A migrated store whose working-day calendar already covers the offices the tests use (JKT, BDG), built
    once: copying it is much cheaper than migrating and building the calendar for every test."""
    import pandas as pd

    with connection.writer(path) as con:
        frame = pd.DataFrame([kuota_row(office_code="JKT"), kuota_row(office_code="BDG")], dtype=object)
        assert ingester.load_frame(con, "kuota", frame, "template", who="test").stored == 2
        for table in ("kuota", "ingest_batches", "ingest_rejects"):
            con.execute(f"DELETE FROM {table}")
        con.execute("CHECKPOINT")
    return path


@pytest.fixture(scope="session")
def template_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_template(tmp_path_factory.mktemp("template") / "store.duckdb")


@pytest.fixture
def con(tmp_path: Path, template_store: Path):
    """A read-write connection on a fresh copy of the template store, for the whole test (one open: fast)."""
    path = tmp_path / "store.duckdb"
    shutil.copyfile(template_store, path)
    with connection.writer(path) as opened:
        yield opened


def load(con: duckdb.DuckDBPyConnection, kind: str, path: Path) -> IngestResult:
    return ingest_file(con, kind, path, who="test")


def fetch(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return fetch(con, f"SELECT count(*) FROM {table}")[0][0]


def check_nothing_lost(con: duckdb.DuckDBPyConnection, result: IngestResult) -> None:
    """rows = stored + rejected, in the result and in ingest_batches; every rejected row is in ingest_rejects."""
    assert result.rows == result.stored + result.rejected
    batch = fetch(con, f"SELECT rows, stored, replaced, unchanged, rejected FROM ingest_batches "
                      f"WHERE batch_id = {result.batch_id}")
    assert batch == [(result.rows, result.stored, result.replaced, result.unchanged, result.rejected)]
    rejected_rows = fetch(con, f"SELECT count(DISTINCT row_number) FROM ingest_rejects "
                              f"WHERE batch_id = {result.batch_id}")[0][0]
    assert rejected_rows == (result.rejected if not result.refused else len({r.row for r in result.rejects}))


# ------------------------------------------------------------------------------------------------ basics


def test_valid_csv_is_stored_typed(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    rows = [antrian_row("T1", office_code="SBY"),
            antrian_row("T2", office_code="SBY", called_at=None, service_start=None, service_end=None,
                        status="tidak_hadir")]
    assert fetch(con, "SELECT count(*) FROM hari_kerja WHERE office_code = 'SBY'") == [(0,)]
    path = write_csv(tmp_path / "antrian.csv", rows, "antrian")
    result = load(con, "antrian", path)
    assert (result.exit_code, result.rows, result.stored, result.rejected, result.replaced) == (0, 2, 2, 0, 0)
    assert result.rejects == [] and result.extra_columns == [] and result.refused is None
    check_nothing_lost(con, result)
    stored = fetch(con, "SELECT ticket_id, issued_at, called_at, status, batch_id FROM antrian ORDER BY ticket_id")
    assert stored == [
        ("T1", dt.datetime(2026, 5, 11, 8, 0), dt.datetime(2026, 5, 11, 8, 10), "selesai", result.batch_id),
        ("T2", dt.datetime(2026, 5, 11, 8, 0), None, "tidak_hadir", result.batch_id),
    ]
    assert fetch(con, "SELECT file_name, kind, status, loaded_by, sha256 IS NOT NULL FROM ingest_batches") == [
        ("antrian.csv", "antrian", "dimuat", "test", True)]
    # A new office gets its working-day calendar at once.
    assert fetch(con, "SELECT count(*) > 0 FROM hari_kerja WHERE office_code = 'SBY'") == [(True,)]


def test_every_kind_accepts_its_valid_row(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    for kind, make in VALID.items():
        result = load(con, kind, write_csv(tmp_path / f"{kind}.csv", [make()], kind))
        assert (kind, result.exit_code, result.stored) == (kind, 0, 1), result.rejects
        assert count(con, kind) == 1


def test_spaces_and_capitals_in_cells_are_normalised(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    row = antrian_row(" T1 ", office_code=" JKT", lane="Prioritas ", status="SELESAI", channel=" M_Paspor ")
    result = load(con, "antrian", write_csv(tmp_path / "a.csv", [row], "antrian"))
    assert result.exit_code == 0, result.rejects
    assert fetch(con, "SELECT ticket_id, office_code, lane, status, channel FROM antrian") == [
        ("T1", "JKT", "prioritas", "selesai", "m_paspor")]


# ------------------------------------------------------------------------------------------------ rules

RULES = [
    # (kind, changes to a valid row, column, text the reason contains)
    ("antrian", {"ticket_id": ""}, "ticket_id", "ticket_id: wajib diisi"),
    ("antrian", {"office_code": "   "}, "office_code", "office_code: wajib diisi"),
    ("antrian", {"status": None}, "status", "status: wajib diisi"),
    ("antrian", {"lane": "vip"}, "lane", "lane: kode tidak dikenal"),
    ("antrian", {"applicant_group": "pejabat"}, "applicant_group", "applicant_group: kode tidak dikenal"),
    ("antrian", {"issued_at": "31/02/2026 08:00", "called_at": None, "service_start": None, "service_end": None},
     "issued_at", "issued_at: bukan tanggal-waktu yang sah"),
    ("antrian", {"issued_at": "2026-02-30 08:00", "called_at": None, "service_start": None, "service_end": None},
     "issued_at", "issued_at: bukan tanggal-waktu yang sah"),
    ("antrian", {"issued_at": "2026-05-11", "called_at": None, "service_start": None, "service_end": None},
     "issued_at", "issued_at: bukan tanggal-waktu yang sah"),
    ("antrian", {"issued_at": "11/05/26 08:00", "called_at": None, "service_start": None, "service_end": None},
     "issued_at", "issued_at: tahun harus 2000–2099"),
    ("antrian", {"called_at": D + "11 07:59", "service_start": None, "service_end": None},
     "called_at", "called_at lebih awal dari issued_at"),
    ("antrian", {"service_end": D + "11 08:11"}, "service_end", "service_end lebih awal dari service_start"),
    ("fasilitas", {"ended_at": D + "11 09:59"}, "ended_at", "ended_at lebih awal dari started_at"),
    ("fasilitas", {"facility": "kantin"}, "facility", "facility: kode tidak dikenal"),
    ("permohonan", {"bap_required": "ya", "bap_start": D + "11 10:00", "bap_end": D + "11 09:00"},
     "bap_end", "bap_end lebih awal dari bap_start"),
    ("permohonan", {"issued_at": D + "11 08:00", "collected_at": None}, "issued_at",
     "issued_at lebih awal dari submitted_at"),
    ("permohonan", {"bap_start": D + "11 10:00"}, "bap_start", "bap_start: hanya boleh diisi bila bap_required"),
    ("permohonan", {"bap_end": D + "11 10:00"}, "bap_end", "bap_end: hanya boleh diisi bila bap_required"),
    ("permohonan", {"mismatch_reported_at": D + "12 09:00"}, "mismatch_reported_at",
     "mismatch_reported_at: hanya boleh diisi bila mismatch"),
    ("permohonan", {"mismatch_resolved_at": D + "12 09:00"}, "mismatch_resolved_at",
     "mismatch_resolved_at: hanya boleh diisi bila mismatch"),
    ("permohonan", {"bap_required": "mungkin"}, "bap_required", "bap_required: bukan nilai ya/tidak"),
    ("permohonan", {"mismatch": ""}, "mismatch", "mismatch: wajib diisi"),
    ("survei", {"u3": 5}, "u3", "u3: harus bilangan bulat 1–4"),
    ("survei", {"u3": 0}, "u3", "u3: harus bilangan bulat 1–4"),
    ("survei", {"u9": "2.5"}, "u9", "u9: harus bilangan bulat 1–4"),
    ("survei", {"u1": "baik"}, "u1", "u1: harus bilangan bulat 1–4"),
    ("survei", {"info_source": "televisi"}, "info_source", "info_source: kode tidak dikenal"),
    ("kuota", {"daily_quota": 0}, "daily_quota", "daily_quota: harus bilangan bulat ≥ 1"),
    ("kuota", {"daily_quota": -3}, "daily_quota", "daily_quota: harus bilangan bulat ≥ 1"),
    ("kuota", {"daily_quota": "1e20"}, "daily_quota", "daily_quota: harus bilangan bulat ≥ 1"),
    ("kuota", {"daily_quota": "inf"}, "daily_quota", "daily_quota: harus bilangan bulat ≥ 1"),
    ("kuota", {"daily_quota": None}, "daily_quota", "daily_quota: wajib diisi"),
    ("kuota", {"valid_from": "2026-13-01"}, "valid_from", "valid_from: bukan tanggal yang sah"),
    ("kuota", {"valid_from": "2026-01-01 08:30"}, "valid_from", "valid_from: bukan tanggal yang sah"),
    ("kuota", {"valid_to": "2025-12-31"}, "valid_to", "valid_to lebih awal dari valid_from"),
]


@pytest.mark.parametrize(("kind", "changes", "column", "reason"), RULES,
                         ids=[f"{k}-{c}-{i}" for i, (k, _, c, _) in enumerate(RULES)])
def test_each_rule_rejects_the_row_and_names_the_column(con: duckdb.DuckDBPyConnection, tmp_path: Path, kind: str,
                                                        changes: dict, column: str, reason: str) -> None:
    make = VALID[kind]
    first, second, third = make(), make(**changes), make()
    key = CONTRACT[kind].key[-1]
    if kind == "kuota":
        second["valid_from"] = changes.get("valid_from", "2026-02-01")
        third["valid_from"] = "2026-03-01"
    else:
        second[key], third[key] = f"{first[key]}b", f"{first[key]}c"
        second.update({k: v for k, v in changes.items() if k == key})
    result = load(con, kind, write_csv(tmp_path / f"{kind}.csv", [first, second, third], kind))
    assert (result.exit_code, result.rows, result.stored, result.rejected) == (1, 3, 2, 1)
    assert [(r.row, r.column) for r in result.rejects] == [(3, column)]
    assert reason in result.rejects[0].reason
    assert column in result.rejects[0].reason
    assert count(con, kind) == 2
    check_nothing_lost(con, result)
    assert fetch(con, "SELECT row_number, column_name FROM ingest_rejects") == [(3, column)]


def test_bad_value_is_reported_as_written(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    row = antrian_row("T2", lane=" VIP ", called_at="  2026-05-11 07:00")
    result = load(con, "antrian", write_csv(tmp_path / "a.csv", [antrian_row(), row], "antrian"))
    assert [(r.row, r.column, r.value) for r in result.rejects] == [
        (3, "called_at", "2026-05-11 07:00"), (3, "lane", "VIP")]
    assert result.rejects[0].reason == "called_at lebih awal dari issued_at (2026-05-11 08:00)"
    assert result.rejected == 1  # one row, two problems


def test_allowed_only_when_flag_is_set(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    row = permohonan_row("A2", bap_required="ya", bap_start=D + "11 10:00", bap_end=D + "11 11:30", mismatch="ya",
                         mismatch_reported_at=D + "12 09:00", mismatch_resolved_at=D + "12 15:00")
    result = load(con, "permohonan", write_csv(tmp_path / "p.csv", [row], "permohonan"))
    assert result.exit_code == 0, result.rejects
    assert fetch(con, "SELECT bap_required, bap_end - bap_start, mismatch FROM permohonan") == [
        (True, dt.timedelta(minutes=90), True)]


def test_survey_answers_may_be_empty_and_integral_floats_count(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    rows = [survei_row("S1", u9=None), survei_row("S2", u1="3.0", u2=" 1 ")]
    result = load(con, "survei", write_csv(tmp_path / "s.csv", rows, "survei"))
    assert result.exit_code == 0, result.rejects
    assert fetch(con, "SELECT response_id, u1, u2, u9 FROM survei ORDER BY 1") == [("S1", 4, 4, None),
                                                                                   ("S2", 3, 1, 4)]


# ------------------------------------------------------------------------------------------------ keys


def test_duplicate_key_in_file_first_stored_later_rejected(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    rows = [antrian_row("T1", counter="first"), antrian_row("T2"), antrian_row("T1", counter="second"),
            antrian_row("T1", counter="third"), antrian_row("T1", office_code="BDG")]
    result = load(con, "antrian", write_csv(tmp_path / "a.csv", rows, "antrian"))
    assert (result.exit_code, result.rows, result.stored, result.rejected) == (1, 5, 3, 2)
    assert [(r.row, r.column, r.value) for r in result.rejects] == [(4, "ticket_id", "JKT / T1"),
                                                                    (5, "ticket_id", "JKT / T1")]
    assert all("duplikat" in r.reason and "baris 2" in r.reason for r in result.rejects)
    assert fetch(con, "SELECT office_code, counter FROM antrian WHERE ticket_id = 'T1' ORDER BY 1") == [
        ("BDG", "P1"), ("JKT", "first")]
    check_nothing_lost(con, result)


def test_duplicate_of_an_invalid_row_is_the_first_valid_copy(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    rows = [antrian_row("T1", lane="vip"), antrian_row("T1", counter="valid")]
    result = load(con, "antrian", write_csv(tmp_path / "a.csv", rows, "antrian"))
    assert [(r.row, r.column) for r in result.rejects] == [(2, "lane")]
    assert fetch(con, "SELECT counter FROM antrian") == [("valid",)]


def test_loading_the_same_file_again_changes_nothing(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", [antrian_row("T1"), antrian_row("T2"), antrian_row("T3", lane="x")],
                     "antrian")
    first = load(con, "antrian", path)
    before = fetch(con, "SELECT * FROM antrian ORDER BY ticket_id")
    again = load(con, "antrian", path)
    assert (again.rows, again.stored, again.unchanged, again.replaced, again.rejected) == (3, 2, 2, 0, 1)
    assert again.exit_code == first.exit_code == 1
    assert fetch(con, "SELECT * FROM antrian ORDER BY ticket_id") == before  # batch_id too
    assert {b for (b,) in fetch(con, "SELECT DISTINCT batch_id FROM antrian")} == {first.batch_id}
    assert count(con, "ingest_batches") == 2
    check_nothing_lost(con, again)


def test_corrected_redelivery_replaces_by_key(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    first = load(con, "antrian", write_csv(tmp_path / "a1.csv", [antrian_row("T1"), antrian_row("T2")], "antrian"))
    corrected = [antrian_row("T2", service_end=D + "11 08:45", officer_id="PTG09"), antrian_row("T1"),
                 antrian_row("T3")]
    second = load(con, "antrian", write_csv(tmp_path / "a2.csv", corrected, "antrian"))
    assert (second.exit_code, second.rows, second.stored, second.replaced, second.unchanged) == (0, 3, 3, 1, 1)
    assert fetch(con, "SELECT ticket_id, service_end, officer_id, batch_id FROM antrian ORDER BY 1") == [
        ("T1", dt.datetime(2026, 5, 11, 8, 20), "PTG01", first.batch_id),
        ("T2", dt.datetime(2026, 5, 11, 8, 45), "PTG09", second.batch_id),
        ("T3", dt.datetime(2026, 5, 11, 8, 20), "PTG01", second.batch_id),
    ]
    assert fetch(con, f"SELECT replaced, unchanged FROM ingest_batches WHERE batch_id = {second.batch_id}") == [(1, 1)]
    check_nothing_lost(con, second)


def test_kuota_key_includes_valid_from(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    load(con, "kuota", write_csv(tmp_path / "k1.csv", [kuota_row("2026-01-01"), kuota_row("2026-03-01")], "kuota"))
    result = load(con, "kuota", write_csv(tmp_path / "k2.csv", [kuota_row("01/03/2026", daily_quota=55)], "kuota"))
    assert (result.replaced, result.stored) == (1, 1)
    assert fetch(con, "SELECT valid_from, daily_quota FROM kuota ORDER BY 1") == [
        (dt.date(2026, 1, 1), 40), (dt.date(2026, 3, 1), 55)]


# ------------------------------------------------------------------------------------------------ transaction


def test_a_crash_mid_file_leaves_the_store_as_before(con: duckdb.DuckDBPyConnection, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    load(con, "antrian", write_csv(tmp_path / "a1.csv", [antrian_row("T1"), antrian_row("T2")], "antrian"))
    before = {t: fetch(con, f"SELECT * FROM {t} ORDER BY ALL") for t in ("antrian", "ingest_batches",
                                                                        "ingest_rejects")}
    seen: list[int] = []

    def crash(con: duckdb.DuckDBPyConnection, *args: object) -> None:
        # Called after the replacing DELETE and the INSERT, inside the file's transaction.
        seen.append(con.execute("SELECT count(*) FROM antrian WHERE officer_id = 'NEW'").fetchall()[0][0])
        raise RuntimeError("disk full")

    monkeypatch.setattr(ingester, "_record_batch", crash)
    changed = [antrian_row("T1", officer_id="NEW"), antrian_row("T3", officer_id="NEW"), antrian_row("T4", lane="x")]
    with pytest.raises(RuntimeError, match="disk full"):
        ingest_file(con, "antrian", write_csv(tmp_path / "a2.csv", changed, "antrian"))
    assert seen == [2]  # the delete and insert had happened when it crashed
    after = {t: fetch(con, f"SELECT * FROM {t} ORDER BY ALL") for t in before}
    assert after == before


# ------------------------------------------------------------------------------------------------ formats


def test_semicolon_csv_day_first_dates_and_boolean_words(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    rows = [
        permohonan_row("A1", submitted_at="11/05/2026 09:00", bap_required="ya", bap_start="11/05/2026 10:00",
                       bap_end="11/05/2026 10:45:30", issued_at="13/05/2026 10:00", collected_at=None,
                       paid_at=None, mismatch="tidak"),
        permohonan_row("A2", submitted_at="05/05/2026 09:00", bap_required="TRUE", bap_start="05/05/2026 10:00",
                       bap_end="05/05/2026 10:10", issued_at="07/05/2026 10:00", collected_at=None, paid_at=None,
                       mismatch="false"),
        permohonan_row("A3", submitted_at="2026-05-04 09:00:15", bap_required="0", issued_at=None,
                       collected_at=None, paid_at=None, mismatch="1", mismatch_reported_at="04/05/2026 11:00"),
        permohonan_row("A4", bap_required="Tidak", mismatch="Ya"),
    ]
    path = write_csv(tmp_path / "permohonan.csv", rows, "permohonan", delim=";")
    result = load(con, "permohonan", path)
    assert result.exit_code == 0, result.rejects
    assert fetch(con, "SELECT application_id, submitted_at, bap_required, bap_end, mismatch FROM permohonan "
                     "ORDER BY 1") == [
        ("A1", dt.datetime(2026, 5, 11, 9, 0), True, dt.datetime(2026, 5, 11, 10, 45, 30), False),
        ("A2", dt.datetime(2026, 5, 5, 9, 0), True, dt.datetime(2026, 5, 5, 10, 10), False),
        ("A3", dt.datetime(2026, 5, 4, 9, 0, 15), False, None, True),
        ("A4", dt.datetime(2026, 5, 11, 9, 0), False, None, True),
    ]


def test_windows_line_ends_with_an_empty_line(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    names = CONTRACT["kuota"].column_names
    path = tmp_path / "kuota.csv"
    path.write_bytes((";".join(names) + "\r\nJKT;prioritas;01/01/2026;;40\r\n\r\nJKT;reguler;01/01/2026;;0\r\n"
                      ).encode())
    result = load(con, "kuota", path)
    assert (result.rows, result.stored, result.rejected, result.blank_rows) == (2, 1, 1, 1)
    assert [(r.row, r.column, r.value) for r in result.rejects] == [(4, "daily_quota", "0")]


def test_utf8_bom_csv(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    rows = [survei_row("S1", comment="Ruang laktasi nyaman — terima kasih"), survei_row("S2")]
    path = write_csv(tmp_path / "survei.csv", rows, "survei", bom=True)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    result = load(con, "survei", path)
    assert (result.exit_code, result.stored, result.extra_columns) == (0, 2, [])
    assert fetch(con, "SELECT comment FROM survei ORDER BY 1")[0] == ("Pelayanan cepat",)
    assert fetch(con, "SELECT comment FROM survei WHERE response_id = 'S1'") == [
        ("Ruang laktasi nyaman — terima kasih",)]


def test_header_spacing_capitals_and_extra_column_reported_once(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    names = list(CONTRACT["fasilitas"].column_names)
    header = ["  USAGE_ID", "Office_Code  ", "Catatan", *[f" {n.upper()} " for n in names[2:]], "catatan"]
    rows = []
    for i in range(3):
        row = fasilitas_row(f"F{i}")
        rows.append({"u": row["usage_id"], "o": row["office_code"], "c": f"note {i}",
                     **{n: row[n] for n in names[2:]}, "c2": "again"})
    path = write_csv(tmp_path / "fasilitas.csv", rows, header=header)
    result = load(con, "fasilitas", path)
    assert (result.exit_code, result.stored) == (0, 3), result.rejects
    assert result.extra_columns == ["Catatan"]  # once, though it is in every row (and twice in the header)
    assert fetch(con, "SELECT extra_columns FROM ingest_batches") == [("Catatan",)]
    assert fetch(con, "SELECT usage_id, facility FROM fasilitas ORDER BY 1")[0] == ("F0", "ruang_laktasi")


def test_columns_in_any_order(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    names = list(reversed(CONTRACT["kuota"].column_names))
    path = write_csv(tmp_path / "kuota.csv", [kuota_row()], header=names)
    path.write_text(",".join(names) + "\n" + ",".join(str(kuota_row()[n] or "") for n in names) + "\n")
    result = load(con, "kuota", path)
    assert result.exit_code == 0, result.rejects
    assert fetch(con, "SELECT office_code, lane, valid_from, daily_quota FROM kuota") == [
        ("JKT", "prioritas", dt.date(2026, 1, 1), 40)]


def test_xlsx_with_real_date_cells(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "antrian.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Ekspor")
    stamp = workbook.add_format({"num_format": "dd/mm/yyyy hh:mm"})
    names = CONTRACT["antrian"].column_names
    sheet.write_row(0, 0, [n.upper() for n in names])
    rows = [
        antrian_row("T1"),
        antrian_row("T2", issued_at=dt.datetime(2026, 5, 11, 0, 0), called_at=dt.datetime(2026, 5, 11, 0, 5),
                    service_start=None, service_end=None),
        antrian_row(1003, called_at=dt.datetime(2026, 5, 11, 7, 0), service_start=None, service_end=None),
    ]
    rows[0].update(issued_at=dt.datetime(2026, 5, 11, 8, 0), called_at=dt.datetime(2026, 5, 11, 8, 10, 0, 999000),
                   service_start="11/05/2026 08:12", service_end=dt.datetime(2026, 5, 11, 8, 20, 30))
    rows[2]["issued_at"] = dt.datetime(2026, 5, 11, 8, 0)
    for r, row in enumerate(rows, start=1):
        for c, name in enumerate(names):
            value = row[name]
            if isinstance(value, dt.datetime):
                sheet.write_datetime(r, c, value, stamp)
            elif value is not None:
                sheet.write(r, c, value)
    sheet.write_row(5, 0, [""] * 3)  # an empty row after the data, as formatting leaves
    workbook.close()
    result = load(con, "antrian", path)
    assert (result.rows, result.stored, result.rejected) == (3, 2, 1)
    assert [(r.row, r.column, r.value) for r in result.rejects] == [(4, "called_at", "2026-05-11 07:00:00")]
    assert fetch(con, "SELECT ticket_id, issued_at, called_at, service_start, service_end FROM antrian "
                     "ORDER BY 1") == [
        ("T1", dt.datetime(2026, 5, 11, 8, 0), dt.datetime(2026, 5, 11, 8, 10, 1), dt.datetime(2026, 5, 11, 8, 12),
         dt.datetime(2026, 5, 11, 8, 20, 30)),
        ("T2", dt.datetime(2026, 5, 11, 0, 0), dt.datetime(2026, 5, 11, 0, 5), None, None),
    ]


def test_xlsx_kuota_date_cells_and_openpyxl(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(CONTRACT["kuota"].column_names))
    sheet.append(["JKT", "prioritas", dt.date(2026, 1, 1), dt.datetime(2026, 6, 30), 40])
    sheet.append([None, None, None, None, None])  # a blank row in the middle: skipped, numbering kept
    sheet.append(["JKT", "reguler", "01/07/2026", None, 0])
    workbook.save(tmp_path / "kuota.xlsx")
    result = load(con, "kuota", tmp_path / "kuota.xlsx")
    assert (result.rows, result.stored, result.rejected, result.blank_rows) == (2, 1, 1, 1)
    assert [(r.row, r.column) for r in result.rejects] == [(4, "daily_quota")]
    assert fetch(con, "SELECT valid_from, valid_to, daily_quota FROM kuota") == [
        (dt.date(2026, 1, 1), dt.date(2026, 6, 30), 40)]


def test_parquet_typed_and_text_columns(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    wib = dt.timezone(dt.timedelta(hours=7))
    table = pa.table({
        "usage_id": ["F1", "F2", "F3"],
        "Office_Code": ["JKT", "JKT", "JKT"],
        "facility": ["ruang_laktasi", "kursi_roda", "lift"],
        "started_at": pa.array([dt.datetime(2026, 5, 11, 10, 0), dt.datetime(2026, 5, 11, 11, 0),
                                dt.datetime(2026, 5, 11, 12, 0)], type=pa.timestamp("ns")),
        # an instant with a time zone is converted to local office time (WIB)
        "ended_at": pa.array([dt.datetime(2026, 5, 11, 3, 30, tzinfo=dt.UTC), None,
                              dt.datetime(2026, 5, 11, 12, 30, tzinfo=wib)], type=pa.timestamp("us", tz="UTC")),
        "applicant_group": ["ibu_balita", None, "lansia"],
        "source_system": ["SIMKIM", "SIMKIM", "SIMKIM"],
    })
    pq.write_table(table, tmp_path / "fasilitas.parquet")
    result = load(con, "fasilitas", tmp_path / "fasilitas.parquet")
    assert (result.rows, result.stored, result.rejected, result.extra_columns) == (3, 2, 1, ["source_system"])
    assert [(r.row, r.column, r.value) for r in result.rejects] == [(4, "facility", "lift")]
    assert fetch(con, "SELECT usage_id, started_at, ended_at FROM fasilitas ORDER BY 1") == [
        ("F1", dt.datetime(2026, 5, 11, 10, 0), dt.datetime(2026, 5, 11, 10, 30)),
        ("F2", dt.datetime(2026, 5, 11, 11, 0), None),
    ]


# ------------------------------------------------------------------------------------------------ row numbers


def test_blank_lines_and_quoted_newlines_keep_row_numbers(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    names = CONTRACT["survei"].column_names
    lines = [",".join(names)]
    for rid, comment in (("S1", '"baris satu\nbaris dua"'), ("S2", "ok"), ("", ""), ("S3", "ok"), ("S4", "x")):
        row = survei_row(rid, comment=comment) if rid else None
        lines.append("" if row is None else ",".join("" if row[n] is None else str(row[n]) for n in names))
    lines[-1] = lines[-1].replace(",4,", ",7,", 1)  # S4: an answer out of range
    path = tmp_path / "survei.csv"
    path.write_text("\n".join(lines) + "\n\n")
    # Spreadsheet rows: 1 header, 2 S1 (two lines, one row), 3 S2, 4 empty, 5 S3, 6 S4
    result = load(con, "survei", path)
    assert (result.rows, result.stored, result.rejected, result.blank_rows) == (4, 3, 1, 1)
    assert [(r.row, r.column) for r in result.rejects] == [(6, "u1")]
    assert fetch(con, "SELECT comment FROM survei WHERE response_id = 'S1'") == [("baris satu\nbaris dua",)]


def test_quoted_newlines_without_blank_lines(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    rows = [survei_row("S1", comment="satu\ndua\ntiga"), survei_row("S2", u2=9), survei_row("S3")]
    result = load(con, "survei", write_csv(tmp_path / "s.csv", rows, "survei"))
    assert [(r.row, r.column) for r in result.rejects] == [(3, "u2")]
    assert result.stored == 2


def test_ragged_rows(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    names = CONTRACT["kuota"].column_names
    path = tmp_path / "kuota.csv"
    path.write_text(",".join(names) + "\n"
                    "JKT,prioritas,2026-01-01,,40\n"
                    "JKT,reguler,2026-01-01,,40,30\n"  # one cell too many: the row is rejected
                    "JKT,percepatan,2026-01-01\n"  # too few: the missing cells are empty
                    "JKT,prioritas,2026-02-01,,41,\n")  # a trailing empty cell is harmless
    result = load(con, "kuota", path)
    assert (result.rows, result.stored, result.rejected) == (4, 2, 2)
    assert [(r.row, r.column) for r in result.rejects] == [(3, "*"), (4, "daily_quota")]
    assert "lebih banyak dari baris judul" in result.rejects[0].reason


def test_row_numbers_exact_in_a_large_file(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    """DuckDB reads big files in parallel chunks; the numbering must still follow the file."""
    n = 120_000
    bad = {7, 65_432, n - 1}
    lines = [",".join(CONTRACT["fasilitas"].column_names)]
    for i in range(n):
        lines.append(f"F{i},JKT,{'kantin' if i in bad else 'kursi_roda'},2026-05-11 10:00,,lansia")
    path = tmp_path / "fasilitas.csv"
    path.write_text("\n".join(lines) + "\n")
    result = load(con, "fasilitas", path)
    assert (result.rows, result.stored, result.rejected) == (n, n - 3, 3)
    assert [r.row for r in result.rejects] == sorted(i + 2 for i in bad)
    assert [r.value for r in result.rejects] == ["kantin"] * 3


# ------------------------------------------------------------------------------------------------ refused


def refused(con: duckdb.DuckDBPyConnection, result: IngestResult) -> None:
    assert result.exit_code == 2 and result.refused
    assert result.stored == 0 and result.rows == result.rejected
    assert fetch(con, f"SELECT status, message FROM ingest_batches WHERE batch_id = {result.batch_id}") == [
        ("ditolak", result.refused)]
    for table in CONTRACT:
        assert count(con, table) == 0


def test_missing_column_refuses_the_whole_file_naming_it(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    names = [n for n in CONTRACT["antrian"].column_names if n not in ("counter", "status")]
    rows = [{n: antrian_row(f"T{i}")[n] for n in names} for i in range(4)]
    result = load(con, "antrian", write_csv(tmp_path / "a.csv", rows, header=names))
    refused(con, result)
    assert "counter" in result.refused and "status" in result.refused
    assert (result.rows, result.rejected) == (4, 4)
    assert [(r.row, r.column) for r in result.rejects] == [(1, "counter"), (1, "status")]
    check_nothing_lost(con, result)


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\n\n", b"   \n"], ids=["zero", "bom", "lines", "spaces"])
def test_empty_file_is_refused(con: duckdb.DuckDBPyConnection, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "kosong.csv"
    path.write_bytes(content)
    result = load(con, "antrian", path)
    refused(con, result)
    assert "kosong" in result.refused and result.rows == 0


def test_header_only_file_is_refused(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    for name, content in (("judul.csv", ",".join(CONTRACT["antrian"].column_names) + "\n"),
                          ("judul_kosong.csv", ",".join(CONTRACT["antrian"].column_names) + "\n,,,,,,,,,,,,\n")):
        path = tmp_path / name
        path.write_text(content)
        result = load(con, "antrian", path)
        refused(con, result)
        assert "hanya baris judul" in result.refused


def test_empty_xlsx_and_parquet_are_refused(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    import openpyxl

    openpyxl.Workbook().save(tmp_path / "kosong.xlsx")
    refused(con, load(con, "kuota", tmp_path / "kosong.xlsx"))
    pq.write_table(pa.table({c: pa.array([], type=pa.string()) for c in CONTRACT["kuota"].column_names}),
                   tmp_path / "kosong.parquet")
    result = load(con, "kuota", tmp_path / "kosong.parquet")
    refused(con, result)
    assert "hanya baris judul" in result.refused


def test_non_utf8_file_is_refused(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    rows = [antrian_row("T1"), antrian_row("T2", officer_id="Andrés")]
    path = write_csv(tmp_path / "latin1.csv", rows, "antrian", encoding="latin-1")
    result = load(con, "antrian", path)
    refused(con, result)
    assert "UTF-8" in result.refused


def test_unsupported_extension_and_missing_file_are_refused(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    path = tmp_path / "antrian.json"
    path.write_text("[]")
    result = load(con, "antrian", path)
    refused(con, result)
    assert "tidak didukung" in result.refused and ".json" in result.refused
    result = load(con, "antrian", tmp_path / "tidak_ada.csv")
    refused(con, result)


def test_corrupt_xlsx_and_parquet_are_refused(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    for name in ("rusak.xlsx", "rusak.parquet"):
        (tmp_path / name).write_bytes(b"this is not a real file")
        result = load(con, "antrian", tmp_path / name)
        refused(con, result)
        assert "tidak dapat dibaca" in result.refused


def test_unknown_kind_is_an_error(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="jenis data tidak dikenal"):
        ingest_file(con, "pengunjung", tmp_path / "x.csv")


# ------------------------------------------------------------------------------------------------ frames


def test_load_frame_goes_through_the_same_rules(con: duckdb.DuckDBPyConnection) -> None:
    import pandas as pd

    frame = pd.DataFrame([antrian_row("T1"), antrian_row("T2", status="hilang")], dtype=object)
    result = ingester.load_frame(con, "antrian", frame, "demo-antrian", who="demo")
    assert (result.rows, result.stored, result.rejected) == (2, 1, 1)
    assert [(r.row, r.column) for r in result.rejects] == [(3, "status")]
    assert result.as_json()["rejects"][0]["column"] == "status"


def test_the_contract_document_names_every_column_in_both_languages() -> None:
    text = (Path(__file__).resolve().parent.parent / "docs" / "data-contract.md").read_text(encoding="utf-8")
    indonesian, english = text.split("## English", 1)
    for part in (indonesian, english):
        for kind in CONTRACT.values():
            assert f"#### {kind.name}" in part
            for column in kind.column_names:
                assert f"| `{column}` |" in part, (kind.name, column)
