"""Helpers of the real-browser tests (tests/test_e2e.py): the demo store, the Streamlit server, Chromium, and the
few Streamlit-specific moves (wait for a run to finish, sign in, pick a sidebar option, screenshot the main area).

Chromium is Debian's (/usr/bin/chromium, installed by ``make test`` as root when missing); Playwright's own browser
download is never used. Waiting follows Streamlit's own browser tests: the app is connected and its script is not
running.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "tests" / "screenshots"  # git-ignored: every run's pages, for a look after a failure
README_SHOTS = ROOT / "docs" / "screenshots"  # the README's pictures, rewritten by every run

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
FIRST_LOAD_MS = 120_000  # a ceiling, not a target: on a shared, loaded machine a first page load (JS bundle,
# first queries, the forecast's first import of statsmodels) has taken up to 60 s
STEP_MS = 45_000  # any later wait (a rerun, a page switch)

DEMO_END = dt.date(2026, 6, 30)
STORE_VERSION = "1782810000000000000-1"  # 30 June 2026 09:00 UTC as time_ns, the form store.bump_version writes
ACCOUNTS = {  # role -> (username, password): the demo accounts of kancil/cli.py (README table)
    "kepala_kantor": ("kepala", "demo-kepala-2026"),
    "supervisor": ("supervisor", "demo-supervisor-2026"),
    "auditor": ("auditor", "demo-auditor-2026"),
    "admin": ("admin", "demo-admin-2026"),
}

APP = '[data-testid="stApp"]'
CONNECTED = '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
NOT_RUNNING = '[data-test-script-state="notRunning"]'
MAIN = '[data-testid="stMain"]'
SIDEBAR = '[data-testid="stSidebar"]'
PAGE_LINK = '[data-testid="stSidebar"] [data-testid="stPageLink-NavLink"]'
AUTO_NAV = '[data-testid="stSidebarNav"]'  # Streamlit's own page menu (the app draws its own links instead)
EXCEPTION = '[data-testid="stException"]'
PLOTLY = '[data-testid="stMain"] [data-testid="stPlotlyChart"]'
PLOTLY_DRAWN = '[data-testid="stMain"] .js-plotly-plot'
METRIC = '[data-testid="stMain"] [data-testid="stMetric"]'


def chromium_path() -> Path | None:
    """The Chromium of the browser tests: ``KANCIL_CHROMIUM`` when set (and only it), else Debian's; None when
    this machine has none (the browser tests then fail, unless SKIP_BROWSER=1: tests/conftest.py)."""
    configured = os.environ.get("KANCIL_CHROMIUM")
    if configured:
        return Path(configured) if Path(configured).exists() else None
    for candidate in (Path("/usr/bin/chromium"), shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return Path(candidate)
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_demo_store(path: Path) -> Path:
    """The small demo store of the browser tests: 60 days up to 30 June 2026 and the four demo accounts."""
    from kancil import cli, demo
    from kancil.store import connection

    demo.build(path, days=60, seed=3, end=DEMO_END)
    cli._add_demo_accounts(path)
    # The store version (a cache key, shown in every page's freshness line) is a clock reading: fix it, so the
    # README's pictures change only when the pages do. Writes during the tests (downloads) bump it as usual.
    connection.version_path(path).write_text(f"{STORE_VERSION}\n")
    return path


# ------------------------------------------------------------------------------------------------ server


@dataclass
class StreamlitServer:
    """``streamlit run app.py`` on a free port over ``db``; its output goes to ``log``."""

    db: Path
    log: Path
    port: int = 0
    proc: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 90.0) -> None:
        for _attempt in range(2):  # a port found free may be taken before Streamlit binds it: try a second one
            self.port = free_port()
            with self.log.open("ab") as out:
                self.proc = subprocess.Popen(
                    [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                     "--server.fileWatcherType", "none", "--server.port", str(self.port),
                     "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
                    cwd=ROOT, env={**os.environ, "KANCIL_DB": str(self.db)}, stdout=out, stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                )
            if self._wait_healthy(timeout):
                return
            self.stop()
        raise RuntimeError(f"Streamlit did not answer /_stcore/health; its log:\n{self.log_tail()}")

    def _wait_healthy(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as answer:
                    if answer.read().decode().strip() == "ok":
                        return True
            except OSError:
                pass
            time.sleep(0.25)
        return False

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=15)
        self.proc = None

    def log_tail(self, chars: int = 4000) -> str:
        text = self.log.read_text("utf-8", "replace") if self.log.exists() else ""
        return text[-chars:]


# ------------------------------------------------------------------------------------------------ browser moves


def settle(page, timeout: int = STEP_MS) -> None:
    """Wait until the app is connected and its script has finished (Streamlit's own e2e tests do this)."""
    page.wait_for_selector(CONNECTED, timeout=timeout)
    page.wait_for_selector(NOT_RUNNING, timeout=timeout)


def open_app(page, url: str) -> None:
    page.goto(url, timeout=FIRST_LOAD_MS)
    settle(page, FIRST_LOAD_MS)


def sign_in(page, role: str) -> None:
    """Fill the sign-in form as the demo account of ``role`` and wait for the signed-in frame (sidebar links)."""
    username, password = ACCOUNTS[role]
    field = page.get_by_label("Nama pengguna")
    field.or_(page.locator(f"{MAIN} [data-testid='stAlert']")).first.wait_for(timeout=FIRST_LOAD_MS)
    settle(page, FIRST_LOAD_MS)
    if not field.is_visible():
        shown = " | ".join(page.locator(MAIN).inner_text().split("\n\n"))[:300]
        raise AssertionError(f"no sign-in form at {page.url}; the page shows: {shown}")
    field.fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    # wait for the signed-in frame (its sidebar links), or for the sign-in form's own error; a page's refusal
    # (also an error alert) may show before the sidebar does, so it is not a failed sign-in
    signed_in = page.locator(PAGE_LINK).first
    failed = page.locator('[data-testid="stAlertContentError"]', has_text=re.compile("salah|Terlalu banyak"))
    signed_in.or_(failed).first.wait_for(timeout=FIRST_LOAD_MS)
    if not signed_in.is_visible():
        raise AssertionError(f"sign-in as {username} failed: {failed.all_inner_texts()}")
    settle(page, FIRST_LOAD_MS)


def sidebar_links(page) -> list[str]:
    """The page links the sidebar offers, by their shown title."""
    return [text.strip() for text in page.locator(f"{PAGE_LINK} [data-testid='stMarkdownContainer']")
            .all_inner_texts()]


def heading(page) -> str | None:
    """The page's title (the first h1 of the main area), or None."""
    titles = page.locator(f"{MAIN} h1").all_inner_texts()
    return titles[0].strip() if titles else None


def go_to(page, title: str) -> None:
    """Switch page with the sidebar link ``title`` and wait for that page's title and the end of its run."""
    page.locator(PAGE_LINK).filter(has=page.get_by_text(title, exact=True)).first.click()
    page.locator(f"{MAIN} h1").filter(has_text=re.compile(f"^{re.escape(title)}$")).first.wait_for(
        timeout=FIRST_LOAD_MS)
    settle(page, FIRST_LOAD_MS)


def open_expander(page, title: str) -> None:
    """Open the first expander of the main area titled ``title`` and wait for the end of its opening animation.

    Streamlit grows an opened expander over ~300 ms, and its content counts as visible from the start. A click on
    a button inside it during that time could land on the expander's block instead (found with a click listener:
    a deferred CSV download that never came, one CI run and 1 in 5 fresh servers). So: wait until its height is
    the same over three reads 100 ms apart."""
    expander = page.locator(f"{MAIN} [data-testid='stExpander']").filter(has=page.get_by_text(title)).first
    expander.get_by_text(title).first.click()
    # open first (a closed expander's content is inert), so that three equal heights are not the closed one's
    expander.locator("[data-testid='stExpanderDetails']:not([inert])").wait_for(state="attached", timeout=STEP_MS)
    heights: list[float] = []
    deadline = time.monotonic() + STEP_MS / 1000
    while time.monotonic() < deadline and (len(heights) < 3 or len(set(heights[-3:])) > 1):
        page.wait_for_timeout(100)
        heights.append(expander.bounding_box()["height"])


def choose(page, label: str, option: str) -> None:
    """Pick ``option`` in the selectbox ``label`` (a combobox: open it, click the option's text)."""
    page.get_by_role("combobox", name=label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()


def combobox_value(page, label: str) -> str:
    return page.get_by_role("combobox", name=label, exact=True).input_value()


def main_metrics(page) -> list[tuple[str, str]]:
    """Every st.metric of the main area as (label, value), in page order."""
    out = []
    for metric in page.locator(METRIC).all():
        label = metric.locator('[data-testid="stMetricLabel"]').inner_text().strip()
        value = metric.locator('[data-testid="stMetricValue"]').inner_text().strip()
        out.append((label, value))
    return out


def problems(page) -> list[str]:
    """What looks like a crash on the page: Streamlit exception boxes and any traceback text."""
    found = []
    n = page.locator(EXCEPTION).count()
    if n:
        texts = [t.strip()[:300] for t in page.locator(EXCEPTION).all_inner_texts()]
        found.append(f"{n} Streamlit exception element(s): {texts}")
    text = page.locator(APP).inner_text()
    if "Traceback" in text:
        found.append('the text "Traceback" is on the page')
    for framework_error in ("Page not found", "This app has encountered an error"):
        if framework_error in text:  # Streamlit's own English error texts: a page of ours it could not run or find
            found.append(f"Streamlit's {framework_error!r} is on the page")
    return found


# Download buttons that carry no row-level data: the numbers behind a chart (privacy-protected aggregates, the
# same table the page shows), the printable briefing, and the rejected rows of the file the user has just loaded
# (their own input back, with the reasons, to correct it). Row-level data leaves only through the audited ZIP.
AGGREGATE_DOWNLOADS = frozenset({"Unduh CSV", "Unduh ringkasan cetak (HTML)",
                                 "Unduh baris yang ditolak (CSV, untuk diperbaiki)"})


def download_affordances(page) -> list[str]:
    """Every way to take data out of the page that is not the audited export: Streamlit's table toolbar download
    (shown when a table is hovered), and any download button outside the export panel.

    Each visible table is hovered first, because the toolbar is drawn only then."""
    found = []
    for table in page.locator(f"{MAIN} [data-testid='stDataFrame']").all():
        if not table.is_visible():
            continue
        table.hover()
        page.wait_for_timeout(150)
        labels = [b.get_attribute("aria-label") or b.inner_text() for b in
                  table.locator("xpath=..").locator("[data-testid='stElementToolbarButton'] button").all()]
        found += [f"table toolbar offers {label!r}" for label in labels if "ownload" in (label or "")]
    buttons = page.locator(f"{MAIN} [data-testid='stDownloadButton']")
    labels = [(b.locator("[data-testid='stMarkdownContainer']").first.text_content() or "").strip()
              for b in buttons.all()]  # hidden ones too (a closed expander's): their text, not their icon's name
    found += [f"download button {label!r}" for label in labels if label not in AGGREGATE_DOWNLOADS]
    return found


def wait_for_charts(page, timeout: int = STEP_MS, rest_ms: int = 10_000) -> int:
    """Wait until a Plotly chart is drawn in the main area, then (up to ``rest_ms`` more) until every chart element
    holds a drawn plot; the number of drawn charts."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.locator(PLOTLY_DRAWN).first.wait_for(timeout=timeout)
    try:
        page.wait_for_function(
            """([outer, drawn]) => document.querySelectorAll(outer).length
                === document.querySelectorAll(drawn).length""",
            arg=[PLOTLY, PLOTLY_DRAWN], timeout=rest_ms)
    except PlaywrightTimeout:  # a chart still drawing (or never shown, e.g. folded away) is no failure here
        pass
    return page.locator(PLOTLY_DRAWN).count()


def screenshot(page, name: str) -> Path:
    """The whole window (sidebar and the visible part of the page) into tests/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), animations="disabled")
    return path


def screenshot_main(page, path: Path, max_height: int = 10_000) -> Path:
    """The whole main area, top to bottom: the main area scrolls inside the window, so the window is made as tall
    as its content for the picture (the width, which decides the layout, stays) and then set back."""
    path.parent.mkdir(parents=True, exist_ok=True)
    before = page.viewport_size
    height = before["height"]
    for _ in range(3):  # the content height may change once the window is taller (bottom padding)
        wanted = min(max_height, page.evaluate(f"document.querySelector('{MAIN}').scrollHeight"))
        if wanted <= height:
            break
        height = wanted
        page.set_viewport_size({"width": before["width"], "height": height})
        page.wait_for_timeout(300)  # let charts and columns settle into the new window
    page.locator(MAIN).screenshot(path=str(path), animations="disabled")
    page.set_viewport_size(before)
    return path


def horizontal_overflow(page) -> dict:
    """Widths that show a horizontal scrollbar: the document against the window, the main area against itself."""
    return page.evaluate(
        f"""() => {{
            const main = document.querySelector('{MAIN}');
            return {{document_scroll: document.documentElement.scrollWidth, window: window.innerWidth,
                     main_scroll: main.scrollWidth, main_client: main.clientWidth}};
        }}""")


def navigate_in_session(page, path: str) -> None:
    """Go to ``path`` inside the running session, as the browser's back/forward buttons do (history + popstate):
    the session and its sign-in stay, unlike a typed address, which loads the app anew."""
    page.evaluate("p => { window.history.pushState({}, '', p); window.dispatchEvent(new PopStateEvent('popstate')); }",
                  path)
    page.wait_for_timeout(300)
    settle(page)
