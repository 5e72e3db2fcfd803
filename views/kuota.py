"""Kuota: daily tickets against each lane's quota, over-quota days, the fill-rate calendar, the time of day the
priority quota runs out, the applicant mix per lane and how many vulnerable applicants the priority lane reaches.

The KPI cards use ``metrics.summary`` (the numbers of ``python -m kancil summary``); the daily query
(``quota_daily``) sums per lane to the same numbers (tests/test_page_kuota.py checks it). The study's finding made
visible: priority applications exceed the daily priority quota on busy days.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from plotly.subplots import make_subplots

from kancil.contract import GROUPS, LANES
from kancil.i18n import code_label, fmt_date, fmt_num, fmt_pct, fmt_weekday
from kancil.metrics import quota, stats
from kancil.palette import LANE_COLORS
from kancil.web import ui
from kancil.web.charts import FONT_SIZE, styled
from kancil.web.ui import count, pct, tr

OVER_COLOR = "#cc0000"
NO_QUOTA_COLOR = "#c8c8c8"
SMALL_COLOR = "#c8c8c8"
QUOTA_LINE_COLOR = "#222222"
GROUP_COLORS = {"lansia": "#0b5394", "disabilitas": "#6fa8dc", "ibu_hamil": "#8e7cc3", "ibu_balita": "#c27ba0",
                "anak": "#f1c232", "sakit": "#76a5af", "umum": "#999999"}
CHANNEL_COLORS = {"m_paspor": "#6aa84f", "langsung": "#b45f06"}
MONDAY = dt.date(2024, 1, 1)
DAY_WIDTH = 0.8 * 86_400_000  # a bar is 80% of a day wide (date axes are in milliseconds)

filters, info = ui.frame("nav.quota", "kuota", ("antrian", "kuota"))
lang = ui.lang()
lanes: tuple[str, ...] = (filters.lane,) if filters.lane else LANES


# ------------------------------------------------------------------------------------------------ formatting


def period(f=filters) -> str:  # noqa: ANN001 - a Filters
    return tr("kuota.period", start=fmt_date(f.date_from, lang), end=fmt_date(f.date_to, lang))


def clock(minute: float) -> str:
    """Minutes after midnight as 10.30 (Indonesian) or 10:30 (English)."""
    whole = int(round(minute))
    return f"{whole // 60:02d}{'.' if lang == 'id' else ':'}{whole % 60:02d}"


def points(now: float | None, before: float | None) -> str | None:
    """The change of a share in percentage points, signed; None without both values."""
    if now is None or before is None:
        return None
    change = round((now - before) * 100, 1) + 0.0
    return tr("kuota.pp", value=("+" if change > 0 else "") + fmt_num(change, lang, 1))



def date_axis(fig: go.Figure, whole_period: bool = True) -> None:
    """Ticks labelled in the reader's language; the axis spans the filter period (half a day of margin)."""
    values, labels = quota.date_ticks(filters.date_from, filters.date_to, lang)
    fig.update_xaxes(tickvals=values, ticktext=labels)
    if whole_period:
        half = pd.Timedelta(hours=12)
        fig.update_xaxes(range=[pd.Timestamp(filters.date_from) - half, pd.Timestamp(filters.date_to) + half])


# ------------------------------------------------------------------------------------------------ KPI cards


def coverage_total(frame: pd.DataFrame) -> dict:
    total = frame[frame["applicant_group"].isna()]
    if total.empty or int(total["n"].iloc[0]) == 0:
        return {"n": 0, "coverage": None}
    return {"n": int(total["n"].iloc[0]), "coverage": float(total["coverage"].iloc[0])}


def kpi_cards(now: dict, before: dict, coverage_now: dict, coverage_before: dict) -> None:
    """Over-quota days, fill rate per lane and coverage, each with the change against the previous period."""
    previous = period(filters.previous())
    over_lane = "prioritas" if "prioritas" in lanes else lanes[0]
    # two rows, so no label is cut on a 1366-px screen: over-quota days and coverage, then the fill per lane
    left, right = st.columns(2)
    middle = st.container()
    q_now, q_before = now["quota"][over_lane], before["quota"][over_lane]
    change = q_now["over_quota_days"] - q_before["over_quota_days"]
    with left.container(border=True):
        st.metric(tr("kuota.kpi.over", lane=code_label(over_lane, lang)),
                  tr("kuota.kpi.over_value", over=count(q_now["over_quota_days"]), days=count(q_now["days"])),
                  tr("kuota.kpi.over_delta", value=("+" if change > 0 else "") + count(change)),
                  delta_color="off" if change == 0 else "inverse",
                  help=tr("kuota.kpi.over_help", previous=previous, over=count(q_before["over_quota_days"]),
                          days=count(q_before["days"])))
        st.caption(tr("kuota.kpi.over_caption"))
    with middle.container(border=True):
        for column, lane in zip(st.columns(len(lanes)), lanes, strict=True):
            fill, fill_before = now["quota"][lane]["fill_rate"], before["quota"][lane]["fill_rate"]
            column.metric(tr("kuota.kpi.fill", lane=code_label(lane, lang)), pct(fill), points(fill, fill_before),
                          delta_color="off",
                          help=tr("kuota.kpi.fill_help", previous=previous, before=pct(fill_before)))
            column.caption(tr("kuota.kpi.days_caption", days=count(now["quota"][lane]["days"])))
    cover, cover_before = coverage_now["coverage"], coverage_before["coverage"]
    with right.container(border=True):
        st.metric(tr("kuota.kpi.coverage"), pct(cover), points(cover, cover_before),
                  help=tr("kuota.kpi.coverage_help", previous=previous, before=pct(cover_before)))
        small = tr("kuota.small_suffix") if stats.is_small(coverage_now["n"]) else ""
        st.caption(tr("kuota.kpi.n_caption", n=count(coverage_now["n"]), note=small))
    st.caption(tr("kuota.kpi.deltas", previous=previous))


def finding(now: dict, reached: pd.DataFrame) -> None:
    """The study's finding, stated from this period's numbers: priority demand above the priority quota."""
    if "prioritas" not in lanes or now["quota"]["prioritas"]["days"] == 0:
        return
    q = now["quota"]["prioritas"]
    if q["over_quota_days"] == 0 or reached.empty:
        st.info(tr("kuota.finding_none"), icon=":material/check_circle:")
        return
    st.warning(tr("kuota.finding", over=count(q["over_quota_days"]), days=count(q["days"]),
                  share=fmt_pct(q["over_quota_days"] / q["days"], lang),
                  time=clock(float(reached["median_reached_minute"].iloc[0]))), icon=":material/warning:")


# ------------------------------------------------------------------------------------------------ daily chart


def daily_chart(daily: pd.DataFrame, lane: str) -> None:
    rows = daily[daily["lane"] == lane]
    if rows.empty:
        ui.no_data()
        return
    quota_day = rows["quota_days"] > 0
    over = rows["over_quota_days"] > 0
    days = [fmt_date(pd.Timestamp(d).date(), lang) for d in rows["tanggal"]]
    hover = [tr("kuota.hover.day", day=day, tickets=count(t), quota=count(q)) if has else
             tr("kuota.hover.no_quota", day=day, tickets=count(t))
             for day, t, q, has in zip(days, rows["tickets"], rows["quota"], quota_day, strict=True)]
    rows = rows.assign(hover=hover)
    fig = go.Figure()
    for name, mask, color, pattern in (
        ("kuota.trace.tickets", quota_day & ~over, LANE_COLORS[lane], ""),
        ("kuota.trace.over", over, OVER_COLOR, ""),
        ("kuota.trace.no_quota", ~quota_day, NO_QUOTA_COLOR, "/"),
    ):
        part = rows[mask]
        if part.empty:
            continue
        fig.add_trace(go.Bar(x=part["tanggal"], y=part["tickets"], name=tr(name), marker_color=color, width=DAY_WIDTH,
                             marker_pattern_shape=pattern, customdata=part["hover"],
                             hovertemplate="%{customdata}<extra></extra>"))
    quota = rows[quota_day]
    if not quota.empty:
        fig.add_trace(go.Scatter(x=quota["tanggal"], y=quota["quota"], name=tr("kuota.trace.quota"), mode="lines",
                                 line={"shape": "hv", "color": QUOTA_LINE_COLOR, "width": 3}, hoverinfo="skip"))
    fig.update_layout(barmode="overlay", bargap=0.15)
    date_axis(fig)
    styled(fig, tr("kuota.axis.date"), tr("kuota.axis.tickets"))
    offices = tr("kuota.all_offices") if not filters.office and len(info["offices"]) > 1 else ""
    data = rows.drop(columns="hover")
    ui.chart(fig, data, tr("kuota.daily.caption", lane=code_label(lane, lang), period=period(), offices=offices),
             f"kuota_daily_{lane}")


def calendar_chart(daily: pd.DataFrame, lane: str) -> None:
    rows = daily[daily["lane"] == lane]
    grid = quota.calendar_grid(rows)
    if grid.empty:
        return
    weekdays = [fmt_weekday(MONDAY + dt.timedelta(days=int(d)), lang) for d in grid.index]
    z = grid.to_numpy(dtype=float)
    few = len(grid.columns) <= 14
    text = [[pct(v) if few and not pd.isna(v) else "" for v in row] for row in z]
    days = [[f"{weekdays[i]}, {fmt_date(week + dt.timedelta(days=int(d)), lang)}" for week in grid.columns]
            for i, d in enumerate(grid.index)]
    fig = go.Figure(go.Heatmap(
        z=z, x=list(grid.columns), y=weekdays, text=text, texttemplate="%{text}", textfont={"size": FONT_SIZE - 3},
        customdata=days, colorscale=[[0, "#deebf7"], [0.5, "#3182bd"], [0.5, "#fcbba1"], [1, OVER_COLOR]],
        zmin=0, zmax=2, xgap=2, ygap=2, hoverongaps=False,
        colorbar={"title": {"text": tr("kuota.colorbar")}, "tickformat": ".0%", "tickvals": [0, 0.5, 1, 1.5, 2]},
        hovertemplate="%{customdata}: %{z:.0%}<extra></extra>"))
    date_axis(fig, whole_period=False)
    styled(fig, tr("kuota.axis.week"), "", height=320)
    fig.update_xaxes(showgrid=False)
    fig.update_yaxes(autorange="reversed", showgrid=False)
    data = rows[rows["quota_days"] > 0][["tanggal", "tickets", "quota", "fill_rate"]]
    ui.chart(fig, data, tr("kuota.calendar.caption", lane=code_label(lane, lang), period=period()),
             f"kuota_calendar_{lane}")


# ------------------------------------------------------------------------------------------------ quota reached


def reached_chart(reached: pd.DataFrame) -> None:
    st.subheader(tr("kuota.reached.title"))
    if filters.lane not in (None, "prioritas"):
        st.info(tr("kuota.reached.lane"))
        return
    if reached.empty:
        st.info(tr("kuota.reached.none"))
        return
    base = pd.Timestamp("2000-01-01")
    times = [base + pd.Timedelta(minutes=float(m)) for m in reached["reached_minute"]]
    hover = [tr("kuota.reached.hover", day=fmt_date(pd.Timestamp(d).date(), lang), quota=count(q),
                time=clock(float(m)), tickets=count(t)) + (f" · {o}" if len(info["offices"]) > 1 else "")
             for d, q, m, t, o in zip(reached["tanggal"], reached["daily_quota"], reached["reached_minute"],
                                      reached["tickets"], reached["office_code"], strict=True)]
    fig = go.Figure(go.Scatter(
        x=reached["tanggal"], y=times, mode="markers", name=tr("kuota.reached.trace"), customdata=hover,
        marker={"size": 11, "color": OVER_COLOR, "line": {"width": 1, "color": "white"}},
        hovertemplate="%{customdata}<extra></extra>"))
    median = float(reached["median_reached_minute"].iloc[0])
    level = base + pd.Timedelta(minutes=median)
    fig.add_trace(go.Scatter(
        x=[pd.Timestamp(filters.date_from) - pd.Timedelta(hours=12), pd.Timestamp(filters.date_to)
           + pd.Timedelta(hours=12)], y=[level, level], mode="lines", hoverinfo="skip",
        name=tr("kuota.reached.median", time=clock(median)),
        line={"dash": "dash", "color": QUOTA_LINE_COLOR, "width": 2}))
    hours = [base + pd.Timedelta(hours=h) for h in range(7, 18)]
    fig.update_yaxes(tickvals=hours, ticktext=[clock(h * 60.0) for h in range(7, 18)],
                     range=[base + pd.Timedelta(hours=7), base + pd.Timedelta(hours=17)])
    date_axis(fig)
    styled(fig, tr("kuota.axis.date"), tr("kuota.axis.time"))
    ui.chart(fig, reached.drop(columns="median_reached_minute"), tr("kuota.reached.caption", period=period()),
             "kuota_reached")


# ------------------------------------------------------------------------------------------------ mix and coverage


def mix_chart() -> None:
    mix = ui.query("ticket_mix_by_lane", filters)
    if mix.empty:
        return
    st.subheader(tr("kuota.mix.title"))
    shown = [lane for lane in lanes if lane in set(mix["lane"])]
    totals = mix[mix["dimension"] == "channel"].groupby("lane")["lane_tickets"].first()
    names = [tr("kuota.lane_n", lane=code_label(lane, lang), n=count(totals[lane])) for lane in shown]
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.07,
                        subplot_titles=[tr("kuota.mix.groups"), tr("kuota.mix.channels")])
    for col, dimension, codes, colors, title in (
        (1, "applicant_group", GROUPS, GROUP_COLORS, tr("kuota.mix.groups")),
        (2, "channel", tuple(CHANNEL_COLORS), CHANNEL_COLORS, tr("kuota.mix.channels")),
    ):
        part = mix[mix["dimension"] == dimension].set_index(["lane", "code"])
        for code in codes:
            shares = [float(part.at[(lane, code), "share"]) if (lane, code) in part.index else 0.0 for lane in shown]
            tickets = [int(part.at[(lane, code), "tickets"]) if (lane, code) in part.index else 0 for lane in shown]
            if not any(tickets):
                continue
            fig.add_trace(go.Bar(
                x=shares, y=names, orientation="h", name=code_label(code, lang), marker_color=colors[code],
                customdata=tickets, legendgroup=dimension, legendgrouptitle_text=title,
                text=[fmt_pct(s, lang) if s >= 0.08 else "" for s in shares], textposition="inside",
                insidetextanchor="middle", textangle=0,
                hovertemplate=code_label(code, lang) + ": %{x:.1%} (%{customdata:,})<extra>%{y}</extra>"),
                row=1, col=col)
    fig.update_layout(barmode="stack", uniformtext_minsize=FONT_SIZE - 4, uniformtext_mode="hide")
    fig.update_xaxes(tickformat=".0%", range=[0, 1])
    fig.update_yaxes(autorange="reversed")
    styled(fig, "", "", height=max(400, 170 + 60 * len(shown)))  # room for the legend's 9 entries
    fig.update_layout(legend={"orientation": "v", "x": 1.02, "y": 1, "yanchor": "top", "traceorder": "grouped",
                              "font": {"size": FONT_SIZE - 2}, "tracegroupgap": 12})
    ui.chart(fig, mix, tr("kuota.mix.caption", period=period()), "kuota_mix")


def coverage_chart(coverage: pd.DataFrame) -> None:
    st.subheader(tr("kuota.coverage.title"))
    groups = coverage[coverage["applicant_group"].notna()]
    if groups.empty:
        st.info(tr("kuota.coverage.none"))
        return
    order = {g: i for i, g in enumerate(GROUPS)}
    groups = groups.assign(order=groups["applicant_group"].map(order)).sort_values("order").drop(columns="order")
    rows = pd.concat([groups, coverage[coverage["applicant_group"].isna()]])
    small = [stats.is_small(int(n)) for n in rows["n"]]
    names = [(code_label(g, lang) if isinstance(g, str) else tr("kuota.coverage.total"))
             + (tr("kuota.small_suffix").replace(",", " ·") if s else "")
             for g, s in zip(rows["applicant_group"], small, strict=True)]
    colors = [SMALL_COLOR if s else (LANE_COLORS["prioritas"] if isinstance(g, str) else "#073763")
              for g, s in zip(rows["applicant_group"], small, strict=True)]
    fig = go.Figure(go.Bar(
        x=rows["coverage"], y=names, orientation="h", marker_color=colors,
        marker_pattern_shape=["/" if s else "" for s in small], cliponaxis=False,
        text=[tr("kuota.coverage.label", share=pct(c), prioritas=count(p), n=count(n))
              for c, p, n in zip(rows["coverage"], rows["in_prioritas"], rows["n"], strict=True)],
        textposition="outside", hoverinfo="skip"))
    fig.update_xaxes(tickformat=".0%", range=[0, 1.3], tickvals=[0, 0.25, 0.5, 0.75, 1])
    fig.update_yaxes(autorange="reversed", showgrid=False)
    styled(fig, tr("kuota.axis.coverage"), "", height=140 + 42 * len(names))
    table = pd.DataFrame({
        tr("kuota.col.group"): [n.split(" · ")[0] for n in names],
        tr("kuota.col.prioritas"): rows["in_prioritas"].to_numpy(),
        tr("kuota.col.reguler"): rows["in_reguler"].to_numpy(),
        "n": rows["n"].to_numpy(),
        tr("kuota.col.coverage"): [pct(c) for c in rows["coverage"]],
        tr("kuota.col.note"): ["n < 30" if s else "" for s in small],
    })
    ui.chart(fig, table, tr("kuota.coverage.caption", period=period()), "kuota_coverage")


# ------------------------------------------------------------------------------------------------ page

daily_all = ui.query("quota_daily", filters)
if daily_all.empty:
    ui.no_data()
    st.stop()

st.caption(tr("kuota.intro"))
ticket_filters = [tr(f"filter.{f}") for f in ("group", "service_type", "channel") if getattr(filters, f)]
if ticket_filters:
    st.info(tr("kuota.ticket_filters", names=", ".join(ticket_filters)))

summary_now = ui.summary(filters)
summary_before = ui.summary(filters.previous())
coverage_frame = ui.query("priority_coverage_by_group", filters)
kpi_cards(summary_now, summary_before, coverage_total(coverage_frame),
          coverage_total(ui.query("priority_coverage_by_group", filters.previous())))
reached_days = ui.query("quota_reached_time", filters)
finding(summary_now, reached_days)

st.subheader(tr("kuota.daily.title"))
present = [lane for lane in lanes if lane in set(daily_all["lane"])]
chosen = present[0] if len(present) == 1 else st.radio(
    tr("kuota.lane_pick"), present, horizontal=True, key="kuota_lane", format_func=lambda c: code_label(c, lang))
daily_chart(daily_all, chosen)
st.subheader(tr("kuota.calendar.title"))
calendar_chart(daily_all, chosen)
reached_chart(reached_days)
mix_chart()
coverage_chart(coverage_frame)
