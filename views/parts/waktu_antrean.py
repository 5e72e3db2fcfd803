"""Waktu layanan, tab Antrean: waits and service times, their distribution, the service level and the staffing
view by weekday and hour, and the weekly trend."""

from __future__ import annotations

import streamlit as st

from kancil.contract import LANES
from kancil.filters import Filters
from kancil.web import data, frame, tables
from kancil.web.charts import bars, base, heat, lines
from kancil.web.text import code, period, target_text, tr

HIST_CAP_MINUTES = 120  # waits of two hours and more share the last histogram bucket


def render(filters: Filters, lanes: tuple[str, ...], targets: dict, now: dict) -> None:
    """The queue tab."""
    where = period(filters)
    wait_t = {lane: targets[lane]["wait"] for lane in lanes}
    st.subheader(tr("waktu_layanan.pct.title"))
    table = data.figure("wait_service_table", filters)
    shown = [c for c in table.columns if c not in ("max_ticket", "_hidden") or frame.can("officer_detail")]
    tables.show(table, "wait_service_table", "waktu_pct", [c for c in shown if c != "_hidden"])
    st.caption(tr("waktu_layanan.pct.caption", period=where))
    st.subheader(tr("waktu_layanan.head.ecdf"))
    curves = data.figure("wait_service_ecdf", filters)
    for column, measure in zip(st.columns(2), ("wait", "service"), strict=True):
        with column:
            rows = curves[curves["measure"] == measure]
            fig = lines.ecdf(rows, wait_t if measure == "wait" else {}, tr(f"waktu_layanan.axis.{measure}_minutes"),
                             tr("waktu_layanan.axis.share_at_most"), tr(f"waktu_layanan.ecdf.title_{measure}"), lanes)
            base.show(fig, rows, "wait_service_ecdf", tr(f"waktu_layanan.ecdf.caption_{measure}", period=where),
                      f"waktu_ecdf_{measure}")
    buckets = data.figure("wait_histogram", filters, cap_minutes=HIST_CAP_MINUTES)
    if not buckets.empty:
        st.subheader(tr("waktu_layanan.head.histogram"))
        fig = bars.lane_histograms(buckets, lanes, wait_t, HIST_CAP_MINUTES, tr("waktu_layanan.axis.wait_minutes"),
                                   tr("waktu_layanan.axis.share_tickets"))
        base.show(fig, buckets, "wait_histogram", tr("waktu_layanan.hist.caption", period=where,
                                                    cap=HIST_CAP_MINUTES), "waktu_wait_histogram")
    by_hour = data.figure("wait_by_lane_hour", filters)
    if not by_hour.empty:
        st.subheader(tr("waktu_layanan.head.service_level"))
        fig = heat.lanes_by_hour(by_hour, "share_above_target", lanes, tr("waktu_layanan.heat.colorbar"),
                                 tr("waktu_layanan.axis.hour"))
        base.show(fig, by_hour, "wait_by_lane_hour", tr("waktu_layanan.heat.caption", period=where, **{
            f"target_{lane}": target_text(targets[lane]["wait"]) for lane in LANES}), "waktu_service_level")
        st.subheader(tr("waktu_layanan.head.by_hour"))
        fig = lines.lane_lines(by_hour, "hour", "median_wait", wait_t, tr("waktu_layanan.axis.hour"),
                               tr("waktu_layanan.axis.median_wait"), lanes)
        base.show(fig, by_hour, "wait_by_lane_hour", tr("waktu_layanan.hour.caption", period=where),
                  "waktu_wait_by_hour")
    st.subheader(tr("waktu_layanan.head.staffing"))
    lane = lanes[0] if len(lanes) == 1 else st.radio(tr("waktu_layanan.staffing.lane"), lanes, horizontal=True,
                                                     key="peta_jalur", format_func=code, bind="query-params")
    cells = data.figure("wait_by_weekday_hour", filters)
    cells = cells[cells["lane"] == lane]
    if not cells.empty:
        for column, value, decimals in zip(st.columns(2), ("per_day", "median_wait"), (1, 0), strict=True):
            with column:
                fig = heat.weekday_by_hour(cells, value, tr(f"waktu_layanan.staffing.{value}"),
                                           tr("waktu_layanan.axis.hour"), tr(f"waktu_layanan.staffing.{value}"),
                                           decimals, "Blues" if value == "per_day" else "Reds")
                base.show(fig, cells, "wait_by_weekday_hour", tr("waktu_layanan.staffing.caption", lane=code(lane),
                          period=where), f"waktu_staffing_{value}")
    weekly = data.figure("turnaround_weekly", filters)
    weekly_wait = weekly[weekly["measure"] == "wait"]
    if not weekly_wait.empty:
        st.subheader(tr("waktu_layanan.head.weekly_wait"))
        fig = lines.lane_lines(weekly_wait, "week", "median", wait_t, tr("waktu_layanan.axis.week"),
                               tr("waktu_layanan.axis.median_wait"), lanes)
        base.show(fig, weekly_wait, "turnaround_weekly", tr("waktu_layanan.weekly_wait.caption", period=where),
                  "waktu_weekly_wait")
