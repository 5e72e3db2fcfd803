"""The write side of the Pengaturan and Pengguna pages, kept out of Streamlit so that it is testable.

Every change goes through the same paths as the command line and keeps its trace: a quota period through
``ingest.load.load_frame`` (validated like a file row, recorded as a batch), a setting with a row in
``pengaturan_riwayat``, a calendar day with a row in ``kalender_riwayat``. Callers open ``connection.writer``,
whose closing bumps the store version, so every page shows the change on its next run.

Problems a user can fix are raised as ``AdminError`` with a message key of the catalogue (the pages show it in
the session's language; ``str(error)`` is the Bahasa Indonesia text).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import duckdb
import pandas as pd

from kancil.briefing import delivery
from kancil.contract import CONTRACT, LANES
from kancil.i18n import t
from kancil.ingest import limits
from kancil.ingest.ingester import IngestResult, load_frame
from kancil.roles import ROLES, User
from kancil.store import accounts, calendar, clock, offices, settings
from kancil.store.sql import one, transaction

CALENDAR_KINDS = ("tutup", "layanan")
MAX_NOTE_LENGTH = 200
QUOTA_SOURCE = "pengaturan"  # the "file name" of a quota period entered on the settings page
# Settings the page may change, with their allowed whole-number range (cuti bersama is a yes/no).
SETTING_RANGES: dict[str, tuple[int, int]] = {
    "target_wait_prioritas": (1, 600),
    "target_wait_reguler": (1, 600),
    "target_wait_percepatan": (1, 600),
    "target_completion_days": (0, 60),
    "target_completion_days_percepatan": (0, 60),
    "usia_lansia": (40, 100),
    "kuota_cakupan": (50, 100),
    **limits.RANGES,
    "smtp_port": (1, 65535),
}
BOOLEAN_SETTINGS = ("cuti_bersama_hari_kerja",)
ORDER_SETTINGS = ("urutan_panggil", "urutan_proses")  # kancil/decide/orders.py reads and checks them
MAIN_OFFICE_SETTING = offices.MAIN_SETTING  # whose time zone "Semua kantor" shows (kancil/store/offices.py)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class AdminError(ValueError):
    """A change that cannot be made as asked; ``key`` and ``values`` name the catalogue message."""

    def __init__(self, key: str, **values: object):
        super().__init__(t(key, "id", **values))
        self.key = key
        self.values = values


# ------------------------------------------------------------------------------------------------ quotas


@dataclass
class QuotaChange:
    """A quota period added (the load of its row) and the running period it closed, if any."""

    added: IngestResult
    closed: dict | None = None


def _quota_frame(office: str, lane: str, valid_from: dt.date, valid_to: dt.date | None, quota: int) -> pd.DataFrame:
    row = {"office_code": office, "lane": lane, "valid_from": valid_from.isoformat(),
           "valid_to": valid_to.isoformat() if valid_to else None, "daily_quota": str(quota)}
    return pd.DataFrame([row], columns=list(CONTRACT["kuota"].column_names), dtype=object)


def running_period(con: duckdb.DuckDBPyConnection, office: str, lane: str, day: dt.date) -> dict | None:
    """The open-ended period of an office and lane that started before ``day``, if one is running."""
    row = one(
        con,
        """SELECT office_code, lane, valid_from, daily_quota FROM kuota
           WHERE office_code = $o AND lane = $l AND valid_to IS NULL AND valid_from < $d
           ORDER BY valid_from DESC LIMIT 1""",
        {"o": office, "l": lane, "d": day},
    )
    if row is None:
        return None
    return dict(zip(("office_code", "lane", "valid_from", "daily_quota"), row, strict=True))


def add_quota_period(con: duckdb.DuckDBPyConnection, who: str, office: str, lane: str, valid_from: dt.date,
                     valid_to: dt.date | None, daily_quota: int) -> QuotaChange:
    """Add (or correct, same office, lane and start) a daily quota period; close the running one.

    The row goes through the ingester, so it is validated like a file row and recorded as a batch. A new
    open-ended period replaces the running open-ended one: that one is closed the day before the new one
    starts (stored the same way, replacing it by its key). A period with an end date is a temporary change: the
    running period is left open and applies again afterwards (overlapping periods: the one that started last
    wins, see queries/staging/stg_kuota_days.sql).
    """
    office = (office or "").strip()
    if not office:
        raise AdminError("pengaturan.err.office")
    if lane not in LANES:
        raise AdminError("pengaturan.err.lane")
    if valid_to is not None and valid_to < valid_from:
        raise AdminError("pengaturan.err.period_order")
    if int(daily_quota) < 1:
        raise AdminError("pengaturan.err.quota_min")
    running = running_period(con, office, lane, valid_from) if valid_to is None else None
    added = load_frame(con, "kuota", _quota_frame(office, lane, valid_from, valid_to, int(daily_quota)),
                       name=QUOTA_SOURCE, who=who)
    if added.refused or added.rejected:
        raise AdminError("pengaturan.err.quota_rejected",
                         reason="; ".join(r.reason for r in added.rejects) or added.refused or "")
    if running is None:
        return QuotaChange(added)
    closed = dict(running, valid_to=valid_from - dt.timedelta(days=1))
    load_frame(con, "kuota", _quota_frame(office, lane, running["valid_from"], closed["valid_to"],
                                          int(running["daily_quota"])), name=QUOTA_SOURCE, who=who)
    return QuotaChange(added, closed)


def quota_periods(con: duckdb.DuckDBPyConnection, today: dt.date | None = None) -> pd.DataFrame:
    """Every stored quota period with whether it is running, ended or still to come, and who loaded it."""
    return con.execute(
        """SELECT k.office_code, k.lane, k.valid_from, k.valid_to, k.daily_quota,
                  CASE WHEN k.valid_from > $today THEN 'akan_datang'
                       WHEN coalesce(k.valid_to, DATE '9999-12-31') < $today THEN 'selesai'
                       ELSE 'berlaku' END AS status,
                  b.file_name, b.loaded_by, b.loaded_at
           FROM kuota k LEFT JOIN ingest_batches b USING (batch_id)
           ORDER BY k.office_code, k.lane, k.valid_from DESC""",
        {"today": today or clock.office_today(offices.directory(con).zone(None))},
    ).df()


# ------------------------------------------------------------------------------------------------ calendar


def _office_or_all(office: str | None) -> str | None:
    office = (office or "").strip()
    return None if office in ("", calendar.ALL_OFFICES) else office


def add_calendar_day(con: duckdb.DuckDBPyConnection, who: str, office: str | None, tanggal: dt.date, jenis: str,
                     keterangan: str | None = None) -> None:
    """Add an extra closed day (``tutup``) or service day (``layanan``) for one office or all (None).

    The change is written to ``kalender_riwayat`` and the working-day calendar is rebuilt in the same
    transaction, so quota days and completion times follow at once.
    """
    office = _office_or_all(office)
    if jenis not in CALENDAR_KINDS:
        raise AdminError("pengaturan.err.calendar_kind")
    note = (keterangan or "").strip() or None
    if note is not None and len(note) > MAX_NOTE_LENGTH:
        raise AdminError("pengaturan.err.note_long", max=MAX_NOTE_LENGTH)
    key = {"o": office, "d": tanggal, "j": jenis}
    exists = "SELECT count(*) FROM kalender WHERE office_code IS NOT DISTINCT FROM $o AND tanggal = $d AND jenis = $j"
    if one(con, exists, key)[0]:
        raise AdminError("pengaturan.err.calendar_exists")
    with transaction(con):
        con.execute("INSERT INTO kalender VALUES ($o, $d, $j, $k)", {**key, "k": note})
        _calendar_history(con, office, tanggal, jenis, note, "tambah", who)
        calendar.rebuild(con)


def remove_calendar_day(con: duckdb.DuckDBPyConnection, who: str, office: str | None, tanggal: dt.date,
                        jenis: str) -> None:
    """Remove an extra closed or service day; recorded in ``kalender_riwayat``, the calendar rebuilt."""
    office = _office_or_all(office)
    key = {"o": office, "d": tanggal, "j": jenis}
    rows = con.execute(
        "SELECT keterangan FROM kalender WHERE office_code IS NOT DISTINCT FROM $o AND tanggal = $d AND jenis = $j",
        key,
    ).fetchall()
    if not rows:
        raise AdminError("pengaturan.err.calendar_missing")
    with transaction(con):
        con.execute("DELETE FROM kalender WHERE office_code IS NOT DISTINCT FROM $o AND tanggal = $d AND jenis = $j",
                    key)
        for (note,) in rows:
            _calendar_history(con, office, tanggal, jenis, note, "hapus", who)
        calendar.rebuild(con)


def _calendar_history(con: duckdb.DuckDBPyConnection, office: str | None, tanggal: dt.date, jenis: str,
                      note: str | None, action: str, who: str) -> None:
    con.execute(
        "INSERT INTO kalender_riwayat VALUES ($o, $d, $j, $k, $a, $who, $at)",
        {"o": office, "d": tanggal, "j": jenis, "k": note, "a": action, "who": who, "at": clock.utc_now()},
    )


def calendar_days(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The office's own calendar rows (extra closed and service days), newest date first."""
    return con.execute(
        "SELECT office_code, tanggal, jenis, keterangan FROM kalender ORDER BY tanggal DESC, office_code NULLS FIRST"
    ).df()


# ------------------------------------------------------------------------------------------------ settings


def setting_value(key: str, value: object) -> str:
    """The stored text of a setting's new value, or AdminError if the value is not allowed."""
    if key in BOOLEAN_SETTINGS:
        if isinstance(value, bool):
            return "true" if value else "false"
        if str(value).lower() in ("true", "false"):
            return str(value).lower()
        raise AdminError("pengaturan.err.boolean")
    if key in delivery.TEXT_SETTINGS:
        text, problem = delivery.check_setting(key, value)
        if problem:
            raise AdminError(problem[0], **problem[1])
        return text
    if key in ORDER_SETTINGS:
        from kancil.decide.orders import OrderError, parse_order

        try:
            return parse_order(str(value)).label()
        except OrderError as exc:
            raise AdminError("pengaturan.err.order", reason=str(exc)) from exc
    if key == MAIN_OFFICE_SETTING:  # an office code (the page offers the store's offices) or "" for the first by code
        code = str(value or "").strip()
        if len(code) > 20 or any(ch.isspace() for ch in code):
            raise AdminError("pengaturan.err.main_office", value=code)
        return code
    if key not in SETTING_RANGES:
        raise AdminError("pengaturan.err.unknown", key=key)
    low, high = SETTING_RANGES[key]
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if not number.is_integer() or not low <= number <= high:
        raise AdminError("pengaturan.err.range", low=low, high=high)
    return str(int(number))


def change_settings(con: duckdb.DuckDBPyConnection, who: str, values: dict[str, object]) -> int:
    """Change several settings from one form: every value is checked first, so a refused one changes none of them.
    Returns how many changed."""
    for key, value in values.items():
        setting_value(key, value)
    return sum(change_setting(con, who, key, value) for key, value in values.items())


def change_setting(con: duckdb.DuckDBPyConnection, who: str, key: str, value: object) -> bool:
    """Change a setting if its value differs, keeping who, when, old and new in ``pengaturan_riwayat``; the
    working-day calendar follows at once when the cuti bersama choice changes. True if it changed."""
    new = setting_value(key, value)
    old = settings.get_setting(con, key)
    if old == new:
        return False
    now = clock.utc_now()
    with transaction(con):  # a failed calendar rebuild must not leave the setting changed without it
        con.execute("INSERT OR REPLACE INTO pengaturan VALUES ($k, $v, $who, $now)",
                    {"k": key, "v": new, "who": who, "now": now})
        con.execute("INSERT INTO pengaturan_riwayat VALUES ($k, $old, $new, $who, $now)",
                    {"k": key, "old": old, "new": new, "who": who, "now": now})
        if key == "cuti_bersama_hari_kerja":
            calendar.rebuild(con)
    return True


# ------------------------------------------------------------------------------------------------ accounts


def account_problem(con: duckdb.DuckDBPyConnection, username: str, role: str, password: str | None,
                    password_again: str | None, sso: bool) -> AdminError | None:
    """Why this account cannot be created as entered, or None."""
    name = (username or "").strip().lower()
    if not name:
        return AdminError("pengguna.err.username")
    if role not in ROLES:
        return AdminError("pengguna.err.role")
    if one(con, "SELECT count(*) FROM pengguna WHERE username = $u", {"u": name})[0]:
        return AdminError("pengguna.err.exists")
    if sso:
        return None if _EMAIL.match(name) else AdminError("pengguna.err.sso_email")
    if len(password or "") < accounts.MIN_PASSWORD_LENGTH:
        return AdminError("pengguna.err.short", n=accounts.MIN_PASSWORD_LENGTH)
    if password != password_again:
        return AdminError("pengguna.err.mismatch")
    return None


def create_account(con: duckdb.DuckDBPyConnection, who: str, username: str, role: str, display_name: str | None,
                   password: str | None = None, password_again: str | None = None,
                   sso: bool = False) -> User:
    """Create an account (a local password, or SSO-only with the e-mail address as username)."""
    problem = account_problem(con, username, role, password, password_again, sso)
    if problem is not None:
        raise problem
    return accounts.add_user(con, username, None if sso else password, role, (display_name or "").strip() or None,
                         created_by=who)


def change_active(con: duckdb.DuckDBPyConnection, who: str, username: str, active: bool) -> None:
    """Deactivate or reactivate an account; an admin cannot lock out themselves or the last active admin."""
    row = one(con, "SELECT role, active FROM pengguna WHERE username = $u", {"u": username})
    if row is None:
        raise AdminError("pengguna.err.unknown")
    if not active and username == who:
        raise AdminError("pengguna.err.self")
    if not active and row[0] == "admin" and row[1]:
        admins = one(con, "SELECT count(*) FROM pengguna WHERE role = 'admin' AND active")[0]
        if admins <= 1:
            raise AdminError("pengguna.err.last_admin")
    accounts.set_active(con, username, active)


def list_accounts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The accounts without their password hashes, plus whether each signs in by SSO only."""
    frame = pd.DataFrame(accounts.list_users(con),
                         columns=["username", "role", "display_name", "active", "created_by", "created_at"])
    sso = {r[0] for r in con.execute("SELECT username FROM pengguna WHERE password_hash = $s",
                                     {"s": accounts.SSO_PASSWORD}).fetchall()}
    frame.insert(3, "sso", frame["username"].isin(sso))
    return frame
