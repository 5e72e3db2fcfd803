"""The write side of the Data, Pengaturan and Pengguna pages (kancil/admin/changes.py), the kind guesser
(kancil/ingest/guess.py) and the three queries of those pages, on copies of the hand-made fixture store.

Fixture facts used below (tests/fixtures.py): week of 11-16 May 2026, 14 May Ascension Day, 15 May its cuti
bersama, 16 May a Saturday "Paspor Simpatik" service day, so the working days are 11, 12, 13, 18, 19, 20 May.
TST prioritas quota: 2 per day from 1 Jan to 12 May, 3 per day from 13 May (open-ended); reguler 10 per day.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from kancil.admin import changes, uploads
from kancil.contract import CONTRACT, KINDS
from kancil.filters import Filters
from kancil.ingest.guess import guess_file, guess_kind, missing_columns, read_header
from kancil.store import connection, settings
from kancil.store.sql import one
from tests.helpers import run_query, store_summary

WEEKS = Filters(dt.date(2026, 5, 11), dt.date(2026, 5, 20), office="TST")
ANTRIAN_HEADER = ";".join(CONTRACT["antrian"].column_names)


@pytest.fixture
def db(metrics_db: Path, tmp_path: Path) -> Path:
    """A private copy of the fixture store: these tests write."""
    copy = tmp_path / "store.duckdb"
    shutil.copy(metrics_db, copy)
    return copy


def summary(db: Path, filters: Filters = WEEKS) -> dict:
    return store_summary(db, filters)


def ticket_line(tid: str, status: str = "selesai", counter: str = "P1") -> str:
    return (f"{tid};TST;prioritas;lansia;baru;langsung;2026-05-19 08:00;2026-05-19 08:05;2026-05-19 08:06;"
            f"2026-05-19 08:10;{counter};PTG01;{status}")


def csv_bytes(*lines: str, header: str = ANTRIAN_HEADER) -> bytes:
    return ("\n".join([header, *lines]) + "\n").encode("utf-8")


# ------------------------------------------------------------------------------------------------ guessing


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_is_guessed_from_its_header(kind):
    columns = list(CONTRACT[kind].column_names)
    assert guess_kind(columns) == kind
    # order, case, spaces, a byte-order mark and extra columns do not matter
    messy = [" \ufeff" + columns[-1].upper() + " ", *reversed(columns[:-1]), "catatan"]
    assert guess_kind(messy) == kind


def test_an_unknown_or_incomplete_header_has_no_guess():
    assert guess_kind(["nama", "tanggal", "nilai"]) is None
    assert guess_kind([]) is None
    assert guess_kind(list(CONTRACT["antrian"].column_names)[:-1]) is None  # status missing
    assert missing_columns(list(CONTRACT["antrian"].column_names)[:-1], "antrian") == ["status"]


def test_the_kind_with_most_matching_columns_wins():
    # a header holding every kuota column (5) and every fasilitas column (6): fasilitas has more
    header = [*CONTRACT["kuota"].column_names, *CONTRACT["fasilitas"].column_names]
    assert guess_kind(header) == "fasilitas"


def test_header_is_read_from_csv_xlsx_and_parquet():
    columns = list(CONTRACT["survei"].column_names)
    assert read_header("s.csv", ("\ufeff" + ";".join(columns) + "\nR1;TST\n").encode()) == columns
    assert guess_file("s.csv", (",".join(columns) + "\n").encode()) == "survei"
    xlsx = io.BytesIO()
    pd.DataFrame([["F1", "TST", "kursi_roda", "2026-05-11 09:00", None, None]],
                 columns=list(CONTRACT["fasilitas"].column_names)).to_excel(xlsx, index=False, engine="xlsxwriter")
    assert guess_file("f.xlsx", xlsx.getvalue()) == "fasilitas"
    parquet = io.BytesIO()
    pq.write_table(pa.table({c: ["x"] for c in CONTRACT["kuota"].column_names}), parquet)
    assert guess_file("k.parquet", parquet.getvalue()) == "kuota"
    assert guess_file("broken.xlsx", b"not a workbook") is None
    assert guess_file("notes.pdf", b"%PDF") is None


# ------------------------------------------------------------------------------------------------ uploads


def test_an_upload_is_stored_and_its_batch_names_the_user(db):
    result = uploads.ingest_upload("antrian-19mei.csv", csv_bytes(ticket_line("Z1"), ticket_line("Z2")), "antrian",
                                 "budi", db)
    assert (result.rows, result.stored, result.rejected, result.refused) == (2, 2, 0, None)
    with connection.reader(db) as con:
        assert one(con, "SELECT count(*) FROM antrian")[0] == 8 + 2
        batch = one(con, "SELECT file_name, kind, loaded_by, status FROM ingest_batches WHERE batch_id = $b",
                          {"b": result.batch_id})
    assert batch == ("antrian-19mei.csv", "antrian", "budi", "dimuat")


def test_the_file_name_is_reduced_to_its_base_name(db):
    assert uploads.safe_file_name("../../etc/x.csv") == "x.csv"
    assert uploads.safe_file_name("C:\\Users\\budi\\antrian.csv") == "antrian.csv"
    assert uploads.safe_file_name("..") == "unggahan"
    result = uploads.ingest_upload("../../antrian\x00.csv", csv_bytes(ticket_line("Z1")), "antrian", "budi", db)
    assert result.file == "antrian.csv" and result.stored == 1


def test_a_bad_row_is_rejected_with_its_reason_and_the_rest_stored(db):
    data = csv_bytes(ticket_line("Z1"), ticket_line("Z2", status="hilang", counter="=HYPERLINK(1)"))
    result = uploads.ingest_upload("a.csv", data, "antrian", "budi", db)
    assert (result.rows, result.stored, result.rejected) == (2, 1, 1)
    problems = uploads.rejects_frame(result)
    assert problems[["row", "column", "value"]].values.tolist() == [[3, "status", "hilang"]]
    assert "kode tidak dikenal" in problems["reason"][0]
    # the rejected row as it was, with its row number and reason, neutralised for a spreadsheet
    text = uploads.rejected_rows_csv("a.csv", data, result)
    assert text.startswith("\ufeff".encode())
    rows = pd.read_csv(io.BytesIO(text), encoding="utf-8-sig", dtype=str)
    assert rows["baris"].tolist() == ["3"] and rows["ticket_id"].tolist() == ["Z2"]
    assert "status" in rows["alasan"][0] and rows["counter"][0] == "'=HYPERLINK(1)"


def test_rejected_rows_of_an_xlsx_upload_keep_their_spreadsheet_row(db):
    columns = list(CONTRACT["fasilitas"].column_names)
    rows = [["F8", "TST", "kursi_roda", "2026-05-19 09:00", None, None],
            ["F9", "TST", "lift", "2026-05-19 10:00", None, "lansia"]]
    xlsx = io.BytesIO()
    pd.DataFrame(rows, columns=columns).to_excel(xlsx, index=False, engine="xlsxwriter")
    result = uploads.ingest_upload("fasilitas.xlsx", xlsx.getvalue(), "fasilitas", "budi", db)
    assert (result.rows, result.stored, result.rejected) == (2, 1, 1)
    back = pd.read_csv(io.BytesIO(uploads.rejected_rows_csv("fasilitas.xlsx", xlsx.getvalue(), result)), dtype=str,
                       encoding="utf-8-sig")
    assert back[["baris", "usage_id", "facility", "applicant_group"]].values.tolist() == [["3", "F9", "lift", "lansia"]]


def test_a_file_missing_a_column_is_refused_whole(db):
    header = ANTRIAN_HEADER.replace(";status", "")
    data = csv_bytes(ticket_line("Z1").rsplit(";", 1)[0], header=header)
    result = uploads.ingest_upload("a.csv", data, "antrian", "budi", db)
    assert result.refused and "status" in result.refused and result.stored == 0
    assert missing_columns(read_header("a.csv", data), "antrian") == ["status"]
    with connection.reader(db) as con:
        assert one(con, "SELECT count(*) FROM antrian")[0] == 8
        assert one(con, "SELECT status, loaded_by FROM ingest_batches WHERE batch_id = $b",
                         {"b": result.batch_id}) == ("ditolak", "budi")


def test_wrong_type_and_oversized_uploads_are_refused_before_reading(db):
    wrong = uploads.ingest_upload("laporan.exe", b"MZ", "antrian", "budi", db)
    assert wrong.refused == "laporan.exe: jenis berkas .exe tidak didukung; gunakan .csv, .xlsx, .parquet."
    big = uploads.ingest_upload("a.csv", csv_bytes(ticket_line("Z1")) + b" " * (1024 * 1024), "antrian", "budi", db,
                              max_mb=1)
    assert big.refused and "melebihi batas 1 MB" in big.refused
    assert uploads.upload_problem("a.csv", 0).key == "data.empty_file"
    assert uploads.upload_problem("a.CSV", 10) is None
    with connection.reader(db) as con:  # nothing recorded, nothing stored
        assert one(con, "SELECT count(*) FROM ingest_batches")[0] == 5


# ------------------------------------------------------------------------------------------------ quotas


def test_a_new_quota_period_closes_the_running_one_the_day_before(db):
    before = summary(db)["quota"]["prioritas"]
    # quota days 11, 12 (2 each), 13, 18, 19, 20 (3 each): 16; tickets on quota days: 3 + 1 = 4
    assert before == {"days": 6, "over_quota_days": 1, "over_quota_share": pytest.approx(1 / 6),
                      "fill_rate": pytest.approx(4 / 16)}
    with connection.writer(db) as con:
        change = changes.add_quota_period(con, "sri", "TST", "prioritas", dt.date(2026, 5, 19), None, 5)
        periods = con.execute("SELECT valid_from, valid_to, daily_quota FROM kuota WHERE office_code = 'TST' "
                              "AND lane = 'prioritas' ORDER BY valid_from").fetchall()
        who = con.execute("SELECT DISTINCT loaded_by FROM ingest_batches WHERE batch_id > 5").fetchall()
    assert change.closed == {"office_code": "TST", "lane": "prioritas", "valid_from": dt.date(2026, 5, 13),
                             "daily_quota": 3, "valid_to": dt.date(2026, 5, 18)}
    assert periods == [(dt.date(2026, 1, 1), dt.date(2026, 5, 12), 2), (dt.date(2026, 5, 13), dt.date(2026, 5, 18), 3),
                       (dt.date(2026, 5, 19), None, 5)]
    assert who == [("sri",)]
    # 19 and 20 May now 5 each: 2 + 2 + 3 + 3 + 5 + 5 = 20
    assert summary(db)["quota"]["prioritas"] == {"days": 6, "over_quota_days": 1,
                                                 "over_quota_share": pytest.approx(1 / 6),
                                                 "fill_rate": pytest.approx(4 / 20)}


def test_a_period_with_an_end_date_is_temporary(db):
    with connection.writer(db) as con:
        change = changes.add_quota_period(con, "sri", "TST", "prioritas", dt.date(2026, 5, 19), dt.date(2026, 5, 19), 7)
    assert change.closed is None
    # 19 May 7 instead of 3, 20 May back to the running 3: 2 + 2 + 3 + 3 + 7 + 3 = 20
    assert summary(db)["quota"]["prioritas"]["fill_rate"] == pytest.approx(4 / 20)


def test_a_quota_period_is_checked_before_it_is_stored(db):
    with connection.writer(db) as con:
        with pytest.raises(changes.AdminError) as order:
            changes.add_quota_period(con, "sri", "TST", "prioritas", dt.date(2026, 5, 19), dt.date(2026, 5, 1), 5)
        with pytest.raises(changes.AdminError):
            changes.add_quota_period(con, "sri", " ", "prioritas", dt.date(2026, 5, 19), None, 5)
        with pytest.raises(changes.AdminError):
            changes.add_quota_period(con, "sri", "TST", "vip", dt.date(2026, 5, 19), None, 5)
        # the same start corrects the stored period (replaced by its key), nothing is closed
        change = changes.add_quota_period(con, "sri", "TST", "reguler", dt.date(2026, 1, 1), None, 12)
        assert change.added.replaced == 1 and change.closed is None
    assert order.value.key == "pengaturan.err.period_order"
    assert str(order.value) == "Tanggal akhir tidak boleh sebelum tanggal mulai."


# ------------------------------------------------------------------------------------------------ calendar


def test_a_closed_day_leaves_the_quota_days_and_is_recorded(db):
    assert summary(db)["quota"]["prioritas"]["days"] == 6
    with connection.writer(db) as con:
        changes.add_calendar_day(con, "sri", "TST", dt.date(2026, 5, 12), "tutup", "Pemadaman listrik")
        history = con.execute("SELECT office_code, tanggal, jenis, keterangan, action, changed_by "
                              "FROM kalender_riwayat").fetchall()
        with pytest.raises(changes.AdminError):
            changes.add_calendar_day(con, "sri", "TST", dt.date(2026, 5, 12), "tutup", None)
    assert history == [("TST", dt.date(2026, 5, 12), "tutup", "Pemadaman listrik", "tambah", "sri")]
    after = summary(db)["quota"]["prioritas"]
    assert after["days"] == 5  # 12 May is no longer a quota day (and its ticket T4 no longer counts)
    assert after["fill_rate"] == pytest.approx(3 / 14)  # 11 May: 3 tickets; quota 2 + 3 + 3 + 3 + 3
    with connection.writer(db) as con:
        changes.remove_calendar_day(con, "sri", "TST", dt.date(2026, 5, 12), "tutup")
        actions = [r[0] for r in con.execute("SELECT action FROM kalender_riwayat ORDER BY changed_at").fetchall()]
        with pytest.raises(changes.AdminError):
            changes.remove_calendar_day(con, "sri", "TST", dt.date(2026, 5, 12), "tutup")
    assert actions == ["tambah", "hapus"]
    assert summary(db)["quota"]["prioritas"]["days"] == 6


def test_a_day_for_all_offices_applies_to_every_office(db):
    oth = WEEKS.replace(office="OTH")
    assert summary(db, oth)["quota"]["prioritas"]["days"] == 6
    with connection.writer(db) as con:
        changes.add_calendar_day(con, "sri", None, dt.date(2026, 5, 20), "tutup", "Rapat kerja")
    assert summary(db, oth)["quota"]["prioritas"]["days"] == 5
    assert summary(db)["quota"]["prioritas"]["days"] == 5


# ------------------------------------------------------------------------------------------------ settings


def test_a_target_change_is_versioned(db):
    with connection.writer(db) as con:
        assert changes.change_setting(con, "sri", "target_wait_prioritas", 20) is True
        assert changes.change_setting(con, "sri", "target_wait_prioritas", "20") is False  # same value: no record
        with pytest.raises(changes.AdminError):
            changes.change_setting(con, "sri", "target_wait_prioritas", 0)
        with pytest.raises(changes.AdminError):
            changes.change_setting(con, "sri", "usia_lansia", 60.5)
        assert settings.get_setting(con, "target_wait_prioritas") == "20"
        rows = con.execute("SELECT key, old_value, new_value, changed_by FROM pengaturan_riwayat").fetchall()
    assert rows == [("target_wait_prioritas", "15", "20", "sri")]


def _workdays_a1(db: Path) -> int:
    """Working days of application A1 (submitted 13 May, issued 18 May), read from the calendar."""
    with connection.reader(db) as con:
        return one(con, """SELECT b.workday_index - a.workday_index FROM hari_kerja a, hari_kerja b
                                 WHERE a.office_code = 'TST' AND b.office_code = 'TST'
                                   AND a.tanggal = DATE '2026-05-13' AND b.tanggal = DATE '2026-05-18'""")[0]


def test_cuti_bersama_as_a_working_day_lengthens_completion(db):
    first_week = Filters(dt.date(2026, 5, 11), dt.date(2026, 5, 13), office="TST", lane="prioritas")
    # A1 13 -> 18 May: 14 holiday, 15 cuti bersama, 16-17 weekend: 1 working day; A2 2; A3 0: median 1
    assert _workdays_a1(db) == 1
    assert summary(db, first_week)["completion_workdays"]["prioritas"]["median"] == 1.0
    with connection.writer(db) as con:
        assert changes.change_setting(con, "sri", "cuti_bersama_hari_kerja", True)
    # 15 May now counts: A1 takes 2 working days; A1 2, A2 2, A3 0: median 2
    assert _workdays_a1(db) == 2 == _stored_completion(db)["A1"]
    assert summary(db, first_week)["completion_workdays"]["prioritas"]["median"] == 2.0
    with connection.writer(db) as con:
        assert changes.change_setting(con, "sri", "cuti_bersama_hari_kerja", "false")
    assert _workdays_a1(db) == 1


def _stored_completion(db: Path) -> dict[str, int | None]:
    """Each application's stored completion_workdays (migration 4), checked against the calendar join it replaces."""
    with connection.reader(db) as con:
        rows = con.execute("""
            SELECT p.application_id, p.completion_workdays, hi.workday_index - hs.workday_index
            FROM permohonan p
            LEFT JOIN hari_kerja hs ON hs.office_code = p.office_code AND hs.tanggal = CAST(p.submitted_at AS DATE)
            LEFT JOIN hari_kerja hi ON hi.office_code = p.office_code AND hi.tanggal = CAST(p.issued_at AS DATE)
            ORDER BY 1""").fetchall()
    assert [r[1] for r in rows] == [r[2] for r in rows]  # the stored value is always the join's
    return {r[0]: r[1] for r in rows}


def test_stored_completion_follows_every_calendar_change(db):
    # A1 13 -> 18 May: 1 working day (14 holiday, 15 cuti bersama, weekend); A2 2; A3 (percepatan) 0.
    before = _stored_completion(db)
    assert (before["A1"], before["A2"], before["A3"]) == (1, 2, 0)
    with connection.writer(db) as con:  # an extra closed day on Monday 18 May at TST: A1 is issued on a closed day
        changes.add_calendar_day(con, "sri", "TST", dt.date(2026, 5, 18), "tutup", "listrik padam")
    assert _stored_completion(db)["A1"] == 0  # 18 May no longer counts: 0 working days after 13 up to 18 May
    with connection.writer(db) as con:
        changes.remove_calendar_day(con, "sri", "TST", dt.date(2026, 5, 18), "tutup")
    assert _stored_completion(db) == before
    with connection.writer(db) as con:  # a closed day at another office changes nothing here
        changes.add_calendar_day(con, "sri", "LAIN", dt.date(2026, 5, 18), "tutup")
    assert _stored_completion(db) == before


# ------------------------------------------------------------------------------------------------ accounts


def test_accounts_are_created_checked_and_listed_without_hashes(db):
    with connection.writer(db, bump=False) as con:
        changes.create_account(con, "root", "admin1", "admin", "Admin Satu", "rahasia-panjang", "rahasia-panjang")
        changes.create_account(con, "root", "Sri@Imigrasi.go.id", "supervisor", "Sri", sso=True)
        problems = {
            "pengguna.err.mismatch": dict(username="a2", role="auditor", password="rahasia-panjang",
                                       password_again="rahasia-lain!"),
            "pengguna.err.short": dict(username="a2", role="auditor", password="pendek", password_again="pendek"),
            "pengguna.err.exists": dict(username="ADMIN1", role="auditor", password="rahasia-panjang",
                                     password_again="rahasia-panjang"),
            "pengguna.err.sso_email": dict(username="sri", role="supervisor", password=None, password_again=None,
                                        sso=True),
            "pengguna.err.role": dict(username="a2", role="root", password="rahasia-panjang",
                                   password_again="rahasia-panjang"),
        }
        for key, values in problems.items():
            with pytest.raises(changes.AdminError) as exc:
                changes.create_account(con, "root", display_name=None, **values)
            assert exc.value.key == key
        table = changes.list_accounts(con)
    assert "password_hash" not in table.columns
    assert table[["username", "role", "sso", "active", "created_by"]].values.tolist() == [
        ["admin1", "admin", False, True, "root"], ["sri@imigrasi.go.id", "supervisor", True, True, "root"]]


def test_an_admin_cannot_lock_out_themselves_or_the_last_admin(db):
    with connection.writer(db, bump=False) as con:
        changes.create_account(con, "root", "admin1", "admin", None, "rahasia-panjang", "rahasia-panjang")
        changes.create_account(con, "root", "kepala", "kepala_kantor", None, "rahasia-panjang", "rahasia-panjang")
        with pytest.raises(changes.AdminError) as own:
            changes.change_active(con, "admin1", "admin1", False)
        with pytest.raises(changes.AdminError) as last:
            changes.change_active(con, "someone-else", "admin1", False)
        changes.change_active(con, "admin1", "kepala", False)
        assert one(con, "SELECT active FROM pengguna WHERE username = 'kepala'")[0] is False
        changes.change_active(con, "admin1", "kepala", True)
        assert one(con, "SELECT active FROM pengguna WHERE username = 'kepala'")[0] is True
    assert own.value.key == "pengguna.err.self" and last.value.key == "pengguna.err.last_admin"


# ------------------------------------------------------------------------------------------------ queries


def test_ingest_history_lists_batches_newest_first(metrics_db):
    history = run_query(metrics_db, "ingest_history", limit=3)
    # the fixture loads kuota, antrian, permohonan, survei, fasilitas in that order (batches 1-5)
    assert history["file_name"].tolist() == ["fixture-fasilitas", "fixture-survei", "fixture-permohonan"]
    assert history[["rows", "stored", "rejected", "status", "loaded_by"]].iloc[2].tolist() == [
        7, 7, 0, "dimuat", "test"]


def test_freshness_by_kind(metrics_db):
    fresh = run_query(metrics_db, "freshness_by_kind").set_index("kind")
    assert fresh.index.tolist() == list(KINDS)
    # newest: T5 issued 16 May 09:00; A1 submitted 13 May 10:00; S3 12 May 12:00; F2 12 May 11:00; kuota from 13 May
    assert fresh["stored_rows"].tolist() == [8, 7, 3, 3, 4, 0]  # the fixture has no kantor file: TST is WIB
    assert fresh["newest_data"].tolist()[:5] == [pd.Timestamp(x) for x in (
        "2026-05-16 09:00", "2026-05-13 10:00", "2026-05-12 12:00", "2026-05-12 11:00", "2026-05-13")]
    assert pd.isna(fresh["newest_data"].iloc[5]) and pd.isna(fresh["last_file"].iloc[5])
    assert fresh["last_file"].tolist()[:5] == [f"fixture-{k}" for k in KINDS[:5]]
    assert fresh["last_loaded_by"].iloc[:5].eq("test").all()


def test_settings_history_unions_settings_calendar_and_quotas(db):
    history = run_query(db, "settings_history", limit=50)
    assert history[["area", "item", "new_value"]].values.tolist() == [["kuota", "fixture-kuota",
                                                                       "4 periode (0 mengganti)"]]
    with connection.writer(db) as con:
        changes.add_quota_period(con, "sri", "TST", "prioritas", dt.date(2026, 5, 19), None, 5)
        changes.change_setting(con, "sri", "target_wait_reguler", 45)
        changes.add_calendar_day(con, "sri", None, dt.date(2026, 5, 20), "tutup", "Rapat")
    history = run_query(db, "settings_history", limit=50)
    rows = history[["changed_by", "area", "item", "old_value", "new_value"]].fillna("—").values.tolist()
    assert rows[:2] == [["sri", "kalender", "2026-05-20 · *", "—", "tutup: Rapat"],
                        ["sri", "pengaturan", "target_wait_reguler", "60", "45"]]
    # the two quota batches of the change: the closed running period, then the new one (newest first)
    assert rows[2:4] == [["sri", "kuota", "pengaturan", "—", "TST prioritas 2026-05-13 – 2026-05-18: 3"],
                         ["sri", "kuota", "pengaturan", "—", "TST prioritas 2026-05-19 – …: 5"]]
    assert len(run_query(db, "settings_history", limit=2)) == 2


def test_a_setting_whose_calendar_rebuild_fails_is_not_changed(db, monkeypatch):
    """The setting, its history row and the calendar are one transaction: a failing rebuild leaves all three."""
    from kancil.store import calendar

    def broken(con):
        raise RuntimeError("rebuild gagal")

    with connection.reader(db) as con:
        before = (settings.get_setting(con, "cuti_bersama_hari_kerja"),
                  con.execute("SELECT count(*) FROM pengaturan_riwayat").fetchall())
    monkeypatch.setattr(calendar, "rebuild", broken)
    with connection.writer(db) as con:
        with pytest.raises(RuntimeError, match="rebuild gagal"):
            changes.change_setting(con, "sri", "cuti_bersama_hari_kerja", "true")
        # the same connection goes on outside any transaction, seeing nothing of the failed change
        assert settings.get_setting(con, "cuti_bersama_hari_kerja") == "false"
    with connection.reader(db) as con:
        assert (settings.get_setting(con, "cuti_bersama_hari_kerja"),
                con.execute("SELECT count(*) FROM pengaturan_riwayat").fetchall()) == before
        assert before[0] == "false"
