"""PNG exports: the map on a date, and two dates side by side."""

from __future__ import annotations

import datetime as dt
import io

from geodata.geometry import Geometry
from geodata.model import OPENED, Treaty
from layers.views import timeline_end

# Pillow, numpy and the renderer are imported by the functions that draw, not here: the app
# imports this package at start-up, before the map is sent.


def png_bytes(
    treaty: Treaty,
    geometry: Geometry,
    day: dt.date,
    view: str = "world",
    width: int = 1920,
    height: int = 1080,
    today: dt.date | None = None,
    lang: str = "en",
) -> bytes:
    """The map on *day* as a PNG, its words in *lang*, with its date, title and source in the
    PNG's text chunks.

    The timeline bar ends where the app's slider does on *today* (``timeline_end``); without
    *today*, at the data's last dated event (or *day*, if later). The clock is never read: the
    same arguments give the same bytes on any day.
    """
    from layers.picture.render import Frame

    renderer = map_renderer(treaty, geometry, view, width, height, today or day, lang)
    return _png(renderer.image(Frame(day)), day, view)


def map_renderer(
    treaty: Treaty, geometry: Geometry, view: str, width: int, height: int, last, lang="en"
):
    """The renderer of *view* at *width* x *height* in *lang*, its timeline bar ending where the
    app's slider does on *last* (``timeline_end``): shared by the PNG and the SVG exports."""
    from layers.picture.render import MapRenderer

    span = (OPENED, timeline_end(treaty, last))
    countries, borders = geometry.countries, geometry.borders
    return MapRenderer(treaty, countries, borders, view, width, height, span, lang)


def compare_png_bytes(
    treaty: Treaty,
    geometry: Geometry,
    first: dt.date,
    second: dt.date,
    view: str = "eastern",
    width: int = 1600,
    height: int = 900,
    today: dt.date | None = None,
    lang: str = "en",
) -> bytes:
    """Two dates side by side in one PNG (each map *width* x *height*); the timeline bar ends as
    in :func:`png_bytes` (at the later of the two dates if no *today* is given)."""
    from PIL import Image

    from layers.picture.render import Frame

    last = today or max(first, second)
    renderer = map_renderer(treaty, geometry, view, width, height, last, lang)
    both = Image.new("RGB", (2 * width, height))
    both.paste(renderer.image(Frame(first)), (0, 0))
    both.paste(renderer.image(Frame(second)), (width, 0))
    return _png(both, second, view, f"Ottawa Convention status on {first} and on {second}")


def _png(image, day: dt.date, view: str, title: str | None = None) -> bytes:
    from PIL import PngImagePlugin

    from layers.picture.render import SOURCE_LINE

    info = PngImagePlugin.PngInfo()
    info.add_text("Title", title or f"Ottawa Convention status on {day.isoformat()} ({view})")
    info.add_text("Date", day.isoformat())
    info.add_text("Source", SOURCE_LINE)
    info.add_text("Software", "Mine Ban Treaty Map")
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=info, optimize=False, compress_level=6)
    return out.getvalue()
