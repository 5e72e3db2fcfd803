"""Kepuasan: the IKM (PermenPANRB 14/2017) of the period with its category, the nine elements, the trend by month,
quarter or semester, lanes and groups with 95% intervals, the sample size, U3 against the actual wait, how
applicants heard of the service, and their comments.

The score is one SQL definition (``stg_ikm_score``) behind every figure here and behind ``summary --json``.
Comments are plain text in a static table: never Markdown or HTML, never downloadable from the page.
"""

from __future__ import annotations

import streamlit as st

from kancil.contract import GROUPS, LANES
from kancil.metrics import ikm
from kancil.palette import GROUP_PALETTE, LANE_COLORS
from kancil.web import data, frame, tables
from kancil.web.charts import bars, base, lines, points
from kancil.web.text import bucket, code, count, delta, num, period, small, tr
from views.parts import kepuasan_komentar

MAIN_COLOR, GROUP_COLOR, LOW_COLOR = "#0b5394", "#555555", "#cc0000"
REFERENCES = [(lower, letter) for lower, letter, _name in ikm.IKM_CATEGORIES if letter in ("A", "B")]
BUCKETS = ("month", "quarter", "semester")

filters, info = frame.page()
where = period(filters)
st.caption(tr("kepuasan.intro"))
if filters.service_type:
    st.info(tr("kepuasan.service_type_note"))
now, before = data.summary(filters)["ikm"], data.summary(filters.previous())["ikm"]
if now["responses"] == 0:
    frame.no_data()
    st.stop()
references = [(v, tr("kepuasan.threshold", letter=letter)) for v, letter in REFERENCES]
sample = tables.record(data.figure("survey_sample_check", filters), "survey_sample_check")
elements = tables.record(data.figure("ikm_elements", filters), "ikm_elements")

score_col, category_col, responses_col, sample_col = st.columns(4)
change = delta(now["score"], before["score"], 2)
score_col.metric(tr("kepuasan.kpi.score"), "—" if now["score"] is None else tr(
    "kepuasan.kpi.score_value", score=num(now["score"], 2), category=now["category"]), change,
    delta_color="off" if change in (None, num(0.0, 2)) else "normal", border=True,
    delta_description=tr("kepuasan.kpi.vs_previous"), help=tr("kepuasan.kpi.score_help",
                                                              previous=period(filters.previous())))
category_col.metric(tr("kepuasan.kpi.category"), tr("kepuasan.kpi.category_value", letter=now["category"], name=tr(
    f"kepuasan.category.{now['category']}")) if now["category"] in ("A", "B", "C", "D") else "—",
    tr("kepuasan.kpi.category_before", letter=before["category"]) if before["category"] else None,
    delta_color="off", delta_arrow="off", help=tr("kepuasan.kpi.category_help"), border=True)
responses_col.metric(tr("kepuasan.kpi.responses"), count(now["responses"]), delta(now["responses"],
                     before["responses"], 0), delta_color="off", border=True,
                     help=tr("kepuasan.kpi.responses_help", previous=period(filters.previous())))
sample_col.metric(tr("kepuasan.kpi.sample"), tr("kepuasan.kpi.sample_value", responses=count(sample["responses"]),
                  required=count(sample["required"])), tr("kepuasan.kpi.enough") if sample["enough"] is True else
                  tr("kepuasan.kpi.short", short=count(sample["short"])), delta_arrow="off", border=True,
                  delta_color="normal" if sample["enough"] is True else "inverse",
                  help=tr("kepuasan.kpi.sample_help", applicants=count(sample["applicants"])))
st.caption(" ".join([tr("kepuasan.sample_caption", applicants=count(sample["applicants"]),
                        required=count(sample["required"]), responses=count(sample["responses"])),
                     tr("kepuasan.weight_note", score=num(elements["score_weight_0_11"], 2))]))

st.subheader(tr("kepuasan.elements.title"))
ranked = data.figure("ikm_elements_ranked", filters)
answered = ranked[ranked["nrr"].notna()]
fig = bars.hbars([code(u) for u in answered["element"]], answered["nrr"], tables.cells(answered, "ikm_elements_ranked",
                 "nrr"), [LOW_COLOR if low else MAIN_COLOR for low in answered["below_floor"]],
                 tr("kepuasan.elements.x"), x_range=[1, 4.2], rules=[base.rule(ikm.ELEMENT_FLOOR, dash="dash")])
base.show(fig, ranked, "ikm_elements_ranked", tr("kepuasan.elements.caption", n=count(now["responses"]),
                                                 period=where), "kepuasan_elements", ["element", "nrr", "below_floor"])

st.subheader(tr("kepuasan.trend.title"))
kind = st.radio(tr("kepuasan.trend.bucket"), BUCKETS, key="tren", horizontal=True, bind="query-params",
                format_func=lambda b: tr(f"kepuasan.bucket.{b}"))
trend = data.figure("ikm_trend_ci", filters, bucket=kind)
trend["period"] = [bucket(s, kind) + ("*" if p else "") for s, p in zip(trend["period_start"], trend["partial"],
                                                                        strict=True)]
labels = [f"{name}<br>n = {n}" for name, n in zip(trend["period"], tables.cells(trend, "ikm_trend_ci", "responses"),
                                                  strict=True)]
low = min([65.0, *(v - 2 for v in trend["ci_low"].dropna())])
fig = lines.trend(labels, trend["score"], trend["ci_low"], trend["ci_high"], trend["small_n"].fillna(True),
                  tr("kepuasan.trend.x"), tr("kepuasan.trend.y"), [max(25.0, low), 100], references)
base.show(fig, trend, "ikm_trend_ci", tr("kepuasan.trend.caption", bucket=tr(f"kepuasan.bucket.{kind}").lower(),
                                         period=where), "kepuasan_trend",
          ["period", "covered_from", "covered_to", "responses", "score", "ci_low", "ci_high", "small_n", "partial"])

st.subheader(tr("kepuasan.compare.title"))
for column, by, order in zip(st.columns(2), ("lane", "group"), (LANES, GROUPS), strict=True):
    with column:
        st.markdown(f"**{tr(f'kepuasan.compare.{by}')}**")
        scores = tables.ordered(data.figure("ikm_by_ci", filters, by=by), "category", order)
        labels = [tr("kepuasan.label_n", label=code(c) if c else tr("kepuasan.unknown"), n=n,
                     note=tr("chart.small_suffix") if small else "")
                  for c, n, small in zip(scores["category"], tables.cells(scores, "ikm_by_ci", "responses"),
                                         scores["small_n"].fillna(True), strict=True)]
        colors = [LANE_COLORS.get(c, GROUP_COLOR) if by == "lane" else GROUP_COLOR for c in scores["category"]]
        fig = points.intervals(labels, scores["score"], scores["ci_low"], scores["ci_high"], colors,
                               scores["small_n"].fillna(True), tr("kepuasan.compare.x"), [55, 100], references)
        base.show(fig, scores, "ikm_by_ci", tr("kepuasan.compare.caption", by=tr(f"kepuasan.by.{by}"), period=where),
                  f"kepuasan_{by}", labels={"category": tr(f"kepuasan.col.{by}")})

st.subheader(tr("kepuasan.u3.title"))
by = st.radio(tr("kepuasan.u3.by"), ("lane", "group"), key="u3", horizontal=True, bind="query-params",
              format_func=lambda b: tr(f"kepuasan.compare.{b}"))
u3 = data.figure("u3_by_wait", filters, by=by)
if u3.empty:
    st.info(tr("kepuasan.u3.none"))
else:
    u3 = tables.ordered(u3, "category", LANES if by == "lane" else GROUPS)
    groups = [{"name": code(c) if c else tr("kepuasan.unknown"), "x": list(part["wait_bucket"]),
               "color": LANE_COLORS.get(c, GROUP_COLOR) if by == "lane" else GROUP_PALETTE[i % len(GROUP_PALETTE)],
               "values": part["mean_u3"], "lows": part["ci_low"], "highs": part["ci_high"],
               "ns": [f"n = {n}" for n in tables.cells(part, "u3_by_wait", "n")],
               "small": [small(n) for n in part["n"]]}
              for i, (c, part) in enumerate(u3.groupby("category", dropna=False, sort=False))]
    fig = bars.from_floor(groups, ["0–15", "15–30", "30–60", "60+"], 1, 4.2, tr("kepuasan.u3.x"), tr("kepuasan.u3.y"),
                          ikm.ELEMENT_FLOOR)
    base.show(fig, u3, "u3_by_wait", tr("kepuasan.u3.caption", n=count(u3["n"].sum()), by=tr(f"kepuasan.by.{by}"),
                                        period=where), "kepuasan_u3", ["category", "wait_bucket", "n", "mean_u3",
                                                                      "ci_low", "ci_high"],
              labels={"category": tr(f"kepuasan.col.{by}")})

left, right = st.columns([5, 6])
with left:
    st.subheader(tr("kepuasan.info.title"))
    sources = data.figure("info_source_counts", filters)
    sources["info_source"] = sources["info_source"].fillna("tidak_diisi")
    labels = [code(c) for c in sources["info_source"]]
    fig = bars.hbars(labels, sources["responses"], [f"{n} ({s})" for n, s in zip(
        tables.cells(sources, "info_source_counts", "responses"), tables.cells(sources, "info_source_counts", "share"),
        strict=True)], MAIN_COLOR, tr("kepuasan.info.x"), row_height=40)
    base.show(fig, sources, "info_source_counts", tr("kepuasan.info.caption", n=count(sources["responses"].sum()),
                                                     period=where), "kepuasan_info")
with right:
    kepuasan_komentar.show(filters, where)
