"""Text from the user's files in a static table reads exactly as written in a real browser: no link, no image, no
emphasis. Streamlit 1.67's ``st.table`` draws every cell (and header) as Markdown, so without
``tables.static_table`` a survey comment ``![](http://host/x.png)`` made the head of office's browser fetch that
address. A tiny Streamlit script shows hostile cells through ``static_table``; Chromium reads the cells back.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.e2e_support import CHROMIUM_ARGS, FIRST_LOAD_MS, ROOT, chromium_path, free_port

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (requirements-dev.txt)")

HOSTILE = [
    "**tebal** [tautan](http://example.com) ![gambar](http://127.0.0.1:9/x.png) <b>h</b> :red[merah] $x^2$",
    "http://example.com/a?b=c www.example.org nama@example.com HTTPS://X.ORG <https://x.org>",
    "# judul - butir 1. satu > kutipan | a | b |",
    "a\\b `kode` ~~coret~~ _miring_ 5 * 3 = 15; 50% \"q\" 'q' &amp; &#65;",
    ":material/home: :rainbow[x] :smile: =SUM(1+1) +mantap @ok",
]
SCRIPT = """
import pandas as pd
from kancil.web.tables import static_table
rows = {rows!r}
static_table(pd.DataFrame({{"**Komentar** [x](http://e.org)": rows}}), hide_index=True)
"""
CELLS = """() => [...document.querySelectorAll('[data-testid="stTable"] td, [data-testid="stTable"] th')].map(td =>
  [td.innerText.replaceAll('\\u2060', ''), [...td.querySelectorAll('*')].map(e => e.tagName).join(',')])"""


def test_static_table_cells_read_as_written(tmp_path: Path) -> None:
    script = tmp_path / "static_table_app.py"
    script.write_text(SCRIPT.format(rows=HOSTILE))
    port = free_port()
    log = (tmp_path / "streamlit.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
                             "--server.port", str(port), "--server.address", "127.0.0.1",
                             "--browser.gatherUsageStats", "false"], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                    break
            except OSError:
                time.sleep(0.3)
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(chromium_path()), headless=True,
                                                 args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                page.goto(f"http://127.0.0.1:{port}/", timeout=FIRST_LOAD_MS)
                page.locator('[data-testid="stTable"] td').first.wait_for(timeout=FIRST_LOAD_MS)
                cells = page.evaluate(CELLS)
            finally:
                browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()
    texts = [text for text, _tags in cells]
    assert texts == ["**Komentar** [x](http://e.org)", *HOSTILE]  # every character as written
    assert {tags for _text, tags in cells} == {"DIV,P"}  # one plain paragraph per cell: no A, IMG, STRONG, SPAN
