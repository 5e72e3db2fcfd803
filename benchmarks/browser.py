"""The browser stage of ``make bench``: Chromium (headless, Debian's /usr/bin/chromium) drives the real app
(``streamlit run app.py``) over the harness's cached stores and, in the same run, the bare-Streamlit floor
(benchmarks/floor_app.py), and measures what a user feels: from the click to the last chart drawn.

Per page and scale:

- cold: a fresh server process (empty result cache, nothing imported by a page yet); signed in on the settings
  page, then the page's menu link is clicked; ``COLD`` fresh servers, the median;
- warm: the settings page, then the page again (its results cached), ``WARM`` times on the first server and
  ``WARM_MORE`` times on each further one, the median of them all;
- filter: the sidebar's lane filter changed (each lane once: every change a cache miss), the median;
- per navigation: the script runs the server logged (``KANCIL_BENCH=1``, kancil/web/run_stats.py), their script time
  and result-cache misses, and the websocket bytes the browser received.

"Drawn" = the script has started and finished after the click, the page's title is shown and every visible Plotly
chart holds its SVG; if another run follows within ``QUIET_MS`` (a second run of the same navigation), the end of
that run counts. The floor app is measured the same way, drawing what the dashboard drew on that page in this run
(``CONTENT``): as many charts (same trace types, line modes, points, subplots, heights, legends and hidden axis
labels), tables and metrics, and as many of each
element kind of ``ELEMENT_KINDS`` (widgets, alerts, page links, headings, text).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests/e2e_support (the browser tests' server, sign-in and selectors)

from benchmarks import stores  # noqa: E402
from tests import e2e_support as e2e  # noqa: E402

PAGES = ("ringkasan", "kuota", "waktu_layanan", "kepuasan", "fasilitas")
TITLES = {"ringkasan": "Ringkasan pagi", "kuota": "Kuota", "waktu_layanan": "Waktu layanan",
          "kepuasan": "Kepuasan (IKM)", "fasilitas": "Fasilitas", "pengaturan": "Pengaturan"}
WARM_MORE = 3  # warm clicks on each further server, pooled with the first server's WARM
COLD = 3  # fresh servers per page (app and floor): the cold figure is their median (one sample moved by ±200 ms)
WARM = 7  # a median of 3 moved by about ±150 ms between runs (2026-12-03), of 5 still by ±100 ms (2026-12-04 probes)
LANES = ("Prioritas", "Reguler", "Percepatan")
QUIET_MS = 1200
STEP_TIMEOUT_MS = 180_000
VIEWPORT = {"width": 1366, "height": 900}

# In the page before any script: the script state's transitions (time, state) and nothing else.
OBSERVER = """
window.__kb = {events: [], last: null};
const __kbObserve = () => {
  const note = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    const state = app && app.getAttribute('data-test-script-state');
    if (state && state !== window.__kb.last) {
      window.__kb.last = state;
      window.__kb.events.push([performance.now(), state]);
    }
  };
  new MutationObserver(note).observe(document.documentElement,
    {attributes: true, subtree: true, childList: true, attributeFilter: ['data-test-script-state']});
  note();
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', __kbObserve); else __kbObserve();
"""

# Drawn: a run began after t0 (or, for a click to another page, that page's title replaced the one shown before
# the click: a page as light as the floor's "Awal" can run between two frames, so its 'running' state never
# reaches the DOM and waiting for it would wait for ever), the script is not running, no skeleton is left (on a first
# visit Plotly's and the data grid's code loads after the script has finished: until 2026-12-02 evening the stage
# counted such a page as drawn while its charts were still skeletons, which made the floor's cold figures too
# small), every visible chart drawn.
DRAWN = """([t0, title, before]) => {
  const ev = window.__kb.events;
  const h1 = document.querySelector('[data-testid="stMain"] h1');
  const shown = h1 ? h1.innerText.trim() : null;
  const ran = ev.some(e => e[0] >= t0 && e[1] === 'running');
  const moved = title && before !== title && shown === title;
  if (!ran && !moved) return false;
  if (window.__kb.last !== 'notRunning') return false;
  if (title && shown !== title) return false;
  // a lazily loaded element (Plotly, the data grid) shows a skeleton until its code has loaded and it has drawn
  if (document.querySelector('[data-testid="stMain"] [data-testid="stSkeleton"]')) return false;
  for (const el of document.querySelectorAll('[data-testid="stMain"] [data-testid="stPlotlyChart"]')) {
    if (el.offsetParent === null) continue;
    if (!el.querySelector('.main-svg')) return false;
  }
  return true;
}"""

HOME_DRAWN = """() => !document.querySelector('[data-testid="stSkeleton"]') &&
  [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].every(el => el.querySelector('.main-svg'))"""

# The elements besides charts, tables and metrics that the floor draws as many of as the page did (Streamlit's
# data-testid of each): a page's widgets, alerts, links and text cost the browser the same with or without data work.
# stMetricDelta and stTooltipIcon are parts of metrics (a delta, a help icon).
ELEMENT_KINDS = ("stAlert", "stPageLink", "stDateInput", "stSelectbox", "stRadio", "stButton", "stTextInput",
                 "stNumberInput", "stHeading", "stMarkdown", "stDownloadButton", "stMetricDelta", "stTooltipIcon")

CONTENT = """() => {
  const visible = el => el.offsetParent !== null;
  const size = t => t.z ? [].concat(...Array.from(t.z, r => Array.from(r))).length : (t._length || 0);
  const plots = [...document.querySelectorAll('[data-testid="stMain"] .js-plotly-plot')].filter(visible);
  const charts = plots.map(gd => (gd._fullData || []).map(t => [t.type || 'scatter', size(t), t.mode || null]));
  const shapes = plots.map(gd => ({height: gd._fullLayout.height, legend: !!gd._fullLayout.showlegend,
    hidden_ticks: Object.keys(gd._fullLayout).filter(k => /^[xy]axis[0-9]*$/.test(k)
      && gd._fullLayout[k].showticklabels === false).sort()}));
  const tables = [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stDataFrame"]')].length;
  const metrics = [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stMetric"]')]
    .filter(visible).length;
  const panels = plots.map(gd => ((gd._fullLayout._subplots || {}).cartesian || ['xy']).length);
  const elements = {};
  for (const kind of ELEMENT_KINDS) {
    elements[kind] = document.querySelectorAll(`[data-testid="stMain"] [data-testid="${kind}"]`).length;
  }
  const static_cells = [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stTable"]')].map(t =>
    t.querySelectorAll('td, th').length);
  return {charts, tables, metrics, panels, shapes, elements, static_cells};
}""".replace("ELEMENT_KINDS", json.dumps(ELEMENT_KINDS))


@dataclass
class Server(e2e.StreamlitServer):
    """e2e's server, for any script (the app or the floor), with the bench's environment."""

    script: str = "app.py"
    env: dict | None = None

    def start(self, timeout: float = 120.0) -> None:
        self.port = e2e.free_port()
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", self.script, "--server.headless", "true",
                 "--server.fileWatcherType", "none", "--server.port", str(self.port),
                 "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
                cwd=ROOT, env={**os.environ, "KANCIL_DB": str(self.db), "KANCIL_BENCH": "1", **(self.env or {})},
                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        if not self._wait_healthy(timeout):
            self.stop()
            raise RuntimeError(f"{self.script} did not start; its log:\n{self.log_tail()}")


class Tab:
    """One browser page with the observer installed and a count of the websocket bytes it received."""

    def __init__(self, context) -> None:
        self.page = context.new_page()
        self.received = 0
        self.page.on("websocket", self._on_socket)

    def _on_socket(self, ws) -> None:
        ws.on("framereceived", lambda payload: setattr(self, "received", self.received + len(payload)))

    def now(self) -> float:
        return self.page.evaluate("performance.now()")

    def title(self) -> str | None:
        """The page title shown now (the main area's h1), to tell a page switch from a rerun of the same page."""
        return self.page.evaluate("""() => { const h = document.querySelector('[data-testid="stMain"] h1');
                                             return h ? h.innerText.trim() : null; }""")

    def wait_drawn(self, t0: float, title: str | None, before: str | None = None) -> float:
        """ms from ``t0`` (page clock) to the last drawn state, following a second run if one comes; ``before`` is
        the title shown before the click."""
        while True:
            self.page.wait_for_function(DRAWN, arg=[t0, title, before], timeout=STEP_TIMEOUT_MS, polling="raf")
            done = self.now()
            self.page.wait_for_timeout(QUIET_MS)
            events = self.page.evaluate("window.__kb.events")
            if not any(t > done and s == "running" for t, s in events):
                return done - t0
            t0_again = max(t for t, s in events if s == "running")
            self.page.wait_for_function(DRAWN, arg=[t0_again, title, title], timeout=STEP_TIMEOUT_MS, polling="raf")
            later = self.now()
            if not any(t > later and s == "running" for t, s in self.page.evaluate("window.__kb.events")):
                return later - t0

    def content(self) -> dict:
        return self.page.evaluate(CONTENT)


def _log_runs(log: Path, offset: int) -> tuple[list[dict], int]:
    """The KANCIL_BENCH lines of a server log after byte ``offset``: starts, and finished runs with ms/misses."""
    text = log.read_bytes()[offset:].decode("utf-8", "replace")
    runs = [{"start": True} for _ in re.finditer(r"KANCIL_BENCH start ", text)]
    for m in re.finditer(r"KANCIL_BENCH run session=\S+ n=\d+ page=(\S+) ms=([\d.]+) misses=(\d+)", text):
        runs.append({"page": m.group(1), "ms": float(m.group(2)), "misses": int(m.group(3))})
    return runs, offset + len(text.encode())


def _step(tab: Tab, server: Server, action, title: str | None) -> dict:
    """Do ``action`` (a click) and measure it: ms to drawn, script runs, their script ms and misses, bytes in."""
    offset = server.log.stat().st_size
    tab.received = 0
    before = tab.title()
    t0 = tab.now()
    action()
    ms = tab.wait_drawn(t0, title, before)
    time.sleep(0.3)  # the server writes its run line as the run ends
    lines, _ = _log_runs(server.log, offset)
    finished = [x for x in lines if "ms" in x]
    return {"ms": ms, "runs": sum(1 for x in lines if x.get("start")), "script_ms": sum(x["ms"] for x in finished),
            "misses": sum(x["misses"] for x in finished), "bytes": tab.received}


def _click_link(tab: Tab, title: str):
    return lambda: tab.page.locator(e2e.PAGE_LINK).filter(has=tab.page.get_by_text(title, exact=True)).first.click()


def _choose(tab: Tab, label: str, option: str):
    """Pick ``option`` in the sidebar selectbox ``label`` by keyboard (type its text, Enter): a click on the box
    of a long sidebar does not always open its list."""
    def pick() -> None:
        box = tab.page.get_by_role("combobox", name=label, exact=True)
        box.click()
        box.fill(option)
        tab.page.get_by_role("option", name=option, exact=True).click()
    return pick


def _summary(steps: list[dict]) -> dict:
    keys = ("ms", "runs", "script_ms", "misses", "bytes")
    return {**{k: statistics.median(s[k] for s in steps) for k in keys}, "n": len(steps),
            "max_runs": max(s["runs"] for s in steps)}


def measure_page(browser, server: Server, home: str, home_title: str, title: str, sign_in: bool,
                 filter_label: str, filter_options: tuple[str, ...], cold_only: bool = False,
                 warm_after_cold: int = 0) -> dict:
    """cold (the server is fresh), warm and filter changes of one page; what it drew. ``cold_only``: the cold
    click and ``warm_after_cold`` warm clicks only."""
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(90_000)  # no step may wait for ever on a loaded machine
    context.add_init_script(OBSERVER)
    tab = Tab(context)
    try:
        tab.page.goto(f"{server.url}/{home}", timeout=e2e.FIRST_LOAD_MS)
        if sign_in:
            e2e.sign_in(tab.page, "supervisor")
        else:
            e2e.settle(tab.page, e2e.FIRST_LOAD_MS)
        # the home page's own lazily loaded code (Plotly, the data grid) has loaded and drawn before the cold click,
        # as it has in the dashboard after the seconds of its sign-in form
        tab.page.wait_for_function(HOME_DRAWN, timeout=STEP_TIMEOUT_MS, polling="raf")
        cold = _step(tab, server, _click_link(tab, title), title)
        if cold_only:
            warm = _warm_clicks(tab, server, home_title, title, warm_after_cold)
            return {"cold": cold, "warm_steps": warm, "problems": e2e.problems(tab.page)}
        drawn = tab.content()
        warm = _warm_clicks(tab, server, home_title, title, WARM)
        changed = [_step(tab, server, _choose(tab, filter_label, option), title) for option in filter_options]
        return {"cold": cold, "warm": _summary(warm), "warm_steps": warm, "filter": _summary(changed),
                "drawn": drawn, "problems": e2e.problems(tab.page)}
    finally:
        context.close()


def _warm_clicks(tab: Tab, server: Server, home_title: str, title: str, n: int) -> list[dict]:
    """``n`` times: the home page, then the page again (its results cached)."""
    steps = []
    for _ in range(n):
        _step(tab, server, _click_link(tab, home_title), home_title)
        steps.append(_step(tab, server, _click_link(tab, title), title))
    return steps


def bench_store(store: Path) -> Path:
    """A copy of the harness's store with the demo accounts (the harness's own store stays as built)."""
    from kancil import cli
    from kancil.store import connection

    out = store.with_name(store.stem + "-browser.duckdb")
    if not out.exists() or out.stat().st_mtime < store.stat().st_mtime:
        tmp = out.with_suffix(".tmp.duckdb")
        shutil.copyfile(store, tmp)
        version = connection.version_path(store)
        if version.exists():
            shutil.copyfile(version, connection.version_path(tmp))
        cli._add_demo_accounts(tmp)
        os.replace(tmp, out)
        if connection.version_path(tmp).exists():
            os.replace(connection.version_path(tmp), connection.version_path(out))
    return out


def precompute_as_ingest(db: Path) -> float:
    """What every ingest starts (kancil/briefing/precompute.after_ingest), run to its end: the briefings and the
    analysis pages' first views kept for the store's version. Its seconds."""
    from kancil.briefing import precompute

    shutil.rmtree(precompute.folder(db), ignore_errors=True)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kancil", "briefing", "--precompute", "--db", str(db)], cwd=ROOT,
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def _cold_with_nothing_kept(browser, db: Path, key: str, log: Path) -> dict:
    """The cold click of page ``key`` on a fresh server with the kept first views set aside (as in the minutes
    after an ingest before its precompute has finished, or with no precompute at all)."""
    from kancil.briefing import precompute
    from kancil.store import connection

    kept = precompute.folder(db) / connection.store_version(db)
    aside = kept.with_name(kept.name + ".aside")
    os.replace(kept, aside)
    try:
        server = Server(db=db, log=log)
        server.start()
        try:
            return measure_page(browser, server, "pengaturan", TITLES["pengaturan"], TITLES[key], True, "Jalur",
                                LANES, cold_only=True)["cold"]
        finally:
            server.stop()
    finally:
        os.replace(aside, kept)


def measure_scale(scale: str, store: Path, work: Path, pages: tuple[str, ...] = PAGES) -> dict:
    """Every page of ``pages`` in the real app and in the floor app at one scale, on the store as every ingest
    leaves it: with the briefings and the pages' first views precomputed (``briefing --precompute``, started by
    each ingest); and each page's cold click once more with nothing kept. Results of earlier runs carry no
    ``kept_pages`` (made before the pages were precomputed) or no ``kept_briefings`` (Ringkasan computing its
    briefing)."""
    from playwright.sync_api import sync_playwright

    from kancil.briefing import precompute

    db = bench_store(store)
    work.mkdir(parents=True, exist_ok=True)
    out: dict = {"scale": scale, "db": str(db), "app": {}, "floor": {}}
    out["precompute_s"] = precompute_as_ingest(db)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(e2e.chromium_path()), args=e2e.CHROMIUM_ARGS, headless=True)
        try:
            spec_path = work / f"floor-{scale}.json"
            spec: dict = {}
            for key in pages:  # app then floor, page by page: both under the same load of a shared machine
                out["app"][key] = _on_servers(
                    lambda server, more, key=key: measure_page(
                        browser, server, "pengaturan", TITLES["pengaturan"], TITLES[key], True, "Jalur", LANES,
                        cold_only=more, warm_after_cold=WARM_MORE if more else 0),
                    lambda n, key=key: Server(db=db, log=work / f"app-{scale}-{key}{n}.log"), f"{scale} app {key}")
                out["app"][key]["kept_briefings"] = out["app"][key]["kept_pages"] = True
                out["app"][key]["cold_nothing_kept"] = _cold_with_nothing_kept(
                    browser, db, key, work / f"app-{scale}-{key}-nothing-kept.log")
                _log(f"{scale} app {key}: {_brief(out['app'][key])}")
                drawn = out["app"][key]["drawn"]
                spec[key] = {"title": TITLES[key], **{k: drawn[k] for k in (
                    "charts", "tables", "metrics", "panels", "shapes", "elements", "static_cells")}}
                spec_path.write_text(json.dumps(spec))
                out["floor"][key] = _on_servers(
                    lambda server, more, key=key: measure_page(
                        browser, server, "", "Awal", TITLES[key], False, "Variasi", ("1", "2", "3"),
                        cold_only=more, warm_after_cold=WARM_MORE if more else 0),
                    lambda n, key=key: Server(db=db, log=work / f"floor-{scale}-{key}{n}.log",
                                              script="benchmarks/floor_app.py",
                                              env={"KANCIL_FLOOR_SPEC": str(spec_path)}), f"{scale} floor {key}")
                _log(f"{scale} floor {key}: {_brief(out['floor'][key])}")
        finally:
            browser.close()
    shutil.rmtree(precompute.folder(db), ignore_errors=True)
    return out


def _on_servers(measure: Callable[[Server, bool], dict], server_for: Callable[[str], Server], what: str) -> dict:
    """One page on ``COLD`` fresh servers, pooled (``_pooled``): every step on the first (``measure(server,
    False)``), a cold click and ``WARM_MORE`` warm clicks on each other (``measure(server, True)``)."""
    first = _measured_once_more_if_stuck(lambda server: measure(server, False), server_for, what)
    more = [_measured_once_more_if_stuck(lambda server: measure(server, True),
                                         lambda n, i=i: server_for(f"-cold{i}{n}"), f"{what} cold {i}")
            for i in range(2, COLD + 1)]
    return _pooled(first, more)


def _median_cold(first: dict, more: list[dict]) -> dict:
    """The cold click of median time among ``COLD`` fresh servers (one cold click moved by ±200 ms between runs of
    the same code, 2026-12-04), with every sample's ms beside it."""
    steps = sorted([first, *more], key=lambda step: step["ms"])
    return {**steps[len(steps) // 2], "samples_ms": [step["ms"] for step in [first, *more]]}


def _pooled(first: dict, more: list[dict]) -> dict:
    """A page measured on ``COLD`` fresh servers: the first with every step, the others with a cold click and
    ``WARM_MORE`` warm clicks. cold = the median server's cold click; warm = the median of every warm click of all
    servers (the warm median of one server moved by up to 0.6× the floor between runs: the server, not the click,
    varied)."""
    warm = first["warm_steps"] + [step for result in more for step in result["warm_steps"]]
    return {**first, "cold": _median_cold(first["cold"], [result["cold"] for result in more]),
            "warm": {**_summary(warm), "servers": 1 + len(more)}, "warm_first_server": first["warm"]}


def _measured_once_more_if_stuck(measure: Callable[[Server], dict], server_for: Callable[[str], Server],
                                 what: str) -> dict:
    """``measure`` on a fresh server; if a step never got drawn (Playwright's timeout: once in a run of 2026-12-04,
    a floor filter change at L), once more on another fresh server, said in the log and in the result (``retried``),
    so that one stuck step does not lose the whole scale's measurements."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        return _on_fresh_server(measure, server_for(""))
    except PlaywrightTimeout as exc:
        _log(f"{what}: a step was not drawn within {STEP_TIMEOUT_MS / 1000:.0f} s ({str(exc).splitlines()[0]}); "
             "measuring it once more on a fresh server")
    return {**_on_fresh_server(measure, server_for("-again")), "retried": True}


def _on_fresh_server(measure: Callable[[Server], dict], server: Server) -> dict:
    server.start()
    try:
        return measure(server)
    finally:
        server.stop()


def _brief(v: dict) -> str:
    return (f"cold {v['cold']['ms']:.0f} ms ({v['cold']['runs']} runs), warm {v['warm']['ms']:.0f} ms "
            f"({v['warm']['runs']} runs), filter {v['filter']['ms']:.0f} ms")


def _log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] browser: {message}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------------------------------------------- report

TARGETS = {"S": {"warm": 1.2, "cold": 1.5}, "L": {"warm": 1.2, "cold": 2.0}}
START, END_MARK = "<!-- browser:start -->", "<!-- browser:end -->"


def update_section(out: Path, start: str, end: str, lines: list[str]) -> None:
    """Replace the block between ``start`` and ``end`` in ``out`` (or add it at the end), leaving the rest as is:
    a stage run alone (``--browser-only``) rewrites only its own part of BENCHMARKS.md."""
    text = out.read_text() if out.exists() else ""
    block = "\n".join([start, *lines, end, ""])
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + block + rest.split(end, 1)[1].lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + block
    out.write_text(text)


def each_scale(scales: str, measure_one, saved: Path, out: str | None, start: str, end: str, section) -> dict:
    """A stage run alone (the rush stages' ``main``): ``measure_one(scale, store)`` per scale of ``"M,L"``, the
    results saved as JSON and, with ``out``, the stage's section of BENCHMARKS.md rewritten after each scale."""
    results: dict = {}
    for scale in [s.strip().upper() for s in scales.split(",") if s.strip()]:
        results[scale] = measure_one(scale, stores.ensure_store(scale))
        saved.write_text(json.dumps(results, indent=1))
        if out:
            update_section(Path(out), start, end, section(results))
    return results


def ratios(r: dict) -> dict[str, dict[str, float]]:
    """Per page: app ÷ floor for cold, warm and filter."""
    return {key: {state: v[state]["ms"] / r["floor"][key][state]["ms"] for state in ("cold", "warm", "filter")}
            for key, v in r["app"].items() if key in r["floor"]}


def section(results: dict, note: str = "") -> list[str]:
    """The browser table of BENCHMARKS.md from the raw results of ``measure_scale`` per scale."""
    lines = ["## In the browser: click to the last chart drawn (Chromium, real app vs the bare-Streamlit floor)", "",
             "benchmarks/browser.py: `streamlit run app.py` over the harness's store of each scale (a copy with the "
             "demo accounts), Chromium headless at 1366 × 900, signed in as supervisor. cold = a fresh server "
             f"process, the page's menu link clicked from the settings page (median of {COLD} fresh servers); "
             "warm = the same again with its results "
             f"cached (median of {WARM} clicks on the first server and {WARM_MORE} on each other); filter = the "
             "sidebar lane changed (each lane once, each a cache miss; "
             "median). runs = script runs the server logged for that click (KANCIL_BENCH=1); script = their "
             "server-side time; misses = result-cache misses; KB = websocket bytes received. floor = "
             "benchmarks/floor_app.py drawing the same charts (trace types, line modes, points, subplots, heights, "
             "legends and hidden axis labels), tables (data grids, and static tables of as many cells), metrics "
             "(with as many deltas and help icons), widgets, "
             "alerts, page links, headings and text blocks, with no data work, measured the same way in the same "
             "run. The store is as an ingest leaves it: each ingest "
             "starts `briefing --precompute`, which keeps the briefings and the analysis pages' first views "
             "(kancil/web/warm_pages.py) for the store's version, so a cold click reads their results instead of "
             "running the queries; *nothing kept* = the same cold click once more on a fresh server with those files "
             "set aside (the minutes before the precompute finishes), misses there = results computed. A page marked "
             "† was measured without the kept briefing, ‡ without kept first views (runs before 2026-12-04).", ""]
    if note:
        lines += [note, ""]
    lines += ["| scale | page | cold ms (runs, script ms) | floor cold | × | nothing kept: cold ms (script ms, "
              "misses) | × | warm ms (runs, script ms, misses) | floor warm | × | filter ms (misses) | floor filter | "
              "× | KB cold / warm | charts (points) |",
              "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    verdicts = []
    for scale, r in results.items():
        rat = ratios(r)
        for key, v in r["app"].items():
            f = r["floor"].get(key)
            if not f:
                continue
            c, w, fl = v["cold"], v["warm"], v["filter"]
            points = sum(trace[1] for chart in v["drawn"]["charts"] for trace in chart)
            mark = ("" if v.get("kept_briefings") or key != "ringkasan" else "†") + ("" if v.get("kept_pages") else "‡")
            bare = v.get("cold_nothing_kept")
            bare_cells = (f"{bare['ms']:,.0f} ({bare['script_ms']:,.0f}, {bare['misses']:g}) | "
                          f"{bare['ms'] / f['cold']['ms']:.2f}" if bare else "— | —")
            lines.append(
                f"| {scale} | {key}{mark} | {c['ms']:,.0f} ({c['runs']}, {c['script_ms']:,.0f}) | "
                f"{f['cold']['ms']:,.0f} | {rat[key]['cold']:.2f} | {bare_cells} | "
                f"{w['ms']:,.0f} ({w['runs']:g}, {w['script_ms']:,.0f}, {w['misses']:g}) | "
                f"{f['warm']['ms']:,.0f} | {rat[key]['warm']:.2f} | {fl['ms']:,.0f} ({fl['misses']:g}) | "
                f"{f['filter']['ms']:,.0f} | {rat[key]['filter']:.2f} | {c['bytes'] / 1e3:,.0f} / "
                f"{w['bytes'] / 1e3:,.0f} | {len(v['drawn']['charts'])} ({points:,}) |")
        target = TARGETS.get(scale)
        if target:
            worst_w = max(rat, key=lambda k: rat[k]["warm"])
            worst_c = max(rat, key=lambda k: rat[k]["cold"])
            ok_w, ok_c = rat[worst_w]["warm"] <= target["warm"], rat[worst_c]["cold"] <= target["cold"]
            verdicts.append(f"- {scale}: warm ≤ {target['warm']}× the floor: worst {worst_w} "
                            f"{rat[worst_w]['warm']:.2f}× — **{'met' if ok_w else 'NOT met'}**; cold ≤ "
                            f"{target['cold']}×: worst {worst_c} {rat[worst_c]['cold']:.2f}× — "
                            f"**{'met' if ok_c else 'NOT met'}**")
            bare = {k: v["cold_nothing_kept"]["ms"] / r["floor"][k]["cold"]["ms"] for k, v in r["app"].items()
                    if v.get("cold_nothing_kept") and k in r["floor"]}
            if bare:
                worst_b = max(bare, key=bare.get)
                verdicts.append(f"- {scale}: cold with nothing kept (before the precompute has run): worst {worst_b} "
                                f"{bare[worst_b]:.2f}× — {'within' if bare[worst_b] <= target['cold'] else 'over'} "
                                f"the {target['cold']}×")
        runs = [v[s]["runs"] if s == "cold" else v[s]["max_runs"] for v in r["app"].values() for s in ("cold", "warm")]
        verdicts.append(f"- {scale}: script runs per navigation: {min(runs):g}–{max(runs):g}")
    return [*lines, "", *verdicts, ""]


def run(scales: list[str], out: Path | None = None, pages: tuple[str, ...] = PAGES, label: str = "",
        note: str = "") -> dict:
    """The browser stage at ``scales`` (stores of the harness, built if missing): raw results into
    data/bench/browser-<label>.json and, with ``out``, its section of BENCHMARKS.md."""
    results = {}
    for scale in scales:
        results[scale] = measure_scale(scale, stores.ensure_store(scale), stores.BENCH_DIR / "browser", pages)
        path = stores.BENCH_DIR / f"browser-{label or ''.join(scales)}.json"
        path.write_text(json.dumps(results, indent=1))
        if out is not None:
            update_section(out, START, END_MARK, section(results, note))
    return results


def before_after(before: dict, after: dict) -> list[str]:
    """The change of the web-layer work (issue 14): each page's ms before and after, the floor's ms of each run
    (a floor that draws more costs more: the reader sees how much of a ratio's change is the floor's), and each
    as a ratio to its run's floor.
    A scale whose earlier run has no floor of its own is divided by the later run's floor (said in the table)."""
    lines = ["### Before → after the page changes (same harness, same stores)", "",
             "| scale | page | cold ms before → after | floor cold | × floor | warm ms before → after | floor warm | "
             "× floor | filter ms before → after | floor filter | × floor |", "|" + "---|" * 11]
    borrowed = []
    for scale, a in after.items():
        b = before.get(scale)
        if not b:
            continue
        floor_b = b.get("floor") or {}
        if not floor_b:
            borrowed.append(scale)
        for key, v in a["app"].items():
            if key not in b["app"] or key not in a["floor"]:
                continue
            cells = []
            for state in ("cold", "warm", "filter"):
                fb = (floor_b.get(key) or a["floor"][key])[state]["ms"]
                fa = a["floor"][key][state]["ms"]
                before_ms, after_ms = b["app"][key][state]["ms"], v[state]["ms"]
                cells += [f"{before_ms:,.0f} → {after_ms:,.0f}", f"{fb:,.0f} → {fa:,.0f}",
                          f"{before_ms / fb:.2f} → {after_ms / fa:.2f}"]
            lines.append(f"| {scale} | {key} | " + " | ".join(cells) + " |")
    if borrowed:
        lines += ["", f"(Before at {', '.join(borrowed)}: the earlier run's floor did not finish; its ratios use "
                  "the later run's floor.)"]
    return [*lines, ""]


def main(argv: list[str] | None = None) -> int:
    """``python -m benchmarks.browser [--scales S,M] [--pages ...] [--out BENCHMARKS.md]``: the browser stage alone
    (``make bench`` runs it after the query stages)."""
    import argparse

    p = argparse.ArgumentParser(prog="python -m benchmarks.browser")
    p.add_argument("--scales", default="S,M")
    p.add_argument("--pages", default=",".join(PAGES))
    p.add_argument("--label", default="")
    p.add_argument("--out", default=None, help="rewrite the browser section of this report (e.g. BENCHMARKS.md)")
    p.add_argument("--note", default="", help="a sentence on how this run was made, printed above the table")
    p.add_argument("--before", default=None, help="an earlier run's results (JSON) to compare with")
    p.add_argument("--report-only", default=None, help="rewrite the section from a saved results JSON")
    args = p.parse_args(argv)
    scales = [s.strip().upper() for s in args.scales.split(",") if s.strip()]
    if args.report_only:
        results = json.loads(Path(args.report_only).read_text())
    else:
        results = run(scales, None, tuple(args.pages.split(",")), args.label, args.note)
    lines = section(results, args.note)
    if args.before:
        lines += before_after(json.loads(Path(args.before).read_text()), results)
    if args.out:
        update_section(Path(args.out), START, END_MARK, lines)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
