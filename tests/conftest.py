"""Shared pytest fixtures: the hand-made metrics store, built once per session from tests/fixtures.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.fixtures import build_metrics_store  # noqa: E402


@pytest.fixture(scope="session")
def metrics_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_metrics_store(tmp_path_factory.mktemp("metrics") / "fixture.duckdb")


DEMO_END = "2026-06-30"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo store (120 days up to 30 June 2026) for page tests: real patterns, built once."""
    import datetime as dt

    from kancil import demo

    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    demo.build(path, offices=1, days=120, seed=7, end=dt.date.fromisoformat(DEMO_END))
    return path
