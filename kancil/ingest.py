"""Loading the office's export files into the store, losing nothing and letting no bad row in silently.

The path for every file (CSV, XLSX, Parquet) and for the demo generator is the same:

1. read the file into a temporary all-text table ``_raw`` with the spreadsheet row number (header = row 1);
2. parse every cell once into ``_parsed`` (text trimmed, codes lower-cased, timestamps by the accepted formats);
3. find every broken rule with set-based SQL into ``_errors`` (row, column, value, reason in Bahasa Indonesia);
4. in one transaction: store the valid rows (replacing rows of the same key from earlier files, skipping rows
   that are already stored identically) and record the batch and its rejected rows.

For every file ``rows = stored + rejected`` holds, is printed, and is recorded in ``ingest_batches``.
"""

from __future__ import annotations

import csv
import datetime as dt
import getpass
import hashlib
import io
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from kancil import calendar
from kancil.contract import (
    CONTRACT,
    DATE_FORMATS,
    FALSE_WORDS,
    TIMESTAMP_FORMATS,
    TRUE_WORDS,
    Column,
    Kind,
)
from kancil.store import one


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

    @property
    def exit_code(self) -> int:
        """0 every row stored; 1 some rows rejected; 2 the file was refused whole."""
        if self.refused is not None:
            return 2
        return 1 if self.rejected else 0

    def as_json(self) -> dict:
        data = asdict(self)
        data["rejects"] = [asdict(r) for r in self.rejects]
        return data


def _sql_list(values: tuple[str, ...]) -> str:
    """A SQL list of contract constants (never user data): safe to inline."""
    return "[" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + "]"


# ---------------------------------------------------------------------------------------------- reading


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _normalise(name: object) -> str:
    return str(name).strip().strip("\ufeff").strip().lower()


def _match_header(kind: Kind, header: list[str], file_name: str) -> tuple[list[str | None], list[str]]:
    """Map each header cell to a contract column (or None); refuse if a contract column is missing."""
    names = [_normalise(h) for h in header]
    wanted = set(kind.column_names)
    missing = [c for c in kind.column_names if c not in names]
    if missing:
        raise Refused(
            f"{file_name}: kolom wajib tidak ada di baris judul (baris 1): {', '.join(missing)}. "
            f"Berkas ditolak seluruhnya, tidak ada baris yang disimpan."
        )
    seen: set[str] = set()
    mapped: list[str | None] = []
    extras: list[str] = []
    for raw_name, name in zip(header, names, strict=True):
        if name in wanted and name not in seen:
            mapped.append(name)
            seen.add(name)
        else:
            mapped.append(None)
            extras.append(str(raw_name).strip())
    return mapped, extras


def _read_csv(con: duckdb.DuckDBPyConnection, path: Path, kind: Kind) -> list[str]:
    with path.open("r", encoding="utf-8-sig", newline="") as fh:
        first = fh.readline()
    if not first.strip():
        raise Refused(f"{path.name}: berkas kosong (tidak ada baris judul).")
    delim = ";" if first.count(";") > first.count(",") else ","
    header = next(csv.reader(io.StringIO(first), delimiter=delim))
    mapped, extras = _match_header(kind, header, path.name)
    names = [m if m else f"_extra_{i}" for i, m in enumerate(mapped)]
    # Every column read as text: no type guessing (DD/MM/YYYY HH:MM is not auto-detected, see tech notes).
    columns = "{" + ", ".join(f"'{n}': 'VARCHAR'" for n in names) + "}"
    select = ", ".join(f'"{c}"' for c in kind.column_names)
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE _raw AS
        SELECT {select} FROM read_csv($path, delim = $delim, header = true, columns = {columns},
            quote = '"', escape = '"', null_padding = true, auto_detect = false,
            strict_mode = false, encoding = 'utf-8')
        """,
        {"path": str(path), "delim": delim},
    )
    return extras


def _cell_text(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _read_xlsx(con: duckdb.DuckDBPyConnection, path: Path, kind: Kind) -> list[str]:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    rows = workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
    if not rows or not any(c not in (None, "") for c in rows[0]):
        raise Refused(f"{path.name}: berkas kosong (tidak ada baris judul di lembar pertama).")
    mapped, extras = _match_header(kind, list(rows[0]), path.name)
    columns: dict[str, list[str | None]] = {c: [] for c in kind.column_names}
    for row in rows[1:]:
        cells = list(row) + [None] * (len(mapped) - len(row))
        for name, value in zip(mapped, cells, strict=False):
            if name:
                columns[name].append(_cell_text(value))
    table = pa.table({c: pa.array(v, type=pa.string()) for c, v in columns.items()})
    _register_raw(con, table, kind)
    return extras


def _register_raw(con: duckdb.DuckDBPyConnection, table: object, kind: Kind) -> None:
    con.register("_incoming", table)
    select = ", ".join(f'CAST("{c}" AS VARCHAR) AS "{c}"' for c in kind.column_names)
    con.execute(f"CREATE OR REPLACE TEMP TABLE _raw AS SELECT {select} FROM _incoming")
    con.unregister("_incoming")


def _read_parquet(con: duckdb.DuckDBPyConnection, path: Path, kind: Kind) -> list[str]:
    header = [r[0] for r in con.execute("DESCRIBE SELECT * FROM read_parquet($p)", {"p": str(path)}).fetchall()]
    mapped, extras = _match_header(kind, header, path.name)
    by_name = {m: h for m, h in zip(mapped, header, strict=True) if m}
    select = ", ".join(f'CAST("{by_name[c]}" AS VARCHAR) AS "{c}"' for c in kind.column_names)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE _raw AS SELECT {select} FROM read_parquet($p)",
        {"p": str(path)},
    )
    return extras


def read_file(con: duckdb.DuckDBPyConnection, path: Path, kind: Kind) -> list[str]:
    """Fill the temp table ``_raw`` from a file; return the extra (ignored) header names."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".txt", ".xlsx", ".parquet"):
        raise Refused(f"{path.name}: jenis berkas tidak didukung ({suffix or 'tanpa akhiran'}); "
                      "gunakan CSV, XLSX atau Parquet.")
    try:
        if suffix == ".xlsx":
            return _read_xlsx(con, path, kind)
        if suffix == ".parquet":
            return _read_parquet(con, path, kind)
        return _read_csv(con, path, kind)
    except Refused:
        raise
    except UnicodeDecodeError as exc:
        raise Refused(f"{path.name}: bukan teks UTF-8 yang sah ({exc.reason} pada bita {exc.start}).") from exc
    except Exception as exc:  # any reader failure means the file as a whole cannot be read
        raise Refused(f"{path.name}: berkas tidak dapat dibaca: {exc}") from exc


# ---------------------------------------------------------------------------------------------- parsing


def _parse_expr(col: Column) -> str:
    v = f'nullif(trim("{col.name}"), \'\')'
    if col.type == "code":
        return f"CASE WHEN lower({v}) IN {_sql_list(col.allowed)} THEN lower({v}) END"
    if col.type == "timestamp":
        return f"try_strptime({v}, {_sql_list(TIMESTAMP_FORMATS)})"
    if col.type == "date":
        return (f"coalesce(CAST(try_strptime({v}, {_sql_list(DATE_FORMATS)}) AS DATE), "
                f"CAST(try_strptime({v}, {_sql_list(TIMESTAMP_FORMATS)}) AS DATE))")
    if col.type == "bool":
        return (f"CASE WHEN lower({v}) IN {_sql_list(TRUE_WORDS)} THEN true "
                f"WHEN lower({v}) IN {_sql_list(FALSE_WORDS)} THEN false END")
    if col.type == "int":
        d = f"try_cast({v} AS DOUBLE)"
        lo = f" AND {d} >= {col.min_value}" if col.min_value is not None else ""
        hi = f" AND {d} <= {col.max_value}" if col.max_value is not None else ""
        return f"CASE WHEN {d} = floor({d}){lo}{hi} THEN CAST({d} AS INTEGER) END"
    return v


def _bad_value_reason(col: Column) -> str:
    if col.type == "code":
        return f"kode tidak dikenal; yang berlaku: {', '.join(col.allowed)}"
    if col.type == "timestamp":
        return "bukan tanggal-waktu yang sah (YYYY-MM-DD HH:MM[:SS] atau DD/MM/YYYY HH:MM[:SS])"
    if col.type == "date":
        return "bukan tanggal yang sah (YYYY-MM-DD atau DD/MM/YYYY)"
    if col.type == "bool":
        return "bukan nilai ya/tidak yang sah (true/false, ya/tidak, 1/0)"
    if col.type == "int":
        if col.max_value is not None:
            return f"harus bilangan bulat {col.min_value}–{col.max_value}"
        return f"harus bilangan bulat ≥ {col.min_value}"
    return "nilai tidak sah"


def _parse(con: duckdb.DuckDBPyConnection, kind: Kind) -> None:
    parts = ['CAST(rowid + 2 AS INTEGER) AS _row']
    for col in kind.columns:
        parts.append(f'nullif(trim("{col.name}"), \'\') AS "{col.name}__raw"')
        parts.append(f'{_parse_expr(col)} AS "{col.name}"')
    con.execute(f"CREATE OR REPLACE TEMP TABLE _parsed AS SELECT {', '.join(parts)} FROM _raw")


def _error_selects(kind: Kind) -> list[str]:
    """One SELECT per rule, each returning (_row, column, value, reason)."""
    out: list[str] = []

    def q(s: str) -> str:
        return "'" + s.replace("'", "''") + "'"

    for col in kind.columns:
        raw = f'"{col.name}__raw"'
        if col.required:
            out.append(f"SELECT _row, {q(col.name)}, NULL, 'wajib diisi' FROM _parsed WHERE {raw} IS NULL")
        if col.type != "text":
            out.append(
                f'SELECT _row, {q(col.name)}, {raw}, {q(_bad_value_reason(col))} FROM _parsed '
                f'WHERE {raw} IS NOT NULL AND "{col.name}" IS NULL'
            )
    for order in kind.orders:
        out.append(
            f"SELECT _row, {q(order.later)}, \"{order.later}__raw\", "
            f"{q(f'{order.later} lebih awal dari {order.earlier} ')} || \"{order.earlier}__raw\" "
            f'FROM _parsed WHERE "{order.later}" < "{order.earlier}"'
        )
    for col_name, flag in kind.only_when:
        out.append(
            f"SELECT _row, {q(col_name)}, \"{col_name}__raw\", "
            f"{q(f'hanya boleh diisi bila {flag} = ya')} "
            f'FROM _parsed WHERE "{flag}" = false AND "{col_name}__raw" IS NOT NULL'
        )
    return out


def _validate(con: duckdb.DuckDBPyConnection, kind: Kind) -> None:
    union = "\nUNION ALL\n".join(_error_selects(kind))
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE _errors AS SELECT * FROM ({union}) "
        "AS e(_row, column_name, value, reason)"
    )
    key = ", ".join(f'"{k}"' for k in kind.key)
    key_text = " || ' / ' || ".join(f'"{k}"' for k in kind.key)
    # A key repeated inside one file: the first valid occurrence is stored, later ones are duplicates.
    con.execute(
        f"""
        INSERT INTO _errors
        SELECT _row, '{kind.key[-1]}', {key_text},
               'duplikat dalam berkas: kunci yang sama sudah ada di baris ' || CAST(first_row AS VARCHAR)
        FROM (
            SELECT _row, {key}, min(_row) OVER (PARTITION BY {key}) AS first_row
            FROM _parsed WHERE _row NOT IN (SELECT _row FROM _errors)
        ) WHERE _row <> first_row
        """
    )


# ---------------------------------------------------------------------------------------------- storing


def _store(con: duckdb.DuckDBPyConnection, kind: Kind, result: IngestResult, sha: str, who: str) -> None:
    cols = ", ".join(f'"{c}"' for c in kind.column_names)
    key_join = " AND ".join(f'v."{k}" = s."{k}"' for k in kind.key)
    same = " AND ".join(f'v."{c}" IS NOT DISTINCT FROM s."{c}"' for c in kind.column_names)
    table = kind.name
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _valid AS
        SELECT _row, {cols} FROM _parsed WHERE _row NOT IN (SELECT _row FROM _errors)"""
    )
    # Compare with what is stored: identical rows are left alone, changed rows are replaced.
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _match AS
        SELECT v._row, bool_and({same}) AS identical
        FROM _valid v JOIN {table} s ON {key_join} GROUP BY v._row"""
    )
    stats = con.execute(
        """SELECT (SELECT count(*) FROM _raw),
                  (SELECT count(*) FROM _valid),
                  (SELECT count(*) FILTER (WHERE identical) FROM _match),
                  (SELECT count(*) FILTER (WHERE NOT identical) FROM _match),
                  (SELECT count(DISTINCT _row) FROM _errors)"""
    ).fetchall()[0]
    result.rows, result.stored, result.unchanged, result.replaced, result.rejected = stats
    batch_id = one(con, "SELECT coalesce(max(batch_id), 0) + 1 FROM ingest_batches")[0]
    result.batch_id = batch_id
    new_offices = one(con,
        """SELECT count(*) FROM (SELECT DISTINCT office_code FROM _valid
            EXCEPT SELECT DISTINCT office_code FROM hari_kerja)"""
    )[0]

    if result.replaced:
        con.execute(
            f"""DELETE FROM {table} s WHERE EXISTS (
                SELECT 1 FROM _valid v JOIN _match m USING (_row)
                WHERE NOT m.identical AND {key_join})"""
        )
    con.execute(
        f"""INSERT INTO {table} ({cols}, batch_id)
        SELECT {cols}, $batch FROM _valid
        WHERE _row NOT IN (SELECT _row FROM _match WHERE identical)
        ORDER BY _row""",
        {"batch": batch_id},
    )
    con.execute(
        "INSERT INTO ingest_rejects SELECT $batch, _row, column_name, value, reason FROM _errors ORDER BY _row",
        {"batch": batch_id},
    )
    _record_batch(con, result, sha, who, "dimuat")
    if new_offices:
        calendar.rebuild(con)


def _record_batch(con: duckdb.DuckDBPyConnection, result: IngestResult, sha: str, who: str, status: str) -> None:
    if result.batch_id is None:
        result.batch_id = one(con, "SELECT coalesce(max(batch_id), 0) + 1 FROM ingest_batches")[0]
    con.execute(
        """INSERT INTO ingest_batches VALUES ($id, $file, $sha, $kind, $rows, $stored, $replaced, $unchanged,
            $rejected, $who, $at, $extra, $status, $message)""",
        {
            "id": result.batch_id, "file": result.file, "sha": sha, "kind": result.kind, "rows": result.rows,
            "stored": result.stored, "replaced": result.replaced, "unchanged": result.unchanged,
            "rejected": result.rejected, "who": who, "at": dt.datetime.now(),
            "extra": ", ".join(result.extra_columns) or None, "status": status, "message": result.refused,
        },
    )


def _collect_rejects(con: duckdb.DuckDBPyConnection, result: IngestResult) -> None:
    rows = con.execute("SELECT _row, column_name, value, reason FROM _errors ORDER BY _row, column_name").fetchall()
    result.rejects = [Reject(int(r), c, v, why) for r, c, v, why in rows]


def load_raw(
    con: duckdb.DuckDBPyConnection, kind_name: str, file_name: str, sha: str, who: str,
    extras: list[str] | None = None,
) -> IngestResult:
    """Validate the temp table ``_raw`` and store it as one batch, in one transaction.

    The demo generator calls this too (after registering its frames as ``_raw``), so demo data goes through
    exactly the validation that real files do.
    """
    kind = CONTRACT[kind_name]
    result = IngestResult(file=file_name, kind=kind_name, extra_columns=list(extras or []))
    _parse(con, kind)
    _validate(con, kind)
    con.execute("BEGIN TRANSACTION")
    try:
        _store(con, kind, result, sha, who)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    _collect_rejects(con, result)
    return result


def load_frame(con: duckdb.DuckDBPyConnection, kind_name: str, frame: object, name: str, who: str) -> IngestResult:
    """Load an in-memory table (pandas or Arrow) through the same path as a file."""
    _register_raw(con, frame, CONTRACT[kind_name])
    return load_raw(con, kind_name, name, sha="", who=who)


def ingest_file(con: duckdb.DuckDBPyConnection, kind_name: str, path: Path, who: str | None = None) -> IngestResult:
    """Load one file into an open read-write connection; a refused file is recorded and stores nothing."""
    if kind_name not in CONTRACT:
        raise ValueError(f"jenis data tidak dikenal: {kind_name}; pilih salah satu: {', '.join(CONTRACT)}")
    who = who or getpass.getuser()
    path = Path(path)
    kind = CONTRACT[kind_name]
    try:
        sha = sha256_of(path)
    except OSError as exc:
        result = IngestResult(file=path.name, kind=kind_name, refused=f"{path.name}: tidak dapat dibuka: {exc}")
        return result
    try:
        extras = read_file(con, path, kind)
        n = one(con, "SELECT count(*) FROM _raw")[0]
        if n == 0:
            raise Refused(f"{path.name}: berkas kosong (hanya baris judul, tanpa data).")
    except Refused as exc:
        result = IngestResult(file=path.name, kind=kind_name, refused=str(exc))
        con.execute("BEGIN TRANSACTION")
        _record_batch(con, result, sha, who, "ditolak")
        con.execute("COMMIT")
        return result
    return load_raw(con, kind_name, path.name, sha, who, extras)
