"""The offices the store knows: each one's name and time zone (the ``kantor`` table, a kind of the data contract),
and which one is the main office whose zone speaks for "Semua kantor".

Why a directory and not a join in every query: times are turned into an office's zone in Python when shown
(kancil/store/clock.py), and pages, the printout and the manifests all need the same answer for "which zone is
this view in". An office missing from ``kantor`` shows its code and WIB. The main office is the setting
``kantor_utama`` when it names one (the demo sets CLP), else the first office of ``kantor`` by code, else the
first office in the data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import duckdb

from kancil.i18n import DEFAULT_LANGUAGE, t
from kancil.store import clock

MAIN_SETTING = "kantor_utama"


@dataclass(frozen=True)
class Office:
    code: str
    name: str | None
    timezone: str


@dataclass(frozen=True)
class Directory:
    """Every known office by code, and the main office's code (None for an empty store)."""

    offices: dict[str, Office] = field(default_factory=dict)
    main: str | None = None

    def get(self, code: str | None) -> Office:
        """The office of a code; one not in ``kantor`` has no name and WIB (None: the main office)."""
        code = code or self.main
        if code in self.offices:
            return self.offices[code]
        return Office(code or "", None, clock.DEFAULT_ZONE)

    def zone(self, code: str | None) -> str:
        """The office's IANA zone; for None ("Semua kantor") the main office's."""
        return self.get(code).timezone

    def name(self, code: str | None) -> str | None:
        return self.get(code).name if code else None

    def label(self, code: str | None) -> str:
        """"CLP · Kantor Imigrasi Kelas I TPI Cilacap", or the code alone when the office has no name."""
        office = self.get(code)
        return f"{office.code} · {office.name}" if office.name else office.code


def zone_note(directory: Directory, code: str | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """Which zone a view's times are in: the office's, or for all offices the main office's, named."""
    zone = clock.abbreviation(directory.zone(code))
    if code:
        return t("times.zone_office", lang, zone=zone, office=directory.label(code))
    if directory.main is None:
        return t("times.zone_default", lang, zone=zone)
    return t("times.zone_main", lang, zone=zone, office=directory.label(directory.main))


def build(rows: Iterable[tuple[str, str | None, str | None]], main_setting: str | None = None,
          data_offices: Iterable[str] = ()) -> Directory:
    """A directory from ``kantor`` rows (code, name, timezone), the ``kantor_utama`` setting and the offices found in
    the data (the fallback for the main office)."""
    offices = {code: Office(code, name or None, clock.zone_of(zone)) for code, name, zone in rows if code}
    data_offices = [c for c in data_offices if c]
    chosen = (main_setting or "").strip() or None
    main = chosen or (min(offices) if offices else (sorted(data_offices)[0] if data_offices else None))
    return Directory(offices, main)


def directory(con: duckdb.DuckDBPyConnection) -> Directory:
    """The directory from a store connection (the command line, the printout, the manifests)."""
    try:
        rows = con.execute("SELECT office_code, name, timezone FROM kantor ORDER BY office_code").fetchall()
        setting = con.execute("SELECT value FROM pengaturan WHERE key = $k", {"k": MAIN_SETTING}).fetchone()
    except duckdb.CatalogException:  # a store of schema 4 or older read before its migration: WIB, no names
        return Directory()
    data_offices = [r[0] for r in con.execute(
        "SELECT DISTINCT office_code FROM antrian ORDER BY 1 LIMIT 1").fetchall()] if not rows else []
    return build(rows, setting[0] if setting else None, data_offices)
