"""Kepuasan: the IKM (PermenPANRB 14/2017) of the period with its category, the nine elements, the trend by month,
quarter or semester, lanes and groups with 95% intervals, the sample size, U3 against the actual wait, how
applicants heard of the service, and their comments.

The headline IKM comes from ``queries/ikm_elements.sql`` and ``metrics.ikm_category``, the same definition as
``metrics.summary`` (``python -m kancil summary``); every other figure has its own query in ``queries/`` and the
intervals come from ``kancil/metrics/satisfaction.py``. Comments are plain text in a table: never Markdown or HTML.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from babel.dates import format_date

from kancil.contract import GROUPS, LANES, SENSITIVE_GROUPS
from kancil.i18n import code_label, fmt_date, fmt_pct
from kancil.metrics import kpis, satisfaction, stats
from kancil.palette import LANE_COLORS
from kancil.web import ui
from kancil.web.charts import FONT_SIZE, styled
from kancil.web.ui import clean, count, num, tr

MAIN_COLOR = "#0b5394"
GROUP_COLOR = "#555555"
LOW_COLOR = "#cc0000"
GROUP_PALETTE = ("#0b5394", "#6aa84f", "#e69138", "#8e7cc3", "#c27ba0", "#45818e", "#999999")
THRESHOLDS = {letter: lower for lower, letter, _name in kpis.IKM_CATEGORIES if letter in ("A", "B")}
BUCKETS = ("month", "quarter", "semester")
COMMENT_LIMIT = 200
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}

filters, info = ui.frame("nav.satisfaction", "kepuasan", ("survei", "permohonan"))
lang = ui.lang()
IKM_DECIMALS = 2  # scores and element means as the regulation's reports give them


# ------------------------------------------------------------------------------------------------ formatting


def period(f=filters) -> str:  # noqa: ANN001 - a Filters
    return tr("kepuasan.period", start=fmt_date(f.date_from, lang), end=fmt_date(f.date_to, lang))


def with_n(label: str, n: object) -> str:
    note = tr("kepuasan.small_suffix") if stats.is_small(int(n)) else ""
    return tr("kepuasan.label_n", label=label, n=count(n), note=note)


def code_or_unknown(code: object) -> str:
    return tr("kepuasan.unknown") if code is None or pd.isna(code) else code_label(str(code), lang)


def yes_no(flag: object) -> str:
    return tr("kepuasan.yes") if bool(flag) else tr("kepuasan.no")



def error_bars(frame: pd.DataFrame, value: str = "score") -> dict:
    """Asymmetric error bars from ci_low/ci_high (none where the interval is unknown)."""
    return {"type": "data", "symmetric": False, "thickness": 2, "width": 6, "color": "#333333",
            "array": (frame["ci_high"] - frame[value]).astype("float64").fillna(0).tolist(),
            "arrayminus": (frame[value] - frame["ci_low"]).astype("float64").fillna(0).tolist()}


def markers(colors: list[str], small: pd.Series) -> dict:
    """Filled markers, open ones where the figure rests on fewer than 30 responses."""
    return {"size": 14, "color": colors, "symbol": ["circle-open" if s else "circle" for s in small],
            "line": {"color": colors, "width": 2.5}}


def text_color(background: str) -> str:
    """Black on light bars, white on dark ones."""
    red, green, blue = (int(background[i:i + 2], 16) for i in (1, 3, 5))
    return "#000000" if 0.299 * red + 0.587 * green + 0.114 * blue > 140 else "#ffffff"


def category_lines(fig: go.Figure, vertical: bool) -> None:
    """Dashed lines at the lower limits of categories B and A, labelled."""
    for letter, lower in THRESHOLDS.items():
        label = tr("kepuasan.threshold", letter=letter)
        if vertical:
            fig.add_vline(x=lower, line_dash="dash", line_color="#888888", annotation_text=label,
                          annotation_position="top", annotation_font_size=FONT_SIZE - 2)
        else:
            fig.add_hline(y=lower, line_dash="dash", line_color="#888888", annotation_text=label,
                          annotation_position="top left", annotation_font_size=FONT_SIZE - 2)


@st.cache_data(max_entries=64, show_spinner=False)
def ikm_by(rows: pd.DataFrame, column: str) -> pd.DataFrame:
    """IKM with its 95% interval (stats.ikm_ci) per value of ``column`` (cached: a widget change does not recompute)."""
    return satisfaction.ikm_by(rows, column)


# ------------------------------------------------------------------------------------------------ KPI cards


def category_text(letter: str | None) -> str:
    return "—" if letter is None else tr("kepuasan.kpi.category_value", letter=letter,
                                         name=tr(f"kepuasan.category.{letter}"))


def score_delta(now: float | None, before: float | None) -> str | None:
    if now is None or before is None:
        return None
    change = round(now - before, 2) + 0.0  # no "-0,00"
    return ("+" if change > 0 else "") + num(change, IKM_DECIMALS)


def kpi_cards(now: dict, sample: dict) -> None:
    """IKM (1/9) with its category, responses and the sample size, with the change against the previous period."""
    before = satisfaction.headline(ui.query("ikm_elements", filters.previous()).iloc[0])
    previous = period(filters.previous())
    score_col, category_col, responses_col, sample_col = st.columns(4)
    unchanged = score_delta(now["score"], before["score"]) in (None, num(0.0, IKM_DECIMALS))
    score_col.metric(
        tr("kepuasan.kpi.score"),
        "—" if now["score"] is None else tr("kepuasan.kpi.score_value", score=num(now["score"], IKM_DECIMALS),
                                            category=now["category"]),
        score_delta(now["score"], before["score"]), delta_description=tr("kepuasan.kpi.vs_previous"),
        delta_color="off" if unchanged else "normal", delta_arrow="off" if unchanged else "auto",
        help=tr("kepuasan.kpi.score_help", previous=previous), border=True)
    category_col.metric(
        tr("kepuasan.kpi.category"), category_text(now["category"]),
        tr("kepuasan.kpi.category_before", letter=before["category"]) if before["category"] else None,
        delta_color="off", delta_arrow="off", help=tr("kepuasan.kpi.category_help"), border=True)
    change = now["responses"] - before["responses"]
    responses_col.metric(
        tr("kepuasan.kpi.responses"), count(now["responses"]), ("+" if change > 0 else "") + count(change),
        delta_color="off", delta_description=tr("kepuasan.kpi.vs_previous"),
        help=tr("kepuasan.kpi.responses_help", previous=previous), border=True)
    sample_col.metric(
        tr("kepuasan.kpi.sample"),
        tr("kepuasan.kpi.sample_value", responses=count(sample["responses"]), required=count(sample["required"])),
        tr("kepuasan.kpi.enough") if sample["enough"] else tr("kepuasan.kpi.short", short=count(sample["short"])),
        delta_color="normal" if sample["enough"] else "inverse", delta_arrow="off",
        help=tr("kepuasan.kpi.sample_help", applicants=count(sample["applicants"])), border=True)
    notes = [tr("kepuasan.sample_caption", applicants=count(sample["applicants"]),
                required=count(sample["required"]), responses=count(sample["responses"]))]
    if now["score_weight_0_11"] is not None:
        notes.append(tr("kepuasan.weight_note", score=num(now["score_weight_0_11"], IKM_DECIMALS)))
    st.caption(" ".join(notes))


# ------------------------------------------------------------------------------------------------ elements


def elements_chart(ikm_row: pd.Series, responses: int) -> None:
    frame = satisfaction.elements_lowest_first(ikm_row)
    frame["label"] = [code_label(u, lang) for u in frame["element"]]
    answered = frame[frame["nrr"].notna()]
    fig = go.Figure(go.Bar(
        x=answered["nrr"], y=answered["label"], orientation="h",
        marker_color=[LOW_COLOR if low else MAIN_COLOR for low in answered["below_floor"]],
        text=[num(v, IKM_DECIMALS) for v in answered["nrr"]], textposition="outside", cliponaxis=False,
        hovertemplate="%{y}: %{x:.2f}<extra></extra>"))
    fig.add_vline(x=satisfaction.ELEMENT_FLOOR, line_dash="dash", line_color="#333333",
                  annotation_text=tr("kepuasan.elements.floor"), annotation_position="top",
                  annotation_font_size=FONT_SIZE - 2)
    fig.update_yaxes(categoryorder="array", categoryarray=list(answered["label"]), autorange="reversed")
    fig.update_xaxes(range=[1, 4.2], dtick=0.5)
    styled(fig, tr("kepuasan.elements.x"), "", height=400)
    data = pd.DataFrame({
        tr("kepuasan.col.element"): frame["label"],
        tr("kepuasan.col.nrr"): [num(v, IKM_DECIMALS) for v in frame["nrr"]],
        tr("kepuasan.col.below_floor"): [yes_no(v) for v in frame["below_floor"]],
    })
    ui.chart(fig, data, tr("kepuasan.elements.caption", n=count(responses), period=period()), "kepuasan_elements")


# ------------------------------------------------------------------------------------------------ trend


def period_label(start: dt.date, bucket: str) -> str:
    if bucket == "month":
        return format_date(start, "MMM y", locale="id_ID" if lang == "id" else "en_GB")
    if bucket == "quarter":
        n = (start.month - 1) // 3 + 1
        return tr("kepuasan.quarter_label", n=ROMAN[n] if lang == "id" else n, year=start.year)
    n = 1 if start.month <= 6 else 2
    return tr("kepuasan.semester_label", n=ROMAN[n] if lang == "id" else n, year=start.year)


def with_intervals(scores: pd.DataFrame, rows: pd.DataFrame, key: str, column: str) -> pd.DataFrame:
    """The query's scores with the 95% interval of the same responses (matched on ``key``)."""
    intervals = ikm_by(rows, column).rename(columns={column: key})[[key, "ci_low", "ci_high"]]
    return scores.merge(intervals, on=key, how="left")


def trend_chart(rows: pd.DataFrame) -> None:
    bucket = st.radio(tr("kepuasan.trend.bucket"), BUCKETS, key="kepuasan_bucket", horizontal=True,
                      format_func=lambda b: tr(f"kepuasan.bucket.{b}"))
    scores = ui.query("ikm_trend", filters, bucket=bucket)
    scores["period_start"] = pd.to_datetime(scores["period_start"]).dt.date
    buckets = rows.assign(period_start=pd.to_datetime(rows[satisfaction.BUCKET_COLUMNS[bucket]]).dt.date)
    frame = with_intervals(scores, buckets, "period_start", "period_start")
    frame["small_n"] = [stats.is_small(int(n)) for n in frame["responses"]]
    frame["label"] = [period_label(s, bucket) + (tr("kepuasan.trend.partial") if p else "")
                      for s, p in zip(frame["period_start"], frame["partial"], strict=True)]
    ticks = [f"{label}<br>n = {count(n)}" for label, n in zip(frame["label"], frame["responses"], strict=True)]
    fig = go.Figure(go.Scatter(
        x=ticks, y=frame["score"], mode="lines+markers", line={"color": "#999999", "width": 1},
        marker=markers([MAIN_COLOR] * len(frame), frame["small_n"]),
        error_y=error_bars(frame), hovertemplate="%{x}: %{y:.2f}<extra></extra>"))
    category_lines(fig, vertical=False)
    low = min(65.0, float(frame["ci_low"].fillna(frame["score"]).min()) - 2)
    fig.update_yaxes(range=[max(25.0, low), 100])
    styled(fig, tr("kepuasan.trend.x"), tr("kepuasan.trend.y"))
    data = pd.DataFrame({
        tr("kepuasan.col.period"): frame["label"],
        tr("kepuasan.col.from"): [fmt_date(pd.Timestamp(d).date(), lang) for d in frame["covered_from"]],
        tr("kepuasan.col.to"): [fmt_date(pd.Timestamp(d).date(), lang) for d in frame["covered_to"]],
        tr("kepuasan.col.responses"): frame["responses"],
        tr("kepuasan.col.score"): [num(v, IKM_DECIMALS) for v in frame["score"]],
        tr("kepuasan.col.ci_low"): [num(v, IKM_DECIMALS) for v in frame["ci_low"]],
        tr("kepuasan.col.ci_high"): [num(v, IKM_DECIMALS) for v in frame["ci_high"]],
        tr("kepuasan.col.small_n"): [yes_no(v) for v in frame["small_n"]],
        tr("kepuasan.col.partial"): [yes_no(v) for v in frame["partial"]],
    })
    caption = tr("kepuasan.trend.caption", bucket=tr(f"kepuasan.bucket.{bucket}").lower(), period=period())
    ui.chart(fig, data, caption, "kepuasan_trend")
    if len(frame) == 1:
        st.caption(tr("kepuasan.trend.one_period"))


# ------------------------------------------------------------------------------------------------ lanes and groups


def comparison_chart(rows: pd.DataFrame, column: str, order: tuple[str, ...], by: str) -> None:
    """IKM per lane or group as dots with their 95% interval; n in the label, grey when n < 30."""
    frame = ikm_by(rows, column)
    rank = {code: i for i, code in enumerate(order)}
    frame = frame.assign(rank=[rank.get(c, len(order)) for c in frame[column]]).sort_values("rank", kind="stable")
    frame = frame[frame["score"].notna()]
    frame["label"] = [with_n(code_or_unknown(c), n) for c, n in zip(frame[column], frame["n"], strict=True)]
    colors = [LANE_COLORS.get(c, GROUP_COLOR) if column == "lane" else GROUP_COLOR for c in frame[column]]
    fig = go.Figure(go.Scatter(
        x=frame["score"], y=frame["label"], mode="markers", error_x=error_bars(frame),
        marker=markers(colors, frame["small_n"]),
        hovertemplate="%{y}: %{x:.2f}<extra></extra>"))
    category_lines(fig, vertical=True)
    fig.update_yaxes(categoryorder="array", categoryarray=list(frame["label"]), autorange="reversed")
    low = min(65.0, float(frame["ci_low"].fillna(frame["score"]).min()) - 2)
    fig.update_xaxes(range=[max(25.0, low), 100])
    height = max(260, 110 + 45 * len(frame))
    styled(fig, tr("kepuasan.compare.x"), "", height=min(height, 480))
    data = pd.DataFrame({
        tr(f"kepuasan.col.{by}"): [code_or_unknown(c) for c in frame[column]],
        tr("kepuasan.col.responses"): frame["n"],
        tr("kepuasan.col.score"): [num(v, IKM_DECIMALS) for v in frame["score"]],
        tr("kepuasan.col.category"): [kpis.ikm_category(v) or "—" for v in frame["score"]],
        tr("kepuasan.col.ci_low"): [num(v, IKM_DECIMALS) for v in frame["ci_low"]],
        tr("kepuasan.col.ci_high"): [num(v, IKM_DECIMALS) for v in frame["ci_high"]],
        tr("kepuasan.col.small_n"): [yes_no(v) for v in frame["small_n"]],
    })
    ui.chart(fig, data, tr("kepuasan.compare.caption", by=tr(f"kepuasan.by.{by}"), period=period()),
             f"kepuasan_{by}")


# ------------------------------------------------------------------------------------------------ U3 and the wait


def u3_chart() -> None:
    by = st.radio(tr("kepuasan.u3.by"), ("lane", "group"), key="kepuasan_u3_by", horizontal=True,
                  format_func=lambda b: tr(f"kepuasan.compare.{b}"))
    frame = ui.query("u3_by_wait", filters, by=by)
    if frame.empty:
        st.info(tr("kepuasan.u3.none"))
        return
    order = LANES if by == "lane" else GROUPS
    rank = {code: i for i, code in enumerate(order)}
    frame = frame.assign(rank=[rank.get(c, len(order)) for c in frame["category"]]).sort_values(
        ["rank", "bucket_order"], kind="stable")
    buckets = ["0–15", "15–30", "30–60", "60+"]
    present = [c for c in order if (frame["category"] == c).any()] + ([None] if frame["category"].isna().any() else [])
    fig = go.Figure()  # bars rise from 1, the floor of the answer scale, with n at their foot
    for i, code in enumerate(present):
        part = frame[frame["category"].isna()] if code is None else frame[frame["category"] == code]
        color = LANE_COLORS.get(code, GROUP_COLOR) if by == "lane" else GROUP_PALETTE[i % len(GROUP_PALETTE)]
        small = [stats.is_small(int(n)) for n in part["n"]]
        fig.add_trace(go.Bar(
            x=[buckets[int(b) - 1] for b in part["bucket_order"]], y=part["mean_u3"] - 1, base=1,
            customdata=part["mean_u3"], name=code_or_unknown(code),
            marker={"color": color, "pattern": {"shape": ["/" if s else "" for s in small], "fillmode": "overlay",
                                                "fgcolor": "#ffffff", "solidity": 0.3}},
            error_y=error_bars(part.rename(columns={"mean_u3": "score"})),
            text=[f"n = {count(n)}" for n in part["n"]], textposition="inside", insidetextanchor="start",
            textangle=-90, textfont={"color": text_color(color), "size": FONT_SIZE - 2},
            hovertemplate="%{x}: %{customdata:.2f} (%{text})<extra>" + code_or_unknown(code) + "</extra>"))
    fig.add_hline(y=satisfaction.ELEMENT_FLOOR, line_dash="dash", line_color="#333333")
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_xaxes(categoryorder="array", categoryarray=buckets)
    fig.update_yaxes(range=[1, 4.2], dtick=0.5)
    styled(fig, tr("kepuasan.u3.x"), tr("kepuasan.u3.y"), height=420)
    data = pd.DataFrame({
        tr(f"kepuasan.col.{by}"): [code_or_unknown(c) for c in frame["category"]],
        tr("kepuasan.col.wait"): [buckets[int(b) - 1] for b in frame["bucket_order"]],
        tr("kepuasan.col.responses"): frame["n"],
        tr("kepuasan.col.mean_u3"): [num(v, IKM_DECIMALS) for v in frame["mean_u3"]],
        tr("kepuasan.col.ci_low"): [num(v, IKM_DECIMALS) for v in frame["ci_low"]],
        tr("kepuasan.col.ci_high"): [num(v, IKM_DECIMALS) for v in frame["ci_high"]],
        tr("kepuasan.col.small_n"): [yes_no(stats.is_small(int(n))) for n in frame["n"]],
    })
    caption = tr("kepuasan.u3.caption", n=count(frame["n"].sum()), by=tr(f"kepuasan.by.{by}"), period=period())
    ui.chart(fig, data, caption, "kepuasan_u3")


# ------------------------------------------------------------------------------------------------ info sources


def info_chart() -> None:
    frame = ui.query("info_source_counts", filters)
    labels = [tr("kepuasan.info.blank") if pd.isna(c) else code_label(str(c), lang) for c in frame["info_source"]]
    fig = go.Figure(go.Bar(
        x=frame["responses"], y=labels, orientation="h", marker_color=MAIN_COLOR,
        text=[f"{count(n)} ({fmt_pct(clean(s), lang, 1)})" for n, s in zip(frame["responses"], frame["share"],
                                                                            strict=True)],
        textposition="outside", cliponaxis=False, hovertemplate="%{y}: %{text}<extra></extra>"))
    fig.update_yaxes(categoryorder="array", categoryarray=labels, autorange="reversed")
    fig.update_xaxes(range=[0, float(frame["responses"].max()) * 1.45])
    styled(fig, tr("kepuasan.info.x"), "", height=max(300, 90 + 40 * len(frame)))
    data = pd.DataFrame({
        tr("kepuasan.col.source"): labels,
        tr("kepuasan.col.responses"): frame["responses"],
        tr("kepuasan.col.share"): [fmt_pct(clean(s), lang, 1) for s in frame["share"]],
    })
    caption = tr("kepuasan.info.caption", n=count(frame["responses"].sum()), period=period())
    ui.chart(fig, data, caption, "kepuasan_info")


# ------------------------------------------------------------------------------------------------ comments


def comments() -> None:
    """The most recent comments matching a search, as plain text cells (never Markdown or HTML).

    Filtered on a disability or health group, every comment would be known to come from such an applicant
    (specific personal data, UU 27/2022): then no comment is shown at all.
    """
    if filters.group in SENSITIVE_GROUPS:
        st.info(tr("kepuasan.comments.sensitive", group=code_label(filters.group, lang)))
        return
    search = st.text_input(tr("kepuasan.comments.search"), key="kepuasan_search", max_chars=100,
                           placeholder=tr("kepuasan.comments.placeholder"))
    frame = ui.query("survey_comments", filters, search=search.strip(), limit=COMMENT_LIMIT)
    if frame.empty:
        st.info(tr("kepuasan.comments.none"))
        return
    st.caption(tr("kepuasan.comments.count", matches=count(frame["matches"].iloc[0]), shown=count(len(frame)),
                  period=period()))
    table = pd.DataFrame({
        tr("kepuasan.col.date"): [fmt_date(pd.Timestamp(d).date(), lang) for d in frame["tanggal"]],
        tr("kepuasan.col.lane"): [code_or_unknown(c) for c in frame["lane"]],
        tr("kepuasan.col.comment"): frame["comment"].astype(str),
    })
    st.dataframe(table, hide_index=True, width="stretch", key="kepuasan_comments",
                 column_config={tr("kepuasan.col.comment"): st.column_config.TextColumn(width="large")})
    st.caption(tr("kepuasan.comments.privacy"))


# ------------------------------------------------------------------------------------------------ the page


def main() -> None:
    st.caption(tr("kepuasan.intro"))
    if filters.service_type:
        st.info(tr("kepuasan.service_type_note"))
    ikm_row = ui.query("ikm_elements", filters).iloc[0]
    now = satisfaction.headline(ikm_row)
    if now["responses"] == 0:
        ui.no_data()
        return
    sample_row = ui.query("survey_sample", filters).iloc[0]
    sample = satisfaction.sample_check(int(sample_row["responses"]), int(sample_row["applicants"]))
    kpi_cards(now, sample)

    st.subheader(tr("kepuasan.elements.title"))
    elements_chart(ikm_row, now["responses"])

    rows = ui.query("survey_responses", filters)
    st.subheader(tr("kepuasan.trend.title"))
    trend_chart(rows)

    st.subheader(tr("kepuasan.compare.title"))
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{tr('kepuasan.compare.lane')}**")
        comparison_chart(rows, "lane", LANES, "lane")
    with right:
        st.markdown(f"**{tr('kepuasan.compare.group')}**")
        comparison_chart(rows, "applicant_group", GROUPS, "group")

    st.subheader(tr("kepuasan.u3.title"))
    u3_chart()

    left, right = st.columns([5, 6])
    with left:
        st.subheader(tr("kepuasan.info.title"))
        info_chart()
    with right:
        st.subheader(tr("kepuasan.comments.title"))
        comments()


main()
