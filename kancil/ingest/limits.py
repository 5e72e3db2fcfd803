"""The limits every reader of an untrusted file works within (rows, columns, cell size, memory, time).

A workbook is a zip of XML: five kilobytes can declare a cell at XFD1048576 (python-calamine then allocates the
whole 17-billion-cell grid and the process aborts), and a megabyte and a half can unpack into a 1.5 GB cell. So
the limits are checked from what the file declares before any parser sees it (``kancil/ingest/xlsx_bounds.py``),
and the parser itself runs in a child process under an address-space and a time limit
(``kancil/ingest/xlsx_child.py``), so the worst file costs a refusal, never the dashboard or the command.

The values are office settings (``kancil/store/settings.py``, keys ``batas_*``) with the defaults below; the data
contract (docs/data-contract.md, "Batas berkas") states them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields

# setting key -> (field of Limits, default). The defaults fit a year of one office's exports with room to spare.
SETTINGS: dict[str, tuple[str, int]] = {
    "batas_baris": ("max_rows", 1_048_576),  # rows of a sheet (Excel's own maximum)
    "batas_kolom": ("max_columns", 256),  # columns of a sheet (the widest kind has 17)
    "batas_sel_lembar": ("max_cells", 20_000_000),  # rows x columns of the sheet's used range
    "batas_mb_terurai": ("max_unzipped_mb", 512),  # uncompressed size of all members of a workbook, MB
    "batas_rasio_zip": ("max_ratio", 200),  # uncompressed / compressed size of a member over 1 MB
    "batas_karakter_sel": ("max_cell_chars", 32_767),  # characters in one cell (Excel's own maximum)
    "batas_mb_memori": ("memory_mb", 3072),  # address space of the child process reading a workbook, MB
    "batas_detik_baca": ("seconds", 300),  # time the child process may take to read a workbook
}
RANGES: dict[str, tuple[int, int]] = {
    "batas_baris": (100, 1_048_576),
    "batas_kolom": (20, 16_384),
    "batas_sel_lembar": (10_000, 500_000_000),
    "batas_mb_terurai": (10, 65_536),
    "batas_rasio_zip": (10, 100_000),
    "batas_karakter_sel": (1_000, 1_000_000),
    "batas_mb_memori": (256, 262_144),
    "batas_detik_baca": (5, 3_600),
}
RATIO_MIN_BYTES = 1 << 20  # small members (styles, a short sheet) compress very well and are harmless


@dataclass(frozen=True)
class Limits:
    max_rows: int = SETTINGS["batas_baris"][1]
    max_columns: int = SETTINGS["batas_kolom"][1]
    max_cells: int = SETTINGS["batas_sel_lembar"][1]
    max_unzipped_mb: int = SETTINGS["batas_mb_terurai"][1]
    max_ratio: int = SETTINGS["batas_rasio_zip"][1]
    max_cell_chars: int = SETTINGS["batas_karakter_sel"][1]
    memory_mb: int = SETTINGS["batas_mb_memori"][1]
    seconds: int = SETTINGS["batas_detik_baca"][1]

    @classmethod
    def from_settings(cls, values: Mapping[str, str]) -> Limits:
        """The limits of an office's settings; a missing or unreadable value keeps its default."""
        chosen: dict[str, int] = {}
        for key, (name, _default) in SETTINGS.items():
            try:
                chosen[name] = int(str(values[key]))
            except (KeyError, ValueError):
                continue
        return cls(**chosen)

    def as_settings(self) -> dict[str, str]:
        by_field = {name: key for key, (name, _d) in SETTINGS.items()}
        return {by_field[f.name]: str(getattr(self, f.name)) for f in fields(self)}


DEFAULT_LIMITS = Limits()
