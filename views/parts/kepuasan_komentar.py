"""Kepuasan › the applicants' comments: a search, and the matching comments newest first, a page at a time.

A page of ``PAGE_ROWS``, chosen by its number: a static table draws every cell as its own element, and 200
comments at once were three quarters of the page's elements (3,596 nodes against 1,443 for the bare-Streamlit floor,
issue 14). Comments are plain text (``tables.static_table``), never next to the applicant group, never downloadable
from the page, and not shown at all for a disability or health group (every comment would be known to come from such
an applicant).
"""

from __future__ import annotations

import math

import streamlit as st

from kancil.contract import SENSITIVE_GROUPS
from kancil.filters import Filters
from kancil.web import data, tables
from kancil.web.text import code, count, tr

PAGE_ROWS = 50
PAGE_KEY = "kepuasan_comments_page"


def show(filters: Filters, where: str) -> None:
    st.subheader(tr("kepuasan.comments.title"))
    if filters.group in SENSITIVE_GROUPS:
        st.info(tr("kepuasan.comments.sensitive", group=code(filters.group)))
        return
    search = st.text_input(tr("kepuasan.comments.search"), key="kepuasan_search", max_chars=100,
                           placeholder=tr("kepuasan.comments.placeholder"),
                           on_change=st.session_state.pop, args=(PAGE_KEY, None)).strip()  # a new search: page 1
    page = int(st.session_state.get(PAGE_KEY, 1))
    comments = _page(filters, search, page)
    if comments.empty and page > 1:  # fewer matches than before (a new search): back to the first page
        page = st.session_state[PAGE_KEY] = 1
        comments = _page(filters, search, page)
    if comments.empty:
        st.info(tr("kepuasan.comments.none"))
        return
    matches = int(comments["matches"].iloc[0])
    first = (page - 1) * PAGE_ROWS + 1
    st.caption(tr("kepuasan.comments.count", matches=count(matches), first=count(first),
                  last=count(first + len(comments) - 1), period=where))
    with st.container(height=560, border=False):  # a page of comments scrolls here, not down the page
        tables.static_table(tables.kept_for_people(comments, "survey_comments", ["tanggal", "lane", "comment"]),
                            hide_index=True)
    pages = math.ceil(matches / PAGE_ROWS)
    if pages > 1:
        # a number, not a list of every page: at national scale a list of 511 pages, each label formatted, was a
        # seventh of a warm Kepuasan run and sent every label to the browser (issue 14)
        st.number_input(tr("kepuasan.comments.page", pages=count(pages)), min_value=1, max_value=pages, step=1,
                        key=PAGE_KEY)
    st.caption(tr("kepuasan.comments.privacy"))


def _page(filters: Filters, search: str, page: int):
    return data.figure("survey_comments", filters, search=search, limit=PAGE_ROWS, offset=(page - 1) * PAGE_ROWS)
