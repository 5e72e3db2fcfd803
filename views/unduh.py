"""Unduh data: the auditor's row-level download, through the one audited path (kancil/export/downloads.py).

Pick a dataset and a format; the sidebar filters apply. The page shows the row count and the first rows as a
static table (``tables.static_table``: every cell shown as written, never as Markdown), with no toolbar: row-level
data leaves only through the audited path. "Siapkan unduhan" builds one ZIP (data file + manifest.json) and records
it in the download log before handing it out.
"""

from __future__ import annotations

import streamlit as st

from kancil import config
from kancil.export import downloads
from kancil.i18n import fmt_date, fmt_num
from kancil.store import connection
from kancil.web import data, export_panel, frame, signin, tables, times
from kancil.web.text import lang as session_lang
from kancil.web.text import tr

PREVIEW_ROWS = 20
DATASET_KEY = "unduh_dataset"


def initial_dataset() -> str:
    """The dataset chosen before (widget state), else the link's ``dataset=``, else antrian."""
    chosen = st.session_state.get(DATASET_KEY) or st.query_params.get("dataset")
    return chosen if chosen in downloads.ROW_DATASETS else downloads.ROW_DATASETS[0]


st.session_state[DATASET_KEY] = initial_dataset()
filters, info = frame.page(data_kinds=downloads.DATASETS[st.session_state[DATASET_KEY]].kinds)
lang = session_lang()
st.caption(tr("unduh.intro"))
if config.parquet_dir() is not None:  # the figures come from an export; the audited rows always from the store
    st.info(tr("unduh.parquet_mode", version=data.data_source()[1][:12]))

left, right = st.columns(2)
name = left.selectbox(tr("unduh.dataset"), downloads.ROW_DATASETS, key=DATASET_KEY,
                      format_func=lambda d: tr(f"unduh.dataset.{d}"))
fmt = right.selectbox(tr("unduh.format"), downloads.FORMATS, key="unduh_format",
                      format_func=lambda f: tr(f"unduh.format.{f}"), help=tr("unduh.format_help"))
if st.query_params.get("dataset") != name:
    st.query_params["dataset"] = name  # so a copied link names the dataset too
shown = downloads.view_filters(name, filters, st.session_state.get("f_periode") == "custom", zone=times.zone())
extended, filters = shown != filters, shown

try:
    rows, head = downloads.overview(config.db_path(), name, filters, PREVIEW_ROWS, wait=data.BUSY_WAIT_SECONDS)
except connection.StoreBusy:
    st.warning(tr("store.busy_nothing"))
    st.stop()

st.metric(tr("unduh.rows"), fmt_num(rows, lang))
st.caption(tr(f"unduh.period.{downloads.DATASETS[name].period_column}", start=fmt_date(filters.date_from, lang),
                 end=fmt_date(filters.date_to, lang)) + (" " + tr("unduh.period.to_today") if extended else ""))
if rows == 0:
    frame.no_data()
    st.stop()

st.subheader(tr("unduh.preview", n=fmt_num(len(head), lang)))
tables.static_table(head.astype("string").fillna(""), hide_index=True, width="content")
st.caption(tr("unduh.preview_caption"))

if fmt == "xlsx" and rows > downloads.XLSX_MAX_ROWS:
    st.warning(tr("unduh.xlsx_too_many", rows=fmt_num(rows, lang), max=fmt_num(downloads.XLSX_MAX_ROWS, lang)))
else:
    export_panel.download_panel(config.db_path(), name, fmt, filters, signin.current_user(), rows, tr, lang,
                                key="unduh")
