"""Waktu layanan: waiting, service and completion times per lane against the office's targets, and three things no
queue product reports: priority tickets overtaken by later reguler/percepatan tickets, the walk to the counter per
applicant group, and the service level by hour. Only the open tab's figures are computed (the tab is in the URL).
"""

from __future__ import annotations

import streamlit as st

from kancil.contract import LANES
from kancil.metrics import turnaround
from kancil.web import data, frame
from kancil.web.text import code, count, delta, delta_color, num, period, target_text, tr
from views.parts import waktu_antrean, waktu_audit, waktu_penyelesaian

filters, info = frame.page()
lanes = (filters.lane,) if filters.lane else LANES
targets = data.targets()
wait_t = {lane: targets[lane]["wait"] for lane in lanes}
done_t = {lane: targets[lane]["completion"] for lane in lanes}
now, before = data.summary(filters), data.summary(filters.previous())
if not any(now["tickets"].values()) and not any(v["n"] for v in now["completion_workdays"].values()):
    frame.no_data()
    st.stop()
st.caption(tr("waktu_layanan.intro", **{f"target_{lane}": target_text(targets[lane]["wait"]) for lane in LANES},
              target_days=target_text(targets["reguler"]["completion"]),
              target_days_percepatan=target_text(targets["percepatan"]["completion"])))

for stat, unit, target in (("wait_minutes", "minutes", wait_t), ("completion_workdays", "days", done_t)):
    kind = "wait" if stat == "wait_minutes" else "completion"
    for column, lane in zip(st.columns(len(lanes)), lanes, strict=True):
        value, earlier = now[stat][lane], before[stat][lane]
        change = delta(value["median"], earlier["median"], unit_key=f"waktu_layanan.{unit}_value")
        column.metric(tr(f"waktu_layanan.kpi.{kind}", lane=code(lane)), "—" if value["median"] is None else
                      tr(f"waktu_layanan.{unit}_value", value=num(value["median"])), change,
                      delta_color=delta_color(value["median"], earlier["median"]), border=True,
                      help=tr(f"waktu_layanan.kpi.{kind}_help", previous=period(filters.previous())))
        column.caption(tr(f"waktu_layanan.kpi.{kind}_caption", target=target_text(target[lane]), n=count(value["n"]),
                          note=tr("chart.small_suffix") if 0 < (value["n"] or 0) < 30 else ""))
found = turnaround.completion_finding(now["completion_workdays"])
if found:
    text = tr("waktu_layanan.finding." + ("not_faster" if found["not_faster"] else "faster"),
              prioritas=num(found["prioritas"]), reguler=num(found["reguler"]), n_prioritas=count(found["n_prioritas"]),
              n_reguler=count(found["n_reguler"]))
    (st.warning if found["not_faster"] else st.info)(text, icon=":material/compare_arrows:")

TABS = {"queue": waktu_antrean.render, "completion": waktu_penyelesaian.render, "overtaking": waktu_audit.overtaking,
        "walk": waktu_audit.walk, "staff": waktu_audit.staff}
tabs = st.tabs([tr(f"waktu_layanan.tab.{t}") for t in TABS], key="tab", bind="query-params")
for (name, render), tab in zip(TABS.items(), tabs, strict=True):
    if tab.open or (tab.open is None and name == "queue"):  # only the open tab computes its figures
        with tab:
            render(filters, lanes, targets, now)
