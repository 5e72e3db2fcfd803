"""Kancil Nari — the entry point: sign-in, page navigation by role, the shared sidebar filters."""

from __future__ import annotations

import logging

import streamlit as st

from kancil import roles
from kancil.web import signin, ui

st.set_page_config(page_title="Kancil Nari", page_icon=":material/badge:", layout="wide")
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

# (menu group, file, title key, icon, url path, capability needed)
PAGES = (
    ("nav.group.daily", "views/ringkasan.py", "nav.briefing", "wb_sunny", "ringkasan", "dashboard"),
    ("nav.group.analysis", "views/kuota.py", "nav.quota", "confirmation_number", "kuota", "dashboard"),
    ("nav.group.analysis", "views/waktu_layanan.py", "nav.turnaround", "schedule", "waktu-layanan", "dashboard"),
    ("nav.group.analysis", "views/kepuasan.py", "nav.satisfaction", "sentiment_satisfied", "kepuasan", "dashboard"),
    ("nav.group.analysis", "views/fasilitas.py", "nav.facilities", "child_care", "fasilitas", "dashboard"),
    ("nav.group.audit", "views/unduh.py", "nav.download", "download", "unduh", "download_rows"),
    ("nav.group.audit", "views/log_unduhan.py", "nav.download_log", "receipt_long", "log-unduhan", "download_log"),
    ("nav.group.admin", "views/data.py", "nav.data", "upload_file", "data", "data_import"),
    ("nav.group.admin", "views/pengaturan.py", "nav.settings", "tune", "pengaturan", "settings"),
    ("nav.group.admin", "views/pengguna.py", "nav.users", "group", "pengguna", "users"),
)

db = ui.db_path()
if not db.exists():
    st.error(ui.tr("store.missing", path=db))
    st.stop()
ui.ensure_current_schema(str(db))
user = signin.require_user(db, ui.tr, page_paths=tuple(url_path for *_r, url_path, _cap in PAGES))

info = ui.store_info()
st.session_state["_info"] = info

# Every page is registered (so its URL answers, and refuses a role that may not use it, in the page's own
# frame); the menu shows only the pages this role may use; "/" opens the first of them.
home = next((p for _g, p, *_r, cap in PAGES if roles.can(user, cap)), PAGES[0][1])
pages = {path: st.Page(path, title=ui.tr(title), icon=f":material/{icon}:", url_path=url_path, default=path == home)
         for _group, path, title, icon, url_path, _cap in PAGES}
current = st.navigation(list(pages.values()), position="hidden")
wanted = signin.page_wanted_before_sign_in()
if wanted and wanted != current.url_path:
    st.switch_page(next(p for p in pages.values() if p.url_path == wanted))
for group in dict.fromkeys(g for g, *_ in PAGES):
    allowed = [(path, cap) for g, path, *_rest, cap in PAGES if g == group and roles.can(user, cap)]
    if allowed:
        st.sidebar.caption(ui.tr(group))
        for path, _cap in allowed:
            st.sidebar.page_link(pages[path])
signin.sidebar_account(ui.tr, ui.lang())
st.session_state["_filters"] = ui.sidebar_filters(info)
current.run()
