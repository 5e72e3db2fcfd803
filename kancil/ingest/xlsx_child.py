"""Reading a workbook in a child process under an address-space and a time limit.

python-calamine is fast but cannot be told to stop: a sheet that declares a huge range, or a string that unpacks
to gigabytes, makes it allocate until the process aborts (a Rust allocation failure is not an exception). So the
dashboard and the command never parse a workbook themselves: ``read_workbook`` starts
``python -m kancil.ingest.xlsx_child`` with ``RLIMIT_AS`` set before calamine is imported, waits at most the time
limit, and gets the first sheet's cells back as text in a ``marshal`` file. The child imports neither DuckDB nor
pyarrow, so almost all of its address space is the workbook's.

What comes back: ``{"header": [...], "columns": [[...], ...]}`` — the header row's cells and, per header
position, the text of that column's cells in sheet order (row i of a column is spreadsheet row i + 2).
"""

from __future__ import annotations

import datetime as dt
import marshal
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from kancil.ingest.limits import Limits

EXIT_UNREADABLE = 3  # calamine refused the file (its message on stderr)
EXIT_NO_MEMORY = 4  # Python's own MemoryError under the limit


class ChildRefused(Exception):
    """The workbook could not be read within the limits; the message (Bahasa Indonesia) names the file."""


def cell_text(value: object, col_type: str) -> str | None:
    """A spreadsheet cell as the text the contract describes; real date cells become ISO text."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = (value + dt.timedelta(microseconds=500_000)).replace(microsecond=0)  # Excel's float rounding
        return value.strftime("%Y-%m-%d" if col_type == "date" and value.time() == dt.time() else "%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):  # calamine gives a date for a date cell at midnight
        return value.strftime("%Y-%m-%d" if col_type == "date" else "%Y-%m-%d 00:00:00")
    if isinstance(value, dt.time | dt.timedelta):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _types(kind_name: str, header: list[object]) -> list[str]:
    """Per header position, the contract type its column is parsed as ("text" for any other column)."""
    if kind_name == "-":
        return ["text"] * len(header)
    from kancil.contract import CONTRACT
    from kancil.ingest.header import match_header

    kind = CONTRACT[kind_name]
    mapped = match_header(kind, header).mapped
    return [kind.column(m).type if m else "text" for m in mapped]


def _child(source: str, out: str, kind_name: str, memory_mb: int, seconds: int) -> int:
    import resource

    limit = memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds + 5, seconds + 5))
    from python_calamine import CalamineWorkbook

    try:
        sheet = CalamineWorkbook.from_path(source).get_sheet_by_index(0)
        rows = iter(sheet.iter_rows())
        header = [cell_text(c, "text") for c in next(rows, [])]
        types = _types(kind_name, header)
        width = len(header)
        columns: list[list[str | None]] = [[] for _ in range(width)]
        for row in rows:
            n = len(row)
            for pos in range(width):
                columns[pos].append(cell_text(row[pos], types[pos]) if pos < n else None)
        with open(out, "wb") as fh:
            marshal.dump({"header": header, "columns": columns}, fh)
    except MemoryError:
        return EXIT_NO_MEMORY
    except Exception as exc:  # calamine's own errors: the file is not a readable workbook
        print(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, file=sys.stderr)
        return EXIT_UNREADABLE
    return 0


def read_workbook(path: Path, name: str, kind_name: str | None, limits: Limits) -> dict:
    """The first sheet of ``path`` read by a child process within ``limits``; ChildRefused otherwise."""
    with tempfile.TemporaryDirectory(prefix="kancil-xlsx-") as folder:
        out = Path(folder) / "cells.marshal"
        args = [sys.executable, "-m", "kancil.ingest.xlsx_child", str(path), str(out), kind_name or "-",
                str(limits.memory_mb), str(limits.seconds)]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (_root(), os.environ.get("PYTHONPATH")) if p)}
        try:
            proc = subprocess.run(args, capture_output=True, text=True, timeout=limits.seconds, env=env,
                                  stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as exc:
            raise ChildRefused(
                f"{name}: membaca buku kerja ini memakan lebih dari {limits.seconds} detik (batas waktu baca); "
                "simpan sebagai CSV atau pecah per bulan. Berkas ditolak seluruhnya, tidak ada baris yang disimpan."
            ) from exc
        if proc.returncode == EXIT_UNREADABLE:
            raise ChildRefused(f"{name}: berkas tidak dapat dibaca sebagai buku kerja XLSX: {proc.stderr.strip()}")
        if proc.returncode != 0 or not out.exists():
            raise ChildRefused(
                f"{name}: membaca buku kerja ini memerlukan lebih dari {str(limits.memory_mb)} MB memori (batas "
                "memori baca); simpan sebagai CSV atau pecah per bulan. Berkas ditolak seluruhnya, tidak ada baris "
                "yang disimpan."
            )
        with out.open("rb") as fh:
            return marshal.load(fh)


def _root() -> str:
    return str(Path(__file__).resolve().parent.parent.parent)


if __name__ == "__main__":
    src, dst, kind_arg, mem, secs = sys.argv[1:6]
    sys.exit(_child(src, dst, kind_arg, int(mem), int(secs)))
