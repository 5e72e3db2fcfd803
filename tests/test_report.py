"""The printable morning briefing: the same numbers as the page (one code path), self-contained, escaped, one page.

The hand-made store (tests/fixtures.py): on Monday 11 May 2026 office TST issued 3 prioritas tickets against a
quota of 2 and 1 reguler ticket against 10; the survey of the 30 days up to then gives IKM 87,50 (B). Saturday 16
May is a service day (tickets, but no working day), Sunday 17 May is neither; Wednesday 13 May is a working day
without a single ticket.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kancil import cli
from kancil.briefing import morning, printout
from kancil.i18n import fmt_num, t
from kancil.store import connection
from tests.helpers import app_test

DAY = dt.date(2026, 5, 11)
LANES = ("prioritas", "reguler", "percepatan")
needs_chromium = pytest.mark.browser  # fails without Chromium, skipped only by SKIP_BROWSER=1 (tests/conftest.py)


class Cells(HTMLParser):
    """The text of the report's marked cells: tickets/quota and waits per lane, and the IKM score."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: dict[tuple[str, str], str] = {}
        self._open: tuple[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "td" and "tq" in classes:
            self._open = (str(a["data-lane"]), "tq")
        elif tag == "td" and "wait" in classes:
            self._open = (str(a["data-lane"]), str(a["data-stat"]))
        elif a.get("id") == "ikm-score":
            self._open = ("ikm", "score")
        elif self._open:  # the value is the text before the first child element (the "above target" flag)
            self._open = None

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._open and data.strip():
            self.cells[self._open] = self.cells.get(self._open, "") + data.strip()


def cells(html: str) -> dict[tuple[str, str], str]:
    parser = Cells()
    parser.feed(html)
    return parser.cells


def build(db: Path, day: dt.date = DAY, office: str | None = "TST") -> dict:
    with connection.reader(db) as con:
        return morning.build(con, day, office)


def pdf_pages(path: Path) -> int:
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    return len(re.findall(rb"/Type\s*/Page(?!s)", path.read_bytes()))


def run_cli(db: Path, *args: str) -> int:
    return cli.main(["briefing", "--db", str(db), "--office", "TST", *args])


# ------------------------------------------------------------------------------------------------ numbers


def test_html_numbers_equal_the_briefing_build(metrics_db, tmp_path):
    out = tmp_path / "ringkasan.html"
    assert run_cli(metrics_db, "--date", DAY.isoformat(), "--out", str(out)) == 0
    shown = cells(out.read_text(encoding="utf-8"))
    data = build(metrics_db)
    assert data["today"]["tickets"]["prioritas"] == 3 and data["daily_quota"]["prioritas"] == 2
    for lane in LANES:
        tickets, quota = data["today"]["tickets"][lane], data["daily_quota"].get(lane)
        expected = f"{fmt_num(tickets)}/{fmt_num(quota)}" if quota else fmt_num(tickets)
        assert shown[(lane, "tq")] == expected
        for stat in ("median", "p90"):
            assert shown[(lane, stat)] == fmt_num(data["today"]["wait_minutes"][lane][stat], "id", 1)
    assert [shown[(lane, "tq")] for lane in LANES] == ["3/2", "1/10", "0"]
    assert shown[("prioritas", "median")] == "15,0" and shown[("prioritas", "p90")] == "19,0"
    ikm = data["last30"]["ikm"]
    assert shown[("ikm", "score")] == f"{fmt_num(ikm['score'], 'id', 2)} ({ikm['category']})" == "87,50 (B)"


def test_attention_list_is_the_pages(metrics_db):
    data = build(metrics_db)
    html = printout.render_html(data)
    assert data["attention"], "the fixture day has findings"
    for item in data["attention"]:
        assert morning.attention_text(item, "id") in html
    assert "p90 19,0 menit, di atas target 15,0 menit" in html


def test_the_page_and_the_report_show_the_same_numbers(metrics_db):
    at = app_test(metrics_db, query={"hari": DAY.isoformat(), "kantor": "TST"})
    assert not at.exception
    page: dict[str, list[str]] = {}
    for m in at.metric:
        page.setdefault(m.label, []).append(m.value)
    shown = cells(printout.render_html(build(metrics_db)))
    assert page["Tiket/kuota"] == [shown[(lane, "tq")] for lane in LANES]
    assert page["Tunggu median"] == [shown[(lane, "median")] for lane in LANES]
    assert page["Tunggu p90"] == [shown[(lane, "p90")] for lane in LANES]
    assert page["IKM 30 hari"] == [shown[("ikm", "score")]]
    buttons = [b for b in at.get("download_button") if b.proto.label == t("ringkasan.print")]
    assert len(buttons) == 1


def test_english_uses_english_numbers(metrics_db):
    html = printout.render_html(build(metrics_db), "en")
    assert cells(html)[("ikm", "score")] == "87.50 (B)"
    assert "Morning Briefing" in html and "Needs attention" in html


# ------------------------------------------------------------------------------------------------ safety


def test_html_is_self_contained(metrics_db):
    html = printout.render_html(build(metrics_db), demo=True)
    lowered = html.lower()
    assert "http://" not in lowered and "https://" not in lowered
    assert "<script" not in lowered and "<link" not in lowered and "@import" not in lowered
    assert not re.search(r"\ssrc\s*=", lowered)
    assert set(re.findall(r"url\(([^)]*)\)", html)) <= {"#hatch-prioritas", "#hatch-reguler", "#hatch-percepatan"}
    assert lowered.count("<svg") == 3
    assert "DATA CONTOH" in html


def test_data_text_is_escaped(metrics_db):
    data = copy.deepcopy(build(metrics_db))
    data["attention"].append({"rule": "facility_idle", "page": "fasilitas",
                              "values": {"facility": "<script>alert(1)</script>", "days": 5}})
    data["filters"]["office"] = '<img src=x onerror="alert(2)">'
    html = printout.render_html(data, notes=["<b>catatan</b>"])
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html and "&lt;img src=x" in html
    assert "<b>catatan</b>" not in html and "&lt;b&gt;catatan&lt;/b&gt;" in html


def test_labels_inside_the_charts_are_escaped(metrics_db, monkeypatch):
    monkeypatch.setattr(printout, "code_label", lambda code, lang="id": f"<script>{code}</script>")
    html = printout.render_html(build(metrics_db))
    assert "<script" not in html
    charts = "".join(re.findall(r"<svg.*?</svg>", html, re.S))
    assert "&lt;script&gt;prioritas&lt;/script&gt;" in charts
    assert "&lt;script&gt;ruang_laktasi&lt;/script&gt;" in charts


# ------------------------------------------------------------------------------------------------ the command


def test_cli_writes_html(metrics_db, tmp_path, capsys):
    out = tmp_path / "ringkasan.html"
    assert run_cli(metrics_db, "--date", "2026-05-11", "--out", str(out)) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "Senin, 11 Mei 2026" in text
    assert "ditulis" in capsys.readouterr().out
    assert [p.name for p in tmp_path.iterdir()] == ["ringkasan.html"]  # no temporary file left behind


@needs_chromium
def test_cli_writes_a_one_page_pdf(metrics_db, tmp_path):
    out = tmp_path / "ringkasan.pdf"
    assert run_cli(metrics_db, "--date", "2026-05-11", "--out", str(out)) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert pdf_pages(out) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["ringkasan.pdf"]


@needs_chromium
def test_a_long_attention_list_still_fits_one_page(metrics_db, tmp_path):
    data = copy.deepcopy(build(metrics_db))
    long_rule = {"rule": "vulnerable_reguler", "page": "kuota", "values": {"share": 0.123, "count": 1234}}
    data["attention"] = [long_rule] * 20
    out = printout.write_report(data, tmp_path / "long.pdf", notes=["Catatan satu.", "Catatan dua."], demo=True)
    assert pdf_pages(out) == 1


@pytest.mark.parametrize("day", ["2026-05-17", "2026-05-16"])  # Sunday; Saturday service day with tickets
def test_cli_skips_a_day_that_is_not_a_working_day(metrics_db, tmp_path, capsys, day):
    out = tmp_path / "ringkasan.html"
    assert run_cli(metrics_db, "--date", day, "--out", str(out)) == 0
    assert "bukan hari kerja" in capsys.readouterr().out
    assert not out.exists()


def test_cli_writes_a_non_working_day_with_force(metrics_db, tmp_path):
    out = tmp_path / "ringkasan.html"
    assert run_cli(metrics_db, "--date", "2026-05-17", "--out", str(out), "--force") == 0
    text = out.read_text(encoding="utf-8")
    assert "Minggu, 17 Mei 2026" in text and "bukan hari kerja" in text and "Tidak ada tiket" in text


def test_cli_refuses_a_working_day_without_tickets(metrics_db, tmp_path, capsys):
    out = tmp_path / "ringkasan.html"
    assert run_cli(metrics_db, "--date", "2026-05-13", "--out", str(out)) == 1
    assert "Tidak ada tiket pada 13 Mei 2026" in capsys.readouterr().err
    assert not out.exists()
    assert run_cli(metrics_db, "--date", "2026-05-13", "--out", str(out), "--force") == 0
    assert out.exists()


def test_cli_default_day_is_the_last_working_day_before_today(metrics_db, tmp_path, monkeypatch, capsys):
    out = tmp_path / "ringkasan.html"
    monkeypatch.setattr(printout, "_today", lambda zone=None: dt.date(2026, 5, 12))
    assert run_cli(metrics_db, "--out", str(out)) == 0
    assert "Senin, 11 Mei 2026" in out.read_text(encoding="utf-8")
    # On Monday 18 May: Sunday, Saturday, the cuti bersama (15) and Ascension Day (14) are passed over
    monkeypatch.setattr(printout, "_today", lambda zone=None: dt.date(2026, 5, 18))
    with connection.reader(metrics_db) as con:
        assert printout.briefing_day(con, "TST") == dt.date(2026, 5, 13)


@pytest.mark.parametrize("name", ["ringkasan.txt", "brief", "ringkasan.htm"])
def test_cli_refuses_an_unknown_suffix(metrics_db, tmp_path, capsys, name):
    out = tmp_path / name
    assert run_cli(metrics_db, "--date", "2026-05-11", "--out", str(out)) == 2
    assert ".html atau .pdf" in capsys.readouterr().err
    assert not out.exists()


def test_cli_refuses_an_unknown_office_and_a_missing_folder(metrics_db, tmp_path, capsys):
    out = tmp_path / "ringkasan.html"
    assert cli.main(["briefing", "--db", str(metrics_db), "--office", "XYZ", "--out", str(out)]) == 2
    assert "Kantor XYZ tidak ada" in capsys.readouterr().err
    assert run_cli(metrics_db, "--date", "2026-05-11", "--out", str(tmp_path / "nope" / "b.html")) == 2
    assert "Folder keluaran tidak ada" in capsys.readouterr().err
    assert not out.exists()


def test_write_briefing_without_office_covers_all_offices(metrics_db, tmp_path):
    out = printout.write_briefing(metrics_db, DAY, tmp_path / "all.html")
    shown = cells(out.read_text(encoding="utf-8"))
    assert shown[("prioritas", "tq")] == "4/3"  # TST 3 + OTH 1 tickets, quota 2 + 1
    with pytest.raises(printout.ReportError):
        printout.write_briefing(metrics_db, DAY, tmp_path / "all.docx")
