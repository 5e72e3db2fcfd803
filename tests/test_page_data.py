"""The Data page: uploading export files in the browser, the outcome per file, the history and freshness.

Uploads write, so every test that uploads works on its own copy of the fixture store (8 antrian rows, 5 batches).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit import config

from kancil.contract import CONTRACT
from kancil.store import connection
from kancil.store.sql import one
from tests.helpers import app_test

PAGE = "views/data.py"
HEADER = ";".join(CONTRACT["antrian"].column_names)
GOOD = ("Z1;TST;prioritas;lansia;baru;langsung;2026-05-19 08:00;2026-05-19 08:05;2026-05-19 08:06;2026-05-19 08:10;"
        "P1;PTG01;selesai")
BAD = GOOD.replace("Z1", "Z2").replace("selesai", "hilang")


@pytest.fixture
def db(metrics_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store.duckdb"
    shutil.copy(metrics_db, copy)
    return copy


def upload(at, *files: tuple[str, bytes]):
    at.file_uploader[0].set_value([(name, data, "text/csv") for name, data in files]).run()
    return at


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def kind_boxes(at) -> list:
    return [s for s in at.selectbox if (s.key or "").startswith("data_kind_")]


@pytest.mark.parametrize("role", ["kepala_kantor", "auditor"])
def test_roles_without_data_import_are_refused(metrics_db, role):
    at = app_test(metrics_db, role=role, page=PAGE)
    assert not at.exception
    assert any("tidak tersedia untuk peran" in e.value for e in at.error)
    assert not at.file_uploader


@pytest.mark.parametrize("role", ["supervisor", "admin"])
def test_supervisor_and_admin_see_the_page(metrics_db, role):
    at = app_test(metrics_db, role=role, page=PAGE)
    assert not at.exception and not at.error
    assert at.title[0].value == "Data"
    assert at.file_uploader[0].accept_multiple_files
    assert set(at.file_uploader[0].allowed_type) == {".csv", ".xlsx", ".parquet"}
    assert any("Paling besar 50 MB per berkas" in c.value for c in at.caption)
    # freshness per kind (contract order) and the history of the 5 fixture batches, newest first
    fresh, history = at.dataframe[0].value, at.dataframe[1].value
    assert fresh["Baris tersimpan"].tolist() == ["8", "7", "3", "3", "4", "0"]  # no kantor file: TST is WIB
    assert fresh["Data terbaru"].tolist()[0] == "16 Mei 2026 09.00 WIB"  # a time of the office's file, its zone
    assert history["Berkas"].tolist()[0] == "fixture-fasilitas" and len(history) == 5


def test_an_upload_is_guessed_loaded_and_recorded_with_the_user(db):
    at = upload(app_test(db, role="supervisor", page=PAGE), ("../tmp/antrian mei.csv", f"{HEADER}\n{GOOD}\n".encode()))
    assert not at.exception
    assert [s.value for s in kind_boxes(at)] == ["antrian"]  # guessed from the header
    at.button(key="data_load").click().run()
    assert not at.exception
    assert metrics(at) == {"Baris": "1", "Diterima": "1", "Mengganti": "0", "Ditolak": "0"}
    assert any(s.value == "Semua baris diterima." for s in at.success)
    assert "antrian mei.csv" in [t.value for t in at.text]
    with connection.reader(db) as con:
        assert one(con, "SELECT count(*) FROM antrian")[0] == 9
        assert one(con, "SELECT file_name, loaded_by FROM ingest_batches ORDER BY batch_id DESC LIMIT 1") == (
            "antrian mei.csv", "test-supervisor")
    history = at.dataframe[-1].value
    assert history[["Berkas", "Oleh", "Status"]].iloc[0].tolist() == ["antrian mei.csv", "test-supervisor", "dimuat"]
    assert not kind_boxes(at)  # the upload widget was emptied: loading twice needs a new upload
    at.button(key="data_clear").click().run()  # "Tutup hasil": the results go, the uploader takes the next file
    assert not at.exception and not at.metric and "data_results" not in at.session_state
    upload(at, ("antrian juni.csv", f"{HEADER}\n{GOOD.replace('Z1', 'Z3')}\n".encode()))
    assert [s.value for s in kind_boxes(at)] == ["antrian"]


def test_a_bad_row_is_shown_with_its_reason_and_offered_as_csv(db):
    at = upload(app_test(db, role="supervisor", page=PAGE), ("a.csv", f"{HEADER}\n{GOOD}\n{BAD}\n".encode()))
    at.button(key="data_load").click().run()
    assert not at.exception
    assert metrics(at) == {"Baris": "2", "Diterima": "1", "Mengganti": "0", "Ditolak": "1"}
    assert any("1 baris ditolak" in w.value for w in at.warning)
    problems = at.dataframe[0].value
    assert problems[["Baris", "Kolom", "Nilai"]].values.tolist() == [[3, "status", "hilang"]]
    assert "kode tidak dikenal" in problems["Alasan"][0]
    assert any(b.label.startswith("Unduh baris yang ditolak") for b in at.get("download_button"))


def test_a_file_missing_a_column_is_refused_naming_it(db):
    header = HEADER.replace(";counter", "")
    row = GOOD.replace(";P1;", ";")
    at = upload(app_test(db, role="supervisor", page=PAGE), ("a.csv", f"{header}\n{row}\n".encode()))
    # no kind fits the header: the user chooses one, the load button waits for it
    assert [s.value for s in kind_boxes(at)] == [None]
    assert at.button(key="data_load").disabled
    kind_boxes(at)[0].set_value("antrian").run()
    at.button(key="data_load").click().run()
    assert not at.exception
    assert any("kolom wajib tidak ada di baris judul: `counter`" in e.value for e in at.error)
    assert not at.metric
    with connection.reader(db) as con:
        assert one(con, "SELECT count(*) FROM antrian")[0] == 8


def test_several_files_of_different_kinds_at_once(db):
    kuota = "office_code,lane,valid_from,valid_to,daily_quota\nTST,percepatan,2026-05-18,,4\n"
    at = upload(app_test(db, role="admin", page=PAGE), ("a.csv", f"{HEADER}\n{GOOD}\n".encode()),
                ("kuota.csv", kuota.encode()))
    assert [s.value for s in kind_boxes(at)] == ["antrian", "kuota"]
    assert at.button(key="data_load").label == "Muat 2 berkas"
    at.button(key="data_load").click().run()
    assert not at.exception
    assert [m.value for m in at.metric if m.label == "Diterima"] == ["1", "1"]
    with connection.reader(db) as con:
        assert one(con, "SELECT daily_quota FROM kuota WHERE lane = 'percepatan'") == (4,)


def test_an_oversized_file_is_explained_and_not_loaded(db):
    limit = config.get_option("server.maxUploadSize")
    config.set_option("server.maxUploadSize", 1)
    try:
        at = upload(app_test(db, role="supervisor", page=PAGE),
                    ("besar.csv", f"{HEADER}\n{GOOD}\n".encode() + b" " * (1024 * 1024)))
        assert not at.exception
        assert any("melebihi batas 1 MB" in e.value for e in at.error)
        assert at.button(key="data_load").disabled
    finally:
        config.set_option("server.maxUploadSize", limit)


def in_english(at):
    """Switch the session to English after the page switch (AppTest runs only the page after switch_page; a link's
    ?bahasa=en on the first run trips AppTest, which re-formats the sidebar's choices outside the run)."""
    at.session_state["f_lang"] = "en"
    return at.run()


def test_the_page_in_english(metrics_db):
    at = in_english(app_test(metrics_db, role="supervisor", page=PAGE))
    assert not at.exception
    assert at.title[0].value == "Data"
    assert [s.value for s in at.subheader] == ["Data freshness per kind", "Load history"]
    assert at.dataframe[0].value["Kind"].tolist()[0] == "Queue (tickets)"


def test_an_unreadable_file_has_its_real_reason_as_the_headline(db):
    """A UTF-16 CSV and a CSV named .xlsx: before, the headline said every contract column was missing."""
    utf16 = f"{HEADER.replace(';', ',')}\r\n{GOOD.replace(';', ',')}\r\n".encode("utf-16")
    at = upload(app_test(db, role="supervisor", page=PAGE), ("antrian.csv", utf16),
                ("antrian.xlsx", f"{HEADER}\n{GOOD}\n".encode()))
    for box in kind_boxes(at):
        box.set_value("antrian")
    at.run()
    at.button(key="data_load").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        'Berkas ditolak seluruhnya: bukan teks UTF-8 (mis. disimpan sebagai UTF-16 "Teks Unicode" atau ANSI). '
        'Simpan ulang sebagai "CSV UTF-8". Tidak ada baris yang disimpan.',
        "Berkas ditolak seluruhnya: bukan buku kerja XLSX (mis. CSV yang diberi akhiran .xlsx). Tidak ada baris yang "
        "disimpan."]
    assert any(t.value.startswith("antrian.csv: berkas CSV ini disimpan sebagai UTF-16") for t in at.text)


def test_loading_the_same_file_after_a_correction_needs_the_confirmation(db):
    first = f"{HEADER}\n{GOOD}\n".encode()
    corrected = f"{HEADER}\n{GOOD.replace('PTG01', 'PTG02')}\n".encode()
    at = app_test(db, role="supervisor", page=PAGE)
    for data in (first, corrected, first):
        upload(at, ("antrian.csv", data))
        at.button(key="data_load").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        "Berkas ini pernah dimuat, dan memuatnya lagi akan mengembalikan koreksi yang dimuat sesudahnya. Belum ada "
        "yang disimpan."]
    assert "TST / Z1: officer_id: PTG02 → PTG01" in [t.value for t in at.text]
    assert at.button(key="data_again_load_1").disabled
    with connection.reader(db) as con:
        assert one(con, "SELECT officer_id FROM antrian WHERE ticket_id = 'Z1'")[0] == "PTG02"
    at.checkbox(key="data_again_1").check().run()
    at.button(key="data_again_load_1").click().run()
    assert not at.exception
    assert metrics(at) == {"Baris": "1", "Diterima": "1", "Mengganti": "1", "Ditolak": "0"}
    with connection.reader(db) as con:
        assert one(con, "SELECT officer_id FROM antrian WHERE ticket_id = 'Z1'")[0] == "PTG01"
