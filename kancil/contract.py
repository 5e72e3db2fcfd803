"""The data contract: the five kinds of export file, their columns, types and rules.

One place describes every column, so the schema (``store.py``), the validator (``ingest.py``), the demo
generator and ``docs/data-contract.md`` cannot drift apart. The rules here are the issue's contract, word for word.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LANES = ("prioritas", "reguler", "percepatan")
GROUPS = ("lansia", "disabilitas", "ibu_hamil", "ibu_balita", "anak", "sakit", "umum")
VULNERABLE_GROUPS = ("lansia", "disabilitas", "ibu_hamil", "ibu_balita", "anak", "sakit")
SENSITIVE_GROUPS = ("disabilitas", "sakit")  # UU 27/2022: health and disability are specific personal data
SERVICE_TYPES = ("baru", "penggantian", "hilang_rusak")
CHANNELS = ("m_paspor", "langsung")
STATUSES = ("selesai", "tidak_hadir", "batal")
FACILITIES = ("ruang_laktasi", "area_bermain_anak", "kursi_roda", "ruang_tunggu_prioritas", "toilet_disabilitas")
INFO_SOURCES = ("media_sosial", "website", "spanduk_brosur", "petugas", "keluarga_teman", "lainnya")
IKM_ELEMENTS = tuple(f"u{i}" for i in range(1, 10))

KINDS = ("antrian", "permohonan", "survei", "fasilitas", "kuota", "kantor")
# The IANA zones of Indonesia (WIB, WITA, WIT): an office's times are in one of them (kancil/store/clock.py).
TIMEZONES = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")


@dataclass(frozen=True)
class Column:
    """One column of an export file and the rule its cells must follow."""

    name: str
    type: str  # text | code | timestamp | date | bool | int
    required: bool = False
    allowed: tuple[str, ...] = ()
    min_value: int | None = None
    max_value: int | None = None

    @property
    def sql_type(self) -> str:
        return {
            "text": "VARCHAR",
            "code": "VARCHAR",
            "timestamp": "TIMESTAMP",
            "date": "DATE",
            "bool": "BOOLEAN",
            "int": "INTEGER",
        }[self.type]


@dataclass(frozen=True)
class Order:
    """A time-order rule: ``later >= earlier`` whenever both are present."""

    later: str
    earlier: str


@dataclass(frozen=True)
class Kind:
    """A kind of export file: its columns, its key and its time-order rules."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    orders: tuple[Order, ...] = field(default_factory=tuple)
    # Columns that must be empty unless a boolean flag is true (bap_start only when bap_required, ...).
    only_when: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    # The column whose local date decides which period a row belongs to.
    period_column: str | None = None

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _c(name: str, type_: str, required: bool = False, allowed: tuple[str, ...] = (), **kw: int) -> Column:
    return Column(name, type_, required, allowed, **kw)


ANTRIAN = Kind(
    "antrian",
    (
        _c("ticket_id", "text", True),
        _c("office_code", "text", True),
        _c("lane", "code", True, LANES),
        _c("applicant_group", "code", True, GROUPS),
        _c("service_type", "code", True, SERVICE_TYPES),
        _c("channel", "code", True, CHANNELS),
        _c("issued_at", "timestamp", True),
        _c("called_at", "timestamp"),
        _c("service_start", "timestamp"),
        _c("service_end", "timestamp"),
        _c("counter", "text"),
        _c("officer_id", "text"),
        _c("status", "code", True, STATUSES),
    ),
    key=("office_code", "ticket_id"),
    orders=(
        Order("called_at", "issued_at"),
        Order("service_start", "called_at"),
        Order("service_end", "service_start"),
    ),
    period_column="issued_at",
)

PERMOHONAN = Kind(
    "permohonan",
    (
        _c("application_id", "text", True),
        _c("ticket_id", "text"),
        _c("office_code", "text", True),
        _c("lane", "code", True, LANES),
        _c("applicant_group", "code", True, GROUPS),
        _c("service_type", "code", True, SERVICE_TYPES),
        _c("submitted_at", "timestamp", True),
        _c("bap_required", "bool", True),
        _c("bap_start", "timestamp"),
        _c("bap_end", "timestamp"),
        _c("paid_at", "timestamp"),
        _c("issued_at", "timestamp"),
        _c("collected_at", "timestamp"),
        _c("mismatch", "bool", True),
        _c("mismatch_reported_at", "timestamp"),
        _c("mismatch_resolved_at", "timestamp"),
    ),
    key=("office_code", "application_id"),
    orders=(
        Order("bap_end", "bap_start"),
        Order("issued_at", "submitted_at"),
        Order("collected_at", "issued_at"),
        Order("mismatch_resolved_at", "mismatch_reported_at"),
    ),
    only_when=(
        ("bap_start", "bap_required"),
        ("bap_end", "bap_required"),
        ("mismatch_reported_at", "mismatch"),
        ("mismatch_resolved_at", "mismatch"),
    ),
    period_column="submitted_at",
)

SURVEI = Kind(
    "survei",
    (
        _c("response_id", "text", True),
        _c("office_code", "text", True),
        _c("submitted_at", "timestamp", True),
        _c("ticket_id", "text"),
        _c("lane", "code", False, LANES),
        _c("applicant_group", "code", False, GROUPS),
        *(_c(u, "int", False, min_value=1, max_value=4) for u in IKM_ELEMENTS),
        _c("info_source", "code", False, INFO_SOURCES),
        _c("comment", "text"),
    ),
    key=("office_code", "response_id"),
    period_column="submitted_at",
)

FASILITAS = Kind(
    "fasilitas",
    (
        _c("usage_id", "text", True),
        _c("office_code", "text", True),
        _c("facility", "code", True, FACILITIES),
        _c("started_at", "timestamp", True),
        _c("ended_at", "timestamp"),
        _c("applicant_group", "code", False, GROUPS),
    ),
    key=("office_code", "usage_id"),
    orders=(Order("ended_at", "started_at"),),
    period_column="started_at",
)

KUOTA = Kind(
    "kuota",
    (
        _c("office_code", "text", True),
        _c("lane", "code", True, LANES),
        _c("valid_from", "date", True),
        _c("valid_to", "date"),
        _c("daily_quota", "int", True, min_value=1),
    ),
    key=("office_code", "lane", "valid_from"),
    orders=(Order("valid_to", "valid_from"),),
)

# The offices: each one's name and time zone. Its times (queue, applications, survey, facilities) are recorded in
# that zone; the dashboard shows every time with it. An office missing here shows its code and WIB.
KANTOR = Kind(
    "kantor",
    (
        _c("office_code", "text", True),
        _c("name", "text", True),
        _c("timezone", "code", True, TIMEZONES),
    ),
    key=("office_code",),
)

CONTRACT: dict[str, Kind] = {k.name: k for k in (ANTRIAN, PERMOHONAN, SURVEI, FASILITAS, KUOTA, KANTOR)}

# Accepted text forms, as DuckDB strptime formats. Both day-first and ISO, with or without seconds (the ISO "T"
# separator and fractional seconds too, as Parquet and other tools write them). Real date cells of XLSX and
# timestamp columns of Parquet are turned into the first form before parsing.
TIMESTAMP_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%Y-%m-%d %H:%M:%S.%f",
)
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
TRUE_WORDS = ("true", "ya", "1", "yes")
FALSE_WORDS = ("false", "tidak", "0", "no")
# A year outside this range is an error (it catches two-digit years: DuckDB reads "11/05/26" as the year 26).
YEAR_MIN, YEAR_MAX = 2000, 2099
# The timestamps of an office's files are in the office's time zone (its row of ``kantor``; WIB when it has none).
# A Parquet column with a time zone is converted to the zone of the file's office (one office per file; a file
# of several offices: WIB), see kancil/ingest/ingester.py.
LOCAL_TIMEZONE = "Asia/Jakarta"
