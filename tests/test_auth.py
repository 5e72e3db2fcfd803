"""Accounts and roles: hashing, slowed-down failures, the first admin, and the role matrix of every page."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from kancil import roles
from kancil.store import accounts, connection
from kancil.store.sql import one
from tests.helpers import app_test

PAGES = {
    "views/ringkasan.py": {"kepala_kantor", "supervisor", "auditor"},
    "views/kuota.py": {"kepala_kantor", "supervisor", "auditor"},
    "views/waktu_layanan.py": {"kepala_kantor", "supervisor", "auditor"},
    "views/kepuasan.py": {"kepala_kantor", "supervisor", "auditor"},
    "views/fasilitas.py": {"kepala_kantor", "supervisor", "auditor"},
    "views/simulasi.py": {"kepala_kantor", "supervisor"},
    "views/unduh.py": {"auditor"},
    "views/log_unduhan.py": {"auditor", "admin"},
    "views/data.py": {"supervisor", "admin"},
    "views/pengaturan.py": {"supervisor"},
    "views/pengguna.py": {"admin"},
}


@pytest.fixture()
def writable_db(metrics_db, tmp_path):
    path = tmp_path / "store.duckdb"
    shutil.copy(metrics_db, path)
    return path


def test_password_is_hashed_with_argon2_and_verified(writable_db):
    with connection.writer(writable_db, bump=False) as con:
        accounts.add_user(con, "Sari", "rahasia-sekali-1", "supervisor", "Sari")
        stored = one(con, "SELECT password_hash FROM pengguna WHERE username = 'sari'")[0]
        assert stored.startswith("$argon2") and "rahasia" not in stored
        assert accounts.authenticate(con, "sari", "rahasia-sekali-1").user == roles.User(
            "sari", "supervisor", "Sari")
        assert accounts.authenticate(con, "sari", "salah-sekali-99").user is None
        assert "$argon2id$v=19$m=19456,t=2,p=1$" in stored  # OWASP's minimum (accounts._hasher says why)


def test_a_hash_made_with_other_parameters_is_made_again_at_the_next_sign_in(writable_db):
    """An account hashed before the parameters changed (argon2-cffi's default, m = 64 MiB, t = 3, p = 4) still
    signs in, and its hash is then stored with the current parameters; a wrong password changes nothing."""
    from argon2 import PasswordHasher

    with connection.writer(writable_db, bump=False) as con:
        accounts.add_user(con, "sari", "rahasia-sekali-1", "supervisor")
        old = PasswordHasher().hash("rahasia-sekali-1")
        con.execute("UPDATE pengguna SET password_hash = $h WHERE username = 'sari'", {"h": old})
    assert "$m=65536,t=3,p=4$" in old
    assert accounts.sign_in(writable_db, "sari", "salah-sekali-99").user is None
    with connection.reader(writable_db) as con:
        assert one(con, "SELECT password_hash FROM pengguna WHERE username = 'sari'")[0] == old
    assert accounts.sign_in(writable_db, "sari", "rahasia-sekali-1").user.role == "supervisor"
    with connection.reader(writable_db) as con:
        renewed = one(con, "SELECT password_hash FROM pengguna WHERE username = 'sari'")[0]
    assert "$m=19456,t=2,p=1$" in renewed
    assert accounts.sign_in(writable_db, "sari", "rahasia-sekali-1").user.role == "supervisor"


def test_a_locked_store_does_not_keep_a_right_password_out(writable_db):
    """Renewing an old hash needs the writer; while another session holds a read connection (the writer cannot
    open), the sign-in still succeeds and the hash is renewed at a later sign-in."""
    from argon2 import PasswordHasher

    with connection.writer(writable_db, bump=False) as con:
        accounts.add_user(con, "sari", "rahasia-sekali-1", "supervisor")
        old = PasswordHasher().hash("rahasia-sekali-1")
        con.execute("UPDATE pengguna SET password_hash = $h WHERE username = 'sari'", {"h": old})
    with connection.reader(writable_db) as con:
        assert accounts.sign_in(writable_db, "sari", "rahasia-sekali-1", wait=0.3).user.role == "supervisor"
        assert one(con, "SELECT password_hash FROM pengguna WHERE username = 'sari'")[0] == old
    accounts.sign_in(writable_db, "sari", "rahasia-sekali-1")
    with connection.reader(writable_db) as con:
        assert "$m=19456,t=2,p=1$" in one(con, "SELECT password_hash FROM pengguna WHERE username = 'sari'")[0]


def test_short_password_and_unknown_role_are_refused(writable_db):
    with connection.writer(writable_db, bump=False) as con:
        with pytest.raises(ValueError, match="minimal 10"):
            accounts.add_user(con, "a", "pendek", "admin")
        with pytest.raises(ValueError, match="Peran tidak dikenal"):
            accounts.add_user(con, "a", "cukup-panjang-1", "raja")


def test_repeated_failures_lock_the_account_for_a_while(writable_db):
    now = dt.datetime(2026, 11, 1, 9, 0)
    with connection.writer(writable_db, bump=False) as con:
        accounts.add_user(con, "budi", "kata-sandi-benar", "auditor")
        for i in range(accounts.LOCK_AFTER):
            result = accounts.authenticate(con, "budi", "keliru", now=now + dt.timedelta(seconds=i))
            assert result.user is None and "salah" in result.message
        locked = accounts.authenticate(con, "budi", "kata-sandi-benar", now=now + dt.timedelta(minutes=1))
        assert locked.user is None and "Terlalu banyak" in locked.message
        later = now + dt.timedelta(minutes=accounts.LOCK_MINUTES + 1)
        assert accounts.authenticate(con, "budi", "kata-sandi-benar", now=later).user is not None


def test_sso_account_cannot_sign_in_with_a_password(writable_db):
    with connection.writer(writable_db, bump=False) as con:
        accounts.add_user(con, "kepala@imigrasi.go.id", None, "kepala_kantor")
        assert accounts.authenticate(con, "kepala@imigrasi.go.id", "!sso").user is None
        assert accounts.sso_user(con, "Kepala@Imigrasi.go.id").role == "kepala_kantor"
        assert accounts.sso_user(con, "orang.lain@imigrasi.go.id") is None


def test_first_start_asks_for_the_first_admin(writable_db):
    at = app_test(writable_db, role=None)
    assert "akun admin pertama" in at.info[0].value
    at.text_input[0].input("kepala")
    at.text_input[1].input("admin-pertama-1")
    at.text_input[2].input("admin-pertama-1")
    at.button[0].click().run()
    assert not at.exception
    with connection.reader(writable_db) as con:
        assert accounts.list_users(con)[0]["role"] == "admin"
    # the next visitor gets the sign-in form, not a second first-admin form
    again = app_test(writable_db, role=None)
    assert [t.label for t in again.text_input] == ["Nama pengguna", "Kata sandi"]


def _sign_in_as_sari(db, password: str, at=None):
    """Supervisor account ``sari`` (created on the first call) signs in through the real form."""
    if at is None:
        with connection.writer(db, bump=False) as con:
            accounts.add_user(con, "sari", "rahasia-sekali-1", "supervisor")
        at = app_test(db, role=None)
    at.text_input[0].input("sari")
    at.text_input[1].input(password)
    return at.button[0].click().run()


def test_sign_in_form_refuses_a_wrong_password(writable_db):
    at = _sign_in_as_sari(writable_db, "bukan-ini")
    assert at.error[0].value == "Nama pengguna atau kata sandi salah."
    at = _sign_in_as_sari(writable_db, "rahasia-sekali-1", at)
    assert not at.exception and at.title[0].value == "Ringkasan pagi"


def test_the_sign_in_screen_starts_the_pages_element_code_with_nothing_of_the_store(writable_db):
    """The browser loads the code of the pages' elements while the user types (kancil/web/early_code.py): one
    figure under the form, 10 px high, with no trace and no axis shown, and one metric, download button and table
    holding placeholders only: nothing of the store before sign-in. (That they are hidden: tests/test_e2e.py.)"""
    import json

    with connection.writer(writable_db, bump=False) as con:
        accounts.add_user(con, "sari", "rahasia-sekali-1", "supervisor")
    at = app_test(writable_db, role=None)
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    spec = json.loads(charts[0].proto.spec)
    assert spec.get("data", []) == []
    assert (spec["layout"]["height"], spec["layout"]["xaxis"]["visible"], spec["layout"]["yaxis"]["visible"]) == (
        10, False, False)
    assert [(m.label, m.value) for m in at.metric] == [("·", "0")]
    assert [t.value.to_dict("list") for t in at.table] == [{"·": ["·"]}]
    assert [b.proto.label for b in at.get("download_button")] == ["·"]
    signed_in = _sign_in_as_sari(writable_db, "rahasia-sekali-1", at)
    assert signed_in.title[0].value == "Ringkasan pagi"


@pytest.mark.parametrize("role", roles.ROLES)
def test_role_matrix(metrics_db, role):
    """Each role: the menu lists exactly its pages, and every other page's URL refuses it with a message."""
    home = app_test(metrics_db, role=role)
    menu = {link.label for link in home.sidebar.get("page_link")}
    allowed = {page for page, page_roles in PAGES.items() if role in page_roles}
    assert len(menu) == len(allowed)
    for page, page_roles in PAGES.items():
        at = app_test(metrics_db, role=role, page=page)
        refused = [e.value for e in at.error if "tidak tersedia untuk peran" in e.value]
        assert bool(refused) == (role not in page_roles), (role, page)


@pytest.mark.parametrize("change", ["deactivated", "demoted", "unchanged"])
def test_a_session_ends_within_a_minute_of_its_account_changing(writable_db, change):
    """An admin's change reaches open sessions at the next run after ACCOUNT_CHECK_SECONDS, not at the idle timeout."""
    import time

    from kancil.web import signin

    at = _sign_in_as_sari(writable_db, "rahasia-sekali-1")
    assert at.title[0].value == "Ringkasan pagi"
    with connection.writer(writable_db, bump=False) as con:
        if change == "deactivated":
            accounts.set_active(con, "sari", False)
        elif change == "demoted":
            con.execute("UPDATE pengguna SET role = 'kepala_kantor' WHERE username = 'sari'")
    at.run()  # within the minute: the session goes on
    assert at.title[0].value == "Ringkasan pagi"
    at.session_state[signin.CHECKED_KEY] = time.monotonic() - signin.ACCOUNT_CHECK_SECONDS - 1
    at.run()
    assert not at.exception
    if change == "unchanged":
        assert at.title[0].value == "Ringkasan pagi"
    else:
        assert "dinonaktifkan atau perannya diubah" in at.info[0].value
        # the sign-in form, not the first-admin form, even when no active account is left
        assert [t.label for t in at.text_input] == ["Nama pengguna", "Kata sandi"]
