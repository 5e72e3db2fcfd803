"""Pengaturan, tab Pengiriman: who receives the morning briefing by e-mail and through which SMTP server
(``python -m kancil briefing --send``, kancil/briefing/delivery.py). The password is not a setting: the page only
says whether the server has one. Addresses are user text: shown in plain widgets only, never as markdown."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from kancil import config
from kancil.admin import changes
from kancil.briefing import delivery
from kancil.web import signin
from kancil.web.text import fmt_num, lang, tr

KEYS = ("kirim_penerima", "smtp_host", "smtp_port", "smtp_keamanan", "smtp_user", "smtp_pengirim")


def render(values: dict[str, str], write: Callable) -> None:
    """The delivery tab: the recipient list and the server, saved together (each change kept in the history)."""
    user = signin.current_user()
    st.subheader(tr("kirim.heading"))
    st.caption(tr("kirim.intro"))
    # The inputs have no key: after a change (by anyone) they show the stored values, not a stale session state.
    with st.form("settings_delivery_form"):
        chosen: dict[str, object] = {}
        chosen["kirim_penerima"] = st.text_area(
            tr("pengaturan.key.kirim_penerima"), value="\n".join(delivery.split_recipients(values["kirim_penerima"])),
            help=tr("kirim.recipients_help"), height=120)
        host, port, security = st.columns([3, 1, 2])
        chosen["smtp_host"] = host.text_input(tr("pengaturan.key.smtp_host"), value=values["smtp_host"])
        low, high = changes.SETTING_RANGES["smtp_port"]
        chosen["smtp_port"] = port.number_input(tr("pengaturan.key.smtp_port"), min_value=low, max_value=high,
                                                value=int(values["smtp_port"]), step=1)
        chosen["smtp_keamanan"] = security.selectbox(
            tr("pengaturan.key.smtp_keamanan"), delivery.SECURITY, index=delivery.SECURITY.index(
                values["smtp_keamanan"]) if values["smtp_keamanan"] in delivery.SECURITY else 0,
            format_func=lambda s: tr(f"kirim.security.{s}"))
        login, sender = st.columns(2)
        chosen["smtp_user"] = login.text_input(tr("pengaturan.key.smtp_user"), value=values["smtp_user"])
        chosen["smtp_pengirim"] = sender.text_input(tr("pengaturan.key.smtp_pengirim"), value=values["smtp_pengirim"])
        st.caption(tr("kirim.password_note"))
        submitted = st.form_submit_button(tr("kirim.save"), type="primary")
    count = len(delivery.split_recipients(values["kirim_penerima"]))
    st.text(tr("kirim.count", n=fmt_num(count, lang())))
    st.text(tr("kirim.password_present" if config.smtp_password() is not None else "kirim.password_absent"))
    if submitted:
        write(lambda con: sum(changes.change_setting(con, user.username, k, chosen[k]) for k in KEYS),
              lambda n: [("success", tr("kirim.saved", n=n)) if n else ("info", tr("kirim.unchanged"))])
