"""Spreadsheet-safe text: a cell that begins with = + - @, a tab or a carriage return is neutralised.

Opening a CSV or XLSX in a spreadsheet must never run a formula (OWASP "CSV injection"). We prefix such a
text cell with an apostrophe, the mark spreadsheets themselves use for "this is text"; numbers are untouched.
"""

from __future__ import annotations

import pandas as pd

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    if isinstance(value, str) and value.startswith(DANGEROUS_START):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of the frame with every text cell neutralised (numeric columns are left as they are)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise)
    return out
