"""Waktu layanan: waiting, service and completion times per lane against the office's targets, and three things no
queue product reports: priority tickets overtaken by later reguler/percepatan tickets, the walk to the counter per
applicant group, and the service level by hour.

The KPI cards and the headline completion comparison use ``metrics.summary`` (the numbers of ``python -m kancil
summary``); every other figure has its own query in ``queries/``. Targets come from the settings (Pengaturan).
The tabs run lazily: only the open tab's queries run.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from kancil.contract import GROUPS, LANES, VULNERABLE_GROUPS
from kancil.i18n import code_label, fmt_date, fmt_pct
from kancil.metrics import stats, turnaround
from kancil.palette import LANE_COLORS
from kancil.store import settings
from kancil.web import ui
from kancil.web.charts import CHART_HEIGHT, FONT_SIZE
from kancil.web.ui import clean, count, num, pct, tr

HIST_CAP_MINUTES = 120  # waits of two hours and more share the last histogram bucket
SMALL_COLOR = "#c8c8c8"
OVERTAKEN_COLOR = "#cc0000"

filters, info = ui.frame("nav.turnaround", "waktu_layanan", ("antrian", "permohonan"))
lang = ui.lang()
lanes: tuple[str, ...] = (filters.lane,) if filters.lane else LANES
config = settings.effective(ui.query("settings"))
wait_targets = turnaround.wait_targets(config)
done_targets = turnaround.completion_targets(config)


# ------------------------------------------------------------------------------------------------ formatting


def target_text(value: float) -> str:
    """A target as set: 15, or 7,5 when the office set a fraction."""
    return num(value, 0 if float(value).is_integer() else 1)


def interval(low: object, high: object, decimals: int = 1) -> str:
    return "—" if clean(low) is None else f"{num(low, decimals)} – {num(high, decimals)}"


def lane_name(lane: str) -> str:
    return code_label(lane, lang)


def small_note(n: object) -> str:
    return tr("waktu.small_n") if stats.is_small(None if pd.isna(n) else int(n)) else ""


def suffix(n: object) -> str:
    """Appended to a label whose figure rests on fewer than 30 cases (but some: n = 0 speaks for itself)."""
    return tr("waktu.small_suffix") if small_note(n) and not (pd.isna(n) or int(n) == 0) else ""


def period(f=filters) -> str:  # noqa: ANN001 - a Filters
    return tr("waktu.period", start=fmt_date(f.date_from, lang), end=fmt_date(f.date_to, lang))


def wait_target(lane: str) -> float:
    return wait_targets[f"target_{lane}"]


# Readable on a laptop and a projector: big fonts, the legend above the plot, light grid lines.
LAYOUT = {"font": {"size": FONT_SIZE}, "hoverlabel": {"font": {"size": FONT_SIZE}}, "plot_bgcolor": "white",
          "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "font": {"size": FONT_SIZE},
                     "title": {"text": ""}}}


def axis(title: str, **extra: object) -> dict:
    return {"showgrid": True, "gridcolor": "#eeeeee", "zeroline": False, "tickfont": {"size": FONT_SIZE - 1},
            "title": {"text": title, "font": {"size": FONT_SIZE}}, **extra}


def figure(traces: list, x: dict, y: dict, height: int = CHART_HEIGHT, **layout: object) -> go.Figure:
    """A figure built in one go: Plotly's update_* and add_*line calls each re-validate the figure (slow)."""
    return go.Figure(data=traces, layout={**LAYOUT, "height": height, "xaxis": x, "yaxis": y, **layout})


def rule(value: float, color: str, vertical: bool = True, axes: str = "") -> dict:
    """A dotted target line across the plot (``axes``: the subplot's axis number, "" for the first)."""
    if vertical:
        return {"type": "line", "xref": f"x{axes}", "yref": f"y{axes} domain", "x0": value, "x1": value, "y0": 0,
                "y1": 1, "line": {"color": color, "dash": "dot", "width": 2}}
    return {"type": "line", "xref": f"x{axes} domain", "yref": f"y{axes}", "x0": 0, "x1": 1, "y0": value,
            "y1": value, "line": {"color": color, "dash": "dot", "width": 2}}


def rule_label(value: float, text: str, top: bool = True) -> dict:
    return {"x": value, "xref": "x", "y": 1 if top else 0, "yref": "y domain", "text": text, "showarrow": False,
            "xanchor": "left", "yanchor": "top" if top else "bottom", "font": {"size": FONT_SIZE - 1}}


def panels(titles: list[str], gap: float, shared_y: bool = False) -> dict:
    """Side-by-side panels as plain layout (make_subplots is slow): axes x, x2, ... on y, y2, ... with titles."""
    width = (1 - gap * (len(titles) - 1)) / len(titles)
    layout: dict = {"annotations": []}
    for i, title in enumerate(titles):
        n_axis = "" if i == 0 else str(i + 1)
        start = i * (width + gap)
        layout[f"xaxis{n_axis}"] = {"domain": [start, start + width], "anchor": f"y{n_axis}"}
        layout[f"yaxis{n_axis}"] = {"anchor": f"x{n_axis}", **({"matches": "y", "showticklabels": False}
                                                              if shared_y and i else {})}
        layout["annotations"].append({"text": title, "x": start + width / 2, "xref": "paper", "y": 1.0,
                                      "yref": "paper", "yanchor": "bottom", "showarrow": False,
                                      "font": {"size": FONT_SIZE}})
    return layout


def merged_axes(layout: dict, **axes: dict) -> dict:
    """The panels' layout with more properties for some of its axes."""
    return {**layout, **{name: {**layout[name], **extra} for name, extra in axes.items()}}


def date_ticks(dates: pd.Series, most: int = 8) -> dict:
    """Date ticks in the reader's language (Plotly would write English month names), at most ``most`` of them."""
    days = sorted(set(pd.to_datetime(dates).dt.date))
    ticks = days[:: max(1, math.ceil(len(days) / most))]
    return {"tickvals": [pd.Timestamp(d) for d in ticks], "ticktext": [fmt_date(d, lang) for d in ticks]}


def day_labels(dates: pd.Series) -> list[str]:
    return [fmt_date(d, lang) for d in pd.to_datetime(dates).dt.date]


def by_lane_order(frame: pd.DataFrame, *first: str) -> pd.DataFrame:
    """Rows in the order of the lanes (prioritas, reguler, percepatan), within the ``first`` columns."""
    order = frame["lane"].map({lane: i for i, lane in enumerate(LANES)})
    return frame.assign(_order=order).sort_values([*first, "_order"]).drop(columns="_order")


def table(frame: pd.DataFrame, key: str) -> None:
    st.dataframe(frame, hide_index=True, width="stretch", key=key)


# ------------------------------------------------------------------------------------------------ KPI cards


def value_with_unit(value: float | None, unit_key: str) -> str:
    return "—" if value is None else tr(unit_key, value=num(value))


def delta_color(now: float | None, before: float | None) -> str:
    """Shorter is better; no change is grey."""
    return "off" if now is None or before is None or round(now - before, 1) == 0 else "inverse"


def delta(now: float | None, before: float | None, unit_key: str) -> str | None:
    if now is None or before is None:
        return None
    change = round(now - before, 1) + 0.0  # no "-0,0"
    sign = "+" if change > 0 else ""
    return tr(unit_key, value=sign + num(change))


KPIS = {  # summary key -> label, unit, caption
    "wait_minutes": ("waktu.kpi.wait", "waktu.minutes_value", "waktu.kpi.wait_caption"),
    "completion_workdays": ("waktu.kpi.completion", "waktu.days_value", "waktu.kpi.completion_caption"),
}


def kpi_card(column, stat: str, lane: str, now: dict, before: dict) -> None:  # noqa: ANN001 - a column
    """One KPI: this period's median, its change against the previous period, the target and n."""
    label, unit, caption = KPIS[stat]
    value, earlier = now[stat][lane], before[stat][lane]
    change = delta(value["median"], earlier["median"], unit)
    colour = delta_color(value["median"], earlier["median"])
    column.metric(tr(label, lane=lane_name(lane)), value_with_unit(value["median"], unit), change,
                  delta_color=colour, delta_arrow="auto" if colour != "off" else "off",
                  delta_description=tr("waktu.kpi.vs_previous") if change else None,
                  help=tr(f"{label}_help", previous=period(filters.previous())), border=True)
    target = wait_target(lane) if stat == "wait_minutes" else turnaround.lane_completion_target(lane, done_targets)
    column.caption(tr(caption, target=target_text(target), n=count(value["n"]), note=suffix(value["n"])))


def kpi_cards(now: dict) -> None:
    """Median wait (first row) and completion (second row) per lane; one lane: both side by side."""
    before = ui.summary(filters.previous())
    if len(lanes) == 1:
        columns = st.columns(3)
        for column, stat in zip(columns, KPIS, strict=False):
            kpi_card(column, stat, lanes[0], now, before)
        return
    for stat in KPIS:
        for column, lane in zip(st.columns(len(lanes)), lanes, strict=True):
            kpi_card(column, stat, lane, now, before)


def finding(now: dict) -> None:
    """The study's finding, stated from this period's numbers when both lanes have issued applications."""
    found = turnaround.completion_finding(now["completion_workdays"])
    if found is None:
        return
    text = tr("waktu.finding.not_faster" if found["not_faster"] else "waktu.finding.faster",
              prioritas=num(found["prioritas"]), reguler=num(found["reguler"]),
              n_prioritas=count(found["n_prioritas"]), n_reguler=count(found["n_reguler"]))
    if found["percepatan"] is not None:
        text += " " + tr("waktu.finding.percepatan", value=num(found["percepatan"]))
    if found["small"]:
        text += " " + tr("common.small_n") + "."
    (st.warning if found["not_faster"] else st.info)(text, icon=":material/compare_arrows:")


# ------------------------------------------------------------------------------------------------ charts


def lane_lines(frame: pd.DataFrame, x: str, y: str, targets: dict[str, float], x_title: str,
               y_title: str) -> go.Figure:
    """One line per lane; a hollow marker where a point rests on n < 30; dotted target lines in the lane colour."""
    traces, rules = [], []
    for lane in reversed(lanes):  # prioritas drawn last, on top where lines coincide (the legend keeps lane order)
        rows = frame[frame["lane"] == lane]
        if rows.empty:
            continue
        small = rows["n"] < stats.SMALL_N
        labels = day_labels(rows[x]) if x == "week" else [f"{int(h):02d}.00" for h in rows[x]]
        traces.append(go.Scatter(
            x=rows[x], y=rows[y], name=lane_name(lane), mode="lines+markers",
            customdata=list(zip(rows["n"], labels, strict=True)), line={"color": LANE_COLORS[lane], "width": 3},
            marker={"size": 9, "symbol": ["circle-open" if s else "circle" for s in small],
                    "line": {"width": 2, "color": LANE_COLORS[lane]}},
            hovertemplate="%{customdata[1]}: %{y:.1f} (n = %{customdata[0]:,})<extra>" + lane_name(lane) + "</extra>",
        ))
        rules.append(rule(targets[lane], LANE_COLORS[lane], vertical=False))
    ticks = date_ticks(frame[x]) if x == "week" else {"dtick": 1}
    return figure(traces, axis(x_title, **ticks), axis(y_title), shapes=rules,
                  legend={**LAYOUT["legend"], "traceorder": "reversed"})


def percentile_rows(frame: pd.DataFrame) -> list[dict]:
    """The wait/service percentile table for display: numbers in the reader's format, n < 30 noted."""
    rows = []
    for r in frame.to_dict("records"):
        wait = r["measure"] == "wait"
        rows.append({
            tr("waktu.col.measure"): tr(f"waktu.measure.{r['measure']}"),
            tr("waktu.col.lane"): lane_name(r["lane"]),
            tr("waktu.col.n"): count(r["n"]),
            tr("waktu.col.median"): num(r["median"]),
            tr("waktu.col.ci"): interval(r.get("ci_low"), r.get("ci_high")),
            "p75": num(r["p75"]),
            "p90": num(r["p90"]),
            "p95": num(r["p95"]),
            tr("waktu.col.target"): target_text(wait_target(r["lane"])) if wait else tr("waktu.not_applicable"),
            tr("waktu.col.within"): pct(r.get("share_within_target")),
            tr("waktu.col.note"): small_note(r["n"]),
        })
    return rows


# ------------------------------------------------------------------------------------------------ tab: queue


def queue_tab() -> None:
    percentiles = ui.query("wait_service_percentiles", filters, **wait_targets)
    if percentiles.empty:
        ui.no_data()
        return
    intervals = turnaround.median_intervals(ui.query("wait_value_counts", filters), ["measure", "lane"], "minutes",
                                       "tickets")
    merged = percentiles.merge(intervals[["measure", "lane", "ci_low", "ci_high"]], on=["measure", "lane"],
                               how="left")
    st.subheader(tr("waktu.pct.title"))
    merged = by_lane_order(merged.assign(_m=merged["measure"] != "wait"), "_m").drop(columns="_m")
    table(pd.DataFrame(percentile_rows(merged)), "waktu_pct_table")
    st.caption(tr("waktu.pct.caption", period=period()))

    st.subheader(tr("waktu.head.ecdf"))
    left, right = st.columns(2)
    curves = percentiles[["measure", "lane", "n", "curve"]].explode("curve").rename(
        columns={"curve": "minutes"}).astype({"minutes": float})
    curves["share"] = curves.groupby(["measure", "lane"]).cumcount() / 100  # the 101 quantiles 0%, 1%, ..., 100%
    for column, measure in ((left, "wait"), (right, "service")):
        with column:
            ecdf_chart(curves[curves["measure"] == measure], measure)
    wait_histogram()
    service_level_heatmap()
    st.subheader(tr("waktu.head.by_hour"))
    by_hour = ui.query("wait_by_lane_hour", filters, **wait_targets)
    fig = lane_lines(by_hour, "hour", "median_wait", {lane: wait_target(lane) for lane in lanes},
                     tr("waktu.axis.hour"), tr("waktu.axis.median_wait"))
    ui.chart(fig, by_hour,
             tr("waktu.hour.caption", period=period()), "waktu_wait_by_hour")
    weekly = ui.query("turnaround_weekly", filters)
    weekly_wait = weekly[weekly["measure"] == "wait"]
    if not weekly_wait.empty:
        st.subheader(tr("waktu.head.weekly_wait"))
        fig = lane_lines(weekly_wait, "week", "median", {lane: wait_target(lane) for lane in lanes},
                         tr("waktu.axis.week"), tr("waktu.axis.median_wait"))
        ui.chart(fig, weekly_wait,
                 tr("waktu.weekly_wait.caption", period=period()), "waktu_weekly_wait")


def ecdf_chart(curve: pd.DataFrame, measure: str) -> None:
    if curve.empty:
        ui.no_data()
        return
    traces, rules = [], []
    tail = 0.0
    for lane in lanes:
        rows = curve[curve["lane"] == lane]
        if rows.empty:
            continue
        n = int(rows["n"].iloc[0])
        traces.append(go.Scatter(
            x=rows["minutes"], y=rows["share"], mode="lines",
            name=tr("waktu.lane_n", lane=lane_name(lane), n=count(n), note=suffix(n)),
            line={"color": LANE_COLORS[lane], "width": 3, "dash": "dot" if stats.is_small(n) else "solid"},
            hovertemplate="%{x:.1f} → %{y:.0%}<extra>" + lane_name(lane) + "</extra>",
        ))
        tail = max(tail, float(rows.loc[rows["share"] <= 0.99, "minutes"].max()))
        if measure == "wait":
            rules.append(rule(wait_target(lane), LANE_COLORS[lane]))
    fig = figure(traces, axis(tr(f"waktu.axis.{measure}_minutes"), range=[0, tail * 1.05 if tail > 0 else 1]),
                 axis(tr("waktu.axis.share_at_most"), tickformat=".0%", range=[0, 1.02]), shapes=rules,
                 title={"text": tr(f"waktu.ecdf.title_{measure}"), "font": {"size": FONT_SIZE + 1}},
                 legend={**LAYOUT["legend"], "y": -0.25, "yanchor": "top"})
    ui.chart(fig, curve, tr(f"waktu.ecdf.caption_{measure}", period=period()), f"waktu_ecdf_{measure}")


def wait_histogram() -> None:
    buckets = ui.query("wait_histogram", filters, cap_minutes=HIST_CAP_MINUTES)
    shown = [lane for lane in lanes if lane in set(buckets["lane"])]
    if not shown:
        return
    st.subheader(tr("waktu.head.histogram"))
    totals = buckets.groupby("lane")["lane_tickets"].first()
    layout = panels([tr("waktu.lane_n", lane=lane_name(lane), n=count(totals[lane]), note=suffix(totals[lane]))
                     for lane in shown], gap=0.03, shared_y=True)
    traces, rules = [], []
    for i, lane in enumerate(shown, start=1):
        rows = buckets[buckets["lane"] == lane]
        n_axis = "" if i == 1 else str(i)
        traces.append(go.Bar(x=rows["bucket"], y=rows["share"], offset=0, width=4.6, customdata=rows["tickets"],
                             marker_color=LANE_COLORS[lane], showlegend=False, xaxis=f"x{n_axis}",
                             yaxis=f"y{n_axis}",
                             hovertemplate="%{x}–%{x}+5: %{y:.1%} (n = %{customdata:,})<extra></extra>"))
        rules.append(rule(wait_target(lane), "#333333", axes=n_axis))
        layout[f"xaxis{n_axis}"].update(axis(
            tr("waktu.axis.wait_minutes") if i == (len(shown) + 1) // 2 else "", range=[0, HIST_CAP_MINUTES + 5],
            tickvals=[0, 30, 60, 90, HIST_CAP_MINUTES], ticktext=["0", "30", "60", "90", f"≥{HIST_CAP_MINUTES}"]))
        layout[f"yaxis{n_axis}"].update(axis(tr("waktu.axis.share_tickets") if i == 1 else "", tickformat=".0%"))
    fig = go.Figure(data=traces, layout={**LAYOUT, "height": CHART_HEIGHT, "shapes": rules, **layout})
    ui.chart(fig, buckets, tr("waktu.hist.caption", period=period(), cap=HIST_CAP_MINUTES), "waktu_wait_histogram")


def service_level_heatmap() -> None:
    cells = ui.query("wait_by_lane_hour", filters, **wait_targets)
    if cells.empty:
        return
    st.subheader(tr("waktu.head.service_level"))
    hours = list(range(int(cells["hour"].min()), int(cells["hour"].max()) + 1))
    shown = [lane for lane in lanes if lane in set(cells["lane"])]
    z, text = [], []
    for lane in shown:
        rows = cells[cells["lane"] == lane].set_index("hour")
        z.append([clean(rows.at[h, "share_above_target"]) if h in rows.index else None for h in hours])
        text.append([
            f"{fmt_pct(clean(rows.at[h, 'share_above_target']), lang)}<br>n={count(rows.at[h, 'n'])}"
            + ("*" if stats.is_small(int(rows.at[h, "n"])) else "") if h in rows.index else ""
            for h in hours])
    fig = figure([go.Heatmap(
        z=z, x=hours, y=[lane_name(lane) for lane in shown], text=text, texttemplate="%{text}",
        textfont={"size": FONT_SIZE - 3}, colorscale="Reds", zmin=0, zmax=1, xgap=2, ygap=2,
        colorbar={"tickformat": ".0%", "title": {"text": tr("waktu.heat.colorbar")}},
        hovertemplate="%{y}, %{x}:00 → %{z:.1%}<extra></extra>")],
        axis(tr("waktu.axis.hour"), dtick=1, showgrid=False), axis("", autorange="reversed", showgrid=False),
        height=120 + 90 * len(shown))
    targets = {k: target_text(v) for k, v in wait_targets.items()}
    ui.chart(fig, cells, tr("waktu.heat.caption", period=period(), **targets), "waktu_service_level")


# ------------------------------------------------------------------------------------------------ tab: completion


def completion_tab(now: dict) -> None:
    if filters.channel:
        st.info(tr("waktu.channel_not_applied"))
    counts = ui.query("completion_value_counts", filters)
    if counts.empty:
        ui.no_data()
        return
    headline(counts, now)
    compliance_table()
    distribution(counts)
    weekly = ui.query("turnaround_weekly", filters)
    weekly_done = weekly[weekly["measure"] == "completion"]
    st.subheader(tr("waktu.head.weekly_done"))
    fig = lane_lines(weekly_done, "week", "median",
                     {lane: turnaround.lane_completion_target(lane, done_targets) for lane in lanes},
                     tr("waktu.axis.week_submitted"), tr("waktu.axis.median_days"))
    ui.chart(fig, weekly_done,
             tr("waktu.weekly_done.caption", period=period()), "waktu_weekly_completion")
    bap_chart()
    mismatch = now["mismatch"]
    st.subheader(tr("waktu.mismatch.title"))
    cols = st.columns(3)
    cols[0].metric(tr("waktu.mismatch.cases"), count(mismatch["cases"]))
    cols[1].metric(tr("waktu.mismatch.resolved"), count(mismatch["resolved"]))
    cols[2].metric(tr("waktu.mismatch.median_hours"), num(mismatch["median_resolution_hours"]))
    st.caption(tr("waktu.mismatch.caption", period=period()))


def headline(counts: pd.DataFrame, now: dict) -> None:
    """Median completion per lane (all issued applications, as in the summary) with its 95% interval."""
    st.subheader(tr("waktu.headline.title"))
    ci = turnaround.median_intervals(counts, ["lane"], "completion_workdays", "applications").set_index("lane")
    shown = [lane for lane in lanes if lane in ci.index]
    medians = [now["completion_workdays"][lane]["median"] for lane in shown]
    names = [tr("waktu.headline.label", lane=lane_name(lane), median=num(m), low=num(ci.at[lane, "ci_low"]),
                high=num(ci.at[lane, "ci_high"]), n=count(ci.at[lane, "n"]), note=suffix(ci.at[lane, "n"]))
             for lane, m in zip(shown, medians, strict=True)]
    standard = done_targets["target_days"]
    top = max(ci["ci_high"].max(), standard) + 1
    fig = figure([go.Scatter(
        x=medians, y=names, mode="markers",
        error_x={"type": "data", "symmetric": False, "thickness": 3, "width": 10,
                 "array": [ci.at[lane, "ci_high"] - m for lane, m in zip(shown, medians, strict=True)],
                 "arrayminus": [m - ci.at[lane, "ci_low"] for lane, m in zip(shown, medians, strict=True)]},
        marker={"size": 18, "color": [SMALL_COLOR if ci.at[lane, "small_n"] else LANE_COLORS[lane]
                                      for lane in shown]},
        hoverinfo="skip")],
        axis(tr("waktu.axis.median_days"), range=[-0.5, top], dtick=1), axis("", autorange="reversed"),
        height=150 + 70 * len(shown), shapes=[rule(standard, "#333333")],
        annotations=[rule_label(standard, tr("waktu.standard_label", days=target_text(standard)), top=False)])
    data = pd.DataFrame({"lane": shown, "median": medians, "n": [int(ci.at[lane, "n"]) for lane in shown],
                         "ci_low": [ci.at[lane, "ci_low"] for lane in shown],
                         "ci_high": [ci.at[lane, "ci_high"] for lane in shown]})
    ui.chart(fig, data, tr("waktu.headline.caption", period=period()), "waktu_headline")


def compliance_table() -> None:
    st.subheader(tr("waktu.compliance.title"))
    frame = by_lane_order(ui.query("completion_percentiles", filters, **done_targets), "bap_required")
    rows = []
    for r in frame.to_dict("records"):
        bap = bool(r["bap_required"])
        rows.append({
            tr("waktu.col.lane"): lane_name(r["lane"]),
            tr("waktu.col.cases"): tr("waktu.case.bap" if bap else "waktu.case.no_bap"),
            tr("waktu.col.applications"): count(r["applications"]),
            tr("waktu.col.issued"): count(r["n"]),
            tr("waktu.col.pending"): count(r["pending"]),
            tr("waktu.col.median"): num(r["median"]),
            "p75": num(r["p75"]),
            "p90": num(r["p90"]),
            "p95": num(r["p95"]),
            tr("waktu.col.standard"): tr("waktu.not_applicable") if bap
            else target_text(turnaround.lane_completion_target(r["lane"], done_targets)),
            tr("waktu.col.within_standard"): tr("waktu.not_applicable") if bap else pct(r["share_within_target"]),
            tr("waktu.col.note"): small_note(r["n"]),
        })
    table(pd.DataFrame(rows), "waktu_compliance_table")
    st.caption(tr("waktu.compliance.caption", period=period(), days=target_text(done_targets["target_days"])))


def distribution(counts: pd.DataFrame) -> None:
    rows = counts[~counts["bap_required"].astype(bool)]
    if rows.empty:
        return
    st.subheader(tr("waktu.head.distribution"))
    traces = []
    for lane in lanes:
        part = rows[rows["lane"] == lane]
        if part.empty:
            continue
        n = int(part["group_applications"].iloc[0])
        traces.append(go.Bar(x=part["completion_workdays"], y=part["share"], customdata=part["applications"],
                             name=tr("waktu.lane_n", lane=lane_name(lane), n=count(n), note=suffix(n)),
                             marker_color=LANE_COLORS[lane],
                             hovertemplate="%{x}: %{y:.1%} (n = %{customdata:,})<extra></extra>"))
    edge = done_targets["target_days"] + 0.5
    fig = figure(traces, axis(tr("waktu.axis.days"), dtick=1), axis(tr("waktu.axis.share_applications"),
                 tickformat=".0%"), barmode="group", bargap=0.15, shapes=[rule(edge, "#333333")],
                 annotations=[rule_label(edge, tr("waktu.standard_label", days=target_text(edge - 0.5)))])
    ui.chart(fig, rows,
             tr("waktu.dist.caption", period=period()), "waktu_completion_distribution")


def bap_chart() -> None:
    bap = ui.query("bap_share_by_lane", filters)
    if bap.empty:
        return
    st.subheader(tr("waktu.head.bap"))
    bap = by_lane_order(bap[bap["lane"].isin(lanes)])
    names = [lane_name(lane) for lane in bap["lane"]]
    colors = [LANE_COLORS[lane] for lane in bap["lane"]]
    share = go.Bar(
        x=bap["share_bap"], y=names, orientation="h", marker_color=colors, showlegend=False, cliponaxis=False,
        text=[tr("waktu.bap.share_label", share=pct(s), bap=count(b), n=count(a))
              for s, b, a in zip(bap["share_bap"], bap["bap"], bap["applications"], strict=True)],
        textposition="outside", hoverinfo="skip")
    duration = go.Bar(
        x=bap["median_bap_minutes"], y=names, orientation="h", showlegend=False, cliponaxis=False, xaxis="x2",
        yaxis="y2",
        marker_color=[SMALL_COLOR if stats.is_small(int(n)) else c for n, c in zip(bap["n_duration"], colors,
                                                                                     strict=True)],
        text=[tr("waktu.bap.duration_label", median=num(m, 0), p90=num(p, 0), n=count(n), note=suffix(n))
              for m, p, n in zip(bap["median_bap_minutes"], bap["p90_bap_minutes"], bap["n_duration"],
                                 strict=True)],
        textposition="outside", hoverinfo="skip")
    longest = float(bap["median_bap_minutes"].max()) if bap["median_bap_minutes"].notna().any() else 1.0
    layout = merged_axes(
        panels([tr("waktu.bap.share_title"), tr("waktu.bap.duration_title")], gap=0.22),
        xaxis=axis(tr("waktu.axis.share_applications"), tickformat=".0%",
                   range=[0, max(float(bap["share_bap"].max() or 0) * 1.8, 0.05)]),
        xaxis2=axis(tr("waktu.axis.minutes"), range=[0, longest * 2.2]),
        yaxis=axis("", autorange="reversed"), yaxis2=axis("", autorange="reversed"))
    fig = go.Figure(data=[share, duration], layout={**LAYOUT, "height": 140 + 70 * len(names), **layout})
    ui.chart(fig, bap, tr("waktu.bap.caption", period=period()), "waktu_bap")


# ------------------------------------------------------------------------------------------------ tab: overtaking


def overtaking_tab() -> None:
    if filters.lane not in (None, "prioritas"):
        st.info(tr("waktu.ot.lane"))
        return
    audit = ui.query("overtaking_audit", filters)
    total = audit[audit["level"] == "total"]
    if total.empty or int(total["priority_tickets"].iloc[0]) == 0:
        ui.no_data()
        return
    row = total.iloc[0]
    n = int(row["priority_tickets"])
    cols = st.columns(4)
    cols[0].metric(tr("waktu.ot.tickets"), count(n))
    cols[1].metric(tr("waktu.ot.share"), pct(row["share_overtaken"]))
    cols[2].metric(tr("waktu.ot.by_reguler"), pct(row["share_by_reguler"]))
    cols[3].metric(tr("waktu.ot.by_percepatan"), pct(row["share_by_percepatan"]))
    st.caption(tr("waktu.ot.definition", overtakers=count(row["overtakers"]), most=count(row["max_overtakers"])))
    if stats.is_small(n):
        st.caption(tr("common.small_n"))
    st.subheader(tr("waktu.head.ot_day"))
    by_day = audit[audit["level"] == "day"][["tanggal", "priority_tickets", "overtaken", "share_overtaken",
                                             "overtaken_by_reguler", "overtaken_by_percepatan", "overtakers"]]
    fig = figure([go.Bar(
        x=by_day["tanggal"], y=by_day["share_overtaken"],
        customdata=list(zip(by_day["priority_tickets"], by_day["overtaken"], day_labels(by_day["tanggal"]),
                            strict=True)),
        marker_color=[SMALL_COLOR if stats.is_small(int(t)) else OVERTAKEN_COLOR for t in by_day["priority_tickets"]],
        hovertemplate="%{customdata[2]}: %{y:.0%} (%{customdata[1]} / %{customdata[0]})<extra></extra>")],
        axis(tr("waktu.axis.day_issued"), **date_ticks(by_day["tanggal"])),
        axis(tr("waktu.axis.share_overtaken"), tickformat=".0%", rangemode="tozero"))
    ui.chart(fig, by_day,
             tr("waktu.ot.day_caption", period=period()), "waktu_overtaking_day")
    st.subheader(tr("waktu.head.ot_hour"))
    by_hour = audit[audit["level"] == "hour"][["hour", "priority_tickets", "overtaken", "share_overtaken",
                                               "overtaken_by_reguler", "overtaken_by_percepatan", "overtakers"]]
    top = float(by_hour["share_overtaken"].max() or 0)
    fig = figure([go.Bar(
        x=by_hour["hour"], y=by_hour["share_overtaken"], cliponaxis=False,
        marker_color=[SMALL_COLOR if stats.is_small(int(t)) else OVERTAKEN_COLOR
                      for t in by_hour["priority_tickets"]],
        text=[f"{fmt_pct(clean(s), lang)}<br>n={count(t)}" for s, t in zip(by_hour["share_overtaken"],
                                                                           by_hour["priority_tickets"], strict=True)],
        textposition="outside", hoverinfo="skip")],
        axis(tr("waktu.axis.hour"), dtick=1),
        axis(tr("waktu.axis.share_overtaken"), tickformat=".0%", range=[0, max(top * 1.35, 0.05)]))
    ui.chart(fig, by_hour,
             tr("waktu.ot.hour_caption", period=period()), "waktu_overtaking_hour")


# ------------------------------------------------------------------------------------------------ tab: walk


def walk_tab() -> None:
    walk = ui.query("walk_by_group", filters)
    if walk.empty:
        ui.no_data()
        return
    intervals = turnaround.median_intervals(ui.query("walk_value_counts", filters), ["applicant_group"], "minutes",
                                       "tickets")
    merged = walk.merge(intervals[["applicant_group", "ci_low", "ci_high"]], on="applicant_group", how="left")
    merged["order"] = merged["applicant_group"].map({g: i for i, g in enumerate(GROUPS)})
    merged = merged.sort_values("order").drop(columns="order")
    st.subheader(tr("waktu.head.walk"))
    small = [stats.is_small(int(n)) for n in merged["n"]]
    names = [tr("waktu.group_n", group=code_label(g, lang), n=count(n), note=suffix(n))
             for g, n in zip(merged["applicant_group"], merged["n"], strict=True)]
    colors = [SMALL_COLOR if s else (LANE_COLORS["prioritas"] if g in VULNERABLE_GROUPS else LANE_COLORS["reguler"])
              for s, g in zip(small, merged["applicant_group"], strict=True)]
    bars = go.Bar(
        x=merged["median"], y=names, orientation="h", name=tr("waktu.col.median"), marker_color=colors,
        marker_pattern_shape=["/" if s else "" for s in small],
        error_x={"type": "data", "symmetric": False, "array": merged["ci_high"] - merged["median"],
                 "arrayminus": merged["median"] - merged["ci_low"], "color": "#333333", "thickness": 2},
        hovertemplate="%{y}: %{x:.1f}<extra></extra>")
    p90 = go.Scatter(x=merged["p90"], y=names, mode="markers", name="p90",
                     marker={"symbol": "diamond", "size": 12, "color": "#333333"},
                     hovertemplate="p90 %{y}: %{x:.1f}<extra></extra>")
    fig = figure([bars, p90], axis(tr("waktu.axis.walk_minutes")), axis("", autorange="reversed"),
                 height=140 + 42 * len(names))
    ui.chart(fig, merged, tr("waktu.walk.caption", period=period()), "waktu_walk")


# ------------------------------------------------------------------------------------------------ tab: staff


def staff_tab() -> None:
    staff = ui.query("staff_turnaround", filters, **wait_targets)
    if staff.empty:
        ui.no_data()
        return
    for level in ("counter", "officer"):
        rows = staff[staff["level"] == level]
        st.subheader(tr(f"waktu.staff.{level}_title"))
        if level == "officer" and not ui.can("officer_detail"):
            st.info(tr("waktu.staff.officer_refused"))  # per-officer figures: supervisors and auditors only
            continue
        table(pd.DataFrame([{
            tr(f"waktu.col.{level}"): r["code"],
            tr("waktu.col.tickets"): count(r["tickets"]),
            tr("waktu.col.median_wait"): num(r["median_wait"]),
            tr("waktu.col.median_service"): num(r["median_service"]),
            tr("waktu.col.above"): pct(r["share_above_target"]),
            tr("waktu.col.note"): small_note(r["tickets"]),
        } for r in rows.to_dict("records")]), f"waktu_staff_{level}")
    st.caption(tr("waktu.staff.caption", period=period(), **{k: target_text(v) for k, v in wait_targets.items()}))


# ------------------------------------------------------------------------------------------------ page

summary_now = ui.summary(filters)
if not any(summary_now["tickets"].values()) and not any(v["n"] for v in summary_now["completion_workdays"].values()):
    ui.no_data()
    st.stop()

st.caption(tr("waktu.intro", **{k: target_text(v) for k, v in {**wait_targets, **done_targets}.items()}))
kpi_cards(summary_now)
finding(summary_now)

TABS = ("queue", "completion", "overtaking", "walk", "staff")
tabs = st.tabs([tr(f"waktu.tab.{t}") for t in TABS], key="waktu_tab", on_change="rerun")
renderers = {"queue": queue_tab, "completion": lambda: completion_tab(summary_now), "overtaking": overtaking_tab,
             "walk": walk_tab, "staff": staff_tab}
for name, tab in zip(TABS, tabs, strict=True):
    if tab.open is not False:
        with tab:
            renderers[name]()
