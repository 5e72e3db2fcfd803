"""Audited downloads (kancil/export/downloads.py, python -m kancil export): the ZIP, its manifest, the log, the formats.

Counts on the hand-made fixture store (tests/fixtures.py), worked out by hand:
- antrian, 11-16 May 2026: 8 tickets; office TST 7 (T1-T7), office OTH 1 (X1); TST prioritas 5 (T1-T5);
  TST lansia 3 (T1, T5, T7); channel m_paspor 1 (T2); only 11 May: T1, T2, T3, T6 and X1 = 5.
- permohonan 7 (A1-A7, all TST, submitted 11-13 May); survei 3; fasilitas 3; 5 ingest batches, no rejects.
Every test that downloads works on its own copy of the store (a download writes the log).
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pyarrow.parquet as pq
import pytest

from kancil import cli
from kancil.export import downloads
from kancil.export.safe import neutralise
from kancil.filters import Filters
from kancil.roles import User
from kancil.store import connection, queries, schema
from tests.fixtures import load_rows
from tests.helpers import ROOT

WEEK = Filters(date_from=dt.date(2026, 5, 11), date_to=dt.date(2026, 5, 16))
EVERYTHING = Filters(date_from=dt.date(2000, 1, 1), date_to=dt.date(2099, 12, 31))
AUDITOR = User("sari", "auditor", "Sari")
ADMIN = User("adi", "admin", "Adi")
DANGEROUS = ['=HYPERLINK("http://x")', "+1+1", "-2", "@SUM(A1)", "\tTab di depan", "\rCR di depan"]
HARMLESS = "Petugas ramah, 5 menit"


@pytest.fixture
def db(metrics_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store.duckdb"
    shutil.copy(metrics_db, copy)
    shutil.copy(connection.version_path(metrics_db), connection.version_path(copy))  # the store version goes with it
    return copy


def log_rows(path: Path) -> pd.DataFrame:
    with connection.reader(path) as con:
        return con.execute("SELECT * FROM unduhan_log ORDER BY downloaded_at, download_id").df()


def zip_parts(path: Path) -> tuple[list[str], dict, bytes]:
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        return zf.namelist(), manifest, zf.read(manifest["file"])


def expected(path: Path, name: str, filters: Filters) -> pd.DataFrame:
    """The rows straight from the export query (the reference every format must give back)."""
    with connection.reader(path) as con:
        queries.install_macros(con)
        return queries.run(con, f"export_{name}", filters)


def read_csv(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)


# ------------------------------------------------------------------------------------------------ counts


@pytest.mark.parametrize(("name", "filters", "rows"), [
    ("antrian", WEEK, 8),
    ("antrian", WEEK.replace(office="TST"), 7),
    ("antrian", WEEK.replace(office="OTH"), 1),
    ("antrian", WEEK.replace(office="TST", lane="prioritas"), 5),
    ("antrian", WEEK.replace(office="TST", group="lansia"), 3),
    ("antrian", WEEK.replace(channel="m_paspor"), 1),
    ("antrian", WEEK.replace(date_to=dt.date(2026, 5, 11)), 5),
    ("permohonan", WEEK, 7),
    ("permohonan", WEEK.replace(lane="reguler"), 3),  # A4, A5, A7
    ("survei", WEEK, 3),
    ("survei", WEEK.replace(date_from=dt.date(2026, 5, 12)), 1),  # S3
    ("fasilitas", WEEK.replace(group="lansia"), 1),  # F3
    ("ingest_batches", EVERYTHING, 5),
    ("ingest_batches", WEEK, 0),  # loaded when the fixture was built, not in May 2026
    ("ingest_rejects", EVERYTHING, 0),
    ("download_log", EVERYTHING, 0),
])
def test_row_counts_follow_the_filters(metrics_db, name, filters, rows):
    with connection.reader(metrics_db) as con:
        assert downloads.count_rows(con, name, filters) == rows
        assert len(downloads.preview(con, name, filters, n=2)) == min(rows, 2)


def test_every_dataset_has_its_query_and_neutralises_every_text_column(metrics_db):
    """The columns to neutralise come from the contract (or the table's definition) and cover every text column."""
    with connection.reader(metrics_db) as con:
        queries.install_macros(con)
        for name, ds in downloads.DATASETS.items():
            sql, params = downloads.sql_and_params(name, EVERYTHING)
            columns = downloads._columns(con, sql, params)
            text = {c for c, typ in columns if typ == "VARCHAR"}
            assert set(ds.text_columns) == text, name
            assert downloads.order_columns(sql, columns), name
    assert downloads.DATASETS["survei"].text_columns == (
        "response_id", "office_code", "ticket_id", "lane", "applicant_group", "info_source", "comment")


def test_a_preset_period_runs_on_to_today_for_loads_and_downloads_only():
    today = dt.date(2026, 7, 2)
    preset = WEEK.replace(office="TST")
    for name in ("ingest_batches", "ingest_rejects", "download_log"):
        assert downloads.view_filters(name, preset, custom_period=False, today=today) == preset.replace(date_to=today)
        assert downloads.view_filters(name, preset, custom_period=True, today=today) == preset
    for name in ("antrian", "permohonan", "survei", "fasilitas"):
        assert downloads.view_filters(name, preset, custom_period=False, today=today) == preset


# ------------------------------------------------------------------------------------------------ ZIP + manifest


def test_manifest_describes_the_download_and_its_hash_verifies_the_data_file(db, tmp_path, monkeypatch):
    monkeypatch.setenv("KANCIL_BASE_URL", "https://kancil.kanim.example/")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # the default place of the ZIP (the page's case)
    filters = WEEK.replace(office="TST")
    result = downloads.build_export(db, "antrian", filters, "csv", AUDITOR)
    assert result.path.parent == tmp_path
    names, manifest, data = zip_parts(result.path)
    assert names == ["antrian.csv", "manifest.json"]
    assert manifest == result.manifest
    assert manifest["dataset"] == "antrian" and manifest["file_format"] == "csv"
    assert manifest["filters"] == filters.describe()
    assert manifest["link"] == ("https://kancil.kanim.example/unduh?dari=2026-05-11&sampai=2026-05-16&kantor=TST"
                                "&dataset=antrian")
    assert manifest["sql"] == queries.sql_text("export_antrian")
    assert manifest["sql_file"] == "queries/export_antrian.sql"
    assert manifest["parameters"] == {"date_from": "2026-05-11", "date_to": "2026-05-16", "office": "TST",
                                      "lane": None, "applicant_group": None, "service_type": None, "channel": None}
    assert "stg_antrian" in manifest["staging_sql"]
    assert manifest["rows"] == 7
    assert manifest["sha256"] == hashlib.sha256(data).hexdigest() and manifest["bytes"] == len(data)
    assert downloads.verify(result.path)
    assert manifest["store_version"] == connection.store_version(db)
    assert manifest["schema_version"] == schema.SCHEMA_VERSION
    assert (manifest["username"], manifest["role"], manifest["via"]) == ("sari", "auditor", "dashboard")
    when = dt.datetime.fromisoformat(manifest["downloaded_at"])
    assert manifest["downloaded_at"].endswith("+07:00") and when.utcoffset() == dt.timedelta(hours=7)
    assert manifest["neutralised"] is True and "ticket_id" in manifest["neutralised_columns"]
    assert re.fullmatch(r"kancil_antrian_2026-05-11_2026-05-16_[0-9a-f]{8}\.zip", result.file_name)
    assert [p.name for p in tmp_path.iterdir() if p.name != "store.duckdb" and ".duckdb" not in p.name] == [
        result.file_name]  # no temporary files left behind


def test_a_changed_data_file_no_longer_verifies(db, tmp_path):
    result = downloads.build_export(db, "survei", WEEK, "csv", AUDITOR, out=tmp_path / "s.zip")
    names, manifest, data = zip_parts(result.path)
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(tampered, "w") as zf:
        zf.writestr("survei.csv", data.replace(b"S1", b"S9"))
        zf.writestr("manifest.json", json.dumps(manifest))
    assert downloads.verify(result.path) and not downloads.verify(tampered)


def test_the_log_download_links_to_the_log_page(db):
    link = downloads.dashboard_link("download_log", WEEK.replace(office="TST"), base="http://x:8501")
    assert link == "http://x:8501/log-unduhan?dari=2026-05-11&sampai=2026-05-16&kantor=TST&dataset=download_log"


def test_the_same_data_gives_the_same_hash(db, tmp_path):
    """CSV and Parquet are byte-for-byte reproducible, so a hash found later can be matched to a download."""
    for fmt in ("csv", "parquet"):
        first = downloads.build_export(db, "antrian", WEEK, fmt, AUDITOR, out=tmp_path / f"a1.{fmt}.zip").manifest
        again = downloads.build_export(db, "antrian", WEEK, fmt, AUDITOR, out=tmp_path / f"a2.{fmt}.zip").manifest
        assert first["sha256"] == again["sha256"] and first["download_id"] != again["download_id"]


# ------------------------------------------------------------------------------------------------ formats


@pytest.mark.parametrize("name", ["antrian", "permohonan", "survei", "fasilitas", "ingest_batches"])
def test_csv_reads_back_with_the_same_rows(db, tmp_path, name):
    filters = EVERYTHING if name == "ingest_batches" else WEEK
    reference = expected(db, name, filters)
    result = downloads.build_export(db, name, filters, "csv", AUDITOR, out=tmp_path / "x.zip")
    _names, manifest, data = zip_parts(result.path)
    assert data.startswith("".encode("utf-8-sig")) and manifest["encoding"] == "utf-8-sig"
    frame = read_csv(data)
    assert list(frame.columns) == list(reference.columns) and len(frame) == len(reference) == manifest["rows"]
    key = reference.columns[0]
    assert frame[key].tolist() == reference[key].astype(str).tolist()  # same rows, same order


def test_csv_timestamps_and_empty_cells_are_plain(db, tmp_path):
    result = downloads.build_export(db, "antrian", WEEK.replace(office="TST"), "csv", AUDITOR, out=tmp_path / "a.zip")
    frame = read_csv(zip_parts(result.path)[2]).set_index("ticket_id")
    assert frame.loc["T1", "issued_at"] == "2026-05-11 08:00:00"
    assert frame.loc["T3", "called_at"] == "" and frame.loc["T3", "status"] == "tidak_hadir"
    assert frame.index.tolist() == ["T1", "T6", "T2", "T3", "T7", "T4", "T5"]  # by issued_at, then ticket


def test_xlsx_reads_back_with_the_same_rows_and_a_manifest_sheet(db, tmp_path):
    reference = expected(db, "antrian", WEEK)
    result = downloads.build_export(db, "antrian", WEEK, "xlsx", AUDITOR, out=tmp_path / "a.zip")
    names, manifest, data = zip_parts(result.path)
    assert names == ["antrian.xlsx", "manifest.json"] and manifest["neutralised"] is True
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["data", "manifest"]
    rows = list(book["data"].iter_rows(values_only=True))
    assert list(rows[0]) == list(reference.columns) and len(rows) - 1 == len(reference) == manifest["rows"] == 8
    assert [r[0] for r in rows[1:]] == reference["ticket_id"].tolist()
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["issued_at"] == dt.datetime(2026, 5, 11, 8, 0) and first["batch_id"] == 2
    sheet = {r[0]: r[1] for r in book["manifest"].iter_rows(min_row=2, values_only=True)}
    assert sheet["dataset"] == "antrian" and sheet["rows"] == "8" and sheet["download_id"] == manifest["download_id"]
    assert json.loads(sheet["filters"]) == WEEK.describe() and sheet["username"] == "sari"
    assert "manifest.json" in sheet["sha256"]  # a file cannot hold its own hash


def test_parquet_keeps_the_exact_values(db, tmp_path):
    with connection.reader(db) as con:
        queries.install_macros(con)
        sql, params = downloads.sql_and_params("permohonan", WEEK)
        cur = con.execute(sql, params)
        names = [d[0] for d in cur.description]
        reference = [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    result = downloads.build_export(db, "permohonan", WEEK, "parquet", AUDITOR, out=tmp_path / "p.zip")
    _names, manifest, data = zip_parts(result.path)
    assert manifest["neutralised"] is False and manifest["neutralised_columns"] == []
    assert pq.read_table(io.BytesIO(data)).to_pylist() == reference and len(reference) == manifest["rows"] == 7
    assert str(pq.read_schema(io.BytesIO(data)).field("submitted_at").type) == "timestamp[us]"


# ------------------------------------------------------------------------------------------------ neutralising


def _comment(n: int, comment: str) -> dict:
    row = dict(response_id=f"K{n}", office_code="TST", submitted_at=f"2026-05-1{n % 6 + 1} 12:00", ticket_id=None,
               lane="prioritas", applicant_group="lansia", info_source="petugas", comment=comment)
    row.update({f"u{i}": 3 for i in range(1, 10)})
    return row


@pytest.fixture
def comments_db(tmp_path: Path) -> Path:
    """A small store whose survey comments begin like spreadsheet formulas (and one that does not)."""
    rows = [_comment(n, c) for n, c in enumerate([*DANGEROUS, HARMLESS])]
    return load_rows(tmp_path / "comments.duckdb", {"survei": rows}, "comments")


def _comments(frame: pd.DataFrame) -> dict[str, str]:
    return dict(zip(frame["response_id"], frame["comment"], strict=True))


def test_csv_neutralises_formula_starts(comments_db, tmp_path):
    result = downloads.build_export(comments_db, "survei", EVERYTHING, "csv", AUDITOR, out=tmp_path / "c.zip")
    comments = _comments(read_csv(zip_parts(result.path)[2]))
    for n, text in enumerate(DANGEROUS):
        assert comments[f"K{n}"] == "'" + text
    assert comments[f"K{len(DANGEROUS)}"] == HARMLESS
    assert "comment" in result.manifest["neutralised_columns"]


def test_xlsx_has_no_formula_cell_and_neutralised_text(comments_db, tmp_path):
    result = downloads.build_export(comments_db, "survei", EVERYTHING, "xlsx", AUDITOR, out=tmp_path / "c.zip")
    book = openpyxl.load_workbook(io.BytesIO(zip_parts(result.path)[2]))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    header = [c.value for c in book["data"][1]]
    rows = [dict(zip(header, r, strict=True)) for r in book["data"].iter_rows(min_row=2, values_only=True)]
    # a carriage return is stored as the OOXML escape _x000D_ (what Excel reads as CR)
    comments = {r["response_id"]: r["comment"].replace("_x000D_", "\r") for r in rows}
    for n, text in enumerate(DANGEROUS):
        assert comments[f"K{n}"].startswith("'") and comments[f"K{n}"] == "'" + text
    assert comments[f"K{len(DANGEROUS)}"] == HARMLESS
    assert rows[0]["u1"] == 3  # numbers stay numbers


def test_parquet_keeps_comments_exactly(comments_db, tmp_path):
    result = downloads.build_export(comments_db, "survei", EVERYTHING, "parquet", AUDITOR, out=tmp_path / "c.zip")
    comments = _comments(pq.read_table(io.BytesIO(zip_parts(result.path)[2])).to_pandas())
    assert [comments[f"K{n}"] for n in range(len(DANGEROUS))] == DANGEROUS
    assert result.manifest["neutralised"] is False


def test_the_sql_rule_is_the_same_as_safe_export():
    samples = [*DANGEROUS, HARMLESS, "", None, "'=already", "a=b"]
    with duckdb.connect() as con:
        con.execute("CREATE TABLE t (comment VARCHAR)")
        con.executemany("INSERT INTO t VALUES (?)", [[text] for text in samples])
        got = [row[0] for row in con.execute(f"SELECT {downloads._safe_text('comment')} FROM t").fetchall()]
    assert got == [neutralise(text) for text in samples]


# ------------------------------------------------------------------------------------------------ order


def test_large_exports_keep_the_order_of_the_query(tmp_path):
    """DuckDB does not keep an ORDER BY of a subquery through the neutralising wrapper when it writes a large result
    in parallel (seen at 1 million rows, reproduced here with 300,000): the wrapper must order again.

    The rows go in with plain SQL, in shuffled order (this tests the download, not the ingester, and 300,000 rows
    through the ingester would take long); issued_at spreads them over 11-17 May.
    """
    path = tmp_path / "many.duckdb"
    with connection.writer(path) as con:
        con.execute("""
            INSERT INTO antrian
            SELECT 'Q' || lpad(i::VARCHAR, 7, '0'), 'TST', 'reguler', 'umum', 'baru', 'langsung',
                   TIMESTAMP '2026-05-11 08:00' + to_seconds((i * 7919) % (6 * 86400)), NULL, NULL, NULL, NULL, NULL,
                   'tidak_hadir', 1
            FROM range(300000) AS t(i)
            ORDER BY hash(i)""")
    filters = WEEK.replace(date_to=dt.date(2026, 5, 17))
    for fmt in ("csv", "parquet"):
        result = downloads.build_export(path, "antrian", filters, fmt, AUDITOR, out=tmp_path / f"m.{fmt}.zip")
        data = zip_parts(result.path)[2]
        if fmt == "csv":
            got = read_csv(data)[["issued_at", "ticket_id"]]
        else:
            got = pq.read_table(io.BytesIO(data), columns=["issued_at", "ticket_id"]).to_pandas()
        assert len(got) == result.manifest["rows"] == 300000, fmt
        assert got.sort_values(["issued_at", "ticket_id"]).index.equals(got.index), fmt  # already in order


def test_the_neutralising_wrapper_orders_like_the_query_file(metrics_db):
    """CSV and XLSX are written from the wrapper (XLSX through a staged Parquet file of it)."""
    with connection.reader(metrics_db) as con:
        queries.install_macros(con)
        for name in downloads.DATASETS:
            sql, params = downloads.sql_and_params(name, WEEK)
            columns = downloads._columns(con, sql, params)
            wrapped, _text = downloads.neutralised_sql(name, sql, columns)
            order = sql.strip().splitlines()[-1].removeprefix("order by ").split(", ")
            assert wrapped.endswith("order by " + ", ".join(f'q."{c}"' for c in order)), name


# ------------------------------------------------------------------------------------------------ log


def test_every_download_is_recorded_with_user_and_hash(db, tmp_path):
    made = [downloads.build_export(db, "antrian", WEEK.replace(office="OTH"), "csv", AUDITOR, out=tmp_path / "1.zip"),
            downloads.build_export(db, "fasilitas", WEEK, "xlsx", AUDITOR, out=tmp_path / "2.zip"),
            downloads.build_export(db, "download_log", EVERYTHING, "parquet", ADMIN, out=tmp_path / "3.zip")]
    log = log_rows(db)
    assert len(log) == 3
    for row, result in zip(log.itertuples(), made, strict=True):
        m = result.manifest
        assert (row.download_id, row.username, row.role, row.dataset, row.file_format, row.rows, row.sha256,
                row.via) == (m["download_id"], m["username"], m["role"], m["dataset"], m["file_format"], m["rows"],
                             m["sha256"], "dashboard")
        assert json.loads(row.filters) == m["filters"]
        # the log holds naive UTC, the manifest the office's time with its offset: the same instant
        assert row.downloaded_at == dt.datetime.fromisoformat(m["downloaded_at"]).astimezone(dt.UTC).replace(
            tzinfo=None)
    assert log["rows"].tolist() == [1, 3, 2]  # the log download saw the two downloads before it
    assert pq.read_table(io.BytesIO(zip_parts(made[2].path)[2])).column("dataset").to_pylist() == [
        "antrian", "fasilitas"]


def test_the_log_is_append_only_in_code():
    """No code path changes or removes a log row: the only statement on unduhan_log is one INSERT in export.py.

    The schema migrations (kancil/store/schema.py) are the one exception, each run once per store and never edited
    after release: migration 5 moved the WIB times to UTC, migration 6 added and filled the hash chain."""
    changes = re.compile(r"\b(update|delete\s+from|truncate(\s+table)?|drop\s+table(\s+if\s+exists)?|alter\s+table)"
                         r"\s+unduhan_log\b", re.IGNORECASE)
    inserts = []
    for path in [*ROOT.glob("kancil/**/*.py"), *ROOT.glob("views/*.py"), *ROOT.glob("queries/**/*.sql"),
                 ROOT / "app.py"]:
        text = path.read_text()
        if path == ROOT / "kancil" / "store" / "schema.py":
            found = {m.group(1).lower() for m in changes.finditer(text)}
            assert found <= {"update", "alter table"}, found  # never a delete, truncate or drop
            continue
        assert not changes.search(text), path
        if re.search(r"insert\s+(or\s+\w+\s+)?into\s+unduhan_log", text, re.IGNORECASE):
            inserts.append(path.relative_to(ROOT).as_posix())
    assert inserts == ["kancil/export/downloads.py"]
    module = (ROOT / "kancil" / "export" / "downloads.py").read_text()
    assert not re.search(r"\b(update|delete)\b[^\n]*unduhan_log", module, re.IGNORECASE)


def test_roles_without_the_capability_cannot_download_in_the_dashboard(db):
    kepala = User("k", "kepala_kantor", "K")
    for user, name in ((kepala, "antrian"), (ADMIN, "antrian"), (kepala, "download_log"),
                       (User("s", "supervisor", "S"), "survei")):
        with pytest.raises(downloads.ExportError, match="tidak boleh mengunduh"):
            downloads.build_export(db, name, WEEK, "csv", user)
    assert log_rows(db).empty


def test_unknown_dataset_or_format_is_refused(db):
    with pytest.raises(downloads.ExportError, match="Data tidak dikenal"):
        downloads.build_export(db, "pengguna", WEEK, "csv", AUDITOR)
    with pytest.raises(downloads.ExportError, match="Format tidak dikenal"):
        downloads.build_export(db, "antrian", WEEK, "json", AUDITOR)


def test_xlsx_over_the_row_limit_is_refused_and_not_recorded(db, tmp_path, monkeypatch):
    monkeypatch.setattr(downloads, "XLSX_MAX_ROWS", 5)
    out = tmp_path / "big.zip"
    with pytest.raises(downloads.ExportError) as refused:
        downloads.build_export(db, "antrian", WEEK, "xlsx", AUDITOR, out=out)
    assert "8 baris melebihi batas XLSX (5" in str(refused.value) and "CSV atau Parquet" in str(refused.value)
    assert "CSV or Parquet" in refused.value.text("en")
    assert not out.exists() and log_rows(db).empty
    # CSV and Parquet have no such limit
    assert downloads.build_export(db, "antrian", WEEK, "csv", AUDITOR, out=out).manifest["rows"] == 8


def test_a_download_that_cannot_be_recorded_is_not_handed_out(db, tmp_path, monkeypatch):
    def broken(con, manifest):
        raise RuntimeError("log full")

    monkeypatch.setattr(downloads, "record", broken)
    out = tmp_path / "x.zip"
    with pytest.raises(RuntimeError):
        downloads.build_export(db, "antrian", WEEK, "csv", AUDITOR, out=out)
    assert not out.exists() and not list(tmp_path.glob(".*.part"))


# ------------------------------------------------------------------------------------------------ command line


def test_cli_export_writes_the_same_zip_and_records_the_os_user(db, tmp_path, capsys):
    out = tmp_path / "antrian.zip"
    code = cli.main(["export", "--db", str(db), "--dataset", "antrian", "--format", "csv", "--from", "2026-05-11",
                     "--to", "2026-05-16", "--office", "TST", "--out", str(out)])
    assert code == 0
    names, manifest, data = zip_parts(out)
    assert names == ["antrian.csv", "manifest.json"] and manifest["rows"] == 7
    assert manifest["sha256"] == hashlib.sha256(data).hexdigest()
    assert (manifest["username"], manifest["role"], manifest["via"]) == (getpass.getuser(), "cli", "cli")
    assert manifest["filters"] == WEEK.replace(office="TST").describe()
    log = log_rows(db)
    assert log[["username", "role", "via", "sha256", "rows"]].values.tolist() == [
        [getpass.getuser(), "cli", "cli", manifest["sha256"], 7]]
    assert manifest["sha256"] in capsys.readouterr().out


def test_cli_choices_are_the_export_datasets_and_formats():
    assert cli.EXPORT_DATASETS == tuple(downloads.DATASETS) and cli.EXPORT_FORMATS == downloads.FORMATS


def test_cli_without_a_period_exports_everything(db, tmp_path):
    out = tmp_path / "b.zip"
    assert cli.main(["export", "--db", str(db), "--dataset", "ingest_batches", "--format", "parquet",
                     "--out", str(out)]) == 0
    assert zip_parts(out)[1]["rows"] == 5


@pytest.mark.parametrize("args", [
    ["--dataset", "pengguna", "--format", "csv"],
    ["--dataset", "antrian", "--format", "json"],
    ["--dataset", "antrian", "--format", "csv", "--lane", "vip"],
])
def test_cli_bad_dataset_or_format_exits_2(db, tmp_path, args):
    with pytest.raises(SystemExit) as exited:
        cli.main(["export", "--db", str(db), *args, "--out", str(tmp_path / "x.zip")])
    assert exited.value.code == 2
    assert log_rows(db).empty


def test_cli_period_backwards_or_output_not_zip_exits_2(db, tmp_path, capsys):
    base = ["export", "--db", str(db), "--dataset", "antrian", "--format", "csv"]
    assert cli.main([*base, "--from", "2026-05-16", "--to", "2026-05-11", "--out", str(tmp_path / "x.zip")]) == 2
    assert "--to tidak boleh sebelum --from" in capsys.readouterr().err
    assert cli.main([*base, "--out", str(tmp_path / "x.csv")]) == 2
    assert "harus berakhiran .zip" in capsys.readouterr().err
    assert log_rows(db).empty


def test_cli_xlsx_over_the_limit_exits_2(db, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(downloads, "XLSX_MAX_ROWS", 3)
    out = tmp_path / "x.zip"
    assert cli.main(["export", "--db", str(db), "--dataset", "antrian", "--format", "xlsx", "--from", "2026-05-11",
                     "--to", "2026-05-16", "--out", str(out)]) == 2
    assert "melebihi batas XLSX" in capsys.readouterr().err and not out.exists() and log_rows(db).empty


def test_cli_exit_codes_as_a_process(db, tmp_path):
    def run(*args: str) -> int:
        return subprocess.run([sys.executable, "-m", "kancil", "export", "--db", str(db), *args], cwd=ROOT,
                              capture_output=True, text=True).returncode

    assert run("--dataset", "survei", "--format", "xlsx", "--out", str(tmp_path / "s.zip")) == 0
    assert run("--dataset", "nope", "--format", "csv", "--out", str(tmp_path / "n.zip")) == 2
    assert run("--dataset", "survei", "--format", "ods", "--out", str(tmp_path / "n.zip")) == 2
    assert downloads.verify(tmp_path / "s.zip") and len(log_rows(db)) == 1
