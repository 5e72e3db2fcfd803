"""Links that open the exact view showing a finding's evidence: the page, its tab, lane or facility, the office and
the period, as URL parameters (the sidebar's, and the page widgets' own bound parameters, whose values are the
labels the reader sees)."""

from __future__ import annotations

from kancil import pages
from kancil.i18n import DEFAULT_LANGUAGE, code_label
from kancil.web.text import lang, tr


def query_params(page: str, target: dict) -> dict[str, str]:
    """The URL parameters of ``page`` (a registry key) that show ``target`` (tab, lane, facility, office, dates)."""
    params: dict[str, str] = {}
    if target.get("date_from"):
        params.update(periode="custom", dari=target["date_from"], sampai=target["date_to"])
    if target.get("office"):
        params["kantor"] = target["office"]
    lane = target.get("lane")
    if page == "kuota" and lane:
        params["grafik_jalur"] = code_label(lane, lang())
    elif lane:
        params["jalur"] = lane
    if target.get("tab"):
        params["tab"] = tr(f"{page}.tab.{target['tab']}")
    if target.get("facility"):
        params["fasilitas"] = code_label(target["facility"], lang())
    if lang() != DEFAULT_LANGUAGE:
        params["bahasa"] = lang()
    return params


def page_file(page: str) -> str:
    return pages.BY_KEY[page].file
