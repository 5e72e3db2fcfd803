"""The server process's warm-up (kancil/web/warm_process.py) runs its whole list: a wrong Plotly property or
format argument there would be logged and swallowed, and every fresh server would silently pay the imports in its
first page again. (What the warm-up saves is measured in BENCHMARKS.md, not here.)"""

from __future__ import annotations

import logging

from kancil.web import warm_process


def test_the_warm_up_runs_to_its_end(caplog):
    with caplog.at_level(logging.ERROR, logger="kancil.web"):
        warm_process._warm()
    assert not [r for r in caplog.records if "warm-up" in r.getMessage()]
