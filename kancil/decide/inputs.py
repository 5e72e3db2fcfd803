"""Checking what a decision-support command was asked, before anything is computed.

Why one place: the CLI and the pages ask the same three questions (is the office in the store, is
the lane one of ours, does the period hold anything) and the answer must be the same clear sentence, in Bahasa
Indonesia, naming the value that was wrong. ``DecideError`` carries it; the CLI prints it and exits with status 2.
"""

from __future__ import annotations

import datetime as dt

import duckdb

from kancil.contract import LANES
from kancil.decide.orders import Order, OrderError, parse_order
from kancil.i18n import fmt_date, t
from kancil.store import queries


class DecideError(ValueError):
    """A request that cannot be answered (unknown office, lane or order, an empty period); the text says why."""


def known_offices(con: duckdb.DuckDBPyConnection) -> list[str]:
    return list(queries.run(con, "decide_offices")["office_code"])


def check_office(con: duckdb.DuckDBPyConnection, office: str | None, lang: str = "id") -> str:
    offices = known_offices(con)
    if not office or office not in offices:
        raise DecideError(t("decide.error.office", lang, value=office or "—", known=", ".join(offices) or "—"))
    return office


def check_lane(lane: str | None, lang: str = "id") -> str:
    if lane not in LANES:
        raise DecideError(t("decide.error.lane", lang, value=lane or "—", known=", ".join(LANES)))
    return lane


def check_period(date_from: dt.date, date_to: dt.date, lang: str = "id") -> None:
    if date_to < date_from:
        raise DecideError(t("decide.error.period_order", lang, start=date_from.isoformat(), end=date_to.isoformat()))


def empty_period(what: str, office: str, date_from: dt.date, date_to: dt.date, lang: str = "id") -> DecideError:
    """The error for a period without the rows a replay needs (``what``: ``tickets`` or ``applications``)."""
    return DecideError(t(f"decide.error.empty_{what}", lang, office=office, start=fmt_date(date_from, lang),
                         end=fmt_date(date_to, lang)))


def check_order(order: str | Order, cap: int | None = None) -> Order:
    """An ``Order`` from its text (or as given, with ``cap`` applied); a bad text is a ``DecideError``."""
    if isinstance(order, Order):
        return order if cap is None else Order(order.text, order.places, cap)
    try:
        return parse_order(order, cap)
    except OrderError as exc:
        raise DecideError(str(exc)) from exc
