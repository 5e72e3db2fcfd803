"""Pengaturan, tab Kalender, section "Kantor utama": the office whose time zone the "Semua kantor" views write their
times in (kancil/store/offices.py ``kantor_utama``; empty: the first office by code). Only the store's offices are
offered, each by its name."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from kancil.admin import changes
from kancil.web import data, signin
from kancil.web.text import tr


def render(values: dict[str, str], known_offices: list[str], write: Callable) -> None:
    """The form; the choice has no key, so after any change it shows the stored value."""
    user = signin.current_user()
    directory = data.directory()
    stored = values.get(changes.MAIN_OFFICE_SETTING, "")
    options = ["", *known_offices] if stored in ("", *known_offices) else ["", stored, *known_offices]
    with st.form("settings_office_form"):
        choice = st.selectbox(tr("pengaturan.key.kantor_utama"), options, index=options.index(stored),
                              format_func=lambda c: directory.label(c) if c else tr("pengaturan.office.first"))
        st.caption(tr("pengaturan.office.caption"))
        submitted = st.form_submit_button(tr("pengaturan.office.save"))
    if submitted:
        write(lambda con: changes.change_settings(con, user.username, {changes.MAIN_OFFICE_SETTING: choice}),
              lambda n: [("success", tr("pengaturan.targets.saved", n=n)) if n
                         else ("info", tr("pengaturan.targets.unchanged"))])
