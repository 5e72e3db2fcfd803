"""Kancil Nari — the entry point: page navigation, the shared sidebar filters and the store check."""

from __future__ import annotations

import logging

import streamlit as st

from kancil import ui

st.set_page_config(page_title="Kancil Nari", page_icon=":material/badge:", layout="wide")
logging.basicConfig(level=logging.INFO)

if not ui.db_path().exists():
    st.error(ui.tr("store.missing", path=ui.db_path()))
    st.stop()

info = ui.store_info()
st.session_state["_info"] = info
st.session_state["_filters"] = ui.sidebar_filters(info)

# (group, file, title key, icon, url path)
PAGES = (
    ("nav.group.daily", "pages/ringkasan.py", "nav.briefing", "wb_sunny", "ringkasan"),
    ("nav.group.analysis", "pages/kuota.py", "nav.quota", "confirmation_number", "kuota"),
    ("nav.group.analysis", "pages/waktu_layanan.py", "nav.turnaround", "schedule", "waktu-layanan"),
    ("nav.group.analysis", "pages/kepuasan.py", "nav.satisfaction", "sentiment_satisfied", "kepuasan"),
    ("nav.group.analysis", "pages/fasilitas.py", "nav.facilities", "child_care", "fasilitas"),
)

navigation: dict[str, list[st.Page]] = {}
for group, path, title, icon, url_path in PAGES:
    navigation.setdefault(ui.tr(group), []).append(
        st.Page(path, title=ui.tr(title), icon=f":material/{icon}:", url_path=url_path,
                default=path.endswith("ringkasan.py"))
    )
st.navigation(navigation).run()
