"""Pengguna: the accounts of the dashboard (never their password hashes), adding one, and (de)activating one.

The rules live in kancil/admin/changes.py and kancil/roles.py (argon2 hashes, minimum length, SSO-only accounts whose
username is the e-mail address, no self-lock-out, never the last active admin); this page collects the values.
Usernames and display names are user text: shown in tables and plain widgets only, never as markdown.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kancil import roles
from kancil.admin import changes
from kancil.i18n import code_label, fmt_datetime
from kancil.store import accounts, connection
from kancil.web import signin, ui

FLASH_KEY = "users_flash"

filters, info = ui.frame("nav.users", "pengguna", (), capability="users")
lang = ui.lang()
user = signin.current_user()


def write(change, message_key: str) -> None:  # noqa: ANN001 - a function of a writable connection
    """Make a change (no dashboard data changes: the store version stays); refusals in place, else rerun."""
    ui.write_then_rerun(change, FLASH_KEY, lambda _outcome: ui.tr(message_key), bump=False)


def yes_no(value: bool) -> str:
    return ui.tr("users.yes" if value else "users.no")


def accounts_table(rows: pd.DataFrame) -> None:
    st.subheader(ui.tr("users.list"))
    if rows.empty:
        st.info(ui.tr("users.none"))
        return
    st.dataframe(pd.DataFrame({
        ui.tr("users.col.username"): rows["username"],
        ui.tr("users.col.role"): [code_label(r, lang) for r in rows["role"]],
        ui.tr("users.col.name"): rows["display_name"],
        ui.tr("users.col.sign_in"): [ui.tr("users.sign_in.sso" if s else "users.sign_in.password")
                                     for s in rows["sso"]],
        ui.tr("users.col.active"): [yes_no(bool(a)) for a in rows["active"]],
        ui.tr("users.col.created_by"): rows["created_by"].fillna("—"),
        ui.tr("users.col.created_at"): ["—" if pd.isna(v) else fmt_datetime(pd.Timestamp(v).to_pydatetime(), lang)
                                        for v in rows["created_at"]],
    }), hide_index=True, width="stretch")
    st.caption(ui.tr("users.roles_caption"))


def add_form() -> None:
    st.subheader(ui.tr("users.add"))
    with st.form("users_add_form", clear_on_submit=False):
        left, right = st.columns(2)
        username = left.text_input(ui.tr("users.username"), max_chars=120, help=ui.tr("users.username_help"),
                                   key="users_username")
        role = left.selectbox(ui.tr("users.role"), roles.ROLES, format_func=lambda r: code_label(r, lang),
                              key="users_role")
        name = left.text_input(ui.tr("users.display_name"), max_chars=120, key="users_name")
        sso = right.checkbox(ui.tr("users.sso"), key="users_sso")
        password = right.text_input(ui.tr("users.password", n=accounts.MIN_PASSWORD_LENGTH), type="password",
                                    key="users_password")
        again = right.text_input(ui.tr("users.password_again"), type="password", key="users_password_again")
        submitted = st.form_submit_button(ui.tr("users.create"), type="primary")
    if submitted:
        for key in ("users_password", "users_password_again"):  # never keep a password in the session
            st.session_state.pop(key, None)
        write(lambda con: changes.create_account(con, user.username, username, role, name, password, again, sso),
              "users.created")


def activation(listed: pd.DataFrame) -> None:
    if listed.empty:
        return
    st.subheader(ui.tr("users.active"))
    st.caption(ui.tr("users.active_caption", minutes=roles.SESSION_IDLE_MINUTES))
    rows = listed.to_dict("records")
    pick_col, button_col = st.columns([3, 1], vertical_alignment="bottom")
    pick = pick_col.selectbox(
        ui.tr("users.pick"), range(len(rows)), index=None, placeholder=ui.tr("users.pick_placeholder"),
        format_func=lambda i: f"{rows[i]['username']} ({code_label(rows[i]['role'], lang)}, "
                              f"{ui.tr('users.state_active' if rows[i]['active'] else 'users.state_inactive')})",
        key="users_pick",
    )
    if pick is None:
        return
    chosen = rows[pick]
    active = bool(chosen["active"])
    if button_col.button(ui.tr("users.deactivate" if active else "users.reactivate"), key="users_toggle"):
        write(lambda con: changes.change_active(con, user.username, chosen["username"], not active),
              "users.deactivated" if active else "users.reactivated")


flash = st.session_state.pop(FLASH_KEY, None)
if flash:
    st.success(flash)
st.caption(ui.tr("users.intro"))
try:
    with connection.reader(ui.db_path(), wait=ui.BUSY_WAIT_SECONDS) as con:
        listed = changes.list_accounts(con)
except connection.StoreBusy:
    st.warning(ui.tr("store.busy_nothing"))
    st.stop()
accounts_table(listed)
add_form()
activation(listed)
