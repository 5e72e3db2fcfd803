"""The counter queue of one day, replayed: who is called when, by which counter, under a given order.

Why a hand-written event loop and not a simulation library: a replay must give back the office's own day exactly
when it is given the office's own order (otherwise nothing it says about another order can be trusted), so every
rule, tie and boundary below is ours and written down. The tests check it against hand-worked days and against
SimPy (an independent simulation) and the Erlang C formula on long synthetic runs.

The rules (docs/decide.md):

- A ticket waits from its issue time. Counters call one ticket at a time; a called ticket holds its counter for its
  ``hold`` (in the record: ``service_end - called_at``, the walk to the counter included).
- A counter's next call is at the latest of: when it is free, when it opens, and the arrival of the first waiting
  ticket of a lane it serves. The counter whose next call is earliest calls first; ties go to the counter listed
  first (counters are listed in name order). A counter whose next call would fall after its closing time calls no
  more that day.
- A counter calls, among the waiting tickets of the lanes it serves, the one that comes first in the order: the
  lower place first, then the earlier issue time, then the smaller ticket id. Within a lane tickets are therefore
  called in issue order, which lets each lane be a simple pointer.
- Cap K (optional): each place counts the consecutive calls of higher places made while a ticket of it waited at
  the calling counter; when a place's count reaches K, the next call of a counter that serves it goes to it (the
  highest such place first). A place's count restarts when it is called or when none of its tickets waits.

Times are integers (microseconds since the epoch, as the store gives them) or floats; the loop only compares and
adds them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

INF = math.inf


@dataclass(frozen=True)
class Counter:
    """A counter of the day: the lanes it serves (indices) and when it is open."""

    name: str
    lanes: frozenset[int]
    opens: float = -INF
    closes: float = INF


@dataclass
class DayResult:
    """Per ticket (in the input's order): the call time (None: not called) and the counter index."""

    called: list[float | None]
    counter: list[int | None]


def replay_day(issued: Sequence[float], lane: Sequence[int], ticket_id: Sequence[str], hold: Sequence[float],
               counters: Sequence[Counter], place_of_lane: Sequence[int], cap: int | None = None) -> DayResult:
    """Replay one day. ``lane`` are lane indices, ``place_of_lane[lane]`` their place (0 = first)."""
    n = len(issued)
    lanes_used = sorted(set(lane))
    queues: dict[int, list[int]] = {ln: [] for ln in lanes_used}
    for i in sorted(range(n), key=lambda i: (issued[i], ticket_id[i])):
        queues[lane[i]].append(i)
    head = dict.fromkeys(lanes_used, 0)
    called: list[float | None] = [None] * n
    at_counter: list[int | None] = [None] * n
    free = [c.opens for c in counters]
    done = [False] * len(counters)
    places = sorted(set(place_of_lane[ln] for ln in lanes_used))
    passed = dict.fromkeys(places, 0)

    def first_waiting(ln: int) -> float:
        q = queues.get(ln)
        if q is None or head[ln] >= len(q):
            return INF
        return issued[q[head[ln]]]

    remaining = n
    while remaining:
        best_c, best_t = -1, INF
        for c, counter in enumerate(counters):
            if done[c]:
                continue
            arrival = min((first_waiting(ln) for ln in counter.lanes), default=INF)
            if arrival == INF:
                done[c] = True  # nothing left for this counter today: tickets are only ever taken away
                continue
            when = max(free[c], counter.opens, arrival)
            if when > counter.closes:
                done[c] = True
                continue
            if when < best_t:
                best_c, best_t = c, when
        if best_c < 0:
            break
        counter = counters[best_c]
        waiting = [ln for ln in counter.lanes if first_waiting(ln) <= best_t]

        def key(ln: int) -> tuple:
            i = queues[ln][head[ln]]
            return (place_of_lane[ln], issued[i], ticket_id[i])

        chosen = min(waiting, key=key)
        if cap is not None:
            waiting_places = {place_of_lane[ln] for ln in waiting}
            forced = sorted(p for p in waiting_places if passed[p] >= cap and p > place_of_lane[chosen])
            if forced:
                chosen = min((ln for ln in waiting if place_of_lane[ln] == forced[0]), key=key)
            place = place_of_lane[chosen]
            anywhere = {place_of_lane[ln] for ln in lanes_used if first_waiting(ln) <= best_t}
            for p in places:
                if p == place or p not in anywhere:
                    passed[p] = 0
                elif p in waiting_places and p > place:
                    passed[p] += 1
        i = queues[chosen][head[chosen]]
        head[chosen] += 1
        called[i] = best_t
        at_counter[i] = best_c
        free[best_c] = best_t + hold[i]
        remaining -= 1
    return DayResult(called, at_counter)
