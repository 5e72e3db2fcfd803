"""The demo store: built through the ingester without a reject, deterministic, and showing the real patterns.

The dashboard is demonstrated on this data, so each pattern it must show is asserted here as a number, in SQL on
the store itself: if the generator drifts (a lane's waits, the quota story, the calendar), a test fails.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from kancil import demo
from kancil.contract import CONTRACT
from kancil.ingest import ingester
from kancil.store import calendar, connection

END = dt.date(2026, 6, 30)
DAYS = 120
START = END - dt.timedelta(days=DAYS - 1)
DATA_TABLES = ("antrian", "permohonan", "survei", "fasilitas", "kuota", "kalender", "hari_kerja")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int], Path]:
    """One small demo store (and its CSV export), shared by the module's tests."""
    root = tmp_path_factory.mktemp("demo_module")
    counts = demo.build(root / "demo.duckdb", offices=1, days=DAYS, seed=7, end=END, export_dir=root / "csv")
    return root / "demo.duckdb", counts, root / "csv"


@pytest.fixture(scope="module")
def con(built: tuple[Path, dict[str, int], Path]):
    with connection.reader(built[0]) as opened:
        yield opened


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None):
    return con.execute(sql, params or {}).fetchall()[0][0]


def digest(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """A fingerprint of a table's whole content, independent of row order."""
    return scalar(con, f"SELECT md5(string_agg(CAST(t AS VARCHAR), '|' ORDER BY CAST(t AS VARCHAR))) FROM {table} t")


def fingerprints(path: Path) -> dict[str, str]:
    with connection.reader(path) as c:
        found = {t: digest(c, t) for t in DATA_TABLES}
        found["meta"] = digest(c, "meta")
        found["ingest_batches"] = digest(c, "(SELECT * EXCLUDE (loaded_at) FROM ingest_batches)")
    return found


# ---------------------------------------------------------------------------------------------- the build


def test_counts_are_the_rows_stored(built, con):
    _, counts, _ = built
    assert set(counts) == {"antrian", "permohonan", "survei", "fasilitas", "kuota", "kantor"}
    for kind, n in counts.items():
        assert scalar(con, f"SELECT count(*) FROM {kind}") == n
    # about 200 tickets per working day over roughly 80 working days
    assert 12_000 < counts["antrian"] < 20_000
    assert counts["kuota"] == 4  # three lanes, the priority lane split at the quota change
    assert counts["kantor"] == 1  # the office's name and time zone


def test_every_batch_stored_every_row(con):
    batches = con.execute("SELECT kind, rows, stored, rejected, loaded_by FROM ingest_batches").fetchall()
    assert sorted(b[0] for b in batches) == sorted(["kantor", *demo.LOAD_ORDER])
    for kind, rows, stored, rejected, who in batches:
        assert rejected == 0, kind
        assert rows == stored > 0, kind
        assert who == "demo"
    assert scalar(con, "SELECT count(*) FROM ingest_rejects") == 0


def test_marked_as_demo(con):
    meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    assert meta["demo"] == "true"
    assert meta["demo_seed"] == "7"
    layout = dt.date.fromisoformat(meta["demo_layout_change"])
    assert START < layout < END


def test_same_seed_same_store(built, tmp_path):
    path, _, _ = built
    again = tmp_path / "again.duckdb"
    demo.build(again, offices=1, days=DAYS, seed=7, end=END)
    assert fingerprints(again) == fingerprints(path)


def test_other_seed_other_rows():
    """Frame by frame (what build() loads), to spare a third store: a different seed gives different rows."""
    period = demo.make_period(END, 30)
    seven, eight = demo.office_frames(7, period, 0, "CLP"), demo.office_frames(8, period, 0, "CLP")
    for kind in ("antrian", "permohonan", "survei", "fasilitas"):
        assert not seven[kind].equals(eight[kind]), kind
    assert seven["antrian"].equals(demo.office_frames(7, period, 0, "CLP")["antrian"])


def test_office_codes():
    codes = demo.office_codes(demo.MAX_OFFICES)
    assert codes[0] == "CLP"
    assert len(set(codes)) == demo.MAX_OFFICES
    assert all(len(c) == 3 and c.isalpha() and c.isupper() for c in codes)
    assert demo.office_codes(3) == codes[:3]
    with pytest.raises(ValueError):
        demo.office_codes(demo.MAX_OFFICES + 1)


def test_several_offices_replacing_an_existing_store(tmp_path):
    path = tmp_path / "three.duckdb"
    for leftover in (path, Path(f"{path}.wal"), connection.version_path(path)):
        leftover.write_bytes(b"not a store")  # an old store, its WAL and version token: all replaced
    counts = demo.build(path, offices=3, days=14, end=END)
    with connection.reader(path) as c:
        assert scalar(c, "SELECT count(*) FROM antrian") == counts["antrian"]
        assert scalar(c, "SELECT count(*) FROM ingest_batches") == len(demo.LOAD_ORDER) + 1  # and kantor
        # real office names; the three offices span Indonesia's three zones; CLP is the main office
        assert c.execute("SELECT office_code, name, timezone FROM kantor ORDER BY 1").fetchall() == [
            ("CLP", "Kantor Imigrasi Kelas I TPI Cilacap", "Asia/Jakarta"),
            ("JPR", "Kantor Imigrasi Kelas I TPI Jayapura", "Asia/Jayapura"),
            ("MKS", "Kantor Imigrasi Kelas I TPI Makassar", "Asia/Makassar")]
        assert scalar(c, "SELECT value FROM pengaturan WHERE key = 'kantor_utama'") == "CLP"
        offices = [r[0] for r in c.execute("SELECT DISTINCT office_code FROM antrian ORDER BY 1").fetchall()]
        assert offices == sorted(demo.office_codes(3))
        assert scalar(c, "SELECT count(DISTINCT office_code) FROM kuota") == 3
        wrong_prefix = "SELECT count(*) FROM antrian WHERE NOT starts_with(ticket_id, office_code || '-')"
        assert scalar(c, wrong_prefix) == 0
    assert connection.version_path(path).read_text() != "not a store"


# ---------------------------------------------------------------------------------------------- the CSV export


def test_export_is_the_contract_and_loads_without_rejects(built, tmp_path):
    _, counts, csv_dir = built
    fresh = tmp_path / "from_csv.duckdb"
    with connection.writer(fresh) as c:
        for kind in ("kantor", *demo.LOAD_ORDER):
            path = csv_dir / f"{kind}.csv"
            header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
            assert tuple(header) == CONTRACT[kind].column_names
            result = ingester.ingest_file(c, kind, path, who="test")
            assert result.refused is None, result.refused
            assert result.rejected == 0, result.rejects[:3]
            assert result.stored == counts[kind]


def test_csv_keeps_formula_like_comments_as_written(built):
    _, _, csv_dir = built
    text = (csv_dir / "survei.csv").read_text(encoding="utf-8")
    assert ",=SUM(1+1) coba" in text
    assert ",-kurang jelas papan petunjuknya" in text


# ---------------------------------------------------------------------------------------------- calendar


def test_closed_on_sundays_and_holidays(con):
    holidays = sorted(calendar.indonesian_holidays(START, END))
    assert len(holidays) > 5  # Idul Fitri, Nyepi, Ascension ... fall inside the period
    con.execute("CREATE OR REPLACE TEMP TABLE _hol AS SELECT unnest($d) AS tanggal", {"d": holidays})
    assert scalar(con, "SELECT count(*) FROM antrian WHERE isodow(issued_at) = 7") == 0
    assert scalar(con, "SELECT count(*) FROM antrian WHERE CAST(issued_at AS DATE) IN (SELECT tanggal FROM _hol)") == 0
    # but open on ordinary weekdays, Monday the busiest
    per_dow = dict(con.execute(
        "SELECT isodow(d), avg(n) FROM (SELECT CAST(issued_at AS DATE) d, count(*) n FROM antrian GROUP BY 1) "
        "GROUP BY 1").fetchall())
    assert per_dow[1] == max(per_dow[k] for k in range(1, 6))
    assert per_dow[1] > 1.1 * per_dow[5]


def test_open_on_saturday_service_days_with_fewer_tickets(con):
    saturdays = con.execute("SELECT tanggal FROM kalender WHERE jenis = 'layanan'").fetchall()
    assert saturdays and all(d.weekday() == 5 for (d,) in saturdays)
    per_day = con.execute("""
        SELECT count(*) / count(DISTINCT CAST(issued_at AS DATE)),
               count(DISTINCT CAST(issued_at AS DATE))
        FROM antrian WHERE CAST(issued_at AS DATE) IN (SELECT tanggal FROM kalender WHERE jenis = 'layanan')
    """).fetchall()[0]
    assert per_day[1] == len(saturdays)  # tickets on every Saturday service day
    weekday = scalar(con, "SELECT count(*) / count(DISTINCT CAST(issued_at AS DATE)) FROM antrian "
                          "WHERE isodow(issued_at) <= 5")
    assert 0.2 * weekday < per_day[0] < 0.7 * weekday
    assert scalar(con, "SELECT count(*) FROM antrian WHERE isodow(issued_at) = 6 AND CAST(issued_at AS DATE) "
                       "NOT IN (SELECT tanggal FROM kalender WHERE jenis = 'layanan')") == 0


def test_local_closure_day_has_no_tickets(con):
    closed = con.execute("SELECT office_code, tanggal FROM kalender WHERE jenis = 'tutup'").fetchall()
    assert len(closed) == 1 and closed[0][0] == "CLP" and closed[0][1].weekday() < 5
    assert scalar(con, "SELECT count(*) FROM antrian WHERE CAST(issued_at AS DATE) = $d", {"d": closed[0][1]}) == 0
    assert scalar(con, "SELECT is_workday FROM hari_kerja WHERE office_code = 'CLP' AND tanggal = $d",
                  {"d": closed[0][1]}) is False


# ---------------------------------------------------------------------------------------------- queue and quota


def test_priority_waits_shorter_than_reguler(con):
    medians = dict(con.execute(
        "SELECT lane, median(date_diff('second', issued_at, called_at) / 60.0) FROM antrian "
        "WHERE called_at IS NOT NULL GROUP BY lane").fetchall())
    assert medians["prioritas"] < 12
    assert 30 < medians["reguler"] < 50
    assert medians["prioritas"] < medians["percepatan"] < medians["reguler"]


def test_queue_shape(con):
    per_day = dict(con.execute(
        "SELECT lane, count(*) / count(DISTINCT CAST(issued_at AS DATE)) FROM antrian "
        "WHERE isodow(issued_at) <= 5 GROUP BY lane").fetchall())
    assert 24 < per_day["prioritas"] < 38
    assert 130 < per_day["reguler"] < 170
    assert 14 < per_day["percepatan"] <= 20
    statuses = dict(con.execute("SELECT status, avg(1) * count(*) / (SELECT count(*) FROM antrian) FROM antrian "
                                "GROUP BY status").fetchall())
    assert 0.02 < statuses["tidak_hadir"] < 0.06
    assert 0.003 < statuses["batal"] < 0.02
    # arrivals from 07:30, few after 14:00
    assert scalar(con, "SELECT count(*) FROM antrian WHERE CAST(issued_at AS TIME) < TIME '07:30'") == 0
    late = scalar(con, "SELECT avg(CAST(hour(issued_at) >= 14 AS INTEGER)) FROM antrian")
    assert late < 0.08
    # no-shows are never served
    assert scalar(con, "SELECT count(*) FROM antrian WHERE status <> 'selesai' AND service_start IS NOT NULL") == 0


def test_counters_serve_one_ticket_at_a_time(con):
    """The demo's waits come out of a queue: at each counter a call comes after the previous ticket's service end
    (tests/test_decide_replay.py checks that the replay of the office's order gives every call back)."""
    overlaps = scalar(con, """
        WITH calls AS (
            SELECT counter, CAST(issued_at AS DATE) AS d, called_at,
                   lag(service_end) OVER (PARTITION BY counter, CAST(issued_at AS DATE) ORDER BY called_at) AS before
            FROM antrian WHERE status = 'selesai'
        )
        SELECT count(*) FILTER (WHERE called_at < before) FROM calls
    """)
    assert overlaps == 0
    counters = dict(con.execute("SELECT counter, list(DISTINCT lane ORDER BY lane) FROM antrian "
                                "WHERE counter IS NOT NULL GROUP BY 1").fetchall())
    assert counters["P1"] == ["prioritas"]  # the dedicated priority counter
    assert counters["U1"] == ["percepatan", "prioritas", "reguler"]  # a shared counter calls every lane
    # the shared counters call prioritas first: a later priority ticket never waits while an earlier-called reguler
    # ticket of the same day was issued after it (no reguler ticket overtakes a waiting priority ticket)
    overtaken = scalar(con, """
        SELECT count(*) FROM antrian p JOIN antrian r
          ON CAST(p.issued_at AS DATE) = CAST(r.issued_at AS DATE) AND r.lane = 'reguler' AND p.lane = 'prioritas'
         AND r.issued_at > p.issued_at AND r.called_at < p.called_at
        WHERE p.status = 'selesai' AND r.status = 'selesai'
    """)
    assert overtaken == 0


def test_priority_tickets_over_quota_on_busy_days(con):
    over = dict(con.execute("""
        WITH per_day AS (SELECT lane, CAST(issued_at AS DATE) AS tanggal, count(*) AS n FROM antrian GROUP BY ALL)
        SELECT p.lane, count(*) FILTER (WHERE p.n > k.daily_quota)
        FROM per_day p
        JOIN hari_kerja h ON h.office_code = 'CLP' AND h.tanggal = p.tanggal AND h.is_workday
        JOIN kuota k ON k.lane = p.lane AND p.tanggal BETWEEN k.valid_from AND coalesce(k.valid_to, DATE '9999-12-31')
        GROUP BY p.lane
    """).fetchall())
    assert over["prioritas"] >= 5
    assert over["reguler"] == 0  # booked through M-Paspor: never above its quota
    assert over["percepatan"] == 0


def test_quota_changes_mid_period(con):
    rows = con.execute("SELECT valid_from, valid_to, daily_quota FROM kuota WHERE lane = 'prioritas' "
                       "ORDER BY valid_from").fetchall()
    assert len(rows) == 2
    assert rows[0][1] == rows[1][0] - dt.timedelta(days=1) and rows[1][1] is None
    assert rows[0][2] != rows[1][2]


def test_vulnerable_share_in_reguler(con):
    share = scalar(con, "SELECT avg(CAST(applicant_group <> 'umum' AS INTEGER)) FROM antrian WHERE lane = 'reguler'")
    assert 0.05 < share < 0.20
    assert scalar(con, "SELECT count(*) FROM antrian WHERE lane = 'prioritas' AND applicant_group = 'umum'") == 0


# ---------------------------------------------------------------------------------------------- applications


def test_percepatan_issued_the_same_day(con):
    n, same = con.execute("""
        SELECT count(*), count(*) FILTER (WHERE CAST(issued_at AS DATE) = CAST(submitted_at AS DATE))
        FROM permohonan WHERE lane = 'percepatan' AND issued_at IS NOT NULL
    """).fetchall()[0]
    assert n > 500
    assert same == n


def test_priority_completion_not_shorter_than_reguler(con):
    medians = dict(con.execute("""
        SELECT p.lane, median(hi.workday_index - hs.workday_index)
        FROM permohonan p
        JOIN hari_kerja hs ON hs.office_code = p.office_code AND hs.tanggal = CAST(p.submitted_at AS DATE)
        JOIN hari_kerja hi ON hi.office_code = p.office_code AND hi.tanggal = CAST(p.issued_at AS DATE)
        GROUP BY p.lane
    """).fetchall())
    assert medians["percepatan"] == 0
    assert 3 <= medians["reguler"] <= 4
    assert medians["prioritas"] >= medians["reguler"]


def test_passports_issued_on_working_days_and_recent_ones_pending(con):
    assert scalar(con, """
        SELECT count(*) FROM permohonan p JOIN hari_kerja h
            ON h.office_code = p.office_code AND h.tanggal = CAST(p.issued_at AS DATE)
        WHERE p.lane <> 'percepatan' AND NOT h.is_workday
    """) == 0
    pending = scalar(con, "SELECT count(*) FROM permohonan WHERE issued_at IS NULL AND lane <> 'percepatan' "
                          "AND submitted_at >= $d", {"d": END - dt.timedelta(days=3)})
    assert pending > 50
    assert scalar(con, "SELECT count(*) FROM permohonan WHERE issued_at IS NULL AND submitted_at < $d",
                  {"d": END - dt.timedelta(days=20)}) == 0


def test_bap_mostly_for_lost_or_damaged(con):
    share = dict(con.execute("SELECT service_type = 'hilang_rusak', avg(CAST(bap_required AS INTEGER)) "
                             "FROM permohonan GROUP BY 1").fetchall())
    assert share[True] > 0.8
    assert share[False] < 0.05
    # The examination is scheduled 2-5 working days after the submission: a BAP case without one yet was submitted
    # in the last days of the period (5 working days are at most 9 calendar days here), and is not issued.
    unexamined = "FROM permohonan WHERE bap_required AND bap_end IS NULL"
    assert scalar(con, f"SELECT count(*) {unexamined} AND submitted_at < $d", {"d": END - dt.timedelta(days=9)}) == 0
    assert scalar(con, f"SELECT count(*) {unexamined}") > 0
    assert scalar(con, f"SELECT count(*) {unexamined} AND issued_at IS NOT NULL") == 0
    # and it is examined on a later working day, so its passport takes longer than the others
    assert scalar(con, "SELECT count(*) FROM permohonan WHERE bap_required "
                       "AND CAST(bap_start AS DATE) <= CAST(submitted_at AS DATE)") == 0
    medians = dict(con.execute("SELECT bap_required, median(completion_workdays) FROM permohonan "
                               "WHERE lane <> 'percepatan' GROUP BY 1").fetchall())
    assert medians[True] > medians[False]


def test_some_mismatches_mostly_resolved(con):
    cases, resolved = con.execute("SELECT count(*), count(mismatch_resolved_at) FROM permohonan "
                                  "WHERE mismatch").fetchall()[0]
    total = scalar(con, "SELECT count(*) FROM permohonan")
    assert 0.001 < cases / total < 0.006
    assert resolved >= 0.8 * cases


# ---------------------------------------------------------------------------------------------- survey and facilities


def test_ikm_score_and_weakest_elements(con):
    row = con.execute("""
        SELECT avg(u1), avg(u2), avg(u3), avg(u4), avg(u5), avg(u6), avg(u7), avg(u8), avg(u9),
               count(*) / (SELECT count(*) FROM antrian WHERE status = 'selesai')
        FROM survei
    """).fetchall()[0]
    elements, response_rate = row[:9], row[9]
    score = sum(elements) / 9 * 25
    assert 78 < score < 90
    weakest = sorted(range(9), key=lambda i: elements[i])[:2]
    assert sorted(weakest) == [2, 8]  # u3 waktu penyelesaian, u9 sarana dan prasarana
    assert 0.12 < response_rate < 0.18


def test_long_waits_lower_u3(con):
    short, long = con.execute("""
        SELECT avg(s.u3) FILTER (WHERE date_diff('minute', a.issued_at, a.called_at) < 15),
               avg(s.u3) FILTER (WHERE date_diff('minute', a.issued_at, a.called_at) > 60)
        FROM survei s JOIN antrian a USING (office_code, ticket_id)
    """).fetchall()[0]
    assert long < short - 0.3


def test_survey_comments_include_formula_like_text(con):
    for prefix in ("=", "+", "-", "@"):
        assert scalar(con, "SELECT count(*) FROM survei WHERE starts_with(comment, $p)", {"p": prefix}) > 0
    share = scalar(con, "SELECT avg(CAST(comment IS NOT NULL AS INTEGER)) FROM survei")
    assert 0.2 < share < 0.4


def test_lactation_room_used_more_after_the_move(con):
    rates = dict(con.execute("""
        WITH change AS (SELECT CAST(value AS DATE) AS d FROM meta WHERE key = 'demo_layout_change'),
        days AS (
            SELECT tanggal >= (SELECT d FROM change) AS after, count(*) AS n
            FROM hari_kerja WHERE office_code = 'CLP' AND is_service_day AND tanggal BETWEEN $start AND $end
            GROUP BY 1
        ),
        uses AS (
            SELECT CAST(started_at AS DATE) >= (SELECT d FROM change) AS after, count(*) AS n
            FROM fasilitas WHERE facility = $f GROUP BY 1
        )
        SELECT days.after, coalesce(uses.n, 0) / days.n FROM days LEFT JOIN uses USING (after)
    """, {"start": START, "end": END, "f": "ruang_laktasi"}).fetchall())
    assert rates[True] > 2 * rates[False]


def test_facilities_follow_the_visits(con):
    uses = dict(con.execute("SELECT facility, count(*) FROM fasilitas GROUP BY 1").fetchall())
    priority_visits = scalar(con, "SELECT count(*) FROM antrian WHERE lane = 'prioritas' AND status <> 'batal'")
    assert 0.7 * priority_visits < uses["ruang_tunggu_prioritas"] < priority_visits
    assert uses["ruang_laktasi"] < uses["kursi_roda"] < uses["ruang_tunggu_prioritas"]
    assert scalar(con, "SELECT count(*) FROM fasilitas WHERE ended_at < started_at") == 0
    minutes = dict(con.execute("SELECT facility, median(date_diff('minute', started_at, ended_at)) FROM fasilitas "
                               "GROUP BY 1").fetchall())
    assert 15 <= minutes["ruang_laktasi"] <= 40
    assert 10 <= minutes["area_bermain_anak"] <= 45
