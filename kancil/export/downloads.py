"""Audited row-level downloads: one ZIP (data file + manifest.json), recorded in the append-only download log.

Why a ZIP with a manifest: a file that leaves the office must say what it is (dataset, filters, the SQL and its
parameters, the dashboard link that shows the same view, store version, who and when) and be checkable (the
manifest's SHA-256 of the data file). Kept together in one ZIP, the two cannot be separated by accident; the log
keeps the same hash, so a file that turns up later can be traced to the download that produced it.

Why built this way: the dashboard and ``python -m kancil export`` call the same ``build_export``. Large downloads
never sit in Python memory as a whole: CSV and Parquet are written by DuckDB (``COPY (query) TO file``), XLSX is
written row by row (xlsxwriter ``constant_memory``) from a ``fetchmany`` loop over a staged Parquet copy (so the
store is held for seconds, not for the minutes a large sheet takes), the ZIP is streamed from the temp file. CSV
and XLSX text cells that begin like a formula are neutralised in SQL (the column names come from the data contract,
the values stay in DuckDB); Parquet keeps values exactly, it is not opened by spreadsheets.

The download log (``unduhan_log``) is append-only: this module only ever INSERTs into it (a test checks that no code
updates or deletes it). A download is recorded when its ZIP is built, before it is handed out; if the record cannot
be written, the ZIP is deleted and the download fails.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
import tempfile
import uuid
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlencode

import duckdb
import pandas as pd

from kancil import config, roles
from kancil.contract import CONTRACT, TIMESTAMP_FORMATS
from kancil.export.safe import DANGEROUS_START, neutralise
from kancil.filters import Filters
from kancil.i18n import t
from kancil.roles import User
from kancil.store import clock, connection, log_chain, offices, queries, schema
from kancil.store.sql import transaction

FORMATS = ("csv", "xlsx", "parquet")
DEFAULT_BASE_URL = "http://localhost:8501"
XLSX_MAX_ROWS = 1_048_576 - 1  # rows per sheet in Excel, less the header row
FETCH_ROWS = 10_000  # rows per fetchmany() when writing XLSX
COPY_CHUNK = 1 << 20  # bytes per read when streaming a data file into the ZIP
CSV_ENCODING = "utf-8-sig"  # with a byte-order mark, so Excel reads non-ASCII text right
MANIFEST_NAME = "manifest.json"
MANIFEST_VERSION = 1


def _contract_text(kind: str) -> tuple[str, ...]:
    """The text and code columns of a kind of the data contract: the ones a formula could hide in."""
    return tuple(c.name for c in CONTRACT[kind].columns if c.type in ("text", "code"))


@dataclasses.dataclass(frozen=True)
class Dataset:
    """A downloadable dataset: its query file, the text columns to neutralise, which filters apply."""

    name: str
    text_columns: tuple[str, ...]
    kinds: tuple[str, ...]  # data kinds whose filters apply (kancil.filters.APPLIES_TO); () = the period only
    period_column: str  # whose local date decides the period
    capability: str  # what a dashboard user needs to download it (kancil.roles.CAPABILITIES)
    page: str  # the dashboard page (URL path) that shows this view

    @property
    def query(self) -> str:
        return f"export_{self.name}"


DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in (
        *(Dataset(k, _contract_text(k), (k,), CONTRACT[k].period_column, "download_rows", "unduh")
          for k in ("antrian", "permohonan", "survei", "fasilitas")),
        Dataset("ingest_batches", ("file_name", "sha256", "kind", "loaded_by", "extra_columns", "status", "message"),
                (), "loaded_at", "download_rows", "unduh"),
        Dataset("ingest_rejects", ("file_name", "kind", "column_name", "value", "reason"),
                (), "loaded_at", "download_rows", "unduh"),
        Dataset("download_log", ("download_id", "username", "role", "dataset", "filters", "file_format", "sha256",
                                 "via", "prev_hash", "entry_hash"), (), "downloaded_at", "download_log",
                "log-unduhan"),
    )
}
ROW_DATASETS = tuple(n for n, d in DATASETS.items() if d.capability == "download_rows")  # the Unduh page's list
SYSTEM_TIME_COLUMNS = ("loaded_at", "downloaded_at")  # when the system did something, not when a visitor came


class ExportError(ValueError):
    """A download that is refused, with a message key of kancil/messages/unduh.py (shown in either language)."""

    def __init__(self, key: str, **values: object):
        self.key, self.values = key, values
        super().__init__(t(key, "id", **values))

    def text(self, lang: str = "id") -> str:
        return t(self.key, lang, **self.values)


@dataclasses.dataclass(frozen=True)
class ExportResult:
    path: Path  # the ZIP
    manifest: dict

    @property
    def file_name(self) -> str:
        return self.path.name


# ------------------------------------------------------------------------------------------------ queries


def dataset(name: str) -> Dataset:
    if name not in DATASETS:
        raise ExportError("unduh.bad_dataset", dataset=name, allowed=", ".join(DATASETS))
    return DATASETS[name]


def sql_and_params(name: str, filters: Filters) -> tuple[str, dict[str, object]]:
    """The export query's text and the filter parameters it names (only those: DuckDB refuses unused ones)."""
    sql = queries.sql_text(dataset(name).query)
    return sql, queries.bind(sql, filters)


def view_filters(name: str, filters: Filters, custom_period: bool, today: dt.date | None = None,
                 zone: str | None = None) -> Filters:
    """The filters a page uses for a dataset: a preset period runs on to today for loads and downloads.

    The dashboard's presets end on the newest data day (at most yesterday), but yesterday's data is loaded today
    and downloads happen today: without this, the load or download just made would be missing from its own list.
    A custom range is taken as it is. "Today" is the office's (``zone``: the view's time zone; WIB by default).
    """
    today = today or clock.office_today(zone)
    if custom_period or dataset(name).period_column not in SYSTEM_TIME_COLUMNS or filters.date_to >= today:
        return filters
    return filters.replace(date_to=today)


def _execute(con: duckdb.DuckDBPyConnection, sql: str, params: dict) -> duckdb.DuckDBPyConnection:
    """Run a query that may use the staging macros (temporary: installed on each new connection)."""
    try:
        return con.execute(sql, params)
    except duckdb.CatalogException as exc:
        if "stg_" not in str(exc):
            raise
        queries.install_macros(con)
        return con.execute(sql, params)


def count_rows(con: duckdb.DuckDBPyConnection, name: str, filters: Filters) -> int:
    sql, params = sql_and_params(name, filters)
    return _execute(con, f"select count(*) from ({sql}) as q", params).fetchone()[0]  # noqa: S608 - our query file


def preview(con: duckdb.DuckDBPyConnection, name: str, filters: Filters, n: int = 20) -> pd.DataFrame:
    """The first ``n`` rows in download order, as stored (for a look before downloading; never a download)."""
    sql, params = sql_and_params(name, filters)
    return _execute(con, f"select * from ({sql}) as q limit $preview_rows",  # noqa: S608 - our query file
                    {**params, "preview_rows": n}).df()


def overview(db: Path | str, name: str, filters: Filters, n: int = 20, wait: float = 5.0) -> tuple[int, pd.DataFrame]:
    """Row count and preview for the page, from one short read (not cached: the log changes without a version
    bump, and counting is cheap in DuckDB)."""
    with connection.reader(db, wait=wait) as con:
        return count_rows(con, name, filters), preview(con, name, filters, n)


def _columns(con: duckdb.DuckDBPyConnection, sql: str, params: dict) -> list[tuple[str, str]]:
    """Names and DuckDB types of a query's result columns (no rows are read)."""
    cur = _execute(con, f"select * from ({sql}) as q limit 0", params)  # noqa: S608 - our query file
    return [(d[0], str(d[1])) for d in cur.description]


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _safe_text(column: str) -> str:
    """SQL that prefixes a text cell beginning like a formula with an apostrophe (same rule as safe_export)."""
    starts = ", ".join(f"chr({ord(c)})" if c in "\t\r" else f"'{c}'" for c in DANGEROUS_START)
    col = _ident(column)
    return f"case when left({col}, 1) in ({starts}) then '''' || {col} else {col} end as {col}"


def order_columns(sql: str, columns: list[tuple[str, str]]) -> list[str]:
    """The result columns of the query file's final ``order by`` (export files order by output names only)."""
    found = re.search(r"\border by\s+([a-z0-9_, ]+?)\s*$", sql.strip())
    names = [n.strip() for n in found.group(1).split(",")] if found else []
    known = {c for c, _typ in columns}
    if not names or not set(names) <= known:
        raise ValueError(f"export query must end with 'order by <result columns>': {names}")
    return names


def neutralised_sql(name: str, sql: str, columns: list[tuple[str, str]]) -> tuple[str, list[str]]:
    """The export query wrapped so that its text columns are neutralised in DuckDB; also which columns those are.

    The columns to neutralise are the dataset's text columns from the data contract; any other text column of the
    result is neutralised too, so a column added to a query later cannot slip through. The wrapper repeats the
    file's order (on the raw values): DuckDB drops an ``order by`` inside a subquery, and a parallel COPY would
    then write the rows in chunks out of order.
    """
    declared = set(dataset(name).text_columns)
    text = [c for c, typ in columns if c in declared or typ == "VARCHAR"]
    select = ",\n    ".join(_safe_text(c) if c in text else _ident(c) for c, _typ in columns)
    order = ", ".join(f"q.{_ident(c)}" for c in order_columns(sql, columns))
    return (f"select\n    {select}\nfrom ({sql}) as q\norder by {order}",
            text)


# ------------------------------------------------------------------------------------------------ writers


def _path_literal(path: Path) -> str:
    return "'" + path.as_posix().replace("'", "''") + "'"


def _write_csv(con: duckdb.DuckDBPyConnection, sql: str, params: dict, path: Path) -> int:
    timestamp_format = TIMESTAMP_FORMATS[0]  # 2026-05-11 08:00:00, read back by the ingester as it is
    copy = (f"copy ({sql}) to {_path_literal(path)} "
            f"(format csv, header true, delimiter ',', quote '\"', timestampformat '{timestamp_format}')")
    return int(_execute(con, copy, params).fetchone()[0])


def _write_parquet(con: duckdb.DuckDBPyConnection, sql: str, params: dict, path: Path) -> int:
    copy = f"copy ({sql}) to {_path_literal(path)} (format parquet, compression zstd)"
    return int(_execute(con, copy, params).fetchone()[0])


def _cell_writers(workbook, worksheet, columns: list[tuple[str, str]]) -> list[Callable]:
    """One writer per column by its DuckDB type, so no cell is ever interpreted (no formulas, no URLs)."""
    stamp = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    writers: list[Callable] = []
    for _name, typ in columns:
        if typ == "VARCHAR":
            writers.append(lambda r, c, v: worksheet.write_string(r, c, neutralise(v)))
        elif typ.startswith("TIMESTAMP"):
            writers.append(lambda r, c, v: worksheet.write_datetime(r, c, v, stamp))
        elif typ == "DATE":
            writers.append(lambda r, c, v: worksheet.write_datetime(r, c, v, day))
        elif typ == "BOOLEAN":
            writers.append(lambda r, c, v: worksheet.write_boolean(r, c, v))
        elif typ in ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
                     "UBIGINT", "FLOAT", "DOUBLE") or typ.startswith("DECIMAL"):
            writers.append(lambda r, c, v: worksheet.write_number(r, c, float(v)))
        else:
            writers.append(lambda r, c, v: worksheet.write_string(r, c, neutralise(str(v))))
    return writers


def _manifest_rows(manifest: dict) -> Iterator[tuple[str, str]]:
    for key, value in manifest.items():
        yield key, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)


def _write_xlsx(stage: Path, path: Path, columns: list[tuple[str, str]], manifest: dict, tmpdir: Path) -> int:
    """Data on the first sheet (row by row, constant memory), the manifest on a second sheet "manifest".

    The rows come from ``stage``, a Parquet file of the neutralised query written by DuckDB, read back in an
    in-memory DuckDB: writing a large sheet takes minutes, and the store must not stay open (locked for ingest)
    that long.
    """
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {
        "constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
        "strings_to_numbers": False, "tmpdir": str(tmpdir),
    })
    data = workbook.add_worksheet("data")
    bold = workbook.add_format({"bold": True})
    for c, (name, typ) in enumerate(columns):
        data.set_column(c, c, 20 if typ.startswith("TIMESTAMP") else max(10, min(len(name) + 2, 40)))
        data.write_string(0, c, name, bold)
    data.freeze_panes(1, 0)
    writers = _cell_writers(workbook, data, columns)
    rows = 0
    with duckdb.connect() as local:
        cur = local.execute("select * from read_parquet($stage)", {"stage": str(stage)})
        while batch := cur.fetchmany(FETCH_ROWS):
            for values in batch:
                rows += 1
                if rows > XLSX_MAX_ROWS:
                    workbook.close()
                    raise ExportError("unduh.xlsx_too_many", rows=f"> {XLSX_MAX_ROWS}", max=XLSX_MAX_ROWS)
                for c, value in enumerate(values):
                    if value is not None:
                        writers[c](rows, c, value)
    sheet = workbook.add_worksheet("manifest")
    sheet.set_column(0, 0, 22)
    sheet.set_column(1, 1, 100)
    sheet.write_string(0, 0, "key", bold)
    sheet.write_string(0, 1, "value", bold)
    filled = {**manifest, "rows": rows,
              "sha256": "see manifest.json: a file cannot hold its own hash / lihat manifest.json"}
    for r, (key, value) in enumerate(_manifest_rows(filled), start=1):
        sheet.write_string(r, 0, neutralise(key))
        sheet.write_string(r, 1, neutralise(value))
    workbook.close()
    return rows


# ------------------------------------------------------------------------------------------------ manifest + ZIP


def dashboard_link(name: str, filters: Filters, base: str | None = None) -> str:
    """The dashboard URL that shows the same view (the filters, and the dataset): on the configured office address
    (``KANCIL_BASE_URL``) if set, else on the address the user came in on (``base``), else localhost."""
    base = (config.base_url() or base or DEFAULT_BASE_URL).rstrip("/")
    return f"{base}/{dataset(name).page}?{urlencode({**filters.to_query(), 'dataset': name})}"


def _json_value(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def _staging_sql(sql: str) -> dict[str, str]:
    """The staging macros a query uses (temporary macros: without them the SQL cannot be rerun)."""
    names = sorted(set(re.findall(r"\b(stg_[a-z_]+)\(", sql)))
    return {n: queries.sql_text(f"staging/{n}") for n in names}


def zip_name(manifest: dict) -> str:
    f = manifest["filters"]
    return f"kancil_{manifest['dataset']}_{f['date_from']}_{f['date_to']}_{manifest['download_id'][:8]}.zip"


def _zip(zip_path: Path, data_path: Path, arcname: str, fmt: str, manifest: dict) -> dict:
    """Write data file then manifest.json into the ZIP; the hash and size are of the bytes as stored in the ZIP."""
    digest, size = hashlib.sha256(), 0
    # CSV and the manifest compress well; XLSX and Parquet are compressed already.
    compress = zipfile.ZIP_DEFLATED if fmt == "csv" else zipfile.ZIP_STORED
    stamp = dt.datetime.fromisoformat(manifest["downloaded_at"]).timetuple()[:6]
    with zipfile.ZipFile(zip_path, "w", allowZip64=True) as zf:
        info = zipfile.ZipInfo(arcname, date_time=stamp)
        info.compress_type = compress
        with zf.open(info, "w", force_zip64=True) as out, data_path.open("rb") as src:
            if fmt == "csv":  # byte-order mark first, so Excel reads UTF-8 right
                bom = "".encode(CSV_ENCODING)
                out.write(bom)
                digest.update(bom)
                size += len(bom)
            while chunk := src.read(COPY_CHUNK):
                out.write(chunk)
                digest.update(chunk)
                size += len(chunk)
        manifest = {**manifest, "bytes": size, "sha256": digest.hexdigest()}
        info = zipfile.ZipInfo(MANIFEST_NAME, date_time=stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    return manifest


def _check_allowed(user: User, name: str, via: str) -> None:
    """A dashboard user needs the dataset's capability (the page checks too); the command line runs as an
    operating-system user who can read the store file anyway, and is recorded as such."""
    if via == "cli":
        return
    if not roles.can(user, dataset(name).capability):
        raise ExportError("unduh.not_allowed", role=user.role, dataset=name)


def record(con: duckdb.DuckDBPyConnection, manifest: dict) -> dict:
    """Append one download to ``unduhan_log``, linked into its hash chain in the same transaction (the only
    statement of the code base that writes the log); returns the entry as stored."""
    entry = {"download_id": manifest["download_id"], "username": manifest["username"], "role": manifest["role"],
             "downloaded_at": clock.as_utc(dt.datetime.fromisoformat(manifest["downloaded_at"])),
             "dataset": manifest["dataset"], "filters": json.dumps(manifest["filters"], sort_keys=True),
             "file_format": manifest["file_format"], "rows": manifest["rows"], "sha256": manifest["sha256"],
             "via": manifest["via"]}
    with transaction(con):
        entry = log_chain.link(con, entry)
        con.execute(
            "INSERT INTO unduhan_log (download_id, username, role, downloaded_at, dataset, filters, file_format, rows, "
            "sha256, via, seq, prev_hash, entry_hash) VALUES ($download_id, $username, $role, $downloaded_at, "
            "$dataset, $filters, $file_format, $rows, $sha256, $via, $seq, $prev_hash, $entry_hash)", entry)
    return entry


@contextlib.contextmanager
def _partial(path: Path) -> Iterator[Path]:
    """A temporary name next to ``path`` that becomes ``path`` only if the block succeeds."""
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        yield part
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)


def build_export(db: Path | str, name: str, filters: Filters, fmt: str, user: User, via: str = "dashboard",
                 out: Path | None = None, now: dt.datetime | None = None, base_url: str | None = None) -> ExportResult:
    """Build the ZIP of one download and record it in the log; returns its path and manifest.

    ``out``: where the ZIP goes (the command line's --out); by default a new temporary file, which the caller
    deletes after handing it out.
    """
    ds = dataset(name)
    if fmt not in FORMATS:
        raise ExportError("unduh.bad_format", fmt=fmt, allowed=", ".join(FORMATS))
    _check_allowed(user, name, via)
    instant = clock.as_utc(now) if now is not None else clock.utc_now()
    sql, params = sql_and_params(name, filters)
    manifest = {
        "manifest_version": MANIFEST_VERSION,
        "download_id": uuid.uuid4().hex,
        "dataset": name,
        "filters": filters.describe(),
        "period_column": ds.period_column,
        "link": dashboard_link(name, filters, base_url),
        "file": f"{name}.{fmt}",
        "file_format": fmt,
        "neutralised": fmt != "parquet",
        "neutralised_columns": [],
        "neutralisation": ("text cells beginning with = + - @, tab or carriage return are prefixed with ' "
                           "(spreadsheet-safe)" if fmt != "parquet" else "none: Parquet keeps values exactly"),
        "rows": None,
        "bytes": None,
        "sha256": None,
        "sql_file": f"queries/{ds.query}.sql",
        "sql": sql,
        "parameters": {k: _json_value(v) for k, v in params.items()},
        "staging_sql": _staging_sql(sql),
        "executed_sql": None,
        "store": Path(db).name,
        "store_version": None,
        "schema_version": None,
        "username": user.username,
        "role": user.role,
        "via": via,
        "downloaded_at": None,  # the office's time with its offset, set below once the office's zone is read
        "timezone": None,
        "log_chain_head": None,  # the download log's hash chain head when this file was made (audit verify --head)
    }
    if fmt == "csv":
        manifest["encoding"] = CSV_ENCODING
    # the download id (random) makes the temporary name unique and unguessable
    zip_path = Path(out) if out is not None else Path(tempfile.gettempdir()) / zip_name(manifest)
    with tempfile.TemporaryDirectory(prefix="kancil_export_") as tmpdir:
        work = Path(tmpdir)
        data_path = work / manifest["file"]
        with connection.reader(db) as con:  # held only while DuckDB writes a file: seconds for a million rows
            queries.install_macros(con)
            manifest["schema_version"] = schema.schema_version(con)
            manifest["log_chain_head"] = log_chain.head(con).text()
            zone = offices.directory(con).zone(filters.office)
            manifest["downloaded_at"] = clock.to_office(instant, zone).isoformat()
            manifest["timezone"] = (f"{clock.offset_text(zone)}: downloaded_at is the office's time (the log stores it "
                                    "as UTC); timestamps in the data are each office's own time zone (kantor)")
            manifest["store_version"] = connection.store_version(db)
            columns = _columns(con, sql, params)
            safe_sql, text = neutralised_sql(name, sql, columns)
            manifest["executed_sql"] = sql if fmt == "parquet" else safe_sql
            if fmt != "parquet":
                manifest["neutralised_columns"] = text
            if fmt == "xlsx":
                n = count_rows(con, name, filters)
                if n > XLSX_MAX_ROWS:
                    raise ExportError("unduh.xlsx_too_many", rows=n, max=XLSX_MAX_ROWS)
                _write_parquet(con, safe_sql, params, work / "stage.parquet")
            elif fmt == "csv":
                manifest["rows"] = _write_csv(con, safe_sql, params, data_path)
            else:
                manifest["rows"] = _write_parquet(con, sql, params, data_path)
        if fmt == "xlsx":
            manifest["rows"] = _write_xlsx(work / "stage.parquet", data_path, columns, manifest, work)
        # The ZIP gets its final name only once the download is recorded: no unrecorded file is ever handed out.
        with _partial(zip_path) as part:
            manifest = _zip(part, data_path, manifest["file"], fmt, manifest)
            with connection.writer(db, bump=False) as con:  # the log changes no figure: no cache refresh needed
                record(con, manifest)
    return ExportResult(zip_path, manifest)


def verify(path: Path | str) -> bool:
    """Whether the data file in a download ZIP still has the hash its manifest says."""
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read(MANIFEST_NAME))
        digest = hashlib.sha256()
        with zf.open(manifest["file"]) as src:
            while chunk := src.read(COPY_CHUNK):
                digest.update(chunk)
    return digest.hexdigest() == manifest["sha256"]


def chain_status(db: Path | str, wait: float = 5.0) -> log_chain.Verdict:
    """Whether the download log's hash chain verifies (the Log unduhan page): one walk over the whole log."""
    with connection.reader(db, wait=wait) as con:
        return log_chain.verify(con)


def latest_downloads(db: Path | str, filters: Filters, n: int = 100, wait: float = 5.0) -> tuple[int, pd.DataFrame]:
    """How many downloads the period holds and the latest ``n`` of them, newest first (the log page)."""
    with connection.reader(db, wait=wait) as con:
        sql, params = sql_and_params("download_log", filters)
        frame = _execute(con, sql, params).df()
    return len(frame), frame.iloc[::-1].head(n).reset_index(drop=True)
