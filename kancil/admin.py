"""The write side of the Data, Pengaturan and Pengguna pages, kept out of Streamlit so that it is testable.

Every change goes through the same paths as the command line and keeps its trace: an uploaded file through
``ingest.ingest_file`` (recorded in ``ingest_batches`` with the user), a quota period through
``ingest.load_frame`` (validated like a file row, recorded as a batch), a setting through
``settings.set_setting`` (``pengaturan_riwayat``), a calendar day with a row in ``kalender_riwayat``. Callers open
``store.writer``, whose closing bumps the store version, so every page shows the change on its next run.

Problems a user can fix are raised as ``AdminError`` with a message key of the catalogue (the pages show it in
the session's language; ``str(error)`` is the Bahasa Indonesia text).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePath

import duckdb
import pandas as pd

from kancil import auth, calendar, settings, store
from kancil.contract import CONTRACT, LANES
from kancil.i18n import t
from kancil.ingest import IngestResult, ingest_file, load_frame
from kancil.safe_export import neutralise_frame

MAX_UPLOAD_MB = 50  # the default; the Data page passes Streamlit's server.maxUploadSize
UPLOAD_SUFFIXES = (".csv", ".xlsx", ".parquet")
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
}
BOOLEAN_SETTINGS = ("cuti_bersama_hari_kerja",)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_UNSAFE_NAME_CHARS = re.compile(r"[\x00-\x1f\x7f]")


class AdminError(ValueError):
    """A change that cannot be made as asked; ``key`` and ``values`` name the catalogue message."""

    def __init__(self, key: str, **values: object):
        super().__init__(t(key, "id", **values))
        self.key = key
        self.values = values


# ------------------------------------------------------------------------------------------------ uploads


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
        with store.writer(db) as con:
            return ingest_file(con, kind, path, who=who)


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


def _file_rows(name: str, data: bytes) -> tuple[list[str], list[list[object]]]:
    """Header and data rows of an uploaded file, in file order (row i of the list is spreadsheet row i + 2)."""
    suffix = PurePath(name).suffix.lower()
    if suffix == ".xlsx":
        from python_calamine import CalamineWorkbook

        rows = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python(
            skip_empty_area=False)
        return [_cell(h) for h in rows[0]] if rows else [], [list(r) for r in rows[1:]]
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(io.BytesIO(data))
        return list(table.column_names), [list(r.values()) for r in table.to_pylist()]
    text = data.decode("utf-8-sig", errors="replace")
    first = text.split("\n", 1)[0]
    delim = ";" if first.count(";") > first.count(",") else ","
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    return (records[0] if records else []), records[1:]


def rejected_rows_csv(name: str, data: bytes, result: IngestResult) -> bytes:
    """The rejected rows of the uploaded file as they were, plus their row number and reasons, as CSV.

    Ready to fix and upload again: the ingester ignores the two added columns (``baris``, ``alasan``) as extra
    columns. Text is neutralised for spreadsheets and written as UTF-8 with a byte-order mark (Excel).
    """
    reasons: dict[int, list[str]] = {}
    for r in result.rejects:
        reasons.setdefault(r.row, []).append(r.reason)  # every reason already names its column
    header, rows = _file_rows(safe_file_name(name), data)
    width = len(header)
    out = []
    for number in sorted(reasons):
        index = number - 2
        cells = rows[index] if 0 <= index < len(rows) else []
        cells = [_cell(c) for c in cells][:width] + [""] * max(0, width - len(cells))
        out.append([number, "; ".join(reasons[number]), *cells])
    frame = pd.DataFrame(out, columns=["baris", "alasan", *[str(h) for h in header]])
    return neutralise_frame(frame).to_csv(index=False).encode("utf-8-sig")


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
    row = store.one(
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
        raise AdminError("settings.err.office")
    if lane not in LANES:
        raise AdminError("settings.err.lane")
    if valid_to is not None and valid_to < valid_from:
        raise AdminError("settings.err.period_order")
    if int(daily_quota) < 1:
        raise AdminError("settings.err.quota_min")
    running = running_period(con, office, lane, valid_from) if valid_to is None else None
    added = load_frame(con, "kuota", _quota_frame(office, lane, valid_from, valid_to, int(daily_quota)),
                       name=QUOTA_SOURCE, who=who)
    if added.refused or added.rejected:
        raise AdminError("settings.err.quota_rejected",
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
        {"today": today or dt.date.today()},
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
        raise AdminError("settings.err.calendar_kind")
    note = (keterangan or "").strip() or None
    if note is not None and len(note) > MAX_NOTE_LENGTH:
        raise AdminError("settings.err.note_long", max=MAX_NOTE_LENGTH)
    key = {"o": office, "d": tanggal, "j": jenis}
    exists = "SELECT count(*) FROM kalender WHERE office_code IS NOT DISTINCT FROM $o AND tanggal = $d AND jenis = $j"
    if store.one(con, exists, key)[0]:
        raise AdminError("settings.err.calendar_exists")
    with store.transaction(con):
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
        raise AdminError("settings.err.calendar_missing")
    with store.transaction(con):
        con.execute("DELETE FROM kalender WHERE office_code IS NOT DISTINCT FROM $o AND tanggal = $d AND jenis = $j",
                    key)
        for (note,) in rows:
            _calendar_history(con, office, tanggal, jenis, note, "hapus", who)
        calendar.rebuild(con)


def _calendar_history(con: duckdb.DuckDBPyConnection, office: str | None, tanggal: dt.date, jenis: str,
                      note: str | None, action: str, who: str) -> None:
    con.execute(
        "INSERT INTO kalender_riwayat VALUES ($o, $d, $j, $k, $a, $who, $at)",
        {"o": office, "d": tanggal, "j": jenis, "k": note, "a": action, "who": who, "at": dt.datetime.now()},
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
        raise AdminError("settings.err.boolean")
    if key not in SETTING_RANGES:
        raise AdminError("settings.err.unknown", key=key)
    low, high = SETTING_RANGES[key]
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if not number.is_integer() or not low <= number <= high:
        raise AdminError("settings.err.range", low=low, high=high)
    return str(int(number))


def change_setting(con: duckdb.DuckDBPyConnection, who: str, key: str, value: object) -> bool:
    """Change a setting if its value differs; versioned by ``settings.set_setting``. True if it changed."""
    new = setting_value(key, value)
    if settings.get_setting(con, key) == new:
        return False
    settings.set_setting(con, key, new, who)
    return True


# ------------------------------------------------------------------------------------------------ accounts


def account_problem(con: duckdb.DuckDBPyConnection, username: str, role: str, password: str | None,
                    password_again: str | None, sso: bool) -> AdminError | None:
    """Why this account cannot be created as entered, or None."""
    name = (username or "").strip().lower()
    if not name:
        return AdminError("users.err.username")
    if role not in auth.ROLES:
        return AdminError("users.err.role")
    if store.one(con, "SELECT count(*) FROM pengguna WHERE username = $u", {"u": name})[0]:
        return AdminError("users.err.exists")
    if sso:
        return None if _EMAIL.match(name) else AdminError("users.err.sso_email")
    if len(password or "") < auth.MIN_PASSWORD_LENGTH:
        return AdminError("users.err.short", n=auth.MIN_PASSWORD_LENGTH)
    if password != password_again:
        return AdminError("users.err.mismatch")
    return None


def create_account(con: duckdb.DuckDBPyConnection, who: str, username: str, role: str, display_name: str | None,
                   password: str | None = None, password_again: str | None = None,
                   sso: bool = False) -> auth.User:
    """Create an account (a local password, or SSO-only with the e-mail address as username)."""
    problem = account_problem(con, username, role, password, password_again, sso)
    if problem is not None:
        raise problem
    return auth.add_user(con, username, None if sso else password, role, (display_name or "").strip() or None,
                         created_by=who)


def change_active(con: duckdb.DuckDBPyConnection, who: str, username: str, active: bool) -> None:
    """Deactivate or reactivate an account; an admin cannot lock out themselves or the last active admin."""
    row = store.one(con, "SELECT role, active FROM pengguna WHERE username = $u", {"u": username})
    if row is None:
        raise AdminError("users.err.unknown")
    if not active and username == who:
        raise AdminError("users.err.self")
    if not active and row[0] == "admin" and row[1]:
        admins = store.one(con, "SELECT count(*) FROM pengguna WHERE role = 'admin' AND active")[0]
        if admins <= 1:
            raise AdminError("users.err.last_admin")
    auth.set_active(con, username, active)


def accounts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The accounts without their password hashes, plus whether each signs in by SSO only."""
    frame = pd.DataFrame(auth.list_users(con),
                         columns=["username", "role", "display_name", "active", "created_by", "created_at"])
    sso = {r[0] for r in con.execute("SELECT username FROM pengguna WHERE password_hash = $s",
                                     {"s": auth.SSO_PASSWORD}).fetchall()}
    frame.insert(3, "sso", frame["username"].isin(sso))
    return frame
