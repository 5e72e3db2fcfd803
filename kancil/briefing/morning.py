"""The morning briefing: one day of one office (or of all offices) against quota and targets, the "Perlu perhatian"
list first, the same weekday of the last four weeks for comparison, and the offices side by side.

The briefing page, the printable report, ``python -m kancil briefing`` and its e-mail all call ``build()``, which
takes every number from the KPI object (``kpis.summary``) and named queries of the catalogue, so they always agree.
Its scope is the office and the day: the sidebar's lane, group, service and channel filters do not change it.
Each attention rule states its threshold in its message, names the offices it concerns (office-days counted as
such), and carries the exact view that shows its evidence (page, tab, lane, office, period).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

import duckdb
import pandas as pd

from kancil.contract import FACILITIES, IKM_ELEMENTS
from kancil.filters import Filters
from kancil.i18n import code_label, fmt_num, fmt_pct, t
from kancil.metrics import ikm, kpis, turnaround
from kancil.store import offices as office_directory
from kancil.store import queries, settings

# Thresholds of the attention rules (the messages quote them).
OVER_QUOTA_WINDOW = 5  # working days looked back
OVER_QUOTA_MIN_DAYS = 3  # of which at least this many over quota
FACILITY_IDLE_DAYS = 5  # working days without a single use
REGULER_VULNERABLE_SHARE = 0.05  # share of vulnerable applicants served in the reguler lane
LOOKBACK_DAYS = 30  # IKM, completion and coverage of the last 30 days
HISTORY_WEEKS = 4  # the same weekday of this many weeks before


@dataclass
class Attention:
    """One finding: a message key with its values, the offices it concerns, and the view that shows it."""

    rule: str
    page: str
    values: dict = field(default_factory=dict)
    target: dict = field(default_factory=dict)  # tab, lane, facility, office, date_from, date_to (ISO)
    offices: list[str] = field(default_factory=list)


def last_workdays(con: duckdb.DuckDBPyConnection, day: dt.date, office: str | None, n: int) -> list[dt.date]:
    frame = queries.run(con, "last_workdays", None, day=day, office=office, n=n)
    return [d.date() if hasattr(d, "date") else d for d in frame["tanggal"]]


def default_day(con: duckdb.DuckDBPyConnection, anchor: dt.date, office: str | None = None) -> dt.date:
    """The last working day on or before the anchor (the newest day with data, or a chosen day)."""
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


def _records(frame: pd.DataFrame) -> list[dict]:
    """Rows as plain dicts with None for missing values (JSON-ready, as the e-mail and the printout need)."""
    return [{k: (None if v is None or (not isinstance(v, str) and pd.isna(v)) else
                 (v.date() if isinstance(v, pd.Timestamp) else v)) for k, v in row.items()}
            for row in frame.to_dict("records")]


def build(con: duckdb.DuckDBPyConnection, day: dt.date, office: str | None = None) -> dict:
    """All numbers of the briefing of ``day`` for one office, or for all offices (``office`` None)."""
    queries.install_macros(con)
    scope = Filters(date_from=day, date_to=day, office=office)
    last30 = scope.replace(date_from=day - dt.timedelta(days=LOOKBACK_DAYS - 1))
    workdays = last_workdays(con, day, office, OVER_QUOTA_WINDOW)
    window = scope.replace(date_from=min(workdays) if workdays else day)
    today, recent = kpis.summary(con, scope), kpis.summary(con, last30)
    offices = queries.run(con, "office_comparison", None, day=day, office=office, window_from=window.date_from,
                          last30_from=last30.date_from)
    data = {
        "day": day,
        "office": office,
        "filters": scope.describe(),
        "today": today,
        "last30": recent,
        "window": kpis.summary(con, window),
        "window_from": window.date_from,
        "window_days": len(workdays),
        "targets": _targets(con),
        "open_mismatches": today["mismatch"]["open"],
        "coverage": recent["coverage"],
        "daily_quota": {r["lane"]: int(r["quota"])
                        for r in queries.run(con, "quota_by_lane", scope).to_dict("records")},
        "history": _records(queries.run(con, "briefing_history", None, day=day, office=office)),
        "offices": _records(offices),
    }
    directory = office_directory.directory(con)
    data["zone"] = directory.zone(office)  # the zone of the briefing's times (printout's "Dicetak")
    data["office_label"] = directory.label(office) if office else None
    data["zone_note"] = {lang: office_directory.zone_note(directory, office, lang) for lang in ("id", "en")}
    found = attention(data)
    data["attention"] = [asdict(a) for a in found]
    for row in data["offices"]:
        row["alerts"] = sum(row["office_code"] in a.offices for a in found)
    wait_target = data["targets"]["wait_prioritas"]
    data["offices"].sort(key=lambda r: (-r["alerts"], -(r["priority_wait_p90"] or 0) / wait_target, r["office_code"]))
    return data


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _per_office(data: dict, rule: str, page: str, hits: list[tuple[str, dict]], target: dict,
                multi_rule: str, item: str) -> list[Attention]:
    """One finding for one office (its own message), or one naming every office it concerns."""
    if not hits:
        return []
    if len(data["offices"]) == 1 or data["office"]:
        office, values = hits[0]
        return [Attention(rule, page, values, {**target, "office": office}, [office])]
    listed = [(office, values) for office, values in hits]
    return [Attention(multi_rule, page, {"n": len(listed), "item": item, "items": listed}, target,
                      [office for office, _v in listed])]


def attention(data: dict) -> list[Attention]:
    """The "Perlu perhatian" findings, each computed from the data with a stated threshold, per office."""
    found: list[Attention] = []
    day, targets, rows = data["day"], data["targets"], data["offices"]
    last30_from = _iso(day - dt.timedelta(days=LOOKBACK_DAYS - 1))
    span = {"date_from": last30_from, "date_to": _iso(day)}

    hits = [(r["office_code"], {"days": r["over_quota_days"], "window": r["quota_days"]}) for r in rows
            if r["over_quota_days"] >= OVER_QUOTA_MIN_DAYS]
    found += _per_office(data, "over_quota", "kuota", hits, {"lane": "prioritas", "date_from": _iso(
        data["window_from"]), "date_to": _iso(day)}, "over_quota_offices", "over_quota_item")

    hits = [(r["office_code"], {"prioritas": r["completion_prioritas"], "reguler": r["completion_reguler"]})
            for r in rows if r["completion_prioritas"] is not None and r["completion_reguler"] is not None
            and r["completion_prioritas"] >= r["completion_reguler"]]
    found += _per_office(data, "priority_not_faster", "waktu_layanan", hits, {"tab": "completion", **span},
                         "priority_not_faster_offices", "priority_not_faster_item")

    hits = [(r["office_code"], {"p90": r["priority_wait_p90"], "target": targets["wait_prioritas"]}) for r in rows
            if r["priority_wait_p90"] is not None and r["priority_wait_p90"] > targets["wait_prioritas"]]
    found += _per_office(data, "priority_wait", "waktu_layanan", hits, {"tab": "queue", "lane": "prioritas",
                         "date_from": _iso(day), "date_to": _iso(day)}, "priority_wait_offices", "priority_wait_item")

    hits = [(r["office_code"], {"share": 1 - r["coverage"], "count": r["in_reguler"]})
            for r in rows if r["coverage"] is not None and 1 - r["coverage"] >= REGULER_VULNERABLE_SHARE]
    found += _per_office(data, "vulnerable_reguler", "kuota", hits, span, "vulnerable_reguler_offices",
                         "vulnerable_reguler_item")

    window = data["window"]
    if data["window_days"] >= FACILITY_IDLE_DAYS:
        for facility in FACILITIES:
            if window["facility_uses"].get(facility) == 0:
                found.append(Attention("facility_idle", "fasilitas", {"facility": facility,
                                                                      "days": data["window_days"]},
                                       {"facility": facility, "office": data["office"],
                                        "date_from": _iso(data["window_from"]), "date_to": _iso(day)}))
    for element in IKM_ELEMENTS:
        nrr = data["last30"]["ikm"]["elements"].get(element)
        if nrr is not None and nrr < ikm.ELEMENT_FLOOR:
            found.append(Attention("ikm_element", "kepuasan", {"element": element, "nrr": nrr},
                                   {"office": data["office"], **span}))
    if data["open_mismatches"]:
        found.append(Attention("open_mismatch", "waktu_layanan", {"count": data["open_mismatches"]},
                               {"tab": "completion", "office": data["office"], **span}))
    return found


def attention_text(item: dict, lang: str) -> str:
    """The sentence of an attention finding, with numbers and codes in the reader's language."""
    values = _formatted(item["values"], lang)
    if "items" in item["values"]:
        values["list"] = ", ".join(t(f"ringkasan.rule.{item['values']['item']}", lang, office=office,
                                     **_formatted(v, lang)) for office, v in item["values"]["items"])
        values["n"] = fmt_num(item["values"]["n"], lang)
    return t(f"ringkasan.rule.{item['rule']}", lang, **values)


def _formatted(values: dict, lang: str) -> dict:
    out = {k: v for k, v in values.items() if k not in ("items", "item")}
    for key in ("prioritas", "reguler", "p90", "target"):
        if key in out:
            out[key] = fmt_num(out[key], lang, 1)
    for key in ("days", "window", "count"):
        if key in out:
            out[key] = fmt_num(out[key], lang)
    if "nrr" in out:
        out["nrr"] = fmt_num(out["nrr"], lang, 2)
    if "share" in out:
        out["share"] = fmt_pct(out["share"], lang, 1)
    for key in ("facility", "element"):
        if key in out:
            out[key] = code_label(out[key], lang)
    return out


def lane_standard(lane: str, targets: dict[str, float]) -> float:
    """A lane's completion standard in working days (percepatan: the same day)."""
    return turnaround.lane_completion_target(lane, {"target_days": targets["completion_days"],
                                                    "target_days_percepatan": targets["completion_days_percepatan"]})
