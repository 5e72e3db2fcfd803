"""``python -m kancil export-parquet --db PATH --out DIR``: the store as Parquet, and a connection over it.

The four big tables go out partitioned the way the dashboard filters them, by office and month of their period
column (hive layout, which DuckDB, Spark, Trino, Polars and pyarrow read unchanged)::

    DIR/antrian/office_code=CLP/month=2026-10/data_0.parquet
    DIR/permohonan/..., DIR/survei/..., DIR/fasilitas/...

Every other table the queries read (hari_kerja, kuota, kalender, meta, pengaturan, the ingest and download logs)
goes out as one file ``DIR/<table>.parquet``. Accounts and failed sign-ins (``pengguna``, ``login_gagal``) never
leave the store. ``DIR/_manifest.json`` records the source, its schema version and the rows per table.

``connect(DIR)`` opens an in-memory DuckDB with one view per table, named like the store's tables, so the same
``queries/`` files and ``metrics.summary`` run unchanged over the export (tests/test_export_parquet.py checks the
summary is equal). The view drops the ``month`` partition column and reads ``office_code`` as VARCHAR whatever the
codes look like.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb

from kancil.store import clock, connection, schema
from kancil.store.sql import one

PARTITIONED = {"antrian": "issued_at", "permohonan": "submitted_at", "survei": "submitted_at",
               "fasilitas": "started_at"}
NEVER_EXPORTED = ("pengguna", "login_gagal")  # password hashes and sign-in attempts stay in the store
MANIFEST = "_manifest.json"


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export(db: Path | str, out: Path | str, overwrite: bool = False) -> dict[str, int]:
    """Write the store at ``db`` to the folder ``out`` (built beside it under a temporary name, then renamed, so
    a reader never sees half an export). Returns the rows per table."""
    db, out = Path(db), Path(out)
    if out.exists() and any(out.iterdir()):
        if not overwrite:
            raise FileExistsError(f"folder keluaran sudah berisi: {out} (pakai --overwrite untuk mengganti)")
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    counts: dict[str, int] = {}
    try:
        with connection.reader(db) as con:
            tables = [r[0] for r in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE NOT temporary AND schema_name = 'main' "
                "ORDER BY table_name").fetchall() if r[0] not in NEVER_EXPORTED]
            version = schema.schema_version(con)
            for table in tables:
                counts[table] = one(con, f'SELECT count(*) FROM "{table}"')[0]  # noqa: S608 - catalog names
                period = PARTITIONED.get(table)
                if period and counts[table]:
                    con.execute(
                        f"COPY (SELECT *, strftime({period}, '%Y-%m') AS month FROM {table}) "  # noqa: S608
                        f"TO {_quote(tmp / table)} (FORMAT parquet, PARTITION_BY (office_code, month))")
                else:  # small tables, and a big one still empty: one file
                    con.execute(f'COPY "{table}" TO {_quote(tmp / (table + ".parquet"))} (FORMAT parquet)')
        manifest = {"source": str(db.resolve()), "schema_version": version, "rows": counts,
                    "exported_at": clock.utc_now().replace(tzinfo=dt.UTC).isoformat(timespec="seconds"),
                    "partitioned": {t: ["office_code", f"month of {c}"] for t, c in PARTITIONED.items()}}
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=1))
        if out.exists():
            shutil.rmtree(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return counts


def create_views(con: duckdb.DuckDBPyConnection, folder: Path | str) -> list[str]:
    """One view per exported table on ``con``, named like the store's table; returns the names."""
    folder = Path(folder)
    if not (folder / MANIFEST).exists():
        raise FileNotFoundError(f"bukan folder ekspor Parquet Kancil Nari (tidak ada {MANIFEST}): {folder}")
    names = []
    for path in sorted(folder.iterdir()):
        if path.is_dir() and not path.name.startswith("."):
            source = (f"read_parquet({_quote(path / '**' / '*.parquet')}, hive_partitioning = true, "
                      "hive_types = {'office_code': VARCHAR, 'month': VARCHAR})")
            con.execute(f'CREATE OR REPLACE VIEW "{path.name}" AS SELECT * EXCLUDE (month) FROM {source}')  # noqa: S608
        elif path.suffix == ".parquet":
            con.execute(f'CREATE OR REPLACE VIEW "{path.stem}" AS SELECT * FROM read_parquet({_quote(path)})')  # noqa: S608
        else:
            continue
        names.append(path.stem if path.is_file() else path.name)
    return names


def connect(folder: Path | str) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB whose views over ``folder`` stand in for the store: the queries run unchanged."""
    con = duckdb.connect(":memory:")
    create_views(con, folder)
    return con


@contextlib.contextmanager
def reader(folder: Path | str) -> Iterator[duckdb.DuckDBPyConnection]:
    """Like ``store.reader`` but over an export: a short-lived read-only view of the Parquet folder."""
    con = connect(folder)
    try:
        yield con
    finally:
        con.close()


def version(folder: Path | str) -> str:
    """A cache key that changes when the export is replaced (the manifest is rewritten every export)."""
    try:
        return f"pq{(Path(folder) / MANIFEST).stat().st_mtime_ns}"
    except FileNotFoundError:
        return "none"
