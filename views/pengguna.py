"""Pengguna: the accounts of the dashboard (never their password hashes), adding one, and (de)activating one.

The rules live in kancil/admin/changes.py and kancil/roles.py (argon2 hashes, minimum length, SSO-only accounts whose
username is the e-mail address, no self-lock-out, never the last active admin); this page collects the values.
Usernames and display names are user text: shown in tables and plain widgets only, never as markdown.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kancil import config, roles
from kancil.admin import changes
from kancil.i18n import code_label
from kancil.store import accounts, connection
from kancil.web import data, frame, signin, times
from kancil.web.text import lang as session_lang
from kancil.web.text import tr

FLASH_KEY = "users_flash"

filters, info = frame.page()
lang = session_lang()
user = signin.current_user()


def write(change, message_key: str) -> None:
    """Make a change (no dashboard data changes: the store version stays); refusals in place, else rerun."""
    frame.write_then_rerun(change, FLASH_KEY, lambda _outcome: tr(message_key), bump=False)


def yes_no(value: bool) -> str:
    return tr("pengguna.yes" if value else "pengguna.no")


def accounts_table(rows: pd.DataFrame) -> None:
    st.subheader(tr("pengguna.list"))
    if rows.empty:
        st.info(tr("pengguna.none"))
        return
    st.dataframe(pd.DataFrame({
        tr("pengguna.col.username"): rows["username"],
        tr("pengguna.col.role"): [code_label(r, lang) for r in rows["role"]],
        tr("pengguna.col.name"): rows["display_name"],
        tr("pengguna.col.sign_in"): [tr("pengguna.sign_in.sso" if s else "pengguna.sign_in.password")
                                     for s in rows["sso"]],
        tr("pengguna.col.active"): [yes_no(bool(a)) for a in rows["active"]],
        tr("pengguna.col.created_by"): rows["created_by"].fillna("—"),
        tr("pengguna.col.created_at"): [times.moment(v) for v in rows["created_at"]],
    }), hide_index=True, width="stretch")
    st.caption(tr("pengguna.roles_caption"))


def add_form() -> None:
    st.subheader(tr("pengguna.add"))
    with st.form("users_add_form", clear_on_submit=False):
        left, right = st.columns(2)
        username = left.text_input(tr("pengguna.username"), max_chars=120, help=tr("pengguna.username_help"),
                                   key="users_username")
        role = left.selectbox(tr("pengguna.role"), roles.ROLES, format_func=lambda r: code_label(r, lang),
                              key="users_role")
        name = left.text_input(tr("pengguna.display_name"), max_chars=120, key="users_name")
        sso = right.checkbox(tr("pengguna.sso"), key="users_sso")
        password = right.text_input(tr("pengguna.password", n=accounts.MIN_PASSWORD_LENGTH), type="password",
                                    key="users_password")
        again = right.text_input(tr("pengguna.password_again"), type="password", key="users_password_again")
        submitted = st.form_submit_button(tr("pengguna.create"), type="primary")
    if submitted:
        for key in ("users_password", "users_password_again"):  # never keep a password in the session
            st.session_state.pop(key, None)
        write(lambda con: changes.create_account(con, user.username, username, role, name, password, again, sso),
              "pengguna.created")


def activation(listed: pd.DataFrame) -> None:
    if listed.empty:
        return
    st.subheader(tr("pengguna.active"))
    st.caption(tr("pengguna.active_caption", minutes=roles.SESSION_IDLE_MINUTES))
    rows = listed.to_dict("records")
    pick_col, button_col = st.columns([3, 1], vertical_alignment="bottom")
    pick = pick_col.selectbox(
        tr("pengguna.pick"), range(len(rows)), index=None, placeholder=tr("pengguna.pick_placeholder"),
        format_func=lambda i: f"{rows[i]['username']} ({code_label(rows[i]['role'], lang)}, "
                              f"{tr('pengguna.state_active' if rows[i]['active'] else 'pengguna.state_inactive')})",
        key="users_pick",
    )
    if pick is None:
        return
    chosen = rows[pick]
    active = bool(chosen["active"])
    if button_col.button(tr("pengguna.deactivate" if active else "pengguna.reactivate"), key="users_toggle"):
        write(lambda con: changes.change_active(con, user.username, chosen["username"], not active),
              "pengguna.deactivated" if active else "pengguna.reactivated")


flash = st.session_state.pop(FLASH_KEY, None)
if flash:
    st.success(flash)
st.caption(tr("pengguna.intro"))
try:
    with connection.reader(config.db_path(), wait=data.BUSY_WAIT_SECONDS) as con:
        listed = changes.list_accounts(con)
except connection.StoreBusy:
    st.warning(tr("store.busy_nothing"))
    st.stop()
accounts_table(listed)
add_form()
activation(listed)
