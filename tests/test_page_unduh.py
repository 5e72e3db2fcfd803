"""The Unduh data and Log unduhan pages: who may use them, count and preview, the audited download, the log.

On the fixture store (tests/fixtures.py) with the week of 11-16 May 2026 chosen as a custom period: antrian 8 tickets,
7 of office TST; survei 3 responses. Pages that download write the log, so each test works on its own copy.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from kancil.export import downloads
from kancil.store import connection
from tests.helpers import app_test, table_as_read

UNDUH = "views/unduh.py"
LOG = "views/log_unduhan.py"
WEEK = {"periode": "custom", "dari": "2026-05-11", "sampai": "2026-05-16"}


@pytest.fixture
def db(metrics_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store.duckdb"
    shutil.copy(metrics_db, copy)
    return copy


def log_rows(path: Path) -> list[dict]:
    with connection.reader(path) as con:
        cur = con.execute("SELECT * FROM unduhan_log ORDER BY downloaded_at")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def rows_hash(path: Path) -> list[str]:
    return [r["sha256"] for r in log_rows(path)]


def refused(at) -> bool:
    return any("tidak tersedia untuk peran" in e.value for e in at.error)


def prepared(at, key: str) -> tuple[dict, bytes]:
    """The manifest and the data file of the ZIP the page prepared (the bytes behind its download button)."""
    ready = at.session_state[f"{key}_ready"]
    with zipfile.ZipFile(io.BytesIO(ready["data"])) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        return manifest, zf.read(manifest["file"])


def test_auditor_sees_count_and_a_static_preview(metrics_db):
    at = app_test(metrics_db, role="auditor", page=UNDUH, query={**WEEK, "kantor": "TST"})
    assert not at.exception and not at.error
    assert at.title[0].value == "Unduh data"
    assert [m.value for m in at.metric] == ["7"]
    assert len(at.table) == 1 and len(at.dataframe) == 0  # no dataframe toolbar with its own CSV download
    preview = table_as_read(at.table[0])
    assert len(preview) == 7 and preview["ticket_id"].tolist()[:3] == ["T1", "T6", "T2"]
    assert [b.label for b in at.button if b.key == "unduh_prepare"] == ["Siapkan unduhan"]
    assert not at.get("download_button")  # nothing leaves before "Siapkan unduhan"


@pytest.mark.parametrize("role", ["kepala_kantor", "supervisor", "admin"])
def test_other_roles_are_refused(metrics_db, role):
    at = app_test(metrics_db, role=role, page=UNDUH, query=WEEK)
    assert not at.exception and refused(at)
    assert not at.metric and not at.table and not [b for b in at.button if b.key == "unduh_prepare"]


def test_preparing_builds_the_zip_and_records_the_download(db):
    at = app_test(db, role="auditor", page=UNDUH, query={**WEEK, "kantor": "TST"})
    at.button(key="unduh_prepare").click().run()
    assert not at.exception and not at.error
    manifest, data = prepared(at, "unduh")
    assert manifest["rows"] == 7 and manifest["sha256"] == hashlib.sha256(data).hexdigest()
    assert manifest["filters"]["office"] == "TST" and manifest["dataset"] == "antrian"
    assert "kantor=TST" in manifest["link"] and manifest["link"].endswith("dataset=antrian")
    assert [s.value for s in at.success][0].startswith("Siap: 7 baris")
    buttons = at.get("download_button")
    assert len(buttons) == 1 and buttons[0].proto.label.startswith("Unduh kancil_antrian_2026-05-11_2026-05-16_")
    (row,) = log_rows(db)
    assert (row["username"], row["role"], row["via"], row["dataset"], row["rows"], row["sha256"]) == (
        "test-auditor", "auditor", "dashboard", "antrian", 7, manifest["sha256"])


def test_another_dataset_and_format(db):
    at = app_test(db, role="auditor", page=UNDUH, query=WEEK)
    at.selectbox(key="unduh_dataset").select("survei").run()
    at.selectbox(key="unduh_format").select("xlsx").run()
    assert not at.exception
    assert [m.value for m in at.metric] == ["3"]
    assert any("submitted_at" in c.value for c in at.caption)
    at.button(key="unduh_prepare").click().run()
    manifest, _data = prepared(at, "unduh")
    assert (manifest["dataset"], manifest["file"], manifest["rows"]) == ("survei", "survei.xlsx", 3)
    # a prepared file belongs to its choices: another format drops it
    at.selectbox(key="unduh_format").select("csv").run()
    assert not at.get("download_button") and any("siapkan unduhan lagi" in i.value for i in at.info)
    assert len(log_rows(db)) == 1


def test_a_filter_the_dataset_has_no_column_for_is_announced(metrics_db):
    at = app_test(metrics_db, role="auditor", page=UNDUH, query={**WEEK, "kanal": "m_paspor"},
                  state={"unduh_dataset": "fasilitas"})
    assert not at.exception
    assert any("Kanal tidak berlaku" in i.value for i in at.info)
    assert [m.value for m in at.metric] == ["3"]  # all three facility uses: the channel filter does not apply


def test_xlsx_over_the_limit_offers_no_download(db, monkeypatch):
    monkeypatch.setattr(downloads, "XLSX_MAX_ROWS", 5)
    at = app_test(db, role="auditor", page=UNDUH, query=WEEK, state={"unduh_format": "xlsx"})
    assert not at.exception
    assert any("melebihi batas XLSX" in w.value and "CSV atau Parquet" in w.value for w in at.warning)
    assert not [b for b in at.button if b.key == "unduh_prepare"]
    assert log_rows(db) == []


def test_no_rows_for_the_filters(metrics_db):
    at = app_test(metrics_db, role="auditor", page=UNDUH,
                  query={"periode": "custom", "dari": "2001-01-01", "sampai": "2001-01-31"})
    assert not at.exception
    assert [m.value for m in at.metric] == ["0"] and not at.table
    assert any("Tidak ada data" in i.value for i in at.info)


def test_english(metrics_db):
    # switched after the page switch: AppTest formats a selectbox's value outside the app's session (so in
    # Indonesian) before the next run, which fails for the sidebar's period on a page switch made in English
    at = app_test(metrics_db, role="auditor", page=UNDUH, query=WEEK)
    at.session_state["f_lang"] = "en"
    at.run()
    assert not at.exception
    assert at.title[0].value == "Download data"
    assert [b.label for b in at.button if b.key == "unduh_prepare"] == ["Prepare download"]


def test_the_manifest_link_reproduces_the_view(metrics_db):
    # (AppTest opens the home page first, which drops other pages' parameters; a browser opens /unduh directly)
    at = app_test(metrics_db, role="auditor", query=WEEK)
    at.query_params["dataset"] = "survei"
    at.switch_page(UNDUH).run()
    assert at.selectbox(key="unduh_dataset").value == "survei"


# ------------------------------------------------------------------------------------------------ the log page


@pytest.mark.parametrize("role", ["kepala_kantor", "supervisor"])
def test_log_page_is_refused_to_other_roles(metrics_db, role):
    at = app_test(metrics_db, role=role, page=LOG)
    assert not at.exception and refused(at) and not at.table


def test_admin_sees_the_log_and_its_download_is_recorded_too(db):
    auditor = app_test(db, role="auditor", page=UNDUH, query=WEEK)
    auditor.button(key="unduh_prepare").click().run()
    at = app_test(db, role="admin", page=LOG)
    assert not at.exception and not at.error
    assert at.title[0].value == "Log unduhan"
    assert [m.value for m in at.metric] == ["1"]  # the preset period runs on to today here
    assert len(at.table) == 1 and len(at.dataframe) == 0
    table = table_as_read(at.table[0])
    assert table["Pengguna"].tolist() == ["test-auditor"] and table["Data"].tolist() == ["Antrian (tiket)"]
    assert table["Saringan"].tolist() == ["11 Mei 2026 – 16 Mei 2026"]
    assert rows_hash(db)[0].startswith(table["SHA-256 berkas data (awal)"][0].rstrip("…"))
    at.button(key="log_unduhan_prepare").click().run()
    assert not at.exception
    manifest, data = prepared(at, "log_unduhan")
    assert manifest["dataset"] == "download_log" and manifest["rows"] == 1 and "/log-unduhan?" in manifest["link"]
    assert manifest["sha256"] == hashlib.sha256(data).hexdigest()
    rows = log_rows(db)
    assert [(r["username"], r["dataset"]) for r in rows] == [("test-auditor", "antrian"),
                                                              ("test-admin", "download_log")]


def test_auditor_sees_the_log_and_an_empty_period(metrics_db):
    at = app_test(metrics_db, role="auditor", page=LOG, query={"periode": "custom", "dari": "2001-01-01",
                                                               "sampai": "2001-01-31"})
    assert not at.exception and not refused(at)
    assert [m.value for m in at.metric] == ["0"] and not at.table
    assert any("Tidak ada data" in i.value for i in at.info)


def test_ingest_history_with_a_preset_runs_on_to_today(metrics_db):
    """The fixture's 5 loads were made today, after its newest data day (16 May 2026) where the presets end."""
    at = app_test(metrics_db, role="auditor", page=UNDUH, state={"unduh_dataset": "ingest_batches"})
    assert not at.exception
    assert [m.value for m in at.metric] == ["5"]
    assert any("loaded_at" in c.value and "sampai hari ini" in c.value for c in at.caption)
    at = app_test(metrics_db, role="auditor", page=UNDUH, query=WEEK, state={"unduh_dataset": "ingest_batches"})
    assert [m.value for m in at.metric] == ["0"]  # a custom range is taken as it is


def test_over_a_parquet_export_the_page_says_downloads_come_from_the_store(metrics_db, tmp_path, monkeypatch):
    from kancil.export import parquet as parquet_export

    parquet_export.export(metrics_db, tmp_path / "pq")
    monkeypatch.setenv("KANCIL_PARQUET_DIR", str(tmp_path / "pq"))
    at = app_test(metrics_db, role="auditor", page=UNDUH, query={**WEEK, "kantor": "TST"})
    assert not at.exception
    assert any("unduhan selalu diambil dari penyimpanan utama" in i.value for i in at.info)
    assert [m.value for m in at.metric] == ["7"]  # the rows are counted in the store
