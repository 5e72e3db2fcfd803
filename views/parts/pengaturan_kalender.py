"""Pengaturan, tab Kalender: whether cuti bersama is a working day, and the office's own closed and service
days. Office codes and notes are user text: shown in tables and plain widgets only, never as markdown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import streamlit as st

from kancil.admin import changes
from kancil.i18n import fmt_date
from kancil.web import signin, times
from kancil.web.text import day, lang, tr

CUTI = "cuti_bersama_hari_kerja"


def render(values: dict[str, str], days: pd.DataFrame, offices: list[str], write: Callable) -> None:
    """The calendar tab: cuti bersama, and the office's own closed and service days."""
    user = signin.current_user()
    st.subheader(tr("pengaturan.cuti.heading"))
    with st.form("settings_cuti_form"):
        on = st.toggle(tr(f"pengaturan.key.{CUTI}"), value=values[CUTI] == "true")
        st.caption(tr("pengaturan.cuti.caption"))
        submitted = st.form_submit_button(tr("pengaturan.cuti.save"))
    if submitted:
        write(lambda con: changes.change_setting(con, user.username, CUTI, on),
              lambda changed: [("success", tr("pengaturan.cuti.saved_on" if on else "pengaturan.cuti.saved_off"))
                               if changed else ("info", tr("pengaturan.targets.unchanged"))])

    st.subheader(tr("pengaturan.days.heading"))
    st.caption(tr("pengaturan.days.caption"))
    if days.empty:
        st.info(tr("pengaturan.days.none"))
    else:
        st.dataframe(pd.DataFrame({
            tr("pengaturan.col.date"): [day(v) for v in days["tanggal"]],
            tr("pengaturan.col.office"): [office_label(v) for v in days["office_code"]],
            tr("pengaturan.col.kind"): [tr(f"pengaturan.jenis.{v}") for v in days["jenis"]],
            tr("pengaturan.col.note"): days["keterangan"].fillna(""),
        }), hide_index=True, width="stretch")

    add_col, remove_col = st.columns(2)
    with add_col, st.form("settings_day_form"):
        st.markdown(f"**{tr('pengaturan.days.add')}**")
        office = st.selectbox(tr("pengaturan.days.office"), [None, *offices], format_func=office_label,
                              key="settings_day_office")
        chosen_day = st.date_input(tr("pengaturan.days.date"), value=times.today() + dt.timedelta(days=1),
                                   format="DD/MM/YYYY", key="settings_day_date")
        jenis = st.radio(tr("pengaturan.days.kind"), changes.CALENDAR_KINDS, horizontal=True,
                         format_func=lambda j: tr(f"pengaturan.jenis.{j}"), key="settings_day_kind")
        note = st.text_input(tr("pengaturan.days.note"), max_chars=changes.MAX_NOTE_LENGTH, key="settings_day_note")
        submitted = st.form_submit_button(tr("pengaturan.days.save"), type="primary")
    if submitted:
        write(lambda con: changes.add_calendar_day(con, user.username, office, chosen_day, jenis, note),
              lambda _: [("success", tr("pengaturan.days.added", kind=tr(f"pengaturan.jenis.{jenis}"),
                                           day=fmt_date(chosen_day, lang())))])
    if not days.empty:
        with remove_col, st.form("settings_remove_form"):
            st.markdown(f"**{tr('pengaturan.days.remove')}**")
            rows = days.to_dict("records")
            pick = st.selectbox(tr("pengaturan.days.remove_choice"), range(len(rows)), index=None,
                                format_func=lambda i: day_label(rows[i]), key="settings_remove_pick",
                                placeholder=tr("pengaturan.days.remove_placeholder"))
            removed = st.form_submit_button(tr("pengaturan.days.remove_button"))
        if removed and pick is not None:
            row = rows[pick]
            when_day = pd.Timestamp(row["tanggal"]).date()
            write(lambda con: changes.remove_calendar_day(con, user.username, none_if_na(row["office_code"]),
                                                        when_day, row["jenis"]),
                  lambda _: [("success", tr("pengaturan.days.removed", kind=tr(f"pengaturan.jenis.{row['jenis']}"),
                                               day=fmt_date(when_day, lang())))])


def none_if_na(value: object) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


def office_label(office: object) -> str:
    office = none_if_na(office)
    return tr("pengaturan.days.all_offices") if office is None else office


def day_label(row: dict) -> str:
    parts = [day(row["tanggal"]), tr(f"pengaturan.jenis.{row['jenis']}"), office_label(row["office_code"])]
    if none_if_na(row["keterangan"]):
        parts.append(str(row["keterangan"]))
    return " · ".join(parts)
