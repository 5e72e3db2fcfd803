"""The 08:00 rush in the browser: k heads of office (k = 1, 2, 4, 8, 16 browser contexts, each its own Streamlit
session) sign in within a short window and open the morning briefing, each for another office where the store
has enough offices; measured from the click on "Masuk" to the briefing drawn (title, the run finished, every chart
drawn), on a server that is up (one supervisor has opened two other pages: imports done, no briefing cached),
without and
with the precomputed briefings (kancil/briefing/precompute.py).

Then extrapolated to 125 sessions arriving within one minute by Little's law: at an arrival rate λ = 125/60 s and a
time-to-drawn W, about λ·W sessions are in the server at once, so the p95 measured at that many concurrent
sessions is the estimate, if the measured throughput (sessions drawn per second at k = 16) exceeds λ; if it does
not, the queue grows for the whole minute and the estimate says so.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import time
from pathlib import Path

from benchmarks import browser, stores
from tests import e2e_support as e2e

KS = (1, 2, 4, 8, 16)
CORES = 2  # the machine the targets are set for (issue 14: "on this 2-core machine")
WINDOW_S = 2.0  # the k sign-ins are spread evenly over this many seconds
TYPING_S = 4.0  # the form loaded, a user types a username and a password (>= 10 characters) before the spread
ARRIVALS, MINUTE = 125, 60.0
START, END_MARK = "<!-- rush:start -->", "<!-- rush:end -->"
TITLE = "Ringkasan pagi"


def _process_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) the process has used so far, from /proc (Linux; no psutil needed)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _machine_busy_s() -> float:
    """CPU seconds all cores of the machine have been busy (not idle, not waiting for I/O) since boot."""
    ticks = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")


def _pct(values: list[float], q: float) -> float:
    import numpy as np

    return float(np.percentile(values, q)) if values else float("nan")


async def _one(browser_, url: str, office: str | None, delay: float) -> dict:
    """One head of office: the sign-in form loaded and typed in (not timed), then after ``delay`` s the click on
    Masuk."""
    context = await browser_.new_context(viewport=browser.VIEWPORT)
    await context.add_init_script(browser.OBSERVER)
    page = await context.new_page()
    try:
        await page.goto(f"{url}/" + (f"?kantor={office}" if office else ""), timeout=e2e.FIRST_LOAD_MS)
        field = page.get_by_label("Nama pengguna")
        await field.wait_for(timeout=e2e.FIRST_LOAD_MS)
        await page.wait_for_selector(e2e.NOT_RUNNING, timeout=e2e.FIRST_LOAD_MS)
        username, password = e2e.ACCOUNTS["kepala_kantor"]
        await field.fill(username)
        await page.get_by_label("Kata sandi").fill(password)
        await asyncio.sleep(TYPING_S + delay)
        t0, clicked = await page.evaluate("performance.now()"), time.perf_counter()
        await page.get_by_role("button", name="Masuk").click()
        await page.wait_for_function(browser.DRAWN, arg=[t0, TITLE], timeout=browser.STEP_TIMEOUT_MS, polling="raf")
        done, events = await page.evaluate("[performance.now(), window.__kb.events]")
        finished = max((at for at, state in events if state == "notRunning" and at >= t0), default=done)
        return {"office": office, "ms": done - t0, "drawing_ms": done - finished, "clicked": clicked,
                "drawn": time.perf_counter(),
                "problems": len(await page.locator(e2e.EXCEPTION).all())}
    finally:
        await context.close()


async def _warm_up(url: str) -> None:
    """A server that has been up since before 08:00: one supervisor has opened the settings page and Fasilitas
    (imports done, the frame's queries cached), but no briefing of any office is in its cache."""
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        b = await pw.chromium.launch(executable_path=str(e2e.chromium_path()), args=e2e.CHROMIUM_ARGS, headless=True)
        try:
            page = await (await b.new_context(viewport=browser.VIEWPORT)).new_page()
            await page.goto(f"{url}/pengaturan", timeout=e2e.FIRST_LOAD_MS)
            username, password = e2e.ACCOUNTS["supervisor"]
            await page.get_by_label("Nama pengguna").fill(username)
            await page.get_by_label("Kata sandi").fill(password)
            await page.get_by_role("button", name="Masuk").click()
            await page.locator(e2e.PAGE_LINK).first.wait_for(timeout=e2e.FIRST_LOAD_MS)
            await page.locator(e2e.PAGE_LINK).filter(has=page.get_by_text("Fasilitas", exact=True)).first.click()
            await page.locator(e2e.PLOTLY_DRAWN).first.wait_for(timeout=e2e.FIRST_LOAD_MS)
        finally:
            await b.close()


async def _wave(url: str, k: int, offices: list[str], server_pid: int) -> dict:
    """The k sessions, with the CPU the server process and the whole machine spent on them (each session's form
    load, sign-in and briefing; the browser's start and close are outside)."""
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        b = await pw.chromium.launch(executable_path=str(e2e.chromium_path()), args=e2e.CHROMIUM_ARGS, headless=True)
        try:
            t0, server0, machine0 = time.perf_counter(), _process_cpu_s(server_pid), _machine_busy_s()
            sessions = await asyncio.gather(*[
                _one(b, url, offices[i % len(offices)] if offices else None, WINDOW_S * i / max(1, k - 1))
                for i in range(k)])
            wall = time.perf_counter() - t0
            server_cpu, machine_cpu = _process_cpu_s(server_pid) - server0, _machine_busy_s() - machine0
        finally:
            await b.close()
    ms = [s["ms"] for s in sessions]
    makespan = max(s["drawn"] for s in sessions) - min(s["clicked"] for s in sessions)
    return {"k": k, "p50_ms": _pct(ms, 50), "p95_ms": _pct(ms, 95), "max_ms": max(ms), "ms": ms,
            "problems": sum(s["problems"] for s in sessions), "wall_s": wall, "makespan_s": makespan,
            "server_cpu_s": server_cpu, "machine_cpu_s": machine_cpu,
            "offices": sorted({s["office"] or "-" for s in sessions})}


def measure(scale: str, store: Path, work: Path, ks: tuple[int, ...] = KS,
            modes: tuple[str, ...] = ("computed", "precomputed")) -> dict:
    """Every k, on a fresh server each, first without and then with the precomputed briefings."""
    from kancil.briefing import precompute
    from kancil.store import connection

    db = browser.bench_store(store)
    with connection.reader(db) as con:
        offices = [r[0] for r in con.execute("SELECT DISTINCT office_code FROM antrian ORDER BY 1").fetchall()]
    out: dict = {"scale": scale, "offices": len(offices), "window_s": WINDOW_S, "runs": {}}
    for mode in modes:
        shutil.rmtree(precompute.folder(db), ignore_errors=True)
        if mode == "precomputed":
            t0 = time.perf_counter()
            done = precompute.precompute(db)
            out["precompute_s"] = time.perf_counter() - t0
            out["precompute_views"] = done["views"]
        out["runs"][mode] = {}
        for k in ks:
            server = browser.Server(db=db, log=work / f"rush-{scale}-{mode}-{k}.log")
            server.start()
            try:
                asyncio.run(_warm_up(server.url))
                r = asyncio.run(_wave(server.url, k, offices, server.proc.pid))
            finally:
                server.stop()
            out["runs"][mode][str(k)] = r
            browser._log(f"rush {scale} {mode} k={k}: p50 {r['p50_ms']:.0f} ms, p95 {r['p95_ms']:.0f} ms, "
                         f"wall {r['wall_s']:.1f} s")
    shutil.rmtree(precompute.folder(db), ignore_errors=True)
    return out


def extrapolate(runs: dict[str, dict]) -> dict:
    """125 sessions in a minute from the measured waves (Little's law; see the module docstring)."""
    lam = ARRIVALS / MINUTE
    biggest = runs[max(runs, key=int)]
    throughput = int(biggest["k"]) / biggest["makespan_s"]  # sessions drawn per second, first click to last drawn
    ks = sorted(runs, key=int)
    w = runs[ks[0]]["p50_ms"] / 1000
    for _ in range(5):  # W depends on the concurrency, which depends on W: iterate to a fixed point
        concurrent = max(1.0, lam * w)
        nearest = min(ks, key=lambda k: abs(int(k) - concurrent))
        w = runs[nearest]["p50_ms"] / 1000
    nearest = min(ks, key=lambda k: abs(int(k) - max(1.0, lam * w)))
    out = {"arrival_per_s": lam, "throughput_per_s": throughput, "concurrent": max(1.0, lam * w),
           "p95_estimate_ms": runs[nearest]["p95_ms"], "at_k": int(nearest), "keeps_up": throughput >= lam}
    if biggest.get("server_cpu_s"):  # the server's own cost, without the k browsers that share this machine
        per_session = biggest["server_cpu_s"] / int(biggest["k"])
        out |= {"server_cpu_per_session_s": per_session, "server_bound_per_s": CORES / per_session}
    return out


def section(results: dict) -> list[str]:
    lines = ["## The 08:00 rush: heads of office signing in and opening the briefing at once", "",
             f"benchmarks/rush.py: k browser contexts (Chromium, one Streamlit session each) load the sign-in form, "
             f"take {TYPING_S:.0f} s to type in it, then click Masuk spread evenly over {WINDOW_S:.0f} s, "
             "each for another office (`?kantor=`, cycling "
             "when k exceeds the offices); time = click to the briefing drawn. For every k a new server, warmed by one "
             "supervisor opening Pengaturan and Fasilitas (imports done, no briefing cached); "
             "‘computed’ = the page computes the briefing (cache empty), ‘precomputed’ = after "
             "`python -m kancil briefing --precompute` (kancil/briefing/precompute.py). The same 2-core machine "
             "also runs Chromium's k renderers.", "",
             "CPU s per session: the server process's CPU time (user + system, /proc) and the whole machine's busy "
             "time over the wave, divided by k (each session's sign-in form, sign-in and briefing).", "",
             "| scale | mode | k | p50 s | p95 s | max s | errors | server CPU s/session | machine CPU s/session |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    notes = []
    for scale, r in results.items():
        for mode, runs in r["runs"].items():
            for k, v in runs.items():
                cpu = " | ".join(f"{v[f] / int(k):.2f}" if f in v else "–" for f in ("server_cpu_s", "machine_cpu_s"))
                lines.append(f"| {scale} ({r['offices']} offices) | {mode} | {k} | {v['p50_ms'] / 1000:.2f} | "
                             f"{v['p95_ms'] / 1000:.2f} | {v['max_ms'] / 1000:.2f} | {v['problems']} | {cpu} |")
            x = extrapolate(runs)
            verdict = ("**met**" if x["keeps_up"] and x["p95_estimate_ms"] <= 3000 else "**NOT met**")
            head = (f"- {scale}, {mode}: measured throughput at k = {max(runs, key=int)}: "
                    f"{x['throughput_per_s']:.2f} sessions/s against 125/min = {x['arrival_per_s']:.2f}/s")
            if x["keeps_up"]:
                notes.append(f"{head} (keeps up); Little's law puts ≈ {x['concurrent']:.1f} sessions in the server at "
                             f"once, so p95 ≈ the measured p95 at k = {x['at_k']}: "
                             f"{x['p95_estimate_ms'] / 1000:.2f} s (target ≤ 3 s) — {verdict}")
            else:  # no steady state: Little's law does not apply, the queue grows for the whole minute
                drain = ARRIVALS / x["throughput_per_s"]
                notes.append(f"{head} (does NOT keep up: the queue grows all minute); the {ARRIVALS} sessions take "
                             f"≈ {drain:.0f} s to serve, so the last to arrive waits ≈ {drain - MINUTE:.0f} s "
                             f"(target p95 ≤ 3 s) — {verdict}")
            if "server_bound_per_s" in x:
                notes.append(f"  Without the browsers: the server process used {x['server_cpu_per_session_s']:.2f} "
                             f"CPU-s per session, so even with every browser on its user's own machine this "
                             f"{CORES}-core server serves at most {x['server_bound_per_s']:.2f} sessions/s (an upper "
                             "bound: it assumes the work spreads over both cores, which one Python process does "
                             f"only for its DuckDB and Argon2 parts) — "
                             + ("enough for" if x["server_bound_per_s"] >= x["arrival_per_s"] else "short of")
                             + f" the {x['arrival_per_s']:.2f}/s arriving.")
        if "precompute_s" in r:
            notes.append(f"- {scale}: `briefing --precompute` took {r['precompute_s']:.1f} s for "
                         f"{r['precompute_views']} views (all offices and each office, numbers + HTML id/en).")
    return [*lines, "", *notes, ""]


def main(argv: list[str] | None = None) -> int:
    import argparse

    p = argparse.ArgumentParser(prog="python -m benchmarks.rush")
    p.add_argument("--scales", default="M")
    p.add_argument("--ks", default=",".join(map(str, KS)))
    p.add_argument("--out", default=None)
    p.add_argument("--modes", default="computed,precomputed")
    p.add_argument("--label", default="")
    args = p.parse_args(argv)
    results = browser.each_scale(
        args.scales, lambda scale, store: measure(scale, store, stores.BENCH_DIR / "browser",
                                                  tuple(int(k) for k in args.ks.split(",")),
                                                  tuple(args.modes.split(","))),
        stores.BENCH_DIR / f"rush{args.label}.json", args.out, START, END_MARK, section)
    print("\n".join(section(results)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
