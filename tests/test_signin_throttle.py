"""Failed sign-ins are counted per username and per client address, and the growing delay after them is waited with
the store closed, so failing to sign in cannot stall ingests or settings changes (issue 11, item 6). The effect on a
concurrent ingest is measured in benchmarks/signin_stall.py (BENCHMARKS.md.notes.md), not timed here."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

from kancil.config import ROOT
from kancil.store import accounts, connection
from kancil.web import signin
from tests.helpers import app_test

T = dt.datetime(2030, 1, 15, 1, 0)


@pytest.fixture()
def db(metrics_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store.duckdb"
    shutil.copy(metrics_db, copy)
    with connection.writer(copy, bump=False) as con:
        accounts.add_user(con, "budi", "kata-sandi-benar", "auditor")
        accounts.add_user(con, "sari", "rahasia-sekali-1", "supervisor")
    return copy


def attempt(con, username: str, password: str, client: str, seconds: int) -> accounts.SignIn:
    return accounts.authenticate(con, username, password, now=T + dt.timedelta(seconds=seconds), client=client)


def test_one_username_from_one_address_waits_0_1_2_4_8_then_is_locked(db):
    with connection.writer(db, bump=False) as con:
        results = [attempt(con, "budi", "keliru", "10.0.0.9", i) for i in range(6)]
        assert [r.delay for r in results[:5]] == [0.0, 1.0, 2.0, 4.0, 8.0]
        assert [r.reason for r in results] == ["wrong"] * 5 + ["locked_user"]
        assert results[5].delay == 0.0  # a refusal costs no verification and no wait
        # the lock is the username's, from any address; another account from the same address still signs in
        assert attempt(con, "budi", "kata-sandi-benar", "10.0.0.77", 60).reason == "locked_user"
        assert attempt(con, "sari", "rahasia-sekali-1", "10.0.0.9", 61).user.username == "sari"
        assert accounts.recent_failures(con, "budi", T + dt.timedelta(seconds=62)) == 5  # the refusals not counted
        assert accounts.client_failures(con, "10.0.0.9", T + dt.timedelta(seconds=62)) == 5


def test_one_address_guessing_many_usernames_is_slowed_and_then_refused(db):
    """Twenty different usernames from one address: each has one failure only, the address has them all."""
    with connection.writer(db, bump=False) as con:
        results = [attempt(con, f"tebak{i}", "keliru", "203.0.113.5", i) for i in range(accounts.CLIENT_LOCK_AFTER)]
        assert [r.delay for r in results] == [0.0, 1.0, 2.0, 4.0] + [8.0] * 16
        assert {accounts.recent_failures(con, f"tebak{i}", T + dt.timedelta(minutes=1)) for i in range(20)} == {1}
        assert accounts.client_failures(con, "203.0.113.5", T + dt.timedelta(minutes=1)) == 20
        refused = attempt(con, "sari", "rahasia-sekali-1", "203.0.113.5", 30)  # even the right password
        assert (refused.user, refused.reason) == (None, "locked_client")
        assert refused.message == "Terlalu banyak percobaan gagal dari alamat ini. Coba lagi dalam 15 menit."
        assert attempt(con, "sari", "rahasia-sekali-1", "198.51.100.7", 31).user is not None  # another address
        later = accounts.LOCK_MINUTES * 60 + 20
        assert attempt(con, "sari", "rahasia-sekali-1", "203.0.113.5", later).user is not None  # the window passed


def test_an_unknown_address_shares_one_count(db):
    with connection.writer(db, bump=False) as con:
        for i, who in enumerate(("a", "b", "c")):
            attempt(con, who, "keliru", "", i)
        assert accounts.client_failures(con, accounts.UNKNOWN_CLIENT, T + dt.timedelta(minutes=1)) == 3
        assert attempt(con, "d", "keliru", None, 10).delay == 4.0  # the fourth failure without an address


@pytest.mark.parametrize(("peer", "headers", "expected"), [
    ("203.0.113.5", {"X-Forwarded-For": "1.2.3.4"}, "203.0.113.5"),  # a remote peer's header is not believed
    ("127.0.0.1", {"X-Forwarded-For": "198.51.100.7, 10.0.0.1"}, "198.51.100.7"),  # the proxy on this machine
    ("::1", {"X-Real-IP": "198.51.100.8"}, "198.51.100.8"),
    (None, {}, accounts.UNKNOWN_CLIENT),
    ("127.0.0.1", {}, "127.0.0.1"),
])
def test_the_client_address_and_its_fallbacks(monkeypatch, peer, headers, expected):
    fake = types.SimpleNamespace(context=types.SimpleNamespace(ip_address=peer, headers=headers))
    monkeypatch.setattr(signin, "st", fake)
    assert signin.client_address() == expected


WRITE_FROM_ANOTHER_PROCESS = """
import sys
from kancil.store import connection
try:
    with connection.writer(sys.argv[1], wait=5.0, bump=False) as con:
        con.execute("INSERT INTO meta VALUES ('probe', 'x') ON CONFLICT DO UPDATE SET value = 'y'")
    print("written")
except connection.StoreBusy:
    print("busy")
"""


def test_the_delay_is_waited_with_the_store_closed(db, monkeypatch):
    """While the sign-in page waits after a failure, another process (an ingest) can write the store: the fake
    sleep below writes from a child process, which would find the store locked if the wait were inside it."""
    seen: list[tuple[float, str]] = []

    def sleep(seconds: float) -> None:
        probe = subprocess.run([sys.executable, "-c", WRITE_FROM_ANOTHER_PROCESS, str(db)], capture_output=True,
                               text=True, cwd=ROOT, check=True)
        seen.append((seconds, probe.stdout.strip()))

    monkeypatch.setattr(accounts, "time", types.SimpleNamespace(sleep=sleep))
    at = app_test(db, role=None)
    for _ in range(2):
        at.text_input[0].input("budi")
        at.text_input[1].input("keliru")
        at = at.button[0].click().run()
        assert at.error[0].value == "Nama pengguna atau kata sandi salah."
    assert seen == [(1.0, "written")]  # the first failure waits nothing, the second 1 s, with the store free


def test_a_right_password_with_nothing_to_clear_signs_in_without_the_writer(db):
    """The dashboard's sign_in checks the password with the store closed and writes only a failure or a clearing:
    while another session of this process holds a read connection (the writer cannot open then), a clean sign-in
    passes, and a failing one is the one that needs the writer."""
    with connection.reader(db):
        assert accounts.sign_in(db, "sari", "rahasia-sekali-1", now=T, client="10.0.0.9", wait=0.3).user.role == (
            "supervisor")
        with pytest.raises(connection.StoreBusy):
            accounts.sign_in(db, "sari", "keliru", now=T, client="10.0.0.9", wait=0.3)
    failed = accounts.sign_in(db, "sari", "keliru", now=T, client="10.0.0.9")
    assert (failed.reason, failed.delay) == ("wrong", 0.0)
    with connection.reader(db) as con:
        assert accounts.recent_failures(con, "sari", T) == 1
    assert accounts.sign_in(db, "sari", "rahasia-sekali-1", now=T, client="10.0.0.9").user is not None
    with connection.reader(db) as con:
        assert accounts.recent_failures(con, "sari", T) == 0  # a success clears the username's failures


def test_tries_at_once_cannot_pass_the_lock_together(db):
    """Twelve wrong passwords for one username at the same moment, each in its own thread (as twelve sessions of
    the dashboard): only LOCK_AFTER (5) are checked and recorded, the other seven are refused as locked. Without
    the gate in sign_in all twelve read a count of 0 and are checked."""
    import threading

    results: list[accounts.SignIn] = []
    start = threading.Barrier(12)

    def one_try() -> None:
        start.wait()
        results.append(accounts.sign_in(db, "budi", "keliru", now=T, client="10.0.0.9"))

    threads = [threading.Thread(target=one_try) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.reason for r in results) == ["locked_user"] * 7 + ["wrong"] * 5
    with connection.reader(db) as con:
        assert accounts.recent_failures(con, "budi", T) == 5
