"""The page registry: every page of the dashboard, once. app.py builds the navigation from it, the page frame
takes a page's title, capability and data kinds from it, the briefing links to pages through it, the benchmark
renders every page it lists, and the role-matrix tests walk it.

One name per page: ``key`` is the file (``views/<key>.py``), the message prefix (``<key>.title``, ``<key>.…``)
and the URL path (``/<key>`` with ``-`` for ``_``). Adding a page is one row here, its file and its messages.
"""

from __future__ import annotations

from dataclasses import dataclass

from kancil.roles import User, can


@dataclass(frozen=True)
class Page:
    """A page: its name, menu group, icon, who may use it, whose filters apply, and its own URL parameters."""

    key: str
    group: str  # menu group, a message key nav.group.<group>
    icon: str  # Material icon name
    capability: str  # kancil.roles.CAPABILITIES
    data_kinds: tuple[str, ...] = ()  # data kinds whose filters the page applies (kancil.filters.APPLIES_TO)
    params: tuple[str, ...] = ()  # URL parameters that belong to this page (dropped on the others)

    @property
    def file(self) -> str:
        return f"views/{self.key}.py"

    @property
    def url_path(self) -> str:
        return self.key.replace("_", "-")

    @property
    def title(self) -> str:
        return f"{self.key}.title"


PAGES: tuple[Page, ...] = (
    Page("ringkasan", "daily", "wb_sunny", "dashboard", ("antrian", "permohonan", "survei", "fasilitas"),
         ("hari",)),
    Page("kuota", "analysis", "confirmation_number", "dashboard", ("antrian", "kuota"), ("perkiraan",)),
    Page("waktu_layanan", "analysis", "schedule", "dashboard", ("antrian", "permohonan")),
    Page("kepuasan", "analysis", "sentiment_satisfied", "dashboard", ("survei", "permohonan")),
    Page("fasilitas", "analysis", "child_care", "dashboard", ("fasilitas",)),
    Page("simulasi", "analysis", "science", "simulation", ("antrian", "permohonan"),
         ("urutan", "urutan_proses")),
    Page("unduh", "audit", "download", "download_rows", (), ("dataset",)),
    Page("log_unduhan", "audit", "receipt_long", "download_log", (), ("dataset",)),
    Page("data", "admin", "upload_file", "data_import"),
    Page("pengaturan", "admin", "tune", "settings"),
    Page("pengguna", "admin", "group", "users"),
)
BY_KEY: dict[str, Page] = {p.key: p for p in PAGES}
BY_URL: dict[str, Page] = {p.url_path: p for p in PAGES}
GROUPS: tuple[str, ...] = tuple(dict.fromkeys(p.group for p in PAGES))
OWN_PARAMS: frozenset[str] = frozenset(name for p in PAGES for name in p.params)


def allowed(user: User | None) -> list[Page]:
    """The pages this user's role may use, in menu order."""
    return [p for p in PAGES if can(user, p.capability)]


def home(user: User | None) -> Page:
    """The page "/" opens for this user: the first one its role may use."""
    return next(iter(allowed(user)), PAGES[0])
