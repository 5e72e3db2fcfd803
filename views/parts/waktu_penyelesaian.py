"""Waktu layanan, tab Penyelesaian: completion in working days per lane against the standard, BAP and the
passport mismatches."""

from __future__ import annotations

import streamlit as st

from kancil.contract import LANES
from kancil.filters import Filters
from kancil.palette import LANE_COLORS
from kancil.web import data, frame, tables
from kancil.web.charts import bars, base, lines, points
from kancil.web.text import code, count, day, num, period, small, target_text, tr


def render(filters: Filters, lanes: tuple[str, ...], targets: dict, now: dict) -> None:
    """The completion tab."""
    where = period(filters)
    done_t = {lane: targets[lane]["completion"] for lane in lanes}
    if filters.channel:
        st.info(tr("waktu_layanan.channel_not_applied"))
    medians = data.figure("completion_medians", filters)
    if medians.empty:
        frame.no_data()
    else:
        st.subheader(tr("waktu_layanan.headline.title"))
        standard = targets["reguler"]["completion"]
        labels = [tr("waktu_layanan.headline.label", lane=code(r.lane), median=num(r.median), low=num(r.ci_low),
                     high=num(r.ci_high), n=count(r.n), note=tr("chart.small_suffix") if r.small_n else "")
                  for r in medians.itertuples()]
        fig = points.medians(medians, "lane", labels, [LANE_COLORS[x] for x in medians["lane"]],
                             tr("waktu_layanan.axis.median_days"), [(standard, tr("chart.standard",
                                                                                  days=target_text(standard)))],
                             dtick=1)
        base.show(fig, medians, "completion_medians", tr("waktu_layanan.headline.caption", period=where),
                  "waktu_headline", units={"median": "workdays", "ci_low": "workdays", "ci_high": "workdays"})
        st.subheader(tr("waktu_layanan.compliance.title"))
        tables.show(tables.ordered(data.figure("completion_percentiles", filters), "lane", LANES, "bap_required"),
                    "completion_percentiles", "waktu_compliance")
        st.caption(tr("waktu_layanan.compliance.caption", period=where, days=target_text(standard)))
        counts = data.figure("completion_value_counts", filters)
        rows = counts[~counts["bap_required"].astype(bool)]
        if not rows.empty:
            st.subheader(tr("waktu_layanan.head.distribution"))
            fig = bars.lane_distribution(rows, "completion_workdays", lanes, "group_applications", standard,
                                         tr("waktu_layanan.axis.days"), tr("waktu_layanan.axis.share_applications"))
            base.show(fig, rows, "completion_value_counts", tr("waktu_layanan.dist.caption", period=where),
                      "waktu_completion_distribution")
        weekly = data.figure("turnaround_weekly", filters)
        weekly_done = weekly[weekly["measure"] == "completion"]
        st.subheader(tr("waktu_layanan.head.weekly_done"))
        fig = lines.lane_lines(weekly_done, "week", "median", done_t, tr("waktu_layanan.axis.week_submitted"),
                               tr("waktu_layanan.axis.median_days"), lanes)
        base.show(fig, weekly_done, "turnaround_weekly", tr("waktu_layanan.weekly_done.caption", period=where),
                  "waktu_weekly_completion", units={"median": "workdays"})
    bap = tables.ordered(data.figure("bap_share_by_lane", filters), "lane", LANES)
    if not bap.empty:
        st.subheader(tr("waktu_layanan.head.bap"))
        fig = bars.split([code(x) for x in bap["lane"]], [
            {"title": tr("waktu_layanan.bap.share_title"), "values": bap["share_bap"], "tickformat": ".0%",
             "colors": [LANE_COLORS[x] for x in bap["lane"]], "x_title": tr("waktu_layanan.axis.share_applications"),
             "texts": [tr("waktu_layanan.bap.share_label", share=s, bap=b, n=n) for s, b, n in zip(
                 tables.cells(bap, "bap_share_by_lane", "share_bap"), tables.cells(bap, "bap_share_by_lane", "bap"),
                 tables.cells(bap, "bap_share_by_lane", "applications"), strict=True)]},
            {"title": tr("waktu_layanan.bap.duration_title"), "values": bap["median_bap_minutes"],
             "colors": [base.lane_color(x, small(n)) for x, n in zip(bap["lane"], bap["n_duration"],
                                                                              strict=True)],
             "x_title": tr("waktu_layanan.axis.minutes"),
             "texts": [tr("waktu_layanan.bap.duration_label", median=num(m, 0), p90=num(p, 0), n=count(n), note="")
                       for m, p, n in zip(bap["median_bap_minutes"], bap["p90_bap_minutes"], bap["n_duration"],
                                          strict=True)]}])
        base.show(fig, bap, "bap_share_by_lane", tr("waktu_layanan.bap.caption", period=where), "waktu_bap")
    mismatch = now["mismatch"]
    st.subheader(tr("waktu_layanan.mismatch.title"))
    cols = st.columns(4)
    for col, key, value in zip(cols, ("cases", "resolved", "median_hours", "open"), (
            count(mismatch["cases"]), count(mismatch["resolved"]), num(mismatch["median_resolution_hours"]),
            count(mismatch["open"])), strict=True):
        col.metric(tr(f"waktu_layanan.mismatch.{key}", day=day(filters.date_to)), value)
    st.caption(tr("waktu_layanan.mismatch.caption", period=where, day=day(filters.date_to)))
