"""The Pengguna page: accounts without hashes, adding local and SSO accounts, (de)activating; admin only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kancil.admin import changes
from kancil.store import connection
from kancil.store.sql import one
from tests.helpers import app_test

PAGE = "views/pengguna.py"
PASSWORD = "rahasia-kantor-1"


@pytest.fixture
def db(metrics_db: Path, tmp_path: Path) -> Path:
    """A copy of the fixture store with two accounts: the signed-in admin of app_test and a supervisor."""
    copy = tmp_path / "store.duckdb"
    shutil.copy(metrics_db, copy)
    with connection.writer(copy, bump=False) as con:
        changes.create_account(con, "setup", "test-admin", "admin", "Admin Uji", PASSWORD, PASSWORD)
        changes.create_account(con, "setup", "sri", "supervisor", "Sri Wahyuni", PASSWORD, PASSWORD)
    return copy


def accounts(at):
    return at.dataframe[0].value


def add(at, username: str, role: str, name: str, password: str = PASSWORD, again: str = PASSWORD,
        sso: bool = False):
    at.text_input(key="users_username").input(username)
    at.selectbox(key="users_role").set_value(role)
    at.text_input(key="users_name").input(name)
    at.checkbox(key="users_sso").set_value(sso)
    at.text_input(key="users_password").input(password)
    at.text_input(key="users_password_again").input(again)
    return next(b for b in at.button if b.label == "Buat akun").click().run()


@pytest.mark.parametrize("role", ["supervisor", "kepala_kantor", "auditor"])
def test_only_the_admin_manages_accounts(db, role):
    at = app_test(db, role=role, page=PAGE)
    assert not at.exception
    assert any("tidak tersedia untuk peran" in e.value for e in at.error)
    assert not at.dataframe and not at.text_input


def test_accounts_are_listed_without_password_hashes(db):
    at = app_test(db, role="admin", page=PAGE)
    assert not at.exception and not at.error
    table = accounts(at)
    assert table[["Nama pengguna", "Peran", "Cara masuk", "Aktif", "Dibuat oleh"]].values.tolist() == [
        ["sri", "Supervisor", "kata sandi", "ya", "setup"], ["test-admin", "Admin", "kata sandi", "ya", "setup"]]
    assert not table.astype(str).apply(lambda c: c.str.contains("argon2")).any().any()


def test_an_account_is_added_and_the_passwords_are_not_kept(db):
    at = add(app_test(db, role="admin", page=PAGE), "Budi", "auditor", "Budi Santoso")
    assert not at.exception and not at.error
    assert [s.value for s in at.success] == ["Akun dibuat."]
    rows = accounts(at).iloc[:, :6].values.tolist()
    assert ["budi", "Auditor", "Budi Santoso", "kata sandi", "ya", "test-admin"] in rows
    assert at.text_input(key="users_password").value == ""
    with connection.reader(db) as con:
        assert one(con, "SELECT password_hash LIKE '$argon2%' FROM pengguna WHERE username = 'budi'") == (True,)


def test_an_sso_account_needs_an_email_address_and_no_password(db):
    at = add(app_test(db, role="admin", page=PAGE), "kepala", "kepala_kantor", "Kepala", "", "", sso=True)
    assert [e.value for e in at.error] == ["Akun SSO memakai alamat e-mail sebagai nama pengguna."]
    at = add(at, "kepala@imigrasi.go.id", "kepala_kantor", "Kepala", "", "", sso=True)
    assert not at.error
    row = accounts(at).set_index("Nama pengguna").loc["kepala@imigrasi.go.id"]
    assert row["Cara masuk"] == "SSO kantor"


def test_different_passwords_are_refused(db):
    at = add(app_test(db, role="admin", page=PAGE), "budi", "auditor", "Budi", PASSWORD, PASSWORD + "x")
    assert [e.value for e in at.error] == ["Kedua kata sandi tidak sama."]
    assert "budi" not in accounts(at)["Nama pengguna"].tolist()


def test_an_account_is_deactivated_and_reactivated(db):
    at = app_test(db, role="admin", page=PAGE)
    at.selectbox(key="users_pick").set_value(0).run()  # sri
    assert at.button(key="users_toggle").label == "Nonaktifkan"
    at.button(key="users_toggle").click().run()
    assert [s.value for s in at.success] == ["Akun dinonaktifkan."]
    assert accounts(at).set_index("Nama pengguna").loc["sri", "Aktif"] == "tidak"
    assert at.button(key="users_toggle").label == "Aktifkan kembali"
    at.button(key="users_toggle").click().run()
    assert accounts(at).set_index("Nama pengguna").loc["sri", "Aktif"] == "ya"


def test_the_admin_cannot_deactivate_themselves(db):
    at = app_test(db, role="admin", page=PAGE)
    at.selectbox(key="users_pick").set_value(1).run()  # test-admin, the signed-in user
    at.button(key="users_toggle").click().run()
    assert [e.value for e in at.error] == ["Anda tidak dapat menonaktifkan akun Anda sendiri."]
    with connection.reader(db) as con:
        assert one(con, "SELECT active FROM pengguna WHERE username = 'test-admin'") == (True,)


def test_the_page_in_english(db):
    at = app_test(db, role="admin", page=PAGE)
    at.session_state["f_lang"] = "en"  # after the page switch (see tests/test_page_data.py: in_english)
    at.run()
    assert not at.exception
    assert at.title[0].value == "Users"
    assert accounts(at).columns.tolist()[:3] == ["Username", "Role", "Display name"]
