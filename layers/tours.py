"""Tours: the stops a presenter walks through (a date, a view, a title, a note, a hold).

The built-in tour of the belt comes from the data (the key events from the joint statement to
Poland's exit); a tour file (issue 17, "A presenter's own tour") will give the same stops, so that
the deck, the animations and the presentation mode take either.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from geodata.model import Treaty
from geodata.timeline import dated_events

# The guided tour: the key events from the joint statement to Poland's exit (the web map's
# ``layers/web/payload.py`` TOUR, to be read from here once that file moves over).
BELT_TOUR = (dt.date(2025, 3, 18), dt.date(2026, 2, 20))
BELT_TOUR_VIEW = "eastern"
HOLD_S = 5.0  # the web tour's default pace (``tourPaceMs``)


@dataclass(frozen=True)
class Stop:
    """One stop of a tour: the map on *day* in *view*, shown *hold* seconds."""

    day: dt.date
    view: str
    title: str
    note: str = ""
    hold: float = HOLD_S


def tour_stops(treaty: Treaty) -> list[Stop]:
    """The built-in tour: a stop on each date of ``BELT_TOUR`` with a key event
    (``EventKind.key``), in date order, on the eastern flank, titled by the event. Events of one
    day share a stop (the three Baltic notices of 2025-06-27 are one picture): its title joins
    theirs with "; "."""
    first, last = BELT_TOUR
    titles: dict[dt.date, list[str]] = {}
    for event in dated_events(treaty):
        if first <= event.day <= last and event.kind.key:
            titles.setdefault(event.day, []).append(event.title)
    return [Stop(day, BELT_TOUR_VIEW, "; ".join(texts)) for day, texts in titles.items()]
