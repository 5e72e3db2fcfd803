"""Security checks: SQL injection through filters and links, no HTML from data, safe Streamlit settings."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest

from kancil.export.safe import neutralise
from kancil.filters import Filters
from kancil.metrics import kpis
from kancil.store import connection, queries
from kancil.store.sql import one
from tests.helpers import ROOT, app_test

INJECTIONS = [
    "TST' OR '1'='1",
    "TST'; DROP TABLE antrian; --",
    "prioritas' UNION SELECT * FROM pengguna --",
    "$office",
    "'); DELETE FROM antrian; --",
]
WEEK = Filters(date_from=dt.date(2026, 5, 11), date_to=dt.date(2026, 5, 16))


@pytest.mark.parametrize("attack", INJECTIONS)
@pytest.mark.parametrize("field", ["office", "lane", "group", "service_type", "channel"])
def test_filter_values_are_bound_never_executed(metrics_db, field, attack):
    with connection.reader(metrics_db) as con:
        result = kpis.summary(con, WEEK.replace(**{field: attack}))
        # a value that is not a code matches nothing, and the store is untouched
        assert sum(result["tickets"].values()) == 0 if field != "lane" else result["tickets"] == {attack: 0}
        assert one(con, "SELECT count(*) FROM antrian")[0] == 8


def test_every_query_file_uses_only_named_parameters():
    for path in (ROOT / "queries").rglob("*.sql"):
        text = re.sub(r"--[^\n]*", "", path.read_text())
        assert "?" not in text, f"{path.name}: positional parameter"
        assert "{" not in text and "%s" not in text, f"{path.name}: looks like string formatting"


def test_a_query_name_cannot_leave_the_queries_folder():
    with pytest.raises(ValueError):
        queries.sql_text("../kancil/store")


@pytest.mark.parametrize("attack", INJECTIONS)
def test_url_parameters_with_injections_fall_back_to_defaults(metrics_db, attack):
    query = {"kantor": attack, "jalur": attack, "kelompok": attack, "layanan": attack, "kanal": attack,
             "periode": attack, "dari": attack, "sampai": attack, "bahasa": attack}
    at = app_test(metrics_db, role="kepala_kantor", query=query)
    assert not at.exception
    notice = [i.value for i in at.info if "tautan tidak dikenal" in i.value]
    assert notice, "a bad link gets a notice"
    assert at.query_params.get("kantor") is None and at.query_params.get("periode") == "30h"
    with connection.reader(metrics_db) as con:
        assert one(con, "SELECT count(*) FROM antrian")[0] == 8


def test_no_page_or_module_renders_html_from_data():
    for path in [*ROOT.glob("views/*.py"), *ROOT.glob("kancil/**/*.py"), ROOT / "app.py"]:
        text = path.read_text()
        assert "unsafe_allow_html=True" not in text, path
        if path.name not in ("localize.py", "early_code.py"):  # our own style sheets (message text through
            # localize._css_text; early_code's one rule of no text at all)
            assert "st.html(" not in text, path
        assert "components.html(" not in text, path
        if path.name != "session_cookie.py":  # the one-line cookie script, of a token of ours
            assert "st.iframe(" not in text, path


def test_streamlit_config_is_safe():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"].get("enableXsrfProtection", True) is True
    assert config["client"]["showErrorDetails"] == "none"
    assert 0 < config["server"]["maxUploadSize"] <= 200


@pytest.mark.parametrize("text", ["=1+2", "+SUM(A1)", "-3", "@cmd", "\tx", "\rx"])
def test_spreadsheet_formula_starts_are_neutralised(text):
    assert neutralise(text) == "'" + text
    assert neutralise("Petugas ramah") == "Petugas ramah" and neutralise(5) == 5


def test_git_ignores_the_store_and_secrets():
    ignored = (ROOT / ".gitignore").read_text()
    assert "data/*.duckdb" in ignored and ".streamlit/secrets.toml" in ignored
    assert not list(Path(ROOT, "data").glob("*.duckdb")) or "data/*.duckdb" in ignored


def test_the_two_scripted_snippets_hold_no_data():
    """The uploader's style sheet and the session cookie's script are the only HTML the app writes: the first takes
    message text with quotes and brackets removed, the second a token of base64url characters and a dot."""
    from kancil.roles import User
    from kancil.store import sessions
    from kancil.web.localize import _css_text

    assert _css_text('Pilih "berkas" <script>\\') == "Pilih berkas script"
    token = sessions.token(b"k" * 32, User("nama'<x>", "supervisor", "X"), dt.datetime(2026, 6, 1))
    assert re.fullmatch(r"[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+", token)
