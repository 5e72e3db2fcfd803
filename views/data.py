"""Data: upload the office's export files in the browser, see what was stored or rejected and why, and how fresh
every kind of data is.

The page is thin: guessing the kind reads only the header (kancil/ingest/guess.py), loading is
``admin.ingest_upload`` (the same ``ingest_file`` as the command line, recorded with the user), the history and
freshness are queries. File names, header names and cell values come from the user's file: they are shown as
plain text (st.text, st.dataframe), never as markdown.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kancil.admin import uploads
from kancil.contract import KINDS
from kancil.export.safe import neutralise_frame
from kancil.i18n import fmt_date, fmt_datetime, fmt_num
from kancil.ingest.guess import guess_file, missing_columns, read_header
from kancil.web import signin, ui

HISTORY_ROWS = 50
REJECTS_SHOWN = 1000
RESULTS_KEY = "data_results"

filters, info = ui.frame("nav.data", "data", (), capability="data_import")
lang = ui.lang()
user = signin.current_user()
max_mb = int(st.get_option("server.maxUploadSize"))

st.caption(ui.tr("data.intro"))


def kind_label(kind: str | None) -> str:
    return ui.tr(f"data.kind.{kind}") if kind else "—"


def uploader() -> list:
    """The upload widget. Streamlit refuses a file of another type or over the limit in the widget itself (the
    browser never sends it); ``admin.upload_problem`` checks both again on the server before loading."""
    key = f"data_upload_{st.session_state.get('data_upload_n', 0)}"
    files = st.file_uploader(ui.tr("data.upload"), type=[s.lstrip(".") for s in uploads.UPLOAD_SUFFIXES],
                             accept_multiple_files=True, key=key)
    st.caption(ui.tr("data.limits", max=fmt_num(max_mb, lang)))
    return list(files or [])


def choose_kinds(files: list) -> list[tuple[object, str | None]]:
    """One row per file: its name (plain text), size and a kind preset to the guess from its header.

    Returns the loadable files with their chosen kind (None: not chosen yet); a file that is too big or of a
    wrong type gets its reason instead and is left out.
    """
    st.subheader(ui.tr("data.files_heading"))
    st.caption(ui.tr("data.files_caption"))
    guesses: dict = st.session_state.setdefault("data_guesses", {})
    chosen = []
    for n, upload in enumerate(files, start=1):
        name_col, kind_col = st.columns([3, 2], vertical_alignment="center")
        name_col.text(f"{n}. {uploads.safe_file_name(upload.name)}  ({fmt_num(upload.size / 1024, lang, 1)} KB)")
        problem = uploads.upload_problem(upload.name, upload.size, max_mb)
        if problem is not None:
            kind_col.error(ui.tr("data.file_problem", n=n, reason=ui.tr(problem.key, **problem.values)))
            continue
        if upload.file_id not in guesses:
            guesses[upload.file_id] = guess_file(upload.name, upload.getvalue())
        guess = guesses[upload.file_id]
        kind = kind_col.selectbox(ui.tr("data.kind_label", n=n), KINDS, index=KINDS.index(guess) if guess else None,
                                  format_func=kind_label, placeholder=ui.tr("data.kind_placeholder"),
                                  key=f"data_kind_{upload.file_id}", label_visibility="collapsed")
        if guess is None:
            kind_col.caption(ui.tr("data.no_guess"))
        chosen.append((upload, kind))
    return chosen


def load(chosen: list[tuple[object, str | None]]) -> None:
    """Load every file with its chosen kind; keep the outcomes for the next runs; empty the upload widget."""
    results = []
    for upload, kind in chosen:
        data = upload.getvalue()
        with st.spinner(ui.tr("data.loading", name=uploads.safe_file_name(upload.name)), show_time=True):
            result = uploads.ingest_upload(upload.name, data, kind, user.username, ui.db_path(), max_mb)
        missing = missing_columns(read_header(upload.name, data), kind) if result.refused else []
        csv = uploads.rejected_rows_csv(upload.name, data, result) if result.rejected and not result.refused else None
        results.append({"result": result, "missing": missing, "csv": csv})
    st.session_state[RESULTS_KEY] = results
    st.session_state["data_upload_n"] = st.session_state.get("data_upload_n", 0) + 1
    st.session_state.pop("data_guesses", None)
    st.rerun()


def show_result(n: int, entry: dict) -> None:
    result = entry["result"]
    with st.container(border=True):
        st.caption(ui.tr("data.result_of", n=n, kind=kind_label(result.kind)))
        st.text(result.file)
        if result.refused:
            missing = entry["missing"]
            st.error(ui.tr("data.refused_missing", columns=", ".join(f"`{c}`" for c in missing)) if missing
                     else ui.tr("data.refused"))
            st.caption(ui.tr("data.refused_detail"))
            st.text(result.refused)
            return
        cols = st.columns(4)
        for col, label, value in zip(cols, ("rows", "stored", "replaced", "rejected"),
                                     (result.rows, result.stored, result.replaced, result.rejected), strict=True):
            col.metric(ui.tr(f"data.{label}"), fmt_num(value, lang))
        st.caption(ui.tr("data.counts_caption", unchanged=fmt_num(result.unchanged, lang)))
        if result.extra_columns:
            st.caption(ui.tr("data.extra_columns"))
            st.text(", ".join(result.extra_columns))
        if not result.rejected:
            st.success(ui.tr("data.all_stored"))
            return
        st.warning(ui.tr("data.some_rejected", n=fmt_num(result.rejected, lang)))
        problems = uploads.rejects_frame(result)
        if len(problems) > REJECTS_SHOWN:
            st.caption(ui.tr("data.rejects_more", shown=fmt_num(REJECTS_SHOWN, lang), n=fmt_num(len(problems), lang)))
        st.dataframe(problems.head(REJECTS_SHOWN).rename(columns={c: ui.tr(f"data.col.{c}") for c in problems}),
                     hide_index=True, width="stretch")
        if entry["csv"] is not None:
            stem = result.file.rsplit(".", 1)[0]
            st.download_button(ui.tr("data.download_rejects"), entry["csv"], file_name=f"{stem}-ditolak.csv",
                               mime="text/csv", help=ui.tr("data.download_rejects_help"), key=f"data_rejects_{n}")


def show_results() -> None:
    results = st.session_state.get(RESULTS_KEY)
    if not results:
        return
    head, close = st.columns([4, 1], vertical_alignment="bottom")
    head.subheader(ui.tr("data.results"))
    if close.button(ui.tr("data.clear_results"), key="data_clear"):
        st.session_state.pop(RESULTS_KEY, None)
        st.rerun()
    for n, entry in enumerate(results, start=1):
        show_result(n, entry)


def show_freshness() -> None:
    st.subheader(ui.tr("data.freshness"))
    fresh = ui.query("freshness_by_kind")
    table = pd.DataFrame({
        ui.tr("data.col.kind"): [kind_label(k) for k in fresh["kind"]],
        ui.tr("data.col.stored_rows"): [fmt_num(v, lang) for v in fresh["stored_rows"]],
        ui.tr("data.col.newest"): [_when(v, date_only=k == "kuota") for k, v in zip(fresh["kind"],
                                                                                   fresh["newest_data"], strict=True)],
        ui.tr("data.col.last_load"): [_when(v) for v in fresh["last_loaded_at"]],
        ui.tr("data.col.who"): fresh["last_loaded_by"].fillna("—"),
        ui.tr("data.col.last_file"): fresh["last_file"].fillna("—"),
    })
    st.dataframe(neutralise_frame(table), hide_index=True, width="stretch")
    st.caption(ui.tr("data.freshness_caption"))


def _when(value: object, date_only: bool = False) -> str:
    if value is None or pd.isna(value):
        return "—"
    stamp = pd.Timestamp(value).to_pydatetime()
    return fmt_date(stamp.date(), lang) if date_only else fmt_datetime(stamp, lang)


def show_history() -> None:
    st.subheader(ui.tr("data.history"))
    history = ui.query("ingest_history", limit=HISTORY_ROWS)
    if history.empty:
        st.info(ui.tr("data.no_history"))
        return
    table = pd.DataFrame({
        ui.tr("data.col.when"): [_when(v) for v in history["loaded_at"]],
        ui.tr("data.col.file"): history["file_name"],
        ui.tr("data.col.kind"): [kind_label(k) for k in history["kind"]],
        ui.tr("data.col.rows"): history["rows"],
        ui.tr("data.col.stored"): history["stored"],
        ui.tr("data.col.replaced"): history["replaced"],
        ui.tr("data.col.rejected"): history["rejected"],
        ui.tr("data.col.status"): [ui.tr(f"data.status.{s}") for s in history["status"]],
        ui.tr("data.col.who"): history["loaded_by"],
        ui.tr("data.col.message"): history["message"].fillna(""),
    })
    st.dataframe(neutralise_frame(table), hide_index=True, width="stretch")
    st.caption(ui.tr("data.history_caption", n=HISTORY_ROWS))


files = uploader()
if files:
    chosen = choose_kinds(files)
    ready = [(u, k) for u, k in chosen if k is not None]
    missing_kind = len(ready) < len(chosen)
    if missing_kind:
        st.caption(ui.tr("data.choose_all"))
    if st.button(ui.tr("data.load", n=len(chosen)), type="primary", disabled=not ready or missing_kind,
                 key="data_load"):
        load(ready)
show_results()
show_freshness()
show_history()
