"""The analysis pages' first view, computed once after an ingest and kept next to the store (issue 14).

A server's result cache lives in its process and starts empty, so the first visit of each page after an ingest
(or a restart) ran all of its queries: at national scale 1–3.7 s of script before the first chart. Which figures
a page's first view asks for, with which filters (the presets move with the newest data and the day), is what the
page itself decides; so the precompute does not list them but opens the real app headless (Streamlit's
``AppTest``, the same app.py a browser gets) as each dashboard role, page by page, with results kept on
(``data.keeping_results``): every figure and summary its default view computes lands in
``<store>.briefing/<version>/results/`` (kancil/briefing/precompute.py), where every server process finds it.

Run by ``python -m kancil briefing --precompute`` after the briefings, so by every ingest, every settings change
from the dashboard, ``kancil demo`` and the cron job before opening. A page that shows an exception, or does not
finish within TIMEOUT_S, is reported and skipped (the dashboard then computes it as before); the other pages are
still opened (after a timeout, in a new headless session of that role: AppTest stopped the timed-out run).
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from kancil import pages
from kancil.config import ROOT
from kancil.roles import ROLES, User, can

TIMEOUT_S = 300  # one page's first run at national scale takes seconds; a loaded machine may take far longer
BARE_MODE_WARNINGS = ("streamlit.runtime.scriptrunner_utils.script_run_context",  # "missing ScriptRunContext"
                      "streamlit.runtime.state.session_state_proxy", "streamlit.runtime.caching.cache_data_api")
ROLES_TO_OPEN = tuple(r for r in ROLES if can(User("-", r, "-"), "dashboard"))


def warm(db: Path | str) -> dict:
    """Open every dashboard page as every role that may see it, on ``db``, keeping what they compute. Returns the
    pages opened, the ones that failed (page: first error) and the seconds taken."""
    from streamlit.testing.v1 import AppTest

    for name in BARE_MODE_WARNINGS:  # true, and expected here: silenced so that precompute.log says what happened
        logging.getLogger(name).disabled = True
    from kancil.web import data

    t0 = time.perf_counter()
    opened, failed = 0, {}
    before = os.environ.get("KANCIL_DB")
    os.environ["KANCIL_DB"] = str(db)  # what app.py opens (kancil/config.db_path)
    try:
        with data.keeping_results():
            for role in ROLES_TO_OPEN:
                at = None
                for page in pages.PAGES:
                    if page.capability != "dashboard":
                        continue
                    try:
                        at = at or _signed_in(AppTest, role)
                        at.switch_page(page.file).run()
                    except RuntimeError as exc:  # AppTest's "script run timed out after N(s)"
                        failed.setdefault(page.key, str(exc))
                        at = None
                        continue
                    if at.exception:
                        failed.setdefault(page.key, at.exception[0].message)
                    else:
                        opened += 1
    finally:
        if before is None:
            os.environ.pop("KANCIL_DB", None)
        else:
            os.environ["KANCIL_DB"] = before
    return {"pages": opened, "failed": failed, "seconds": time.perf_counter() - t0}


def _signed_in(app_test: type, role: str):
    """A headless session of app.py signed in as ``role``, after its first run (the home page)."""
    at = app_test.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S)
    at.session_state["_user"] = User(f"precompute-{role}", role, "precompute")
    return at.run()
