"""Data: upload the office's export files in the browser, see what was stored or rejected and why, and how fresh
every kind of data is.

The page is thin: guessing the kind reads only the header (kancil/ingest/guess.py), loading is
``admin.ingest_upload`` (the same ``ingest_file`` as the command line, recorded with the user), the history and
freshness are queries. File names, header names and cell values come from the user's file: they are shown as
plain text (st.text, st.dataframe), never as markdown.
"""

from __future__ import annotations

import streamlit as st

from kancil import config
from kancil.admin import uploads
from kancil.contract import KINDS
from kancil.i18n import fmt_num
from kancil.ingest.guess import guess_file
from kancil.ingest.limits import Limits
from kancil.web import data, frame, localize, signin
from kancil.web.text import lang as session_lang
from kancil.web.text import tr
from views.parts import data_riwayat

HISTORY_ROWS = 50
REJECTS_SHOWN = 1000
RESULTS_KEY = "data_results"

filters, info = frame.page()
lang = session_lang()
user = signin.current_user()
max_mb = int(st.get_option("server.maxUploadSize"))
limits = Limits.from_settings(data.settings_values())

st.caption(tr("data.intro"))


def kind_label(kind: str | None) -> str:
    return tr(f"data.kind.{kind}") if kind else "—"


def uploader() -> list:
    """The upload widget. Streamlit refuses a file of another type or over the limit in the widget itself (the
    browser never sends it); ``admin.upload_problem`` checks both again on the server before loading."""
    key = f"data_upload_{st.session_state.get('data_upload_n', 0)}"
    localize.file_uploader_texts(max_mb, "CSV, XLSX, PARQUET")
    files = st.file_uploader(tr("data.upload"), type=[s.lstrip(".") for s in uploads.UPLOAD_SUFFIXES],
                             accept_multiple_files=True, key=key)
    st.caption(tr("data.limits", max=fmt_num(max_mb, lang)))
    return list(files or [])


def choose_kinds(files: list) -> list[tuple[object, str | None]]:
    """One row per file: its name (plain text), size and a kind preset to the guess from its header.

    Returns the loadable files with their chosen kind (None: not chosen yet); a file that is too big or of a
    wrong type gets its reason instead and is left out.
    """
    st.subheader(tr("data.files_heading"))
    st.caption(tr("data.files_caption"))
    guesses: dict = st.session_state.setdefault("data_guesses", {})
    chosen = []
    for n, upload in enumerate(files, start=1):
        name_col, kind_col = st.columns([3, 2], vertical_alignment="center")
        name_col.text(f"{n}. {uploads.safe_file_name(upload.name)}  ({fmt_num(upload.size / 1024, lang, 1)} KB)")
        problem = uploads.upload_problem(upload.name, upload.size, max_mb)
        if problem is not None:
            kind_col.error(tr("data.file_problem", n=n, reason=tr(problem.key, **problem.values)))
            continue
        if upload.file_id not in guesses:
            guesses[upload.file_id] = guess_file(upload.name, upload.getvalue(), limits)
        guess = guesses[upload.file_id]
        kind = kind_col.selectbox(tr("data.kind_label", n=n), KINDS, index=KINDS.index(guess) if guess else None,
                                  format_func=kind_label, placeholder=tr("data.kind_placeholder"),
                                  key=f"data_kind_{upload.file_id}", label_visibility="collapsed")
        if guess is None:
            kind_col.caption(tr("data.no_guess"))
        chosen.append((upload, kind))
    return chosen


def load(chosen: list[tuple[object, str | None]]) -> None:
    """Load every file with its chosen kind; keep the outcomes for the next runs; empty the upload widget."""
    results = []
    for upload, kind in chosen:
        content = upload.getvalue()
        with st.spinner(tr("data.loading", name=uploads.safe_file_name(upload.name)), show_time=True):
            result = uploads.ingest_upload(upload.name, content, kind, user.username, config.db_path(), max_mb)
        partly = result.rejected and not result.refused
        csv = uploads.rejected_rows_csv(upload.name, content, result, limits) if partly else None
        entry = {"result": result, "missing": result.missing_columns, "csv": csv}
        if result.refused_code == "same_file":  # kept for the confirmed reload (the upload widget is emptied)
            entry.update(name=upload.name, content=content, kind=kind)
        results.append(entry)
    st.session_state[RESULTS_KEY] = results
    st.session_state["data_upload_n"] = st.session_state.get("data_upload_n", 0) + 1
    st.session_state.pop("data_guesses", None)
    st.rerun()


files = uploader()
if files:
    chosen = choose_kinds(files)
    ready = [(u, k) for u, k in chosen if k is not None]
    missing_kind = len(ready) < len(chosen)
    if missing_kind:
        st.caption(tr("data.choose_all"))
    if st.button(tr("data.load", n=len(chosen)), type="primary", disabled=not ready or missing_kind,
                 key="data_load"):
        load(ready)


def load_again(entry: dict) -> dict:
    """The confirmed reload of a file loaded before (it may undo later corrections: the user said so)."""
    result = uploads.ingest_upload(entry["name"], entry["content"], entry["kind"], user.username, config.db_path(),
                                   max_mb, again=True)
    csv = uploads.rejected_rows_csv(entry["name"], entry["content"], result, limits) if result.rejected else None
    return {"result": result, "missing": result.missing_columns, "csv": csv}


data_riwayat.show_results(RESULTS_KEY, load_again)
data_riwayat.show_freshness()
data_riwayat.show_history()
