"""How a file's header row maps onto a kind's columns (shared by the ingester and the XLSX reader's child process,
which must not import DuckDB: it runs under an address-space limit)."""

from __future__ import annotations

from dataclasses import dataclass

from kancil.contract import Kind


def normalise(name: object) -> str:
    """A header cell as it is compared: surrounding spaces and a byte-order mark removed, lower case."""
    if name is None:
        return ""
    return str(name).strip().strip("\ufeff").strip().lower()


@dataclass
class Header:
    """How a file's header maps onto a kind's columns."""

    mapped: list[str | None]  # per header cell: the contract column it is, or None (ignored)
    extras: list[str]  # ignored non-empty header names, each once, in file order
    missing: list[str]  # contract columns not in the header

    def position(self, column: str) -> int | None:
        return self.mapped.index(column) if column in self.mapped else None


def match_header(kind: Kind, header: list[object]) -> Header:
    """Map header cells to contract columns: case-insensitive, surrounding spaces ignored, first copy wins."""
    names = [normalise(h) for h in header]
    wanted = set(kind.column_names)
    seen: set[str] = set()
    mapped: list[str | None] = []
    extras: list[str] = []
    for raw_name, name in zip(header, names, strict=True):
        if name in wanted and name not in seen:
            mapped.append(name)
            seen.add(name)
            continue
        mapped.append(None)
        shown = str(raw_name).strip().strip("\ufeff").strip() if raw_name is not None else ""
        if shown and name not in {normalise(e) for e in extras}:
            extras.append(shown)
    missing = [c for c in kind.column_names if c not in seen]
    return Header(mapped, extras, missing)
