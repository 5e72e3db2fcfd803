"""Hostile workbooks and CSV files, built by the tests themselves (small on disk, costly to parse naively).

``far_cell_xlsx``: the header row and one cell at XFD1048576 (a 5 KB file for which python-calamine would allocate
a 17-billion-cell grid); ``bomb_xlsx``: the header and one inline-string cell of ``megabytes`` MB, deflated to a
few hundred KB. Both are written with ``zipfile`` as a minimal but valid workbook.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

from kancil.contract import CONTRACT

OOXML = "http://schemas.openxmlformats.org"
SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
REL = f"{OOXML}/officeDocument/2006/relationships"

CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="{SML}.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{SML}.worksheet+xml"/>
</Types>"""
ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WORKBOOK_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>
</Relationships>"""
SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')


def column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


def row_xml(number: int, cells: Iterable[object]) -> str:
    inner = "".join(_cell(f"{column_letters(i)}{number}", str(v)) for i, v in enumerate(cells, start=1)
                    if v not in (None, ""))
    return f'<row r="{number}">{inner}</row>'


def _write(path: Path, sheet_parts: Iterable[str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            for part in sheet_parts:
                sheet.write(part.encode() if isinstance(part, str) else part)
    return path


def xlsx(path: Path, rows: list[list[object]], dimension: str | None = None) -> Path:
    """A plain workbook of ``rows`` (row 1 = the header), every cell an inline string."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    body = "".join(row_xml(n, r) for n, r in enumerate(rows, start=1))
    return _write(path, [SHEET_HEAD, dim, "<sheetData>", body, "</sheetData></worksheet>"])


def far_cell_xlsx(path: Path, kind: str = "antrian") -> Path:
    """The header of ``kind`` and one cell at XFD1048576 (Excel's last cell)."""
    header = row_xml(1, CONTRACT[kind].column_names)
    far = f'<row r="1048576">{_cell("XFD1048576", "x")}</row>'
    return _write(path, [SHEET_HEAD, '<dimension ref="A1:XFD1048576"/><sheetData>', header, far,
                         "</sheetData></worksheet>"])


def bomb_xlsx(path: Path, kind: str = "antrian", megabytes: int = 300) -> Path:
    """The header of ``kind`` and, in row 2, one cell holding ``megabytes`` MB of the letter A."""
    def parts():
        yield SHEET_HEAD
        yield "<sheetData>"
        yield row_xml(1, CONTRACT[kind].column_names)
        yield '<row r="2"><c r="A2" t="inlineStr"><is><t>'
        block = b"A" * (1 << 20)
        for _ in range(megabytes):
            yield block
        yield "</t></is></c></row></sheetData></worksheet>"
    return _write(path, parts())


def utf16_csv(path: Path, kind: str = "antrian") -> Path:
    """A CSV of ``kind``'s header and one row, saved as UTF-16 (Excel's "Unicode text")."""
    path.write_text(",".join(CONTRACT[kind].column_names) + "\r\n" + ",".join("x" for _ in CONTRACT[kind].columns)
                    + "\r\n", encoding="utf-16")
    return path
