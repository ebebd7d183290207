"""Every text of the picture's panels fits its panel, at every size offered, on the dates with
the longest captions and sources (found from the data) and on 2026-02-20; and the panels never
take more room than the map was fitted beside."""

from __future__ import annotations

import datetime as dt

import pytest
from PIL import Image

from geodata.belt import measured, population, totals_runs
from geodata.geometry import load_geometry
from geodata.model import OPENED
from geodata.timeline import dated_events
from layers.i18n import LANGUAGES, event_title, long_date, speaking
from layers.picture.panels import Panels, font, wrap
from layers.picture.render import Frame, MapRenderer

# The PNG sizes offered, the GIF/MP4 frame (1920x1080) and the comparison PNG's maps (1600x900).
SIZES = [(1920, 1080), (2560, 1440), (3840, 2160), (1600, 900)]
SPAN = (OPENED, dt.date(2026, 2, 20))


@pytest.fixture(scope="module")
def belts(treaty):
    geometry = load_geometry()
    lengths = measured(geometry.borders)
    return totals_runs(treaty, lengths, population(geometry.countries))


def hardest_events(treaty, lang="en"):
    """The events with the longest title (in *lang*) and the longest source, and Poland's exit."""
    events = [e for e in dated_events(treaty) if e.precision == "day"]
    longest_title = max(events, key=lambda e: len(event_title(e, lang)))
    longest_source = max(events, key=lambda e: len(e.source))
    poland = next(e for e in events if e.day == dt.date(2026, 2, 20) and e.iso3 == "POL")
    return [longest_title, longest_source, poland]


def inside(box, panel) -> bool:
    return panel[0] <= box[0] and panel[1] <= box[1] and box[2] <= panel[2] and box[3] <= panel[3]


@pytest.mark.parametrize("lang", list(LANGUAGES))
@pytest.mark.parametrize("size", SIZES)
def test_every_text_lies_inside_its_panel(treaty, belts, size, lang):
    with speaking(lang):  # the words, and so the panels' sizes, of that language
        check_panels(treaty, belts, size, lang)


def check_panels(treaty, belts, size, lang):
    panels = Panels(treaty, *size, SPAN, [totals for _, totals in belts])
    checked = 0
    for event in hardest_events(treaty, lang):
        # The longest day of the language's months (Finnish "syyskuuta", Lithuanian "rugsėjo").
        longest_day = max(
            (dt.date(2025, month, 28) for month in range(1, 13)),
            key=lambda d: font(64).getlength(long_date(d, lang)),
        )
        for day in (event.day, dt.date(2026, 2, 20), longest_day):
            drawn, boxes = [], []
            belt = next(t for first, t in reversed(belts) if first <= day)
            panels.draw(Image.new("RGB", (1, 1)), day, event, belt, drawn, boxes)
            for text, box, panel in boxes:
                assert panel is not None and inside(box, panel), (size, day, text, box, panel)
            for name, box in panels.boxes:  # as drawn: within the room kept for them
                reserved = dict(
                    zip(("caption", "legend", "timeline"), panels.reserved, strict=True)
                )
                assert inside(box, reserved[name]), (size, name)
            checked += len(boxes)
    assert checked > 100


def test_the_belt_figures_are_whole_at_1080(treaty):
    """The legend once cut this line short ("3,087 km measur", 2026-02-20, 1920x1080)."""
    geometry = load_geometry()
    day = dt.date(2026, 2, 20)
    renderer = MapRenderer(
        treaty, geometry.countries, geometry.borders, "eastern", 1920, 1080, (OPENED, day)
    )
    renderer.image(Frame(day))
    row = "Belt: 3,654 km published, 3,087 km measured"
    box, panel = next((b, p) for text, b, p in renderer.text_boxes if text == row)
    assert inside(box, panel)
    # The caption's title and source are there in full, wrapped.
    assert "Poland's withdrawal takes effect; it is no longer" in renderer.drawn


def test_wrap_breaks_at_spaces_and_marks_what_it_leaves_out():
    face = font(20)
    width = max(face.getlength("alpha beta"), face.getlength("gamma delta"))
    assert wrap("alpha beta gamma delta", face, width, 3) == ["alpha beta", "gamma delta"]
    assert wrap("alpha beta gamma delta epsilon zeta", face, width, 2) == [
        "alpha beta",
        "gamma [...]",
    ]
    long = wrap("x" * 40, face, face.getlength("x" * 10), 5)
    assert long == ["x" * 10] * 4  # a word too long for a row is broken


def test_every_caption_of_the_data_fits_at_1080(treaty, belts):
    """Every event's caption (title and source wrapped by width), measured on a 1-pixel canvas:
    the boxes depend on the panels' layout only."""
    panels = Panels(treaty, 1920, 1080, SPAN, [totals for _, totals in belts])
    for event in (e for e in dated_events(treaty) if e.precision == "day"):
        boxes = []
        panels.draw(Image.new("RGB", (1, 1)), event.day, event, belts[-1][1], [], boxes)
        for text, box, panel in boxes:
            assert inside(box, panel), (event.day, text)
