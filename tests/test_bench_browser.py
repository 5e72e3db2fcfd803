"""The browser stage's logic (benchmarks/browser.py) and the run counter it reads (kancil/web/run_stats.py); nothing is
timed here: the numbers below are hand-made results, and the counts are script runs."""

from __future__ import annotations

import logging

import pytest
import streamlit as st

from benchmarks import browser
from tests.helpers import app_test


def _page(ms_cold: float, ms_warm: float, ms_filter: float, runs: int = 1) -> dict:
    step = {"runs": runs, "script_ms": 10.0, "misses": 0, "bytes": 2000}
    return {"cold": {**step, "ms": ms_cold}, "warm": {**step, "ms": ms_warm, "max_runs": runs},
            "filter": {**step, "ms": ms_filter, "max_runs": runs},
            "drawn": {"charts": [[["bar", 30], ["scatter", 12]]], "tables": 1, "metrics": 3}}


def _kept(page: dict, bare_ms: float) -> dict:
    """A page measured on the store as an ingest leaves it, and its cold click again with nothing kept."""
    bare = {"runs": 1, "script_ms": 700.0, "misses": 9, "bytes": 2000, "ms": bare_ms}
    return {**page, "kept_briefings": True, "kept_pages": True, "cold_nothing_kept": bare}


def test_ratios_and_verdicts_against_the_floor():
    results = {"S": {"app": {"kuota": _kept(_page(1500, 1100, 1300), 2500),
                             "fasilitas": _kept(_page(3000, 1300, 900, runs=2), 1200)},
                     "floor": {"kuota": _page(1000, 1000, 1000), "fasilitas": _page(1000, 1000, 1000)}}}
    assert browser.ratios(results["S"]) == {"kuota": {"cold": 1.5, "warm": 1.1, "filter": 1.3},
                                            "fasilitas": {"cold": 3.0, "warm": 1.3, "filter": 0.9}}
    text = "\n".join(browser.section(results))
    assert ("| S | kuota | 1,500 (1, 10) | 1,000 | 1.50 | 2,500 (700, 9) | 2.50 | 1,100 (1, 10, 0) | 1,000 | 1.10 |"
            in text)
    assert ("- S: warm ≤ 1.2× the floor: worst fasilitas 1.30× — **NOT met**; cold ≤ 1.5×: worst fasilitas 3.00× "
            "— **NOT met**") in text
    assert "- S: cold with nothing kept (before the precompute has run): worst kuota 2.50× — over the 1.5×" in text
    assert "- S: script runs per navigation: 1–2" in text
    assert "| 1 (42) |" in text  # one chart of 42 points


def test_a_briefing_measured_without_the_kept_files_is_marked():
    """Ringkasan measured before the precompute (computing its briefing) is not the state an ingest leaves: †."""
    kept, computed = _kept(_page(900, 800, 800), 1900), _page(2000, 800, 800)
    older = {**_page(1000, 800, 800), "kept_briefings": True}  # a run made before the pages were precomputed
    floor = {"ringkasan": _page(1000, 1000, 1000)}
    text = "\n".join(browser.section({"L": {"app": {"ringkasan": computed}, "floor": floor},
                                      "M": {"app": {"ringkasan": older}, "floor": floor},
                                      "S": {"app": {"ringkasan": kept}, "floor": floor}}))
    assert "| L | ringkasan†‡ | 2,000 (1, 10) | 1,000 | 2.00 | — | — |" in text
    assert "| M | ringkasan‡ | 1,000 (1, 10) | 1,000 | 1.00 | — | — |" in text
    assert "| S | ringkasan | 900 (1, 10) | 1,000 | 0.90 | 1,900 (700, 9) | 1.90 |" in text


def test_the_server_log_lines_are_counted(tmp_path):
    log = tmp_path / "server.log"
    log.write_text("noise\n2026-12-02 07:00:00 WARNING kancil.bench: KANCIL_BENCH start session=a n=4\n")
    offset = log.stat().st_size
    with log.open("a") as out:
        out.write("x KANCIL_BENCH start session=a n=5\n"
                  "x KANCIL_BENCH run session=a n=5 page=kuota ms=812.5 misses=3 quota_daily,summary,summary\n")
    runs, end = browser._log_runs(log, offset)
    assert runs == [{"start": True}, {"page": "kuota", "ms": 812.5, "misses": 3}]
    assert end == log.stat().st_size


def test_the_report_section_is_replaced_in_place(tmp_path):
    out = tmp_path / "BENCHMARKS.md"
    out.write_text("# Title\n\nbefore\n")
    browser.update_section(out, browser.START, browser.END_MARK, ["first"])
    browser.update_section(out, browser.START, browser.END_MARK, ["second"])
    assert out.read_text() == f"# Title\n\nbefore\n\n{browser.START}\nsecond\n{browser.END_MARK}\n"


def test_each_script_run_is_counted_and_logged_with_kancil_bench(metrics_db, monkeypatch, caplog):
    """KANCIL_BENCH=1: one count per script run, each logged with its page and the result-cache misses of that run
    (also a run that a page ends with st.stop()). The root address runs twice: it switches to the home page under
    its own path (app.py ``start``); a page switch runs once."""
    monkeypatch.setenv("KANCIL_BENCH", "1")
    st.cache_data.clear()  # an earlier test may have drawn the same page on the same fixture in this process
    with caplog.at_level(logging.WARNING, logger="kancil.bench"):
        at = app_test(metrics_db)
        assert at.session_state["_bench_runs"] == 2
        at.switch_page("views/fasilitas.py").run()
        assert at.session_state["_bench_runs"] == 3
        at.switch_page("views/fasilitas.py").run()  # the same view again: every figure from the cache
        assert at.session_state["_bench_runs"] == 4
    finished = [r.getMessage() for r in caplog.records if "KANCIL_BENCH run" in r.getMessage()]
    assert [m.split(" page=")[1].split(" ")[0] for m in finished] == ["ringkasan", "ringkasan", "fasilitas",
                                                                       "fasilitas"]
    assert finished[3].endswith("misses=0 ") and not finished[2].endswith("misses=0 ")


def test_without_kancil_bench_nothing_is_counted(metrics_db, monkeypatch):
    monkeypatch.delenv("KANCIL_BENCH", raising=False)
    at = app_test(metrics_db, page="views/fasilitas.py")
    assert "_bench_runs" not in at.session_state


def test_before_and_after_are_compared_as_ratios_to_the_floor():
    before = {"S": {"app": {"kuota": _page(3000, 1200, 1500)}, "floor": {"kuota": _page(1500, 1000, 1000)}},
              "M": {"app": {"kuota": _page(4000, 2000, 2000)}, "floor": {}}}
    after = {"S": {"app": {"kuota": _page(1400, 1100, 1200)}, "floor": {"kuota": _page(1000, 1000, 1000)}},
             "M": {"app": {"kuota": _page(3000, 1500, 1000)}, "floor": {"kuota": _page(2000, 1000, 1000)}}}
    lines = browser.before_after(before, after)
    # each state: the app's ms, the floor's ms of each run (M's earlier run has none: the later one's), the ratios
    assert ("| S | kuota | 3,000 → 1,400 | 1,500 → 1,000 | 2.00 → 1.40 | 1,200 → 1,100 | 1,000 → 1,000 | 1.20 → 1.10 "
            "| 1,500 → 1,200 | 1,000 → 1,000 | 1.50 → 1.20 |") in lines
    assert ("| M | kuota | 4,000 → 3,000 | 2,000 → 2,000 | 2.00 → 1.50 | 2,000 → 1,500 | 1,000 → 1,000 | 2.00 → 1.50 "
            "| 2,000 → 1,000 | 1,000 → 1,000 | 2.00 → 1.00 |") in lines
    assert lines[-2].startswith("(Before at M: the earlier run's floor did not finish")


def test_the_rush_is_extrapolated_by_littles_law():
    """125 arrivals a minute (2.08/s): with 1.0 s at k = 1 about 2 sessions are in at once, so the p95 of k = 2
    is the estimate; 16 sessions drawn within 4 s is 4/s, which keeps up."""
    from benchmarks import rush

    def wave(k: int, p50: float, p95: float) -> dict:
        return {"k": k, "p50_ms": p50, "p95_ms": p95, "max_ms": p95, "ms": [p50] * k, "problems": 0,
                "makespan_s": 4.0 if k == 16 else 1.0}

    runs = {"1": wave(1, 1000, 1000), "2": wave(2, 1100, 1400), "16": wave(16, 2500, 2900)}
    x = rush.extrapolate(runs)
    assert x["at_k"] == 2 and x["p95_estimate_ms"] == 1400 and x["throughput_per_s"] == 4.0 and x["keeps_up"]
    text = "\n".join(rush.section({"M": {"offices": 10, "runs": {"precomputed": runs}}}))
    assert "| M (10 offices) | precomputed | 2 | 1.10 | 1.40 | 1.40 | 0 | – | – |" in text
    assert "p95 ≈ the measured p95 at k = 2: 1.40 s (target ≤ 3 s) — **met**" in text
    slow = {k: {**v, "makespan_s": 32.0} for k, v in runs.items()}  # 16 in 32 s: 0.5/s, under the 2.08/s arriving
    text = "\n".join(rush.section({"M": {"offices": 10, "runs": {"precomputed": slow}}}))
    assert ("0.50 sessions/s against 125/min = 2.08/s (does NOT keep up: the queue grows all minute); the 125 "
            "sessions take ≈ 250 s to serve, so the last to arrive waits ≈ 190 s (target p95 ≤ 3 s) — **NOT met**"
            ) in text
    # the server's own CPU: 16 sessions used 8 CPU-s of the server (0.5 each), so 2 cores serve at most 4/s
    measured = {**slow, "16": {**slow["16"], "server_cpu_s": 8.0, "machine_cpu_s": 48.0}}
    text = "\n".join(rush.section({"M": {"offices": 10, "runs": {"precomputed": measured}}}))
    assert "| M (10 offices) | precomputed | 16 | 2.50 | 2.90 | 2.90 | 0 | 0.50 | 3.00 |" in text
    assert ("the server process used 0.50 CPU-s per session, so even with every browser on its user's own machine "
            "this 2-core server serves at most 4.00 sessions/s") in text
    assert "— enough for the 2.08/s arriving." in text


def test_the_rush_at_its_size_adds_the_browsers_own_drawing():
    """benchmarks/rush_wire.py: the server's p95 under 125 arrivals plus the slowest drawing measured alone is the
    estimate; 1.45 + 1.43 = 2.88 s meets 3 s, 1.45 + 2.48 = 3.93 s does not, and a session that never reached the
    briefing fails the run whatever the times."""
    from benchmarks import rush_wire

    clicks = rush_wire.arrivals()
    assert len(clicks) == 125 and clicks == sorted(clicks) and 0 <= clicks[0] and clicks[-1] < 60
    assert clicks == rush_wire.arrivals()  # the same minute every run

    def run(p95: float, drawing_ms: list[float], failed: int = 0) -> dict:
        return {"n": 125, "failed": failed, "p50_s": 0.36, "p95_s": p95, "max_s": 2.0, "server_cpu_s": 50.0,
                "machine_cpu_s": 51.25, "driver_cpu_s": 2.6, "alone_ms": [2500.0, 3100.0], "drawing_ms": drawing_ms,
                "exceptions": ["KeyError: 'x'"] if failed else []}

    def text(v: dict) -> str:
        return "\n".join(rush_wire.section({"M": {"offices": 10, "runs": {"precomputed": v}}}))

    assert ("| M (10 offices) | precomputed | 125 | 0 | 0.36 | 1.45 | 2.00 | 0.40 | 0.41 | 2.6 | 2.50–3.10 | "
            "1.21–1.43 |") in text(run(1.45, [1210.0, 1430.0]))
    assert "1.45 s at 125 arrivals in the minute + the slowest drawing alone 1.43 s = 2.88 s" in text(
        run(1.45, [1210.0, 1430.0]))
    assert "= 2.88 s against p95 ≤ 3 s — **met**" in text(run(1.45, [1210.0, 1430.0]))
    assert "= 3.93 s against p95 ≤ 3 s — **NOT met**" in text(run(1.45, [2480.0]))
    assert "**NOT met**; 1 sessions did not reach the briefing: [\"KeyError: 'x'\"]" in text(
        run(1.45, [1430.0], failed=1))


class _Server:
    """Stands in for a Streamlit server in the harness's retry logic: it only records being started and stopped."""

    def __init__(self, name: str, seen: list) -> None:
        self.name, self.seen = name, seen

    def start(self) -> None:
        self.seen.append(("start", self.name))

    def stop(self) -> None:
        self.seen.append(("stop", self.name))


def test_a_step_that_is_never_drawn_is_measured_once_more_on_a_fresh_server():
    """One Playwright timeout costs one page a second try (marked ``retried``), not the whole scale; a second
    timeout is raised; every server started is stopped."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    seen: list = []
    outcomes = [PlaywrightTimeout("Timeout 180000ms exceeded."), {"cold": {"ms": 400.0}}]

    def measure(server: _Server) -> dict:
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    got = browser._measured_once_more_if_stuck(measure, lambda n: _Server(f"s{n}", seen), "L floor fasilitas")
    assert got == {"cold": {"ms": 400.0}, "retried": True}
    assert seen == [("start", "s"), ("stop", "s"), ("start", "s-again"), ("stop", "s-again")]

    outcomes[:] = [PlaywrightTimeout("first"), PlaywrightTimeout("second")]
    with pytest.raises(PlaywrightTimeout, match="second"):
        browser._measured_once_more_if_stuck(measure, lambda n: _Server(f"t{n}", seen), "L floor fasilitas")
    assert seen[-2:] == [("start", "t-again"), ("stop", "t-again")]


def test_the_cold_figure_is_the_median_of_its_fresh_servers():
    first, second, third = ({"ms": ms, "script_ms": ms / 4} for ms in (900.0, 500.0, 650.0))
    assert browser._median_cold(first, [second, third]) == {"ms": 650.0, "script_ms": 162.5,
                                                            "samples_ms": [900.0, 500.0, 650.0]}


def test_warm_is_the_median_of_every_warm_click_of_every_server():
    """Seven warm clicks on the first server and three on each of two more: the median of all thirteen, and the
    cold click of the median server."""
    def step(ms: float) -> dict:
        return {"ms": ms, "runs": 1, "script_ms": ms / 10, "misses": 0, "bytes": 1000}

    first = {"cold": step(900.0), "warm": {"ms": 300.0}, "warm_steps": [step(300.0)] * 7, "drawn": {"charts": []}}
    more = [{"cold": step(500.0), "warm_steps": [step(400.0)] * 3},
            {"cold": step(700.0), "warm_steps": [step(500.0)] * 3}]
    pooled = browser._pooled(first, more)
    assert (pooled["cold"]["ms"], pooled["cold"]["samples_ms"]) == (700.0, [900.0, 500.0, 700.0])
    assert (pooled["warm"]["ms"], pooled["warm"]["n"], pooled["warm"]["servers"]) == (300.0, 13, 3)
    more[0]["warm_steps"] = [step(400.0)] * 6  # 7 of 300, 6 of 400, 3 of 500: the 8th and 9th of 16 are 400
    assert browser._pooled(first, more)["warm"]["ms"] == 400.0
    assert pooled["warm_first_server"] == {"ms": 300.0} and pooled["drawn"] == {"charts": []}


def test_a_page_is_measured_fully_on_one_server_and_cold_and_warm_on_two_more():
    seen: list = []
    calls: list = []

    def measure(server: _Server, more: bool) -> dict:
        calls.append((server.name, more))
        ms = {"p": 900.0, "p-cold2": 500.0, "p-cold3": 700.0}[server.name]
        step = {"ms": ms, "runs": 1, "script_ms": 1.0, "misses": 0, "bytes": 1}
        return {"cold": step, "warm_steps": [step] * (3 if more else 7), **({} if more else {"warm": {"ms": ms}})}

    got = browser._on_servers(measure, lambda n: _Server(f"p{n}", seen), "S app kuota")
    assert calls == [("p", False), ("p-cold2", True), ("p-cold3", True)]
    assert (got["cold"]["ms"], got["warm"]["ms"], got["warm"]["n"]) == (700.0, 900.0, 13)
    assert seen == [(event, name) for name in ("p", "p-cold2", "p-cold3") for event in ("start", "stop")]
