"""The dashboard side of the audited download path, shared by the Unduh and the download-log pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import streamlit as st

from kancil.export.downloads import ExportError, build_export
from kancil.filters import Filters
from kancil.i18n import fmt_num
from kancil.roles import User
from kancil.store.connection import StoreBusy


def request_base() -> str | None:
    """The address the user came in on, for the manifest's link: the page's URL without the page (a reverse
    proxy's path prefix kept)."""
    try:
        parts = urlsplit(st.context.url or "")
    except (AttributeError, RuntimeError, ValueError):
        return None
    if not (parts.scheme and parts.netloc):
        return None
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/').rsplit('/', 1)[0]}"


def download_panel(db: Path | str, name: str, fmt: str, filters: Filters, user: User, rows: int,
                   tr: Callable[..., str], lang: str, key: str) -> None:
    """The dashboard side of the audited path, shared by the Unduh and the download-log pages.

    "Siapkan unduhan" builds the ZIP and records it (``build_export``); then a download button hands out exactly
    that file. The bytes are read once from the temporary ZIP, which is deleted at once. A prepared file belongs to
    the dataset, format and filters it was built for: when any of them changes it is dropped.
    """
    state_key, wanted = f"{key}_ready", (name, fmt, filters)
    if st.button(tr("unduh.prepare"), key=f"{key}_prepare", type="primary", icon=":material/inventory_2:"):
        st.session_state.pop(state_key, None)
        try:
            with st.spinner(tr("unduh.preparing", rows=fmt_num(rows, lang))):
                result = build_export(db, name, filters, fmt, user, via="dashboard", base_url=request_base())
        except ExportError as exc:
            st.error(exc.text(lang))
            return
        except StoreBusy:
            st.warning(tr("store.busy_nothing"))
            return
        try:
            data = result.path.read_bytes()
        finally:
            result.path.unlink(missing_ok=True)
        st.session_state[state_key] = {"wanted": wanted, "name": result.file_name, "data": data,
                                       "manifest": result.manifest}
    ready = st.session_state.get(state_key)
    if ready is None:
        return
    if ready["wanted"] != wanted:
        st.session_state.pop(state_key)
        st.info(tr("unduh.stale"))
        return
    manifest = ready["manifest"]
    st.success(tr("unduh.ready", rows=fmt_num(manifest["rows"], lang), size=fmt_num(len(ready["data"]) / 1024, lang, 1),
                  sha=manifest["sha256"]))
    st.download_button(tr("unduh.download", name=ready["name"]), ready["data"], file_name=ready["name"],
                       mime="application/zip", key=f"{key}_download", on_click="ignore", type="primary",
                       icon=":material/download:")
    with st.expander(tr("unduh.manifest")):
        st.json(manifest, expanded=1)
