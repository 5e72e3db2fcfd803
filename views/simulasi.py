"""Simulasi: the office's own days replayed under another calling or processing order (kancil/decide), for the
head of office and supervisors. First the head of office's question answered (prioritas right after percepatan),
then the counter queue and the back office under an order of the reader's choice, each beside the record, with
how close the replay of the office's own order comes, and the BAP what-if. Every figure is a catalogue figure.
"""

from __future__ import annotations

import streamlit as st

from kancil.contract import LANES
from kancil.decide import replay_completion
from kancil.web import data, frame, tables
from kancil.web.charts import base
from kancil.web.charts import decide as charts
from kancil.web.text import lang, num, pct, period, signed, tr

filters, info = frame.page()
offices = list(info["offices"])
if not offices:
    frame.no_data()
    st.stop()
office = filters.office or (offices[0] if len(offices) == 1 else st.selectbox(
    tr("simulasi.office_pick"), offices, key="simulasi_kantor"))
scope = filters.replace(office=office, lane=None, group=None, service_type=None, channel=None)
settings = data.settings_values()
st.caption(tr("simulasi.intro", office=office, period=period(scope)))

answer = data.figure("priority_answer", scope)
if answer.empty:
    st.info(tr("simulasi.none", office=office))
    st.stop()
rows = {r["lane"]: r for r in answer.to_dict("records")}
st.subheader(tr("simulasi.question.title"))
st.markdown(f"**{tr('decide.answer.question')}**")
st.info(replay_completion.answer_text(rows, lang()), icon=":material/lightbulb:")
pri, reg = rows["prioritas"], rows["reguler"]
left, right = st.columns(2)
left.metric(tr("simulasi.kpi.prioritas"), tr("simulasi.kpi.value", value=num(pri["median"])),
            tr("simulasi.kpi.delta", value=signed(pri["change_median"])), delta_color="inverse",
            help=tr("simulasi.kpi.help", order=pri["office_order"]), border=True)
right.metric(tr("simulasi.kpi.reguler"), tr("simulasi.kpi.value", value=num(reg["mean"], 2)),
             tr("simulasi.kpi.delta", value=signed(reg["change_mean"], 2)), delta_color="inverse",
             help=tr("simulasi.kpi.help", order=reg["office_order"]), border=True)
st.caption(tr("decide.explain.trust", share=pct(pri["exact_share"])))


def order_choice(label_key: str, own: str, presets: tuple[str, ...], key: str) -> str:
    """A radio of the office's own order and a few others (its value is the order text)."""
    options = list(dict.fromkeys((own, *presets)))
    names = {o: tr("simulasi.order.own", order=o) if o == own else tr("simulasi.order.fifo") if o == "fifo" else o
             for o in options}
    return st.radio(tr(label_key), options, index=min(1, len(options) - 1), format_func=names.get, horizontal=True,
                    key=key, bind="query-params")


def beside_record(lanes_frame, value: str, y_title: str, caption: str, key: str, figure: str) -> None:
    shown = lanes_frame[lanes_frame["n"] > 0]
    lanes = list(shown["lane"])
    texts = ([num(v) for v in shown[f"recorded_{value}"]], [num(v) for v in shown[value]])
    fig = charts.beside_record(lanes, shown[f"recorded_{value}"], shown[value],
                               (tr("simulasi.recorded"), tr("simulasi.replayed")), texts, y_title)
    base.show(fig, shown, figure, caption, key)


st.subheader(tr("simulasi.queue.title"))
st.caption(tr("decide.explain.queue"))
call_order = order_choice("simulasi.order", settings["urutan_panggil"],
                          ("fifo", "percepatan,prioritas,reguler", "reguler,percepatan,prioritas"), "urutan")
recorded_counters = tr("simulasi.counters.recorded")
counters_mode = st.radio(tr("simulasi.counters"), (recorded_counters, tr("simulasi.counters.n")), horizontal=True,
                         key="loket_mode")
counters = None if counters_mode == recorded_counters else int(st.number_input(
    tr("simulasi.counters.n"), min_value=1, max_value=30, value=7, key="loket"))
queue = data.figure("replay_queue_lanes", scope, order=call_order, counters=counters)
if queue.empty:
    st.info(tr("simulasi.none", office=office))
else:
    beside_record(queue, "median", tr("simulasi.queue.axis"),
                  tr("simulasi.queue.caption", period=period(scope), order=call_order), "simulasi_queue",
                  "replay_queue_lanes")

st.subheader(tr("simulasi.completion.title"))
st.caption(tr("decide.explain.completion"))
process_order = order_choice("simulasi.order", settings["urutan_proses"],
                             ("percepatan,prioritas,reguler", "fifo", "prioritas,percepatan,reguler"),
                             "urutan_proses")
done = data.figure("replay_completion_lanes", scope, order=process_order)
if done.empty:
    st.info(tr("simulasi.none", office=office))
else:
    beside_record(done, "mean", tr("simulasi.completion.axis"),
                  tr("simulasi.completion.caption", period=period(scope), order=process_order),
                  "simulasi_completion", "replay_completion_lanes")
    st.subheader(tr("simulasi.bap.title"))
    bap = tables.ordered(done[done["bap_n"] > 0], "lane", LANES)
    tables.show(bap, "replay_completion_lanes", "simulasi_bap",
                ["lane", "bap_n", "bap_median", "bap_kept_median", "bap_mean", "bap_kept_mean"])
    st.caption(tr("simulasi.bap.caption"))
