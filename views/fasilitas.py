"""Fasilitas: how often each facility for vulnerable applicants is used against the visits of the people it is meant
for, how long a use lasts, when in the week and day it is used, and a before/after comparison around a chosen day.

The study's finding made visible: the lactation room and the play area are rarely used (placed where few people find
them) and, in the demo data, used more after the layout change. The facility log has only office and applicant group,
so the lane, service type and channel filters apply to nothing here (the page frame says so).
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from kancil.contract import FACILITIES
from kancil.metrics import facilities
from kancil.web import data, frame, tables
from kancil.web.charts import bars, base, heat
from kancil.web.text import change, clean, code, count, day, num, period, signed, small, tr

FACILITY_COLOR, BEFORE_COLOR, AFTER_COLOR = "#0b5394", "#9fc5e8", "#0b5394"
RARE_PER_100 = 10.0  # fewer uses per 100 eligible visits than this: "rarely used"

filters, info = frame.page()
where = period(filters)
rates = data.figure("facility_rates", filters)
if int(rates["uses"].fillna(0).sum()) == 0 and int(rates["eligible_visits"].fillna(0).sum()) == 0:
    frame.no_data()
    st.stop()
st.caption(tr("fasilitas.intro"))
(st.info if filters.lane or filters.service_type or filters.channel else st.caption)(tr("fasilitas.filters_note"))

earlier = data.figure("facility_use_rates", filters.previous()).set_index("facility")["uses_per_100"]
for column, i in zip(st.columns(len(rates)), range(len(rates)), strict=True):
    r = tables.record(rates, "facility_rates", i)
    with column.container(border=True):
        moved = change(r["uses_per_100"], earlier.get(r["facility"]))
        st.metric(code(r["facility"]), num(r["uses_per_100"]), signed(moved), delta_color="normal" if moved else "off",
                  help=tr(
            "fasilitas.kpi.help", uses=count(r["uses"]), visits=count(r["eligible_visits"]),
            previous=period(filters.previous()), before=num(earlier.get(r["facility"]))))
        st.caption(tr("fasilitas.kpi.caption", uses=count(r["uses"]), visits=count(r["eligible_visits"]),
                      note=tr("fasilitas.small_suffix") if small(r["eligible_visits"]) else ""))
st.caption(tr("fasilitas.kpi.deltas", previous=period(filters.previous())))
per100 = rates.set_index("facility")["uses_per_100"]
laktasi, bermain = clean(per100.get("ruang_laktasi")), clean(per100.get("area_bermain_anak"))
if laktasi is not None and bermain is not None:
    values = {"laktasi": num(laktasi), "bermain": num(bermain), "kursi": num(per100.get("kursi_roda"))}
    if laktasi < RARE_PER_100 and bermain < RARE_PER_100:
        st.warning(tr("fasilitas.finding.rare", **values), icon=":material/visibility_off:")
    else:
        st.info(tr("fasilitas.finding.numbers", **values))

st.subheader(tr("fasilitas.rates.title"))
few = [small(n) for n in rates["eligible_visits"]]
timed_few = [small(n) for n in rates["timed_uses"]]
fig = bars.split([code(f) for f in rates["facility"]], [
    {"title": tr("fasilitas.rates.per100_title"), "values": rates["uses_per_100"],
     "x_title": tr("fasilitas.axis.per100"),
     "colors": [base.SMALL_COLOR if s else FACILITY_COLOR for s in few],
     "texts": [tr("fasilitas.rates.label", value=v, uses=u, visits=e) + (tr("fasilitas.small_suffix") if s else "")
               for v, u, e, s in zip(tables.cells(rates, "facility_rates", "uses_per_100"),
                                     tables.cells(rates, "facility_rates", "uses"),
                                     tables.cells(rates, "facility_rates", "eligible_visits"), few, strict=True)]},
    {"title": tr("fasilitas.rates.minutes_title"), "values": rates["median_minutes"], "lows": rates["ci_low"],
     "highs": rates["ci_high"], "x_title": tr("fasilitas.axis.minutes"),
     "colors": [base.SMALL_COLOR if s else FACILITY_COLOR for s in timed_few],
     "texts": [tr("fasilitas.rates.minutes_label", median=m, n=n) for m, n in zip(
         tables.cells(rates, "facility_rates", "median_minutes"), tables.cells(rates, "facility_rates", "timed_uses"),
         strict=True)]}], row_height=60)
base.show(fig, rates, "facility_rates", tr("fasilitas.rates.caption", period=where), "fasilitas_rates")

st.subheader(tr("fasilitas.heat.title"))
cells = data.figure("facility_uses_by_hour", filters)
by_day = cells[cells["weekday"].notna()]
present = [f for f in FACILITIES if f in set(by_day["facility"])]
if present:
    facility = st.columns([1, 2])[0].selectbox(tr("fasilitas.heat.pick"), present, key="fasilitas", format_func=code,
                                               bind="query-params")
    rows = by_day[by_day["facility"] == facility]
    total = rows["uses"].sum()
    fig = heat.weekday_by_hour(rows, "uses", tr("fasilitas.colorbar.uses"), tr("fasilitas.axis.hour"), tr(
        "fasilitas.heat.weekday_title", facility=code(facility), n=count(total),
        note=tr("fasilitas.small_suffix") if small(total) else ""))
    base.show(fig, rows, "facility_uses_by_hour", tr("fasilitas.heat.weekday_caption", facility=code(facility),
                                                     period=where), "fasilitas_weekday_hour")
    overall = cells[cells["weekday"].isna()]
    hours = list(range(int(overall["hour"].min()), int(overall["hour"].max()) + 1))
    grid = overall.pivot_table(index="facility", columns="hour", values="share_of_facility", aggfunc="sum")
    uses = overall.pivot_table(index="facility", columns="hour", values="uses", aggfunc="sum")
    grid, uses = (g.reindex(index=present, columns=hours).fillna(0) for g in (grid, uses))
    labels = [tr("fasilitas.facility_n", facility=code(f), n=count(uses.loc[f].sum()),
                 note=tr("fasilitas.small_suffix") if small(uses.loc[f].sum()) else "") for f in present]
    texts = [[count(v) if v else "" for v in row] for row in uses.to_numpy()]
    fig = heat.heatmap(grid.to_numpy(), hours, labels, texts,
                       zmax=max(float(grid.to_numpy().max()), 0.01), colorbar=tr("fasilitas.colorbar.share"),
                       tickformat=".0%", hover="%{y}, %{x}:00: %{z:.0%}<extra></extra>",
                       x_title=tr("fasilitas.axis.hour"), title=tr("fasilitas.heat.hour_title"), row_height=50)
    base.show(fig, overall.drop(columns="weekday"), "facility_uses_by_hour", tr("fasilitas.heat.hour_caption",
              period=where), "fasilitas_hour")

st.subheader(tr("fasilitas.ba.title"))
layout = facilities.layout_day(info.get("layout_change"))
if filters.days() < 2:
    st.info(tr("fasilitas.ba.too_short"))
    st.stop()
default = facilities.default_split(filters, layout)
if layout and default == layout:
    st.caption(tr("fasilitas.ba.demo_note", day=day(layout)))
elif layout:
    st.info(tr("fasilitas.ba.at_start" if layout == filters.date_from else "fasilitas.ba.outside", day=day(layout)))
    st.button(tr("fasilitas.ba.show_layout"), key="fasilitas_show_layout", on_click=lambda: st.session_state.update(
        f_periode="custom", f_range=facilities.around(layout, info["anchor"])))
split = st.columns([1, 2])[0].date_input(tr("fasilitas.ba.date"), value=default, format="DD/MM/YYYY",
                                         min_value=filters.date_from + dt.timedelta(days=1), max_value=filters.date_to,
                                         key=f"fasilitas_split_{filters.date_from}_{filters.date_to}")
sides = data.figure("facility_before_after", filters, split=split)
if sides.empty or (sides["uses"].fillna(0).sum() == 0 and sides["eligible_visits"].fillna(0).sum() == 0):
    frame.no_data()
    st.stop()
values = {f"{key}_{side}": num(sides[(sides["facility"] == facility) & (sides["side"] == side)]["uses_per_100"].iloc[0])
          for key, facility in (("laktasi", "ruang_laktasi"), ("bermain", "area_bermain_anak"))
          for side in ("before", "after")}
st.markdown(tr("fasilitas.ba.summary", **values))
window = {s: (sides[sides["side"] == s]["window_from"].iloc[0], sides[sides["side"] == s]["window_to"].iloc[0])
          for s in ("before", "after")}
legend = {s: tr(f"fasilitas.ba.{s}", start=day(window[s][0]), end=day(window[s][1])) for s in window}
multiples = []
for facility in FACILITIES:
    part = sides[sides["facility"] == facility]
    bars_of = [{"side": r["side"], "value": clean(r["uses_per_100"]), "small": small(r["eligible_visits"]),
                "color": BEFORE_COLOR if r["side"] == "before" else AFTER_COLOR,
                "text": f"{num(r['uses_per_100'])}<br>({count(r['uses'])}/{count(r['eligible_visits'])})"}
               for r in (tables.record(sides, "facility_before_after", i) for i in part.index)]
    multiples.append({"title": code(facility), "bars": bars_of,
                      "top": max([b["value"] or 0.0 for b in bars_of] + [1.0]) * 1.45})
fig = bars.small_multiples(multiples, tr("fasilitas.axis.per100"), legend)
base.show(fig, sides, "facility_before_after", tr("fasilitas.ba.caption", days=count((window["after"][1] - window[
    "after"][0]).days + 1), before=f"{day(window['before'][0])} – {day(window['before'][1])}",
    after=f"{day(window['after'][0])} – {day(window['after'][1])}"), "fasilitas_before_after")
