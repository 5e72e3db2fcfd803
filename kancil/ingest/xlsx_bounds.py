"""What a workbook declares, read without parsing it: member sizes, compression ratios, the first sheet's extent,
and its header row.

python-calamine builds the whole grid of a sheet up to its last cell and unpacks every string it meets, so one
cell at XFD1048576 or one 1.5 GB cell costs the process its memory. Everything here streams the zip members in
small pieces and stops at a limit: the checks cost a fraction of a second and a few megabytes whatever the file.
The zip's declared sizes can lie; the child process that parses the workbook (``xlsx_child``) runs under an
address-space limit for that case.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

from kancil.ingest.limits import RATIO_MIN_BYTES, Limits

CHUNK = 1 << 20
HEADER_SCAN_BYTES = 4 << 20  # the first row of a sheet must end within this much XML
SHARED_SCAN_BYTES = 8 << 20  # the shared strings the header uses must come within this much XML
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\b[^>]*\bref=\"([A-Z]*)([0-9]*)(?::([A-Z]*)([0-9]*))?\"")
_CELL_REF = re.compile(rb"<(?:\w+:)?(?:c|row)\s[^>]*?\br=\"([A-Z]{0,3})([0-9]{1,9})\"")
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


class WorkbookRefused(Exception):
    """The workbook is over a limit or not a workbook; the message (Bahasa Indonesia) names the file."""


def _n(value: float, digits: int = 0) -> str:
    """A number as Indonesian text: 1.048.576; 0,3."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def column_number(letters: str) -> int:
    """``A`` -> 1, ``XFD`` -> 16384."""
    number = 0
    for ch in letters:
        number = number * 26 + (ord(ch) - 64)
    return number


def _open_zip(source: Path | bytes, name: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise WorkbookRefused(
            f"{name}: berkas tidak dapat dibaca sebagai buku kerja XLSX: isinya bukan arsip zip (mungkin berkas "
            "CSV atau berkas lain yang diberi akhiran .xlsx). Simpan ulang dari Excel sebagai .xlsx, atau beri "
            "akhiran .csv bila isinya CSV. Berkas ditolak seluruhnya, tidak ada baris yang disimpan."
        ) from exc


def check_members(archive: zipfile.ZipFile, name: str, limits: Limits) -> None:
    """Refuse a workbook whose members declare more than the limits: in total, or compressed too tightly."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_MIN_BYTES and ratio > limits.max_ratio:
            raise WorkbookRefused(
                f"{name}: bagian {info.filename} terurai menjadi {_n(info.file_size / 2**20)} MB dari "
                f"{_n(info.compress_size / 2**20, 1)} MB (rasio {_n(ratio)}, batas {limits.max_ratio}); berkas "
                "seperti ini (bom zip) tidak dibaca. Berkas ditolak seluruhnya, tidak ada baris yang disimpan."
            )
    if total > limits.max_unzipped_mb * 2**20:
        raise WorkbookRefused(
            f"{name}: isi buku kerja terurai menjadi {_n(total / 2**20)} MB, lebih dari batas "
            f"{limits.max_unzipped_mb} MB. Pecah ekspornya (mis. per bulan) atau simpan sebagai CSV. Berkas ditolak "
            "seluruhnya, tidak ada baris yang disimpan."
        )


def first_sheet(archive: zipfile.ZipFile) -> str:
    """The member holding the workbook's first sheet (the one that is loaded)."""
    names = set(archive.namelist())
    try:
        workbook = ElementTree.fromstring(_read_small(archive, "xl/workbook.xml"))
        rels = ElementTree.fromstring(_read_small(archive, "xl/_rels/workbook.xml.rels"))
        sheet = next(workbook.iter(f"{_MAIN_NS}sheet"))
        rel_id = sheet.get(f"{_REL_NS}id")
        target = next(r.get("Target") for r in rels if r.get("Id") == rel_id)
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        if path in names:
            return path
    except (KeyError, StopIteration, ElementTree.ParseError, AttributeError, WorkbookRefused):
        pass
    sheets = sorted(n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml"))
    if not sheets:
        raise KeyError("no worksheet")
    return sheets[0]


def _read_small(archive: zipfile.ZipFile, member: str, limit: int = 4 << 20) -> bytes:
    with archive.open(member) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise WorkbookRefused(member)
    return data


def _chunks(archive: zipfile.ZipFile, member: str, limit: int | None = None) -> Iterator[bytes]:
    read = 0
    with archive.open(member) as fh:
        while chunk := fh.read(CHUNK):
            yield chunk
            read += len(chunk)
            if limit is not None and read >= limit:
                return


def sheet_extent(archive: zipfile.ZipFile, member: str) -> tuple[int, int, int, int]:
    """(declared rows, declared columns, last row, last column) of a sheet: its ``<dimension>`` and the largest
    cell and row reference in it, read in 1 MB pieces."""
    declared_rows = declared_cols = last_row = last_col = 0
    tail = b""
    first = True
    for chunk in _chunks(archive, member):
        window = tail + chunk
        if first and (match := _DIMENSION.search(window)):
            end_col, end_row = (match.group(3), match.group(4)) if match.group(3) is not None else match.group(1, 2)
            declared_cols = column_number(end_col.decode()) if end_col else 0
            declared_rows = int(end_row) if end_row else 0
        first = False
        for col, row in _CELL_REF.findall(window):
            last_row = max(last_row, int(row))
            if col:
                last_col = max(last_col, column_number(col.decode()))
        tail = window[-256:]
    return declared_rows, declared_cols, last_row, last_col


def check_workbook(source: Path | bytes, name: str, limits: Limits) -> None:
    """Refuse, before any parser sees it, a workbook over the limits: sizes, ratio, rows, columns, cells."""
    with _open_zip(source, name) as archive:
        check_members(archive, name, limits)
        try:
            member = first_sheet(archive)
        except KeyError as exc:
            raise WorkbookRefused(f"{name}: buku kerja tanpa lembar kerja; tidak ada yang dapat dimuat.") from exc
        try:
            declared_rows, declared_cols, last_row, last_col = sheet_extent(archive, member)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
            raise WorkbookRefused(f"{name}: buku kerja rusak (lembar pertama tidak dapat diurai: {exc}).") from exc
    rows, cols = max(declared_rows, last_row), max(declared_cols, last_col)
    if rows > limits.max_rows or cols > limits.max_columns or rows * cols > limits.max_cells:
        where = f"{_column_letters(cols)}{rows}"
        raise WorkbookRefused(
            f"{name}: lembar pertama terbentang sampai sel {where} ({_n(rows)} baris × {_n(cols)} kolom); batasnya "
            f"{_n(limits.max_rows)} baris, {_n(limits.max_columns)} kolom dan {_n(limits.max_cells)} sel. "
            "Hapus isi atau format di luar tabel data (Ctrl+End menunjukkan sel terakhir) lalu simpan ulang. "
            "Berkas ditolak seluruhnya, tidak ada baris yang disimpan."
        )


def _column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters or "A"


# ---------------------------------------------------------------------------------------------- the header row


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _first_row(archive: zipfile.ZipFile, member: str) -> list[tuple[int, str | None, str | None, str | None]]:
    """The cells of the sheet's first row as (column, type, value, inline text), from at most 4 MB of XML."""
    parser = ElementTree.XMLPullParser(events=("end",))
    cells: list[tuple[int, str | None, str | None, str | None]] = []
    for chunk in _chunks(archive, member, HEADER_SCAN_BYTES):
        parser.feed(chunk)
        for _event, element in parser.read_events():
            tag = _local(element.tag)
            if tag == "c":
                ref = element.get("r") or ""
                letters = "".join(ch for ch in ref if ch.isalpha())
                col = column_number(letters) if letters else (cells[-1][0] + 1 if cells else 1)
                value = next((e.text for e in element if _local(e.tag) == "v"), None)
                inline = "".join(t.text or "" for t in element.iter() if _local(t.tag) == "t") or None
                cells.append((col, element.get("t"), value, inline))
                element.clear()
            elif tag == "row":
                return cells
    return cells


def _shared_strings(archive: zipfile.ZipFile, wanted: set[int]) -> dict[int, str]:
    """The shared strings at the ``wanted`` positions, reading no further than the last of them."""
    member = next((n for n in archive.namelist() if n.lower() == "xl/sharedstrings.xml"), None)
    if member is None or not wanted:
        return {}
    found: dict[int, str] = {}
    parser = ElementTree.XMLPullParser(events=("end",))
    index = 0
    for chunk in _chunks(archive, member, SHARED_SCAN_BYTES):
        parser.feed(chunk)
        for _event, element in parser.read_events():
            if _local(element.tag) != "si":
                continue
            if index in wanted:
                found[index] = "".join(t.text or "" for t in element.iter() if _local(t.tag) == "t")
            element.clear()
            index += 1
            if index > max(wanted):
                return found
    return found


def read_header(source: Path | bytes, name: str, limits: Limits) -> list[object]:
    """The first sheet's first row, as text, without reading the rest of the sheet (the Data page's guess)."""
    with _open_zip(source, name) as archive:
        check_members(archive, name, limits)
        member = first_sheet(archive)
        cells = _first_row(archive, member)
        shared = _shared_strings(archive, {int(v) for _c, t, v, _i in cells if t == "s" and v and v.isdigit()})
    width = min(max((c for c, *_ in cells), default=0), limits.max_columns)
    row: list[object] = [None] * width
    for col, kind, value, inline in cells:
        if col > width:
            continue
        if kind == "s":
            row[col - 1] = shared.get(int(value)) if value and value.isdigit() else None
        elif kind == "inlineStr":
            row[col - 1] = inline
        else:
            row[col - 1] = value
    return row
