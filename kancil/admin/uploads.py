"""The Data page's uploads, kept out of Streamlit so that it is testable: the same ``ingest_file`` as the command
line, recorded with the user, and the rejected rows handed back as a file ready to fix.

File names come from the user's browser: only their sanitised base name is ever used, never as a path of ours.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import tempfile
from pathlib import Path, PurePath

import pandas as pd

from kancil.admin.changes import AdminError
from kancil.export.safe import neutralise_frame
from kancil.ingest import xlsx_bounds, xlsx_child
from kancil.ingest.ingester import IngestResult, ingest_into
from kancil.ingest.limits import DEFAULT_LIMITS, Limits

MAX_UPLOAD_MB = 50  # the default; the Data page passes Streamlit's server.maxUploadSize
UPLOAD_SUFFIXES = (".csv", ".xlsx", ".parquet")
_UNSAFE_NAME_CHARS = re.compile(r"[\x00-\x1f\x7f]")


def safe_file_name(name: str) -> str:
    """The base name of an uploaded file, without folders or control characters (never a path of ours)."""
    base = str(name).replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE_NAME_CHARS.sub("", base).strip().lstrip(".")
    if len(base) > 120:
        suffix = PurePath(base).suffix[:10]
        base = base[: 120 - len(suffix)] + suffix
    return base or "unggahan"


def upload_problem(name: str, size: int, max_mb: int = MAX_UPLOAD_MB) -> AdminError | None:
    """Why an upload cannot be loaded before reading it (wrong type, too big, empty), or None."""
    suffix = PurePath(safe_file_name(name)).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        shown = re.sub(r"[^a-z0-9]", "", suffix)[:10]  # part of a user's file name: letters and digits only
        return AdminError("data.bad_type", suffix=f".{shown}" if shown else "—", allowed=", ".join(UPLOAD_SUFFIXES))
    if size > max_mb * 1024 * 1024:
        return AdminError("data.too_big", size=round(size / 1024 / 1024, 1), max=max_mb)
    if size == 0:
        return AdminError("data.empty_file")
    return None


def ingest_upload(name: str, data: bytes, kind: str, who: str, db: Path | str,
                  max_mb: int = MAX_UPLOAD_MB) -> IngestResult:
    """Load an uploaded file exactly as ``python -m kancil ingest`` would, recording the user.

    The bytes go to a private temporary folder under their (sanitised) original name, so the batch record and
    the messages name the file the user knows. A file refused before reading (type, size) stores nothing.
    """
    file_name = safe_file_name(name)
    problem = upload_problem(file_name, len(data), max_mb)
    if problem is not None:
        return IngestResult(file=file_name, kind=kind, refused=f"{file_name}: {problem}")
    with tempfile.TemporaryDirectory(prefix="kancil-upload-") as folder:
        path = Path(folder) / file_name
        path.write_bytes(data)
        result = ingest_into(db, kind, path, who=who)
    if result.stored:  # the morning rush: the briefings of the new data, computed once in the background
        from kancil.briefing import precompute

        precompute.after_ingest(db)
    return result


def rejects_frame(result: IngestResult) -> pd.DataFrame:
    """The problems of a load, one row per broken rule (row, column, value, reason), safe for a spreadsheet."""
    frame = pd.DataFrame(
        [(r.row, r.column, r.value, r.reason) for r in result.rejects],
        columns=["row", "column", "value", "reason"],
    )
    return neutralise_frame(frame)


def _cell(value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _file_rows(name: str, data: bytes, limits: Limits) -> tuple[list[str], list[list[object]]]:
    """Header and data rows of an uploaded file, in file order (row i of the list is spreadsheet row i + 2)."""
    suffix = PurePath(name).suffix.lower()
    if suffix == ".xlsx":  # read like the ingester reads it: checked, then in a child process with limits
        with tempfile.TemporaryDirectory(prefix="kancil-upload-") as folder:
            path = Path(folder) / "upload.xlsx"
            path.write_bytes(data)
            xlsx_bounds.check_workbook(path, name, limits)
            cells = xlsx_child.read_workbook(path, name, None, limits)
        columns = cells["columns"]
        rows = [list(r) for r in zip(*columns, strict=True)] if columns else []
        return [_cell(h) for h in cells["header"]], rows
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(io.BytesIO(data))
        return list(table.column_names), [list(r.values()) for r in table.to_pylist()]
    text = data.decode("utf-8-sig", errors="replace")
    first = text.split("\n", 1)[0]
    delim = ";" if first.count(";") > first.count(",") else ","
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    return (records[0] if records else []), records[1:]


def rejected_rows_csv(name: str, data: bytes, result: IngestResult,
                      limits: Limits = DEFAULT_LIMITS) -> bytes | None:
    """The rejected rows of the uploaded file as they were, plus their row number and reasons, as CSV.

    Ready to fix and upload again: the ingester ignores the two added columns (``baris``, ``alasan``) as extra
    columns. Text is neutralised for spreadsheets and written as UTF-8 with a byte-order mark (Excel). None if
    the workbook cannot be read again within the limits (the rejects are still listed on the page).
    """
    reasons: dict[int, list[str]] = {}
    for r in result.rejects:
        reasons.setdefault(r.row, []).append(r.reason)  # every reason already names its column
    try:
        header, rows = _file_rows(safe_file_name(name), data, limits)
    except (xlsx_bounds.WorkbookRefused, xlsx_child.ChildRefused):
        return None
    width = len(header)
    out = []
    for number in sorted(reasons):
        index = number - 2
        cells = rows[index] if 0 <= index < len(rows) else []
        cells = [_cell(c) for c in cells][:width] + [""] * max(0, width - len(cells))
        out.append([number, "; ".join(reasons[number]), *cells])
    frame = pd.DataFrame(out, columns=["baris", "alasan", *[str(h) for h in header]])
    return neutralise_frame(frame).to_csv(index=False).encode("utf-8-sig")


