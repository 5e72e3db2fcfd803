"""Pengaturan: the office's daily quotas, the targets of the turnaround page, its own calendar days, whether cuti
bersama is a working day, the age threshold in labels, who receives the morning briefing by e-mail; with the
history of every change.

Every write is a function of kancil/admin/changes.py inside ``store.writer`` (whose closing bumps the store version, so
every page's cached numbers are recomputed on its next run); this page only collects the values and shows the
outcome. Office codes and notes are user text: shown in tables and plain widgets only, never as markdown.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from kancil.admin import changes
from kancil.store import settings
from kancil.web import data, frame, signin, times
from kancil.web.text import lang as session_lang
from kancil.web.text import tr
from views.parts import pengaturan_kalender, pengaturan_kantor, pengaturan_keputusan, pengaturan_kirim, pengaturan_kuota

HISTORY_ROWS = 200
FLASH_KEY = "settings_flash"
TARGET_KEYS = ("target_wait_prioritas", "target_wait_reguler", "target_wait_percepatan", "target_completion_days",
               "target_completion_days_percepatan")
CUTI = "cuti_bersama_hari_kerja"

filters, info = frame.page()
lang = session_lang()
user = signin.current_user()


def write(change: Callable, done: Callable[[object], list[tuple[str, str]]]) -> None:
    """Make a change; show a refusal in place, or remember the outcome (``done``) and rerun with new data."""
    frame.write_then_rerun(change, FLASH_KEY, done)


def show_flash() -> None:
    for kind, text in st.session_state.pop(FLASH_KEY, []):
        (st.success if kind == "success" else st.info)(text)


# ------------------------------------------------------------------------------------------------ targets


def targets_tab(values: dict[str, str]) -> None:
    # The inputs have no key: after a change (by anyone) they show the stored values, not a stale session state.
    with st.form("settings_targets_form"):
        st.subheader(tr("pengaturan.targets.heading"))
        chosen: dict[str, int] = {}
        for row in (TARGET_KEYS[:3], TARGET_KEYS[3:]):  # waits in minutes, then completion in working days
            for col, key in zip(st.columns(3), row, strict=False):
                low, high = changes.SETTING_RANGES[key]
                chosen[key] = col.number_input(tr(f"pengaturan.key.{key}"), min_value=low, max_value=high,
                                               value=int(values[key]), step=1)
        st.caption(tr("pengaturan.targets.caption"))
        st.subheader(tr("pengaturan.labels.heading"))
        low, high = changes.SETTING_RANGES["usia_lansia"]
        chosen["usia_lansia"] = st.columns(3)[0].number_input(
            tr("pengaturan.key.usia_lansia"), min_value=low, max_value=high, value=int(values["usia_lansia"]),
            step=1)
        submitted = st.form_submit_button(tr("pengaturan.targets.save"), type="primary")
    if submitted:
        write(lambda con: changes.change_settings(con, user.username, chosen),
              lambda n: [("success", tr("pengaturan.targets.saved", n=n)) if n
                         else ("info", tr("pengaturan.targets.unchanged"))])


# ------------------------------------------------------------------------------------------------ history


def history_tab() -> None:
    history = data.query("settings_history", limit=HISTORY_ROWS)
    if history.empty:
        st.info(tr("pengaturan.history.none"))
        return
    st.dataframe(pd.DataFrame({
        tr("pengaturan.col.when"): [times.moment(v) for v in history["changed_at"]],
        tr("pengaturan.col.who"): history["changed_by"],
        tr("pengaturan.col.area"): [tr(f"pengaturan.area.{a}") for a in history["area"]],
        tr("pengaturan.col.item"): [history_item(a, i) for a, i in zip(history["area"], history["item"],
                                                                       strict=True)],
        tr("pengaturan.col.old"): [history_value(i, v) for i, v in zip(history["item"], history["old_value"],
                                                                       strict=True)],
        tr("pengaturan.col.new"): [history_value(i, v) for i, v in zip(history["item"], history["new_value"],
                                                                       strict=True)],
    }), hide_index=True, width="stretch")
    st.caption(tr("pengaturan.history.caption", n=HISTORY_ROWS))


def history_item(area: str, item: str) -> str:
    return tr(f"pengaturan.key.{item}") if area == "pengaturan" and item in settings.DEFAULTS else item


def history_value(item: str, value: object) -> str:
    if value is None or pd.isna(value):
        return "—"
    if item == CUTI and value in ("true", "false"):
        return tr("pengaturan.yes" if value == "true" else "pengaturan.no")
    return str(value)


# ------------------------------------------------------------------------------------------------ page

show_flash()
st.caption(tr("pengaturan.intro"))
current, periods, calendar_rows = frame.read(lambda con: (settings.all_settings(con), changes.quota_periods(con),
                                                    changes.calendar_days(con)))
known_offices = sorted({*info["offices"], *periods["office_code"].dropna()})
quota, targets, days_tab, delivery_tab, history = st.tabs(
    [tr("pengaturan.tab.quota"), tr("pengaturan.tab.targets"), tr("pengaturan.tab.calendar"),
     tr("pengaturan.tab.delivery"), tr("pengaturan.tab.history")])
with quota:
    pengaturan_kuota.render(periods, known_offices, write)
with targets:
    targets_tab(current)
    pengaturan_keputusan.render(current, write)
with days_tab:
    pengaturan_kalender.render(current, calendar_rows, known_offices, write)
    pengaturan_kantor.render(current, known_offices, write)
with delivery_tab:
    pengaturan_kirim.render(current, write)
with history:
    history_tab()
