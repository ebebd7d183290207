"""Vector exports: the map on a date as SVG (text as text, named groups) and as PDF for print.

The PDF is the SVG drawn by CairoSVG (Cairo embeds the subset of DejaVu Sans it uses), so the
two are one drawing. Pages: A4 landscape, or 16:9 at 960 x 540 pt (13.33 x 7.5 in: PowerPoint's
widescreen, the deck's slide). The map is laid out for the page's shape, as a PNG of that shape
would be.
"""

from __future__ import annotations

import datetime as dt
import io

from geodata.geometry import Geometry
from geodata.model import Treaty
from layers.export.images import map_renderer
from layers.i18n import speaking

# Paper -> (printed width and height, picture in pixels: 1080 high, text sized for it).
PAPERS = {
    "a4": (("297mm", "210mm"), (1527, 1080)),
    "16:9": (("960pt", "540pt"), (1920, 1080)),
}


def svg_text(
    treaty: Treaty,
    geometry: Geometry,
    day: dt.date,
    view: str = "world",
    width: int = 1920,
    height: int = 1080,
    today: dt.date | None = None,
    size: tuple[str, str] | None = None,
    lang: str = "en",
) -> str:
    """The map on *day* as an SVG document: what :func:`png_bytes` draws, in the same
    projection fit, colours, hatches, belt, names and panels. The timeline bar ends as in
    ``png_bytes`` (at ``timeline_end`` on *today*, else on *day*)."""
    from layers.picture.render import Frame
    from layers.picture.svg import map_svg

    renderer = map_renderer(treaty, geometry, view, width, height, today or day, lang)
    with speaking(lang):
        return map_svg(renderer, Frame(day), size)


def svg_bytes(
    treaty: Treaty,
    geometry: Geometry,
    day: dt.date,
    view: str = "world",
    width: int = 1920,
    height: int = 1080,
    today: dt.date | None = None,
    lang: str = "en",
) -> bytes:
    """:func:`svg_text` as UTF-8 bytes (*width* x *height* pixels)."""
    svg = svg_text(treaty, geometry, day, view, width, height, today, lang=lang)
    return svg.encode("utf-8")


def pdf_bytes(
    treaty: Treaty,
    geometry: Geometry,
    day: dt.date,
    view: str = "world",
    paper: str = "a4",
    today: dt.date | None = None,
    lang: str = "en",
) -> bytes:
    """The map on *day* as a one-page PDF on *paper* (``"a4"`` landscape or ``"16:9"``), fonts
    embedded, with its title, date and source in the document's metadata."""
    if paper not in PAPERS:
        raise ValueError(f"paper {paper!r} is not one of {', '.join(PAPERS)}")
    import cairocffi
    import cairosvg

    from layers.picture.panels import SOURCE_LINE

    printed, (width, height) = PAPERS[paper]
    svg = svg_text(treaty, geometry, day, view, width, height, today, printed, lang)
    out = io.BytesIO()
    surface = cairosvg.surface.PDFSurface(cairosvg.parser.Tree(bytestring=svg.encode()), out, 96)
    metadata = {
        cairocffi.PDF_METADATA_TITLE: f"Ottawa Convention status on {day.isoformat()} ({view})",
        cairocffi.PDF_METADATA_SUBJECT: SOURCE_LINE,
        cairocffi.PDF_METADATA_CREATOR: "Mine Ban Treaty Map",
        cairocffi.PDF_METADATA_KEYWORDS: f"date={day.isoformat()}",
    }
    for key, value in metadata.items():
        surface.cairo.set_metadata(key, value)
    surface.finish()
    return out.getvalue()
