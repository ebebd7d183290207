"""The map's views and the belt's playback window: shared by the web map, the pictures and the
exports (no heavy imports here)."""

from __future__ import annotations

import datetime as dt

from geodata.model import Treaty
from geodata.timeline import change_dates, dated_events

VIEWS = {
    "world": ((-56.0, -170.0), (78.0, 190.0)),
    "europe": ((34.0, -12.0), (71.5, 46.0)),
    # Norway's Arctic coast to the Black Sea: the flank along Russia and Belarus.
    "eastern": ((43.5, 10.0), (71.5, 44.0)),
}
VIEW_LABELS = {"world": "World", "europe": "Europe", "eastern": "Eastern flank"}
BELT_START = dt.date(2025, 3, 1)
BELT_END = dt.date(2026, 3, 1)


def timeline_end(treaty: Treaty, today: dt.date) -> dt.date:
    """The slider's last day: the last dated event (scheduled ones included), or today if later."""
    last = max(e.day for e in dated_events(treaty))
    return max(last, max(change_dates(treaty)), today)
