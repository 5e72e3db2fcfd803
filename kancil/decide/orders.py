"""Calling and processing orders: ``fifo`` or a lane order such as ``prioritas,percepatan,reguler``.

Why a small language of its own: the head of office thinks in "who goes first", and both replays (the counter queue
and the back office) need exactly that and nothing more. Lanes joined by ``+`` share one place
(``percepatan,prioritas+reguler`` = percepatan first, then the other two in ticket order); a lane left out of a lane
order goes last, in ticket order with the other left-out lanes, so every order ranks every ticket. An optional cap K
lets a lower place in after K consecutive calls of higher places made while it waited (see ``Order.cap``).

A bad order raises ``OrderError`` whose message (Bahasa Indonesia) names the offending part.
"""

from __future__ import annotations

from dataclasses import dataclass

from kancil.contract import LANES
from kancil.i18n import t


class OrderError(ValueError):
    """An order text that cannot be read; the message names the value."""


@dataclass(frozen=True)
class Order:
    """A ranking of lanes into places (0 = first). ``fifo``: every lane in place 0."""

    text: str
    places: tuple[tuple[str, ...], ...]
    cap: int | None = None  # None: strict; K: a lower place is called after K consecutive higher calls

    @property
    def rank(self) -> dict[str, int]:
        """The place of each lane."""
        return {lane: i for i, group in enumerate(self.places) for lane in group}

    @property
    def is_fifo(self) -> bool:
        return len(self.places) == 1

    def label(self) -> str:
        """The canonical text (``fifo`` or ``a,b+c``), with ``/K`` when capped."""
        base = "fifo" if self.is_fifo else ",".join("+".join(group) for group in self.places)
        return base if self.cap is None else f"{base}/{self.cap}"


def parse_order(text: str, cap: int | None = None) -> Order:
    """``fifo`` or lanes separated by ``,`` (places) and ``+`` (lanes sharing a place); ``/K`` or ``cap`` sets the cap.

    Spaces and case are ignored. Each lane may appear once. Lanes not named go last, together.
    """
    raw = (text or "").strip().lower().replace(" ", "")
    if "/" in raw:
        raw, _, cap_text = raw.partition("/")
        if not cap_text.isdigit():
            raise OrderError(t("decide.order.bad_cap", value=cap_text))
        cap = int(cap_text)
    if cap is not None and cap < 1:
        raise OrderError(t("decide.order.bad_cap", value=cap))
    if raw == "fifo":
        return Order("fifo", (LANES,), cap)
    if not raw:
        raise OrderError(t("decide.order.empty"))
    places: list[tuple[str, ...]] = []
    seen: set[str] = set()
    for part in raw.split(","):
        lanes = tuple(part.split("+"))
        for lane in lanes:
            if lane not in LANES:
                raise OrderError(t("decide.order.unknown_lane", value=lane or part, lanes=", ".join(LANES)))
            if lane in seen:
                raise OrderError(t("decide.order.repeated", value=lane))
            seen.add(lane)
        places.append(lanes)
    rest = tuple(lane for lane in LANES if lane not in seen)
    if rest:
        places.append(rest)
    order = Order(text.strip(), tuple(places), cap)
    return Order(order.label(), order.places, cap)
