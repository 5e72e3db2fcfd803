"""Accounts: passwords, sign-in, SSO accounts (the roles and what they may see: ``kancil.roles``).

Passwords are hashed with Argon2 (argon2-cffi). There is no default password: a new store asks for its first
admin (or ``python -m kancil user add --role admin``). Failed sign-ins are recorded with the username and the
client's address; after a few, each further try waits longer, and after ``LOCK_AFTER`` failures of a username or
``CLIENT_LOCK_AFTER`` failures from one address in ``LOCK_MINUTES``, that username or that address is refused for
a while (one address guessing many usernames is slowed down and stopped too).

Why the delay is returned and not slept here: a failure is recorded inside ``connection.writer``, which holds the
store's only write lock; sleeping there let anyone stall every ingest and settings change by failing to sign in
(issue 11: a concurrent ingest went from 0.45 to 7.4 s). The caller waits ``SignIn.delay`` after closing the store
(``pause``). For the same reason the dashboard's ``sign_in`` checks the password itself with the store closed.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import duckdb
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from kancil.roles import ROLES, User
from kancil.store import clock, connection
from kancil.store.sql import one

MIN_PASSWORD_LENGTH = 10
LOCK_AFTER = 5
CLIENT_LOCK_AFTER = 20  # failures from one address (an office behind one NAT address shares it: kept above LOCK_AFTER)
LOCK_MINUTES = 15
MAX_DELAY_SECONDS = 8.0
UNKNOWN_CLIENT = "tidak-diketahui"  # when the server cannot tell the client's address (all such share one count)
SSO_PASSWORD = "!sso"  # marks an account that signs in through the office's OpenID Connect provider only

# Argon2id at OWASP's recommended minimum (Password Storage Cheat Sheet: m = 19 MiB, t = 2, p = 1), not
# argon2-cffi's default (RFC 9106's low-memory option: m = 64 MiB, t = 3, p = 4). Why: a check at the default cost
# 0.24-0.27 CPU-s, three quarters of the server's work for a head of office signing in and opening the briefing;
# at the 08:00 rush (125 sign-ins in a minute on 2 cores; BENCHMARKS.md, the rush at its size) that put the
# server's p95 at 1.48 s (M) and 3.50 s (L); at this cost (~0.03 CPU-s) 1.02 s and 0.91 s. A guess costs an
# attacker who holds the store about 5x less than at the default, still at the level OWASP asks for. Hashes made
# with other parameters still verify (a hash carries its own) and are made again at their next successful sign-in.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_new_password(password: str) -> str | None:
    """A reason the password is not acceptable, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Kata sandi minimal {MIN_PASSWORD_LENGTH} karakter."
    return None


def has_users(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether any account exists, active or not: the first-admin screen is only for a store that never had one
    (counting active accounts only would offer it to anyone once the last account was deactivated; recovery from
    that is ``python -m kancil user add`` on the server)."""
    return one(con, "SELECT count(*) FROM pengguna")[0] > 0


def add_user(con: duckdb.DuckDBPyConnection, username: str, password: str | None, role: str,
             display_name: str | None = None, created_by: str = "system") -> User:
    """Create an account; ``password=None`` makes an SSO-only account (signs in with the office's OIDC)."""
    if role not in ROLES:
        raise ValueError(f"Peran tidak dikenal: {role}; pilih salah satu: {', '.join(ROLES)}")
    username = username.strip().lower()
    if not username:
        raise ValueError("Nama pengguna wajib diisi.")
    if password is not None and (problem := check_new_password(password)):
        raise ValueError(problem)
    if one(con, "SELECT count(*) FROM pengguna WHERE username = $u", {"u": username})[0]:
        raise ValueError(f"Nama pengguna sudah ada: {username}")
    con.execute(
        "INSERT INTO pengguna VALUES ($u, $h, $r, $d, true, $by, $at)",
        {"u": username, "h": hash_password(password) if password is not None else SSO_PASSWORD, "r": role,
         "d": display_name or username, "by": created_by, "at": clock.utc_now()},
    )
    return User(username, role, display_name or username)


def set_active(con: duckdb.DuckDBPyConnection, username: str, active: bool) -> None:
    con.execute("UPDATE pengguna SET active = $a WHERE username = $u", {"a": active, "u": username})


def list_users(con: duckdb.DuckDBPyConnection) -> list[dict]:
    rows = con.execute(
        "SELECT username, role, display_name, active, created_by, created_at FROM pengguna ORDER BY username"
    ).fetchall()
    keys = ("username", "role", "display_name", "active", "created_by", "created_at")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def recent_failures(con: duckdb.DuckDBPyConnection, username: str, now: dt.datetime) -> int:
    """Failed sign-ins of a username in the last LOCK_MINUTES, from any address."""
    since = now - dt.timedelta(minutes=LOCK_MINUTES)
    return one(con, "SELECT count(*) FROM login_gagal WHERE username = $u AND attempted_at >= $s",
               {"u": username, "s": since})[0]


def client_failures(con: duckdb.DuckDBPyConnection, client: str, now: dt.datetime) -> int:
    """Failed sign-ins from one client address in the last LOCK_MINUTES, whatever the username."""
    since = now - dt.timedelta(minutes=LOCK_MINUTES)
    return one(con, "SELECT count(*) FROM login_gagal WHERE client = $c AND attempted_at >= $s",
               {"c": client, "s": since})[0]


def delay_after(failures: int) -> float:
    """Seconds to wait after a failed sign-in that had ``failures`` failures before it: 0, 1, 2, 4, 8, 8, ..."""
    return 0.0 if failures <= 0 else min(0.5 * 2 ** failures, MAX_DELAY_SECONDS)


@dataclass(frozen=True)
class SignIn:
    """The outcome: the user, or why not (``reason``: wrong, locked_user, locked_client) and the seconds the caller
    must wait *after closing the store* before answering (``pause``)."""

    user: User | None
    message: str | None = None
    reason: Literal["wrong", "locked_user", "locked_client"] | None = None
    delay: float = 0.0


def pause(result: SignIn) -> None:
    """Wait the delay a failed sign-in earned; call it outside ``connection.writer`` (never holding the store)."""
    if result.delay > 0:
        time.sleep(result.delay)


@dataclass(frozen=True)
class _Standing:
    """What the store says about a sign-in before its password is checked."""

    username: str
    failures: int  # of the username in the last LOCK_MINUTES, from any address
    from_client: int  # from the address, whatever the username
    row: tuple | None  # password_hash, role, display_name, active
    to_clear: bool  # the username has failures on record, which a success deletes

    @property
    def stale_hash(self) -> bool:
        """The password hash was made with other Argon2 parameters than ``_hasher``'s (made again on success)."""
        if not self.row or self.row[0] == SSO_PASSWORD:
            return False
        try:
            return _hasher.check_needs_rehash(self.row[0])
        except InvalidHashError:
            return False  # not a hash we can read: the password check refuses it


def _standing(con: duckdb.DuckDBPyConnection, username: str, client: str, now: dt.datetime) -> _Standing:
    row = one(con, "SELECT password_hash, role, display_name, active FROM pengguna WHERE username = $u",
              {"u": username})
    to_clear = one(con, "SELECT count(*) FROM login_gagal WHERE username = $u", {"u": username})[0] > 0
    return _Standing(username, recent_failures(con, username, now), client_failures(con, client, now), row, to_clear)


def _refusal(standing: _Standing) -> SignIn | None:
    if standing.failures >= LOCK_AFTER:
        return SignIn(None, f"Terlalu banyak percobaan gagal. Coba lagi dalam {LOCK_MINUTES} menit.", "locked_user")
    if standing.from_client >= CLIENT_LOCK_AFTER:
        return SignIn(None, f"Terlalu banyak percobaan gagal dari alamat ini. Coba lagi dalam {LOCK_MINUTES} menit.",
                      "locked_client")
    return None


def _password_ok(row: tuple | None, password: str) -> bool:
    if not (row and row[3] and row[0] != SSO_PASSWORD):
        return False
    try:
        return _hasher.verify(row[0], password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _record(con: duckdb.DuckDBPyConnection, username: str, client: str, now: dt.datetime, ok: bool,
            password: str | None = None) -> None:
    """A success clears the username's failures and, given ``password``, stores it hashed with the current
    parameters; a failure is recorded with the address."""
    if ok:
        con.execute("DELETE FROM login_gagal WHERE username = $u", {"u": username})
        if password is not None:
            con.execute("UPDATE pengguna SET password_hash = $h WHERE username = $u",
                        {"h": hash_password(password), "u": username})
    else:
        con.execute("INSERT INTO login_gagal (username, attempted_at, client) VALUES ($u, $t, $c)",
                    {"u": username, "t": now, "c": client})


def _outcome(standing: _Standing, ok: bool) -> SignIn:
    if ok:
        return SignIn(User(standing.username, standing.row[1], standing.row[2]))
    # each further failure of the username, or from the address, waits longer (the caller waits, outside the store)
    return SignIn(None, "Nama pengguna atau kata sandi salah.", "wrong",
                  delay_after(max(standing.failures, standing.from_client)))


def authenticate(con: duckdb.DuckDBPyConnection, username: str, password: str,
                 now: dt.datetime | None = None, client: str | None = None) -> SignIn:
    """Check a password on one read-write connection ``con``: record a failure with the client's address, clear
    the failures after a success; say how long the caller must wait (it never sleeps here). ``client``: the
    address the request came from (kancil/web/signin.py says how it is found); None counts under UNKNOWN_CLIENT.
    The dashboard signs in with ``sign_in``, which holds no connection while the password is checked."""
    now = now or clock.utc_now()
    username, client = _normal(username), _normal_client(client)
    standing = _standing(con, username, client, now)
    if refused := _refusal(standing):
        return refused
    ok = _password_ok(standing.row, password)
    _record(con, username, client, now, ok, password if ok and standing.stale_hash else None)
    return _outcome(standing, ok)


class _Gate:
    """The password checks under way in this process, per username and per address.

    Why: ``sign_in`` reads the failure counts, checks the password with no connection open, and only then records
    a failure. Without the gate, many tries at once would all read the same count and pass the lock together. A
    check starts only while the failures stored plus the checks under way stay below the limit, and only if no
    check of its username or address was recorded since its count was read; otherwise it waits for one under way
    to finish and reads again. Legitimate sign-ins of one account (two tabs) never wait long: a check is ~0.03 s.
    Across processes (two dashboards on one store) each process has its own gate; the counts in the store stay
    shared, so the lock then holds to within one try per process.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._busy: Counter[tuple[str, str]] = Counter()
        self._recorded: Counter[tuple[str, str]] = Counter()

    def seen(self, keys: tuple[tuple[str, str], ...]) -> tuple[int, ...]:
        with self._cond:
            return tuple(self._recorded[k] for k in keys)

    def enter(self, rooms: dict[tuple[str, str], int], seen: tuple[int, ...]) -> bool:
        """Start a check if there is room and nothing was recorded since ``seen``; else wait a little, say False."""
        with self._cond:
            if tuple(self._recorded[k] for k in rooms) != seen:
                return False  # a check finished since the count was read: read it again
            if any(self._busy[k] >= room for k, room in rooms.items()):
                self._cond.wait(timeout=1.0)
                return False
            self._busy.update(rooms.keys())
            return True

    def leave(self, keys: tuple[tuple[str, str], ...]) -> None:
        with self._cond:
            self._busy.subtract(keys)
            self._recorded.update(keys)
            self._cond.notify_all()


_gate = _Gate()


def sign_in(db: Path | str, username: str, password: str, now: dt.datetime | None = None,
            client: str | None = None, wait: float = connection.LOCK_WAIT_SECONDS) -> SignIn:
    """``authenticate`` for the dashboard: the counts read with a read-only connection, the password checked with
    the store closed, the writer opened only to record a failure, clear earlier ones or renew a stale hash.

    Why: Argon2 is slow by design (~0.03 CPU-s here, ~0.25 at the library's default), and inside the dashboard's
    process a writer shuts every session's reads out while it is open; checking the password inside the writer
    stalled every page of every user for each sign-in (the 08:00 rush; BENCHMARKS.md). A success with
    nothing to clear and a current hash writes nothing.
    Raises connection.StoreBusy when the store stays locked for ``wait`` seconds while reading, or while recording
    a failure; a success whose clearing or new hash finds the store locked signs in and leaves them for next time.
    """
    username, client = _normal(username), _normal_client(client)
    keys = (("u", username), ("c", client))
    while True:
        seen = _gate.seen(keys)
        at = now or clock.utc_now()
        with connection.reader(db, wait=wait) as con:
            standing = _standing(con, username, client, at)
        if refused := _refusal(standing):
            return refused
        rooms = {keys[0]: LOCK_AFTER - standing.failures, keys[1]: CLIENT_LOCK_AFTER - standing.from_client}
        if _gate.enter(rooms, seen):
            break
    try:
        ok = _password_ok(standing.row, password)
        if not ok:  # a failure must be counted: without the writer the try is refused (StoreBusy), not let pass
            with connection.writer(db, wait=wait, bump=False) as con:
                _record(con, username, client, at, ok)
        elif standing.to_clear or standing.stale_hash:
            try:  # clearing old failures and renewing the hash can wait for the next sign-in; the user need not
                with connection.writer(db, wait=wait, bump=False) as con:
                    _record(con, username, client, at, ok, password if standing.stale_hash else None)
            except connection.StoreBusy:
                pass
    finally:
        _gate.leave(keys)
    return _outcome(standing, ok)


def _normal(username: str) -> str:
    return username.strip().lower()


def _normal_client(client: str | None) -> str:
    return (client or "").strip() or UNKNOWN_CLIENT


def still_allowed(con: duckdb.DuckDBPyConnection, user: User) -> bool:
    """Whether a signed-in session may go on: its account still exists, is active and has the same role."""
    row = one(con, "SELECT role FROM pengguna WHERE username = $u AND active", {"u": user.username})
    return row is not None and row[0] == user.role


def sso_user(con: duckdb.DuckDBPyConnection, email: str | None) -> User | None:
    """The role of a user signed in through OIDC: the account whose username is the e-mail address."""
    if not email:
        return None
    row = one(con, "SELECT username, role, display_name FROM pengguna WHERE username = $u AND active",
              {"u": email.strip().lower()})
    return User(*row) if row else None
