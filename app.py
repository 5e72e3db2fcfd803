"""Kancil Nari — the entry point: page navigation, the shared sidebar filters and the store check."""

from __future__ import annotations

import logging

import streamlit as st

from kancil import ui

st.set_page_config(page_title="Kancil Nari", page_icon="🛂", layout="wide")
logging.basicConfig(level=logging.INFO)

if not ui.db_path().exists():
    st.error(ui.tr("store.missing", path=ui.db_path()))
    st.stop()

info = ui.store_info()
st.session_state["_info"] = info
st.session_state["_filters"] = ui.sidebar_filters(info)

pages = {
    ui.tr("nav.group.daily"): [
        st.Page("pages/ringkasan.py", title=ui.tr("nav.briefing"), icon="☀️", url_path="ringkasan", default=True),
    ],
    ui.tr("nav.group.analysis"): [
        st.Page("pages/kuota.py", title=ui.tr("nav.quota"), icon="🎫", url_path="kuota"),
        st.Page("pages/waktu_layanan.py", title=ui.tr("nav.turnaround"), icon="⏱️", url_path="waktu-layanan"),
        st.Page("pages/kepuasan.py", title=ui.tr("nav.satisfaction"), icon="🙂", url_path="kepuasan"),
        st.Page("pages/fasilitas.py", title=ui.tr("nav.facilities"), icon="🍼", url_path="fasilitas"),
    ],
}
st.navigation(pages).run()
