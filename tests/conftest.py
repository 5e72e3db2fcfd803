"""Shared pytest fixtures: the hand-made metrics store and a small demo store, each built once per session.

Helpers the tests call (an AppTest of the real app, a query on a store, the cards of a page) are in
tests/helpers.py; the hand-made store itself is tests/fixtures.py.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from kancil import demo
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
