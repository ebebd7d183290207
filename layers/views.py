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
# What each view fits, in metres of its projection (geodata/projection.py: VIEW_PROJECTION):
# (projection, [[xmin, ymin], [xmax, ymax]]). Constants, so that importing the views costs nothing;
# tests/test_projection.py checks them against the shapes. World: the inhabited world, longitude
# -180..180, latitude -56..84, in Equal Earth. Europe: the box of VIEWS["europe"] in LAEA Europe.
# Eastern flank: Finland, Estonia, Latvia, Lithuania, Poland, their borders with Russia and
# Belarus (the belt line) and Norway's Arctic coast east of 20°E, plus 100 km all round; Ukraine's
# dotted borders are not fitted (they run south-east to the Sea of Azov and would halve the scale).
VIEW_EXTENTS = {
    "world": ("world", [[-17_244_000.0, -6_567_000.0], [17_244_000.0, 8_325_000.0]]),
    "europe": ("europe", [[2_294_000.0, 1_218_000.0], [7_553_000.0, 5_706_000.0]]),
    "eastern": ("europe", [[4_497_000.0, 2_845_000.0], [5_537_000.0, 5_515_000.0]]),
}
VIEW_LABELS = {"world": "World", "europe": "Europe", "eastern": "Eastern flank"}
BELT_START = dt.date(2025, 3, 1)
BELT_END = dt.date(2026, 3, 1)


def timeline_end(treaty: Treaty, today: dt.date) -> dt.date:
    """The slider's last day: the last dated event (scheduled ones included), or today if later."""
    last = max(e.day for e in dated_events(treaty))
    return max(last, max(change_dates(treaty)), today)
