"""Benchmark of the exports; the last line printed is one JSON object.

    python bench/export.py

    python bench/export.py --svg-route   # also: the rasters made from the SVG (issue 17)

Times are wall-clock seconds in this process (data already loaded): PNG is the median of three
1920x1080 images, plus one 3840x2160; the GIF and MP4 are the defaults (2025-03-01 to
2026-03-01, eastern flank, 1920x1080, 8 frames a second, 1.5 s on key events). SVG and PDF
(A4 and 16:9) are of 2026-02-20 on the eastern flank; the deck is the built-in tour.

With ``--svg-route``, the same PNG, 4K PNG and GIF made the other way: the SVG drawn for each
image (``layers/picture/svg.py``) and rasterised by resvg (``resvg_py``), to decide whether the
SVG should become the one drawing of the map.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image

import layers.export.animation as animation
from geodata import load_treaty
from geodata.geometry import load_geometry
from layers import export
from layers.export.deck import deck_bytes
from layers.export.vector import pdf_bytes, svg_bytes
from layers.tours import tour_stops


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


def vector_figures(treaty, geometry, day) -> dict:
    svg_s, svg = timed(svg_bytes, treaty, geometry, day, "eastern")
    pdf_s, pdf = timed(pdf_bytes, treaty, geometry, day, "eastern", "a4")
    pdf169_s, pdf169 = timed(pdf_bytes, treaty, geometry, day, "eastern", "16:9")
    deck_s, deck = timed(deck_bytes, treaty, geometry)
    stops = len(tour_stops(treaty))
    return {
        "svg_s": round(svg_s, 2),
        "svg_bytes": len(svg),
        "pdf_a4_s": round(pdf_s, 2),
        "pdf_a4_bytes": len(pdf),
        "pdf_16_9_s": round(pdf169_s, 2),
        "pdf_16_9_bytes": len(pdf169),
        "deck_stops": stops,
        "deck_s": round(deck_s, 2),
        "deck_s_per_stop": round(deck_s / stops, 2),
        "deck_bytes": len(deck),
    }


def svg_route_png(treaty, geometry, day, width=1920, height=1080) -> bytes:
    """A PNG as the SVG route would make it: the SVG, rasterised by resvg."""
    import resvg_py

    svg = svg_bytes(treaty, geometry, day, "eastern", width, height).decode()
    return bytes(resvg_py.svg_to_bytes(svg_string=svg))


def svg_route_gif(treaty, geometry) -> bytes:
    """``gif_bytes`` with each frame drawn as SVG and rasterised by resvg (one renderer)."""
    import resvg_py

    from layers.picture.render import MapRenderer
    from layers.picture.svg import map_svg

    start, end = export.BELT_START, export.BELT_END
    renderer = MapRenderer(
        treaty, geometry.countries, geometry.borders, "eastern", 1920, 1080, (start, end)
    )
    images, durations, palette = [], [], None
    for frame, held in animation.animation_frames(treaty, start, end):
        png = bytes(resvg_py.svg_to_bytes(svg_string=map_svg(renderer, frame)))
        image = Image.open(io.BytesIO(png)).convert("RGB")
        palette = palette or animation._palette(image)
        images.append(image.quantize(palette=palette, dither=Image.Dither.NONE))
        durations.append(1500 if held else 125)
    out = io.BytesIO()
    images[0].save(out, "GIF", save_all=True, append_images=images[1:], duration=durations, loop=0)
    return out.getvalue()


def svg_route_figures(treaty, geometry, day) -> dict:
    times = [timed(svg_route_png, treaty, geometry, day)[0] for _ in range(3)]
    png_s, png = timed(svg_route_png, treaty, geometry, day)
    png_4k_s, png_4k = timed(svg_route_png, treaty, geometry, day, 3840, 2160)
    gif_s, gif = timed(svg_route_gif, treaty, geometry)
    return {
        "svg_route_png_s": round(statistics.median([*times, png_s]), 2),
        "svg_route_png_bytes": len(png),
        "svg_route_png_4k_s": round(png_4k_s, 2),
        "svg_route_png_4k_bytes": len(png_4k),
        "svg_route_gif_frames": Image.open(io.BytesIO(gif)).n_frames,
        "svg_route_gif_s": round(gif_s, 2),
        "svg_route_gif_bytes": len(gif),
    }


def main() -> None:
    treaty, geometry = load_treaty(), load_geometry()
    day = dt.date(2026, 2, 20)
    png_times = [timed(export.png_bytes, treaty, geometry, day, "eastern")[0] for _ in range(3)]
    png_s, png = timed(export.png_bytes, treaty, geometry, day, "eastern")
    png_4k_s, png_4k = timed(export.png_bytes, treaty, geometry, day, "eastern", 3840, 2160)
    gif_s, gif = timed(export.gif_bytes, treaty, geometry)
    mp4_s, mp4 = timed(export.mp4_bytes, treaty, geometry)
    html_s, html = timed(export.html_bytes, treaty, geometry, day, "eastern")
    frames = Image.open(io.BytesIO(gif)).n_frames
    figures = {
        "png_s": round(statistics.median([*png_times, png_s]), 2),
        "png_bytes": len(png),
        "png_4k_s": round(png_4k_s, 2),
        "png_4k_bytes": len(png_4k),
        "gif_frames": frames,
        "gif_s": round(gif_s, 2),
        "gif_bytes": len(gif),
        "mp4_s": round(mp4_s, 2),
        "mp4_bytes": len(mp4),
        "html_s": round(html_s, 2),
        "html_bytes": len(html),
        **vector_figures(treaty, geometry, day),
    }
    if "--svg-route" in sys.argv[1:]:
        figures |= svg_route_figures(treaty, geometry, day)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
