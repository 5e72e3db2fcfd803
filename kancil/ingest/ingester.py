"""Loading the office's export files into the store, losing nothing and letting no bad row in silently.

The path for every file (CSV, XLSX, Parquet) and for in-memory frames (the demo generator, the test fixtures):

1. ``_raw``: the file as text, one column per contract column, one row per spreadsheet row in file order, so a
   row's spreadsheet number is its position + 2 (header = row 1). For CSV and Parquet ``_raw`` is a view over
   DuckDB's own reader (no copy); XLSX and the exact CSV reader fill a temporary table.
2. ``_parsed``: every cell trimmed and parsed once (codes lower-cased, timestamps by the accepted formats), every
   rule of the contract checked per row into ``_ok``. Rows whose contract cells are all empty are ``_blank``:
   skipped, not counted as rows. The original text is kept only for rows that break a rule (to report it).
3. ``_errors``: one row per broken rule (row, column, value, reason in Bahasa Indonesia), read from the few rows
   that are not ``_ok``, plus the later copies of a key repeated inside the file.
4. One transaction: the valid rows are compared with the store by key (identical: left alone, ``unchanged``;
   different: the stored row is replaced), inserted, and the batch and its rejects are recorded.

Everything is set-based SQL; there is no Python loop over rows except in the XLSX reader and in the exact CSV
reader that is used only for files DuckDB's fast reader cannot number exactly (blank lines, ragged rows).

For every file ``rows = stored + rejected`` holds, is printed, and is recorded in ``ingest_batches``.
"""

from __future__ import annotations

import csv
import getpass
import hashlib
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb

from kancil.contract import (
    CONTRACT,
    DATE_FORMATS,
    FALSE_WORDS,
    LOCAL_TIMEZONE,
    TIMESTAMP_FORMATS,
    TRUE_WORDS,
    YEAR_MAX,
    YEAR_MIN,
    Column,
    Kind,
)
from kancil.ingest import xlsx_bounds, xlsx_child
from kancil.ingest.header import Header, match_header
from kancil.ingest.limits import DEFAULT_LIMITS, Limits
from kancil.store import calendar, clock, settings
from kancil.store.sql import one, transaction

SUFFIXES = {".csv": "csv", ".txt": "csv", ".xlsx": "xlsx", ".parquet": "parquet"}
# Kinds whose offices the working-day calendar covers (kancil/store/calendar.py); a new office there means a rebuild.
CALENDAR_KINDS = ("antrian", "permohonan", "kuota")
ROW = "CAST(rowid + 2 AS INTEGER)"  # the spreadsheet row number of a row of _parsed (header = row 1)
P_ROW = "CAST(p.rowid + 2 AS INTEGER)"  # the same, of _parsed aliased as p
WHOLE_ROW = "*"  # the column named by a problem of the whole row (e.g. more cells than the header)


STORED_BUT_EXIT = 4  # exit status of "disimpan, tetapi …" (3 is "store busy")


class Refused(Exception):
    """The file cannot be loaded at all (unreadable, empty, or a required column missing)."""


@dataclass
class Reject:
    row: int
    column: str
    value: str | None
    reason: str


@dataclass
class IngestResult:
    file: str
    kind: str
    rows: int = 0
    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    rejected: int = 0
    rejects: list[Reject] = field(default_factory=list)
    extra_columns: list[str] = field(default_factory=list)
    refused: str | None = None
    batch_id: int | None = None
    blank_rows: int = 0
    stored_but: str | None = None  # "<file>: disimpan, tetapi …": committed, then a later step failed

    @property
    def exit_code(self) -> int:
        """0 every row stored; 1 some rows rejected; 2 the file was refused whole; 4 stored (as counted), but a
        step after the commit failed (``stored_but`` says which and what it means)."""
        if self.refused is not None:
            return 2
        if self.stored_but is not None:
            return STORED_BUT_EXIT
        return 1 if self.rejected else 0

    def as_json(self) -> dict:
        data = asdict(self)
        data["rejects"] = [asdict(r) for r in self.rejects]
        return data


def _lit(text: str) -> str:
    """A SQL string literal of a constant of ours (column names, reasons, paths): quotes doubled."""
    return "'" + text.replace("'", "''") + "'"


def _sql_list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(_lit(v) for v in values) + "]"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _drop(con: duckdb.DuckDBPyConnection, *names: str) -> None:
    """Drop temp views or tables by name, whichever they are."""
    for name in names:
        for kind in ("VIEW", "TABLE"):
            try:
                con.execute(f"DROP {kind} IF EXISTS {name}")
            except duckdb.CatalogException:
                pass  # it exists as the other kind


# ---------------------------------------------------------------------------------------------- reading


def _missing_message(file_name: str, missing: list[str]) -> str:
    return (
        f"{file_name}: kolom wajib tidak ada di baris judul (baris 1): {', '.join(missing)}. "
        "Berkas ditolak seluruhnya, tidak ada baris yang disimpan."
    )


@dataclass
class Source:
    """A file made into ``_raw``: its header and, for CSV, the exact (slow) reader to fall back to."""

    header: Header
    fallback: Callable[[], None] | None = None


def _csv_delimiter(first_line: str) -> str:
    return ";" if first_line.count(";") > first_line.count(",") else ","


def _read_csv(con: duckdb.DuckDBPyConnection, path: Path, kind: Kind, limits: Limits) -> Source:
    with path.open("r", encoding="utf-8-sig", newline="") as fh:
        first = fh.readline()
    if not first.strip():
        raise Refused(f"{path.name}: berkas kosong (tidak ada baris judul di baris 1).")
    delim = _csv_delimiter(first)
    header = match_header(kind, next(csv.reader([first], delimiter=delim)))

    def exact() -> None:
        _read_csv_exact(con, path, kind, header, delim)

    # The fast path: DuckDB's parallel reader, every column as text (no type guessing), strict about the number
    # of cells per row. Anything it cannot read exactly fails when _parsed is built, and the exact reader runs;
    # so does a file with an empty line inside, which DuckDB would skip (shifting the row numbers after it).
    names = [m if m else f"_extra_{i}" for i, m in enumerate(header.mapped)]
    columns = "{" + ", ".join(f"{_lit(n)}: 'VARCHAR'" for n in names) + "}"
    select = ", ".join(
        _ident(c) if c in header.mapped else f"CAST(NULL AS VARCHAR) AS {_ident(c)}" for c in kind.column_names
    )
    _drop(con, "_raw")
    con.execute(
        f"""
        CREATE TEMP VIEW _raw AS
        SELECT {select} FROM read_csv({_lit(str(path))}, delim = {_lit(delim)}, header = true,
            columns = {columns}, quote = '"', escape = '"', auto_detect = false, strict_mode = true,
            null_padding = false, encoding = 'utf-8')
        """
    )
    return Source(header, fallback=exact)


def _read_csv_exact(con: duckdb.DuckDBPyConnection, path: Path, kind: Kind, header: Header, delim: str) -> None:
    """Python's csv module: every record kept (blank ones too), short rows padded, long rows flagged."""
    positions = [(header.position(c), c) for c in kind.column_names]
    width = len(header.mapped)
    columns: dict[str, list[str | None]] = {c: [] for c in kind.column_names}
    problems: list[str | None] = []
    with path.open("r", encoding="utf-8-sig", newline="") as fh:
        records = csv.reader(fh, delimiter=delim)
        next(records)
        for record in records:
            n = len(record)
            for pos, name in positions:
                columns[name].append(record[pos] if pos is not None and pos < n else None)
            if n > width and any(cell.strip() for cell in record[width:]):
                problems.append(
                    f"baris berisi {n} sel, lebih banyak dari baris judul ({width} kolom); "
                    f"periksa pemisah '{delim}' di dalam nilai"
                )
            else:
                problems.append(None)
    import pyarrow as pa  # only on this slow path and for XLSX: a CSV load through DuckDB's reader never needs it

    table = pa.table({**{c: pa.array(v, type=pa.string()) for c, v in columns.items()},
                      "_problem": pa.array(problems, type=pa.string())})
    _register_raw(con, table, kind)


def _read_xlsx(con: duckdb.DuckDBPyConnection, path: Path, kind: Kind, limits: Limits) -> Source:
    """The first sheet, checked against the limits from what it declares, then read by a child process under an
    address-space and a time limit (kancil/ingest/xlsx_child.py): the worst workbook costs a refusal."""
    import pyarrow as pa

    try:
        xlsx_bounds.check_workbook(path, path.name, limits)
        cells = xlsx_child.read_workbook(path, path.name, kind.name, limits)
    except (xlsx_bounds.WorkbookRefused, xlsx_child.ChildRefused) as exc:
        raise Refused(str(exc)) from exc
    if not any(c not in (None, "") for c in cells["header"]):
        raise Refused(f"{path.name}: berkas kosong (baris 1 lembar pertama, baris judul, kosong).")
    header = match_header(kind, list(cells["header"]))
    by_position = cells["columns"]
    n_rows = len(by_position[0]) if by_position else 0
    columns: dict[str, list[str | None]] = {}
    for col in kind.columns:
        pos = header.position(col.name)
        columns[col.name] = by_position[pos] if pos is not None else [None] * n_rows
    del cells, by_position
    _register_raw(con, pa.table({c: pa.array(v, type=pa.string()) for c, v in columns.items()}), kind)
    return Source(header)


def _register_raw(con: duckdb.DuckDBPyConnection, table: object, kind: Kind) -> Header:
    """``_raw`` from an in-memory table (Arrow or pandas): contract columns as text, matched like a header."""
    con.register("_incoming", table)
    try:
        names = [r[0] for r in con.execute("DESCRIBE SELECT * FROM _incoming").fetchall()]
        header = match_header(kind, [n for n in names if n != "_problem"])
        by_name = {m: n for m, n in zip(header.mapped, [n for n in names if n != "_problem"], strict=True) if m}
        select = [
            f"CAST({_ident(by_name[c])} AS VARCHAR) AS {_ident(c)}" if c in by_name
            else f"CAST(NULL AS VARCHAR) AS {_ident(c)}"
            for c in kind.column_names
        ]
        if "_problem" in names:
            select.append("_problem")
        _drop(con, "_raw")
        con.execute(f"CREATE TEMP TABLE _raw AS SELECT {', '.join(select)} FROM _incoming")
    finally:
        con.unregister("_incoming")
    return header


def _read_parquet(con: duckdb.DuckDBPyConnection, path: Path, kind: Kind, limits: Limits) -> Source:
    source = f"read_parquet({_lit(str(path))})"
    described = con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
    names = [r[0] for r in described]
    types = {r[0]: str(r[1]).upper() for r in described}
    header = match_header(kind, names)
    by_name = {m: n for m, n in zip(header.mapped, names, strict=True) if m}
    # The zone of each row's office (its row of ``kantor``), WIB for an office not listed there.
    office_zone = _lit(LOCAL_TIMEZONE)
    if "office_code" in by_name:
        office = f"trim(CAST(src.{_ident(by_name['office_code'])} AS VARCHAR))"
        office_zone = (f"coalesce((SELECT k.timezone FROM kantor k WHERE k.office_code = {office}), "
                       f"{_lit(LOCAL_TIMEZONE)})")

    def text(column: str) -> str:
        if column not in by_name:
            return f"CAST(NULL AS VARCHAR) AS {_ident(column)}"
        name = by_name[column]
        expr = _ident(name)
        if types[name] == "TIMESTAMP WITH TIME ZONE":
            expr = f"timezone({office_zone}, {expr})"  # an instant becomes the time at the row's office
        elif types[name].startswith("TIMESTAMP"):
            expr = f"CAST({expr} AS TIMESTAMP)"  # _S, _MS, _NS: one text form
        return f"CAST({expr} AS VARCHAR) AS {_ident(column)}"

    _drop(con, "_raw")
    con.execute(f"CREATE TEMP VIEW _raw AS SELECT {', '.join(text(c) for c in kind.column_names)} FROM {source} AS src")
    return Source(header)


def read_file(con: duckdb.DuckDBPyConnection, path: Path, kind: Kind, limits: Limits = DEFAULT_LIMITS) -> Source:
    """Make ``_raw`` from a file; refuse a file of another type or one that cannot be opened."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise Refused(f"{path.name}: jenis berkas tidak didukung ({suffix or 'tanpa akhiran'}); "
                      "gunakan CSV, XLSX atau Parquet.")
    reader = {"csv": _read_csv, "xlsx": _read_xlsx, "parquet": _read_parquet}[SUFFIXES[suffix]]
    try:
        return reader(con, path, kind, limits)
    except Refused:
        raise
    except UnicodeDecodeError as exc:
        raise Refused(_not_utf8(path.name)) from exc
    except Exception as exc:  # any reader failure means the file as a whole cannot be read
        raise Refused(f"{path.name}: berkas tidak dapat dibaca: {_first_line(exc)}") from exc


def _not_utf8(file_name: str) -> str:
    return (f"{file_name}: bukan teks UTF-8 yang sah; simpan ulang sebagai \"CSV UTF-8\". "
            "Berkas ditolak seluruhnya, tidak ada baris yang disimpan.")


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


# ---------------------------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class Rule:
    """One rule of the contract: rows where ``broken`` holds are rejected with this column, value and reason.

    ``broken`` and ``value`` are SQL over the parsed columns (``"name"``) and the trimmed text (``"name__raw"``);
    ``reason`` is a SQL text expression. The same rules decide ``_ok`` and fill ``_errors``, so they agree.
    """

    column: str
    broken: str
    value: str
    reason: str


def _raw(name: str) -> str:
    return _ident(f"{name}__raw")


def _text(kind: Kind, name: str) -> str:
    """The trimmed text of a column: for a text column its value itself, else the kept ``__raw`` text."""
    return _ident(name) if kind.column(name).type == "text" else _raw(name)


def _trimmed(name: str) -> str:
    """The cell without surrounding spaces, NULL if empty (trim only when needed: it is the costly part)."""
    c = _ident(name)
    return f"CASE WHEN {c} LIKE ' %' OR {c} LIKE '% ' THEN nullif(trim({c}), '') ELSE nullif({c}, '') END"


def _parse_expr(col: Column) -> str:
    """SQL turning the trimmed text of a column into its typed value, or NULL if the text is not valid."""
    v = _raw(col.name)
    if col.type == "code":
        allowed = _sql_list(col.allowed)
        return f"CASE WHEN {v} IN {allowed} THEN {v} WHEN lower({v}) IN {allowed} THEN lower({v}) END"
    if col.type == "timestamp":
        return f"try_strptime({v}, {_sql_list(TIMESTAMP_FORMATS)})"
    if col.type == "date":
        as_ts = f"try_strptime({v}, {_sql_list(TIMESTAMP_FORMATS)})"
        midnight = f"CASE WHEN CAST({as_ts} AS TIME) = TIME '00:00:00' THEN CAST({as_ts} AS DATE) END"
        return f"coalesce(CAST(try_strptime({v}, {_sql_list(DATE_FORMATS)}) AS DATE), {midnight})"
    if col.type == "bool":
        return (f"CASE WHEN lower({v}) IN {_sql_list(TRUE_WORDS)} THEN true "
                f"WHEN lower({v}) IN {_sql_list(FALSE_WORDS)} THEN false END")
    if col.type == "int":
        d = f"try_cast({v} AS DOUBLE)"
        lo = max(col.min_value if col.min_value is not None else -(2**31), -(2**31))
        hi = min(col.max_value if col.max_value is not None else 2**31 - 1, 2**31 - 1)
        whole = f"isfinite({d}) AND {d} = floor({d}) AND {d} BETWEEN {lo} AND {hi}"
        return f"CASE WHEN {whole} THEN CAST({d} AS INTEGER) END"
    return v


def _bad_value_reason(col: Column) -> str:
    name = col.name
    if col.type == "code":
        return f"{name}: kode tidak dikenal; yang berlaku: {', '.join(col.allowed)}"
    if col.type == "timestamp":
        return f"{name}: bukan tanggal-waktu yang sah (YYYY-MM-DD HH:MM[:SS] atau DD/MM/YYYY HH:MM[:SS])"
    if col.type == "date":
        return f"{name}: bukan tanggal yang sah (YYYY-MM-DD atau DD/MM/YYYY)"
    if col.type == "bool":
        return f"{name}: bukan nilai ya/tidak yang sah (ya/tidak, true/false, 1/0)"
    if col.type == "int":
        if col.max_value is not None:
            return f"{name}: harus bilangan bulat {col.min_value}–{col.max_value}"
        return f"{name}: harus bilangan bulat ≥ {col.min_value}"
    return f"{name}: nilai tidak sah"


def rules(kind: Kind, row_problems: bool = False) -> list[Rule]:
    out: list[Rule] = []
    if row_problems:
        out.append(Rule(WHOLE_ROW, "_problem IS NOT NULL", "NULL", "_problem"))
    for col in kind.columns:
        name, raw = col.name, _text(kind, col.name)
        if col.required:
            out.append(Rule(name, f"{raw} IS NULL", "NULL", _lit(f"{name}: wajib diisi")))
        if col.type != "text":
            out.append(Rule(name, f"{raw} IS NOT NULL AND {_ident(name)} IS NULL", raw,
                            _lit(_bad_value_reason(col))))
        if col.type in ("timestamp", "date"):
            out.append(Rule(name, f"year({_ident(name)}) NOT BETWEEN {YEAR_MIN} AND {YEAR_MAX}", raw,
                            _lit(f"{name}: tahun harus {YEAR_MIN}–{YEAR_MAX} (tulis tahun dengan 4 angka)")))
    for order in kind.orders:
        later, earlier = order.later, order.earlier
        out.append(Rule(
            later,
            f"{_ident(later)} < {_ident(earlier)}",
            _text(kind, later),
            f"{_lit(f'{later} lebih awal dari {earlier} (')} || {_text(kind, earlier)} || ')'",
        ))
    for name, flag in kind.only_when:
        out.append(Rule(
            name,
            f"{_ident(flag)} = false AND {_text(kind, name)} IS NOT NULL",
            _text(kind, name),
            _lit(f"{name}: hanya boleh diisi bila {flag} = ya"),
        ))
    return out


# ---------------------------------------------------------------------------------------------- parsing


def _raw_columns(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [d[0] for d in con.execute("SELECT * FROM _raw LIMIT 0").description]


def parse(con: duckdb.DuckDBPyConnection, kind: Kind) -> list[Rule]:
    """Build ``_parsed`` from ``_raw`` in one pass; return the rules it was checked against."""
    has_problem = "_problem" in _raw_columns(con)
    kind_rules = rules(kind, row_problems=has_problem)
    names = kind.column_names
    trimmed = ", ".join(f"{_trimmed(c)} AS {_raw(c)}" for c in names)
    parsed = ", ".join(f"{_parse_expr(col)} AS {_ident(col.name)}" for col in kind.columns)
    blank = " AND ".join(f"{_raw(c)} IS NULL" for c in names)
    broken = " OR ".join(f"coalesce({r.broken}, false)" for r in kind_rules)
    problem = ", _problem" if has_problem else ""
    # The text as written is kept only where a rule is broken (to report it), and only where it differs from the
    # parsed value: for the valid rows these columns are all NULL, which costs next to nothing to store.
    keep_raw = "".join(
        f", CASE WHEN NOT _ok THEN {_raw(c.name)} END AS {_raw(c.name)}" for c in kind.columns if c.type != "text"
    )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE _parsed AS
        SELECT {', '.join(_ident(c) for c in names)}{keep_raw}{problem}, _ok, _blank
        FROM (
            SELECT *, NOT _blank AND NOT ({broken}) AS _ok
            FROM (
                SELECT *, {parsed}, ({blank}) AS _blank
                FROM (SELECT {trimmed}{problem} FROM _raw)
            )
        )
        """
    )
    return kind_rules


def _validate(con: duckdb.DuckDBPyConnection, kind: Kind, kind_rules: list[Rule]) -> int:
    """Fill ``_errors`` (every broken rule) and ``_dup`` (later copies of a key); return the number of dups."""
    selects = [
        f"SELECT {ROW}, {_lit(r.column)}, CAST({r.value} AS VARCHAR), {r.reason} FROM _parsed "
        f"WHERE NOT _ok AND NOT _blank AND coalesce({r.broken}, false)"
        for r in kind_rules
    ]
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE _errors AS SELECT * FROM ({' UNION ALL '.join(selects)}) "
        "AS e(_row, column_name, value, reason)"
    )
    # A key repeated inside one file: the first valid copy is stored, the later ones are rejected.
    key = ", ".join(_ident(k) for k in kind.key)
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _dupkeys AS
        SELECT {key}, min({ROW}) AS first_row FROM _parsed WHERE _ok GROUP BY ALL HAVING count(*) > 1"""
    )
    con.execute("CREATE OR REPLACE TEMP TABLE _dup (_row INTEGER)")
    if not one(con, "SELECT count(*) FROM _dupkeys")[0]:
        return 0
    key_join = " AND ".join(f"p.{_ident(k)} = d.{_ident(k)}" for k in kind.key)
    key_text = " || ' / ' || ".join(f"CAST(p.{_ident(k)} AS VARCHAR)" for k in kind.key)
    key_names = " / ".join(kind.key)
    con.execute(
        f"""INSERT INTO _dup SELECT {P_ROW} FROM _parsed p JOIN _dupkeys d ON {key_join}
        WHERE p._ok AND {P_ROW} <> d.first_row"""
    )
    con.execute(
        f"""INSERT INTO _errors
        SELECT {P_ROW}, {_lit(kind.key[-1])}, {key_text},
               {_lit(f'duplikat dalam berkas: {key_names} sama dengan baris ')} || CAST(d.first_row AS VARCHAR)
        FROM _parsed p JOIN _dupkeys d ON {key_join}
        WHERE p._ok AND {P_ROW} <> d.first_row"""
    )
    return one(con, "SELECT count(*) FROM _dup")[0]


# ---------------------------------------------------------------------------------------------- storing


def _store(con: duckdb.DuckDBPyConnection, kind: Kind, result: IngestResult, n_dup: int, sha: str, who: str) -> None:
    """Inside the caller's transaction: compare with the store, replace, insert, record batch and rejects."""
    table = kind.name
    cols = ", ".join(_ident(c) for c in kind.column_names)
    key_cols = ", ".join(f"v.{_ident(k)}" for k in kind.key)
    key_join = " AND ".join(f"v.{_ident(k)} = s.{_ident(k)}" for k in kind.key)
    same = " AND ".join(f"v.{_ident(c)} IS NOT DISTINCT FROM s.{_ident(c)}" for c in kind.column_names)
    not_dup = f" AND {ROW} NOT IN (SELECT _row FROM _dup)" if n_dup else ""
    valid = f"SELECT {ROW} AS _row, * FROM _parsed WHERE _ok{not_dup}"
    # Compare with what is stored: identical rows are left alone, changed rows are replaced.
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _match AS
        SELECT v._row, {key_cols}, bool_and({same}) AS identical
        FROM ({valid}) v JOIN {table} s ON {key_join} GROUP BY ALL"""
    )
    valid_n, unchanged, replaced = one(
        con, "SELECT (SELECT count(*) FROM _parsed WHERE _ok) - $dup, count(*) FILTER (WHERE identical), "
             "count(*) FILTER (WHERE NOT identical) FROM _match", {"dup": n_dup}
    )
    result.stored, result.unchanged, result.replaced = valid_n, unchanged, replaced
    result.rejected = one(con, "SELECT count(DISTINCT _row) FROM _errors")[0]
    result.batch_id = _next_batch_id(con)

    if replaced:
        match_join = " AND ".join(f"m.{_ident(k)} = s.{_ident(k)}" for k in kind.key)
        con.execute(
            f"DELETE FROM {table} s WHERE EXISTS (SELECT 1 FROM _match m WHERE NOT m.identical AND {match_join})"
        )
    if valid_n > unchanged:
        skip = f" AND {ROW} NOT IN (SELECT _row FROM _match WHERE identical)" if unchanged else ""
        con.execute(
            f"INSERT INTO {table} ({cols}, batch_id) SELECT {cols}, $batch FROM _parsed WHERE _ok{not_dup}{skip}",
            {"batch": result.batch_id},
        )
    con.execute(
        "INSERT INTO ingest_rejects SELECT $batch, _row, column_name, value, reason FROM _errors "
        "ORDER BY _row, column_name",
        {"batch": result.batch_id},
    )
    _record_batch(con, result, sha, who, "dimuat")
    if kind.name == "permohonan" and valid_n > unchanged:
        calendar.refresh_completion(con, batch_id=result.batch_id)
    if kind.name in CALENDAR_KINDS and valid_n > unchanged:
        new_offices = one(con, """SELECT count(*) FROM (SELECT DISTINCT office_code FROM _parsed WHERE _ok
                                  EXCEPT SELECT DISTINCT office_code FROM hari_kerja)""")[0]
        if new_offices:
            calendar.rebuild(con)


def _next_batch_id(con: duckdb.DuckDBPyConnection) -> int:
    return one(con, "SELECT coalesce(max(batch_id), 0) + 1 FROM ingest_batches")[0]


def _record_batch(con: duckdb.DuckDBPyConnection, result: IngestResult, sha: str, who: str, status: str) -> None:
    if result.batch_id is None:
        result.batch_id = _next_batch_id(con)
    message = result.refused
    if message is None and result.blank_rows:
        message = f"{result.blank_rows} baris kosong dilewati"
    con.execute(
        """INSERT INTO ingest_batches (batch_id, file_name, sha256, kind, rows, stored, replaced, unchanged,
            rejected, loaded_by, loaded_at, extra_columns, status, message)
        VALUES ($id, $file, $sha, $kind, $rows, $stored, $replaced, $unchanged, $rejected, $who, $at, $extra,
            $status, $message)""",
        {
            "id": result.batch_id, "file": result.file, "sha": sha, "kind": result.kind, "rows": result.rows,
            "stored": result.stored, "replaced": result.replaced, "unchanged": result.unchanged,
            "rejected": result.rejected, "who": who, "at": clock.utc_now(),
            "extra": ", ".join(result.extra_columns) or None, "status": status, "message": message,
        },
    )


def _record_refused(con: duckdb.DuckDBPyConnection, result: IngestResult, sha: str, who: str) -> IngestResult:
    """A refused file: nothing stored; the batch and the reason (and its rejects, if any) are recorded."""
    result.stored = result.replaced = result.unchanged = 0
    result.rejected = result.rows
    with transaction(con):
        _record_batch(con, result, sha, who, "ditolak")
        if result.rejects:
            con.executemany(
                "INSERT INTO ingest_rejects VALUES (?, ?, ?, ?, ?)",
                [(result.batch_id, r.row, r.column, r.value, r.reason) for r in result.rejects],
            )
    return result


def _collect_rejects(con: duckdb.DuckDBPyConnection, result: IngestResult) -> None:
    rows = con.execute("SELECT _row, column_name, value, reason FROM _errors ORDER BY _row, column_name").fetchall()
    result.rejects = [Reject(int(r), c, v, why) for r, c, v, why in rows]


def _cleanup(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the temporary tables; they die with the connection anyway, so a failure here (after a commit, on a
    full disk) must not hide what was stored."""
    try:
        _drop(con, "_raw", "_parsed", "_errors", "_dupkeys", "_dup", "_match")
    except duckdb.Error:
        pass


def _load_parsed(
    con: duckdb.DuckDBPyConnection, kind: Kind, kind_rules: list[Rule], result: IngestResult, header: Header,
    sha: str | Callable[[], str], who: str,
) -> IngestResult:
    """From a built ``_parsed``: refuse an empty file or one missing columns, else validate and store."""
    # Empty rows after the last row with data (line ends, cells formatted but empty) are not even counted.
    rows, blank = one(con, """SELECT count(*) FILTER (WHERE NOT _blank),
        count(*) FILTER (WHERE _blank AND rowid < (SELECT max(rowid) FROM _parsed WHERE NOT _blank))
        FROM _parsed""")
    result.rows, result.blank_rows = rows, blank
    digest = sha() if callable(sha) else sha
    if header.missing:
        result.refused = _missing_message(result.file, header.missing)
        result.rejects = [Reject(1, c, None, f"{c}: kolom wajib tidak ada di baris judul") for c in header.missing]
        return _record_refused(con, result, digest, who)
    if rows == 0:
        result.refused = f"{result.file}: berkas kosong (hanya baris judul, tanpa baris data)."
        return _record_refused(con, result, digest, who)
    n_dup = _validate(con, kind, kind_rules)
    with transaction(con):
        _store(con, kind, result, n_dup, digest, who)
    try:  # committed: from here on a failure must not turn into "nothing stored"
        _collect_rejects(con, result)
    except duckdb.Error as exc:
        result.stored_but = (f"{result.file}: disimpan, tetapi daftar baris yang ditolak tidak dapat dibaca "
                             f"({_first_line(exc)}); lihat tabel ingest_rejects, batch {result.batch_id}")
    return result


def load_frame(con: duckdb.DuckDBPyConnection, kind_name: str, frame: object, name: str, who: str) -> IngestResult:
    """Load an in-memory table (pandas or Arrow) through the same path as a file."""
    kind = CONTRACT[kind_name]
    header = _register_raw(con, frame, kind)
    result = IngestResult(file=name, kind=kind_name, extra_columns=header.extras)
    try:
        kind_rules = parse(con, kind)
        return _load_parsed(con, kind, kind_rules, result, header, "", who)
    finally:
        _cleanup(con)


def _blank_line_end(data: bytes) -> int:
    """Where the first empty line (LF or CRLF endings) in ``data`` ends, or -1."""
    ends = [at + len(p) for p in (b"\n\n", b"\n\r\n") if (at := data.find(p)) >= 0]
    return min(ends) if ends else -1


class _FileScan:
    """One pass over the file's bytes in a thread, while DuckDB reads the same file: its SHA-256 and whether an
    empty line comes before the last non-empty one (DuckDB's CSV reader skips empty lines, so the row numbers
    after one would shift: such a file goes through the exact reader). hashlib and bytes.find release the GIL."""

    CHUNK = 1 << 22

    def __init__(self, path: Path):
        self.sha256 = ""
        self.inner_blank_line = False
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(path,), daemon=True)
        self._thread.start()

    def _run(self, path: Path) -> None:
        try:
            digest = hashlib.sha256()
            blank_seen = False
            tail = b""
            with path.open("rb") as fh:
                for chunk in iter(lambda: fh.read(self.CHUNK), b""):
                    digest.update(chunk)
                    if self.inner_blank_line:
                        continue
                    if blank_seen:
                        self.inner_blank_line = bool(chunk.strip())
                        continue
                    window = tail + chunk[:2]  # an empty line across the chunk boundary
                    end = _blank_line_end(window)
                    rest = chunk[max(0, end - len(tail)):] if end >= 0 else None
                    if rest is None and (end := _blank_line_end(chunk)) >= 0:
                        rest = chunk[end:]
                    if rest is not None:
                        blank_seen = True
                        self.inner_blank_line = bool(rest.strip())
                    tail = chunk[-2:]
            self.sha256 = digest.hexdigest()
        except BaseException as exc:  # reported when the result is asked for
            self._error = exc

    def result(self) -> _FileScan:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self

    def digest(self) -> str:
        return self.result().sha256


def ingest_file(con: duckdb.DuckDBPyConnection, kind_name: str, path: Path, who: str | None = None) -> IngestResult:
    """Load one file into an open read-write connection, as one transaction; a refused file stores nothing."""
    if kind_name not in CONTRACT:
        raise ValueError(f"jenis data tidak dikenal: {kind_name}; pilih salah satu: {', '.join(CONTRACT)}")
    who = who or getpass.getuser()
    path = Path(path)
    kind = CONTRACT[kind_name]
    result = IngestResult(file=path.name, kind=kind_name)
    if not path.is_file():
        result.refused = f"{path.name}: berkas tidak ditemukan atau bukan berkas: {path}"
        return _record_refused(con, result, "", who)
    scan = _FileScan(path)
    try:
        try:
            limits = Limits.from_settings(settings.all_settings(con))
            source = read_file(con, path, kind, limits)
            result.extra_columns = source.header.extras
            try:
                kind_rules = parse(con, kind)
                exact = source.fallback is not None and scan.result().inner_blank_line
            except duckdb.Error as exc:
                if source.fallback is None:
                    raise Refused(f"{path.name}: berkas tidak dapat dibaca: {_first_line(exc)}") from exc
                exact = True
            if exact and source.fallback is not None:
                try:
                    source.fallback()  # DuckDB's fast reader could not number every row exactly
                except UnicodeDecodeError as decode_error:
                    raise Refused(_not_utf8(path.name)) from decode_error
                except (csv.Error, OSError) as csv_error:
                    raise Refused(f"{path.name}: berkas tidak dapat dibaca: {csv_error}") from csv_error
                kind_rules = parse(con, kind)
        except Refused as exc:
            result.refused = str(exc)
            return _record_refused(con, result, scan.digest(), who)
        return _load_parsed(con, kind, kind_rules, result, source.header, scan.digest, who)
    finally:
        _cleanup(con)


def ingest_into(db: Path | str, kind_name: str, path: Path, who: str | None = None) -> IngestResult:
    """Load one file into the store at ``db`` with its own writer (the command line and the Data page).

    What the store committed is what the result says: a failure after the commit (closing the store, bumping the
    ``.version`` file the dashboard keys its cache on) becomes ``stored_but`` ("disimpan, tetapi …", exit status
    4). Any other failure is checked against the store before "nothing stored" is said: a batch recorded for
    this load means it was stored.
    """
    from kancil.store import connection

    result: IngestResult | None = None
    before: int | None = None
    name = Path(path).name
    try:
        with connection.writer(db) as con:
            before = one(con, "SELECT coalesce(max(batch_id), 0) FROM ingest_batches")[0]
            result = ingest_file(con, kind_name, path, who=who)
    except connection.AfterCommitFailed as exc:
        if result is None:  # cannot happen: the writer raises this only after its body finished
            raise
        done = "ditolak (tercatat)" if result.refused else "disimpan"
        result.stored_but = f"{result.file}: {done}, tetapi {exc}"
    except connection.StoreBusy:
        raise
    except Exception as exc:
        reason = failure_reason(exc)
        recorded = _recorded_since(db, before)
        if recorded is None:
            return IngestResult(file=name, kind=kind_name, refused=f"{name}: gagal dimuat: {reason}; belum dapat "
                                "diperiksa apakah ada yang tersimpan (lihat riwayat pemuatan)")
        if not recorded:
            return IngestResult(file=name, kind=kind_name, refused=f"{name}: gagal dimuat, tidak ada yang "
                                f"disimpan: {reason}")
        result = recorded[0]
        result.stored_but = f"{name}: disimpan, tetapi langkah sesudahnya gagal: {reason}"
    return result


def failure_reason(exc: BaseException) -> str:
    """An error as the user is told it: the usual causes in Bahasa Indonesia, the original text after them."""
    text = _first_line(exc) if isinstance(exc, Exception) else type(exc).__name__
    if getattr(exc, "errno", None) == 28 or "No space left on device" in text:
        return f"disk penyimpanan penuh ({text})"
    if getattr(exc, "errno", None) in (13, 30) or "Permission denied" in text or "Read-only file system" in text:
        return f"penyimpanan tidak dapat ditulis ({text})"
    return text


def _recorded_since(db: Path | str, before: int | None) -> list[IngestResult] | None:
    """The batches recorded after ``before`` (what a failed load did commit), or None if it cannot be told."""
    from kancil.store import connection

    if before is None:  # the store was never opened for writing: nothing of this load was committed
        return []
    try:
        with connection.reader(db, wait=5.0) as con:
            rows = con.execute(
                "SELECT file_name, kind, rows, stored, replaced, unchanged, rejected, batch_id, blank_rows "
                "FROM (SELECT *, 0 AS blank_rows FROM ingest_batches) WHERE batch_id > $b AND status = 'dimuat' "
                "ORDER BY batch_id", {"b": before}).fetchall()
    except Exception:
        return None
    return [IngestResult(file=r[0], kind=r[1], rows=r[2], stored=r[3], replaced=r[4], unchanged=r[5], rejected=r[6],
                         batch_id=r[7]) for r in rows]
