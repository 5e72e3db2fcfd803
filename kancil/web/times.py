"""Every time on a page in the zone of the view's office, with the zone's name ("2 Des 2026 09.20 WIB").

The view's office is the sidebar's; for "Semua kantor" the main office's zone is used and the page says so (the
freshness line of kancil/web/frame.py). System instants (loads, changes, downloads, accounts) are stored as naive
UTC and converted here; times from the office's files are already the office's and only get the zone's name.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from kancil.metrics.privacy import HIDDEN
from kancil.store import clock, offices
from kancil.web import data
from kancil.web.text import lang


def office() -> str | None:
    """The office of the view (the sidebar's filter), None for all offices."""
    filters = st.session_state.get("_filters")
    return filters.office if filters is not None else None


def directory() -> offices.Directory:
    """The office directory, kept for the session until the store version moves: a table of 200 times asks for the
    zone 200 times, and each cached query returns a fresh copy of its frame."""
    key = data.data_source()
    kept = st.session_state.get("_office_directory")
    if kept is None or kept[0] != key:
        kept = (key, data.directory())
        st.session_state["_office_directory"] = kept
    return kept[1]


def zone(office_code: str | None = None) -> str:
    """The IANA zone of an office (default: the view's; for all offices the main office's)."""
    return directory().zone(office_code if office_code is not None else office())


def today() -> dt.date:
    """Today at the view's office (a UTC server's date is not the office's between 17.00 and 24.00 UTC)."""
    return clock.office_today(zone())


def _stamp(value: object) -> dt.datetime | None:
    if value is None or value is HIDDEN or pd.isna(value):
        return None
    return pd.Timestamp(value).to_pydatetime()


def moment(value: object, office_code: str | None = None) -> str:
    """A system instant (naive UTC) as the view's office reads it: "2 Des 2026 09.20 WIB"."""
    return clock.format(_stamp(value), zone(office_code), lang())


def local(value: object, office_code: str | None = None) -> str:
    """A time from the office's files (already its own time) with its zone's name."""
    return clock.format_local(_stamp(value), zone(office_code), lang())


def zone_note() -> str:
    """Which zone the page's times are in: the office's, or for all offices the main office's (named)."""
    return offices.zone_note(directory(), office(), lang())
