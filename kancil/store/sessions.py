"""Sessions that survive a reload: a signed token (username, role, when it was issued) that the browser keeps in a
cookie and the dashboard checks on a new connection, so F5 or a new tab keeps the user signed in until the idle
timeout, while signing out or a deactivation still ends it at once.

Why signed and checked against the store: the token proves it was issued by this store's dashboard (HMAC-SHA256
with a secret kept in the store's ``meta`` table, as protected as the store itself), and it is refused when the
account is no longer active with that role, when the user signed out after it was issued (``signed_out:<user>``
in ``meta``, so signing out ends every tab), or when it is older than the idle timeout (the dashboard renews it
while the user is active).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

import duckdb

from kancil.roles import SESSION_IDLE_MINUTES, User
from kancil.store.sql import one

SECRET_KEY = "session_secret"
COOKIE = "kancil_sesi"


@dataclass(frozen=True)
class Claim:
    username: str
    role: str
    issued: dt.datetime


def secret(con: duckdb.DuckDBPyConnection) -> bytes | None:
    row = one(con, "SELECT value FROM meta WHERE key = $k", {"k": SECRET_KEY})
    return bytes.fromhex(row[0]) if row else None


def ensure_secret(con: duckdb.DuckDBPyConnection) -> bytes:
    """The store's session secret, made on first use (a writable connection)."""
    found = secret(con)
    if found is None:
        found = secrets.token_bytes(32)
        con.execute("INSERT OR REPLACE INTO meta VALUES ($k, $v)", {"k": SECRET_KEY, "v": found.hex()})
    return found


def _sign(key: bytes, payload: bytes) -> str:
    return base64.urlsafe_b64encode(hmac.new(key, payload, hashlib.sha256).digest()).decode().rstrip("=")


def token(key: bytes, user: User, issued: dt.datetime) -> str:
    payload = f"{user.username}\n{user.role}\n{issued.replace(tzinfo=None).isoformat()}".encode()
    return base64.urlsafe_b64encode(payload).decode().rstrip("=") + "." + _sign(key, payload)


def read(key: bytes, text: str, now: dt.datetime, idle_minutes: int = SESSION_IDLE_MINUTES) -> Claim | None:
    """The claim of a token whose signature holds and that is not older than the idle timeout, else None."""
    try:
        body, signature = text.split(".", 1)
        payload = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        if not hmac.compare_digest(_sign(key, payload), signature):
            return None
        username, role, issued_text = payload.decode().split("\n")
        issued = dt.datetime.fromisoformat(issued_text)
    except (ValueError, UnicodeDecodeError):
        return None
    if not dt.timedelta(0) <= now.replace(tzinfo=None) - issued <= dt.timedelta(minutes=idle_minutes):
        return None
    return Claim(username, role, issued)


def valid(con: duckdb.DuckDBPyConnection, claim: Claim) -> User | None:
    """The user of a claim if its account is still active with that role and did not sign out since."""
    row = one(con, "SELECT role, display_name, active FROM pengguna WHERE username = $u", {"u": claim.username})
    if row is None or not row[2] or row[0] != claim.role:
        return None
    out = one(con, "SELECT value FROM meta WHERE key = $k", {"k": f"signed_out:{claim.username}"})
    if out and dt.datetime.fromisoformat(out[0]) >= claim.issued:
        return None
    return User(claim.username, row[0], row[1])


def sign_out(con: duckdb.DuckDBPyConnection, username: str, when: dt.datetime) -> None:
    """Every token issued to this user until now is refused from now on (every tab, every device)."""
    con.execute("INSERT OR REPLACE INTO meta VALUES ($k, $v)",
                {"k": f"signed_out:{username}", "v": when.replace(tzinfo=None).isoformat()})
