"""The deck: a tour as a 16:9 PowerPoint file (python-pptx), for the slide software a presenter's
organisation uses.

A title slide; one slide per stop (the map of its date and view as a full-bleed 1920x1080 PNG
drawn as ``png_bytes`` draws it, one renderer a view, with the caption, legend and source
line; the stop's title as the slide's title, in a box beside the part of the map the view is
for); a last slide of sources and licences. Each slide's notes hold the stop's note and
that day's events with their sources.
"""

from __future__ import annotations

import datetime as dt
import io

from geodata.geometry import Geometry
from geodata.model import Precision, Treaty
from geodata.timeline import all_events, latest_event
from layers.export.images import _png, map_renderer
from layers.i18n import _, event_title, language, speaking
from layers.picture.render import Frame, MapRenderer
from layers.style import PALETTE
from layers.tours import Stop, tour_stops
from layers.views import VIEW_LABELS

PICTURE = (1920, 1080)  # pixels of each map; the slide is 13.33 x 7.5 in, so 144 dpi
SLIDE_EMU = (12_192_000, 6_858_000)


def words() -> dict:
    """The deck's own words in the current language (layers/i18n.py)."""
    return {
        "title": _("Leaving the Mine Ban Treaty: the eastern flank"),
        "subtitle": _("{first} to {last} · {count} stops · Mine Ban Treaty Map"),
        "events": _("Events on {day}:"),
        "no_event": _(
            "No event on {day}; the latest before it: {title} ({label}; source: {source})"
        ),
        "sources": _("Sources and licences"),
        "alt": _("Map of the Ottawa Convention's status on {day} ({view}). {caption}"),
        "licences": [
            _("Boundaries: Natural Earth 1:10m Admin 0, public domain (naturalearthdata.com)."),
            _(
                "Treaty data: UNODA treaty status, ICBL Landmine Monitor, national gazettes and "
                "government statements; each row cites its source (geodata/SOURCES.md)."
            ),
            _("Text set in DejaVu Sans (Bitstream Vera licence)."),
            _("Made with the Mine Ban Treaty Map; statuses by Arts. 17 and 20 of the Convention."),
        ],
        "cited": _(
            "The {count} sources of this tour's events: in these notes, and each with its "
            "event in the notes of its slide."
        ),
    }


def deck_bytes(
    treaty: Treaty,
    geometry: Geometry,
    stops: list[Stop] | None = None,
    lang: str = "en",
    title: str | None = None,
    today: dt.date | None = None,
) -> bytes:
    """The tour *stops* (default: the built-in tour, ``tour_stops``) as a PPTX file.

    The maps' timeline bars end as in ``png_bytes`` on *today* (default: the last stop's date);
    the clock is not read.
    """
    from pptx import Presentation

    stops = tour_stops(treaty) if stops is None else list(stops)
    if not stops:
        raise ValueError("a tour needs at least one stop")
    today = today or max(stop.day for stop in stops)
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_EMU
    with speaking(lang):
        said = words()
        _properties(deck, title or said["title"])
        _title_slide(deck, title or said["title"], stops, said)
        # One renderer a view, shared by its slides (its projection, names and panels' boxes).
        renderers: dict[str, MapRenderer] = {}
        for stop in stops:
            if stop.view not in renderers:
                renderers[stop.view] = map_renderer(
                    treaty, geometry, stop.view, *PICTURE, today, lang
                )
            _stop_slide(deck, treaty, stop, renderers[stop.view], said)
        _sources_slide(deck, treaty, stops, said)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def _properties(deck, title: str) -> None:
    from layers.picture.panels import SOURCE_LINE

    props = deck.core_properties
    props.title, props.subject = title, SOURCE_LINE
    props.author = props.last_modified_by = "Mine Ban Treaty Map"


def _colour(name: str):
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(PALETTE[name][1:])


def _title_slide(deck, title: str, stops: list[Stop], words: dict) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[0])
    slide.shapes.title.text = title
    first, last = min(s.day for s in stops), max(s.day for s in stops)
    subtitle = words["subtitle"].format(first=first, last=last, count=len(stops))
    slide.placeholders[1].text = subtitle
    slide.notes_slide.notes_text_frame.text = subtitle


def _title_box(renderer: MapRenderer) -> tuple[float, float, float, float]:
    """Where a stop's title goes on the picture (pixels): beside the rectangle the view is
    fitted into (``MapRenderer.free``), above the timeline bar, under the caption: the part of
    the map no panel covers and the view is not for. If the view leaves no room beside it (the
    world), across the caption's width, just above the timeline bar."""
    caption, _legend, timeline = renderer.panels.reserved
    margin = 12
    right = min(caption[2], renderer.free[0] - margin)
    if right - caption[0] < 360:
        right = caption[2]
    bottom = timeline[1] - margin
    return (caption[0], max(caption[3] + margin, bottom - 170), right, bottom)


def _emu(box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    sx, sy = SLIDE_EMU[0] / PICTURE[0], SLIDE_EMU[1] / PICTURE[1]
    x0, y0, x1, y1 = box
    return round(x0 * sx), round(y0 * sy), round((x1 - x0) * sx), round((y1 - y0) * sy)


def _stop_slide(deck, treaty, stop: Stop, renderer: MapRenderer, words: dict) -> None:
    from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
    from pptx.util import Pt

    box = _title_box(renderer)
    slide = deck.slides.add_slide(deck.slide_layouts[5])  # "Title Only"
    data = _png(renderer.image(Frame(stop.day)), stop.day, stop.view)
    picture = slide.shapes.add_picture(io.BytesIO(data), 0, 0, *SLIDE_EMU)
    picture.name = f"Map {stop.day.isoformat()}"
    alt = words["alt"].format(
        day=stop.day, view=_(VIEW_LABELS.get(stop.view, stop.view)), caption=_caption(treaty, stop)
    )
    picture._element.nvPicPr.cNvPr.set("descr", alt)
    tree = slide.shapes._spTree  # the picture goes under the title: first after the group props
    tree.remove(picture._element)
    tree.insert(2, picture._element)
    heading = slide.shapes.title
    heading.left, heading.top, heading.width, heading.height = _emu(box)
    heading.fill.solid()
    heading.fill.fore_color.rgb = _colour("paper")
    frame = heading.text_frame
    frame.text, frame.word_wrap = stop.title, True
    frame.auto_size, frame.vertical_anchor = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE, MSO_ANCHOR.MIDDLE
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.size, run.font.bold = Pt(24 if len(stop.title) < 90 else 16), True
            run.font.color.rgb = _colour("text")
    slide.notes_slide.notes_text_frame.text = _notes(treaty, stop, words)


def _caption(treaty: Treaty, stop: Stop) -> str:
    """What the picture's caption says: the latest event and its source."""
    event = latest_event(treaty, stop.day)
    if event is None:
        return ""
    title = event_title(event, language())
    return _(
        "Latest event, {date}: {title}. Source: {source}.",
        date=event.label,
        title=title,
        source=event.source,
    )


def day_events(treaty: Treaty, day: dt.date) -> list:
    """The day-precise events of *day*, in the timeline's order."""
    return [e for e in all_events(treaty) if e.precision is Precision.DAY and e.day == day]


def _notes(treaty: Treaty, stop: Stop, words: dict) -> str:
    lines = [stop.note, ""] if stop.note else []
    events = day_events(treaty, stop.day)
    if events:
        lines.append(words["events"].format(day=stop.day.isoformat()))
        lines += [
            "- "
            + _("{title} (source: {source})", title=event_title(e, language()), source=e.source)
            for e in events
        ]
    else:
        latest = latest_event(treaty, stop.day)
        if latest:
            lines.append(
                words["no_event"].format(
                    day=stop.day,
                    title=event_title(latest, language()),
                    label=latest.label,
                    source=latest.source,
                )
            )
    return "\n".join(lines)


def _sources_slide(deck, treaty: Treaty, stops: list[Stop], words: dict) -> None:
    """Licences and where the sources are on the slide; every source the tour's events cite in
    its notes (a tour of 19 dates cites some 30: too many to read on a slide)."""
    from pptx.util import Pt

    slide = deck.slides.add_slide(deck.slide_layouts[1])  # "Title and Content"
    slide.shapes.title.text = words["sources"]
    cited = list(dict.fromkeys(e.source for s in stops for e in day_events(treaty, s.day)))
    body = slide.placeholders[1].text_frame
    body.text = words["licences"][0]
    for line in [*words["licences"][1:], words["cited"].format(count=len(cited))]:
        body.add_paragraph().text = line
    for paragraph in body.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(20)
    notes = [*words["licences"], words["cited"].format(count=len(cited)), *cited]
    slide.notes_slide.notes_text_frame.text = "\n".join(notes)
