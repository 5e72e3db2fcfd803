"""The 08:00 rush as the server meets it: 125 heads of office signing in and opening the briefing within one
minute, each a Streamlit session driven over the websocket protocol (benchmarks/wire.py), none a browser.

Why beside benchmarks/rush.py: there the k Chromium renderers share the server's two cores and use ten times its
CPU, so the browser-driven rush cannot reach 125 sessions and measures the browsers. Here the arrivals are the
target's own: 125 clicks on "Masuk" at random moments of one minute (uniform, a fixed seed: a Poisson stream of
that size), each session's form opened a few seconds before its click, as a user types. Measured per session: the
click to the last message of the briefing's run (the server's whole share). The browser's own share, drawing the
page after that last message, does not depend on the other sessions (each head of office's browser runs on their
own computer), so it is measured alone, five sessions one after another in Chromium on the same server, and added.
"""

from __future__ import annotations

import asyncio
import random
import shutil
import time
from pathlib import Path

from benchmarks import browser, rush, stores, wire
from tests import e2e_support as e2e

START, END_MARK = "<!-- rush-wire:start -->", "<!-- rush-wire:end -->"
TYPING_S = rush.TYPING_S  # the sign-in form is opened this long before the click
SEED = 7
ALONE = 5  # browser sessions measured one at a time for the drawing share


def arrivals(n: int = rush.ARRIVALS, minute: float = rush.MINUTE, seed: int = SEED) -> list[float]:
    """The moments of the n clicks, seconds from the start of the minute."""
    rng = random.Random(seed)
    return sorted(rng.uniform(0, minute) for _ in range(n))


async def _head_of_office(url: str, office: str | None, click_at: float, start: float) -> dict:
    await asyncio.sleep(max(0.0, start + click_at - TYPING_S - time.perf_counter()))
    async with wire.Session(url, f"kantor={office}" if office else "") as session:
        form = await session.run()
        await asyncio.sleep(max(0.0, start + click_at - time.perf_counter()))
        late = time.perf_counter() - (start + click_at)  # > 0 when the form itself came late
        run, seconds = await session.sign_in(form, *e2e.ACCOUNTS["kepala_kantor"])
    return {"office": office, "s": seconds, "late_s": late, "bytes": run.bytes,
            "ok": rush.TITLE in run.headings and not run.exceptions, "exceptions": run.exceptions[:2]}


async def _minute(url: str, offices: list[str], server_pid: int) -> dict:
    clicks = arrivals()
    start = time.perf_counter() + TYPING_S
    server0, machine0, driver0 = rush._process_cpu_s(server_pid), rush._machine_busy_s(), time.process_time()
    sessions = await asyncio.gather(*[
        _head_of_office(url, offices[i % len(offices)] if offices else None, at, start)
        for i, at in enumerate(clicks)])
    wall = time.perf_counter() - start
    seconds = [s["s"] for s in sessions]
    return {"n": len(sessions), "p50_s": rush._pct(seconds, 50), "p95_s": rush._pct(seconds, 95),
            "max_s": max(seconds), "failed": sum(not s["ok"] for s in sessions),
            "exceptions": sorted({e for s in sessions for e in s["exceptions"]})[:3],
            "late_max_s": max(s["late_s"] for s in sessions), "wall_s": wall,
            "server_cpu_s": rush._process_cpu_s(server_pid) - server0,
            "machine_cpu_s": rush._machine_busy_s() - machine0, "driver_cpu_s": time.process_time() - driver0,
            "seconds": seconds}


async def _alone(url: str, offices: list[str]) -> list[dict]:
    """ALONE browser sessions, one at a time: click to drawn and its drawing share (after the run finished)."""
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        b = await pw.chromium.launch(executable_path=str(e2e.chromium_path()), args=e2e.CHROMIUM_ARGS, headless=True)
        try:
            return [await rush._one(b, url, offices[i % len(offices)] if offices else None, 0.0)
                    for i in range(ALONE)]
        finally:
            await b.close()


def measure(scale: str, store: Path, work: Path, modes: tuple[str, ...] = ("computed", "precomputed")) -> dict:
    """The minute on a fresh, warmed server per mode, then the browser's drawing share alone on the same server."""
    from kancil.briefing import precompute
    from kancil.store import connection

    db = browser.bench_store(store)
    with connection.reader(db) as con:
        offices = [r[0] for r in con.execute("SELECT DISTINCT office_code FROM antrian ORDER BY 1").fetchall()]
    out: dict = {"scale": scale, "offices": len(offices), "runs": {}}
    for mode in modes:
        shutil.rmtree(precompute.folder(db), ignore_errors=True)
        if mode == "precomputed":
            precompute.precompute(db)
        server = browser.Server(db=db, log=work / f"rush-wire-{scale}-{mode}.log")
        server.start()
        try:
            asyncio.run(rush._warm_up(server.url))
            r = asyncio.run(_minute(server.url, offices, server.proc.pid))
            alone = asyncio.run(_alone(server.url, offices[::-1]))  # other offices than the minute's first
        finally:
            server.stop()
        r["alone_ms"] = [a["ms"] for a in alone]
        r["drawing_ms"] = [a["drawing_ms"] for a in alone]
        out["runs"][mode] = r
        browser._log(f"rush-wire {scale} {mode}: p50 {r['p50_s']:.2f} s, p95 {r['p95_s']:.2f} s, "
                     f"failed {r['failed']}, drawing {max(r['drawing_ms']):.0f} ms")
    shutil.rmtree(precompute.folder(db), ignore_errors=True)
    return out


def section(results: dict) -> list[str]:
    lines = ["## The 08:00 rush at the target's size: 125 sign-ins in one minute, the server's share measured",
             "", f"benchmarks/rush_wire.py: {rush.ARRIVALS} sessions over Streamlit's own websocket protocol "
             "(benchmarks/wire.py: the messages the frontend sends, no browser), clicks on \"Masuk\" at random "
             f"moments of one minute (uniform, seed {SEED}), each for another office, each form opened "
             f"{TYPING_S:.0f} s before its click; time = the click to the last message of the briefing's run. "
             "One fresh server per mode, warmed as in the browser rush. Not included: the static files a first "
             "visit fetches (a returning browser has them cached; 0.25 CPU-s of the server per fresh browser, "
             "measured in the browser rush). Then the browser's own share, measured alone: "
             f"{ALONE} Chromium sessions one after another on the same server, click to drawn and, of it, the "
             "drawing after the run's last message.", "",
             "| scale | mode | sessions | failed | p50 s | p95 s | max s | server CPU s/session | "
             "machine CPU s/session | driver CPU s | one browser alone: click → drawn s | of it drawing s |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    notes = []
    for scale, r in results.items():
        for mode, v in r["runs"].items():
            alone, drawing = max(v["alone_ms"]) / 1000, max(v["drawing_ms"]) / 1000
            lines.append(
                f"| {scale} ({r['offices']} offices) | {mode} | {v['n']} | {v['failed']} | {v['p50_s']:.2f} | "
                f"{v['p95_s']:.2f} | {v['max_s']:.2f} | {v['server_cpu_s'] / v['n']:.2f} | "
                f"{v['machine_cpu_s'] / v['n']:.2f} | {v['driver_cpu_s']:.1f} | "
                f"{min(v['alone_ms']) / 1000:.2f}–{alone:.2f} | {min(v['drawing_ms']) / 1000:.2f}–{drawing:.2f} |")
            total = v["p95_s"] + drawing
            verdict = "**met**" if total <= 3.0 and not v["failed"] else "**NOT met**"
            notes.append(f"- {scale}, {mode}: the server's p95 {v['p95_s']:.2f} s at 125 arrivals in the minute "
                         f"+ the slowest drawing alone {drawing:.2f} s = {total:.2f} s against p95 ≤ 3 s — {verdict}"
                         + (f"; {v['failed']} sessions did not reach the briefing: {v['exceptions']}"
                            if v["failed"] else ""))
    return [*lines, "", *notes, ""]


def main(argv: list[str] | None = None) -> int:
    import argparse

    p = argparse.ArgumentParser(prog="python -m benchmarks.rush_wire")
    p.add_argument("--scales", default="M,L")
    p.add_argument("--modes", default="computed,precomputed")
    p.add_argument("--out", default=None)
    p.add_argument("--label", default="")
    args = p.parse_args(argv)
    results = browser.each_scale(
        args.scales, lambda scale, store: measure(scale, store, stores.BENCH_DIR / "browser",
                                                  tuple(args.modes.split(","))),
        stores.BENCH_DIR / f"rush-wire{args.label}.json", args.out, START, END_MARK, section)
    print("\n".join(section(results)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
