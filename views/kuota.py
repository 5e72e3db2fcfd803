"""Kuota: daily tickets against each lane's quota, over-quota days, the fill-rate calendar, the time of day the
priority quota runs out, the applicant mix per lane and how many vulnerable applicants the priority lane reaches.

The study's finding made visible: priority applications exceed the daily priority quota on busy days. Every
number comes from the catalogue's figures (quota_daily, quota_reached_time, ticket_mix_by_lane, coverage_by_group)
and the KPI object (``data.summary``, the numbers of ``python -m kancil summary``).
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from kancil.contract import GROUPS, LANES
from kancil.metrics import quota
from kancil.palette import CHANNEL_COLORS, GROUP_COLORS, LANE_COLORS
from kancil.web import data, frame, tables
from kancil.web.charts import bars, base, heat, points
from kancil.web.text import clock, code, count, day, pct, period, small, tr, weekday
from kancil.web.text import points as pp
from views.parts import kuota_perkiraan

filters, info = frame.page()
lanes = (filters.lane,) if filters.lane else LANES
daily = data.figure("quota_daily", filters)
if daily.empty:
    frame.no_data()
    st.stop()

st.caption(tr("kuota.intro"))
ticket_filters = [tr(f"filter.{f}") for f in ("group", "service_type", "channel") if getattr(filters, f)]
if ticket_filters:
    st.info(tr("kuota.ticket_filters", names=", ".join(ticket_filters)))
now, before = data.summary(filters), data.summary(filters.previous())
previous = period(filters.previous())

over_lane = "prioritas" if "prioritas" in lanes else lanes[0]
left, right = st.columns(2)
q_now, q_before = now["quota"][over_lane], before["quota"][over_lane]
with left.container(border=True):
    st.metric(tr("kuota.kpi.over", lane=code(over_lane)),
              tr("kuota.kpi.over_value", over=count(q_now["over_quota_days"]), days=count(q_now["days"])),
              tr("kuota.kpi.over_delta", value=f"{q_now['over_quota_days'] - q_before['over_quota_days']:+d}"),
              delta_color="off" if q_now["over_quota_days"] == q_before["over_quota_days"] else "inverse",
              help=tr("kuota.kpi.over_help", previous=previous, over=count(q_before["over_quota_days"]),
                      days=count(q_before["days"])))
    st.caption(tr("kuota.kpi.over_caption"))
with right.container(border=True):
    st.metric(tr("kuota.kpi.coverage"), pct(now["coverage"]["share"]),
              pp(now["coverage"]["share"], before["coverage"]["share"]),
              help=tr("kuota.kpi.coverage_help", previous=previous, before=pct(before["coverage"]["share"])))
    st.caption(tr("kuota.kpi.n_caption", n=count(now["coverage"]["vulnerable"]), note=""))
with st.container(border=True):
    for column, lane in zip(st.columns(len(lanes)), lanes, strict=True):
        fill, fill_before = now["quota"][lane]["fill_rate"], before["quota"][lane]["fill_rate"]
        column.metric(tr("kuota.kpi.fill", lane=code(lane)), pct(fill), pp(fill, fill_before), delta_color="off",
                      help=tr("kuota.kpi.fill_help", previous=previous, before=pct(fill_before)))
        column.caption(tr("kuota.kpi.days_caption", days=count(now["quota"][lane]["days"])))
st.caption(tr("kuota.kpi.deltas", previous=previous))
reached = data.figure("quota_reached_time", filters)
if "prioritas" in lanes and q_now["days"]:
    if q_now["over_quota_days"] == 0 or reached.empty:
        st.info(tr("kuota.finding_none"), icon=":material/check_circle:")
    else:
        st.warning(tr("kuota.finding", over=count(q_now["over_quota_days"]), days=count(q_now["days"]),
                      share=pct(q_now["over_quota_share"], 0), time=clock(reached["median_reached_minute"].iloc[0])),
                   icon=":material/warning:")

st.subheader(tr("kuota.daily.title"))
present = [lane for lane in lanes if lane in set(daily["lane"])]
chosen = present[0] if len(present) == 1 else st.radio(
    tr("kuota.lane_pick"), present, horizontal=True, key="grafik_jalur", format_func=code, bind="query-params")
rows = daily[daily["lane"] == chosen]
hovers = [tr("kuota.hover.day", day=day(d), tickets=count(t), quota=count(q)) if has else
          tr("kuota.hover.no_quota", day=day(d), tickets=count(t))
          for d, t, q, has in zip(rows["tanggal"], rows["tickets"], rows["quota"], rows["quota_days"] > 0, strict=True)]
fig = bars.daily_quota(rows, LANE_COLORS[chosen], bars.tr_names("kuota.trace", "tickets", "over", "no_quota", "quota"),
                       hovers, tr("kuota.axis.date"), tr("kuota.axis.tickets"), (filters.date_from, filters.date_to))
offices = tr("kuota.all_offices") if not filters.office and len(info["offices"]) > 1 else ""
base.show(fig, rows, "quota_daily", tr("kuota.daily.caption", lane=code(chosen), period=period(filters),
                                       offices=offices), f"kuota_daily_{chosen}")

st.subheader(tr("kuota.calendar.title"))
grid = quota.calendar_grid(rows)
if not grid.empty:
    weekdays = [weekday(d + 1) for d in grid.index]
    few = len(grid.columns) <= 14
    cells = [[f"{weekday(d + 1)}, {day(week + dt.timedelta(days=int(d)))}" for week in grid.columns]
             for d in grid.index]
    fig = heat.heatmap(grid.to_numpy(dtype=float), list(grid.columns), weekdays,
                       [[pct(v, 0) if few and v == v else "" for v in row] for row in grid.to_numpy(dtype=float)],
                       colorscale=[[0, "#deebf7"], [0.5, "#3182bd"], [0.5, "#fcbba1"], [1, base.ALERT_COLOR]],
                       zmax=2, colorbar=tr("kuota.colorbar"), tickformat=".0%", customdata=cells,
                       hover="%{customdata}: %{z:.0%}<extra></extra>", x_title=tr("kuota.axis.week"),
                       x_ticks=base.date_ticks(grid.columns), row_height=50)
    base.show(fig, rows[rows["quota_days"] > 0], "quota_daily", tr("kuota.calendar.caption", lane=code(chosen),
              period=period(filters)), f"kuota_calendar_{chosen}", ["tanggal", "tickets", "quota", "fill_rate"])

st.subheader(tr("kuota.reached.title"))
if filters.lane not in (None, "prioritas"):
    st.info(tr("kuota.reached.lane"))
elif reached.empty:
    st.info(tr("kuota.reached.none"))
else:
    many = len(info["offices"]) > 1
    hovers = [tr("kuota.reached.hover", day=day(d), quota=count(q), time=clock(m), tickets=count(t))
              + (f" · {o}" if many else "") for d, q, m, t, o in zip(
                  reached["tanggal"], reached["daily_quota"], reached["reached_minute"], reached["tickets"],
                  reached["office_code"], strict=True)]
    median = float(reached["median_reached_minute"].iloc[0])
    fig = points.time_of_day(reached["tanggal"], reached["reached_minute"], hovers, median,
                             tr("kuota.reached.trace"), tr("kuota.reached.median", time=clock(median)),
                             tr("kuota.axis.date"), tr("kuota.axis.time"), (filters.date_from, filters.date_to))
    base.show(fig, reached, "quota_reached_time", tr("kuota.reached.caption", period=period(filters)),
              "kuota_reached", ["office_code", "tanggal", "daily_quota", "tickets", "reached_minute"])
mix = data.figure("ticket_mix_by_lane", filters)
if not mix.empty:
    st.subheader(tr("kuota.mix.title"))
    shown = [lane for lane in lanes if lane in set(mix["lane"])]
    totals = mix.groupby("lane")["lane_tickets"].first()
    names = [tr("kuota.lane_n", lane=code(lane), n=count(totals[lane])) for lane in shown]
    parts = []
    for panel, (dimension, codes, colors) in enumerate((("applicant_group", GROUPS, GROUP_COLORS),
                                                         ("channel", tuple(CHANNEL_COLORS), CHANNEL_COLORS))):
        cells = mix[(mix["dimension"] == dimension) & ~mix["_hidden"]].set_index(["lane", "code"])
        for c in codes:
            found = [(lane, c) in cells.index for lane in shown]
            shares = [float(cells.at[(lane, c), "share"]) if f else 0.0 for lane, f in zip(shown, found, strict=True)]
            tickets = [int(cells.at[(lane, c), "tickets"]) if f else 0 for lane, f in zip(shown, found, strict=True)]
            if any(tickets):
                parts.append({"panel": panel, "name": code(c), "color": colors[c], "shares": shares,
                              "counts": tickets, "group": tr(("kuota.mix.groups", "kuota.mix.channels")[panel])})
    fig = bars.stacked_shares(parts, names, [tr("kuota.mix.groups"), tr("kuota.mix.channels")],
                              height=max(400, 170 + 60 * len(shown)))
    base.show(fig, mix, "ticket_mix_by_lane", tr("kuota.mix.caption", period=period(filters)), "kuota_mix")

st.subheader(tr("kuota.coverage.title"))
coverage = data.figure("coverage_by_group", filters)
groups = coverage[coverage["applicant_group"].notna()]
if groups.empty:
    st.info(tr("kuota.coverage.none"))
else:
    rows = tables.ordered(coverage, "applicant_group", GROUPS)
    small_n = [small(n) for n in rows["n"]]
    labels = [code(g) if isinstance(g, str) else tr("kuota.coverage.total") for g in rows["applicant_group"]]
    shown = zip(*(tables.cells(rows, "coverage_by_group", c) for c in ("coverage", "in_prioritas", "n")), strict=True)
    texts = [tr("kuota.coverage.label", share=s, prioritas=p, n=n) for s, p, n in shown]
    fig = bars.hbars(labels, rows["coverage"], texts,
                     [LANE_COLORS["prioritas"] if isinstance(g, str) else "#073763" for g in rows["applicant_group"]],
        tr("kuota.axis.coverage"), small_n, [0, 1.3], ".0%", tickvals=[0, 0.25, 0.5, 0.75, 1])
    shown_rows = rows.assign(applicant_group=rows["applicant_group"].fillna("semua_rentan"))
    base.show(fig, shown_rows, "coverage_by_group", tr("kuota.coverage.caption", period=period(filters)),
              "kuota_coverage")
kuota_perkiraan.render(filters, info, chosen)
