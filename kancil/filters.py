"""The filters every page, the CLI and the downloads share: one definition of what a filter means.

A ``Filters`` value turns into the named SQL parameters of ``queries/`` (never into SQL text), and into the URL
query parameters of the dashboard and back, so a copied link reproduces a view. A bad value in a link falls back
to the default and is reported, never raised.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from kancil.contract import CHANNELS, GROUPS, LANES, SERVICE_TYPES

# Which filters each data kind has a column for (the pages say when a filter does not apply).
APPLIES_TO: dict[str, tuple[str, ...]] = {
    "antrian": ("office", "lane", "group", "service_type", "channel"),
    "permohonan": ("office", "lane", "group", "service_type"),
    "survei": ("office", "lane", "group"),
    "fasilitas": ("office", "group"),
    "kuota": ("office", "lane"),
}
CHOICES: dict[str, tuple[str, ...]] = {
    "lane": LANES,
    "group": GROUPS,
    "service_type": SERVICE_TYPES,
    "channel": CHANNELS,
}


@dataclasses.dataclass(frozen=True)
class Filters:
    """A period (inclusive, by local date) and optional single values; ``None`` means all."""

    date_from: dt.date
    date_to: dt.date
    office: str | None = None
    lane: str | None = None
    group: str | None = None
    service_type: str | None = None
    channel: str | None = None

    def params(self) -> dict[str, object]:
        """All named SQL parameters; ``queries.run`` passes each query the ones its text uses."""
        return {
            "date_from": self.date_from,
            "date_to": self.date_to,
            "office": self.office,
            "lane": self.lane,
            "applicant_group": self.group,
            "service_type": self.service_type,
            "channel": self.channel,
        }

    def replace(self, **changes: object) -> Filters:
        return dataclasses.replace(self, **changes)

    def days(self) -> int:
        return (self.date_to - self.date_from).days + 1

    def previous(self) -> Filters:
        """The period of the same length just before this one (for KPI deltas)."""
        length = dt.timedelta(days=self.days())
        return self.replace(date_from=self.date_from - length, date_to=self.date_to - length)

    def to_query(self) -> dict[str, str]:
        out = {"dari": self.date_from.isoformat(), "sampai": self.date_to.isoformat()}
        for key in ("office", "lane", "group", "service_type", "channel"):
            value = getattr(self, key)
            if value:
                out[QUERY_KEYS[key]] = value
        return out

    def describe(self) -> dict[str, object]:
        return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in dataclasses.asdict(self).items()}


# URL keys, in Bahasa Indonesia like the rest of the interface.
QUERY_KEYS = {"office": "kantor", "lane": "jalur", "group": "kelompok", "service_type": "layanan", "channel": "kanal"}
