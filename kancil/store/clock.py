"""One clock: every instant the system records is naive UTC, and every time shown is an office's local time with its
zone ("2 Des 2026 09.20 WIB").

Why: the store used to hold the server's local time in some tables and WIB in others, so a Data page on a UTC server
said "20.00" for a load made after downloads the log showed as "02.57 (WIB)". An instant the system records (a load,
a change, an account, a failed sign-in, a download, a sign-out) now comes from ``utc_now`` only and is stored as
naive UTC (DuckDB ``TIMESTAMP``), whatever the server's own time zone; it is turned into an office's time only to be
shown (``format``). Times that come *in the office's files* (queue, application, survey and facility times) are not
instants of the system: they stay as the office recorded them, in its own time zone (docs/data-contract.md), and
are labelled with it (``format_local``).

Indonesia has three zones and none has daylight saving: WIB (Asia/Jakarta, UTC+7), WITA (Asia/Makassar, UTC+8),
WIT (Asia/Jayapura, UTC+9). An office's zone is in the ``kantor`` table (kancil/store/offices.py); one not listed
there is taken to be WIB.

Tests pin the clock with ``freeze`` (and run the server with ``TZ=UTC``): nothing here reads the server's zone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from kancil.i18n import DEFAULT_LANGUAGE, fmt_datetime

DEFAULT_ZONE = "Asia/Jakarta"
ZONES: dict[str, str] = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
_frozen: dt.datetime | None = None


def utc_now() -> dt.datetime:
    """Now, as naive UTC: the only source of the instants the store records."""
    if _frozen is not None:
        return _frozen
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@contextlib.contextmanager
def freeze(instant: dt.datetime) -> Iterator[dt.datetime]:
    """Pin ``utc_now`` to ``instant`` (naive UTC, or aware: converted) for a test; restored afterwards."""
    global _frozen
    before = _frozen
    _frozen = as_utc(instant)
    try:
        yield _frozen
    finally:
        _frozen = before


def as_utc(instant: dt.datetime) -> dt.datetime:
    """An instant as naive UTC: an aware one is converted, a naive one is taken to be UTC already."""
    return instant.astimezone(dt.UTC).replace(tzinfo=None) if instant.tzinfo else instant


def zone_of(zone: str | None) -> str:
    """A known IANA zone name; anything else (None, unknown) is WIB's."""
    return zone if zone in ZONES else DEFAULT_ZONE


def abbreviation(zone: str | None) -> str:
    """WIB, WITA or WIT."""
    return ZONES[zone_of(zone)]


def to_office(instant: dt.datetime, zone: str | None) -> dt.datetime:
    """A stored instant (naive UTC) as an aware time in the office's zone."""
    return as_utc(instant).replace(tzinfo=dt.UTC).astimezone(ZoneInfo(zone_of(zone)))


def office_now(zone: str | None) -> dt.datetime:
    """Now in the office's zone (aware)."""
    return to_office(utc_now(), zone)


def office_today(zone: str | None = None) -> dt.date:
    """Today's date at the office: on a UTC server, 20.00 UTC is already tomorrow in Jakarta."""
    return office_now(zone).date()


def format(instant: dt.datetime | None, zone: str | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """A stored instant (naive UTC) as the office reads it: "2 Des 2026 09.20 WIB"; an em dash for none."""
    if instant is None:
        return "—"
    return format_local(to_office(instant, zone).replace(tzinfo=None), zone, lang)


def format_local(local: dt.datetime | None, zone: str | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """A time already in the office's zone (a time from its files) with the zone's name: "1 Des 2026 16.58 WIB"."""
    if local is None:
        return "—"
    return f"{fmt_datetime(local.replace(tzinfo=None), lang)} {abbreviation(zone)}"


def offset_text(zone: str | None) -> str:
    """The zone as a manifest states it: "WIB (Asia/Jakarta, UTC+07:00)"."""
    name = zone_of(zone)
    offset = dt.datetime(2026, 1, 1, tzinfo=ZoneInfo(name)).strftime("%z")
    return f"{ZONES[name]} ({name}, UTC{offset[:3]}:{offset[3:]})"
