"""``python -m benchmarks --peer-only --scales M,L``: just the summary KPIs against the two analysts' tools, pandas
and polars, over the same flat Parquet, in one run, with the numbers checked equal; and how close our heaviest KPI
run (five years) comes to the machine's memory bandwidth. Rewrites only its section of BENCHMARKS.md; a full
``make bench`` has the same columns in each scale's "Summary KPIs" table and the targets.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from benchmarks.stores import fmt_ms

START, END_MARK = "<!-- peer:start -->", "<!-- peer:end -->"
TARGET_POLARS_RATIO = 2.0  # issue 14: the summary KPIs at least twice as fast as polars over the same Parquet


def section(results: dict) -> list[str]:
    bw = results["bandwidth_gb_s"]
    lines = ["## The stronger peer: ours vs polars and pandas (summary KPIs)", "",
             "The four KPI queries on an open read connection (as a page run has them) against the same KPIs by "
             "pandas (benchmarks/pandas_oracle.py) and by polars (benchmarks/polars_oracle.py: `scan_parquet`, the "
             "period/office/lane filters pushed into the scan, `business_day_count` for working days) over the "
             "same flat Parquet export of the store, in one run, every number compared (within 1e-9). Bytes = "
             "rows in the period × width of the columns the KPI queries touch (VARCHAR as 16 bytes), ÷ our p50, "
             f"against the {bw:.1f} GB/s one core streams (np.sum over 2 GB).", "",
             "| scale | period | ours p50 ms (CPU) | polars p50 ms (CPU) | polars ÷ ours (by CPU) | pandas p50 ms | "
             "pandas ÷ ours | same numbers (pandas / polars) | bytes ÷ time | % of bandwidth | ≥ 2× polars |",
             "|---|---|---:|---:|---:|---:|---:|---|---:|---:|---|"]
    for scale, r in results["scales"].items():
        for label, v in r.items():
            if "polars_ms" not in v:
                continue
            ours, pol = v["kpi_open_ms"], v["polars_ms"]
            ratio, cpu_ratio = pol["p50"] / ours["p50"], pol["cpu_p50"] / ours["cpu_p50"]
            same = f"{'yes' if v['n_differences'] == 0 else 'NO'} / {'yes' if v['polars_n_differences'] == 0 else 'NO'}"
            gbs = v.get("kpi_gb_s", math.nan)
            lines.append(f"| {scale} | {label} ({v['period']}) | {fmt_ms(ours['p50'])} ({fmt_ms(ours['cpu_p50'])}) | "
                         f"{fmt_ms(pol['p50'])} ({fmt_ms(pol['cpu_p50'])}) | {ratio:.1f}× ({cpu_ratio:.1f}×) | "
                         f"{fmt_ms(v['pandas_ms']['p50'])} | {v['ratio_open']:.1f}× | {same} | "
                         f"{v['kpi_bytes_mb']:,.0f} MB ÷ {fmt_ms(ours['p50'])} ms = {gbs:.2f} GB/s | "
                         f"{100 * gbs / bw:.0f}% | {'**met**' if ratio >= TARGET_POLARS_RATIO else '**NOT met**'} |")
    return [*lines, ""]


def report(path: Path, out: Path) -> None:
    """Rewrite the section from saved results (data/bench/results-peer-*.json), merged in the order given."""
    from benchmarks import browser

    browser.update_section(out, START, END_MARK, section(json.loads(path.read_text())))
