"""The metric catalogue: every figure the product shows, once — what it means, its unit, where it is defined, who
may see it, and which surfaces show it.

In the tradition of dbt's ``metrics:`` blocks beside their models: a figure's name, label (Bahasa Indonesia,
English), description, unit and number format, grain, the query (file and column) that defines it, its privacy
class, and, where one is needed, its scope rule. The pages, the briefing (page, HTML, PDF), ``summary --json``, the
"Angka di balik grafik" tables and the download manifests take labels and units from here, and the privacy rule
(``kancil.metrics.privacy``) takes each column's class from here. tests/test_catalogue.py walks it: every metric
resolves to a query and a column, has a hand-computed answer, and every query file is used.

Three kinds of entry:

- ``Metric``: a headline figure (fill rate, coverage, IKM, …) with its definition and the surfaces that show it.
  "Where is fill rate defined, and which pages show it?" — ``METRICS["fill_rate"]``.
- ``Figure``: the result of one query file or metric function, with a spec for each of its columns (the tables
  behind the charts are these frames, labelled from the spec) and the people rule of its rows (which column holds
  the applicant group, which one counts the people, which rows add up together).
- ``Column``: a column's label, unit and privacy class; the shared ones are defined once below.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# ------------------------------------------------------------------------------------------------ units

# unit -> decimals shown (None: not a number). Formats: kancil/i18n.py (Indonesian 1.234,5; English 1,234.5).
UNITS: dict[str, int | None] = {
    "count": 0,  # people, tickets, days
    "share": 1,  # 0..1, shown as a percentage
    "minutes": 1,
    "workdays": 1,  # working days of the office's calendar
    "hours": 1,
    "score": 2,  # IKM converted score 25..100
    "nrr": 2,  # mean answer of a survey element, 1..4
    "per100": 1,  # uses per 100 eligible visits
    "clock": None,  # minutes after midnight, shown as 10.30
    "date": None,
    "hour": None,  # hour of the day, shown as 08.00
    "weekday": None,  # ISO weekday 1 = Monday
    "code": None,  # a code of the data contract, shown by its label (kancil/messages code.*)
    "text": None,
    "flag": None,  # yes / no
}

# Privacy classes (kancil/metrics/privacy.py): how a column is protected for roles that see aggregates only.
AGGREGATE = "aggregate"  # not about people (quota, days, targets, dates): never suppressed
COUNT = "count"  # a count of people: suppressed when it counts few people of a sensitive group
STATISTIC = "statistic"  # computed from people (median, share, IKM): suppressed with the count it rests on
TOTAL = "total"  # a count over a whole family of rows (a lane's tickets), not of the row's group
DIMENSION = "dimension"  # what a row is about (lane, day, group): shown as it is
DETAIL = "detail"  # points at one person or ticket (the longest wait's ticket): only roles with officer detail


@dataclass(frozen=True)
class Column:
    """One column of a figure: its label (id, en), unit and privacy class."""

    label: tuple[str, str]
    unit: str
    privacy: str = STATISTIC

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"unknown unit {self.unit}")


def col(id_label: str, en_label: str, unit: str, privacy: str = STATISTIC) -> Column:
    return Column((id_label, en_label), unit, privacy)


# Dimensions: what a row is about.
LANE = col("Jalur", "Lane", "code", DIMENSION)
GROUP = col("Kelompok", "Group", "code", DIMENSION)
DAY = col("Tanggal", "Date", "date", DIMENSION)
WEEK = col("Minggu (mulai Senin)", "Week (from Monday)", "date", DIMENSION)
HOUR = col("Jam", "Hour", "hour", DIMENSION)
WEEKDAY = col("Hari", "Weekday", "weekday", DIMENSION)
OFFICE = col("Kantor", "Office", "text", DIMENSION)
FACILITY = col("Fasilitas", "Facility", "code", DIMENSION)
MEASURE = col("Ukuran", "Measure", "code", DIMENSION)
BAP_CASE = col("BAP", "BAP", "flag", DIMENSION)
# Counts and statistics shared by many figures.
N = col("n", "n", "count", COUNT)
TICKETS = col("Tiket", "Tickets", "count", COUNT)
RESPONSES = col("Jawaban survei", "Survey responses", "count", COUNT)
APPLICATIONS = col("Permohonan", "Applications", "count", COUNT)
SHARE = col("Bagian", "Share", "share", STATISTIC)
CI_LOW = col("Batas bawah 95%", "95% lower bound", "minutes")
CI_HIGH = col("Batas atas 95%", "95% upper bound", "minutes")
SMALL = col("n < 30", "n < 30", "flag", AGGREGATE)


def minutes(id_label: str, en_label: str) -> Column:
    return col(id_label, en_label, "minutes")


def workdays(id_label: str, en_label: str) -> Column:
    return col(id_label, en_label, "workdays")


def _in(unit: str, *columns: tuple[str, Column]) -> dict[str, Column]:
    """Columns whose unit is the figure's own (a median of minutes, or of working days)."""
    return {name: Column(c.label, unit if c.unit in ("minutes", "workdays") else c.unit, c.privacy)
            for name, c in columns}


# ------------------------------------------------------------------------------------------------ figures


@dataclass(frozen=True)
class Figure:
    """The frame of one query file (``queries/<name>.sql``) or metric function (``kancil.metrics.figures``).

    ``group``: the column that holds the applicant group of a row (None: the rows are not split by group, only the
    filter's group can make them sensitive). ``n``: the column that counts the people a row rests on. ``family``:
    columns whose values pick the rows that add up together (their sum may be shown elsewhere), so that hiding one
    of them hides a second one too. ``total``: a column whose NULL marks a total row (shown, never suppressed).
    """

    name: str
    description: str
    columns: dict[str, Column]
    group: str | None = None
    n: str | None = None
    family: tuple[str, ...] = ()
    total: str | None = None
    source: str = "sql"  # "sql": queries/<name>.sql; "python": a function of kancil.metrics.figures

    def column(self, name: str) -> Column | None:
        return self.columns.get(name)


_FIGURES: list[Figure] = [
    # -------------------------------------------------------------------------------------------- quota
    Figure("quota_by_lane", "Quota use per lane over the office-days with a quota", {
        "lane": LANE,
        "days": col("Hari berkuota", "Quota days", "count", AGGREGATE),
        "over_quota_days": col("Hari di atas kuota", "Over-quota days", "count", AGGREGATE),
        "over_quota_share": col("Bagian hari di atas kuota", "Share of over-quota days", "share", AGGREGATE),
        "tickets": TICKETS,
        "quota": col("Kuota", "Quota", "count", AGGREGATE),
        "fill_rate": col("Keterisian kuota", "Quota fill rate", "share"),
    }, n="tickets", family=()),
    Figure("quota_daily", "Tickets against the quota per lane and day", {
        "lane": LANE, "tanggal": DAY, "tickets": TICKETS,
        "quota_tickets": col("Tiket pada hari berkuota", "Tickets on quota days", "count", COUNT),
        "quota": col("Kuota", "Quota", "count", AGGREGATE),
        "quota_days": col("Hari berkuota", "Quota days", "count", AGGREGATE),
        "over_quota_days": col("Hari di atas kuota", "Over-quota days", "count", AGGREGATE),
        "fill_rate": col("Keterisian kuota", "Quota fill rate", "share"),
    }, n="tickets", family=("lane",)),
    Figure("quota_reached_time", "When the priority quota was reached on each over-quota office-day", {
        "office_code": OFFICE, "tanggal": DAY,
        "daily_quota": col("Kuota harian", "Daily quota", "count", AGGREGATE),
        "tickets": TICKETS,
        "reached_at": col("Kuota tercapai", "Quota reached", "text", AGGREGATE),
        "reached_minute": col("Jam kuota tercapai", "Time the quota was reached", "clock", AGGREGATE),
        "median_reached_minute": col("Median jam tercapai", "Median time reached", "clock", AGGREGATE),
    }, n="tickets"),
    Figure("ticket_mix_by_lane", "Tickets per lane by applicant group and by channel", {
        "lane": LANE, "dimension": col("Menurut", "By", "code", DIMENSION), "code": GROUP, "tickets": TICKETS,
        "lane_tickets": col("Tiket jalur", "Tickets of the lane", "count", TOTAL), "share": SHARE,
    }, group="code", n="tickets", family=("lane", "dimension")),
    Figure("coverage_by_group", "Vulnerable applicants in prioritas of those in prioritas or reguler, per group", {
        "applicant_group": GROUP,
        "in_prioritas": col("Di jalur prioritas", "In the priority lane", "count", COUNT),
        "in_reguler": col("Di jalur reguler", "In the regular lane", "count", COUNT),
        "n": col("Pemohon rentan", "Vulnerable applicants", "count", COUNT),
        "coverage": col("Cakupan prioritas", "Priority coverage", "share"),
    }, group="applicant_group", n="n", family=(), total="applicant_group"),
    # -------------------------------------------------------------------------------------------- briefing
    Figure("briefing_history", "The briefing's day and the same weekday of the four weeks before it, per lane", {
        "lane": LANE, "tanggal": DAY, "weeks_before": col("Minggu sebelumnya", "Weeks before", "count", DIMENSION),
        "tickets": TICKETS, "quota": col("Kuota", "Quota", "count", AGGREGATE),
        "wait_median": minutes("Median tunggu (menit)", "Median wait (min)"),
        "wait_p90": minutes("p90 tunggu (menit)", "p90 wait (min)"),
    }, n="tickets", family=("lane",)),
    Figure("office_comparison", "Offices side by side: the briefing's key figures per office", {
        "office_code": OFFICE, "office_name": col("Nama kantor", "Office name", "text", DIMENSION), "tickets": TICKETS,
        "priority_tickets": col("Tiket prioritas", "Priority tickets", "count", COUNT),
        "priority_quota": col("Kuota prioritas", "Priority quota", "count", AGGREGATE),
        "quota_days": col("Hari kuota (5 hari kerja)", "Quota days (5 working days)", "count", AGGREGATE),
        "over_quota_days": col("Hari di atas kuota", "Over-quota days", "count", AGGREGATE),
        "priority_wait_p90": minutes("p90 tunggu prioritas (menit)", "Priority p90 wait (min)"),
        "completion_prioritas": workdays("Selesai prioritas (hk, 30 hari)", "Priority completion (wd, 30 days)"),
        "completion_reguler": workdays("Selesai reguler (hk, 30 hari)", "Regular completion (wd, 30 days)"),
        "vulnerable": col("Pemohon rentan (30 hari)", "Vulnerable applicants (30 days)", "count", COUNT),
        "in_reguler": col("Rentan di reguler", "Vulnerable in regular", "count", COUNT),
        "coverage": col("Cakupan prioritas", "Priority coverage", "share"),
        "responses": RESPONSES, "ikm_score": col("Skor IKM (30 hari)", "IKM score (30 days)", "score"),
        "alerts": col("Temuan", "Findings", "count", AGGREGATE),
    }, n="tickets"),
    Figure("office_daily", "Per office, the priority lane's tickets and quota per day", {
        "office_code": OFFICE, "tanggal": DAY, "tickets": TICKETS,
        "daily_quota": col("Kuota harian", "Daily quota", "count", AGGREGATE),
        "over_quota": col("Di atas kuota", "Over quota", "flag", AGGREGATE),
    }, n="tickets", family=("office_code",)),
    # -------------------------------------------------------------------------------------------- turnaround
    Figure("tickets_by_lane", "Tickets, no-shows and waits per lane", {
        "lane": LANE, "tickets": TICKETS, "no_show": col("Tidak hadir", "No-shows", "count", COUNT),
        "wait_n": col("Tiket dipanggil", "Tickets called", "count", COUNT),
        "wait_median": minutes("Median tunggu (menit)", "Median wait (min)"),
        "wait_p90": minutes("p90 tunggu (menit)", "p90 wait (min)"),
    }, n="tickets", family=()),
    Figure("service_time_by_lane", "Service time at the counter per lane", _in(
        "minutes", ("lane", LANE), ("n", N), ("median", minutes("Median", "Median")),
        ("p90", minutes("p90", "p90"))), n="n"),
    Figure("completion_by_lane", "Completion in working days per lane (issued applications)", _in(
        "workdays", ("lane", LANE), ("n", N), ("median", workdays("Median", "Median")),
        ("p90", workdays("p90", "p90"))), n="n"),
    Figure("wait_service_table", "Waits and service times per lane: percentiles, mean, maximum, interval, target", {
        "measure": MEASURE, "lane": LANE, "n": N,
        "mean": minutes("Rata-rata", "Mean"), "median": minutes("Median", "Median"),
        "ci_low": CI_LOW, "ci_high": CI_HIGH,
        "p75": minutes("p75", "p75"), "p90": minutes("p90", "p90"), "p95": minutes("p95", "p95"),
        "max": minutes("Maksimum", "Maximum"),
        "max_ticket": col("Tiket terlama", "Longest ticket", "text", DETAIL),
        "target": col("Target (menit)", "Target (min)", "minutes", AGGREGATE),
        "within_target": col("Tiket dalam target", "Tickets within target", "count", COUNT),
        "share_within_target": col("Dalam target", "Within target", "share"),
        "small_n": SMALL,
    }, n="n", family=("measure",), source="python"),
    Figure("wait_service_ecdf", "The distribution of waits and service times per lane (101 quantiles)", {
        "measure": MEASURE, "lane": LANE, "n": N,
        "share": col("Bagian tiket paling lama", "Share of tickets at most", "share", AGGREGATE),
        "minutes": minutes("Menit", "Minutes"),
    }, n="n", family=("measure",), source="python"),
    Figure("wait_histogram", "Tickets per lane by wait in 5-minute buckets", {
        "lane": LANE, "bucket": col("Tunggu dari (menit)", "Wait from (min)", "minutes", DIMENSION),
        "tickets": TICKETS, "share": SHARE,
        "lane_tickets": col("Tiket jalur dipanggil", "Called tickets of the lane", "count", TOTAL),
    }, n="tickets", family=("lane",)),
    Figure("wait_by_lane_hour", "Median wait and service level per lane and hour of issue", {
        "lane": LANE, "hour": HOUR, "n": N, "median_wait": minutes("Median tunggu (menit)", "Median wait (min)"),
        "above_target": col("Di atas target", "Above target", "count", COUNT),
        "share_above_target": col("Bagian di atas target", "Share above target", "share"),
    }, n="n", family=("lane",)),
    Figure("wait_by_weekday_hour", "Arrivals and waits per lane, weekday and hour of issue", {
        "lane": LANE, "weekday": WEEKDAY, "hour": HOUR,
        "arrivals": col("Kedatangan (tiket)", "Arrivals (tickets)", "count", COUNT),
        "per_day": col("Kedatangan per hari", "Arrivals per day", "count", STATISTIC),
        "n": col("Tiket dipanggil", "Tickets called", "count", COUNT),
        "median_wait": minutes("Median tunggu (menit)", "Median wait (min)"),
    }, n="arrivals", family=("lane",)),
    Figure("turnaround_weekly", "Weekly median wait and completion per lane", {
        "measure": MEASURE, "lane": LANE, "week": WEEK, "n": N, "median": minutes("Median", "Median"),
    }, n="n", family=("measure", "lane")),
    Figure("completion_percentiles", "Completion per lane and BAP or not: percentiles and the standard", _in(
        "workdays", ("lane", LANE), ("bap_required", BAP_CASE), ("applications", APPLICATIONS),
        ("n", col("Terbit", "Issued", "count", COUNT)), ("pending", col("Belum terbit", "Pending", "count", COUNT)),
        ("median", workdays("Median", "Median")), ("p75", workdays("p75", "p75")), ("p90", workdays("p90", "p90")),
        ("p95", workdays("p95", "p95")),
        ("within_target", col("Dalam standar", "Within the standard", "count", COUNT)),
        ("share_within_target", col("Bagian dalam standar", "Share within the standard", "share"))),
        n="applications", family=("bap_required",)),
    Figure("completion_value_counts", "Issued applications per lane by completion in working days", {
        "lane": LANE, "bap_required": BAP_CASE,
        "completion_workdays": col("Hari kerja", "Working days", "workdays", DIMENSION),
        "applications": APPLICATIONS, "share": SHARE,
        "group_applications": col("Permohonan jalur", "Applications of the lane", "count", TOTAL),
    }, n="applications", family=("lane", "bap_required")),
    Figure("completion_medians", "Median completion per lane with its 95% interval", _in(
        "workdays", ("lane", LANE), ("n", N), ("median", workdays("Median", "Median")),
        ("ci_low", CI_LOW), ("ci_high", CI_HIGH), ("small_n", SMALL)), n="n", source="python"),
    Figure("bap_share_by_lane", "Applications that needed an examination (BAP) and its duration, per lane", {
        "lane": LANE, "applications": APPLICATIONS, "bap": col("Kasus BAP", "BAP cases", "count", COUNT),
        "share_bap": col("Bagian BAP", "BAP share", "share"),
        "n_duration": col("BAP dengan durasi", "BAP with a duration", "count", COUNT),
        "median_bap_minutes": minutes("Median durasi BAP (menit)", "Median BAP duration (min)"),
        "p90_bap_minutes": minutes("p90 durasi BAP (menit)", "p90 BAP duration (min)"),
    }, n="applications"),
    Figure("bap_by_lane", "Applications and BAP cases per lane", {
        "lane": LANE, "applications": APPLICATIONS, "bap": col("Kasus BAP", "BAP cases", "count", COUNT),
        "median_bap_minutes": minutes("Median durasi BAP (menit)", "Median BAP duration (min)"),
    }, n="applications"),
    Figure("mismatch_summary", "Mismatch cases of the period's applications", {
        "cases": col("Kasus ketidaksesuaian", "Mismatch cases", "count", COUNT),
        "resolved": col("Terselesaikan", "Resolved", "count", COUNT),
        "median_resolution_hours": col("Median jam penyelesaian", "Median hours to resolve", "hours"),
    }, n="cases"),
    Figure("open_mismatches", "Open mismatch cases as of a day", {
        "open_cases": col("Kasus terbuka", "Open cases", "count", COUNT),
        "oldest_reported_at": col("Dilaporkan paling awal", "Oldest reported", "text", AGGREGATE),
    }, n="open_cases"),
    Figure("overtaking_audit", "Priority tickets overtaken by later reguler or percepatan tickets", {
        "level": col("Tingkat", "Level", "code", DIMENSION), "tanggal": DAY, "hour": HOUR,
        "priority_tickets": col("Tiket prioritas", "Priority tickets", "count", COUNT),
        "overtaken": col("Didahului", "Overtaken", "count", COUNT),
        "share_overtaken": col("Bagian didahului", "Share overtaken", "share"),
        "overtaken_by_reguler": col("Didahului reguler", "Overtaken by regular", "count", COUNT),
        "share_by_reguler": col("Bagian didahului reguler", "Share overtaken by regular", "share"),
        "overtaken_by_percepatan": col("Didahului percepatan", "Overtaken by accelerated", "count", COUNT),
        "share_by_percepatan": col("Bagian didahului percepatan", "Share overtaken by accelerated", "share"),
        "overtakers": col("Tiket yang mendahului", "Overtaking tickets", "count", COUNT),
        "max_overtakers": col("Paling banyak didahului", "Most overtakers", "count", STATISTIC),
    }, n="priority_tickets", family=("level",)),
    Figure("walk_medians", "Walk to the counter per applicant group with its 95% interval", {
        "applicant_group": GROUP, "n": N, "median": minutes("Median (menit)", "Median (min)"),
        "ci_low": CI_LOW, "ci_high": CI_HIGH, "p90": minutes("p90 (menit)", "p90 (min)"), "small_n": SMALL,
    }, group="applicant_group", n="n", source="python"),
    Figure("staff_turnaround", "Per counter and officer: tickets, median wait and service, above target", {
        "level": col("Tingkat", "Level", "code", DIMENSION), "code": col("Kode", "Code", "text", DIMENSION),
        "tickets": TICKETS, "median_wait": minutes("Median tunggu (menit)", "Median wait (min)"),
        "median_service": minutes("Median layanan (menit)", "Median service (min)"),
        "above_target": col("Di atas target", "Above target", "count", COUNT),
        "share_above_target": col("Bagian di atas target", "Share above target", "share"),
    }, n="tickets", family=("level",)),
    # -------------------------------------------------------------------------------------------- satisfaction
    Figure("ikm_elements", "IKM of the period: NRR of the nine elements and the converted score", {
        "responses": RESPONSES,
        **{f"u{i}": col(f"NRR U{i}", f"NRR U{i}", "nrr") for i in range(1, 10)},
        "score": col("Skor IKM", "IKM score", "score"),
        "score_weight_0_11": col("Skor IKM (bobot 0,11)", "IKM score (weight 0.11)", "score"),
    }, n="responses"),
    Figure("ikm_elements_ranked", "The nine elements' NRR, lowest first", {
        "element": col("Unsur", "Element", "code", DIMENSION), "nrr": col("NRR", "NRR", "nrr"),
        "below_floor": col("Di bawah 3,0", "Below 3.0", "flag", STATISTIC), "responses": RESPONSES,
    }, n="responses", source="python"),
    Figure("ikm_trend", "IKM per month, quarter or semester of the period", {
        "period_start": col("Periode mulai", "Period from", "date", DIMENSION),
        "period_end": col("Periode sampai", "Period to", "date", DIMENSION),
        "covered_from": col("Data dari", "Data from", "date", DIMENSION),
        "covered_to": col("Data sampai", "Data to", "date", DIMENSION),
        "partial": col("Sebagian", "Partial", "flag", DIMENSION),
        "responses": RESPONSES, "score": col("Skor IKM", "IKM score", "score"),
    }, n="responses"),
    Figure("ikm_trend_ci", "IKM per bucket with its 95% interval", {
        "period": col("Periode", "Period", "text", DIMENSION),
        "period_start": col("Periode mulai", "Period from", "date", DIMENSION),
        "covered_from": col("Data dari", "Data from", "date", DIMENSION),
        "covered_to": col("Data sampai", "Data to", "date", DIMENSION),
        "partial": col("Sebagian", "Partial", "flag", DIMENSION),
        "responses": RESPONSES, "score": col("Skor IKM", "IKM score", "score"),
        "ci_low": col("Batas bawah 95%", "95% lower bound", "score"),
        "ci_high": col("Batas atas 95%", "95% upper bound", "score"), "small_n": SMALL,
    }, n="responses", family=(), source="python"),
    Figure("ikm_by", "IKM per lane or applicant group", {
        "category": GROUP, "responses": RESPONSES, "score": col("Skor IKM", "IKM score", "score"),
    }, group="category", n="responses"),
    Figure("ikm_by_ci", "IKM per lane or applicant group with its 95% interval and category", {
        "category": GROUP, "responses": RESPONSES, "score": col("Skor IKM", "IKM score", "score"),
        "ikm_category": col("Kategori", "Category", "text", STATISTIC),
        "ci_low": col("Batas bawah 95%", "95% lower bound", "score"),
        "ci_high": col("Batas atas 95%", "95% upper bound", "score"), "small_n": SMALL,
    }, group="category", n="responses", source="python"),
    Figure("survey_sample", "Survey responses and the applicants they are drawn from", {
        "responses": RESPONSES, "applicants": APPLICATIONS,
    }, n="responses"),
    Figure("survey_sample_check", "Responses against the Krejcie-Morgan sample size of the period's applicants", {
        "responses": RESPONSES, "applicants": APPLICATIONS,
        "required": col("Sampel minimal", "Minimum sample", "count", STATISTIC),
        "enough": col("Cukup", "Enough", "flag", STATISTIC),
        "short": col("Kurang", "Short by", "count", STATISTIC),
    }, n="responses", source="python"),
    Figure("u3_by_wait", "U3 (completion time) against the respondent's wait, per lane or group", {
        "category": GROUP, "bucket_order": col("Urutan", "Order", "count", DIMENSION),
        "wait_bucket": col("Tunggu (menit)", "Wait (min)", "text", DIMENSION), "n": RESPONSES,
        "mean_u3": col("Rata-rata U3", "Mean U3", "nrr"),
        "ci_low": col("Batas bawah 95%", "95% lower bound", "nrr"),
        "ci_high": col("Batas atas 95%", "95% upper bound", "nrr"),
    }, group="category", n="n", family=("category",)),
    Figure("info_source_counts", "How respondents heard of the service", {
        "info_source": col("Sumber informasi", "Information source", "code", DIMENSION), "responses": RESPONSES,
        "share": SHARE,
    }, n="responses", family=()),
    Figure("survey_comments", "The period's most recent comments", {
        "tanggal": DAY, "lane": LANE, "comment": col("Komentar", "Comment", "text", AGGREGATE),
        "matches": col("Cocok", "Matches", "count", COUNT),
    }),
    Figure("survey_responses", "The answers of each response (for the IKM intervals)", {
        "lane": LANE, "applicant_group": GROUP, "month_start": col("Bulan", "Month", "date", DIMENSION),
        "quarter_start": col("Triwulan", "Quarter", "date", DIMENSION),
        "semester_start": col("Semester", "Semester", "date", DIMENSION),
        **{f"u{i}": col(f"U{i}", f"U{i}", "count", AGGREGATE) for i in range(1, 10)},
    }),
    # -------------------------------------------------------------------------------------------- facilities
    Figure("facility_uses", "Facility uses per facility", {
        "facility": FACILITY, "uses": col("Pemakaian", "Uses", "count", COUNT),
        "median_minutes": minutes("Median lama (menit)", "Median length (min)"),
    }, n="uses"),
    Figure("facility_use_rates", "Uses per 100 eligible visits, per facility", {
        "facility": FACILITY, "uses": col("Pemakaian", "Uses", "count", COUNT),
        "eligible_visits": col("Kunjungan yang berhak", "Eligible visits", "count", COUNT),
        "uses_per_100": col("Pemakaian per 100 kunjungan", "Uses per 100 visits", "per100"),
        "timed_uses": col("Pemakaian berdurasi", "Timed uses", "count", COUNT),
        "median_minutes": minutes("Median lama (menit)", "Median length (min)"),
    }, n="uses"),
    Figure("facility_rates", "Uses per 100 eligible visits and median length with its 95% interval", {
        "facility": FACILITY, "uses": col("Pemakaian", "Uses", "count", COUNT),
        "eligible_visits": col("Kunjungan yang berhak", "Eligible visits", "count", COUNT),
        "uses_per_100": col("Pemakaian per 100 kunjungan", "Uses per 100 visits", "per100"),
        "timed_uses": col("Pemakaian berdurasi", "Timed uses", "count", COUNT),
        "median_minutes": minutes("Median lama (menit)", "Median length (min)"),
        "ci_low": CI_LOW, "ci_high": CI_HIGH,
    }, n="uses", source="python"),
    Figure("facility_before_after", "Uses per 100 eligible visits before and after a day", {
        "facility": FACILITY, "side": col("Sisi", "Side", "code", DIMENSION),
        "window_from": col("Dari", "From", "date", DIMENSION), "window_to": col("Sampai", "To", "date", DIMENSION),
        "uses": col("Pemakaian", "Uses", "count", COUNT),
        "eligible_visits": col("Kunjungan yang berhak", "Eligible visits", "count", COUNT),
        "uses_per_100": col("Pemakaian per 100 kunjungan", "Uses per 100 visits", "per100"),
    }, n="uses", family=("side",), source="python"),
    Figure("facility_uses_by_hour", "Facility uses by weekday and hour they started", {
        "facility": FACILITY, "weekday": WEEKDAY, "hour": HOUR, "uses": col("Pemakaian", "Uses", "count", COUNT),
        "share_of_facility": col("Bagian pemakaian fasilitas", "Share of the facility's uses", "share"),
    }, n="uses", family=("facility",)),
    Figure("facility_use_minutes", "Lengths of facility uses (for the intervals of their medians)", {
        "facility": FACILITY, "use_minutes": minutes("Lama (menit)", "Length (min)"),
    }),
    # -------------------------------------------------------------------------------------------- value counts
    Figure("wait_value_counts", "Tickets per exact wait or service time (for the median intervals)", {
        "measure": MEASURE, "lane": LANE, "minutes": minutes("Menit", "Minutes"), "tickets": TICKETS,
    }),
    Figure("walk_value_counts", "Tickets per exact walk time per group (for the median intervals)", {
        "applicant_group": GROUP, "minutes": minutes("Menit", "Minutes"), "tickets": TICKETS,
    }, group="applicant_group"),
    Figure("walk_by_group", "Walk to the counter per applicant group", {
        "applicant_group": GROUP, "n": N, "median": minutes("Median (menit)", "Median (min)"),
        "p90": minutes("p90 (menit)", "p90 (min)"),
    }, group="applicant_group", n="n"),
    Figure("wait_service_percentiles", "Wait and service percentiles per lane, with the 101-point curve", {
        "measure": MEASURE, "lane": LANE, "n": N, "mean": minutes("Rata-rata", "Mean"),
        "median": minutes("Median", "Median"), "p75": minutes("p75", "p75"), "p90": minutes("p90", "p90"),
        "p95": minutes("p95", "p95"), "max": minutes("Maksimum", "Maximum"),
        "max_ticket": col("Tiket terlama", "Longest ticket", "text", DETAIL),
        "within_target": col("Dalam target", "Within target", "count", COUNT),
        "share_within_target": col("Bagian dalam target", "Share within target", "share"),
        "curve": col("Kurva", "Curve", "text", STATISTIC),
    }, n="n", family=("measure",)),
]
# ------------------------------------------------------------------------------------------------ decision support
# The demand forecast and the replays (kancil/decide/frames.py, issue 13): one row per day or lane.
_TEXT = "text"
_FORECAST_SUMMARY = {
    "office": OFFICE, "method": col("Metode", "Method", _TEXT, AGGREGATE),
    "history_days": col("Hari kerja riwayat", "Working days of history", "count", AGGREGATE),
    "mae": col("MAE uji mundur (tiket)", "Backtest MAE (tickets)", "minutes", AGGREGATE),
    "naive_mae": col("MAE naif musiman (tiket)", "Seasonal naive MAE (tickets)", "minutes", AGGREGATE),
    "mase": col("MASE", "MASE", "score", AGGREGATE),
    "coverage80": col("Hari dalam selang 80 %", "Days inside the 80 % interval", "share", AGGREGATE),
    "backtest_days": col("Hari uji mundur", "Backtest days", "count", AGGREGATE),
    "quota_coverage": col("Cakupan saran kuota", "Quota suggestion coverage", "share", AGGREGATE),
    "quota_history": col("Saran kuota (setahun terakhir)", "Suggested quota (last year)", "count", AGGREGATE),
    "quota_horizon": col("Saran kuota (perkiraan)", "Suggested quota (forecast)", "count", AGGREGATE),
}
_tickets_forecast = {name: col(id_label, en_label, "minutes", AGGREGATE) for name, id_label, en_label in (
    ("expected", "Perkiraan tiket", "Expected tickets"), ("lower80", "Batas bawah 80 %", "80 % lower"),
    ("upper80", "Batas atas 80 %", "80 % upper"), ("lower95", "Batas bawah 95 %", "95 % lower"),
    ("upper95", "Batas atas 95 %", "95 % upper"))}
_SIDES = (("", "Simulasi", "Replayed"), ("recorded_", "Tercatat", "Recorded"))
_STATS = (("mean", "rata-rata", "mean"), ("median", "median", "median"), ("p90", "p90", "p90"))


def _replayed(unit_id: str, unit_en: str, make) -> dict[str, Column]:
    """mean, median, p90 of a replay and of the record (recorded_*), in the unit given."""
    return {f"{prefix}{k}": make(f"{side_id} {name} ({unit_id})", f"{side_en} {name_en} ({unit_en})")
            for prefix, side_id, side_en in _SIDES
            for k, name, name_en in _STATS}


_WAIT_REPLAY = _replayed("mnt", "min", minutes)
_DAYS_REPLAY = _replayed("hk", "wd", workdays)
_REPLAY_COMMON = {"lane": LANE, "order": col("Urutan", "Order", _TEXT, AGGREGATE),
                  "exact_share": col("Sama dengan catatan", "Same as the record", "share", AGGREGATE)}
_FIGURES += [
    Figure("forecast_days", "Tickets per working day: the recorded last days and the forecast with its 80 % and 95 % "
           "intervals, the quota and the chance of demand above it; the backtest and quota suggestion on every row", {
               "tanggal": DAY, "kind": col("Jenis", "Kind", "code", DIMENSION), "lane": LANE,
               "tickets": col("Tiket tercatat", "Recorded tickets", "count", AGGREGATE),
               **_tickets_forecast, "quota": col("Kuota", "Quota", "count", AGGREGATE),
               "p_over_quota": col("Peluang di atas kuota", "Chance above the quota", "share", AGGREGATE),
               "overflow": col("Diperkirakan di atas kuota", "Expected above the quota", "flag", AGGREGATE),
               **_FORECAST_SUMMARY}, source="python"),
    Figure("replay_queue_lanes", "Counter waits per lane replayed under an order, beside the record", {
        **_REPLAY_COMMON, "n": TICKETS, **_WAIT_REPLAY,
        "target": minutes("Target (mnt)", "Target (min)"),
        "share_above_target": col("Simulasi di atas target", "Replayed above target", "share"),
        "recorded_share_above_target": col("Tercatat di atas target", "Recorded above target", "share"),
        "not_served": col("Tidak terlayani", "Not served", "count", COUNT),
        "change_median": minutes("Perubahan median (mnt)", "Change of the median (min)"),
        "mean_abs_diff": minutes("Selisih rata-rata dengan catatan (mnt)", "Mean difference to the record (min)"),
    }, n="n", source="python"),
    Figure("replay_completion_lanes", "Completion per lane replayed under a processing order, beside the record, "
           "with the BAP what-if", {
               **_REPLAY_COMMON, "n": APPLICATIONS, **_DAYS_REPLAY,
               "pending": col("Belum terbit", "Pending", "count", COUNT),
               "target": workdays("Standar (hk)", "Standard (wd)"),
               "share_within": col("Simulasi sesuai standar", "Replayed within the standard", "share"),
               "recorded_share_within": col("Tercatat sesuai standar", "Recorded within the standard", "share"),
               "change_mean": workdays("Perubahan rata-rata (hk)", "Change of the mean (wd)"),
               "bap_n": col("Kasus BAP", "BAP cases", "count", COUNT),
               "bap_median": workdays("BAP median (hk)", "BAP median (wd)"),
               "bap_mean": workdays("BAP rata-rata (hk)", "BAP mean (wd)"),
               "bap_kept_median": workdays("BAP tetap berprioritas: median (hk)", "BAP keeping its lane: median (wd)"),
               "bap_kept_mean": workdays("BAP tetap berprioritas: rata-rata (hk)", "BAP keeping its lane: mean (wd)"),
               "moved": col("Berpindah hari", "Moved", "count", AGGREGATE),
           }, n="n", source="python"),
    Figure("priority_answer", "If prioritas were processed right after percepatan: prioritas and reguler completion "
           "against the office's own order", {
               **_REPLAY_COMMON, "office_order": col("Urutan kantor", "Office order", _TEXT, AGGREGATE),
               "median": workdays("Median (hk)", "Median (wd)"), "mean": workdays("Rata-rata (hk)", "Mean (wd)"),
               "p90": workdays("p90 (hk)", "p90 (wd)"), "pending": col("Belum terbit", "Pending", "count", COUNT),
               "office_order_median": workdays("Urutan kantor: median (hk)", "Office order: median (wd)"),
               "office_order_mean": workdays("Urutan kantor: rata-rata (hk)", "Office order: mean (wd)"),
               "recorded_median": workdays("Tercatat: median (hk)", "Recorded: median (wd)"),
               "recorded_mean": workdays("Tercatat: rata-rata (hk)", "Recorded: mean (wd)"),
               "change_mean": workdays("Perubahan rata-rata (hk)", "Change of the mean (wd)"),
               "change_median": workdays("Perubahan median (hk)", "Change of the median (wd)"),
           }, source="python"),
]
FIGURES: dict[str, Figure] = {f.name: f for f in _FIGURES}


# ------------------------------------------------------------------------------------------------ metrics


@dataclass(frozen=True)
class Metric:
    """A headline figure: its definition, where it comes from, who may see it and where it is shown.

    ``figure``/``column``: the frame and column that define it (``queries/<figure>.sql`` or a metric function);
    ``scope``: "period" (within the filter period) or "as_of" (as of the period's last day); ``shown_on``: page keys
    of kancil/pages.py, and "printout" (the printed briefing) and "summary" (``python -m kancil summary --json``).
    """

    name: str
    label: tuple[str, str]
    description: tuple[str, str]
    unit: str
    figure: str
    column: str
    grain: str
    privacy: str
    scope: str = "period"
    shown_on: tuple[str, ...] = field(default_factory=tuple)
    summary_key: str | None = None  # where summary --json carries it ("quota.<lane>.fill_rate", …)


METRICS_LIST: tuple[Metric, ...] = (
    Metric("tickets", ("Tiket", "Tickets"),
           ("Tiket antrean yang diambil pada periode (semua status), menurut tanggal tiket diambil.",
            "Queue tickets taken in the period (every status), by the date the ticket was issued."),
           "count", "tickets_by_lane", "tickets", "lane", COUNT,
           shown_on=("ringkasan", "kuota", "printout", "summary"), summary_key="tickets.<lane>"),
    Metric("no_show", ("Tidak hadir", "No-shows"),
           ("Tiket berstatus tidak hadir.", "Tickets with status no-show."),
           "count", "tickets_by_lane", "no_show", "lane", COUNT, shown_on=("ringkasan", "printout", "summary"),
           summary_key="no_show.<lane>"),
    Metric("fill_rate", ("Keterisian kuota", "Quota fill rate"),
           ("Tiket pada hari kerja berkuota dibagi jumlah kuota hari-hari itu (model hari-kantor "
            "stg_quota_office_days; hari layanan Sabtu tanpa kuota tidak dihitung).",
            "Tickets on working days with a quota divided by the sum of those days' quotas (the office-day model "
            "stg_quota_office_days; a Saturday service day without a quota is left out)."),
           "share", "quota_by_lane", "fill_rate", "lane, over the office-days with a quota", STATISTIC,
           shown_on=("kuota", "summary"), summary_key="quota.<lane>.fill_rate"),
    Metric("over_quota_days", ("Hari di atas kuota", "Over-quota days"),
           ("Hari-kantor berkuota dengan tiket lebih banyak dari kuota hari itu.",
            "Office-days with a quota on which the tickets exceeded that day's quota."),
           "count", "quota_by_lane", "over_quota_days", "lane, office-days", AGGREGATE,
           shown_on=("ringkasan", "kuota", "printout", "summary"), summary_key="quota.<lane>.over_quota_days"),
    Metric("coverage", ("Cakupan prioritas", "Priority coverage"),
           ("Pemohon rentan (semua kelompok kecuali umum) di jalur prioritas dibagi pemohon rentan di jalur "
            "prioritas atau reguler; tiket semua status, menurut tanggal tiket diambil; percepatan tidak dihitung "
            "(pilihan berbayar). Saringan jalur tidak berlaku, saringan kelompok berlaku.",
            "Vulnerable applicants (every group but umum) in the priority lane divided by vulnerable applicants in "
            "the priority or regular lane; tickets of every status, by issue date; percepatan left out (a paid "
            "choice). The lane filter does not apply, the group filter does."),
           "share", "coverage_by_group", "coverage", "applicant group and total", STATISTIC,
           shown_on=("ringkasan", "kuota", "printout", "summary"), summary_key="coverage.share"),
    Metric("wait_median", ("Median waktu tunggu", "Median wait"),
           ("Median menit dari tiket diambil sampai dipanggil, atas tiket yang dipanggil.",
            "Median minutes from ticket issued to called, over the tickets called."),
           "minutes", "tickets_by_lane", "wait_median", "lane", STATISTIC,
           shown_on=("ringkasan", "waktu_layanan", "printout", "summary"), summary_key="wait_minutes.<lane>.median"),
    Metric("wait_p90", ("p90 waktu tunggu", "p90 wait"),
           ("Persentil ke-90 menit tunggu (interpolasi linear).", "90th percentile of the wait (linear)."),
           "minutes", "tickets_by_lane", "wait_p90", "lane", STATISTIC,
           shown_on=("ringkasan", "waktu_layanan", "printout", "summary"), summary_key="wait_minutes.<lane>.p90"),
    Metric("wait_mean", ("Rata-rata waktu tunggu", "Mean wait"),
           ("Rata-rata menit tunggu atas tiket yang dipanggil (ukuran kajian; peka terhadap tunggu sangat lama).",
            "Mean minutes of wait over the tickets called (the study's measure; sensitive to very long waits)."),
           "minutes", "wait_service_table", "mean", "measure, lane", STATISTIC, shown_on=("waktu_layanan",)),
    Metric("wait_max", ("Waktu tunggu terlama", "Longest wait"),
           ("Tunggu terlama pada periode, dengan tiketnya (untuk supervisor).",
            "The longest wait of the period, with its ticket (for supervisors)."),
           "minutes", "wait_service_table", "max", "measure, lane", STATISTIC, shown_on=("waktu_layanan",)),
    Metric("service_median", ("Median waktu layanan", "Median service time"),
           ("Median menit dari layanan mulai sampai selesai di loket.",
            "Median minutes from service start to end at the counter."),
           "minutes", "service_time_by_lane", "median", "lane", STATISTIC, shown_on=("waktu_layanan", "summary"),
           summary_key="service_minutes.<lane>.median"),
    Metric("completion_median", ("Median penyelesaian", "Median completion"),
           ("Hari kerja sesudah tanggal pengajuan sampai dengan tanggal terbit (kalender kantor), atas permohonan "
            "yang sudah terbit.",
            "Working days after the submission date up to and including the issue date (the office's calendar), "
            "over the applications issued."),
           "workdays", "completion_by_lane", "median", "lane", STATISTIC,
           shown_on=("ringkasan", "waktu_layanan", "printout", "summary"),
           summary_key="completion_workdays.<lane>.median"),
    Metric("completion_within_standard", ("Terbit dalam standar", "Issued within the standard"),
           ("Bagian permohonan terbit (tanpa BAP) dalam standar: 4 hari kerja, percepatan hari yang sama.",
            "Share of issued applications (no BAP) within the standard: 4 working days, percepatan the same day."),
           "share", "completion_percentiles", "share_within_target", "lane, BAP or not", STATISTIC,
           shown_on=("waktu_layanan",)),
    Metric("bap_cases", ("Kasus BAP", "BAP cases"),
           ("Permohonan yang harus menjalani pemeriksaan (BAP).", "Applications that needed an examination (BAP)."),
           "count", "bap_by_lane", "bap", "lane", COUNT, shown_on=("ringkasan", "waktu_layanan", "printout", "summary"),
           summary_key="bap.<lane>.bap"),
    Metric("open_mismatches", ("Kasus ketidaksesuaian terbuka", "Open mismatch cases"),
           ("Kasus yang dilaporkan sampai akhir hari itu dan belum diselesaikan pada saat itu, kapan pun "
            "permohonannya diajukan (dihitung per hari terakhir periode).",
            "Cases reported by the end of that day and not resolved by then, whenever the application was "
            "submitted (counted as of the period's last day)."),
           "count", "open_mismatches", "open_cases", "as of a day", COUNT, scope="as_of",
           shown_on=("ringkasan", "waktu_layanan", "printout", "summary"), summary_key="mismatch.open"),
    Metric("mismatch_cases", ("Kasus ketidaksesuaian", "Mismatch cases"),
           ("Permohonan periode ini yang paspornya tidak sesuai, dan berapa yang sudah diselesaikan.",
            "Applications of the period whose passport did not match, and how many were resolved."),
           "count", "mismatch_summary", "cases", "period", COUNT, shown_on=("waktu_layanan", "summary"),
           summary_key="mismatch.cases"),
    Metric("overtaken_share", ("Tiket prioritas didahului", "Priority tickets overtaken"),
           ("Bagian tiket prioritas yang dipanggil sesudah tiket reguler/percepatan kantor yang sama yang diambil "
            "lebih kemudian pada hari yang sama.",
            "Share of priority tickets called after a reguler/percepatan ticket of the same office taken later "
            "the same day."),
           "share", "overtaking_audit", "share_overtaken", "period, day, hour", STATISTIC,
           shown_on=("waktu_layanan",)),
    Metric("walk_median", ("Median jalan ke loket", "Median walk to the counter"),
           ("Median menit dari dipanggil sampai layanan mulai, per kelompok.",
            "Median minutes from called to service start, per group."),
           "minutes", "walk_medians", "median", "applicant group", STATISTIC, shown_on=("waktu_layanan",)),
    Metric("ikm_score", ("Skor IKM", "IKM score"),
           ("PermenPANRB 14/2017: rata-rata jawaban (NRR) tiap unsur, yang tak dijawab tidak dihitung; "
            "IKM = Σ NRR × 1/9, skor konversi = IKM × 25 (makro stg_ikm_score).",
            "PermenPANRB 14/2017: the mean answer (NRR) of each element, unanswered left out; IKM = Σ NRR × 1/9, "
            "converted score = IKM × 25 (macro stg_ikm_score)."),
           "score", "ikm_elements", "score", "period", STATISTIC,
           shown_on=("ringkasan", "kepuasan", "printout", "summary"), summary_key="ikm.score"),
    Metric("ikm_score_by_lane", ("Skor IKM per jalur", "IKM score by lane"),
           ("Skor IKM (definisi yang sama) atas jawaban tiap jalur.",
            "The IKM score (same definition) over each lane's responses."),
           "score", "ikm_by", "score", "lane of the response", STATISTIC,
           shown_on=("ringkasan", "kepuasan", "printout", "summary"), summary_key="ikm.by_lane.<lane>.score"),
    Metric("ikm_nrr", ("NRR unsur", "Element NRR"),
           ("Rata-rata jawaban (1–4) satu unsur; di bawah 3,0 (Sesuai) perlu perhatian.",
            "The mean answer (1-4) of one element; below 3.0 (Sesuai) asks for attention."),
           "nrr", "ikm_elements", "u1", "element", STATISTIC, shown_on=("ringkasan", "kepuasan", "printout", "summary"),
           summary_key="ikm.elements.<element>"),
    Metric("responses", ("Jawaban survei", "Survey responses"),
           ("Jawaban survei kepuasan pada periode.", "Satisfaction survey responses of the period."),
           "count", "ikm_elements", "responses", "period", COUNT, shown_on=("ringkasan", "kepuasan", "summary"),
           summary_key="ikm.responses"),
    Metric("uses_per_100", ("Pemakaian per 100 kunjungan", "Uses per 100 visits"),
           ("Pemakaian fasilitas per 100 tiket orang yang menjadi sasarannya (misal ruang laktasi: ibu membawa "
            "balita).",
            "Facility uses per 100 tickets of the people it is meant for (e.g. the lactation room: parents with "
            "toddlers)."),
           "per100", "facility_use_rates", "uses_per_100", "facility", STATISTIC, shown_on=("fasilitas",)),
    Metric("facility_uses", ("Pemakaian fasilitas", "Facility uses"),
           ("Pemakaian tiap fasilitas pada periode.", "Uses of each facility in the period."),
           "count", "facility_uses", "uses", "facility", COUNT,
           shown_on=("ringkasan", "fasilitas", "printout", "summary"), summary_key="facility_uses.<facility>"),
)
METRICS: dict[str, Metric] = {m.name: m for m in METRICS_LIST}

# Query files that are not the figure of a page but serve one (the frame, the settings, the admin pages, the
# downloads): the catalogue names them so that every file of queries/ is accounted for.
SUPPORT_QUERIES: dict[str, str] = {
    "store_info": "every page's frame: demo flag, newest data, offices",
    "offices": "every time shown: each office's name and time zone (kancil/store/offices.py)",
    "settings": "the office's changed settings (targets)",
    "last_workdays": "the briefing's working days",
    "freshness_by_kind": "Data page: how fresh each kind of data is",
    "ingest_history": "Data page: the latest loads",
    "settings_history": "Pengaturan: the history of changes",
    "export_antrian": "audited download", "export_permohonan": "audited download", "export_survei": "audited download",
    "export_fasilitas": "audited download", "export_ingest_batches": "audited download",
    "export_ingest_rejects": "audited download", "export_download_log": "audited download",
    "decide_offices": "decision support: the offices a forecast or replay may be asked about",
    "decide_daily_tickets": "the forecast's history (kancil/decide/forecast.py)",
    "decide_future_workdays": "the forecast's days and their quota",
    "decide_queue_tickets": "the counter-queue replay's tickets (kancil/decide/replay_queue.py)",
    "decide_completion_applications": "the completion replay's applications (kancil/decide/replay_completion.py)",
}


def figure(name: str) -> Figure:
    if name not in FIGURES:
        raise KeyError(f"no figure named {name} in the catalogue")
    return FIGURES[name]


def label(column: Column | Metric, lang: str) -> str:
    return column.label[1] if lang == "en" else column.label[0]
