"""Waktu layanan, the three audit tabs: priority tickets overtaken, the walk to the counter per group, and
counters and officers."""

from __future__ import annotations

import streamlit as st

from kancil.contract import LANES, VULNERABLE_GROUPS
from kancil.filters import Filters
from kancil.palette import LANE_COLORS
from kancil.web import data, frame, tables
from kancil.web.charts import bars, base, points
from kancil.web.text import code, count, pct, period, target_text, tr


def overtaking(filters: Filters, lanes: tuple[str, ...], targets: dict, now: dict) -> None:
    """The overtaking audit tab."""
    where = period(filters)
    audit = data.figure("overtaking_audit", filters) if filters.lane in (None, "prioritas") else None
    total = audit[audit["level"] == "total"] if audit is not None else None
    if audit is None:
        st.info(tr("waktu_layanan.ot.lane"))
    elif total.empty or not total["priority_tickets"].iloc[0]:
        frame.no_data()
    else:
        row = total.iloc[0]
        for col, key, value in zip(st.columns(4), ("tickets", "share", "by_reguler", "by_percepatan"), (
                count(row["priority_tickets"]), pct(row["share_overtaken"]), pct(row["share_by_reguler"]),
                pct(row["share_by_percepatan"])), strict=True):
            col.metric(tr(f"waktu_layanan.ot.{key}"), value)
        st.caption(tr("waktu_layanan.ot.definition", overtakers=count(row["overtakers"]),
                      most=count(row["max_overtakers"])))
        for level, x_axis in (("day", base.axis(tr("waktu_layanan.axis.day_issued"),
                                                **base.date_ticks(audit["tanggal"].dropna()))),
                              ("hour", base.axis(tr("waktu_layanan.axis.hour"), dtick=1))):
            rows = audit[audit["level"] == level]
            x = rows["tanggal"] if level == "day" else rows["hour"]
            st.subheader(tr(f"waktu_layanan.head.ot_{level}"))
            fig = bars.shares_over(x, rows["share_overtaken"], rows["priority_tickets"], base.ALERT_COLOR, x_axis,
                                   tr("waktu_layanan.axis.share_overtaken"),
                                   texts=[f"{s}<br>n={n}" for s, n in zip(tables.cells(
                                       rows, "overtaking_audit", "share_overtaken"), tables.cells(
                                       rows, "overtaking_audit", "priority_tickets"), strict=True)])
            base.show(fig, rows.drop(columns=["level"]), "overtaking_audit",
                      tr(f"waktu_layanan.ot.{level}_caption", period=where), f"waktu_overtaking_{level}")


def walk(filters: Filters, lanes: tuple[str, ...], targets: dict, now: dict) -> None:
    """The walk-to-the-counter tab."""
    where = period(filters)
    walk = data.figure("walk_medians", filters)
    if walk.empty:
        frame.no_data()
    else:
        st.subheader(tr("waktu_layanan.head.walk"))
        labels = [tr("waktu_layanan.group_n", group=code(g), n=n, note=tr("chart.small_suffix") if s else "")
                  for g, n, s in zip(walk["applicant_group"], tables.cells(walk, "walk_medians", "n"),
                                     walk["small_n"].fillna(True), strict=True)]
        colors = [LANE_COLORS["prioritas" if g in VULNERABLE_GROUPS else "reguler"] for g in walk["applicant_group"]]
        fig = points.medians(walk, "applicant_group", labels, colors, tr("waktu_layanan.axis.walk_minutes"), p90=True)
        base.show(fig, walk, "walk_medians", tr("waktu_layanan.walk.caption", period=where), "waktu_walk")


def staff(filters: Filters, lanes: tuple[str, ...], targets: dict, now: dict) -> None:
    """The counters-and-officers tab."""
    where = period(filters)
    staff = data.figure("staff_turnaround", filters)
    for level in ("counter", "officer"):
        st.subheader(tr(f"waktu_layanan.staff.{level}_title"))
        if level == "officer" and not frame.can("officer_detail"):
            st.info(tr("waktu_layanan.staff.officer_refused"))  # per-officer figures: supervisors and auditors
            continue
        tables.show(staff[staff["level"] == level], "staff_turnaround", f"waktu_staff_{level}",
                    ["code", "tickets", "median_wait", "median_service", "share_above_target"],
                    labels={"code": tr(f"waktu_layanan.col.{level}")})
    st.caption(tr("waktu_layanan.staff.caption", period=where, **{
        f"target_{lane}": target_text(targets[lane]["wait"]) for lane in LANES}))
