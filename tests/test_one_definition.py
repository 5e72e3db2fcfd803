"""One definition per figure, checked where a reader sees it: for the same office and the same 30 days, the
briefing page, Kuota, Kepuasan, Waktu layanan, the printed briefing and ``summary --json`` show the same coverage,
the same open mismatch cases and the same IKM per lane."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys

from kancil.briefing import printout
from kancil.config import ROOT
from kancil.i18n import fmt_num, fmt_pct
from kancil.store import connection
from tests.helpers import DEMO_END, app_test, metric_values, table_with

DAY = dt.date.fromisoformat(DEMO_END)
START = DAY - dt.timedelta(days=29)
PERIOD = {"periode": "custom", "dari": START.isoformat(), "sampai": DAY.isoformat()}


def summary_json(db) -> dict:
    out = subprocess.run([sys.executable, "-m", "kancil", "summary", "--db", str(db), "--from", START.isoformat(),
                          "--to", DAY.isoformat(), "--json"], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout)


def test_coverage_open_cases_and_ikm_by_lane_agree_everywhere(demo_db):
    s = summary_json(demo_db)
    coverage = fmt_pct(s["coverage"]["share"], "id", 1)
    open_cases = fmt_num(s["mismatch"]["open"], "id")
    by_lane = {lane: fmt_num(v["score"], "id", 2) for lane, v in s["ikm"]["by_lane"].items()}
    assert s["coverage"]["vulnerable"] == s["coverage"]["in_prioritas"] + s["coverage"]["in_reguler"] > 0

    brief = app_test(demo_db, role="kepala_kantor", query={"hari": DAY.isoformat()})
    assert not brief.exception
    shown = metric_values(brief)
    assert shown["Cakupan prioritas (30 hari)"] == [coverage]
    assert shown["Kasus ketidaksesuaian terbuka"] == [open_cases]
    lanes_line = next(c.value for c in brief.caption if c.value.startswith("Per jalur:"))
    assert all(f"{label} {by_lane[lane]}" in lanes_line
               for lane, label in (("prioritas", "Prioritas"), ("reguler", "Reguler"), ("percepatan", "Percepatan")))

    kuota = app_test(demo_db, role="kepala_kantor", page="views/kuota.py", query=PERIOD)
    assert metric_values(kuota)["Cakupan jalur prioritas"] == [coverage]

    kepuasan = app_test(demo_db, role="kepala_kantor", page="views/kepuasan.py", query=PERIOD)
    lanes = table_with(kepuasan, "Jalur").set_index("Jalur")["Skor IKM"]
    assert {"prioritas": lanes["Prioritas"], "reguler": lanes["Reguler"], "percepatan": lanes["Percepatan"]} == by_lane

    waktu = app_test(demo_db, role="kepala_kantor", page="views/waktu_layanan.py",
                     query={**PERIOD, "tab": "Penyelesaian"})
    assert metric_values(waktu)[f"Terbuka per {DAY.day} Jun 2026"] == [open_cases]

    with connection.reader(demo_db) as con:
        data, demo = printout.collect(con, DAY, None)
    html = printout.render_html(data, "id", demo=demo)
    text = re.sub(r"<[^>]+>", " ", html)
    assert coverage in text and f"Prioritas {by_lane['prioritas']}" in text
    assert re.search(r"Kasus ketidaksesuaian terbuka\s*</span>\s*<b>\s*" + re.escape(open_cases), html)
