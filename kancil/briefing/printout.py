"""The printable morning briefing: one A4 landscape page, as one self-contained HTML file or as a PDF.

Why it exists next to the briefing page: the 07:30 meeting reads it on paper or from a shared folder, including
people without a dashboard account, and it must say the same as the page. So every number comes from
``briefing.build`` (the page's own code) and is formatted with the same ``i18n`` functions and labels.

Why hand-written SVG and no Plotly: Plotly's static export needs kaleido (not installed) and inline plotly.js is
about 4 MB of script that must run before printing. A few bars drawn from the numbers open offline, print sharp, and
carry their values as text, so a black-and-white printout loses nothing (hatching tells median from p90, lines mark
quota and target).

Why it is safe to put data text in it: the page template is Jinja2 with autoescape, and the SVG is built with
``Markup.format``, which escapes every value it is given; nothing from the store reaches the HTML unescaped.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

import duckdb
import jinja2
from markupsafe import Markup

from kancil import config
from kancil.briefing import morning
from kancil.contract import FACILITIES, IKM_ELEMENTS
from kancil.i18n import code_label, fmt_date, fmt_num, fmt_pct, fmt_weekday, t
from kancil.metrics.ikm import ELEMENT_FLOOR, ikm_category_name
from kancil.palette import LANE_COLORS
from kancil.store import clock, connection, queries
from kancil.store import offices as office_directory

SUFFIXES = (".html", ".pdf")
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"]
# The printable area of A4 landscape with 10 mm margins, in CSS pixels (96 per inch).
PX_PER_MM = 96 / 25.4
PRINT_WIDTH_PX = 277 * PX_PER_MM
PRINT_HEIGHT_PX = 190 * PX_PER_MM
PAGE_NAV = {"kuota": "kuota.title", "waktu_layanan": "waktu_layanan.title", "kepuasan": "kepuasan.title",
            "fasilitas": "fasilitas.title"}
DENSE_ATTENTION = 7  # from this many findings the list goes into two columns in smaller type
LONG_ATTENTION = 13  # from this many the whole sheet prints at 90 %, so a browser's own print stays on one page
INK = "#000000"


class ReportError(ValueError):
    """A briefing that cannot be written as asked (output name, folder, office, browser); the message says why."""


# ------------------------------------------------------------------------------------------------ the data


def offices(con: duckdb.DuckDBPyConnection) -> tuple[str, ...]:
    """The offices with tickets in the store (the same list the dashboard's office filter offers)."""
    row = queries.run(con, "store_info").iloc[0]
    return tuple(x for x in str(row["offices"] or "").split(",") if x)


def is_demo(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the store holds demo data: a printed page leaves the dashboard's banner behind, so it needs its own."""
    return queries.run(con, "store_info").iloc[0]["demo"] == "true"


def is_workday(con: duckdb.DuckDBPyConnection, day: dt.date, office: str | None) -> bool:
    """Whether ``day`` is a working day of the office's calendar (the national one without an office)."""
    return morning.last_workdays(con, day, office, 1) == [day]


def _today(zone: str | None = None) -> dt.date:
    """Today's date at the office (``zone``), behind a name the tests can replace (the default day depends on it)."""
    return clock.office_today(zone)


def briefing_day(con: duckdb.DuckDBPyConnection, office: str | None) -> dt.date:
    """The day a morning run reports on: the last working day before the office's today (yesterday after a normal
    working day, Friday on a Monday, the day before a holiday after it)."""
    return morning.default_day(con, _today(office_directory.directory(con).zone(office)) - dt.timedelta(days=1),
                               office)


def collect(con: duckdb.DuckDBPyConnection, day: dt.date, office: str | None) -> tuple[dict, bool]:
    """The briefing's numbers, exactly as the page gets them for that day and office, and the demo flag."""
    return morning.build(con, day, office), is_demo(con)


# ------------------------------------------------------------------------------------------------ charts


def _scale(values: Sequence[float | None]) -> float:
    """The value at the right end of a bar area: the largest value (or marker) plus room, never zero."""
    present = [v for v in values if v is not None]
    return max(max(present, default=0.0) * 1.08, 1.0)


def _svg(width: int, height: int, label: str, body: list[Markup], defs: list[Markup] | None = None) -> Markup:
    parts = [Markup('<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}">').format(width, height,
                                                                                                  label)]
    if defs:
        parts.append(Markup("<defs>") + Markup("").join(defs) + Markup("</defs>"))
    parts.extend(body)
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def _text(x: float, y: float, text: str, cls: str = "", anchor: str = "start") -> Markup:
    return Markup('<text x="{:.1f}" y="{:.1f}" class="{}" text-anchor="{}">{}</text>').format(x, y, cls, anchor, text)


def _rect(x: float, y: float, w: float, h: float, fill: str) -> Markup:
    return Markup('<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}" stroke="{}" '
                  'stroke-width="0.6"/>').format(x, y, max(w, 0.0), h, fill, INK)


def _target_line(x: float, y1: float, y2: float) -> Markup:
    """A dashed black line on a white edge, so a target stays visible across any bar."""
    return Markup('<line x1="{0:.1f}" y1="{1:.1f}" x2="{0:.1f}" y2="{2:.1f}" stroke="#ffffff" stroke-width="4"/>'
                  '<line x1="{0:.1f}" y1="{1:.1f}" x2="{0:.1f}" y2="{2:.1f}" stroke="{3}" stroke-width="1.8" '
                  'stroke-dasharray="3 2"/>').format(x, y1, y2, INK)


def _marker(x: float, y1: float, y2: float) -> Markup:
    """A black line with a white edge: it stays visible across a dark bar, in colour and in grey."""
    return Markup('<line x1="{0:.1f}" y1="{1:.1f}" x2="{0:.1f}" y2="{2:.1f}" stroke="#ffffff" stroke-width="4.2"/>'
                  '<line x1="{0:.1f}" y1="{1:.1f}" x2="{0:.1f}" y2="{2:.1f}" stroke="{3}" stroke-width="2"/>').format(
        x, y1, y2, INK)


def _vline_axis(x: float, y1: float, y2: float) -> Markup:
    return Markup('<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="{}" stroke-width="0.8"/>').format(
        x, y1, x, y2, INK)


def _hatch(pattern_id: str, color: str) -> Markup:
    """Diagonal hatching in the lane's colour on white: p90 bars stay distinct from median bars in grey print."""
    return Markup('<pattern id="{}" patternUnits="userSpaceOnUse" width="5" height="5" '
                  'patternTransform="rotate(45)"><rect width="5" height="5" fill="#ffffff"/>'
                  '<line x1="0" y1="0" x2="0" y2="5" stroke="{}" stroke-width="2.6"/></pattern>').format(pattern_id,
                                                                                                         color)


def quota_chart(data: dict, lang: str) -> Markup:
    """Tickets per lane as bars, the day's quota as an upright line, and both numbers written beside."""
    tickets, quota = data["today"]["tickets"], data["daily_quota"]
    lanes = list(tickets)
    width, label_w, right_w, row_h, bar_h = 340, 76, 96, 34, 18
    x0, x1 = label_w, width - right_w - 6
    top = max(_scale([*tickets.values(), *(quota.get(lane) for lane in lanes)]), 1.0)
    body: list[Markup] = []
    for i, lane in enumerate(lanes):
        y = 6 + i * row_h
        n, q = tickets[lane], quota.get(lane)
        body.append(_text(0, y + bar_h - 4, code_label(lane, lang), "lab"))
        body.append(_rect(x0, y, (x1 - x0) * n / top, bar_h, LANE_COLORS.get(lane, "#777777")))
        if q:
            body.append(_marker(x0 + (x1 - x0) * q / top, y - 4, y + bar_h + 4))
            value = f"{fmt_num(n, lang)}/{fmt_num(q, lang)}"
            note = t("ringkasan.over_by", lang, n=n - q) if n > q else t("ringkasan.under_by", lang, n=q - n)
            if n > q:
                note = "▲ " + note
        else:
            value, note = fmt_num(n, lang), t("report.no_quota_mark", lang)
        body.append(_text(width - right_w, y + 9, value, "val"))
        body.append(_text(width - right_w, y + 20, note, "small"))
    height = 6 + len(lanes) * row_h
    body.append(_vline_axis(x0, 2, height - 4))
    return _svg(width, height, t("report.chart_quota", lang), body)


def wait_chart(data: dict, lang: str) -> Markup:
    """Median (plain) and p90 (hatched) wait per lane, with the lane's target as a dashed line."""
    waits, targets = data["today"]["wait_minutes"], data["targets"]
    lanes = list(waits)
    width, label_w, right_w, row_h, bar_h = 340, 76, 96, 38, 13
    x0, x1 = label_w, width - right_w - 6
    top = _scale([v for lane in lanes for v in (waits[lane]["median"], waits[lane]["p90"],
                                                 targets[f"wait_{lane}"])])
    defs = [_hatch(f"hatch-{lane}", LANE_COLORS.get(lane, "#777777")) for lane in lanes]
    body: list[Markup] = []
    for i, lane in enumerate(lanes):
        y = 6 + i * row_h
        median, p90, target = waits[lane]["median"], waits[lane]["p90"], targets[f"wait_{lane}"]
        body.append(_text(0, y + bar_h + 3, code_label(lane, lang), "lab"))
        if median is not None:
            body.append(_rect(x0, y, (x1 - x0) * median / top, bar_h, LANE_COLORS.get(lane, "#777777")))
        if p90 is not None:
            body.append(_rect(x0, y + bar_h + 2, (x1 - x0) * p90 / top, bar_h, f"url(#hatch-{lane})"))
        body.append(_target_line(x0 + (x1 - x0) * target / top, y - 3, y + 2 * bar_h + 5))
        above = any(v is not None and v > target for v in (median, p90))
        body.append(_text(width - right_w, y + 9, f"{fmt_num(median, lang, 1)} / {fmt_num(p90, lang, 1)}", "val"))
        note = t("report.target_mark", lang, n=fmt_num(target, lang))
        body.append(_text(width - right_w, y + 21, ("▲ " if above else "") + note, "small"))
    height = 6 + len(lanes) * row_h
    body.append(_vline_axis(x0, 2, height - 4))
    return _svg(width, height, t("report.chart_wait", lang), body, defs)


def facility_chart(data: dict, lang: str) -> Markup:
    """Uses of each facility on the day, the count written at the end of each bar (an unused one reads 0)."""
    uses = data["today"]["facility_uses"]
    width, label_w, row_h, bar_h = 340, 130, 22, 14
    x0, x1 = label_w, width - 34
    top = _scale(list(uses.values()))
    body: list[Markup] = []
    for i, facility in enumerate(FACILITIES):
        y = 4 + i * row_h
        n = uses.get(facility, 0)
        bar = (x1 - x0) * n / top
        body.append(_text(0, y + bar_h - 2, code_label(facility, lang), "lab"))
        body.append(_rect(x0, y, bar, bar_h, "#8c8c8c"))
        body.append(_text(x0 + bar + 4, y + bar_h - 2, fmt_num(n, lang), "val"))
    height = 4 + len(FACILITIES) * row_h
    body.append(_vline_axis(x0, 1, height - 3))
    return _svg(width, height, t("report.chart_facilities", lang), body)


# ------------------------------------------------------------------------------------------------ the page

TEMPLATE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ html_title }}</title>
<style>
@page { size: A4 landscape; margin: 10mm; }
html, body { margin: 0; padding: 0; }
body { font-family: Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 9pt; color: #000;
       background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; line-height: 1.25; }
.sheet { width: 277mm; box-sizing: border-box; }
@media print { .sheet.long { zoom: 0.9; } }
@media screen {
  body { background: #d9d9d9; }
  .sheet { background: #fff; margin: 8mm auto; padding: 10mm; width: 297mm; box-shadow: 0 1px 6px #888; }
}
header { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 1.6pt solid #000;
         padding-bottom: 1.5mm; }
h1 { font-size: 15pt; margin: 0; }
.office { font-size: 9pt; margin-top: 0.6mm; }
.when { text-align: right; }
.when .day { font-size: 13pt; font-weight: bold; }
.banner { border: 1.4pt solid #000; font-weight: bold; padding: 1mm 2mm; margin-top: 1.5mm; background: #fff2cc; }
.note { border: 0.8pt dashed #000; padding: 1mm 2mm; margin-top: 1.5mm; }
h2 { font-size: 9.6pt; margin: 2.4mm 0 1mm 0; text-transform: none; }
table.lanes { width: 100%; border-collapse: collapse; }
table.lanes th, table.lanes td { border-bottom: 0.6pt solid #777; padding: 0.9mm 1.4mm; vertical-align: top; }
table.lanes th { text-align: left; font-size: 8pt; border-bottom: 1pt solid #000; }
table.lanes td.num, table.lanes th.num { text-align: right; }
table.lanes td.lane { font-weight: bold; font-size: 10pt; }
table.lanes td.big { font-size: 12pt; font-weight: bold; }
.flag { display: block; font-size: 7.2pt; font-weight: bold; }
.ok { display: block; font-size: 7.2pt; color: #333; }
.caption { font-size: 7.2pt; color: #222; margin-top: 0.8mm; }
.charts { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 4mm; margin-top: 1mm; }
.box { border: 0.8pt solid #000; padding: 1.4mm 2mm; break-inside: avoid; }
.box h3 { font-size: 8.6pt; margin: 0 0 1mm 0; }
svg.chart { width: 100%; height: auto; display: block; }
svg.chart text { font-family: Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 11px; fill: #000; }
svg.chart text.lab { font-size: 10.5px; }
svg.chart text.val { font-size: 11.5px; font-weight: bold; }
svg.chart text.small { font-size: 9.5px; }
.bottom { display: grid; grid-template-columns: 88mm 1fr; gap: 4mm; margin-top: 2.4mm; }
.ikm-score { font-size: 18pt; font-weight: bold; }
.ikm-meta { margin-bottom: 1mm; }
table.elements { border-collapse: collapse; width: 100%; margin: 0.6mm 0 1.2mm 0; }
table.elements td { border: 0.5pt solid #999; padding: 0.4mm 1mm; font-size: 7.8pt; white-space: nowrap; }
table.elements td.low { font-weight: bold; }
.facts { margin: 0; padding: 0; list-style: none; }
.facts li { display: flex; justify-content: space-between; border-top: 0.5pt solid #bbb; padding: 0.6mm 0; }
.facts b { font-size: 9.6pt; white-space: nowrap; padding-left: 2mm; }
ol.attention { margin: 0; padding-left: 5mm; }
ol.attention li { margin: 0 0 1mm 0; break-inside: avoid; }
ol.attention.dense { columns: 2; column-gap: 6mm; font-size: 7.6pt; }
ol.attention.dense li { margin-bottom: 0.6mm; }
.see { font-size: 7pt; color: #333; white-space: nowrap; }
footer { display: flex; justify-content: space-between; gap: 4mm; margin-top: 2mm; padding-top: 1mm;
         border-top: 0.6pt solid #000; font-size: 6.8pt; color: #222; }
</style>
</head>
<body>
<div class="sheet{% if long %} long{% endif %}">
<header>
  <div>
    <h1>{{ title }}</h1>
    <div class="office">{{ office_name }} · {{ office_label }}: <b id="office">{{ office }}</b>
      {%- if filter_text %} · {{ filter_text }}{% endif %}</div>
  </div>
  <div class="when"><div class="day" id="day">{{ day_text }}</div><div id="generated">{{ generated }}</div>
    <div id="zone">{{ zone_note }}</div></div>
</header>
{% if demo %}<div class="banner">{{ demo_text }}</div>{% endif %}
{% for note in notes %}<div class="note">{{ note }}</div>{% endfor %}

<h2>{{ lanes_title }}</h2>
<table class="lanes">
  <thead><tr>
    <th>{{ h.lane }}</th><th class="num">{{ h.tickets_quota }}</th><th>{{ h.quota_left }}</th>
    <th class="num">{{ h.no_show }}</th><th class="num">{{ h.wait_median }}</th><th class="num">{{ h.wait_p90 }}</th>
    <th class="num">{{ h.wait_target }}</th><th class="num">{{ h.completion }}</th>
    <th class="num">{{ h.standard }}</th><th class="num">{{ h.bap }}</th>
  </tr></thead>
  <tbody>
  {% for r in rows %}<tr>
    <td class="lane">{{ r.label }}</td>
    <td class="num big tq" data-lane="{{ r.lane }}">{{ r.tickets_quota }}</td>
    <td>{% if r.over %}<b>▲ {{ r.quota_note }}</b>{% else %}{{ r.quota_note }}{% endif %}</td>
    <td class="num">{{ r.no_show }}</td>
    {% for w in r.waits %}<td class="num wait" data-lane="{{ r.lane }}" data-stat="{{ w.stat }}">{{ w.value }}
      {%- if w.above %}<span class="flag">▲ {{ above_text }}</span>{% endif %}</td>
    {% endfor %}
    <td class="num">{{ r.target }}</td>
    <td class="num">{{ r.completion }}
      {%- if r.late %}<span class="flag">▲ {{ above_text }}</span>{% endif %}</td>
    <td class="num">{{ r.standard }}</td>
    <td class="num">{{ r.bap }}</td>
  </tr>
  {% endfor %}
  </tbody>
</table>
<div class="caption">{{ units }}</div>

<div class="charts">
  {% for c in charts %}<div class="box"><h3>{{ c.title }}</h3>{{ c.svg }}<div class="caption">{{ c.note }}</div></div>
  {% endfor %}
</div>

<div class="bottom">
  <div class="box">
    <h3>{{ ikm_title }}</h3>
    <div class="ikm-score" id="ikm-score">{{ ikm_value }}</div>
    <div class="ikm-meta">{{ ikm_meta }}</div>
    <div class="caption">{{ elements_title }}</div>
    <table class="elements">
      {% for row in elements | batch(3) %}<tr>{% for e in row %}
        <td{% if e.low %} class="low"{% endif %}>{{ e.code }} {{ e.value }}{% if e.low %} ▼{% endif %}</td>
      {% endfor %}</tr>{% endfor %}
    </table>
    <ul class="facts">
      {% for f in facts %}<li><span>{{ f.label }}</span><b>{{ f.value }}</b></li>{% endfor %}
    </ul>
  </div>
  <div class="box">
    <h3>{{ attention_title }}</h3>
    {% if attention %}
    <ol class="attention{% if dense %} dense{% endif %}">
      {% for a in attention %}<li>{{ a.text }} <span class="see">({{ a.see }})</span></li>
      {% endfor %}
    </ol>
    {% else %}<p>{{ nothing }}</p>{% endif %}
  </div>
</div>

<footer><span>{{ source }}</span><span>{{ period }}</span></footer>
</div>
</body>
</html>
"""

_ENV = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
_TEMPLATE = _ENV.from_string(TEMPLATE)


def _filter_text(filters: dict, lang: str) -> str:
    """The filters besides office and day (the page may carry a lane or group), so the paper says what it covers."""
    parts = [f"{t(f'filter.{key}', lang)}: {code_label(filters[key], lang)}"
             for key in ("lane", "group", "service_type", "channel") if filters.get(key)]
    return " · ".join(parts)


def _lane_rows(data: dict, lang: str) -> list[dict]:
    """One row per lane with the page's numbers and the page's rules for 'above target' and 'over quota'."""
    today, recent, targets = data["today"], data["last30"], data["targets"]
    rows = []
    for lane, tickets in today["tickets"].items():
        quota = data["daily_quota"].get(lane)
        target = targets[f"wait_{lane}"]
        completion = recent["completion_workdays"][lane]
        standard = targets["completion_days_percepatan" if lane == "percepatan" else "completion_days"]
        if quota:
            over = tickets - quota
            tickets_quota = f"{fmt_num(tickets, lang)}/{fmt_num(quota, lang)}"
            quota_note = t("ringkasan.over_by", lang, n=over) if over > 0 else t("ringkasan.under_by", lang, n=-over)
        else:
            over, tickets_quota, quota_note = 0, fmt_num(tickets, lang), t("ringkasan.no_quota", lang)
        waits = []
        for stat in ("median", "p90"):
            value = today["wait_minutes"][lane][stat]
            waits.append({"stat": stat, "value": fmt_num(value, lang, 1),
                          "above": value is not None and value > target})
        rows.append({
            "lane": lane,
            "label": code_label(lane, lang),
            "tickets_quota": tickets_quota,
            "over": over > 0,
            "quota_note": quota_note,
            "no_show": fmt_num(today["no_show"][lane], lang),
            "waits": waits,
            "target": t("ringkasan.minutes_value", lang, value=fmt_num(target, lang)),
            "completion": f"{fmt_num(completion['median'], lang, 1)} (n = {fmt_num(completion['n'], lang)})",
            "late": completion["median"] is not None and completion["median"] > standard,
            "standard": t("ringkasan.days_value", lang, value=fmt_num(standard, lang)),
            "bap": fmt_num(today["bap"][lane]["bap"], lang),
        })
    return rows


def _ikm(data: dict, lang: str) -> dict:
    recent = data["last30"]
    ikm = recent["ikm"]
    value = (t("ringkasan.ikm_value", lang, score=fmt_num(ikm["score"], lang, 2), category=ikm["category"] or "—")
             if ikm["score"] is not None else "—")
    period = t("report.ikm_period", lang, start=fmt_date(dt.date.fromisoformat(recent["period"]["from"]), lang),
               end=fmt_date(dt.date.fromisoformat(recent["period"]["to"]), lang))
    meta = " · ".join(x for x in (ikm_category_name(ikm["category"]) or "",
                                  t("ringkasan.responses", lang, n=fmt_num(ikm["responses"], lang)), period) if x)
    elements = []
    for element in IKM_ELEMENTS:
        nrr = ikm["elements"].get(element)
        elements.append({"code": element.upper(), "value": fmt_num(nrr, lang, 2),
                         "low": nrr is not None and nrr < ELEMENT_FLOOR})
    return {"ikm_value": value, "ikm_meta": meta, "elements": elements}


def _facts(data: dict, lang: str) -> list[dict]:
    coverage = data["coverage"]
    total = coverage["vulnerable"]
    share = f" ({fmt_pct(coverage['in_reguler'] / total, lang, 1)})" if total else ""
    by_lane = data["last30"]["ikm"]["by_lane"]
    return [
        {"label": t("ringkasan.open_mismatch", lang), "value": fmt_num(data["open_mismatches"], lang)},
        {"label": t("ringkasan.coverage", lang), "value": t("report.coverage_value", lang, share=fmt_pct(
            coverage["share"], lang, 1), prioritas=fmt_num(coverage["in_prioritas"], lang), n=fmt_num(total, lang))},
        {"label": t("report.vulnerable", lang),
         "value": t("report.vulnerable_value", lang, count=fmt_num(coverage["in_reguler"], lang),
                    total=fmt_num(total, lang)) + share},
        {"label": t("report.ikm_by_lane", lang),
         "value": " · ".join(f"{code_label(lane, lang)} {fmt_num(v['score'], lang, 2)}"
                             for lane, v in by_lane.items())},
    ]


def render_html(data: dict, lang: str = "id", *, demo: bool = False, notes: Sequence[str] = (),
                generated: dt.datetime | None = None) -> str:
    """The whole briefing as one HTML document with its CSS and charts inline: it opens offline and prints on one
    A4 landscape page. ``data`` is ``briefing.build``'s result; ``notes`` are extra lines shown under the header
    (e.g. that the day is not a working day)."""
    day: dt.date = data["day"]
    office = data["filters"].get("office")
    notes = list(notes)
    if sum(data["today"]["tickets"].values()) == 0:
        notes.append(t("report.no_tickets", lang))
    attention = [{"text": morning.attention_text(item, lang),
                  "see": t("report.see_page", lang, page=t(PAGE_NAV.get(item["page"], item["page"]), lang))}
                 for item in data["attention"]]
    headers = {key: t(f"ringkasan.{key}", lang) for key in ("tickets_quota", "no_show", "wait_median", "wait_p90",
                                                         "bap")}
    headers.update(lane=t("report.lane", lang), quota_left=t("report.quota_left", lang),
                   wait_target=t("report.wait_target", lang), completion=t("report.completion_30", lang),
                   standard=t("report.standard", lang))
    targets = data["targets"]
    context = {
        "lang": lang,
        "html_title": t("report.html_title", lang, day=day.isoformat()),
        "title": t("report.title", lang),
        "office_name": t("app.office_name", lang),
        "office_label": t("report.office", lang),
        "office": data.get("office_label") or office or t("report.all_offices", lang),
        "filter_text": _filter_text(data["filters"], lang),
        "day_text": f"{fmt_weekday(day, lang)}, {fmt_date(day, lang, long=True)}",
        "generated": t("report.generated", lang, when=clock.format(generated or clock.utc_now(), data.get("zone"),
                                                                  lang)),
        "zone_note": (data.get("zone_note") or {}).get(lang, ""),
        "demo": demo,
        "demo_text": t("banner.demo", lang),
        "notes": notes,
        "lanes_title": t("ringkasan.lanes", lang),
        "h": headers,
        "rows": _lane_rows(data, lang),
        "above_text": t("ringkasan.above_target", lang),
        "units": t("ringkasan.units", lang, prioritas=fmt_num(targets["wait_prioritas"], lang),
                   reguler=fmt_num(targets["wait_reguler"], lang),
                   percepatan=fmt_num(targets["wait_percepatan"], lang),
                   standard=fmt_num(targets["completion_days"], lang)),
        "charts": [
            {"title": t("report.chart_quota", lang), "svg": quota_chart(data, lang),
             "note": t("report.chart_quota_note", lang)},
            {"title": t("report.chart_wait", lang), "svg": wait_chart(data, lang),
             "note": t("report.chart_wait_note", lang)},
            {"title": t("report.chart_facilities", lang), "svg": facility_chart(data, lang),
             "note": t("report.chart_facilities_note", lang)},
        ],
        "ikm_title": t("ringkasan.ikm", lang),
        "elements_title": t("report.ikm_elements", lang),
        "facts": _facts(data, lang),
        "attention_title": t("ringkasan.attention", lang),
        "attention": attention,
        "dense": len(attention) >= DENSE_ATTENTION,
        "long": len(attention) >= LONG_ATTENTION,
        "nothing": t("ringkasan.nothing", lang),
        "source": t("report.source", lang),
        "period": day.isoformat() + (f" · {office}" if office else ""),
        **_ikm(data, lang),
    }
    return _TEMPLATE.render(context)


# ------------------------------------------------------------------------------------------------ files


def check_output(out: Path, lang: str = "id") -> str:
    """The output's kind (``.html`` or ``.pdf``), checked before any work so a typo fails at once."""
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReportError(t("report.cli.bad_suffix", lang, path=out))
    if not out.resolve().parent.is_dir():
        raise ReportError(t("report.cli.no_folder", lang, path=out.resolve().parent))
    return suffix


def html_to_pdf(html: str, out: Path, lang: str = "id") -> None:
    """Print the HTML with headless Chromium to a one-page PDF.

    The page is measured at the printable width first; if it is taller than the printable height (a long
    "Perlu perhatian" list), it is printed scaled down rather than spilling onto a second page. The browser runs
    offline: the document needs nothing from a network, and this proves it.
    """
    browser_path = config.chromium()
    if not browser_path.exists():
        raise ReportError(t("report.cli.no_browser", lang, path=browser_path))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(browser_path), headless=True, args=BROWSER_ARGS)
        try:
            context = browser.new_context(offline=True, viewport={"width": round(PRINT_WIDTH_PX),
                                                                  "height": round(PRINT_HEIGHT_PX)})
            page = context.new_page()
            page.emulate_media(media="print")
            page.set_content(html, wait_until="load")
            height = float(page.evaluate("() => document.querySelector('.sheet').getBoundingClientRect().height"))
            scale = min(1.0, PRINT_HEIGHT_PX * 0.98 / height) if height > 0 else 1.0
            page.pdf(path=str(out), format="A4", landscape=True, print_background=True, prefer_css_page_size=True,
                     scale=max(scale, 0.1))
        finally:
            browser.close()


def write_report(data: dict, out: Path, lang: str = "id", *, demo: bool = False, notes: Sequence[str] = ()) -> Path:
    """Write the briefing to ``out`` (.html or .pdf) through a temporary file in the same folder, so a reader of
    a shared folder never opens a half-written file."""
    suffix = check_output(out, lang)
    html = render_html(data, lang, demo=demo, notes=notes)
    tmp = out.with_name(f".{out.stem}.{os.getpid()}.tmp{suffix}")
    try:
        if suffix == ".html":
            tmp.write_text(html, encoding="utf-8")
        else:
            html_to_pdf(html, tmp, lang)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


def write_briefing(db: Path | str, day: dt.date, out: Path, office: str | None = None, lang: str = "id") -> Path:
    """The briefing of ``day`` from the store ``db`` as ``out`` (.html or .pdf by its suffix).

    The store is read and closed before Chromium starts, so printing a PDF never holds the file against an ingest.
    """
    check_output(out, lang)
    with connection.reader(db) as con:
        if office and office not in offices(con):
            raise ReportError(t("report.cli.unknown_office", lang, office=office,
                                known=", ".join(offices(con)) or "—"))
        data, demo = collect(con, day, office)
    return write_report(data, out, lang, demo=demo)
