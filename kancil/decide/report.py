"""Plain-text output of the decision-support commands, in the reader's language and its number and date formats.

The JSON (``--json``) is the machine's answer; this is the person's: a few lines a supervisor can read in a
terminal or paste into a note. The figures are the same objects' fields, nothing is recomputed here.
"""

from __future__ import annotations

import pandas as pd

from kancil.contract import LANES
from kancil.decide.forecast import Forecast
from kancil.decide.replay_completion import CompletionReplay
from kancil.decide.replay_queue import QueueReplay
from kancil.i18n import code_label, fmt_date, fmt_num, fmt_pct, t


def _n(value: float | int | None, lang: str, decimals: int = 1) -> str:
    return fmt_num(value, lang, decimals)


def forecast_text(f: Forecast, lang: str = "id") -> str:
    b, q = f.backtest, f.quota_suggestion
    lines = [t("decide.text.forecast_head", lang, office=f.office, lane=code_label(f.lane, lang), model=f.model,
               days=f.history_days, last=fmt_date(f.last_day, lang))]
    if f.note(lang):
        lines.append(f.note(lang))
    if b.get("days"):
        lines.append(t("decide.text.backtest", lang, days=b["days"], origins=b["origins"], mae=_n(b["mae"], lang),
                       naive=_n(b["naive_mae"], lang), mase=_n(b["mase"], lang, 2),
                       coverage=fmt_pct(b["coverage80"], lang)))
    lines.append(t("decide.text.quota", lang, coverage=fmt_pct(q["coverage"], lang), history=_n(q["history"], lang, 0),
                   horizon=_n(q["horizon"], lang, 0), current=_n(q["current"], lang, 0)))
    if f.overflow_days:
        shown = ", ".join(fmt_date(d, lang) for d in f.overflow_days[:10])
        more = t("decide.text.more", lang, n=len(f.overflow_days) - 10) if len(f.overflow_days) > 10 else ""
        lines.append(t("decide.text.overflow", lang, n=len(f.overflow_days), days=shown + more))
    lines.append(t("decide.text.forecast_columns", lang))
    for r in f.days.to_dict("records"):
        quota = "—" if pd.isna(r["quota"]) else fmt_num(int(r["quota"]), lang)
        lines.append(f"{fmt_date(pd.Timestamp(r['tanggal']).date(), lang):>12}  {_n(r['expected'], lang):>6}  "
                     f"{_n(r['lower80'], lang, 0):>4}–{_n(r['upper80'], lang, 0):<4} "
                     f"{_n(r['lower95'], lang, 0):>4}–{_n(r['upper95'], lang, 0):<4} {quota:>6}  "
                     f"{fmt_pct(r['p_over_quota'], lang)}")
    return "\n".join(lines)


def _cell(key: str, value: float | int | None, lang: str) -> str:
    if key.startswith("share"):
        return fmt_pct(value, lang)
    return _n(value, lang, 0 if key in ("n", "pending") else 1)


def _lane_rows(lanes: dict[str, dict], keys: tuple[str, ...], lang: str) -> list[str]:
    rows = []
    for lane in LANES:
        v, rec = lanes[lane], lanes[lane]["recorded"]
        cells = []
        for key in keys:
            cells.append(f"{_cell(key, v.get(key), lang)} ({_cell(key, rec.get(key), lang)})")
        rows.append(f"  {code_label(lane, lang):<11} " + "  ".join(cells))
    return rows


def queue_text(r: QueueReplay, lang: str = "id") -> str:
    counters = t("decide.text.counters_recorded", lang) if r.counters is None else str(r.counters)
    rep = r.reproduction
    lines = [t("decide.text.queue_head", lang, office=r.office, start=fmt_date(r.date_from, lang),
               end=fmt_date(r.date_to, lang), order=r.order.label(), counters=counters, days=r.days),
             t("decide.text.queue_columns", lang),
             *_lane_rows(r.lanes, ("n", "mean", "median", "p90", "share_above_target"), lang),
             t("decide.text.reproduction_queue", lang, share=fmt_pct(rep["exact_share"], lang),
               mean=_n(rep["mean_abs_diff"], lang), max=_n(rep["max_abs_diff"], lang))]
    return "\n".join(lines)


def completion_text(r: CompletionReplay, lang: str = "id") -> str:
    rep = r.reproduction
    lines = [t("decide.text.completion_head", lang, office=r.office, start=fmt_date(r.date_from, lang),
               end=fmt_date(r.date_to, lang), order=r.order.label()),
             t("decide.text.completion_columns", lang),
             *_lane_rows(r.lanes, ("n", "pending", "median", "p90", "share_within"), lang),
             t("decide.text.reproduction_completion", lang, share=fmt_pct(rep["exact_share"], lang),
               moved=fmt_num(rep["moved"], lang))]
    for lane in LANES:
        bap = r.bap[lane]
        if bap["n"]:
            lines.append(t("decide.text.bap", lang, lane=code_label(lane, lang), n=bap["n"],
                           median=_n(bap["median"], lang), kept=_n(bap["kept_lane"]["median"], lang),
                           mean=_n(bap["mean"], lang), kept_mean=_n(bap["kept_lane"]["mean"], lang)))
    return "\n".join(lines)
