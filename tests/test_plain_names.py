"""Names people type are shown as typed (issue 11, case 14a): a display name such as ``**x** [y](http://e)`` is
plain text in the sidebar and on every page, never bold text or a link."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kancil import pages
from kancil.roles import User
from kancil.store import accounts, connection
from kancil.web.text import literal
from tests.helpers import app_test

NAME = "**x** [y](http://e) :material/home: $x$"
RENDERED = ("markdown", "caption", "info", "success", "warning", "error", "title", "header", "subheader", "toast")


def markdown_texts(at) -> list[str]:
    """Every text of the page (main area and sidebar) that Streamlit renders as Markdown."""
    found = []
    for kind in RENDERED:
        found += [str(e.value) for e in getattr(at, kind)]
        found += [str(e.value) for e in getattr(at.sidebar, kind)]
    return found


@pytest.fixture(scope="module")
def db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("names") / "store.duckdb"
    shutil.copyfile(demo_db, path)
    with connection.writer(path, bump=False) as con:
        accounts.add_user(con, "markdown", "rahasia-sekali-1", "admin", NAME)
        accounts.add_user(con, "md-sup", "rahasia-sekali-1", "supervisor", NAME)
    return path


@pytest.mark.parametrize(("username", "role"), [("markdown", "admin"), ("md-sup", "supervisor")])
def test_a_display_name_is_plain_text_on_every_page(db: Path, username: str, role: str) -> None:
    user = User(username, role, NAME)
    at = app_test(db, role=None, state={"_user": user})
    for page in pages.allowed(user):
        at.switch_page(page.file).run()
        assert not at.exception, page.key
        assert [e.value for e in at.sidebar.text] == [f"Masuk sebagai {NAME} ({role.capitalize()})"], page.key
        assert not [text for text in markdown_texts(at) if "**x**" in text or "](http://e)" in text], page.key
        if page.key == "pengguna":  # the accounts table holds the name as a plain cell
            table = next(d.value for d in at.dataframe if "Nama tampilan" in d.value.columns)
            assert (table["Nama tampilan"] == NAME).sum() == 2


def test_literal_escapes_every_markdown_character() -> None:
    assert literal(NAME) == r"\*\*x\*\* \[y\]\(http\://e\) \:material/home\: \$x\$"
    assert literal("Nama pengguna sudah ada: a_b") == "Nama pengguna sudah ada\\: a\\_b"
