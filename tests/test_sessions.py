"""Sessions that survive a reload (kancil/store/sessions.py): a signed token that a reload brings back while it is
fresh, whose account is still active with that role, and whose user has not signed out since."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from kancil.admin import changes
from kancil.roles import User
from kancil.store import accounts, connection, sessions

T0 = dt.datetime(2026, 6, 1, 8, 0, 0)


@pytest.fixture
def db(tmp_path, metrics_db):
    path = tmp_path / "store.duckdb"
    shutil.copy(metrics_db, path)
    with connection.writer(path, bump=False) as con:
        accounts.add_user(con, "sari", "kata-sandi-panjang", "supervisor", "Sari")
        accounts.add_user(con, "admin", "kata-sandi-panjang", "admin", "Admin")
    return path


def test_a_token_reads_back_and_a_forged_one_does_not(db):
    with connection.writer(db, bump=False) as con:
        key = sessions.ensure_secret(con)
        assert sessions.ensure_secret(con) == key  # made once, kept in the store
    sari = User("sari", "supervisor", "Sari")
    text = sessions.token(key, sari, T0)
    assert sessions.read(key, text, T0 + dt.timedelta(minutes=29)) == sessions.Claim("sari", "supervisor", T0)
    assert sessions.read(key, text, T0 + dt.timedelta(minutes=31)) is None  # older than the idle timeout
    assert sessions.read(b"another store's secret", text, T0) is None
    body, signature = text.split(".")
    admin = sessions.token(key, User("sari", "admin", "Sari"), T0).split(".")[0]
    assert sessions.read(key, f"{admin}.{signature}", T0) is None  # the role changed, the signature does not fit
    assert sessions.read(key, "not a token", T0) is None and sessions.read(key, body, T0) is None


def test_the_store_decides_whether_a_claim_still_holds(db):
    claim = sessions.Claim("sari", "supervisor", T0)
    with connection.writer(db, bump=False) as con:
        assert sessions.valid(con, claim) == User("sari", "supervisor", "Sari")
        assert sessions.valid(con, sessions.Claim("sari", "admin", T0)) is None  # not that account's role
        assert sessions.valid(con, sessions.Claim("nobody", "supervisor", T0)) is None
        sessions.sign_out(con, "sari", T0 + dt.timedelta(minutes=5))
        assert sessions.valid(con, claim) is None  # signed out after the token was issued: every tab ends
        assert sessions.valid(con, sessions.Claim("sari", "supervisor", T0 + dt.timedelta(minutes=6))) is not None
        changes.change_active(con, "admin", "sari", False)
        assert sessions.valid(con, sessions.Claim("sari", "supervisor", T0 + dt.timedelta(minutes=6))) is None


def test_renewing_a_cookie_reads_the_secret_without_waiting_for_the_writer(db):
    """Issue 14, the 08:00 rush: inside the dashboard's process a read-write connection cannot open while any
    session holds a read connection, so a renewal that took the writer queued behind every other page's reads.
    With the secret made, issuing a token needs only a read (or nothing: it is kept in memory)."""
    from kancil.web import session_cookie

    with connection.writer(db, bump=False) as con:
        made = sessions.ensure_secret(con)
    session_cookie._known_secrets.clear()
    other_session = connection.open_reader(db)  # another session's page, reading
    try:
        assert session_cookie._secret(db) == made
    finally:
        other_session.close()
    with connection.writer(db, bump=False) as con:  # a store whose secret is gone (rebuilt) makes a new one
        con.execute("DELETE FROM meta WHERE key = $k", {"k": sessions.SECRET_KEY})
    connection.bump_version(db)
    fresh = session_cookie._secret(db)
    assert fresh != made and len(fresh) == 32
    with connection.reader(db) as con:
        assert sessions.secret(con) == fresh


def test_a_new_session_writes_its_cookie_even_just_after_the_machine_booted():
    """``time.monotonic`` counts from boot: 200 s after a boot a session never written must still be due, and one
    written 200 s ago must not be (the five-minute renewal)."""
    from kancil.web import session_cookie

    assert session_cookie.due(None, 200.0) is True
    assert session_cookie.due(0.0, 200.0) is False
    assert session_cookie.due(0.0, 301.0) is True
