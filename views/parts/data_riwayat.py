"""Data page, below the upload: the outcome of each load (stored, replaced, rejected, why), how fresh every kind
of data is, and the history of loads. File names, header names and cell values come from the user's files: they are
shown as plain text (st.text, st.dataframe), never as markdown."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from kancil.admin import uploads
from kancil.export.safe import neutralise_frame
from kancil.i18n import fmt_date, fmt_num
from kancil.web import data, times
from kancil.web.text import lang, tr

HISTORY_ROWS = 50
REJECTS_SHOWN = 1000


def kind_label(kind: str | None) -> str:
    return tr(f"data.kind.{kind}") if kind else "—"


REFUSAL_HEADLINES = ("encoding", "not_workbook", "not_csv", "limits", "empty", "type", "same_file")


def show_result(n: int, entry: dict, again: Callable[[], None] | None = None) -> None:
    result = entry["result"]
    with st.container(border=True):
        st.caption(tr("data.result_of", n=n, kind=kind_label(result.kind)))
        st.text(result.file)
        if result.refused:
            missing = entry["missing"]
            code = result.refused_code
            if missing:
                st.error(tr("data.refused_missing", columns=", ".join(f"`{c}`" for c in missing)))
            else:  # the real reason in the headline, the loader's full message below it
                st.error(tr(f"data.refused.{code}" if code in REFUSAL_HEADLINES else "data.refused"))
            st.caption(tr("data.refused_detail"))
            st.text(result.refused)
            if code == "same_file":
                show_same_file(n, entry, again)
            return
        if result.stored_but:  # committed, then a later step failed: the counts below are what the store holds
            st.warning(tr("data.stored_but"))
            st.text(result.stored_but)
        cols = st.columns(4)
        for col, label, value in zip(cols, ("rows", "stored", "replaced", "rejected"),
                                     (result.rows, result.stored, result.replaced, result.rejected), strict=True):
            col.metric(tr(f"data.{label}"), fmt_num(value, lang()))
        st.caption(tr("data.counts_caption", unchanged=fmt_num(result.unchanged, lang())))
        if result.extra_columns:
            st.caption(tr("data.extra_columns"))
            st.text(", ".join(result.extra_columns))
        if not result.rejected:
            st.success(tr("data.all_stored"))
            return
        st.warning(tr("data.some_rejected", n=fmt_num(result.rejected, lang())))
        problems = uploads.rejects_frame(result)
        if len(problems) > REJECTS_SHOWN:
            st.caption(tr("data.rejects_more", shown=fmt_num(REJECTS_SHOWN, lang()), n=fmt_num(len(problems), lang())))
        st.dataframe(problems.head(REJECTS_SHOWN).rename(columns={c: tr(f"data.col.{c}") for c in problems}),
                     hide_index=True, width="stretch")
        if entry["csv"] is not None:
            stem = result.file.rsplit(".", 1)[0]
            st.download_button(tr("data.download_rejects"), entry["csv"], file_name=f"{stem}-ditolak.csv",
                               mime="text/csv", help=tr("data.download_rejects_help"), key=f"data_rejects_{n}")


def show_same_file(n: int, entry: dict, again: Callable[[], None] | None) -> None:
    """What loading the same file again would undo, and the explicit confirmation it needs."""
    result = entry["result"]
    st.caption(tr("data.would_revert", n=fmt_num(result.would_revert_count, lang()), shown=len(result.would_revert)))
    st.text("\n".join(result.would_revert))
    if again is None or "content" not in entry:
        return
    sure = st.checkbox(tr("data.again_confirm", n=fmt_num(result.would_revert_count, lang())), key=f"data_again_{n}")
    if st.button(tr("data.again_load"), disabled=not sure, key=f"data_again_load_{n}"):
        again()


def show_results(results_key: str, load_again: Callable[[dict], dict] | None = None) -> None:
    """The outcomes of the last loads, until the user clears them."""
    results = st.session_state.get(results_key)
    if not results:
        return
    head, close = st.columns([4, 1], vertical_alignment="bottom")
    head.subheader(tr("data.results"))
    # a callback, not st.rerun(): the click makes one run, not two. A file chosen while a run ends for st.rerun() was
    # lost (Streamlit 1.67 drops the queued reply to the browser's upload request when the next run starts)
    close.button(tr("data.clear_results"), key="data_clear", on_click=st.session_state.pop, args=(results_key, None))
    for n, entry in enumerate(results, start=1):
        show_result(n, entry, None if load_again is None else _again(results, n - 1, load_again))


def _again(results: list, index: int, load_again: Callable[[dict], dict]) -> Callable[[], None]:
    def run() -> None:
        results[index] = load_again(results[index])
        st.rerun()
    return run


def show_freshness() -> None:
    st.subheader(tr("data.freshness"))
    fresh = data.query("freshness_by_kind")
    table = pd.DataFrame({
        tr("data.col.kind"): [kind_label(k) for k in fresh["kind"]],
        tr("data.col.stored_rows"): [fmt_num(v, lang()) for v in fresh["stored_rows"]],
        tr("data.col.newest"): [newest(k, v) for k, v in zip(fresh["kind"], fresh["newest_data"], strict=True)],
        tr("data.col.last_load"): [times.moment(v) for v in fresh["last_loaded_at"]],
        tr("data.col.who"): fresh["last_loaded_by"].fillna("—"),
        tr("data.col.last_file"): fresh["last_file"].fillna("—"),
    })
    st.dataframe(neutralise_frame(table), hide_index=True, width="stretch")
    st.caption(tr("data.freshness_caption"))


def newest(kind: str, value: object) -> str:
    """The newest time in a kind's data: a time of the office's files (its own zone), a date for kuota."""
    if value is None or pd.isna(value):
        return "—"
    return fmt_date(pd.Timestamp(value).date(), lang()) if kind in ("kuota", "kantor") else times.local(value)


def show_history() -> None:
    st.subheader(tr("data.history"))
    history = data.query("ingest_history", limit=HISTORY_ROWS)
    if history.empty:
        st.info(tr("data.no_history"))
        return
    table = pd.DataFrame({
        tr("data.col.when"): [times.moment(v) for v in history["loaded_at"]],
        tr("data.col.file"): history["file_name"],
        tr("data.col.kind"): [kind_label(k) for k in history["kind"]],
        tr("data.col.rows"): history["rows"],
        tr("data.col.stored"): history["stored"],
        tr("data.col.replaced"): history["replaced"],
        tr("data.col.rejected"): history["rejected"],
        tr("data.col.status"): [tr(f"data.status.{s}") for s in history["status"]],
        tr("data.col.who"): history["loaded_by"],
        tr("data.col.message"): history["message"].fillna(""),
    })
    st.dataframe(neutralise_frame(table), hide_index=True, width="stretch")
    st.caption(tr("data.history_caption", n=HISTORY_ROWS))
