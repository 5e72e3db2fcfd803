"""Guess which kind of export an uploaded file is, from its header alone.

The Data page presets each file's kind with this guess and the user confirms it, so a wrong guess costs one
click and never a wrong load: the ingester still checks every column. Only the header is read (the first CSV
line, the first XLSX row streamed from its XML, the Parquet schema), so guessing a 50 MB file takes milliseconds.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import PurePath

from kancil.contract import CONTRACT
from kancil.ingest import xlsx_bounds
from kancil.ingest.limits import DEFAULT_LIMITS, Limits

HEADER_BYTES = 64 * 1024  # a header line longer than this is not an export of ours


def normalise(name: object) -> str:
    """A header cell as the ingester compares it: surrounding spaces and a byte-order mark removed, lower case."""
    if name is None:
        return ""
    return str(name).strip().strip("\ufeff").strip().lower()


def guess_kind(header_names: Iterable[object]) -> str | None:
    """The kind whose every column is in the header; with several, the one with most columns; else None."""
    names = {normalise(h) for h in header_names}
    fits = [kind for kind in CONTRACT.values() if set(kind.column_names) <= names]
    if not fits:
        return None
    return max(fits, key=lambda kind: len(kind.column_names)).name  # max keeps the first of equals


def missing_columns(header_names: Iterable[object], kind: str) -> list[str]:
    """The contract columns of ``kind`` that the header lacks, in contract order."""
    names = {normalise(h) for h in header_names}
    return [c for c in CONTRACT[kind].column_names if c not in names]


def _csv_header(data: bytes, limits: Limits) -> list[str]:
    first = data[:HEADER_BYTES].split(b"\n", 1)[0].decode("utf-8-sig", errors="replace").rstrip("\r")
    if not first.strip():
        return []
    delim = ";" if first.count(";") > first.count(",") else ","  # the ingester's rule
    return next(csv.reader(io.StringIO(first), delimiter=delim), [])


def _xlsx_header(data: bytes, limits: Limits) -> list[object]:
    """The first row only, streamed from the sheet's XML (never the whole sheet: calamine would build its grid)."""
    return xlsx_bounds.read_header(data, "", limits)


def _parquet_header(data: bytes, limits: Limits) -> list[str]:
    import pyarrow.parquet as pq

    return list(pq.read_schema(io.BytesIO(data)).names)


def read_header(file_name: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> list[object]:
    """The header cells of an uploaded file; an empty list if the file cannot be read (the ingester says why)."""
    suffix = PurePath(file_name).suffix.lower()
    readers = {".csv": _csv_header, ".txt": _csv_header, ".xlsx": _xlsx_header, ".parquet": _parquet_header}
    reader = readers.get(suffix)
    if reader is None:
        return []
    try:
        return reader(data, limits)
    except Exception:
        return []


def guess_file(file_name: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> str | None:
    """The guessed kind of an uploaded file, or None."""
    return guess_kind(read_header(file_name, data, limits))
