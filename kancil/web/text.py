"""Words and numbers on the page: the session's language, messages, and every number in its catalogue unit and the
reader's format (Indonesian 1.234,5 and 28 Nov 2026; English 1,234.5), written once for every page.

A hidden value (``privacy.HIDDEN``, or a missing cell of a hidden row) reads "•": never a number, never "0".
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st
from babel.dates import format_date

from kancil.filters import Filters
from kancil.i18n import DEFAULT_LANGUAGE, code_label, fmt_date, fmt_datetime, fmt_num, fmt_pct, fmt_weekday, t
from kancil.metrics import catalogue, stats
from kancil.metrics.privacy import HIDDEN

HIDDEN_MARK = "•"


def lang() -> str:
    return st.session_state.get("f_lang", DEFAULT_LANGUAGE)


def tr(key: str, **values: object) -> str:
    """A message in the session's language."""
    return t(key, lang(), **values)


MARKDOWN_SPECIAL = frozenset("\\`*_{}[]()<>#+-.!|~:$")


def literal(text: object) -> str:
    """``text`` for an element that renders Markdown (st.error, st.caption, ...), shown exactly as typed.

    Names and other values people type (display names, usernames, file names) must never become bold text, a
    link or an icon: every Markdown character, Streamlit's ``:icon:`` and ``$math$`` ones too, is backslash-escaped.
    Where no Markdown is needed at all, st.text and tables show values plainly without this."""
    return "".join("\\" + c if c in MARKDOWN_SPECIAL else c for c in str(text))


def clean(value: object) -> float | None:
    """A float, or None for a missing or hidden value (None, NaN, pandas' NA, HIDDEN)."""
    if value is HIDDEN or value is None or pd.isna(value):
        return None
    return float(value)


def num(value: object, decimals: int = 1) -> str:
    """A number in the session's language; an em dash for a missing value, • for a hidden one."""
    return HIDDEN_MARK if value is HIDDEN else fmt_num(clean(value), lang(), decimals)


def count(value: object) -> str:
    """A whole count in the session's language; an em dash for a missing value, • for a hidden one."""
    if value is HIDDEN:
        return HIDDEN_MARK
    return fmt_num(None if value is None or pd.isna(value) else int(value), lang())


def pct(value: object, decimals: int = 1) -> str:
    """A share as a percentage in the session's language."""
    return HIDDEN_MARK if value is HIDDEN else fmt_pct(clean(value), lang(), decimals)


def clock(minute: object) -> str:
    """Minutes after midnight as 10.30 (Indonesian) or 10:30 (English)."""
    if clean(minute) is None:
        return "—"
    whole = int(round(float(minute)))
    return f"{whole // 60:02d}{'.' if lang() == 'id' else ':'}{whole % 60:02d}"


def hour(value: object) -> str:
    return "—" if clean(value) is None else f"{int(value):02d}{'.' if lang() == 'id' else ':'}00"


def weekday(iso: object) -> str:
    """The name of an ISO weekday (1 = Monday) in the session's language."""
    monday = dt.date(2024, 1, 1)
    return "—" if clean(iso) is None else fmt_weekday(monday + dt.timedelta(days=int(iso) - 1), lang())


def weekday_of(value: object) -> str:
    """The weekday of a date in the session's language (Senin, Monday)."""
    return "—" if value is None or pd.isna(value) else fmt_weekday(pd.Timestamp(value).date(), lang())


def day(value: object, long: bool = False) -> str:
    if value is None or value is HIDDEN or pd.isna(value):
        return "—"
    return fmt_date(pd.Timestamp(value).date(), lang(), long=long)


def code(value: object) -> str:
    return "—" if value is None or (not isinstance(value, str) and pd.isna(value)) else code_label(str(value), lang())


def value(cell: object, unit: str) -> str:
    """A cell in its catalogue unit, as the reader reads it."""
    if cell is HIDDEN:
        return HIDDEN_MARK
    decimals = catalogue.UNITS[unit]
    if unit == "share":
        return pct(cell)
    if decimals is not None:
        return num(cell, decimals) if decimals else count(cell)
    return {"clock": clock, "date": day, "hour": hour, "weekday": weekday, "code": code,
            "flag": lambda v: "—" if v is None or pd.isna(v) else tr("common.yes" if bool(v) else "common.no"),
            "text": lambda v: "—" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)}[unit](cell)


def metric_label(name: str) -> str:
    """A headline metric's label (the catalogue's) in the session's language."""
    return catalogue.label(catalogue.METRICS[name], lang())


def column_label(figure: str, column: str) -> str:
    spec = catalogue.figure(figure).column(column)
    return catalogue.label(spec, lang()) if spec else column


def period(filters: Filters) -> str:
    """The period of a view, as its captions name it: "1 Nov 2026 – 30 Nov 2026"."""
    return tr("common.period", start=fmt_date(filters.date_from, lang()), end=fmt_date(filters.date_to, lang()))


def change(now: object, before: object, decimals: int = 1) -> float | None:
    """The change from before to now, rounded as shown (no "-0,0"); None without both values."""
    a, b = clean(now), clean(before)
    return None if a is None or b is None else round(a - b, decimals) + 0.0


def signed(value: float | None, decimals: int = 1) -> str | None:
    """A change as text with its sign (+3,5 / -1,0 / 0,0); None for no change to show."""
    if value is None:
        return None
    return ("+" if value > 0 else "") + (num(value, decimals) if decimals else count(value))


def delta(now: object, before: object, decimals: int = 1, unit_key: str | None = None) -> str | None:
    """The "vs previous period" text of a card: the signed change, in a unit message when given."""
    text = signed(change(now, before, decimals), decimals)
    return text if text is None or unit_key is None else tr(unit_key, value=text)


def points(now: object, before: object) -> str | None:
    """The change of a share in percentage points, signed (+3,5 pp); None without both values."""
    moved = change(None if clean(now) is None else clean(now) * 100, None if clean(before) is None
                   else clean(before) * 100)
    return None if moved is None else tr("common.pp", value=signed(moved))


def delta_color(now: object, before: object, lower_is_better: bool = True, decimals: int = 1) -> str:
    """Streamlit's delta colour: grey without a change, else inverse when lower is better."""
    moved = change(now, before, decimals)
    if not moved:
        return "off"
    return "inverse" if lower_is_better else "normal"


def target_text(value: float) -> str:
    """A target as set: 15, or 7,5 when the office set a fraction."""
    return num(value, 0 if float(value).is_integer() else 1)


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def bucket(start: object, kind: str) -> str:
    """A month, quarter or semester by its first day: "Jan 2026", "Triwulan I 2026", "Semester II 2026"."""
    first = pd.Timestamp(start).date()
    if kind == "month":
        return format_date(first, "MMM y", locale="id_ID" if lang() == "id" else "en_GB")
    n = (first.month - 1) // 3 + 1 if kind == "quarter" else (1 if first.month <= 6 else 2)
    return tr(f"kepuasan.{kind}_label", n=ROMAN[n] if lang() == "id" else n, year=first.year)


def small(n: object) -> bool:
    """Whether a figure rests on fewer than 30 cases (or on a hidden or missing count): it is marked as such."""
    return clean(n) is None or stats.is_small(int(clean(n)))


def moment(value: object) -> str:
    """A point in time (a load, a change, a download) as the reader reads it."""
    if value is None or value is HIDDEN or pd.isna(value):
        return "—"
    return fmt_datetime(pd.Timestamp(value).to_pydatetime(), lang())
