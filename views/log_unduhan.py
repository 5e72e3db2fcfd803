"""Log unduhan: every audited download (dashboard and command line), for auditors and admins.

The log is append-only (kancil/export/downloads.py only inserts). The period filter applies to the download date; the
latest
downloads are shown as a static table (no dataframe toolbar download), and the log itself leaves the dashboard
through the same audited path as any dataset: a ZIP with manifest, recorded in the log as dataset "download_log".
"""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import streamlit as st

from kancil import config
from kancil.export import downloads
from kancil.i18n import code_label, fmt_date, fmt_num
from kancil.store import connection
from kancil.web import data, export_panel, frame, signin, tables, times
from kancil.web.text import lang as session_lang
from kancil.web.text import tr

LATEST = 100
SHA_SHOWN = 16  # hex digits of a hash shown in the table: enough to tell files apart at a glance
COLUMNS = ("downloaded_at", "username", "role", "dataset", "filters", "file_format", "rows", "sha256", "via")

filters, info = frame.page()
lang = session_lang()
st.caption(tr("log_unduhan.intro"))
shown = downloads.view_filters("download_log", filters, st.session_state.get("f_periode") == "custom",
                               zone=times.zone())
extended, filters = shown != filters, shown


def filters_text(text: str) -> str:
    """The recorded filters (JSON) as one short line: the period, then the filters that were set."""
    values = json.loads(text)
    start, end = (dt.date.fromisoformat(values.pop(k)) for k in ("date_from", "date_to"))
    period = f"{fmt_date(start, lang)} – {fmt_date(end, lang)}"
    return "; ".join([period, *(f"{k}={v}" for k, v in values.items() if v)])


def display(frame: pd.DataFrame) -> pd.DataFrame:
    shown = pd.DataFrame({
        "downloaded_at": [times.moment(v) for v in frame["downloaded_at"]],
        "username": frame["username"],
        "role": [code_label(r, lang) for r in frame["role"]],
        "dataset": [tr(f"unduh.dataset.{d}") for d in frame["dataset"]],
        "filters": [filters_text(f) for f in frame["filters"]],
        "file_format": frame["file_format"].str.upper(),
        "rows": [fmt_num(n, lang) for n in frame["rows"]],
        "sha256": frame["sha256"].str.slice(0, SHA_SHOWN) + "…",  # the full hash is in the log's download
        "via": frame["via"],
    })
    return shown.rename(columns={c: tr(f"log_unduhan.col.{c}") for c in COLUMNS}).astype("string")


try:
    count, latest = downloads.latest_downloads(config.db_path(), filters, LATEST, wait=data.BUSY_WAIT_SECONDS)
    chain = downloads.chain_status(config.db_path(), wait=data.BUSY_WAIT_SECONDS)
except connection.StoreBusy:
    st.warning(tr("store.busy_nothing"))
    st.stop()

(st.success if chain.ok else st.error)(tr(chain.key, **chain.values), icon=":material/link:" if chain.ok
                                       else ":material/link_off:")
st.metric(tr("log_unduhan.count"), fmt_num(count, lang))
st.caption(tr("unduh.period.downloaded_at", start=fmt_date(filters.date_from, lang),
                 end=fmt_date(filters.date_to, lang)) + (" " + tr("unduh.period.to_today") if extended else ""))
if count == 0:
    frame.no_data()
    st.stop()

st.subheader(tr("log_unduhan.latest", n=fmt_num(len(latest), lang)))
tables.static_table(display(latest), hide_index=True)

st.subheader(tr("log_unduhan.download_heading"))
fmt = st.selectbox(tr("unduh.format"), downloads.FORMATS, key="log_unduhan_format",
                   format_func=lambda f: tr(f"unduh.format.{f}"), help=tr("unduh.format_help"))
export_panel.download_panel(config.db_path(), "download_log", fmt, filters, signin.current_user(), count, tr, lang,
                      key="log_unduhan")
