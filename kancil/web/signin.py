"""The sign-in screen and session handling of the dashboard (Streamlit side of kancil/roles.py).

Local accounts sign in with a password; where the office has single sign-on configured in
``.streamlit/secrets.toml`` (an ``[auth]`` section), ``st.login`` is offered and the role is the one of the
account whose username is the signed-in e-mail address. A session ends after SESSION_IDLE_MINUTES of inactivity,
and within ACCOUNT_CHECK_SECONDS of its account being deactivated or given another role (an admin's change must
not wait for the idle timeout: a demoted user would go on seeing what the old role could see).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from urllib.parse import urlparse

import streamlit as st

from kancil import roles
from kancil.i18n import code_label
from kancil.store import accounts, connection
from kancil.web import early_code, session_cookie
from kancil.web.text import literal

log = logging.getLogger(__name__)
USER_KEY = "_user"
ACCOUNT_CHECK_SECONDS = 60
CHECKED_KEY = "_account_checked"


def current_user() -> roles.User | None:
    return st.session_state.get(USER_KEY)


def _sso_configured() -> bool:
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return False


def _expire_idle(tr) -> None:
    now = time.monotonic()
    seen = st.session_state.get("_seen")
    if current_user() and seen and now - seen > roles.SESSION_IDLE_MINUTES * 60:
        log.info("session of %s ended after inactivity", current_user().username)
        st.session_state.pop(USER_KEY, None)
        st.session_state.pop(CHECKED_KEY, None)
        st.session_state["_signin_note"] = tr("auth.idle", minutes=roles.SESSION_IDLE_MINUTES)
    st.session_state["_seen"] = now


def _recheck_account(db, tr) -> None:
    """End the session if its account was deactivated or its role changed; reads the store once a minute at most.

    The clock starts at the session's first run, however it was signed in.
    """
    user, now = current_user(), time.monotonic()
    if not user:
        return
    checked = st.session_state.setdefault(CHECKED_KEY, now)
    if now - checked < ACCOUNT_CHECK_SECONDS:
        return
    try:
        with connection.reader(db, wait=1.0) as con:
            allowed = accounts.still_allowed(con, user)
    except connection.StoreBusy:
        return  # a long write holds the store: check again on the next run rather than make the page wait
    st.session_state[CHECKED_KEY] = now
    if not allowed:
        log.info("session of %s ended: account deactivated or its role changed", user.username)
        st.session_state.pop(USER_KEY, None)
        st.session_state.pop(CHECKED_KEY, None)
        st.session_state["_signin_note"] = tr("auth.account_changed")


def _remember_page(page_paths: tuple[str, ...]) -> None:
    """Keep the page a signed-out visitor's link pointed at, to open it once they have signed in."""
    try:
        path = urlparse(st.context.url or "").path.rstrip("/").rsplit("/", 1)[-1]
    except (AttributeError, RuntimeError, ValueError):
        return
    if path in page_paths:
        st.session_state["_next_page"] = path


def page_wanted_before_sign_in() -> str | None:
    return st.session_state.pop("_next_page", None)


def require_user(db, tr, page_paths: tuple[str, ...] = ()) -> roles.User:
    """Return the signed-in user, or show the sign-in (or first-admin) screen and stop the run.

    Signed out, every page's URL is registered as the sign-in screen, so a link keeps its address through sign-in
    and opens its page after it (and no URL of the app answers "Page not found").
    """
    _expire_idle(tr)
    _recheck_account(db, tr)
    if not current_user() and (restored := session_cookie.restore(db)):
        st.session_state[USER_KEY] = restored  # a reload or a new tab with a valid session cookie
    user = current_user()
    if user:
        return user
    _remember_page(page_paths)
    if _sso_configured() and getattr(st.user, "is_logged_in", False):
        with connection.reader(db) as con:
            user = accounts.sso_user(con, st.user.get("email"))
        if user:
            st.session_state[USER_KEY] = user
            return user
        st.error(tr("auth.sso_no_role"))

    def screen() -> None:
        with connection.reader(db) as con:
            has_users = accounts.has_users(con)
        st.title(tr("app.title"))
        note = st.session_state.pop("_signin_note", None)
        if note:
            st.info(note)
        if has_users:
            _sign_in_form(db, tr)
        else:
            _first_admin_form(db, tr)
        early_code.under_sign_in()

    # one page per path (a default page would answer only at "/": its own path would read "Page not found")
    signin_pages = [st.Page(screen, title=tr("auth.signin"), url_path="masuk", default=True),
                    *(st.Page(screen, title=tr("auth.signin"), url_path=path) for path in page_paths)]
    st.navigation(signin_pages, position="hidden").run()
    st.stop()


LOOPBACK = ("127.0.0.1", "::1", "localhost")


def client_address() -> str:
    """The address a sign-in came from, to count failures per client.

    Streamlit's ``st.context.ip_address`` (the peer of the browser's connection) first. When that is the machine
    itself (a reverse proxy on the same host, as the README recommends) or unknown, the first address of the
    ``X-Forwarded-For`` header the proxy sets (the proxy must overwrite it: ``proxy_set_header X-Forwarded-For
    $remote_addr``), else ``X-Real-IP``. A header is never believed from a remote peer (anyone can send one). With
    none of these, ``accounts.UNKNOWN_CLIENT``: every such sign-in shares one count.
    """
    def text(value: object) -> str:
        return value.strip() if isinstance(value, str) else ""  # outside a real server the context is a stand-in

    context = getattr(st, "context", None)
    try:
        peer = text(getattr(context, "ip_address", None))
        headers = context.headers if context is not None else {}
        forwarded = text(headers.get("X-Forwarded-For")).split(",")[0].strip()
        real = text(headers.get("X-Real-IP"))
    except (AttributeError, RuntimeError):
        return accounts.UNKNOWN_CLIENT
    if peer and peer not in LOOPBACK:
        return peer
    return forwarded or real or peer or accounts.UNKNOWN_CLIENT


def _sign_in_form(db, tr) -> None:
    with st.form("signin"):
        st.subheader(tr("auth.signin"))
        username = st.text_input(tr("auth.username"))
        password = st.text_input(tr("auth.password"), type="password")
        submitted = st.form_submit_button(tr("auth.signin"), type="primary")
    if _sso_configured():
        st.button(tr("auth.sso"), on_click=st.login)
    if submitted:
        try:
            result = accounts.sign_in(db, username, password, client=client_address())
        except connection.StoreBusy:  # an ingest held the store past the wait: the try was not counted, not let in
            st.warning(tr("store.busy_nothing"))
            return
        accounts.pause(result)  # the growing delay after failures, with the store already closed: never stalls it
        if result.user:
            log.info("sign-in %s (%s)", result.user.username, result.user.role)
            st.session_state[USER_KEY] = result.user
            session_cookie.renew_at_once()  # the next run writes the session cookie
            st.rerun()
        log.warning("failed sign-in for %r from %s (%s)", username, client_address(), result.reason)
        key = {"wrong": "auth.failed", "locked_client": "auth.locked_client"}.get(result.reason or "", "auth.locked")
        st.error(tr(key, minutes=accounts.LOCK_MINUTES))


def _first_admin_form(db, tr) -> None:
    st.info(tr("auth.first_admin_intro"))
    with st.form("first_admin"):
        username = st.text_input(tr("auth.username"))
        password = st.text_input(tr("auth.password"), type="password")
        again = st.text_input(tr("auth.password_again"), type="password")
        submitted = st.form_submit_button(tr("auth.create_admin"), type="primary")
    if not submitted:
        return
    if password != again:
        st.error(tr("auth.mismatch"))
        return
    try:
        with connection.writer(db, bump=False) as con:
            if accounts.has_users(con):
                st.error(tr("auth.already"))
                return
            user = accounts.add_user(con, username, password, "admin", created_by="first-start")
    except ValueError as exc:  # names the username as typed: shown literally
        st.error(literal(str(exc)))
        return
    st.session_state[USER_KEY] = user
    st.rerun()


def sidebar_account(tr, lang: str, db: Path | None = None) -> None:
    user = current_user()
    if not user:
        return
    role = code_label(user.role, lang)
    name = user.display_name if role.lower() in user.display_name.lower() else tr(
        "auth.name_role", name=user.display_name, role=role)  # "Kepala Kantor (demo)", not "… (Kepala kantor)"
    st.sidebar.text(tr("auth.signed_in_as", name=name))
    if st.sidebar.button(tr("auth.signout"), key="signout"):
        if db is not None:
            session_cookie.forget(db, user)  # every tab's session cookie is refused from now on
        st.session_state.pop(USER_KEY, None)
        st.session_state.pop(CHECKED_KEY, None)
        if getattr(st.user, "is_logged_in", False):
            st.logout()
        st.rerun()
