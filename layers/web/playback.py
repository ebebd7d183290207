"""The client-side playback control: the page's one date control."""

from __future__ import annotations

from layers.web.element import TemplateElement

# (label, days per second). Playback runs in the browser and paints a new date at most every
# PAINT_MS (see playback.js.j2): 30 frames a second on a 60 Hz screen.
SPEEDS = (("1 week/s", 7), ("1 month/s", 30), ("3 months/s", 91), ("1 year/s", 365))
PAINT_MS = 29  # two 60 Hz frames (33.3 ms) minus a margin for timer jitter


class Playback(TemplateElement):
    """Slider with event ticks, play/pause, speed, previous/next event, views and keyboard.

    Inside Streamlit it speaks the components v1 protocol: it reports ``{date, view}`` when the
    date settles (pause, scrub end, step) and follows a date the app sets. Standalone it works
    alone.
    """

    template_name = "playback.js.j2"

    def __init__(self, default_speed: int = 3):
        super().__init__()
        self.speeds = SPEEDS
        self.default_speed = default_speed
        self.paint_ms = PAINT_MS
        self.belt_speed = 30  # "Play the belt" runs at a month per second at most: about 12 s.
        self.reduced_motion_ms = 1500
        self.report_delay_ms = 150  # a step or scrub is reported once no other follows in this time
        self.tour_pace = 5  # seconds on each stop of the guided tour
