"""Fasilitas: how often each facility for vulnerable applicants is used against the visits of the people it is meant
for, how long a use lasts, when in the week and day it is used, and a before/after comparison around a chosen day.

The study's finding made visible: the lactation room and the play area are rarely used (placed where few people find
them) and, in the demo data, used more after the layout change. The facility log has only office and applicant group,
so the lane, service type and channel filters apply to nothing here (the eligible visits ignore them too, so that
uses and visits are about the same people): ``ui.frame`` is given the ``fasilitas`` kind only, and says so.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from plotly.subplots import make_subplots

from kancil.contract import FACILITIES
from kancil.i18n import code_label, fmt_date, fmt_weekday
from kancil.metrics import facilities, stats
from kancil.web import ui
from kancil.web.charts import CHART_HEIGHT, FONT_SIZE, styled
from kancil.web.ui import clean, count, num, tr

FACILITY_COLOR = "#0b5394"
BEFORE_COLOR = "#9fc5e8"
AFTER_COLOR = "#0b5394"
SMALL_COLOR = "#c8c8c8"
RARE_PER_100 = 10.0  # fewer uses per 100 eligible visits than this: "rarely used"
MONDAY = dt.date(2024, 1, 1)

filters, info = ui.frame("nav.facilities", "fasilitas", ("fasilitas",))
lang = ui.lang()


# ------------------------------------------------------------------------------------------------ formatting


def small_suffix(n: object) -> str:
    return tr("fasilitas.small_suffix") if stats.is_small(None if pd.isna(n) else int(n)) else ""


def name(facility: str) -> str:
    return code_label(facility, lang)


def period(f=filters) -> str:  # noqa: ANN001 - a Filters
    return tr("fasilitas.period", start=fmt_date(f.date_from, lang), end=fmt_date(f.date_to, lang))



def weekday_name(iso: int) -> str:
    return fmt_weekday(MONDAY + dt.timedelta(days=iso - 1), lang)


# ------------------------------------------------------------------------------------------------ KPI cards


def kpi_cards(rates: pd.DataFrame, before: pd.DataFrame) -> None:
    """Uses per 100 eligible visits per facility, with the change against the previous period of the same length."""
    previous = period(filters.previous())
    earlier = before.set_index("facility")
    for column, r in zip(st.columns(len(rates)), rates.to_dict("records"), strict=True):
        now, then = clean(r["uses_per_100"]), clean(earlier.at[r["facility"], "uses_per_100"])
        change = None if now is None or then is None else round(now - then, 1) + 0.0
        with column.container(border=True):
            st.metric(name(r["facility"]), num(now),
                      None if change is None else ("+" if change > 0 else "") + num(change),
                      delta_color="off" if not change else "normal", delta_arrow="off" if not change else "auto",
                      help=tr("fasilitas.kpi.help", uses=count(r["uses"]), visits=count(r["eligible_visits"]),
                              previous=previous, before=num(then)))
            st.caption(tr("fasilitas.kpi.caption", uses=count(r["uses"]), visits=count(r["eligible_visits"]),
                          note=small_suffix(r["eligible_visits"])))
    st.caption(tr("fasilitas.kpi.deltas", previous=previous))


def finding(rates: pd.DataFrame) -> None:
    """The study's finding from this period's numbers: the family facilities are rarely used."""
    per100 = rates.set_index("facility")["uses_per_100"]
    laktasi, bermain, kursi = (clean(per100.get(f)) for f in ("ruang_laktasi", "area_bermain_anak", "kursi_roda"))
    if laktasi is None or bermain is None:
        return
    values = {"laktasi": num(laktasi), "bermain": num(bermain), "kursi": num(kursi)}
    if laktasi < RARE_PER_100 and bermain < RARE_PER_100:
        st.warning(tr("fasilitas.finding.rare", **values), icon=":material/visibility_off:")
    else:
        st.info(tr("fasilitas.finding.numbers", **values))


# ------------------------------------------------------------------------------------------------ rates and lengths


def rates_chart(rates: pd.DataFrame) -> None:
    st.subheader(tr("fasilitas.rates.title"))
    minutes = ui.query("facility_use_minutes", filters)
    intervals = {f: stats.median_ci(minutes.loc[minutes["facility"] == f, "use_minutes"]) for f in FACILITIES}
    names = [name(f) for f in rates["facility"]]
    small_visits = [stats.is_small(int(n)) for n in rates["eligible_visits"]]
    small_timed = [stats.is_small(int(n)) for n in rates["timed_uses"]]
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.05,
                        subplot_titles=[tr("fasilitas.rates.per100_title"), tr("fasilitas.rates.minutes_title")])
    fig.add_trace(go.Bar(
        x=rates["uses_per_100"], y=names, orientation="h", showlegend=False, cliponaxis=False,
        marker_color=[SMALL_COLOR if s else FACILITY_COLOR for s in small_visits],
        marker_pattern_shape=["/" if s else "" for s in small_visits],
        text=[tr("fasilitas.rates.label", value=num(v), uses=count(u), visits=count(e)) + small_suffix(e)
              for v, u, e in zip(rates["uses_per_100"], rates["uses"], rates["eligible_visits"], strict=True)],
        textposition="outside", hoverinfo="skip"), row=1, col=1)
    lows = [intervals[f][0] for f in rates["facility"]]
    highs = [intervals[f][1] for f in rates["facility"]]
    medians = rates["median_minutes"].to_numpy(dtype=float)
    fig.add_trace(go.Bar(
        x=medians, y=names, orientation="h", showlegend=False, cliponaxis=False,
        marker_color=[SMALL_COLOR if s else FACILITY_COLOR for s in small_timed],
        marker_pattern_shape=["/" if s else "" for s in small_timed],
        error_x={"type": "data", "symmetric": False, "color": "#333333", "thickness": 2,
                 "array": [None if h is None or pd.isna(m) else h - m for h, m in zip(highs, medians, strict=True)],
                 "arrayminus": [None if lo is None or pd.isna(m) else m - lo
                                for lo, m in zip(lows, medians, strict=True)]},
        hoverinfo="skip"), row=1, col=2)
    fig.add_trace(go.Scatter(
        x=[max(m, h or m) if not pd.isna(m) else 0 for m, h in zip(medians, highs, strict=True)], y=names,
        mode="text", showlegend=False, textposition="middle right", cliponaxis=False, hoverinfo="skip",
        text=["  " + tr("fasilitas.rates.minutes_label", median=num(m), n=count(n)) + small_suffix(n)
              for m, n in zip(medians, rates["timed_uses"], strict=True)]), row=1, col=2)
    top_rate = float(rates["uses_per_100"].max()) if rates["uses_per_100"].notna().any() else 1.0
    top_minutes = max([h for h in highs if h is not None] + [float(pd.Series(medians).max(skipna=True) or 0), 1.0])
    fig.update_xaxes(range=[0, top_rate * 1.9], row=1, col=1)
    fig.update_xaxes(range=[0, top_minutes * 1.9], row=1, col=2)
    fig.update_yaxes(autorange="reversed")
    styled(fig, "", "", height=150 + 60 * len(names))
    fig.update_xaxes(title_text=tr("fasilitas.axis.per100"), row=1, col=1)
    fig.update_xaxes(title_text=tr("fasilitas.axis.minutes"), row=1, col=2)
    data = rates.assign(ci_low=lows, ci_high=highs)
    ui.chart(fig, data, tr("fasilitas.rates.caption", period=period()), "fasilitas_rates")


# ------------------------------------------------------------------------------------------------ heatmaps


def weekday_heatmap(cells: pd.DataFrame) -> None:
    by_day = cells[cells["weekday"].notna()]
    present = [f for f in FACILITIES if f in set(by_day["facility"])]
    if not present:
        return
    facility = st.columns([1, 2])[0].selectbox(tr("fasilitas.heat.pick"), present, key="fasilitas_facility",
                                               format_func=name)
    rows = by_day[by_day["facility"] == facility]
    grid = rows.pivot_table(index="weekday", columns="hour", values="uses", aggfunc="sum")
    hours = list(range(int(cells["hour"].min()), int(cells["hour"].max()) + 1))
    days = sorted(set(range(1, 6)) | {int(d) for d in grid.index})
    grid = grid.reindex(index=days, columns=hours).fillna(0)
    total = int(rows["uses"].sum())
    z = grid.to_numpy(dtype=float)
    fig = go.Figure(go.Heatmap(
        z=z, x=hours, y=[weekday_name(d) for d in days], colorscale="Blues", zmin=0, zmax=max(float(z.max()), 1.0),
        text=[[count(v) if v else "" for v in row] for row in z],
        texttemplate="%{text}", textfont={"size": FONT_SIZE - 3}, xgap=2, ygap=2, hoverongaps=False,
        colorbar={"title": {"text": tr("fasilitas.colorbar.uses")}},
        hovertemplate="%{y}, %{x}:00: %{z}<extra></extra>"))
    fig.update_xaxes(dtick=1, showgrid=False)
    fig.update_yaxes(autorange="reversed", showgrid=False)
    styled(fig, tr("fasilitas.axis.hour"), "", height=120 + 45 * len(days))
    fig.update_layout(title={"text": tr("fasilitas.heat.weekday_title", facility=name(facility), n=count(total),
                                        note=small_suffix(total)), "font": {"size": FONT_SIZE + 1}})
    fig.update_xaxes(showgrid=False)
    fig.update_yaxes(showgrid=False)
    ui.chart(fig, rows, tr("fasilitas.heat.weekday_caption", facility=name(facility), period=period()),
             "fasilitas_weekday_hour")


def hour_heatmap(cells: pd.DataFrame) -> None:
    overall = cells[cells["weekday"].isna()]
    present = [f for f in FACILITIES if f in set(overall["facility"])]
    if not present:
        return
    hours = list(range(int(overall["hour"].min()), int(overall["hour"].max()) + 1))
    shares = overall.pivot_table(index="facility", columns="hour", values="share_of_facility", aggfunc="sum")
    uses = overall.pivot_table(index="facility", columns="hour", values="uses", aggfunc="sum")
    shares = shares.reindex(index=present, columns=hours).fillna(0)
    uses = uses.reindex(index=present, columns=hours).fillna(0)
    totals = uses.sum(axis=1)
    labels = [tr("fasilitas.facility_n", facility=name(f), n=count(totals[f]), note=small_suffix(totals[f]))
              for f in present]
    fig = go.Figure(go.Heatmap(
        z=shares.to_numpy(dtype=float), x=hours, y=labels, colorscale="Blues", zmin=0,
        zmax=max(float(shares.to_numpy().max()), 0.01),
        text=[[count(v) if v else "" for v in row] for row in uses.to_numpy(dtype=float)],
        texttemplate="%{text}", textfont={"size": FONT_SIZE - 3}, xgap=2, ygap=2, hoverongaps=False,
        colorbar={"title": {"text": tr("fasilitas.colorbar.share")}, "tickformat": ".0%"},
        hovertemplate="%{y}, %{x}:00: %{z:.0%}<extra></extra>"))
    fig.update_xaxes(dtick=1)
    fig.update_yaxes(autorange="reversed")
    styled(fig, tr("fasilitas.axis.hour"), "", height=120 + 50 * len(present))
    fig.update_layout(title={"text": tr("fasilitas.heat.hour_title"), "font": {"size": FONT_SIZE + 1}})
    fig.update_xaxes(showgrid=False)
    fig.update_yaxes(showgrid=False)
    ui.chart(fig, overall.drop(columns="weekday"), tr("fasilitas.heat.hour_caption", period=period()),
             "fasilitas_hour")


# ------------------------------------------------------------------------------------------------ before / after


def layout_day() -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(info.get("layout_change")))
    except ValueError:
        return None


def show_layout_period(day: dt.date) -> None:
    """Set the sidebar period to a custom range around the layout change (a button's callback, before the rerun)."""
    start, end = facilities.around(day, info["anchor"])
    st.session_state["f_periode"] = "custom"
    st.session_state["f_range"] = (start, end)


def split_picker() -> dt.date | None:
    if filters.days() < 2:
        st.info(tr("fasilitas.ba.too_short"))
        return None
    layout = layout_day()
    default = facilities.default_split(filters, layout)
    if layout and default == layout:
        st.caption(tr("fasilitas.ba.demo_note", day=fmt_date(layout, lang)))
    elif layout:
        where = "fasilitas.ba.at_start" if layout == filters.date_from else "fasilitas.ba.outside"
        st.info(tr(where, day=fmt_date(layout, lang)))
        st.button(tr("fasilitas.ba.show_layout"), on_click=show_layout_period, args=(layout,),
                  key="fasilitas_show_layout")
    return st.columns([1, 2])[0].date_input(
        tr("fasilitas.ba.date"), value=default, format="DD/MM/YYYY", min_value=filters.date_from + dt.timedelta(days=1),
        max_value=filters.date_to, key=f"fasilitas_split_{filters.date_from}_{filters.date_to}")


def wrapped(text: str) -> str:
    """A facility name on two lines when long, for a narrow subplot title."""
    words = text.split(" ")
    if len(text) <= 14 or len(words) < 2:
        return text
    half = (len(words) + 1) // 2
    return " ".join(words[:half]) + "<br>" + " ".join(words[half:])


def change_summary(sides: dict[str, pd.DataFrame]) -> None:
    """The two family facilities' rates before → after, in words (the study's second finding)."""
    rates = {side: frame.set_index("facility")["uses_per_100"] for side, frame in sides.items()}
    st.markdown(tr("fasilitas.ba.summary", **{
        f"{key}_{side}": num(rates[side].get(facility))
        for key, facility in (("laktasi", "ruang_laktasi"), ("bermain", "area_bermain_anak"))
        for side in ("before", "after")}))


def before_after() -> None:
    st.subheader(tr("fasilitas.ba.title"))
    split = split_picker()
    found = facilities.windows(filters, split) if split else None
    if found is None:
        return
    sides = {"before": ui.query("facility_use_rates", found.before),
             "after": ui.query("facility_use_rates", found.after)}
    windows = {side: period(getattr(found, side)) for side in sides}
    if all(int(frame["uses"].sum()) == 0 and int(frame["eligible_visits"].sum()) == 0 for frame in sides.values()):
        ui.no_data()
        return
    change_summary(sides)
    fig = make_subplots(rows=1, cols=len(FACILITIES), horizontal_spacing=0.05,
                        subplot_titles=[wrapped(name(f)) for f in FACILITIES])
    for side, color in (("before", BEFORE_COLOR), ("after", AFTER_COLOR)):
        rows = sides[side].set_index("facility")
        label = tr(f"fasilitas.ba.{side}", start=fmt_date(getattr(found, side).date_from, lang),
                   end=fmt_date(getattr(found, side).date_to, lang))
        for col, facility in enumerate(FACILITIES, start=1):
            r = rows.loc[facility]
            small = stats.is_small(int(r["eligible_visits"]))
            fig.add_trace(go.Bar(
                x=[tr(f"fasilitas.side.{side}")], y=[clean(r["uses_per_100"])], name=label, legendgroup=side,
                showlegend=col == 1, marker_color=SMALL_COLOR if small else color,
                marker_pattern_shape="/" if small else "", cliponaxis=False, textposition="outside",
                text=[f"{num(r['uses_per_100'])}<br>({count(r['uses'])}/{count(r['eligible_visits'])})"
                      + ("<br>n < 30" if small else "")], hoverinfo="skip"), row=1, col=col)
            top = max(clean(frame.set_index("facility").at[facility, "uses_per_100"]) or 0.0
                      for frame in sides.values())
            fig.update_yaxes(range=[0, max(top, 1.0) * 1.45], row=1, col=col)
    fig.update_layout(bargap=0.15, uniformtext={"minsize": FONT_SIZE - 3, "mode": "show"})
    fig.update_traces(textfont_size=FONT_SIZE - 3)
    fig.update_xaxes(showticklabels=False)
    styled(fig, "", "", height=CHART_HEIGHT + 40)
    fig.update_yaxes(title_text=tr("fasilitas.axis.per100"), row=1, col=1)
    fig.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.06, "x": 0})
    fig.update_annotations(font_size=FONT_SIZE)
    table = pd.DataFrame([{
        tr("fasilitas.col.facility"): name(r["facility"]),
        tr("fasilitas.col.side"): tr(f"fasilitas.side.{side}"),
        tr("fasilitas.col.window"): windows[side],
        tr("fasilitas.col.uses"): int(r["uses"]),
        tr("fasilitas.col.visits"): int(r["eligible_visits"]),
        tr("fasilitas.col.per100"): num(r["uses_per_100"]),
        tr("fasilitas.col.note"): "n < 30" if stats.is_small(int(r["eligible_visits"])) else "",
    } for side, frame in sides.items() for r in frame.to_dict("records")])
    ui.chart(fig, table, tr("fasilitas.ba.caption", days=count(found.days), before=windows["before"],
                            after=windows["after"]), "fasilitas_before_after")


# ------------------------------------------------------------------------------------------------ page

rates_now = ui.query("facility_use_rates", filters)
if int(rates_now["uses"].sum()) == 0 and int(rates_now["eligible_visits"].sum()) == 0:
    ui.no_data()
    st.stop()

st.caption(tr("fasilitas.intro"))
if filters.lane or filters.service_type or filters.channel:
    st.info(tr("fasilitas.filters_note"))
else:
    st.caption(tr("fasilitas.filters_note"))
kpi_cards(rates_now, ui.query("facility_use_rates", filters.previous()))
finding(rates_now)
rates_chart(rates_now)
st.subheader(tr("fasilitas.heat.title"))
weekday_heatmap(ui.query("facility_uses_by_hour", filters))
hour_heatmap(ui.query("facility_uses_by_hour", filters))
before_after()
