"""What the user chose, kept in the URL: the sidebar's shared filters (period, office, lane, group, service type,
channel, language), read from a link and written back, so a copied link reproduces the view.

A page's own choices (a tab, a lane, a facility) use Streamlit's own URL binding (``bind="query-params"`` with the
widget key as the parameter name; see ``pages.Page.params``); this module leaves those parameters alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from kancil import pages
from kancil.filters import CHOICES, QUERY_KEYS, Filters
from kancil.i18n import DEFAULT_LANGUAGE, code_label, fmt_date
from kancil.web import data
from kancil.web.text import lang, tr

PRESETS = ("kemarin", "7h", "30h", "bulan", "triwulan", "semester", "tahun", "custom")
ALL = ""  # the "all" choice of a filter (a string: Streamlit shows None as "nothing chosen" on a rebuilt widget)
SHARED_PARAMS = ("periode", "dari", "sampai", "bahasa", *QUERY_KEYS.values())
WRITTEN_KEY = "_url_written"  # the shared parameters this session wrote last (a link brings others)
# Presets that run from the start of a calendar period compare with the same days of the one before it.
COMPARE_MONTHS = {"bulan": 1, "triwulan": 3, "semester": 6, "tahun": 12}


def preset_range(preset: str, anchor: dt.date) -> tuple[dt.date, dt.date]:
    """The dates of a period preset, ending at the anchor (the newest day with data, at most yesterday)."""
    if preset == "kemarin":
        return anchor, anchor
    if preset == "7h":
        return anchor - dt.timedelta(days=6), anchor
    if preset == "bulan":
        return anchor.replace(day=1), anchor
    if preset == "triwulan":
        return dt.date(anchor.year, 3 * ((anchor.month - 1) // 3) + 1, 1), anchor
    if preset == "semester":
        return dt.date(anchor.year, 1 if anchor.month <= 6 else 7, 1), anchor
    if preset == "tahun":
        return dt.date(anchor.year, 1, 1), anchor
    return anchor - dt.timedelta(days=29), anchor  # 30h and anything unknown


def _init_from_url(info: dict) -> None:
    """Put the link's values into the widgets' state where a widget has none yet; refuse bad ones politely.

    On a session's first run this is what makes a copied link reproduce a view. It runs on every run, for keys
    the widgets do not hold yet, so state that Streamlit dropped (it does on some page switches) comes back
    from the URL instead of silently falling back to the defaults.
    """
    first = not st.session_state.get("_url_read")
    st.session_state["_url_read"] = True
    qp = st.query_params
    state = st.session_state
    refused: list[str] = []
    # A link followed inside the session (a finding's "Lihat", a page link with parameters) brings other shared
    # parameters than this session last wrote: the link wins over the widgets' state, as a new session's would.
    # A page switch from the menu brings none: the state stays.
    written, incoming = state.get(WRITTEN_KEY), {k: qp.get(k) for k in SHARED_PARAMS if k in qp}
    if written is not None and incoming and incoming != written:
        for key in ("f_periode", "f_range", *(f"f_{field}" for field in QUERY_KEYS)):
            state.pop(key, None)
    if "f_lang" not in state and "bahasa" in qp:
        if qp["bahasa"] in ("id", "en"):
            state["f_lang"] = qp["bahasa"]
        else:
            refused.append("bahasa")
    preset = qp.get("periode")
    if "f_periode" not in state and preset is not None:
        if preset in PRESETS:
            state["f_periode"] = preset
        else:
            refused.append("periode")
    if "f_range" not in state and ("dari" in qp or "sampai" in qp):
        try:
            start, end = dt.date.fromisoformat(qp.get("dari", "")), dt.date.fromisoformat(qp.get("sampai", ""))
            if start > end:
                raise ValueError("start after end")
            state["f_range"] = (start, end)
            if preset is None:
                state["f_periode"] = "custom"
        except ValueError:
            refused.append("dari/sampai")
    for field, name in QUERY_KEYS.items():
        value = qp.get(name)
        if f"f_{field}" in state or value is None:
            continue
        allowed = info["offices"] if field == "office" else CHOICES[field]
        if value in allowed:
            state[f"f_{field}"] = value
        else:
            refused.append(name)
    if "f_hari" not in state and "hari" in qp:
        try:
            state["f_hari"] = dt.date.fromisoformat(qp["hari"])
        except ValueError:
            refused.append("hari")
    if first:
        state["_refused"] = refused


def _sidebar_select(label: str, options: tuple[str, ...], state_key: str, format_func: Callable[[str], str],
                    default: str) -> str:
    """A sidebar selectbox whose choice lives in ``state_key`` and whose widget is keyed per language.

    The shown option texts depend on the language; under one widget key the browser keeps the old texts after a
    language switch, so each language gets its own widget, started from the shared choice.
    """
    state = st.session_state
    widget_key, shown_key = f"{state_key}__{lang()}", f"_{state_key}_shown"
    current = state.get(state_key, default)
    current = ALL if current is None else current
    # a new widget, or the choice was changed elsewhere (a link, a page's button): the widget follows it
    set_here = widget_key not in state or state.get(shown_key) != current or state[widget_key] not in options
    if set_here:
        state[widget_key] = current if current in options else default
    # The widget's own default is the current choice too: when the browser re-creates it (a click that lands while
    # a page switch has cleared the sidebar), it starts from that default and sends it back as the user's choice;
    # with the first option as default, 2 in 32 quick sign-in → Unduh data runs came back with "Kemarin". In a run
    # that set the state, index 0 (Streamlit's "no default"): it would warn of two values otherwise.
    index = 0 if set_here else options.index(state[widget_key])
    choice = st.sidebar.selectbox(label, options, index=index, key=widget_key, format_func=format_func)
    state[state_key] = state[shown_key] = choice
    return choice


def _select(field: str, options: tuple[str, ...]) -> str | None:
    names = data.directory() if field == "office" else None  # an office by code and name ("CLP · Kantor ...")
    choice = _sidebar_select(
        tr(f"filter.{field}"), (ALL, *options), f"f_{field}",
        lambda c: tr("common.all") if c == ALL else (names.label(c) if names else code_label(c, lang())), ALL,
    )
    return choice or None


def sidebar_filters(info: dict) -> Filters:
    """The shared filters in the sidebar, read from and written back to the URL."""
    _init_from_url(info)
    st.sidebar.toggle(tr("lang.switch"), key="f_lang_en", value=lang() == "en",
                      on_change=lambda: st.session_state.update(
                          f_lang="en" if st.session_state["f_lang_en"] else "id"))
    st.sidebar.header(tr("filter.header"))
    preset = _sidebar_select(tr("filter.period"), PRESETS, "f_periode", lambda p: tr(f"preset.{p}"), "30h")
    start, end = preset_range(preset, info["anchor"])
    if preset == "custom":
        chosen = st.sidebar.date_input(tr("filter.range"), value=st.session_state.get("f_range", (start, end)),
                                       format="DD/MM/YYYY")
        if isinstance(chosen, tuple) and len(chosen) == 2:
            start, end = chosen
            st.session_state["f_range"] = (start, end)
    st.sidebar.caption(tr("filter.period_caption", start=fmt_date(start, lang()), end=fmt_date(end, lang()),
                          days=(end - start).days + 1))
    filters = Filters(
        date_from=start,
        date_to=end,
        office=_select("office", info["offices"]),
        lane=_select("lane", CHOICES["lane"]),
        group=_select("group", CHOICES["group"]),
        service_type=_select("service_type", CHOICES["service_type"]),
        channel=_select("channel", CHOICES["channel"]),
        compare_months=COMPARE_MONTHS.get(preset, 0),
    )
    write_url(filters, preset)
    return filters


def write_url(filters: Filters, preset: str) -> None:
    """The shared filters into the URL, one parameter at a time: a page's own parameters (its day, dataset, tab,
    lane, facility, some bound to widgets by Streamlit) are left as they are."""
    wanted = {"periode": preset}
    if preset == "custom":
        wanted.update(dari=filters.date_from.isoformat(), sampai=filters.date_to.isoformat())
    wanted.update({k: v for k, v in filters.to_query().items() if k not in ("dari", "sampai")})
    if lang() != DEFAULT_LANGUAGE:
        wanted["bahasa"] = lang()
    qp = st.query_params
    for name in SHARED_PARAMS:
        if name in wanted and qp.get(name) != wanted[name]:
            qp[name] = wanted[name]
        elif name not in wanted and name in qp:
            del qp[name]
    st.session_state[WRITTEN_KEY] = {k: v for k, v in wanted.items() if k in SHARED_PARAMS}


def drop_other_pages_params(page: pages.Page) -> None:
    """Remove the URL parameters that belong to other pages (a day of the briefing on the Kuota page, …)."""
    for name in pages.OWN_PARAMS - set(page.params):
        if name in st.query_params:
            del st.query_params[name]
