"""Tables for people: a figure's frame with the catalogue's column labels and units in the reader's language,
Indonesian number format (1.234,5), codes shown by their labels, hidden cells as •, no internal column names.

Every table behind a chart ("Angka di balik grafik") and every table a page shows goes through ``for_people``;
they are shown without Streamlit's own export (``client.disableDataExport``): a chart's numbers are offered as a
spreadsheet-safe CSV by the chart kit, row-level data only through the audited download.
"""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from kancil.export.safe import neutralise_frame
from kancil.metrics import catalogue
from kancil.metrics.privacy import HIDDEN, HIDDEN_COLUMN
from kancil.web import cache_keys
from kancil.web.text import HIDDEN_MARK, lang, value

INTERNAL = (HIDDEN_COLUMN,)


def cells(frame: pd.DataFrame, figure: str, column: str, unit: str | None = None) -> list[str]:
    """One column of a figure as the reader reads it (hidden cells of people columns as •)."""
    spec = catalogue.figure(figure).column(column)
    unit = unit or (spec.unit if spec else "text")
    hidden = frame[HIDDEN_COLUMN] if HIDDEN_COLUMN in frame.columns else pd.Series(False, index=frame.index)
    people = spec is not None and spec.privacy in (catalogue.COUNT, catalogue.STATISTIC)
    return [HIDDEN_MARK if people and h else value(v, unit) for v, h in zip(frame[column], hidden, strict=True)]


def frame_of(records: list[dict], figure: str) -> pd.DataFrame:
    """Rows kept as plain dicts (the briefing's, made for JSON and paper) as a figure's frame, its columns in the
    catalogue's order even when there is no row."""
    columns = list(catalogue.figure(figure).columns)
    frame = pd.DataFrame(records)
    return frame.reindex(columns=[c for c in columns if c in frame.columns] or columns)


def record(frame: pd.DataFrame, figure: str, index: int = 0) -> dict[str, object]:
    """One row of a figure as a dict for a card: hidden people cells as ``HIDDEN`` (they read as •)."""
    row = frame.iloc[index].to_dict()
    if row.get(HIDDEN_COLUMN):
        spec = catalogue.figure(figure)
        for name, column in spec.columns.items():
            if name in row and column.privacy in (catalogue.COUNT, catalogue.STATISTIC):
                row[name] = HIDDEN
    return row


def ordered(frame: pd.DataFrame, column: str, order: tuple[str, ...], *first: str) -> pd.DataFrame:
    """Rows in the order of the codes (lanes, groups) within the ``first`` columns; a total row (NULL code) and
    unknown codes last."""
    rank = frame[column].map({code: i for i, code in enumerate(order)}).fillna(len(order))
    return frame.assign(_rank=rank).sort_values([*first, "_rank"], kind="stable").drop(
        columns="_rank").reset_index(drop=True)


def for_people(frame: pd.DataFrame, figure: str, columns: list[str] | None = None,
               units: dict[str, str] | None = None, labels: dict[str, str] | None = None) -> pd.DataFrame:
    """The frame as text for people: the chosen columns (default: every catalogued one) under their labels.

    ``units`` overrides a column's unit (a median of working days in a frame of minutes), ``labels`` a column's
    label where the page names it more precisely (the lane a KPI belongs to).
    """
    spec = catalogue.figure(figure)
    chosen = columns or [c for c in frame.columns if c in spec.columns and c not in INTERNAL]
    out = {}
    for name in chosen:
        column = spec.column(name)
        label = (labels or {}).get(name) or (catalogue.label(column, lang()) if column else name)
        out[label] = cells(frame, figure, name, (units or {}).get(name))
    return pd.DataFrame(out)


@st.cache_data(max_entries=1024, show_spinner=False, hash_funcs=cache_keys.FAST)
def _for_people_cached(frame: pd.DataFrame, figure: str, columns: tuple[str, ...], units: tuple, labels: tuple,
                       language: str) -> pd.DataFrame:
    """``for_people`` kept per frame and language: formatting every cell (babel) was a third of a warm page run
    behind its charts' folded tables, and a rerun with the same filters formats the same frames again."""
    return for_people(frame, figure, list(columns) or None, dict(units), dict(labels))


def kept_for_people(frame: pd.DataFrame, figure: str, columns: list[str] | None = None,
                    units: dict[str, str] | None = None, labels: dict[str, str] | None = None) -> pd.DataFrame:
    """``for_people``, kept per frame and language (what a page shows on every run)."""
    return _for_people_cached(frame, figure, tuple(columns or ()), tuple(sorted((units or {}).items())),
                              tuple(sorted((labels or {}).items())), lang())


def show(frame: pd.DataFrame, figure: str, key: str, columns: list[str] | None = None,
         units: dict[str, str] | None = None, labels: dict[str, str] | None = None) -> pd.DataFrame:
    """Show a figure's table for people; returns what was shown (for the chart kit's CSV)."""
    table = kept_for_people(frame, figure, columns, units, labels)
    st.dataframe(table, hide_index=True, width="stretch", key=f"table_{key}")
    return table


def csv_bytes(table: pd.DataFrame) -> bytes:
    """A table for people as the CSV of its chart's button: spreadsheet-safe (cells starting with = + - @
    neutralised), UTF-8 with BOM for Excel. Made when the button is clicked (the chart kit passes a callable),
    not on every page run."""
    return neutralise_frame(table).to_csv(index=False).encode("utf-8-sig")


# Every ASCII punctuation character (CommonMark: a backslash before it shows it as itself) and the starts of the bare
# links GitHub-flavoured Markdown makes by itself (http://, www., name@host), which an escape does not stop.
_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_BARE_LINK = re.compile(r"(?i)(?<=:)(?=//)|(?<=www)(?=\.)|(?<=@)")
WORD_JOINER = "\u2060"


def markdown_literal(text: str) -> str:
    """``text`` as Markdown that shows exactly ``text``: no link, image, emphasis, heading, list or colour.

    Why: ``st.table`` draws every cell as Markdown (Streamlit 1.67), so an applicant's comment
    ``![](http://host/x.png)`` would make the reader's browser fetch that address and ``[..](..)`` would be a link.
    Each punctuation character is escaped, a bare link is broken by an invisible word joiner (U+2060) and a line
    break becomes a space (a cell is one paragraph)."""
    flat = " ".join(str(text).split("\n"))
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", _BARE_LINK.sub(WORD_JOINER, flat))


def static_table(frame: pd.DataFrame, **options: object) -> None:
    """A static table (no toolbar, no scrolling grid) whose text cells read exactly as stored: comments, file names,
    users, previews of row-level data. ``options`` go to ``st.table`` (hide_index, width)."""
    shown = frame.copy()
    for name in shown.columns:
        if shown[name].dtype == object or pd.api.types.is_string_dtype(shown[name]):
            shown[name] = [markdown_literal(v) if isinstance(v, str) else v for v in shown[name]]
    shown.columns = [markdown_literal(c) for c in shown.columns]
    st.table(shown, **options)
