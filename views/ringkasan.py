"""Ringkasan pagi: what needs attention first, then the day per lane against quota and targets beside the same
weekday of the last four weeks, then the offices side by side.

Built for a projector and a 1366×768 laptop: the day, the office and the "Perlu perhatian" list fill the first
screen, each finding with a link to the exact view that shows its evidence. Its scope is the office and the day:
the sidebar's lane, group, service and channel filters do not change it (the page says so). Every number comes
from kancil/briefing/morning.py, like the printed briefing and its e-mail.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from kancil.briefing import morning
from kancil.contract import FACILITIES
from kancil.web import data, frame, links, tables
from kancil.web.charts import bars, base
from kancil.web.text import code, count, lang, num, pct, tr, weekday_of
from kancil.web.text import day as day_text

filters, info = frame.page()
if "f_hari" not in st.session_state:
    st.session_state["f_hari"] = data.default_briefing_day(info["anchor"], filters.office)
head, pick = st.columns([4, 1], vertical_alignment="bottom")
chosen: dt.date = pick.date_input(tr("ringkasan.day"), key="f_hari", format="DD/MM/YYYY")
day = data.default_briefing_day(chosen, filters.office)
st.query_params["hari"] = chosen.isoformat()
where = data.directory().label(filters.office) if filters.office else tr("ringkasan.all_offices")
head.markdown(f"### {weekday_of(day)}, {day_text(day, long=True)} · {where}")
if day != chosen:
    st.info(tr("ringkasan.not_workday_moved", chosen=day_text(chosen, long=True), day=day_text(day, long=True)))
ignored = [tr(f"filter.{f}") for f in ("lane", "group", "service_type", "channel") if getattr(filters, f)]
if ignored:
    st.caption(tr("ringkasan.scope_note", names=", ".join(ignored)))

brief = data.briefing(day, filters.office)
today, recent, targets = brief["today"], brief["last30"], brief["targets"]
if sum(today["tickets"].values()) == 0:
    frame.no_data()
    st.stop()

st.subheader(tr("ringkasan.attention"))
if not brief["attention"]:
    st.success(tr("ringkasan.nothing"))
for item in brief["attention"]:
    text_col, link_col = st.columns([7, 1], vertical_alignment="center")
    text_col.warning(morning.attention_text(item, lang()), icon=":material/priority_high:")
    link_col.page_link(links.page_file(item["page"]), label=tr("ringkasan.see"), icon=":material/arrow_forward:",
                       query_params=links.query_params(item["page"], item["target"]))

st.subheader(tr("ringkasan.lanes"))
st.caption(tr("ringkasan.units", prioritas=num(targets["wait_prioritas"], 0), reguler=num(targets["wait_reguler"], 0),
              percepatan=num(targets["wait_percepatan"], 0), standard=num(targets["completion_days"], 0)))
for lane in today["tickets"]:
    tickets, quota, wait = today["tickets"][lane], brief["daily_quota"].get(lane), today["wait_minutes"][lane]
    target, completion = targets[f"wait_{lane}"], recent["completion_workdays"][lane]
    cols = st.columns([1.1, 1.3, 0.8, 1, 1, 1, 0.6])
    cols[0].markdown(f"#### {code(lane)}")
    if quota:
        over = tickets - quota
        cols[1].metric(tr("ringkasan.tickets_quota"), f"{count(tickets)}/{count(quota)}", tr(
            "ringkasan.over_by" if over > 0 else "ringkasan.under_by", n=count(abs(over))),
            delta_color="inverse" if over > 0 else "off", delta_arrow="off")
    else:
        cols[1].metric(tr("ringkasan.tickets_quota"), count(tickets), tr("ringkasan.no_quota"), delta_color="off",
                       delta_arrow="off")
    cols[2].metric(tr("ringkasan.no_show"), count(today["no_show"][lane]))
    for col, stat in ((cols[3], "median"), (cols[4], "p90")):
        above = wait[stat] is not None and wait[stat] > target
        col.metric(tr(f"ringkasan.wait_{stat}"), num(wait[stat]), tr("ringkasan.target", target=num(target, 0)),
                   delta_color="inverse" if above else "normal", delta_arrow="off")
    late = completion["median"] is not None and completion["median"] > morning.lane_standard(lane, targets)
    cols[5].metric(tr("ringkasan.completion"), num(completion["median"]), f"n = {count(completion['n'])}",
                   delta_color="inverse" if late else "off", delta_arrow="off")
    cols[6].metric(tr("ringkasan.bap"), count(today["bap"][lane]["bap"]))
history = tables.frame_of(brief["history"], "briefing_history")
if not history.empty:
    fig = bars.history_panels(history, list(today["tickets"]), tr("ringkasan.history.day"),
                              tr("ringkasan.history.tickets"))
    base.show(fig, history, "briefing_history", tr("ringkasan.history.caption", weekday=weekday_of(day)),
              "ringkasan_history")

left, middle, right = st.columns(3)
ikm = recent["ikm"]
left.metric(tr("ringkasan.ikm"), tr("ringkasan.ikm_value", score=num(ikm["score"], 2), category=ikm["category"] or "—")
            if ikm["score"] is not None else "—", tr("ringkasan.responses", n=count(ikm["responses"])),
            delta_color="off", delta_arrow="off")
left.caption(tr("ringkasan.ikm_by_lane", lanes=" · ".join(
    f"{code(lane)} {num(v['score'], 2)} (n = {count(v['responses'])})" for lane, v in ikm["by_lane"].items())))
middle.metric(tr("ringkasan.coverage"), pct(brief["coverage"]["share"]), tr(
    "ringkasan.coverage_n", prioritas=count(brief["coverage"]["in_prioritas"]),
    n=count(brief["coverage"]["vulnerable"])), delta_color="off", delta_arrow="off")
right.metric(tr("ringkasan.open_mismatch"), count(brief["open_mismatches"]), tr("ringkasan.open_as_of",
             day=day_text(day)), delta_color="off", delta_arrow="off")
st.markdown(f"**{tr('ringkasan.facilities', day=day_text(day))}**")
for row in (FACILITIES[:3], FACILITIES[3:]):  # two rows: no facility's name is cut on a 1366-px screen
    for col, facility in zip(st.columns(3), row, strict=False):
        col.metric(code(facility), count(today["facility_uses"][facility]))

if not filters.office and len(brief["offices"]) > 1:
    st.subheader(tr("ringkasan.offices.title"))
    offices = tables.frame_of(brief["offices"], "office_comparison")
    tables.show(offices, "office_comparison", "ringkasan_offices")
    st.caption(tr("ringkasan.offices.caption", day=day_text(day), target=num(targets["wait_prioritas"], 0)))
    daily = data.figure("office_daily", filters.replace(date_from=day - dt.timedelta(days=27), date_to=day))
    fig = bars.office_panels(daily, list(offices["office_code"])[:12], tr("ringkasan.offices.tickets"))
    base.show(fig, daily, "office_daily", tr("ringkasan.offices.daily_caption"), "ringkasan_office_daily")

st.download_button(tr("ringkasan.print"), data.briefing_html(day, filters.office, lang(), info["demo"]),
                   file_name=f"ringkasan-{day.isoformat()}.html", mime="text/html", key="brief_print",
                   icon=":material/print:", on_click="ignore")
