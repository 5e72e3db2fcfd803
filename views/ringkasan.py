"""Ringkasan pagi: yesterday (or a chosen day) per lane against quota and targets, and what needs attention.

Built for a projector: one row per lane of big numbers, units stated once, then the "Perlu perhatian" list.
Every number comes from kancil/briefing/morning.py (which uses metrics.summary), like the printed briefing.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from kancil import pages
from kancil.briefing import printout
from kancil.briefing.morning import attention_text
from kancil.contract import FACILITIES
from kancil.i18n import code_label, fmt_date, fmt_num
from kancil.web import data, frame
from kancil.web.text import lang as session_lang
from kancil.web.text import tr

filters, info = frame.page()
lang = session_lang()

if "f_hari" not in st.session_state:
    st.session_state["f_hari"] = data.default_briefing_day(info["anchor"], filters.office)
day_col, caption_col = st.columns([1, 3], vertical_alignment="bottom")
day: dt.date = day_col.date_input(tr("ringkasan.day"), key="f_hari", format="DD/MM/YYYY")
caption_col.caption(tr("ringkasan.day_caption", day=fmt_date(day, lang, long=True)))
st.query_params["hari"] = day.isoformat()

brief = data.briefing(day, filters.replace(date_from=day, date_to=day))
today, recent, targets = brief["today"], brief["last30"], brief["targets"]
if sum(today["tickets"].values()) == 0:
    frame.no_data()
    st.stop()

st.subheader(tr("ringkasan.lanes"))
st.caption(tr("ringkasan.units", prioritas=fmt_num(targets["wait_prioritas"], lang),
                 reguler=fmt_num(targets["wait_reguler"], lang), percepatan=fmt_num(targets["wait_percepatan"], lang),
                 standard=fmt_num(targets["completion_days"], lang)))
for lane in today["tickets"]:
    tickets = today["tickets"][lane]
    wait = today["wait_minutes"][lane]
    target = targets[f"wait_{lane}"]
    completion = recent["completion_workdays"][lane]
    standard = targets["completion_days_percepatan" if lane == "percepatan" else "completion_days"]
    cols = st.columns([1.1, 1.3, 0.8, 1, 1, 1, 0.6])
    cols[0].markdown(f"#### {code_label(lane, lang)}")
    daily_quota = brief["daily_quota"].get(lane)
    if daily_quota:
        over = tickets - daily_quota
        cols[1].metric(tr("ringkasan.tickets_quota"), f"{fmt_num(tickets, lang)}/{fmt_num(daily_quota, lang)}",
                       tr("ringkasan.over_by", n=over) if over > 0 else tr("ringkasan.under_by", n=-over),
                       delta_color="inverse" if over > 0 else "off", delta_arrow="off")
    else:
        cols[1].metric(tr("ringkasan.tickets_quota"), fmt_num(tickets, lang), tr("ringkasan.no_quota"),
                       delta_color="off", delta_arrow="off")
    cols[2].metric(tr("ringkasan.no_show"), fmt_num(today["no_show"][lane], lang))
    for col, stat in ((cols[3], "median"), (cols[4], "p90")):
        value = wait[stat]
        above = value is not None and value > target
        col.metric(tr(f"ringkasan.wait_{stat}"), fmt_num(value, lang, 1),
                   tr("ringkasan.target", target=fmt_num(target, lang)),
                   delta_color="inverse" if above else "normal", delta_arrow="off")
    late = completion["median"] is not None and completion["median"] > standard
    cols[5].metric(tr("ringkasan.completion"), fmt_num(completion["median"], lang, 1),
                   f"n = {fmt_num(completion['n'], lang)}", delta_color="inverse" if late else "off",
                   delta_arrow="off")
    cols[6].metric(tr("ringkasan.bap"), fmt_num(today["bap"][lane]["bap"], lang))

st.divider()
# IKM and open cases side by side, the five facilities on their own row: no label is cut on a 1366-px screen
left, right = st.columns(2)
ikm = recent["ikm"]
left.metric(tr("ringkasan.ikm"),
            tr("ringkasan.ikm_value", score=fmt_num(ikm["score"], lang, 2), category=ikm["category"] or "—")
            if ikm["score"] is not None else "—",
            tr("ringkasan.responses", n=fmt_num(ikm["responses"], lang)), delta_color="off", delta_arrow="off")
right.metric(tr("ringkasan.open_mismatch"), fmt_num(brief["open_mismatches"], lang))
st.markdown(f"**{tr('ringkasan.facilities')}**")
for col, facility in zip(st.columns(len(FACILITIES)), FACILITIES, strict=True):
    col.metric(code_label(facility, lang), fmt_num(today["facility_uses"][facility], lang))

st.divider()
st.subheader(tr("ringkasan.attention"))
if not brief["attention"]:
    st.success(tr("ringkasan.nothing"))
for item in brief["attention"]:
    text_col, link_col = st.columns([6, 1], vertical_alignment="center")
    text_col.warning(attention_text(item, lang), icon=":material/priority_high:")
    link_col.page_link(pages.BY_KEY[item["page"]].file, label=tr("ringkasan.see"), icon=":material/arrow_forward:")

st.divider()
st.download_button(tr("ringkasan.print"), printout.render_html(brief, lang, demo=info["demo"]),
                   file_name=f"ringkasan-{day.isoformat()}.html", mime="text/html", key="brief_print",
                   icon=":material/print:", on_click="ignore")
