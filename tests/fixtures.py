"""A tiny, hand-made, real store whose every metric was worked out by hand (see tests/test_metrics.py).

The week of 11-16 May 2026: Thursday 14 May is Ascension Day (a public holiday) and Friday 15 May is its cuti
bersama, Saturday 16 May is an extra "Paspor Simpatik" service day. So the working days are 11, 12, 13 May, then
18, 19, 20 May. Office TST carries the cases; office OTH has one ticket so that the office filter is tested.
The rows go in through the real ingester (``load_frame``), exactly like an office's files.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kancil.contract import CONTRACT
from kancil.ingest import ingester
from kancil.store import calendar, connection

D = "2026-05-"


def _ticket(tid, office, lane, group, issued, called, start, end, status="selesai", service="baru",
            channel="langsung", counter="P1", officer="PTG01"):
    return dict(ticket_id=tid, office_code=office, lane=lane, applicant_group=group, service_type=service,
                channel=channel, issued_at=issued, called_at=called, service_start=start, service_end=end,
                counter=counter, officer_id=officer, status=status)


ANTRIAN = [
    # prioritas, TST: waits 10, 20, (no-show), 40, 5 (Saturday) minutes; service 8, 10, 15, 4 minutes
    _ticket("T1", "TST", "prioritas", "lansia", D + "11 08:00", D + "11 08:10", D + "11 08:12", D + "11 08:20"),
    _ticket("T2", "TST", "prioritas", "disabilitas", D + "11 08:05", D + "11 08:25", D + "11 08:26",
            D + "11 08:36", channel="m_paspor"),
    _ticket("T3", "TST", "prioritas", "ibu_hamil", D + "11 08:30", None, None, None, status="tidak_hadir"),
    _ticket("T4", "TST", "prioritas", "anak", D + "12 09:00", D + "12 09:40", D + "12 09:41", D + "12 09:56",
            service="hilang_rusak"),
    _ticket("T5", "TST", "prioritas", "lansia", D + "16 09:00", D + "16 09:05", D + "16 09:06", D + "16 09:10"),
    # reguler, TST: waits 60 and 30; service 10 and 20
    _ticket("T6", "TST", "reguler", "umum", D + "11 08:00", D + "11 09:00", D + "11 09:02", D + "11 09:12",
            counter="R1", officer="PTG02"),
    _ticket("T7", "TST", "reguler", "lansia", D + "12 08:00", D + "12 08:30", D + "12 08:30", D + "12 08:50",
            counter="R1", officer="PTG02"),
    # OTH: one prioritas ticket, wait 2, service 6
    _ticket("X1", "OTH", "prioritas", "lansia", D + "11 08:00", D + "11 08:02", D + "11 08:03", D + "11 08:09"),
]

KUOTA = [
    dict(office_code="TST", lane="prioritas", valid_from="2026-01-01", valid_to="2026-05-12", daily_quota=2),
    dict(office_code="TST", lane="prioritas", valid_from="2026-05-13", valid_to=None, daily_quota=3),
    dict(office_code="TST", lane="reguler", valid_from="2026-01-01", valid_to=None, daily_quota=10),
    dict(office_code="OTH", lane="prioritas", valid_from="2026-01-01", valid_to=None, daily_quota=1),
]


def _app(aid, lane, submitted, issued, bap=False, bap_start=None, bap_end=None, mismatch=False, reported=None,
         resolved=None, group="lansia", service="baru"):
    return dict(application_id=aid, ticket_id=None, office_code="TST", lane=lane, applicant_group=group,
                service_type=service, submitted_at=submitted, bap_required="ya" if bap else "tidak",
                bap_start=bap_start, bap_end=bap_end, paid_at=None, issued_at=issued, collected_at=None,
                mismatch="1" if mismatch else "0", mismatch_reported_at=reported, mismatch_resolved_at=resolved)


PERMOHONAN = [
    _app("A1", "prioritas", D + "13 10:00", D + "18 10:00"),  # 14 holiday, 15 cuti bersama, 16-17 weekend: 1
    _app("A2", "prioritas", D + "11 09:00", D + "13 15:00"),  # 12, 13: 2
    _app("A3", "prioritas", D + "11 09:00", D + "11 15:00"),  # same day: 0
    _app("A4", "reguler", D + "12 09:00", D + "19 10:00", bap=True, bap_start=D + "12 10:00",
         bap_end=D + "12 11:30", group="umum", service="hilang_rusak"),  # 13, 18, 19: 3; BAP 90 min
    _app("A5", "reguler", D + "12 09:30", None, bap=True, bap_start=D + "12 10:00", bap_end=D + "12 10:45",
         group="umum", service="hilang_rusak"),  # not issued yet; BAP 45 min
    _app("A6", "percepatan", D + "11 08:00", D + "11 16:00", mismatch=True, reported=D + "12 09:00",
         resolved=D + "12 15:00", group="umum"),  # 0; mismatch resolved in 6 h
    _app("A7", "reguler", D + "13 09:00", D + "19 09:00", mismatch=True, reported=D + "20 09:00",
         group="umum"),  # 18, 19: 2; mismatch unresolved
]


def _resp(rid, answers, lane="prioritas", group="lansia", day="11"):
    row = dict(response_id=rid, office_code="TST", submitted_at=D + day + " 12:00", ticket_id=None, lane=lane,
               applicant_group=group, info_source="petugas", comment=None)
    row.update({f"u{i + 1}": a for i, a in enumerate(answers)})
    return row


SURVEI = [
    _resp("S1", [4] * 9),
    _resp("S2", [3] * 9, lane="reguler", group="umum"),
    _resp("S3", [2] * 8 + [None], day="12"),  # u9 not answered
]

FASILITAS = [
    dict(usage_id="F1", office_code="TST", facility="ruang_laktasi", started_at=D + "11 10:00",
         ended_at=D + "11 10:30", applicant_group="ibu_balita"),
    dict(usage_id="F2", office_code="TST", facility="ruang_laktasi", started_at=D + "12 11:00",
         ended_at=D + "12 11:20", applicant_group=None),
    dict(usage_id="F3", office_code="TST", facility="kursi_roda", started_at=D + "12 09:00", ended_at=None,
         applicant_group="lansia"),
]


def contract_frame(kind: str, rows: list[dict]) -> pd.DataFrame:
    """Hand-written rows as an office's file would give them: the contract's columns, every cell as text."""
    columns = CONTRACT[kind].column_names
    return pd.DataFrame([{c: (None if r.get(c) is None else str(r[c])) for c in columns} for r in rows],
                        columns=list(columns), dtype=object)


def load_rows(path: Path, rows_by_kind: dict[str, list[dict]], label: str) -> Path:
    """A real store at ``path`` from hand-written rows, through the real ingester; every row must be accepted."""
    with connection.writer(path) as con:
        for kind, rows in rows_by_kind.items():
            result = ingester.load_frame(con, kind, contract_frame(kind, rows), f"{label}-{kind}", who="test")
            assert result.rejected == 0, result.rejects
        calendar.rebuild(con)
    return path


def build_metrics_store(path: Path) -> Path:
    """Write the hand-made store to ``path`` through the real ingester; every row must be accepted."""
    with connection.writer(path) as con:
        con.execute("INSERT INTO kalender VALUES (NULL, DATE '2026-05-16', 'layanan', 'Paspor Simpatik')")
    return load_rows(path, {"kuota": KUOTA, "antrian": ANTRIAN, "permohonan": PERMOHONAN, "survei": SURVEI,
                            "fasilitas": FASILITAS}, "fixture")
