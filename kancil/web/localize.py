"""Streamlit's own widget texts in Bahasa Indonesia where the framework leaves no parameter for them.

Labels, placeholders and help texts are parameters (every page passes them in the session's language). What
Streamlit writes itself inside the file uploader ("Upload", "50MB per file • CSV, XLSX, PARQUET") is replaced by
a small style sheet that hides it and writes ours (``::after`` content): text of ours, no data. What neither
reaches — the month and day names of the date picker's calendar, the tooltips of a table's toolbar — stays
English; the README says so.
"""

from __future__ import annotations

import streamlit as st

from kancil.web.text import lang, tr

_UPLOADER = """<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{ font-size: 0; }}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {{
  content: "{button}"; font-size: 1rem; }}
[data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{ content: "{limits}"; font-size: 0.875rem; }}
</style>"""


def _css_text(text: str) -> str:
    """A message as a CSS string: no quote, backslash or angle bracket can leave it."""
    return "".join(ch for ch in text if ch not in '"\\<>')


def file_uploader_texts(max_mb: int, types: str) -> None:
    """The uploader's button and limits line in the session's language (English is Streamlit's own)."""
    if lang() == "en":
        return
    st.html(_UPLOADER.format(button=_css_text(tr("data.upload_button")),
                             limits=_css_text(tr("data.upload_limits", max=max_mb, types=types))))
