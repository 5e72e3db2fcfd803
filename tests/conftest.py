"""Shared pytest fixtures: the hand-made metrics store and a small demo store, each built once per session; and
the rule of the browser tests.

Helpers the tests call (an AppTest of the real app, a query on a store, the cards of a page) are in
tests/helpers.py; the hand-made store itself is tests/fixtures.py.

Browser tests (marker ``browser``: Playwright in Chromium, and the printed PDF) never skip silently: without
Chromium they fail and say how to get it; ``SKIP_BROWSER=1`` skips them on purpose, and the end of the run says
"browser tests SKIPPED by SKIP_BROWSER=1" with their number.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from kancil import demo
from tests.e2e_support import chromium_path
from tests.fixtures import build_metrics_store
from tests.helpers import DEMO_END

# An ingest starts the briefing precompute in the background (kancil/briefing/precompute.py); the tests that want it
# call it themselves, the others must not leave processes behind over their temporary stores.
os.environ.setdefault("KANCIL_NO_PRECOMPUTE", "1")


@pytest.fixture(scope="session")
def metrics_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_metrics_store(tmp_path_factory.mktemp("metrics") / "fixture.duckdb")


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo store (120 days up to 30 June 2026) for page tests: real patterns, built once."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    demo.build(path, offices=1, days=120, seed=7, end=dt.date.fromisoformat(DEMO_END))
    return path


SKIP_SWITCH = "SKIP_BROWSER"
NO_CHROMIUM = ("Chromium not found ({where}): the browser tests need Debian's Chromium. `make test` installs it when "
               "run as root with apt-get; otherwise `sudo apt-get install chromium` (or set KANCIL_CHROMIUM to a "
               "Chromium binary). To skip the browser tests on purpose: SKIP_BROWSER=1 make test")


def skipping_browser() -> bool:
    return os.environ.get(SKIP_SWITCH, "") not in ("", "0")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if skipping_browser():
        marker = pytest.mark.skip(reason="browser tests SKIPPED by SKIP_BROWSER=1")
        for item in items:
            if item.get_closest_marker("browser"):
                item.add_marker(marker)


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("browser") and not skipping_browser() and chromium_path() is None:
        where = os.environ.get("KANCIL_CHROMIUM") or "/usr/bin/chromium, chromium on PATH"
        pytest.fail(NO_CHROMIUM.format(where=where), pytrace=False)


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    if not skipping_browser():
        return
    skipped = [r for r in terminalreporter.stats.get("skipped", [])
               if "SKIP_BROWSER" in str(getattr(r, "longrepr", ""))]
    terminalreporter.write_sep("!", f"browser tests SKIPPED by SKIP_BROWSER=1: {len(skipped)} tests not run",
                               yellow=True, bold=True)
