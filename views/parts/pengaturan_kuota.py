"""Pengaturan, tab Kuota: the stored daily quota periods and adding one (a new open-ended period closes the
running one the day before)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import streamlit as st

from kancil.admin import changes
from kancil.contract import LANES
from kancil.i18n import code_label, fmt_date, fmt_num
from kancil.web import signin, times
from kancil.web.text import day, lang, tr


def render(periods: pd.DataFrame, offices: list[str], write: Callable) -> None:
    """The quota tab: the stored periods and a form to add one."""
    user = signin.current_user()
    st.subheader(tr("pengaturan.quota.current"))
    if periods.empty:
        st.info(tr("pengaturan.quota.none"))
    else:
        table = pd.DataFrame({
            tr("pengaturan.col.office"): periods["office_code"],
            tr("pengaturan.col.lane"): [code_label(v, lang()) for v in periods["lane"]],
            tr("pengaturan.col.from"): [day(v) for v in periods["valid_from"]],
            tr("pengaturan.col.to"): [day(v) if pd.notna(v) else tr("pengaturan.open_ended")
                                       for v in periods["valid_to"]],
            tr("pengaturan.col.daily"): periods["daily_quota"],
            tr("pengaturan.col.status"): [tr(f"pengaturan.quota.status.{v}") for v in periods["status"]],
            tr("pengaturan.col.source"): periods["file_name"].fillna("—"),
            tr("pengaturan.col.who"): periods["loaded_by"].fillna("—"),
            tr("pengaturan.col.when"): [times.moment(v) for v in periods["loaded_at"]],
        })
        st.dataframe(table, hide_index=True, width="stretch")
    st.caption(tr("pengaturan.quota.caption", today=fmt_date(times.today(), lang())))

    st.subheader(tr("pengaturan.quota.add"))
    st.caption(tr("pengaturan.quota.add_caption"))
    with st.form("settings_quota_form"):
        left, middle, right = st.columns(3)
        office = left.selectbox(tr("pengaturan.quota.office"), offices, index=0 if offices else None,
                                accept_new_options=True, help=tr("pengaturan.quota.office_help"),
                                key="settings_quota_office")
        lane = left.selectbox(tr("pengaturan.quota.lane"), LANES, format_func=lambda c: code_label(c, lang()),
                              key="settings_quota_lane")
        start = middle.date_input(tr("pengaturan.quota.from"), value=times.today() + dt.timedelta(days=1),
                                  format="DD/MM/YYYY", key="settings_quota_from")
        end = middle.date_input(tr("pengaturan.quota.to"), value=None, format="DD/MM/YYYY",
                                key="settings_quota_to")
        quota = right.number_input(tr("pengaturan.quota.daily"), min_value=1, max_value=10000, value=10, step=1,
                                   key="settings_quota_daily")
        submitted = st.form_submit_button(tr("pengaturan.quota.save"), type="primary")
    if submitted:
        write(lambda con: changes.add_quota_period(con, user.username, office or "", lane, start, end, int(quota)),
              lambda change: quota_messages(change, lane, start, int(quota)))


def quota_messages(change: changes.QuotaChange, lane: str, start: dt.date, quota: int) -> list[tuple[str, str]]:
    out = [("success", tr("pengaturan.quota.saved", lane=code_label(lane, lang()), start=fmt_date(start, lang()),
                             quota=fmt_num(quota, lang())))]
    if change.closed:
        closed = change.closed
        out.append(("info", tr("pengaturan.quota.closed", start=fmt_date(closed["valid_from"], lang()),
                                  quota=fmt_num(closed["daily_quota"], lang()),
                                  end=fmt_date(closed["valid_to"], lang()))))
    return out
