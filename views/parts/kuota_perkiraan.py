"""Kuota, section "Perkiraan permintaan": tickets of the next working days of one office and lane against the
quota, with the 80 % and 95 % intervals, the days expected over the quota, the quota suggestion and the backtest
(kancil/decide/forecast.py through the catalogue figure ``forecast_days``); computed when the section is opened."""

from __future__ import annotations

import streamlit as st

from kancil.decide import forecast
from kancil.filters import Filters
from kancil.i18n import t
from kancil.palette import LANE_COLORS
from kancil.web import data
from kancil.web.charts import base
from kancil.web.charts import decide as charts
from kancil.web.text import code, count, lang, num, pct, tr

COLUMNS = ["tanggal", "kind", "tickets", "expected", "lower80", "upper80", "lower95", "upper95", "quota",
           "p_over_quota"]


def render(filters: Filters, info: dict, lane: str) -> None:
    """The section, folded: the forecast (statsmodels' import and fit, seconds on a cold server) is computed only
    once the user opens it, so the page's other figures are drawn first (issue 14); the open state is in the URL
    (``perkiraan``), so a copied link opens it too."""
    st.subheader(tr("kuota.forecast.title"))
    section = st.expander(tr("kuota.forecast.open", lane=code(lane)), key="perkiraan", on_change="rerun",
                          bind="query-params", icon=":material/query_stats:")
    if section.open:
        with section:
            _forecast(filters, info, lane)


def _forecast(filters: Filters, info: dict, lane: str) -> None:
    offices = list(info["offices"])
    office = filters.office or (offices[0] if len(offices) == 1 else st.selectbox(
        tr("kuota.forecast.pick"), offices, key="perkiraan_kantor"))
    days = data.figure("forecast_days", filters.replace(office=office), lane=lane)
    if days.empty:
        st.info(tr("common.no_data"))
        return
    first = days.iloc[0]
    if first["method"] == forecast.SIMPLE:
        st.warning(t("decide.forecast.short_history", lang(), days=int(first["history_days"]),
                     minimum=forecast.MIN_HISTORY), icon=":material/info:")
    ahead = days[days["kind"] == "forecast"]
    left, right = st.columns(2)
    left.metric(tr("kuota.forecast.suggestion", lane=code(lane)), count(first["quota_history"]),
                help=tr("kuota.forecast.suggestion_help", coverage=pct(first["quota_coverage"], 0),
                        history=count(first["quota_history"]), horizon=count(first["quota_horizon"])), border=True)
    over = int(ahead["overflow"].sum())
    right.metric(tr("kuota.forecast.overflow"), tr("kuota.forecast.overflow_value", n=count(over),
                                                    days=count(len(ahead))), border=True)
    names = {k: tr(f"kuota.forecast.trace.{k}") for k in ("recorded", "expected", "band95", "band80", "quota",
                                                         "overflow")}
    fig = charts.forecast(days, names, tr("kuota.axis.date"), tr("kuota.axis.tickets"), LANE_COLORS[lane])
    model = t("decide.forecast.model" if first["method"] == forecast.MODEL else "decide.forecast.simple", lang())
    base.show(fig, days, "forecast_days", tr("kuota.forecast.caption", lane=code(lane), office=office,
                                             days=count(len(ahead)), model=model), f"kuota_forecast_{lane}", COLUMNS)
    if first["backtest_days"]:
        st.caption(tr("decide.explain.forecast", mae=num(first["mae"]), naive=num(first["naive_mae"]),
                      coverage=pct(first["coverage80"], 0)))
