"""The map's parts, one class each: the settings each module of ``layers/web/js`` gets.

A part's code is the module of the same name in ``layers/web/js`` (``name`` there, ``part``
here); this side says only that the page has it and with which settings.
"""

from __future__ import annotations

import datetime as dt

from geodata.model import OPENED, Treaty
from layers.picture.chart import INSET_PLOT, INSET_START, PLOT, history_inset_svg, history_svg
from layers.web.element import Part
from layers.web.payload import day_number

# (label, days per second). Playback runs in the browser and paints a new date at most every
# PAINT_MS (js/time/clock.js): 30 frames a second on a 60 Hz screen.
SPEEDS = (("1 week/s", 7), ("1 month/s", 30), ("3 months/s", 91), ("1 year/s", 365))
PAINT_MS = 29  # two 60 Hz frames (33.3 ms) minus a margin for timer jitter


class StatusLayer(Part):
    """Country shapes (and points for the smallest) with tooltips, filled by STATUS_STYLE."""

    part = "status"


class BeltLayer(Part):
    """A bold line along each border of a State leaving the Convention (dotted: contested)."""

    part = "belt"


class Labels(Part):
    """Country names, placed where they fit (layers/labels.py says which, in what order)."""

    part = "labels"


class Legend(Part):
    """Every status with its swatch and the count of States in it on the day."""

    part = "legend"


class Caption(Part):
    """The date, and the latest event on or before it with its source."""

    part = "caption"

    def __init__(self, heading: str = "Ottawa Convention status"):
        super().__init__()
        self.heading = heading

    def settings(self) -> dict:
        return {"heading": self.heading}


class BeltPanel(Part):
    """The belt in numbers: kilometres and people along the States leaving; Ukraine apart."""

    part = "beltpanel"


class EventsPanel(Part):
    """The events around the day, with sources (the single file; the app lists them below)."""

    part = "events"

    def __init__(self, before: int = 4, after: int = 2):
        super().__init__()
        self.before, self.after = before, after

    def settings(self) -> dict:
        return {"before": self.before, "after": self.after}


class DateControl(Part):
    """Slider with event ticks, play/pause, speed, previous/next event, the belt and the tour."""

    part = "timebar"

    def __init__(self, default_speed: int = 3, pace: int = 5):
        super().__init__()
        self.default_speed, self.pace = default_speed, pace

    def settings(self) -> dict:
        return {
            "speeds": SPEEDS,
            "speed": SPEEDS[self.default_speed][1],
            # "Play the belt" runs at a month per second at most: about 12 s.
            "beltSpeed": 30,
            "paces": [3, 5, 8, 12],  # seconds on each stop of the tour
            "pace": self.pace,
        }


class HistoryChart(Part):
    """States by status since 1997, and States bound since 2024 on an axis near the top, where
    each withdrawal is a visible step (layers/picture/chart.py); a line at the date on each."""

    part = "chart"

    def __init__(self, treaty: Treaty, end: dt.date):
        super().__init__()
        self.treaty, self.end = treaty, end

    def settings(self) -> dict:
        charts = [
            (history_svg(self.treaty, self.end, marker_id="mbt-chart-now"), OPENED, PLOT),
            (
                history_inset_svg(self.treaty, end=self.end, marker_id="mbt-inset-now"),
                INSET_START,
                INSET_PLOT,
            ),
        ]
        return {
            "charts": [
                {
                    "svg": svg,
                    "marker": marker,
                    "start": day_number(start),
                    "end": day_number(self.end),
                    "left": plot[0],
                    "right": plot[2],
                }
                for (svg, start, plot), marker in zip(
                    charts, ("mbt-chart-now", "mbt-inset-now"), strict=True
                )
            ]
        }


class Views(Part):
    """World, Europe and Eastern flank, and the zoom buttons."""

    part = "views"


class Find(Part):
    """Find a country by name or code (accents and case ignored): zooms to it, opens its tooltip."""

    part = "find"


class Card(Part):
    """A country's card: its status on the day, its statuses since 1997, key dates, events and
    (a State of the belt) its borders, each with its source; opened from the map or Find."""

    part = "card"


class Keyboard(Part):
    """The map's keys (js/map/keys.js), and a clicker's in presentation mode."""

    part = "keyboard"


class Announce(Part):
    """For screen readers: a summary of the date once it settles."""

    part = "announce"


def playback_settings() -> dict:
    """How the date controller plays (js/map/controller.js)."""
    return {
        "speed": SPEEDS[3][1],
        "paintMs": PAINT_MS,
        "reducedMotionMs": 1500,  # reduced motion: a step from event to event this often
        "reportDelayMs": 150,  # a step or scrub is reported once no other follows in this time
        "tourPaceMs": 5000,
    }


class Language(Part):
    """The languages, each in its own name; a choice opens the map again in it."""

    part = "language"
