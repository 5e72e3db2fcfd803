"""Pengaturan: the office's daily quotas, the targets of the turnaround page, its own calendar days, whether cuti
bersama is a working day, and the age threshold in labels; with the history of every change.

Every write is a function of kancil/admin/changes.py inside ``store.writer`` (whose closing bumps the store version, so
every page's cached numbers are recomputed on its next run); this page only collects the values and shows the
outcome. Office codes and notes are user text: shown in tables and plain widgets only, never as markdown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import streamlit as st

from kancil.admin import changes
from kancil.contract import LANES
from kancil.i18n import code_label, fmt_date, fmt_datetime, fmt_num
from kancil.store import connection, settings
from kancil.web import signin, ui

HISTORY_ROWS = 200
FLASH_KEY = "settings_flash"
TARGET_KEYS = ("target_wait_prioritas", "target_wait_reguler", "target_wait_percepatan", "target_completion_days",
               "target_completion_days_percepatan")
CUTI = "cuti_bersama_hari_kerja"

filters, info = ui.frame("nav.settings", "pengaturan", (), capability="settings")
lang = ui.lang()
user = signin.current_user()


def read(fetch: Callable):  # noqa: ANN202 - returns what fetch returns
    """Read from the store with a short-lived connection (these small tables are not worth caching)."""
    try:
        with connection.reader(ui.db_path(), wait=ui.BUSY_WAIT_SECONDS) as con:
            return fetch(con)
    except connection.StoreBusy:
        st.warning(ui.tr("store.busy_nothing"))
        st.stop()


def write(change: Callable, done: Callable[[object], list[tuple[str, str]]]) -> None:
    """Make a change; show a refusal in place, or remember the outcome (``done``) and rerun with new data."""
    ui.write_then_rerun(change, FLASH_KEY, done)


def show_flash() -> None:
    for kind, text in st.session_state.pop(FLASH_KEY, []):
        (st.success if kind == "success" else st.info)(text)


def when(value: object) -> str:
    return "—" if value is None or pd.isna(value) else fmt_datetime(pd.Timestamp(value).to_pydatetime(), lang)


def day(value: object) -> str:
    return "—" if value is None or pd.isna(value) else fmt_date(pd.Timestamp(value).date(), lang)


# ------------------------------------------------------------------------------------------------ quotas


def quota_tab(periods: pd.DataFrame, offices: list[str]) -> None:
    st.subheader(ui.tr("settings.quota.current"))
    if periods.empty:
        st.info(ui.tr("settings.quota.none"))
    else:
        table = pd.DataFrame({
            ui.tr("settings.col.office"): periods["office_code"],
            ui.tr("settings.col.lane"): [code_label(v, lang) for v in periods["lane"]],
            ui.tr("settings.col.from"): [day(v) for v in periods["valid_from"]],
            ui.tr("settings.col.to"): [day(v) if pd.notna(v) else ui.tr("settings.open_ended")
                                       for v in periods["valid_to"]],
            ui.tr("settings.col.daily"): periods["daily_quota"],
            ui.tr("settings.col.status"): [ui.tr(f"settings.quota.status.{v}") for v in periods["status"]],
            ui.tr("settings.col.source"): periods["file_name"].fillna("—"),
            ui.tr("settings.col.who"): periods["loaded_by"].fillna("—"),
            ui.tr("settings.col.when"): [when(v) for v in periods["loaded_at"]],
        })
        st.dataframe(table, hide_index=True, width="stretch")
    st.caption(ui.tr("settings.quota.caption", today=fmt_date(dt.date.today(), lang)))

    st.subheader(ui.tr("settings.quota.add"))
    st.caption(ui.tr("settings.quota.add_caption"))
    with st.form("settings_quota_form"):
        left, middle, right = st.columns(3)
        office = left.selectbox(ui.tr("settings.quota.office"), offices, index=0 if offices else None,
                                accept_new_options=True, help=ui.tr("settings.quota.office_help"),
                                key="settings_quota_office")
        lane = left.selectbox(ui.tr("settings.quota.lane"), LANES, format_func=lambda c: code_label(c, lang),
                              key="settings_quota_lane")
        start = middle.date_input(ui.tr("settings.quota.from"), value=dt.date.today() + dt.timedelta(days=1),
                                  format="DD/MM/YYYY", key="settings_quota_from")
        end = middle.date_input(ui.tr("settings.quota.to"), value=None, format="DD/MM/YYYY",
                                key="settings_quota_to")
        quota = right.number_input(ui.tr("settings.quota.daily"), min_value=1, max_value=10000, value=10, step=1,
                                   key="settings_quota_daily")
        submitted = st.form_submit_button(ui.tr("settings.quota.save"), type="primary")
    if submitted:
        write(lambda con: changes.add_quota_period(con, user.username, office or "", lane, start, end, int(quota)),
              lambda change: quota_messages(change, lane, start, int(quota)))


def quota_messages(change: changes.QuotaChange, lane: str, start: dt.date, quota: int) -> list[tuple[str, str]]:
    out = [("success", ui.tr("settings.quota.saved", lane=code_label(lane, lang), start=fmt_date(start, lang),
                             quota=fmt_num(quota, lang)))]
    if change.closed:
        closed = change.closed
        out.append(("info", ui.tr("settings.quota.closed", start=fmt_date(closed["valid_from"], lang),
                                  quota=fmt_num(closed["daily_quota"], lang), end=fmt_date(closed["valid_to"], lang))))
    return out


# ------------------------------------------------------------------------------------------------ targets


def targets_tab(values: dict[str, str]) -> None:
    # The inputs have no key: after a change (by anyone) they show the stored values, not a stale session state.
    with st.form("settings_targets_form"):
        st.subheader(ui.tr("settings.targets.heading"))
        chosen: dict[str, int] = {}
        for row in (TARGET_KEYS[:3], TARGET_KEYS[3:]):  # waits in minutes, then completion in working days
            for col, key in zip(st.columns(3), row, strict=False):
                low, high = changes.SETTING_RANGES[key]
                chosen[key] = col.number_input(ui.tr(f"settings.key.{key}"), min_value=low, max_value=high,
                                               value=int(values[key]), step=1)
        st.caption(ui.tr("settings.targets.caption"))
        st.subheader(ui.tr("settings.labels.heading"))
        low, high = changes.SETTING_RANGES["usia_lansia"]
        chosen["usia_lansia"] = st.columns(3)[0].number_input(
            ui.tr("settings.key.usia_lansia"), min_value=low, max_value=high, value=int(values["usia_lansia"]),
            step=1)
        submitted = st.form_submit_button(ui.tr("settings.targets.save"), type="primary")
    if submitted:
        write(lambda con: sum(changes.change_setting(con, user.username, k, v) for k, v in chosen.items()),
              lambda n: [("success", ui.tr("settings.targets.saved", n=n)) if n
                         else ("info", ui.tr("settings.targets.unchanged"))])


# ------------------------------------------------------------------------------------------------ calendar


def calendar_tab(values: dict[str, str], days: pd.DataFrame, offices: list[str]) -> None:
    st.subheader(ui.tr("settings.cuti.heading"))
    with st.form("settings_cuti_form"):
        on = st.toggle(ui.tr(f"settings.key.{CUTI}"), value=values[CUTI] == "true")
        st.caption(ui.tr("settings.cuti.caption"))
        submitted = st.form_submit_button(ui.tr("settings.cuti.save"))
    if submitted:
        write(lambda con: changes.change_setting(con, user.username, CUTI, on),
              lambda changed: [("success", ui.tr("settings.cuti.saved_on" if on else "settings.cuti.saved_off"))
                               if changed else ("info", ui.tr("settings.targets.unchanged"))])

    st.subheader(ui.tr("settings.days.heading"))
    st.caption(ui.tr("settings.days.caption"))
    if days.empty:
        st.info(ui.tr("settings.days.none"))
    else:
        st.dataframe(pd.DataFrame({
            ui.tr("settings.col.date"): [day(v) for v in days["tanggal"]],
            ui.tr("settings.col.office"): [office_label(v) for v in days["office_code"]],
            ui.tr("settings.col.kind"): [ui.tr(f"settings.jenis.{v}") for v in days["jenis"]],
            ui.tr("settings.col.note"): days["keterangan"].fillna(""),
        }), hide_index=True, width="stretch")

    add_col, remove_col = st.columns(2)
    with add_col, st.form("settings_day_form"):
        st.markdown(f"**{ui.tr('settings.days.add')}**")
        office = st.selectbox(ui.tr("settings.days.office"), [None, *offices], format_func=office_label,
                              key="settings_day_office")
        chosen_day = st.date_input(ui.tr("settings.days.date"), value=dt.date.today() + dt.timedelta(days=1),
                                   format="DD/MM/YYYY", key="settings_day_date")
        jenis = st.radio(ui.tr("settings.days.kind"), changes.CALENDAR_KINDS, horizontal=True,
                         format_func=lambda j: ui.tr(f"settings.jenis.{j}"), key="settings_day_kind")
        note = st.text_input(ui.tr("settings.days.note"), max_chars=changes.MAX_NOTE_LENGTH, key="settings_day_note")
        submitted = st.form_submit_button(ui.tr("settings.days.save"), type="primary")
    if submitted:
        write(lambda con: changes.add_calendar_day(con, user.username, office, chosen_day, jenis, note),
              lambda _: [("success", ui.tr("settings.days.added", kind=ui.tr(f"settings.jenis.{jenis}"),
                                           day=fmt_date(chosen_day, lang)))])
    if not days.empty:
        with remove_col, st.form("settings_remove_form"):
            st.markdown(f"**{ui.tr('settings.days.remove')}**")
            rows = days.to_dict("records")
            pick = st.selectbox(ui.tr("settings.days.remove_choice"), range(len(rows)), index=None,
                                format_func=lambda i: day_label(rows[i]), key="settings_remove_pick",
                                placeholder=ui.tr("settings.days.remove_placeholder"))
            removed = st.form_submit_button(ui.tr("settings.days.remove_button"))
        if removed and pick is not None:
            row = rows[pick]
            when_day = pd.Timestamp(row["tanggal"]).date()
            write(lambda con: changes.remove_calendar_day(con, user.username, none_if_na(row["office_code"]),
                                                        when_day, row["jenis"]),
                  lambda _: [("success", ui.tr("settings.days.removed", kind=ui.tr(f"settings.jenis.{row['jenis']}"),
                                               day=fmt_date(when_day, lang)))])


def none_if_na(value: object) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


def office_label(office: object) -> str:
    office = none_if_na(office)
    return ui.tr("settings.days.all_offices") if office is None else office


def day_label(row: dict) -> str:
    parts = [day(row["tanggal"]), ui.tr(f"settings.jenis.{row['jenis']}"), office_label(row["office_code"])]
    if none_if_na(row["keterangan"]):
        parts.append(str(row["keterangan"]))
    return " · ".join(parts)


# ------------------------------------------------------------------------------------------------ history


def history_tab() -> None:
    history = ui.query("settings_history", limit=HISTORY_ROWS)
    if history.empty:
        st.info(ui.tr("settings.history.none"))
        return
    st.dataframe(pd.DataFrame({
        ui.tr("settings.col.when"): [when(v) for v in history["changed_at"]],
        ui.tr("settings.col.who"): history["changed_by"],
        ui.tr("settings.col.area"): [ui.tr(f"settings.area.{a}") for a in history["area"]],
        ui.tr("settings.col.item"): [history_item(a, i) for a, i in zip(history["area"], history["item"],
                                                                       strict=True)],
        ui.tr("settings.col.old"): [history_value(i, v) for i, v in zip(history["item"], history["old_value"],
                                                                       strict=True)],
        ui.tr("settings.col.new"): [history_value(i, v) for i, v in zip(history["item"], history["new_value"],
                                                                       strict=True)],
    }), hide_index=True, width="stretch")
    st.caption(ui.tr("settings.history.caption", n=HISTORY_ROWS))


def history_item(area: str, item: str) -> str:
    return ui.tr(f"settings.key.{item}") if area == "pengaturan" and item in settings.DEFAULTS else item


def history_value(item: str, value: object) -> str:
    if value is None or pd.isna(value):
        return "—"
    if item == CUTI and value in ("true", "false"):
        return ui.tr("settings.yes" if value == "true" else "settings.no")
    return str(value)


# ------------------------------------------------------------------------------------------------ page

show_flash()
st.caption(ui.tr("settings.intro"))
current, periods, calendar_rows = read(lambda con: (settings.all_settings(con), changes.quota_periods(con),
                                                    changes.calendar_days(con)))
known_offices = sorted({*info["offices"], *periods["office_code"].dropna()})
quota, targets, days_tab, history = st.tabs([ui.tr("settings.tab.quota"), ui.tr("settings.tab.targets"),
                                             ui.tr("settings.tab.calendar"), ui.tr("settings.tab.history")])
with quota:
    quota_tab(periods, known_offices)
with targets:
    targets_tab(current)
with days_tab:
    calendar_tab(current, calendar_rows, known_offices)
with history:
    history_tab()
