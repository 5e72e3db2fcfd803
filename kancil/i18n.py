"""One message catalogue and Indonesian/English number and date formats (Babel), for every page and report.

Messages live in ``kancil/messages/<area>.py`` as ``MESSAGES = {key: (bahasa_indonesia, english)}``; keys are
unique across files (a duplicate is an error at import). Bahasa Indonesia is the default language.
"""

from __future__ import annotations

import datetime as dt
import importlib
import math
import pkgutil

from babel.dates import format_date as _babel_date
from babel.dates import format_datetime as _babel_datetime
from babel.numbers import format_decimal, format_percent

from kancil import messages as _messages_pkg

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
_LOCALE = {"id": "id_ID", "en": "en_GB"}


def _load() -> dict[str, tuple[str, str]]:
    catalogue: dict[str, tuple[str, str]] = {}
    for module in pkgutil.iter_modules(_messages_pkg.__path__):
        found = importlib.import_module(f"{_messages_pkg.__name__}.{module.name}").MESSAGES
        clash = set(found) & set(catalogue)
        if clash:
            raise KeyError(f"message keys defined twice: {sorted(clash)}")
        catalogue.update(found)
    return catalogue


CATALOGUE = _load()


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The message ``key`` in ``lang``, with ``{name}`` placeholders filled in."""
    pair = CATALOGUE.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**values) if values else text


def code_label(code: str | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """The label of a data code (lane, group, facility, ...); falls back to the code itself."""
    if code is None:
        return t("common.all", lang)
    return t(f"code.{code}", lang) if f"code.{code}" in CATALOGUE else str(code)


def fmt_num(value: float | int | None, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    """1.234,5 in Indonesian, 1,234.5 in English; an em dash for no value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=_LOCALE[lang])


def fmt_pct(value: float | None, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "%"
    return format_percent(value, format=pattern, locale=_LOCALE[lang])


def fmt_date(value: dt.date | None, lang: str = DEFAULT_LANGUAGE, long: bool = False) -> str:
    """28 Nov 2026 (or 28 November 2026 with long=True)."""
    if value is None:
        return "—"
    return _babel_date(value, "d MMMM y" if long else "d MMM y", locale=_LOCALE[lang])


def fmt_datetime(value: dt.datetime | None, lang: str = DEFAULT_LANGUAGE) -> str:
    if value is None:
        return "—"
    return _babel_datetime(value, "d MMM y HH.mm" if lang == "id" else "d MMM y HH:mm", locale=_LOCALE[lang])


def fmt_weekday(day: dt.date, lang: str = DEFAULT_LANGUAGE) -> str:
    return _babel_date(day, "EEEE", locale=_LOCALE[lang])
