"""Working days: Monday to Friday that are neither Indonesian public holidays nor cuti bersama.

The `holidays` package knows both (country ID, categories ``public`` and ``government``; the latter is cuti
bersama). The office adds its own rows in ``kalender``: extra closed days (``tutup``, e.g. a local closure) and
extra service days (``layanan``, e.g. a Saturday "Paspor Simpatik"). A service day on a weekend is *not* a working
day: its tickets count, but it is not a quota day and does not shorten a completion time.

The result is materialised in ``hari_kerja`` (one row per office and date) with a running ``workday_index``, so
"working days after date A up to and including date B" is ``index(B) - index(A)``: one join, no loop.

Each application's completion in working days is stored with it (``permohonan.completion_workdays``) so that the
dashboard's queries need no join at all: the ingester computes it for the rows it loads, and ``rebuild``
recomputes it for the offices whose calendar changed (``refresh_completion``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from types import MappingProxyType

import duckdb

from kancil.store.settings import get_setting

CALENDAR_START = dt.date(2018, 1, 1)
CALENDAR_END = dt.date(2032, 12, 31)
ALL_OFFICES = "*"


@functools.cache
def indonesian_holidays(
    start: dt.date = CALENDAR_START, end: dt.date = CALENDAR_END, cuti_bersama_is_workday: bool = False
) -> MappingProxyType[dt.date, str]:
    """Public holidays (and cuti bersama unless it counts as a working day) between two dates.

    Cached per process and read-only: computing fifteen years takes ~0.1 s, and the dashboard rebuilds the
    calendar after every upload that brings a new office and after every calendar setting change.
    """
    import holidays  # imported when first needed: ~0.1 s that a load into a known office never pays

    years = range(start.year, end.year + 1)
    categories: tuple[str, ...] = ("public",) if cuti_bersama_is_workday else ("public", "government")
    found = holidays.country_holidays("ID", categories=categories, years=years, language="id")
    return MappingProxyType({d: name for d, name in found.items() if start <= d <= end})


def is_workday(day: dt.date, holiday_dates: Mapping[dt.date, str]) -> bool:
    return day.weekday() < 5 and day not in holiday_dates


def rebuild(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild ``hari_kerja`` for every office in the store (plus ``*`` for offices not yet seen)."""
    cuti_is_work = get_setting(con, "cuti_bersama_hari_kerja") == "true"
    con.execute("CREATE OR REPLACE TEMP TABLE _hari_kerja_lama AS SELECT office_code, tanggal, workday_index "
                "FROM hari_kerja")
    hol = indonesian_holidays(cuti_bersama_is_workday=cuti_is_work)
    con.execute("CREATE OR REPLACE TEMP TABLE _libur (tanggal DATE, nama VARCHAR)")
    if hol:
        con.executemany("INSERT INTO _libur VALUES (?, ?)", sorted(hol.items()))
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE _offices AS
        SELECT $all AS office_code
        UNION SELECT DISTINCT office_code FROM antrian
        UNION SELECT DISTINCT office_code FROM permohonan
        UNION SELECT DISTINCT office_code FROM kuota
        UNION SELECT DISTINCT office_code FROM kalender WHERE office_code IS NOT NULL
        """,
        {"all": ALL_OFFICES},
    )
    con.execute("DELETE FROM hari_kerja")
    con.execute(
        """
        INSERT INTO hari_kerja
        WITH days AS (
            SELECT o.office_code, CAST(d.range AS DATE) AS tanggal
            FROM _offices o, range(CAST($start AS TIMESTAMP), CAST($end AS TIMESTAMP), INTERVAL 1 DAY) d
        ),
        flagged AS (
            SELECT
                days.office_code,
                days.tanggal,
                isodow(days.tanggal) <= 5 AND l.tanggal IS NULL AS base_workday,
                l.nama AS libur,
                bool_or(k.jenis = 'tutup') AS closed,
                bool_or(k.jenis = 'layanan') AS extra_service,
                string_agg(k.keterangan, '; ') AS catatan
            FROM days
            LEFT JOIN _libur l ON l.tanggal = days.tanggal
            LEFT JOIN kalender k
                ON k.tanggal = days.tanggal
                AND (k.office_code IS NULL OR k.office_code = days.office_code)
            GROUP BY ALL
        ),
        decided AS (
            SELECT
                office_code,
                tanggal,
                base_workday AND NOT coalesce(closed, false) AS is_workday,
                (base_workday AND NOT coalesce(closed, false)) OR coalesce(extra_service, false) AS is_service_day,
                coalesce(catatan, libur) AS keterangan
            FROM flagged
        )
        SELECT
            office_code,
            tanggal,
            is_workday,
            is_service_day,
            CAST(sum(CAST(is_workday AS INTEGER)) OVER (
                PARTITION BY office_code ORDER BY tanggal ROWS UNBOUNDED PRECEDING) AS INTEGER),
            keterangan
        FROM decided
        ORDER BY office_code, tanggal
        """,
        {"start": CALENDAR_START, "end": CALENDAR_END + dt.timedelta(days=1)},
    )
    changed = [row[0] for row in con.execute(
        """
        SELECT DISTINCT office_code FROM (
            (SELECT office_code, tanggal, workday_index FROM hari_kerja EXCEPT SELECT * FROM _hari_kerja_lama)
            UNION ALL
            (SELECT * FROM _hari_kerja_lama EXCEPT SELECT office_code, tanggal, workday_index FROM hari_kerja)
        )
        """
    ).fetchall()]
    con.execute("DROP TABLE _hari_kerja_lama")
    if changed:
        refresh_completion(con, offices=changed)


def refresh_completion(
    con: duckdb.DuckDBPyConnection, offices: list[str] | None = None, batch_id: int | None = None
) -> None:
    """Store ``completion_workdays`` (working days after the submission date up to and including the issue date)
    for the applications of ``offices``, of one ingest batch, or (neither given) all of them.

    NULL where the passport is not issued yet or a date lies outside the calendar, as the join would give.
    """
    scope, params = "true", {}
    if offices is not None:
        scope, params = "list_contains($offices, p.office_code)", {"offices": offices}
    elif batch_id is not None:
        scope, params = "p.batch_id = $batch", {"batch": batch_id}
    con.execute(
        f"""
        UPDATE permohonan p
        SET completion_workdays = (
            SELECT hi.workday_index - hs.workday_index
            FROM hari_kerja hs, hari_kerja hi
            WHERE hs.office_code = p.office_code AND hs.tanggal = CAST(p.submitted_at AS DATE)
              AND hi.office_code = p.office_code AND hi.tanggal = CAST(p.issued_at AS DATE)
        )
        WHERE {scope}
        """,  # noqa: S608 - scope is one of the three fixed texts above; values are parameters
        params,
    )
