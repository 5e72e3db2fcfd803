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
