"""Privacy as a rule of the data layer: small counts of sensitive groups are hidden from roles that see aggregates
only, together with every statistic computed from those people and enough neighbouring cells that none of them
can be worked back from totals, shares or other cells (UU 27/2022: disability and health are specific personal
data).

The rule reads each column's privacy class from the catalogue, so a page cannot forget it and a neighbouring cell
cannot undo it: every figure a page shows passes through ``protect`` (frames) or ``protect_summary`` (the KPI
object) in the web layer before any chart, label, hover text or table is built from it.

- Primary suppression: a row whose people belong to a sensitive group (the row's own group column, or the
  filter's group for every row) and whose count (the figure's ``n``) is 1 to threshold - 1 is hidden: all its
  count and statistic columns become missing and ``_hidden`` is set.
- Row-level identity: hiding a whole row (not only its count) keeps "in_prioritas 17 + in_reguler ? = n 20" from
  giving back the hidden part.
- Complementary suppression: rows of the same family (the figure's ``family`` columns) add up to a total that may
  be shown elsewhere; where exactly one row of a family is hidden, the next smallest row of it is hidden too, so
  the two can only be known together.
- Detail columns (the ticket of the longest wait) are blanked for roles without officer detail.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kancil.contract import SENSITIVE_GROUPS
from kancil.metrics.catalogue import COUNT, DETAIL, STATISTIC, Figure

HIDDEN_COLUMN = "_hidden"
DEFAULT_THRESHOLD = 5


class _Hidden:
    """A hidden value in the KPI object (never a number to compute with); shown as •."""

    def __repr__(self) -> str:
        return "HIDDEN"

    def __str__(self) -> str:  # formatted by accident into a sentence, it still reads as hidden
        return "•"

    def __format__(self, spec: str) -> str:
        return "•"


HIDDEN = _Hidden()


@dataclass(frozen=True)
class Rule:
    """Who is protected and how: the sensitive groups and the smallest count shown (counts 1..threshold-1 hidden).

    ``applies``: False for roles that may see sensitive detail (the rule then changes nothing).
    """

    applies: bool
    sensitive: frozenset[str] = frozenset(SENSITIVE_GROUPS)
    threshold: int = DEFAULT_THRESHOLD
    detail: bool = False  # may see detail columns (ticket ids)

    def small(self, n: object) -> bool:
        return n is not None and not pd.isna(n) and 0 < int(n) < self.threshold


def rule_for(sensitive_detail: bool, officer_detail: bool, settings: dict[str, str] | None = None) -> Rule:
    """The rule for a role (its capabilities) and the office's settings (``kelompok_sensitif``,
    ``ambang_sel_kecil``)."""
    values = settings or {}
    groups = frozenset(g.strip() for g in values.get("kelompok_sensitif", ",".join(SENSITIVE_GROUPS)).split(",")
                       if g.strip())
    threshold = int(values.get("ambang_sel_kecil", DEFAULT_THRESHOLD))
    return Rule(applies=not sensitive_detail, sensitive=groups, threshold=threshold, detail=officer_detail)


def _people_columns(spec: Figure, frame: pd.DataFrame) -> list[str]:
    return [c for c, column in spec.columns.items() if c in frame.columns and column.privacy in (COUNT, STATISTIC)]


def _sensitive_rows(frame: pd.DataFrame, spec: Figure, rule: Rule, filter_group: str | None) -> pd.Series:
    if filter_group in rule.sensitive:
        return pd.Series(True, index=frame.index)
    if spec.group and spec.group in frame.columns:
        return frame[spec.group].isin(rule.sensitive)
    return pd.Series(False, index=frame.index)


def protect(frame: pd.DataFrame, spec: Figure, rule: Rule, filter_group: str | None = None) -> pd.DataFrame:
    """The frame as this rule lets it be seen: hidden rows' people columns missing, ``_hidden`` marking them."""
    out = frame.copy()
    out[HIDDEN_COLUMN] = False
    if not rule.detail:
        for name, column in spec.columns.items():
            if column.privacy == DETAIL and name in out.columns:
                out[name] = None
    if not rule.applies or out.empty or not spec.n or spec.n not in out.columns:
        return out
    counts = [c for c, column in spec.columns.items() if c in out.columns and column.privacy == COUNT]
    total = out[spec.total].isna() if spec.total and spec.total in out.columns else pd.Series(False, index=out.index)
    sensitive = _sensitive_rows(out, spec, rule, filter_group)
    # a total row counts the filter's group (sensitive only when the filter is), not the row's own group
    sensitive = sensitive.where(~total, filter_group in rule.sensitive)
    small_cell = out[counts].apply(lambda column: column.map(rule.small)).any(axis=1) if counts else sensitive & False
    hidden = _complement(out, spec, rule, sensitive & small_cell.astype(bool), total)
    if hidden.any():
        for name in _people_columns(spec, out):
            if pd.api.types.is_numeric_dtype(out[name]) and not pd.api.types.is_bool_dtype(out[name]):
                out[name] = out[name].astype("Float64").mask(hidden)
            else:
                out[name] = out[name].astype(object).mask(hidden, None)
        out[HIDDEN_COLUMN] = hidden
    return out


def _complement(frame: pd.DataFrame, spec: Figure, rule: Rule, hidden: pd.Series, total: pd.Series) -> pd.Series:
    """Hide more rows of a family until its hidden rows cannot be told apart: at least two of them, together
    counting at least the threshold (every row counts one or more, so two hidden rows that sum to 2 would give
    both back). Where a family cannot reach that, its total row is hidden too."""
    hidden = hidden.copy()
    counts = pd.to_numeric(frame[spec.n], errors="coerce").fillna(0)
    keys = [c for c in spec.family if c in frame.columns]
    groups = frame.groupby(keys if len(keys) > 1 else keys[0], dropna=False, sort=False).groups.values() \
        if keys else [frame.index]
    for index in groups:
        rows = [i for i in index if not total.loc[i]]
        if not any(hidden.loc[i] for i in rows):
            continue

        while not _safe(rows, hidden, counts, rule):
            visible = [i for i in rows if not hidden.loc[i] and counts.loc[i] > 0]
            if not visible:
                break
            hidden.loc[min(visible, key=lambda i: (counts.loc[i], str(i)))] = True
        if not _safe(rows, hidden, counts, rule):
            hidden.loc[[i for i in index if total.loc[i]]] = True
    return hidden


def _safe(rows: list, hidden: pd.Series, counts: pd.Series, rule: Rule) -> bool:
    chosen = [i for i in rows if hidden.loc[i]]
    return len(chosen) >= 2 and counts.loc[chosen].sum() >= rule.threshold


def protect_summary(summary: dict, rule: Rule, filter_group: str | None) -> dict:
    """The KPI object as this rule lets it be seen. Only a summary filtered to a sensitive group counts people of
    that group (it is not split by group otherwise): then each lane's counts below the threshold, and the
    statistics resting on them, become ``HIDDEN``; a second lane is hidden beside a lone hidden one."""
    if not rule.applies or filter_group not in rule.sensitive:
        return summary
    out = {k: (dict(v) if isinstance(v, dict) else v) for k, v in summary.items()}
    lanes = list(out["tickets"])
    hidden_lanes = {lane for lane in lanes if rule.small(out["tickets"][lane])}
    while hidden_lanes and not (len(hidden_lanes) >= 2
                                and sum(out["tickets"][lane] for lane in hidden_lanes) >= rule.threshold):
        visible = [lane for lane in lanes if lane not in hidden_lanes and out["tickets"][lane]]
        if not visible:
            break
        hidden_lanes.add(min(visible, key=lambda lane: out["tickets"][lane]))
    for lane in hidden_lanes:
        out["tickets"][lane] = out["no_show"][lane] = HIDDEN
        out["quota"][lane] = {**out["quota"][lane], "fill_rate": HIDDEN}
    for block in ("wait_minutes", "service_minutes", "completion_workdays"):
        out[block] = {lane: _hide_stats(v, rule, lane in hidden_lanes) for lane, v in out[block].items()}
    out["bap"] = {lane: ({k: HIDDEN for k in v} if lane in hidden_lanes or rule.small(v["applications"]) else v)
                  for lane, v in out["bap"].items()}
    ikm = dict(out["ikm"])
    if rule.small(ikm["responses"]):
        ikm = {**ikm, "responses": HIDDEN, "score": HIDDEN, "category": HIDDEN,
               "elements": {u: HIDDEN for u in ikm["elements"]}}
    ikm["by_lane"] = {lane: ({"responses": HIDDEN, "score": HIDDEN} if rule.small(v["responses"]) else v)
                      for lane, v in ikm["by_lane"].items()}
    out["ikm"] = ikm
    if rule.small(out["coverage"]["vulnerable"]):
        out["coverage"] = {k: HIDDEN for k in out["coverage"]}
    out["facility_uses"] = {f: (HIDDEN if rule.small(n) else n) for f, n in out["facility_uses"].items()}
    mismatch = out["mismatch"]
    if rule.small(mismatch["cases"]) or rule.small(mismatch["open"]):
        out["mismatch"] = {k: HIDDEN for k in mismatch}
    return out


def _hide_stats(stats: dict, rule: Rule, lane_hidden: bool) -> dict:
    if lane_hidden or rule.small(stats["n"]):
        return {k: HIDDEN for k in stats}
    return stats
