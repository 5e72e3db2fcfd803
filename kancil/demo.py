"""Demo data: a synthetic store that shows the real patterns of a passport office's priority service.

Why synthetic and why this realistic: the dashboard must be tried, shown and benchmarked before an office hands
over its exports, and a flat random store would hide exactly what the dashboard is for. So the generator puts in
the patterns the study found or the domain knows: priority demand above the priority quota on busy days, vulnerable
applicants who end up in the reguler lane, priority completion no shorter than reguler (percepatan is served
first), the lactation room and play area barely used until they were moved, IKM with waktu penyelesaian (U3) and
sarana (U9) the weakest elements; plus the calendar (holidays, cuti bersama, Ramadan, Hajj and school-holiday
peaks, Saturday "Paspor Simpatik" days, one local closure).

Everything goes in through the real ingester (``ingest.load_frame``), as an office's files would, so the demo also
proves that the generator's rows satisfy the data contract: a single rejected row fails the build.

Deterministic: each office draws from its own random stream seeded by ``(seed, office number)``, so the same seed
gives the same rows whatever the chunking. Vectorised: numpy per office (no Python loop over tickets), identifiers
built with Arrow, code columns as pandas categoricals, so 125 offices x 5 years stays a matter of minutes.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import holidays
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from kancil.contract import CHANNELS, CONTRACT, FACILITIES, GROUPS, INFO_SOURCES, LANES, SERVICE_TYPES, STATUSES
from kancil.ingest import ingester
from kancil.store import calendar, clock, connection, schema
from kancil.store.offices import MAIN_SETTING

LOAD_ORDER = ("kuota", "antrian", "permohonan", "survei", "fasilitas")
MAX_OFFICES = 125
# Cilacap first (the office of the study); the rest are invented codes, a few by hand, then generated. The hand
# codes stand for real immigration offices (names and zones in OFFICE_NAMES, loaded as the kantor kind), so a
# three-office demo spans WIB, WITA and WIT; the generated ones are "Kantor Imigrasi Contoh <code>" in WIB.
HAND_CODES = ("CLP", "MKS", "JPR", "BNJ", "WSB", "DPS", "SMG", "YGY", "AMB", "BPN")
OFFICE_NAMES: dict[str, tuple[str, str]] = {
    "CLP": ("Kantor Imigrasi Kelas I TPI Cilacap", "Asia/Jakarta"),
    "MKS": ("Kantor Imigrasi Kelas I TPI Makassar", "Asia/Makassar"),
    "JPR": ("Kantor Imigrasi Kelas I TPI Jayapura", "Asia/Jayapura"),
    "BNJ": ("Kantor Imigrasi Kelas I TPI Banjarmasin", "Asia/Makassar"),
    "WSB": ("Kantor Imigrasi Kelas II Non TPI Wonosobo", "Asia/Jakarta"),
    "DPS": ("Kantor Imigrasi Kelas I TPI Denpasar", "Asia/Makassar"),
    "SMG": ("Kantor Imigrasi Kelas I TPI Semarang", "Asia/Jakarta"),
    "YGY": ("Kantor Imigrasi Kelas I TPI Yogyakarta", "Asia/Jakarta"),
    "AMB": ("Kantor Imigrasi Kelas I TPI Ambon", "Asia/Jayapura"),
    "BPN": ("Kantor Imigrasi Kelas I TPI Balikpapan", "Asia/Makassar"),
}
MAIN_OFFICE = "CLP"
CHUNK_TICKETS = 1_500_000  # load this many tickets per batch at most: bounds memory at 125 offices x 5 years

PRI, REG, CEP = (LANES.index(x) for x in ("prioritas", "reguler", "percepatan"))
G = {g: i for i, g in enumerate(GROUPS)}
SELESAI, TIDAK_HADIR, BATAL = (STATUSES.index(x) for x in ("selesai", "tidak_hadir", "batal"))
HOUR = 3600
MINUTE = 60
DAY = 86_400

# ---------------------------------------------------------------------------------------------- the office's numbers

DEMAND = np.array([30.0, 150.0, 21.0])  # expected tickets per working day (prioritas, reguler, percepatan)
QUOTA = (30, 170, 20)  # daily quota per lane at the start of the period
QUOTA_AFTER = (35, 170, 20)  # from the quota change on: the priority quota raised, demand having outrun it
# Monday busiest, Friday short (Friday prayers); Saturday only on a "Paspor Simpatik" day.
WEEKDAY_FACTOR = np.array([1.22, 1.05, 1.0, 0.95, 0.82, 0.45, 0.0])
# Arrivals per half hour from 07:30 to 16:00: morning peak, few after 14:00.
ARRIVALS_FROM = 7 * HOUR + 30 * MINUTE
ARRIVALS = {
    "weekday": (0.6, 1.0, 1.2, 1.2, 1.1, 1.0, 0.9, 0.8, 0.6, 0.4, 0.45, 0.55, 0.5, 0.25, 0.15, 0.08, 0.03),
    "percepatan": (2.0, 2.0, 1.5, 1.2, 0.8, 0.6, 0.4, 0.3, 0.15, 0.05, 0.05, 0.03, 0.02, 0.01, 0.0, 0.0, 0.0),
    "saturday": (0.0, 1.0, 1.2, 1.2, 1.1, 1.0, 0.9, 0.7, 0.3, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
}
# The counters: one dedicated priority counter (P1) and shared counters (U1..) that call prioritas first, then
# percepatan, then reguler; a counter serves one ticket at a time, from 08:00 until the queue is empty. Waits come
# out of this queue (arrivals, service times, counters open, the order), not out of a drawn distribution.
COUNTERS_OPEN = 8 * HOUR
OFFICE_ORDER = (PRI, CEP, REG)  # the calling order of the shared counters: the office's own order
SHARED_COUNTERS = 7  # shared counters on a weekday at an office of Cilacap's size (one fewer some days)
SATURDAY_SHARED = 3
SHORT_STAFFED = 0.2  # share of weekdays with one shared counter fewer (leave, training, other duties)
SERVICE_MEDIAN = 11 * MINUTE
NO_SHOW, CANCELLED = 0.04, 0.01

# Applicant groups per lane (order of contract.GROUPS: lansia, disabilitas, ibu_hamil, ibu_balita, anak, sakit, umum).
GROUP_MIX = np.array([
    [0.36, 0.10, 0.12, 0.20, 0.14, 0.08, 0.00],  # prioritas: vulnerable groups only
    [0.04, 0.005, 0.015, 0.02, 0.015, 0.005, 0.90],  # reguler: ~10% vulnerable, not reached by the priority service
    [0.03, 0.00, 0.005, 0.01, 0.005, 0.00, 0.95],  # percepatan: mostly umum
])
SERVICE_MIX = np.array([[0.6, 0.3, 0.1], [0.6, 0.3, 0.1], [0.65, 0.35, 0.0]])  # no same-day lost-passport cases
CHANNEL_MIX = np.array([[0.45, 0.55], [0.93, 0.07], [0.3, 0.7]])  # (m_paspor, langsung): priority walk-in allowed
MAX_SHARED = 9
# In name order, which is also the order in which counters free at the same moment call (the replay's tie rule).
COUNTERS = ("P1", *(f"U{i}" for i in range(1, MAX_SHARED + 1)))
OFFICERS = tuple(f"PTG{i:02d}" for i in range(1, 21))

# The back office: each working day it issues a share of the applications waiting for it (about a third, so the
# queue holds about three days of work), percepatan first and the same day, then prioritas and reguler together in
# submission order: priority completion comes out no shorter than reguler, the study's finding. An application
# waits from the working day after its submission; a BAP case from the working day after its examination, which
# is scheduled a few working days after the submission.
BACKLOG_SHARE = 0.33
BACKLOG_NOISE = 40.0  # gamma shape of the day-to-day variation of the back office's output
PROCESS_ORDER = "percepatan,prioritas+reguler"  # the office's own processing order, as kancil.decide.orders reads it
BAP_DAYS, BAP_P = np.array([2, 3, 4, 5]), np.array([0.3, 0.3, 0.25, 0.15])  # working days to the examination
COLLECT_P = np.array([0.12, 0.22, 0.2, 0.14, 0.1, 0.08, 0.07, 0.07])  # working days from issue to pickup
MISMATCH, MISMATCH_OPEN = 0.003, 0.02

# Survey: the nine elements' base level; U3 (waktu penyelesaian) and U9 (sarana dan prasarana) the weakest.
SURVEY_SHARE, SURVEY_LINKED, SURVEY_BLANK, COMMENT_SHARE = 0.15, 0.92, 0.03, 0.30
ELEMENT_BASE = np.array([3.55, 3.5, 3.25, 3.7, 3.5, 3.6, 3.7, 3.45, 3.25])
INFO_MIX = np.array([0.35, 0.12, 0.08, 0.25, 0.15, 0.05])  # order of contract.INFO_SOURCES
POSITIVE = (
    "Petugas ramah dan sigap",
    "Pelayanan cepat, terima kasih",
    "Loket prioritas sangat membantu orang tua saya",
    "Ruang tunggu prioritas nyaman",
    "Kursi roda tersedia dan petugas membantu",
    "Proses foto dan wawancara cepat",
    "Informasi di media sosial jelas",
    "Pelayanan ramah untuk lansia",
    "Mantap, pertahankan",
    "Alur pelayanan jelas",
    "+mantap pelayanannya",  # a leading + : exercises the CSV-injection defence of the exports
    "@petugas loket P1 sangat membantu",
)
NEGATIVE = (
    "Antrean reguler terlalu lama",
    "Ruang laktasi sulit ditemukan",
    "Area bermain anak kurang terlihat",
    "Parkir sempit",
    "Paspor jadi lebih lama dari yang dijanjikan",
    "Mohon waktu penyelesaian paspor prioritas dipercepat",
    "AC ruang tunggu kurang dingin",
    "Papan petunjuk kurang jelas",
    "Aplikasi M-Paspor sering gangguan",
    "Kuota prioritas cepat habis",
    "Proses BAP memakan waktu lama",
    "Kursi di ruang tunggu kurang",
    "Toilet perlu lebih bersih",
    "-kurang jelas papan petunjuknya",
    "=SUM(1+1) coba",
)

# Facilities: who uses them, how often, how long (seconds).
WHEELCHAIR_P = {"lansia": 0.22, "disabilitas": 0.55, "sakit": 0.15}
TOILET_P = {"disabilitas": 0.3, "lansia": 0.08, "ibu_hamil": 0.15, "sakit": 0.1}
LACTATION_P = (0.02, 0.075)  # per ibu_balita visit, before and after the layout change
PLAY_P = (0.015, 0.055)  # per anak or ibu_balita visit, before and after


# ---------------------------------------------------------------------------------------------- offices and calendar


def office_codes(n: int) -> list[str]:
    """The first ``n`` office codes: CLP, the hand list, then consonant-vowel-consonant codes in a fixed order."""
    if not 1 <= n <= MAX_OFFICES:
        raise ValueError(f"offices harus 1–{MAX_OFFICES}: {n}")
    generated = ("".join(p) for p in itertools.product("BDGJKLMNPRST", "AIOU", "BDGKLMNPRST"))
    codes = list(HAND_CODES) + [c for c in generated if c not in HAND_CODES]
    return codes[:n]


@dataclass(frozen=True)
class Period:
    """The calendar of the whole build: one entry per calendar day, the same for every office."""

    start: dt.date
    end: dt.date
    dates: np.ndarray  # datetime64[D]
    weekday: np.ndarray  # 0 = Monday
    holiday: np.ndarray  # public holiday or cuti bersama
    simpatik: np.ndarray  # Saturday "Paspor Simpatik" service day (kalender 'layanan', all offices)
    season: np.ndarray  # demand factor of the day
    layout_change: dt.date
    quota_change: dt.date | None
    closure: dt.date | None  # the first office's local closure (kalender 'tutup')

    @property
    def midnight(self) -> np.ndarray:
        """Seconds since the epoch of each day's 00:00 (local time, as the store keeps it)."""
        return self.dates.astype("datetime64[s]").astype(np.int64)

    @property
    def last_second(self) -> int:
        """The newest moment in the data: the end of the last day (the export was taken after closing)."""
        return int(self.midnight[-1]) + DAY - 1

    def index(self, day: dt.date) -> int:
        return (day - self.start).days

    def labels(self) -> pa.Array:
        """Each day as YYYYMMDD, for identifiers."""
        return pc.replace_substring(pa.array(np.datetime_as_string(self.dates, unit="D")), "-", "")


def eid_al_fitr(first_year: int, last_year: int) -> list[dt.date]:
    """The first day of Idul Fitri of each year (the earliest public holiday of the year named so)."""
    found = holidays.country_holidays("ID", years=range(first_year, last_year + 1), language="id")
    firsts: dict[int, dt.date] = {}
    for day, name in found.items():
        if "idul fitri" in name.lower() and (day.year not in firsts or day < firsts[day.year]):
            firsts[day.year] = day
    return sorted(firsts.values())


def _day_of_month(dates: np.ndarray) -> np.ndarray:
    return (dates - dates.astype("datetime64[M]")).astype(np.int64) + 1


def _month(dates: np.ndarray) -> np.ndarray:
    return dates.astype("datetime64[M]").astype(np.int64) % 12 + 1


def season_factor(dates: np.ndarray, eids: list[dt.date]) -> np.ndarray:
    """Demand through the year: Hajj/Umrah months, school holidays, year end, before and during Ramadan."""
    month, dom = _month(dates), _day_of_month(dates)
    factor = np.ones(len(dates))
    factor[month <= 3] *= 1.15  # Hajj passports and Umrah early in the year
    factor[((month == 6) & (dom >= 20)) | ((month == 7) & (dom <= 15))] *= 1.25  # school holidays
    factor[(month == 12) & (dom >= 15)] *= 1.2  # school holidays and year end
    for eid in eids:
        eid64 = np.datetime64(eid)
        ramadan = eid64 - np.timedelta64(30, "D")
        factor[(dates >= ramadan - np.timedelta64(21, "D")) & (dates < ramadan)] *= 1.2  # travel before Eid
        factor[(dates >= ramadan) & (dates < eid64)] *= 0.78  # Ramadan dip
        factor[(dates > eid64) & (dates <= eid64 + np.timedelta64(14, "D"))] *= 1.1  # the backlog after Eid
    return np.clip(factor, 0.6, 1.6)


def _next_monday(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=(7 - day.weekday()) % 7)


def make_period(end: dt.date, days: int) -> Period:
    """Dates, holidays, Saturday service days, seasons and the dates of the story (layout and quota change)."""
    if days < 1:
        raise ValueError(f"days harus ≥ 1: {days}")
    start = end - dt.timedelta(days=days - 1)
    if start < calendar.CALENDAR_START or end > calendar.CALENDAR_END:
        raise ValueError(f"periode {start}–{end} di luar kalender kerja "
                         f"{calendar.CALENDAR_START}–{calendar.CALENDAR_END}")
    dates = np.arange(np.datetime64(start), np.datetime64(end) + np.timedelta64(1, "D"))
    weekday = (dates.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday
    holiday_dates = np.array(sorted(calendar.indonesian_holidays(start, end)), dtype="datetime64[D]")
    holiday = np.isin(dates, holiday_dates)
    # "Paspor Simpatik": the 2nd and 4th Saturday of each month, for the last six months or so.
    simpatik_from = np.datetime64(max(start, end - dt.timedelta(days=182)), "M").astype("datetime64[D]")
    dom = _day_of_month(dates)
    second_or_fourth = ((dom >= 8) & (dom <= 14)) | ((dom >= 22) & (dom <= 28))
    simpatik = (weekday == 5) & ~holiday & (dates >= simpatik_from) & second_or_fourth
    # The lactation room and play area were moved about eight months before the end (mid-period for short builds).
    layout = end - dt.timedelta(days=240) if days >= 360 else start + dt.timedelta(days=days // 2)
    layout = min(_next_monday(layout), end)
    middle = start + dt.timedelta(days=days // 2)
    quota_change = (middle.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    weekdays_open = (weekday < 5) & ~holiday & (dates >= np.datetime64(max(start, end - dt.timedelta(days=45))))
    closure_at = np.flatnonzero(weekdays_open)
    return Period(
        start=start, end=end, dates=dates, weekday=weekday, holiday=holiday, simpatik=simpatik,
        season=season_factor(dates, eid_al_fitr(start.year, end.year + 1)),
        layout_change=layout,
        quota_change=quota_change if quota_change <= end - dt.timedelta(days=14) else None,
        closure=start + dt.timedelta(days=int(closure_at[0])) if len(closure_at) else None,
    )


@dataclass(frozen=True)
class OfficeDays:
    """One office's working days, computed as ``kancil/store/calendar.py`` computes ``hari_kerja``."""

    workday: np.ndarray
    service: np.ndarray  # a working day or a Saturday service day: tickets are issued
    windex: np.ndarray  # working days up to and including each day (hari_kerja.workday_index, shifted)
    workday_at: np.ndarray  # the day position of the k-th working day of the period, k = 1, 2, ...

    def after(self, day: np.ndarray, k: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The day ``k`` working days after ``day`` (k >= 1), and whether it falls inside the period."""
        target = self.windex[day] + k
        inside = (target >= 1) & (target <= len(self.workday_at))
        if not len(self.workday_at):
            return day.copy(), np.zeros(len(day), dtype=bool)
        return self.workday_at[np.clip(target, 1, len(self.workday_at)) - 1], inside


def office_days(period: Period, closed: bool) -> OfficeDays:
    """Working days of an office; ``closed``: it has the period's local closure day."""
    workday = (period.weekday < 5) & ~period.holiday
    if closed and period.closure is not None:
        workday[period.index(period.closure)] = False
    return OfficeDays(workday, workday | period.simpatik, np.cumsum(workday), np.flatnonzero(workday))


@dataclass(frozen=True)
class Office:
    """An office of the demo: offices differ in size so that comparing them shows something."""

    index: int
    code: str
    size: float  # demand and quotas relative to Cilacap

    def quotas(self, period: Period) -> np.ndarray:
        """The daily quota of each lane on each day of the period, shape (days, lanes)."""
        before = np.array([max(1, round(q * self.size)) for q in QUOTA])
        after = np.array([max(1, round(q * self.size)) for q in QUOTA_AFTER])
        if period.quota_change is None:
            return np.tile(before, (len(period.dates), 1))
        changed = period.dates >= np.datetime64(period.quota_change)
        return np.where(changed[:, None], after, before)

    def kuota_rows(self, period: Period) -> list[dict]:
        """The kuota export: one open-ended row per lane, the priority lane split at the quota change."""
        first = self.quotas(period)[0]
        rows = []
        for lane, name in enumerate(LANES):
            changes = period.quota_change is not None and QUOTA[lane] != QUOTA_AFTER[lane]
            until = period.quota_change - dt.timedelta(days=1) if changes else None
            rows.append(dict(office_code=self.code, lane=name, valid_from=period.start.isoformat(),
                             valid_to=until.isoformat() if until else None, daily_quota=int(first[lane])))
            if changes:
                rows.append(dict(office_code=self.code, lane=name, valid_from=period.quota_change.isoformat(),
                                 valid_to=None, daily_quota=int(self.quotas(period)[-1][lane])))
        return rows


# ---------------------------------------------------------------------------------------------- column helpers


def _ts(seconds: np.ndarray, present: np.ndarray | None = None) -> np.ndarray:
    """Seconds since the epoch as timestamps; NaT (an empty cell) where not ``present``."""
    out = seconds.astype("datetime64[s]")
    if present is not None:
        out[~present] = np.datetime64("NaT")
    return out


@functools.cache
def _dtype(values: tuple[str, ...]) -> pd.CategoricalDtype:
    return pd.CategoricalDtype(list(values))


def _codes(index: np.ndarray, values: tuple[str, ...], present: np.ndarray | None = None) -> pd.Categorical:
    """A code column from integer positions: a categorical costs no string per row (empty where not present)."""
    codes = index if present is None else np.where(present, index, -1)
    return pd.Categorical.from_codes(codes.astype(np.int16), dtype=_dtype(values))


def _flags(mask: np.ndarray) -> pd.Categorical:
    return _codes(mask.astype(np.int8), ("false", "true"))


def _constant(text: str, n: int) -> pd.Series:
    """The same text on every row (the office code), as an Arrow string column that concatenates cheaply."""
    return pd.Series(pd.arrays.ArrowStringArray(pa.repeat(pa.scalar(text), n)))


def _padded(numbers: np.ndarray, width: int) -> pa.Array:
    return pc.utf8_lpad(pa.array(numbers).cast(pa.string()), width, "0")


def _text(*parts: pa.Array | str) -> pd.Series:
    """Concatenate Arrow string arrays and constants row by row, into an Arrow-backed pandas column."""
    joined = pc.binary_join_element_wise(*(pa.scalar(p) if isinstance(p, str) else p for p in parts), "")
    return pd.Series(pd.arrays.ArrowStringArray(joined))


def _uniform(rng: np.random.Generator, low: float, high: float, n: int) -> np.ndarray:
    """Whole seconds drawn uniformly from [low, high)."""
    return rng.integers(int(low), int(high), n, dtype=np.int64)


def _choice_by_lane(rng: np.random.Generator, lane: np.ndarray, mix: np.ndarray) -> np.ndarray:
    """A category per row, drawn from its lane's mix."""
    out = np.zeros(len(lane), dtype=np.int64)
    for lane_index, probabilities in enumerate(mix):
        rows = lane == lane_index
        out[rows] = rng.choice(len(probabilities), size=int(rows.sum()), p=probabilities / probabilities.sum())
    return out


def _by_group(probabilities: dict[str, float]) -> np.ndarray:
    out = np.zeros(len(GROUPS))
    for group, p in probabilities.items():
        out[G[group]] = p
    return out


# ---------------------------------------------------------------------------------------------- tickets


@dataclass
class Tickets:
    """The queue tickets of one office, in issue order, as arrays; the other kinds are derived from them."""

    code: str
    day: np.ndarray
    seq: np.ndarray  # number of the ticket within its day, from 1
    lane: np.ndarray
    group: np.ndarray
    service: np.ndarray
    channel: np.ndarray
    issued: np.ndarray  # seconds since the epoch, like the next three
    called: np.ndarray
    start: np.ndarray
    end: np.ndarray
    status: np.ndarray
    called_ok: np.ndarray  # called_at present
    counter: np.ndarray
    officer: np.ndarray

    @property
    def served(self) -> np.ndarray:
        return self.status == SELESAI

    @property
    def wait_minutes(self) -> np.ndarray:
        return (self.called - self.issued) / MINUTE


def daily_counts(rng: np.random.Generator, period: Period, days: OfficeDays, office: Office) -> np.ndarray:
    """Tickets per day and lane: season x weekday x noise; reguler and percepatan capped by their quota (booked),
    prioritas not (walk-in allowed), so priority demand goes over its quota on busy days."""
    n = len(period.dates)
    level = period.season * WEEKDAY_FACTOR[period.weekday] * rng.gamma(60.0, 1 / 60.0, n)
    expected = np.outer(level, DEMAND * office.size) * rng.gamma(120.0, 1 / 120.0, (n, len(LANES)))
    expected[~days.service] = 0.0
    counts = rng.poisson(expected)
    quota = office.quotas(period)
    for lane in (REG, CEP):
        counts[:, lane] = np.minimum(counts[:, lane], quota[:, lane])
    return counts


def _arrival_seconds(rng: np.random.Generator, n: int, weights: tuple[float, ...]) -> np.ndarray:
    """Seconds after midnight of ``n`` arrivals, by half-hour weights from 07:30."""
    p = np.array(weights) / sum(weights)
    slot = rng.choice(len(p), size=n, p=p)
    return ARRIVALS_FROM + slot * 30 * MINUTE + rng.integers(0, 30 * MINUTE, n)


def _arrivals(rng: np.random.Generator, period: Period, day: np.ndarray, lane: np.ndarray) -> np.ndarray:
    saturday = period.weekday[day] == 5
    out = np.zeros(len(day), dtype=np.int64)
    for rows, shape in (
        (saturday, "saturday"),
        (~saturday & (lane == CEP), "percepatan"),
        (~saturday & (lane != CEP), "weekday"),
    ):
        out[rows] = _arrival_seconds(rng, int(rows.sum()), ARRIVALS[shape])
    return out


def counters_open(rng: np.random.Generator, period: Period, days: OfficeDays, office: Office) -> np.ndarray:
    """Which counters are open on each day, shape (days, counters): P1 and the day's shared counters.

    Shared counters scale with the office's size; some weekdays run one short; a Saturday service day runs three.
    """
    shared = np.full(len(period.dates), min(MAX_SHARED, max(2, round(SHARED_COUNTERS * office.size))))
    shared -= (rng.random(len(period.dates)) < SHORT_STAFFED).astype(np.int64)
    shared[period.weekday == 5] = SATURDAY_SHARED
    open_ = np.zeros((len(period.dates), len(COUNTERS)), dtype=bool)
    open_[:, 0] = True
    open_[:, 1:] = np.arange(MAX_SHARED)[None, :] < shared[:, None]
    open_[~days.service] = False
    return open_


def serve_queue(day: np.ndarray, lane: np.ndarray, issued: np.ndarray, hold: np.ndarray, queued: np.ndarray,
                open_: np.ndarray, midnight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The office's counter queue, every day of an office at once: the call time and counter of each queued ticket.

    The rules are those of ``kancil/decide/queue_engine.py`` (the replay), for the office's strict order and its
    counters: a counter calls at the latest of when it is free, 08:00 and the first arrival of a lane it serves;
    the earliest such counter calls first (ties: name order); it calls the waiting ticket of the best lane (P1
    prioritas only; U* prioritas, then percepatan, then reguler), in issue order within a lane; the ticket holds it
    for ``hold`` seconds. Vectorised over days: step k makes the k-th call of every day, so the loop runs as many
    times as the busiest day has tickets, not once per ticket. ``tests/test_decide_replay.py`` checks that the
    replay gives back exactly these calls.
    """
    n_days, n_counters, n_lanes = open_.shape[0], open_.shape[1], len(LANES)
    eligible = np.zeros((n_counters, n_lanes), dtype=bool)
    eligible[0, PRI] = True
    eligible[1:, :] = True
    rank = np.empty(n_lanes, dtype=np.int64)
    rank[list(OFFICE_ORDER)] = np.arange(n_lanes)
    # counters grouped by the lanes they serve (P1; the shared ones), so a step takes one minimum per group
    kinds = [(np.flatnonzero(row), np.flatnonzero((eligible == row).all(axis=1)))
             for row in np.unique(eligible, axis=0)]

    rows = np.flatnonzero(queued)
    # Queued tickets sorted by (day, lane, issue time); the input is in (day, issue time, ticket number) order,
    # so a stable sort by (day, lane) keeps issue order, ticket number breaking ties, inside each lane.
    rows = rows[np.lexsort((lane[rows], day[rows]))]
    cell = day[rows] * n_lanes + lane[rows]
    count = np.bincount(cell, minlength=n_days * n_lanes).reshape(n_days, n_lanes)
    start = (np.cumsum(count.ravel()) - count.ravel()).reshape(n_days, n_lanes)
    t_sorted, hold_sorted = issued[rows], hold[rows]
    called_sorted = np.zeros(len(rows), dtype=np.int64)
    counter_sorted = np.zeros(len(rows), dtype=np.int64)

    never = np.iinfo(np.int64).max // 4
    free = np.where(open_, (midnight + COUNTERS_OPEN)[:, None], never)
    ptr = np.zeros((n_days, n_lanes), dtype=np.int64)
    active = np.flatnonzero(count.sum(axis=1) > 0)
    last = max(len(rows) - 1, 0)
    while len(active):
        p, c0, s0 = ptr[active], count[active], start[active]
        has = p < c0
        head = np.where(has, t_sorted[np.minimum(s0 + p, last)], never)  # (days, lanes)
        arrival = np.empty((len(active), n_counters), dtype=np.int64)  # first arrival a counter may call
        for lanes_served, counters in kinds:
            arrival[:, counters] = head[:, lanes_served].min(axis=1)[:, None]
        when = np.maximum(free[active], arrival)
        when[arrival >= never] = never
        c = when.argmin(axis=1)
        t = when[np.arange(len(active)), c]
        go = t < never
        active, c, t, head = active[go], c[go], t[go], head[go]
        if not len(active):
            break
        waiting = eligible[c] & (head <= t[:, None])
        chosen = np.where(waiting, rank[None, :], n_lanes).argmin(axis=1)
        index = start[active, chosen] + ptr[active, chosen]
        called_sorted[index] = t
        counter_sorted[index] = c
        free[active, c] = t + hold_sorted[index]
        ptr[active, chosen] += 1
    called = np.zeros(len(day), dtype=np.int64)
    counter = np.zeros(len(day), dtype=np.int64)
    called[rows], counter[rows] = called_sorted, counter_sorted
    return called, counter


def make_tickets(rng: np.random.Generator, period: Period, days: OfficeDays, office: Office) -> Tickets:
    """Every ticket of an office: arrival, lane, group, status, service, and the counter queue that calls it."""
    counts = daily_counts(rng, period, days, office)
    cells = np.repeat(np.arange(counts.size), counts.ravel())
    day, lane = cells // len(LANES), cells % len(LANES)
    arrive = _arrivals(rng, period, day, lane)
    order = np.lexsort((arrive, day))
    day, lane, arrive = day[order], lane[order], arrive[order]
    n = len(day)
    first_of_day = np.searchsorted(day, np.arange(len(period.dates)))
    seq = np.arange(n) - first_of_day[day] + 1

    group = _choice_by_lane(rng, lane, GROUP_MIX)
    midnight = period.midnight[day]
    issued = midnight + arrive
    u = rng.random(n)
    status = np.where(u < NO_SHOW, TIDAK_HADIR, np.where(u < NO_SHOW + CANCELLED, BATAL, SELESAI))
    called_ok = (status == SELESAI) | ((status == TIDAK_HADIR) & (rng.random(n) < 0.5))
    slow = np.isin(group, [G["lansia"], G["disabilitas"]])
    walk = (_uniform(rng, MINUTE, 3 * MINUTE, n) * np.where(slow, 1.8, 1.0)).astype(np.int64)
    service_time = np.clip(SERVICE_MEDIAN * np.exp(0.22 * rng.standard_normal(n)), 6 * MINUTE, 25 * MINUTE)
    # A called no-show frees the counter at once (the next ticket is called); a served ticket holds it from the
    # call to the end of its service. Tickets never called (the other no-shows, the cancelled) are not queued.
    hold = np.where(status == SELESAI, walk + service_time.astype(np.int64), 0)
    open_ = counters_open(rng, period, days, office)
    called, counter = serve_queue(day, lane, issued, hold, called_ok, open_, period.midnight)
    called = np.where(called_ok, called, issued + 20 * MINUTE)  # (not exported: only the facilities' timing)
    start = called + walk
    end = start + service_time.astype(np.int64)
    officer = (counter + 3 * day) % len(OFFICERS)  # a rota: each counter its officer of the day
    return Tickets(
        code=office.code, day=day, seq=seq, lane=lane, group=group,
        service=_choice_by_lane(rng, lane, SERVICE_MIX), channel=_choice_by_lane(rng, lane, CHANNEL_MIX),
        issued=issued, called=called, start=start, end=end, status=status, called_ok=called_ok,
        counter=counter, officer=officer,
    )


def antrian_frame(t: Tickets, labels: pa.Array) -> pd.DataFrame:
    """The queue export: a no-show may have been called; only a served ticket has service times."""
    served = t.served
    return pd.DataFrame({
        "ticket_id": _text(t.code + "-", labels.take(t.day), "-", _padded(t.seq, 4)),
        "office_code": _constant(t.code, len(t.day)),
        "lane": _codes(t.lane, LANES),
        "applicant_group": _codes(t.group, GROUPS),
        "service_type": _codes(t.service, SERVICE_TYPES),
        "channel": _codes(t.channel, CHANNELS),
        "issued_at": _ts(t.issued),
        "called_at": _ts(t.called, t.called_ok),
        "service_start": _ts(t.start, served),
        "service_end": _ts(t.end, served),
        "counter": _codes(t.counter, COUNTERS, t.called_ok),
        "officer_id": _codes(t.officer, OFFICERS, t.called_ok),
        "status": _codes(t.status, STATUSES),
    })


# ---------------------------------------------------------------------------------------------- applications


def back_office(rng: np.random.Generator, days: OfficeDays, lane: np.ndarray, eligible: np.ndarray,
                eligible_ok: np.ndarray, app_order: np.ndarray) -> np.ndarray:
    """The day each application is issued (-1: not by the end of the period), by the back office's daily output.

    Percepatan is issued on its submission day. The others wait from their ``eligible`` day (a working day) and
    each working day the office issues about ``BACKLOG_SHARE`` of those waiting, oldest submission first
    (``app_order``: the rank of each application by submission time, then application id). These are the rules of
    ``kancil/decide/replay_completion.py`` for the order ``percepatan,prioritas+reguler``: replaying that order
    with each day's recorded number of issues gives these days back (tests/test_decide_replay.py).
    """
    n = len(lane)
    issue = np.full(n, -1, dtype=np.int64)
    cep = lane == CEP
    issue[cep] = eligible[cep]
    rest = np.flatnonzero(~cep & eligible_ok)
    rest = rest[np.argsort(eligible[rest], kind="stable")]
    bounds = np.searchsorted(eligible[rest], np.arange(len(days.workday) + 1))
    rank = np.empty(n, dtype=np.int64)
    rank[app_order] = np.arange(n)  # rank[i]: place of application i in submission order
    by_rank = app_order  # the application at each place
    waiting = np.empty(0, dtype=np.int64)
    output = BACKLOG_SHARE * rng.gamma(BACKLOG_NOISE, 1 / BACKLOG_NOISE, len(days.workday))
    for day in days.workday_at:
        new = rank[rest[bounds[day]:bounds[day + 1]]]
        if len(new):
            waiting = np.sort(np.concatenate([waiting, new]))
        issued_today = int(round(output[day] * len(waiting)))
        issue[by_rank[waiting[:issued_today]]] = day
        waiting = waiting[issued_today:]
    return issue


def permohonan_frame(rng: np.random.Generator, period: Period, days: OfficeDays, t: Tickets,
                     labels: pa.Array) -> pd.DataFrame:
    """One application per served ticket, submitted when the counter service ended.

    Percepatan is issued the same afternoon; the others when the back office reaches them (``back_office``); BAP
    cases are examined a few working days after the submission and wait from the day after; passports not ready
    by the end of the period have no issue date yet, BAP cases not examined by then no examination times.
    """
    s = np.flatnonzero(t.served)
    n = len(s)
    lane, day, submitted = t.lane[s], t.day[s], t.end[s]
    midnight = period.midnight
    cep = lane == CEP
    lost = t.service[s] == SERVICE_TYPES.index("hilang_rusak")
    bap = ~cep & np.where(lost, rng.random(n) < 0.9, rng.random(n) < 0.02)
    bap_day, bap_inside = days.after(day, rng.choice(BAP_DAYS, size=n, p=BAP_P))
    bap_start = midnight[bap_day] + _uniform(rng, 8 * HOUR + 30 * MINUTE, 14 * HOUR, n)
    bap_end = bap_start + _uniform(rng, 30 * MINUTE, 90 * MINUTE, n)
    examined = bap & bap_inside & (bap_end <= period.last_second)
    paid = submitted + _uniform(rng, 2 * MINUTE, 120 * MINUTE, n)

    eligible, eligible_ok = days.after(np.where(bap, bap_day, day), np.ones(n, dtype=np.int64))
    eligible = np.where(cep, day, eligible)
    eligible_ok = cep | (eligible_ok & (examined | ~bap))
    app_order = np.lexsort((t.seq[s], day, submitted))  # submission time, then the application id (day, number)
    issue_day = back_office(rng, days, lane, eligible, eligible_ok, app_order)
    issued_ok = issue_day >= 0
    issue_day = np.maximum(issue_day, 0)
    same_day = np.maximum(midnight[day] + 14 * HOUR + _uniform(rng, 0, 90 * MINUTE, n),
                          submitted + _uniform(rng, 45 * MINUTE, 120 * MINUTE, n))
    issued = np.where(cep, same_day, midnight[issue_day] + _uniform(rng, 9 * HOUR, 15.5 * HOUR, n))

    k_collect = rng.choice(len(COLLECT_P), size=n, p=COLLECT_P)
    collect_day, collect_inside = days.after(issue_day, np.maximum(k_collect, 1))
    collected = np.where(k_collect == 0, issued + _uniform(rng, 20 * MINUTE, 120 * MINUTE, n),
                         midnight[collect_day] + _uniform(rng, 8 * HOUR, 15.5 * HOUR, n))
    collected_ok = issued_ok & ((k_collect == 0) | collect_inside) & (rng.random(n) > 0.04)
    collected_ok &= collected <= period.last_second

    mismatch = issued_ok & (rng.random(n) < MISMATCH)
    reported = np.where(collected_ok, collected, issued) + _uniform(rng, 10 * MINUTE, 8 * HOUR, n)
    mismatch &= reported <= period.last_second
    resolved = reported + _uniform(rng, 2 * HOUR, 48 * HOUR, n)
    resolved_ok = mismatch & (rng.random(n) > MISMATCH_OPEN) & (resolved <= period.last_second)

    return pd.DataFrame({
        "application_id": _text(t.code, pc.utf8_slice_codeunits(labels, 2).take(day), _padded(t.seq[s], 4)),
        "ticket_id": _text(t.code + "-", labels.take(day), "-", _padded(t.seq[s], 4)),
        "office_code": _constant(t.code, n),
        "lane": _codes(lane, LANES),
        "applicant_group": _codes(t.group[s], GROUPS),
        "service_type": _codes(t.service[s], SERVICE_TYPES),
        "submitted_at": _ts(submitted),
        "bap_required": _flags(bap),
        "bap_start": _ts(bap_start, examined),
        "bap_end": _ts(bap_end, examined),
        "paid_at": _ts(paid),
        "issued_at": _ts(issued, issued_ok),
        "collected_at": _ts(collected, collected_ok),
        "mismatch": _flags(mismatch),
        "mismatch_reported_at": _ts(reported, mismatch),
        "mismatch_resolved_at": _ts(resolved, resolved_ok),
    })


# ---------------------------------------------------------------------------------------------- survey


def survey_answers(rng: np.random.Generator, period: Period, t: Tickets, s: np.ndarray) -> np.ndarray:
    """Answers 1-4 to the nine elements (float, NaN = unanswered).

    A person's general mood plus each element's level; U3 drops after a long wait, U9 is lower for parents and
    children before the lactation room and play area were moved to where they can be seen.
    """
    n = len(s)
    x = ELEMENT_BASE + rng.normal(0.0, 0.35, (n, 1)) + rng.normal(0.0, 0.5, (n, 9))
    wait = t.wait_minutes[s]
    x[:, 2] += np.select([wait > 60, wait > 30, wait < 10], [-0.55, -0.3, 0.1], 0.0)
    before_layout = period.dates[t.day[s]] < np.datetime64(period.layout_change)
    families = np.isin(t.group[s], [G["ibu_balita"], G["anak"]])
    x[:, 8] -= np.where(before_layout & families, 0.25, 0.0)
    x[:, 5:7] += np.where(t.lane[s] == PRI, 0.1, 0.0)[:, None]  # the trained priority officers
    answers = np.clip(np.rint(x), 1, 4)
    answers[rng.random((n, 9)) < SURVEY_BLANK] = np.nan
    return answers


def survei_frame(rng: np.random.Generator, period: Period, t: Tickets) -> pd.DataFrame:
    """About one applicant in seven answers the SKM survey shortly after the service."""
    s = np.flatnonzero(t.served & (rng.random(len(t.day)) < SURVEY_SHARE))
    n = len(s)
    submitted = t.end[s] + _uniform(rng, MINUTE, 20 * MINUTE, n)
    linked = rng.random(n) < SURVEY_LINKED
    described = linked | (rng.random(n) < 0.5)  # lane and group also known for half of the unlinked answers
    answers = survey_answers(rng, period, t, s)
    info = rng.choice(len(INFO_SOURCES), size=n, p=INFO_MIX)
    info_ok = rng.random(n) > 0.02
    positive = np.nanmean(answers, axis=1) >= 3.4
    comment = np.where(positive, rng.integers(0, len(POSITIVE), n),
                       len(POSITIVE) + rng.integers(0, len(NEGATIVE), n))
    has_comment = rng.random(n) < COMMENT_SHARE

    order = np.argsort(submitted, kind="stable")
    s, submitted, linked, described = s[order], submitted[order], linked[order], described[order]
    answers, info, info_ok = answers[order], info[order], info_ok[order]
    comment, has_comment = comment[order], has_comment[order]
    labels = period.labels()
    frame = pd.DataFrame({
        "response_id": _text(t.code + "-S", _padded(np.arange(1, n + 1), 6)),
        "office_code": _constant(t.code, n),
        "submitted_at": _ts(submitted),
        "ticket_id": pd.Series(pd.arrays.ArrowStringArray(pc.if_else(
            pa.array(linked), pc.binary_join_element_wise(
                pa.scalar(t.code + "-"), labels.take(t.day[s]), pa.scalar("-"), _padded(t.seq[s], 4), ""),
            pa.scalar(None, pa.string())))),
        "lane": _codes(t.lane[s], LANES, described),
        "applicant_group": _codes(t.group[s], GROUPS, described),
    })
    for i in range(9):
        column = answers[:, i]
        blank = np.isnan(column)
        frame[f"u{i + 1}"] = pd.arrays.IntegerArray(np.where(blank, 1, column).astype(np.int8), blank)
    frame["info_source"] = _codes(info, INFO_SOURCES, info_ok)
    frame["comment"] = _codes(comment, POSITIVE + NEGATIVE, has_comment)
    return frame


# ---------------------------------------------------------------------------------------------- facilities


@dataclass
class Uses:
    """Facility uses of one kind, before they are merged and numbered."""

    facility: int
    ticket: np.ndarray
    started: np.ndarray
    ended: np.ndarray


def facility_uses(rng: np.random.Generator, period: Period, t: Tickets) -> list[Uses]:
    """Who uses which facility, when and how long; the lactation room and play area far more after the move."""
    n = len(t.day)
    visit = t.status != BATAL
    wait = t.called - t.issued
    after_move = period.dates[t.day] >= np.datetime64(period.layout_change)
    uses = []

    def add(facility: str, chosen: np.ndarray, started: np.ndarray, ended: np.ndarray) -> None:
        rows = np.flatnonzero(chosen & visit)
        uses.append(Uses(FACILITIES.index(facility), rows, started[rows], ended[rows]))

    # Priority waiting room: most priority visitors, from arrival until called.
    waiting_from = t.issued + (rng.random(n) * np.minimum(wait, 2 * MINUTE)).astype(np.int64)
    add("ruang_tunggu_prioritas", (t.lane == PRI) & (rng.random(n) < 0.85), waiting_from,
        np.where(t.called_ok, t.called, waiting_from + _uniform(rng, 10 * MINUTE, 40 * MINUTE, n)))
    # Wheelchair: from arrival until after the service.
    chair_from = t.issued + _uniform(rng, 0, 5 * MINUTE, n)
    chair_to = np.where(t.served, t.end, chair_from + _uniform(rng, 20 * MINUTE, 60 * MINUTE, n))
    add("kursi_roda", rng.random(n) < _by_group(WHEELCHAIR_P)[t.group], chair_from,
        chair_to + _uniform(rng, MINUTE, 10 * MINUTE, n))
    # Accessible toilet and the two family facilities: some time while waiting.
    during_wait = t.issued + (rng.random(n) * np.maximum(wait, 10 * MINUTE)).astype(np.int64)
    add("toilet_disabilitas", rng.random(n) < _by_group(TOILET_P)[t.group], during_wait,
        during_wait + _uniform(rng, 3 * MINUTE, 12 * MINUTE, n))
    lactation_p = np.where(after_move, LACTATION_P[1], LACTATION_P[0])
    add("ruang_laktasi", (t.group == G["ibu_balita"]) & (rng.random(n) < lactation_p), during_wait,
        during_wait + _uniform(rng, 15 * MINUTE, 40 * MINUTE, n))
    play_p = np.where(after_move, PLAY_P[1], PLAY_P[0])
    families = np.isin(t.group, [G["anak"], G["ibu_balita"]])
    add("area_bermain_anak", families & (rng.random(n) < play_p), during_wait,
        during_wait + _uniform(rng, 10 * MINUTE, 45 * MINUTE, n))
    return uses


def fasilitas_frame(rng: np.random.Generator, period: Period, t: Tickets) -> pd.DataFrame:
    """The facility log: every use numbered in time order, as a facility logbook would be."""
    uses = facility_uses(rng, period, t)
    facility = np.concatenate([np.full(len(u.ticket), u.facility) for u in uses])
    ticket = np.concatenate([u.ticket for u in uses])
    started = np.concatenate([u.started for u in uses])
    ended = np.concatenate([u.ended for u in uses])
    order = np.lexsort((facility, started))
    facility, ticket, started, ended = facility[order], ticket[order], started[order], ended[order]
    n = len(ticket)
    return pd.DataFrame({
        "usage_id": _text(t.code + "-F", _padded(np.arange(1, n + 1), 7)),
        "office_code": _constant(t.code, n),
        "facility": _codes(facility, FACILITIES),
        "started_at": _ts(started),
        "ended_at": _ts(ended),
        "applicant_group": _codes(t.group[ticket], GROUPS, rng.random(n) > 0.05),  # sometimes not noted
    })


# ---------------------------------------------------------------------------------------------- the build


def office_frames(seed: int, period: Period, office_index: int, code: str) -> dict[str, pd.DataFrame]:
    """All five kinds for one office, from the office's own random streams.

    The tickets draw from the office's stream; applications, survey answers and facility uses each from a stream of
    their own, so a change in how one kind is made does not reshuffle the draws of the others.
    """
    rng = np.random.default_rng([seed, office_index])
    size = 1.0 if office_index == 0 else float(np.round(rng.uniform(0.7, 1.5), 2))
    office = Office(office_index, code, size)
    days = office_days(period, closed=office_index == 0)
    tickets = make_tickets(rng, period, days, office)
    labels = period.labels()
    return {
        "kuota": pd.DataFrame(office.kuota_rows(period), columns=list(CONTRACT["kuota"].column_names)),
        "antrian": antrian_frame(tickets, labels),
        "permohonan": permohonan_frame(np.random.default_rng([seed, office_index, 1]), period, days, tickets, labels),
        "survei": survei_frame(np.random.default_rng([seed, office_index, 2]), period, tickets),
        "fasilitas": fasilitas_frame(np.random.default_rng([seed, office_index, 3]), period, tickets),
    }


def _chunks(seed: int, period: Period, codes: list[str]) -> Iterator[dict[str, pd.DataFrame]]:
    """The offices' frames, several offices per chunk, each chunk at most about CHUNK_TICKETS tickets."""
    pending: list[dict[str, pd.DataFrame]] = []
    tickets = 0
    for index, code in enumerate(codes):
        frames = office_frames(seed, period, index, code)
        pending.append(frames)
        tickets += len(frames["antrian"])
        if tickets >= CHUNK_TICKETS or index == len(codes) - 1:
            yield {kind: pd.concat([p[kind] for p in pending], ignore_index=True) for kind in LOAD_ORDER}
            pending, tickets = [], 0


def kalender_rows(period: Period, first_office: str) -> list[tuple[str | None, dt.date, str, str]]:
    """Saturday "Paspor Simpatik" service days for every office, and the first office's local closure."""
    rows: list[tuple[str | None, dt.date, str, str]] = [
        (None, period.start + dt.timedelta(days=int(i)), "layanan", "Paspor Simpatik: layanan paspor hari Sabtu")
        for i in np.flatnonzero(period.simpatik)
    ]
    if period.closure is not None:
        rows.append((first_office, period.closure, "tutup", "Kantor tutup: pemeliharaan instalasi listrik"))
    return rows


def _remove_store(db_path: Path) -> None:
    for path in (db_path, Path(f"{db_path}.wal"), connection.version_path(db_path)):
        path.unlink(missing_ok=True)


def kantor_frame(codes: list[str]) -> pd.DataFrame:
    """The kantor export of the demo: each office's name and time zone (generated codes: an invented name, WIB)."""
    rows = [{"office_code": c, "name": OFFICE_NAMES.get(c, (f"Kantor Imigrasi Contoh {c}", ""))[0],
             "timezone": OFFICE_NAMES.get(c, ("", clock.DEFAULT_ZONE))[1]} for c in codes]
    return pd.DataFrame(rows, columns=list(CONTRACT["kantor"].column_names), dtype=object)


def _load(con: duckdb.DuckDBPyConnection, kind: str, frame: pd.DataFrame, name: str) -> int:
    """Load a frame through the ingester; a single rejected row means the generator is wrong: fail loudly."""
    result = ingester.load_frame(con, kind, frame, name=name, who="demo")
    if result.refused or result.rejected:
        first = "; ".join(f"baris {r.row} {r.column}={r.value!r}: {r.reason}" for r in result.rejects[:5])
        raise RuntimeError(f"data contoh {kind} ditolak ({result.rejected} baris): {result.refused or first}")
    return result.stored


def _export(export_dir: Path, frames: dict[str, pd.DataFrame], first: bool) -> None:
    """Append a chunk to the contract CSV files (header on the first chunk)."""
    for kind in LOAD_ORDER:
        frames[kind].to_csv(export_dir / f"{kind}.csv", mode="w" if first else "a", header=first, index=False,
                            date_format="%Y-%m-%d %H:%M:%S")


def build(db_path: Path, offices: int = 1, days: int = 730, seed: int = 7, end: dt.date | None = None,
          export_dir: Path | None = None) -> dict[str, int]:
    """Create a demo store at ``db_path`` (replacing any there) and return the rows stored per kind.

    ``days`` calendar days ending at ``end`` (default: yesterday); the same seed gives the same rows. With
    ``export_dir`` the same data is also written as the five contract CSV files.
    """
    db_path = Path(db_path)
    end = end or clock.office_today() - dt.timedelta(days=1)
    period = make_period(end, days)
    codes = office_codes(offices)
    _remove_store(db_path)
    if export_dir is not None:
        Path(export_dir).mkdir(parents=True, exist_ok=True)
    counts = dict.fromkeys(LOAD_ORDER, 0)
    offices_frame = kantor_frame(codes)
    if export_dir is not None:
        offices_frame.to_csv(Path(export_dir) / "kantor.csv", index=False)
    with connection.writer(db_path) as con:
        counts["kantor"] = _load(con, "kantor", offices_frame, "demo-kantor")
        con.execute("INSERT OR REPLACE INTO pengaturan VALUES ($k, $v, 'demo', $at)",
                    {"k": MAIN_SETTING, "v": MAIN_OFFICE, "at": clock.utc_now()})
        con.executemany("INSERT INTO kalender VALUES (?, ?, ?, ?)", kalender_rows(period, codes[0]))
        for number, frames in enumerate(_chunks(seed, period, codes)):
            suffix = "" if number == 0 else f"-{number + 1}"
            for kind in LOAD_ORDER:
                counts[kind] += _load(con, kind, frames[kind], f"demo-{kind}{suffix}")
            if export_dir is not None:
                _export(Path(export_dir), frames, first=number == 0)
        calendar.rebuild(con)
        schema.set_meta(con, "demo", "true")
        schema.set_meta(con, "demo_layout_change", period.layout_change.isoformat())
        schema.set_meta(con, "demo_seed", str(seed))
    return counts
