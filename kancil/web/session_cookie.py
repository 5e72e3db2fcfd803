"""The browser side of sessions that survive a reload (kancil/store/sessions.py): the signed token is kept in a
cookie of this site, restored on a new connection (F5, a new tab), renewed while the user is active, and removed
when the user signs out.

Streamlit reads a connection's cookies (``st.context.cookies``) but has no call to set one, so the cookie is
written by a one-line script in a one-pixel ``st.iframe`` (same origin as the page): it holds only the token
this module signed, never data of the store.
"""

from __future__ import annotations

import time
from pathlib import Path

import streamlit as st

from kancil.roles import SESSION_IDLE_MINUTES, User
from kancil.store import clock, connection, sessions

RENEW_SECONDS = 300  # the token is re-issued at most every five minutes while the user is active
RENEWED_KEY = "_session_cookie_at"
_known_secrets: dict[tuple[str, str], bytes] = {}  # (store, version) -> its session secret, read once per process


def _write(value: str, max_age: int) -> None:
    """Set (or, with max_age 0, delete) the cookie in the browser; the value is a token of ours: [A-Za-z0-9_.-]."""
    with st.sidebar:
        st.iframe(
            "<script>window.parent.document.cookie = '" + sessions.COOKIE + "=" + value + "; path=/; max-age="
            + str(max_age) + "; SameSite=Strict' + (window.parent.location.protocol === 'https:' ? '; Secure' : '');"
            "</script>", height=1)


def restore(db: Path) -> User | None:
    """The user of this connection's session cookie, if it is still valid (signature, age, account, sign-out)."""
    text = st.context.cookies.get(sessions.COOKIE) if hasattr(st, "context") else None
    if not text:
        return None
    try:
        with connection.reader(db, wait=1.0) as con:
            key = sessions.secret(con)
            claim = sessions.read(key, text, clock.utc_now()) if key else None
            user = sessions.valid(con, claim) if claim else None
    except connection.StoreBusy:
        return None
    if user:
        renew_at_once()  # the cookie's clock restarts with this activity
    return user


def _secret(db: Path) -> bytes:
    """The store's session secret: kept in memory once read, read with a read-only connection, written only the
    first time a store issues a token.

    Why not always the writer: inside the dashboard's process a read-write connection cannot open while any
    session's read connection is open, so at the 08:00 rush every sign-in's writer queued behind every other
    session's page reads (measured: 161 ms of a 480 ms first page). The secret never changes once made; a store
    rebuilt in place has a new version, so it is read again.
    """
    key = (str(db), connection.store_version(db))
    if key not in _known_secrets:
        with connection.reader(db, wait=1.0) as con:
            found = sessions.secret(con)
        if found is None:
            with connection.writer(db, bump=False) as con:
                found = sessions.ensure_secret(con)
        _known_secrets[key] = found
    return _known_secrets[key]


def remember(db: Path, user: User) -> None:
    """Issue a token for the signed-in user and keep it in the browser for the idle timeout."""
    try:
        key = _secret(db)
    except connection.StoreBusy:
        return  # no cookie this time: the session still works, only a reload would ask to sign in again
    _write(sessions.token(key, user, clock.utc_now()), SESSION_IDLE_MINUTES * 60)
    st.session_state[RENEWED_KEY] = time.monotonic()


def renew_at_once() -> None:
    """The next page run writes the cookie (after a sign-in or a restored session)."""
    st.session_state[RENEWED_KEY] = None


def due(last: float | None, now: float) -> bool:
    """Whether the token is due again: never written in this session (``None``), or written over five minutes ago.

    Why a marker and not 0.0: ``time.monotonic`` counts from the machine's boot on Linux, so in the first five
    minutes after a boot "0.0" looked recent and no cookie was written (found on a fresh CI machine: F5 asked to
    sign in again).
    """
    return last is None or now - last > RENEW_SECONDS


def renew(db: Path, user: User) -> None:
    """Re-issue the token now and then while the user is active, so the cookie lasts as long as the session."""
    if due(st.session_state.get(RENEWED_KEY), time.monotonic()):
        remember(db, user)


def forget(db: Path, user: User) -> None:
    """Sign out: every token issued to the user is refused from now on, and this browser drops its cookie."""
    try:
        with connection.writer(db, bump=False) as con:
            sessions.sign_out(con, user.username, clock.utc_now())
    except connection.StoreBusy:
        pass  # the cookie is removed below; the store records the sign-out at the next chance
    _write("", 0)
    st.session_state.pop(RENEWED_KEY, None)
