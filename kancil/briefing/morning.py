"""The morning briefing: one day against quota and targets, and the "Perlu perhatian" list.

The briefing page, the printable report and ``python -m kancil briefing`` all call ``build()``, which takes every
number from ``metrics.summary`` (the one KPI definition) and a few named queries, so the three always agree.
Each attention rule states its threshold in its message, and names the page that shows the detail.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

import duckdb

from kancil.contract import FACILITIES, IKM_ELEMENTS
from kancil.filters import Filters
from kancil.i18n import code_label, fmt_num, fmt_pct, t
from kancil.metrics import ikm, kpis
from kancil.store import queries, settings

# Thresholds of the attention rules (the messages quote them).
OVER_QUOTA_WINDOW = 5  # working days looked back
OVER_QUOTA_MIN_DAYS = 3  # of which at least this many over quota
FACILITY_IDLE_DAYS = 5  # working days without a single use
REGULER_VULNERABLE_SHARE = 0.05  # share of vulnerable applicants served in the reguler lane
LOOKBACK_DAYS = 30  # IKM and completion of the last 30 days


@dataclass
class Attention:
    """One finding for the supervisors: a message key with its values, and the page that shows it."""

    rule: str
    page: str
    values: dict = field(default_factory=dict)


def last_workdays(con: duckdb.DuckDBPyConnection, day: dt.date, office: str | None, n: int) -> list[dt.date]:
    frame = queries.run(con, "last_workdays", None, day=day, office=office, n=n)
    return [d.date() if hasattr(d, "date") else d for d in frame["tanggal"]]


def default_day(con: duckdb.DuckDBPyConnection, anchor: dt.date, office: str | None = None) -> dt.date:
    """The last working day on or before the anchor (the newest day with data)."""
    days = last_workdays(con, anchor, office, 1)
    return days[0] if days else anchor


def _targets(con: duckdb.DuckDBPyConnection) -> dict[str, float]:
    values = settings.all_settings(con)
    return {
        "wait_prioritas": float(values["target_wait_prioritas"]),
        "wait_reguler": float(values["target_wait_reguler"]),
        "wait_percepatan": float(values["target_wait_percepatan"]),
        "completion_days": float(values["target_completion_days"]),
        "completion_days_percepatan": float(values["target_completion_days_percepatan"]),
    }


def build(con: duckdb.DuckDBPyConnection, day: dt.date, base: Filters) -> dict:
    """All numbers of the briefing for ``day`` under the office/lane/group filters of ``base``."""
    queries.install_macros(con)
    on_day = base.replace(date_from=day, date_to=day)
    last30 = base.replace(date_from=day - dt.timedelta(days=LOOKBACK_DAYS - 1), date_to=day)
    workdays = last_workdays(con, day, base.office, OVER_QUOTA_WINDOW)
    window = base.replace(date_from=min(workdays) if workdays else day, date_to=day)
    today = kpis.summary(con, on_day)
    recent = kpis.summary(con, last30)
    window_summary = kpis.summary(con, window)
    targets = _targets(con)
    quota_rows = queries.run(con, "quota_by_lane", on_day)
    data = {
        "day": day,
        "filters": base.describe(),
        "today": today,
        "last30": recent,
        "window": window_summary,
        "window_days": len(workdays),
        "targets": targets,
        "open_mismatches": today["mismatch"]["open"],
        "daily_quota": {r["lane"]: int(r["quota"]) for r in quota_rows.to_dict("records")},
        "coverage": recent["coverage"],
    }
    data["attention"] = [asdict(a) for a in attention(data)]
    return data


def attention(data: dict) -> list[Attention]:
    """The "Perlu perhatian" findings, each computed from the data with a stated threshold."""
    found: list[Attention] = []
    window, recent, today, targets = data["window"], data["last30"], data["today"], data["targets"]

    quota = window["quota"].get("prioritas")
    if quota and quota["over_quota_days"] >= OVER_QUOTA_MIN_DAYS:
        found.append(Attention("over_quota", "kuota", {"days": quota["over_quota_days"],
                                                       "window": quota["days"]}))

    completion = recent["completion_workdays"]
    pri, reg = completion.get("prioritas"), completion.get("reguler")
    if pri and reg and pri["median"] is not None and reg["median"] is not None and pri["median"] >= reg["median"]:
        found.append(Attention("priority_not_faster", "waktu_layanan",
                               {"prioritas": pri["median"], "reguler": reg["median"]}))

    wait = today["wait_minutes"].get("prioritas")
    if wait and wait["p90"] is not None and wait["p90"] > targets["wait_prioritas"]:
        found.append(Attention("priority_wait", "waktu_layanan",
                               {"p90": wait["p90"], "target": targets["wait_prioritas"]}))

    if data["window_days"] >= FACILITY_IDLE_DAYS:
        for facility in FACILITIES:
            if window["facility_uses"].get(facility) == 0:
                found.append(Attention("facility_idle", "fasilitas",
                                       {"facility": facility, "days": data["window_days"]}))

    for element in IKM_ELEMENTS:
        nrr = recent["ikm"]["elements"].get(element)
        if nrr is not None and nrr < ikm.ELEMENT_FLOOR:
            found.append(Attention("ikm_element", "kepuasan", {"element": element, "nrr": nrr}))

    coverage = data["coverage"]
    if coverage["vulnerable"]:
        share = coverage["in_reguler"] / coverage["vulnerable"]
        if share >= REGULER_VULNERABLE_SHARE:
            found.append(Attention("vulnerable_reguler", "kuota", {"share": share, "count": coverage["in_reguler"]}))

    if data["open_mismatches"]:
        found.append(Attention("open_mismatch", "waktu_layanan", {"count": data["open_mismatches"]}))
    return found


def attention_text(item: dict, lang: str) -> str:
    """The sentence of an attention finding, with numbers and codes in the reader's language."""
    values = dict(item["values"])
    for key in ("prioritas", "reguler", "p90", "target"):
        if key in values:
            values[key] = fmt_num(values[key], lang, 1)
    if "nrr" in values:
        values["nrr"] = fmt_num(values["nrr"], lang, 2)
    if "share" in values:
        values["share"] = fmt_pct(values["share"], lang, 1)
    for key in ("facility", "element"):
        if key in values:
            values[key] = code_label(values[key], lang)
    return t(f"ringkasan.rule.{item['rule']}", lang, **values)
