"""Pengaturan, tab Target, section "Pendukung keputusan": the three settings the Kuota forecast and Simulasi read —
the share of working days a suggested quota must cover, and the office's own calling and processing orders (the
replays' "as recorded" order). Written as kancil/decide/orders.py reads them; a bad order is refused with the
reason the order reader gives (the lane it does not know, a lane named twice)."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from kancil.admin import changes
from kancil.web import signin
from kancil.web.text import tr

ORDER_KEYS = ("urutan_panggil", "urutan_proses")


def render(values: dict[str, str], write: Callable) -> None:
    """The form; inputs without key, so after any change they show the stored values."""
    user = signin.current_user()
    with st.form("settings_decide_form"):
        st.subheader(tr("pengaturan.decide.heading"))
        low, high = changes.SETTING_RANGES["kuota_cakupan"]
        left, middle, right = st.columns(3)
        chosen: dict[str, object] = {
            "kuota_cakupan": left.number_input(tr("pengaturan.key.kuota_cakupan"), min_value=low, max_value=high,
                                               value=int(values["kuota_cakupan"]), step=1),
        }
        for col, key in zip((middle, right), ORDER_KEYS, strict=True):
            chosen[key] = col.text_input(tr(f"pengaturan.key.{key}"), value=values[key],
                                         help=tr("pengaturan.decide.order_help"))
        st.caption(tr("pengaturan.decide.caption"))
        submitted = st.form_submit_button(tr("pengaturan.decide.save"), type="primary")
    if submitted:
        write(lambda con: changes.change_settings(con, user.username, chosen),
              lambda n: [("success", tr("pengaturan.targets.saved", n=n)) if n
                         else ("info", tr("pengaturan.targets.unchanged"))])
