"""What the browser stage of ``make bench`` counts inside the server: script runs per navigation, each
run's duration, and the result-cache misses of a run. Off unless ``KANCIL_BENCH=1``: then every run logs one line

    KANCIL_BENCH run session=<id> n=<runs of this session> page=<key> ms=<script time> misses=<cache misses>

to the server's log, which the benchmark reads. Nothing here changes what a page shows or computes; the counters
live in the session and in module globals that only the log reads.
"""

from __future__ import annotations

import logging
import os
import threading
import time

import streamlit as st

_log = logging.getLogger("kancil.bench")
RUNS_KEY = "_bench_runs"
_misses = threading.local()


def enabled() -> bool:
    return os.environ.get("KANCIL_BENCH") == "1"


def miss(name: str) -> None:
    """A cached computation ran (the cache had no answer): counted for the run of this thread."""
    if enabled():
        _misses.names = [*getattr(_misses, "names", []), name]


def _session_id() -> str:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return ctx.session_id if ctx else "-"


def runs() -> int:
    """How many script runs this session has had (counted only with ``KANCIL_BENCH=1``)."""
    return int(st.session_state.get(RUNS_KEY, 0))


def start() -> None:
    """The top of app.py: a new script run of this session (logged, so runs that stop early count too)."""
    if not enabled():
        return
    n = runs() + 1
    st.session_state[RUNS_KEY] = n
    # kept outside Streamlit: after st.stop() in a page, any st call (session state too) raises again
    _misses.names, _misses.n, _misses.t0, _misses.session = [], n, time.perf_counter(), _session_id()
    _log.warning("KANCIL_BENCH start session=%s n=%d", _misses.session, n)


def finished(page_key: str) -> None:
    """The end of a run that reached its page (app.py, after the page ran, stopped or switched): its time and
    misses. No Streamlit call here (see ``start``)."""
    if not enabled():
        return
    names = getattr(_misses, "names", [])
    ms = (time.perf_counter() - getattr(_misses, "t0", time.perf_counter())) * 1000
    _log.warning("KANCIL_BENCH run session=%s n=%d page=%s ms=%.1f misses=%d %s", getattr(_misses, "session", "-"),
                 getattr(_misses, "n", 0), page_key, ms, len(names), ",".join(names))
