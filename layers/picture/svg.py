"""The map as an SVG document: the PNG's drawing (``render.py``) as vectors and text.

Everything is taken from a :class:`MapRenderer` of the same view and size: its projection fit,
projected shapes, belt runs, label candidates and panels, so that the SVG and the PNG show the
same map. Groups are named for a designer: ``countries`` (each ``country-ISO3``), ``hatches``,
``outlines``, ``points``, ``belt``, ``labels``, then the panels ``caption``, ``legend`` and
``timeline`` (``svgpanels.py``). Text is text, in "DejaVu Sans" (the PNG's font, measured with the
same metrics), not embedded: it is on every Debian and Inkscape install, and the PDF embeds it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from html import escape

import numpy as np
import shapely

from geodata.belt import on_day
from geodata.model import Status
from geodata.timeline import status_on
from layers.labels import Obstacles, place
from layers.picture.panels import SOURCE_LINE, font
from layers.picture.render import SUPERSAMPLE, Frame, MapRenderer
from layers.picture.svgpanels import panels_svg
from layers.style import PALETTE, STATUS_STYLE

FONT_FAMILY = "'DejaVu Sans', Verdana, sans-serif"
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # no XML 1.0 character
HATCH_ALPHA = 205 / 255  # the PNG's hatch mask (render.py, _hatch)


def text(value: str) -> str:
    """*value* as XML character data or an attribute value: markup escaped, and characters XML
    cannot hold dropped (names, titles and sources come from data files)."""
    return escape(NOT_XML.sub("", value), quote=True)


def map_svg(renderer: MapRenderer, frame: Frame, size: tuple[str, str] | None = None) -> str:
    """The picture of *frame* as an SVG document, ``renderer.width`` x ``renderer.height`` user
    units (pixels); *size* (e.g. ``("297mm", "210mm")``) sets its printed size instead."""
    w, h = renderer.width, renderer.height
    width, height = size or (str(w), str(h))
    statuses = {iso3: status_on(renderer.treaty, iso3, frame.day) for iso3 in renderer.treaty.units}
    title = f"Ottawa Convention status on {frame.day.isoformat()} ({renderer.view})"
    names = placed_labels(renderer, frame.day)
    panels = panels_svg(renderer, frame)
    renderer.drawn = [name.label.text for name in names] + renderer.drawn  # as the PNG's
    return "".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'width="{width}" height="{height}" viewBox="0 0 {w} {h}" '
            f'font-family="{FONT_FAMILY}">\n',
            f"<title>{text(title)}</title>\n<desc>{text(SOURCE_LINE)}</desc>\n",
            _patterns(renderer.unit),
            f'<rect id="sea" width="{w}" height="{h}" fill="{PALETTE["sea"]}"/>\n',
            _countries(renderer, statuses),
            _points(renderer, statuses),
            _belt(renderer, frame.day),
            _labels(renderer, names),
            panels,
            "</svg>\n",
        ]
    )


def _patterns(unit: float) -> str:
    """The hatches as SVG patterns: lines 45° down to the right (and crossing), every 11 px
    along the picture's edge (render.py, _hatch), so 11/√2 px apart."""
    gap, line = 11 * unit / math.sqrt(2), round(3.2 * unit * SUPERSAMPLE) / SUPERSAMPLE
    ink = f'fill="{PALETTE["pattern-ink"]}" fill-opacity="{HATCH_ALPHA:.3f}"'
    out = ["<defs>\n"]
    for name in ("hatch", "cross"):
        crossing = f'<rect width="{line:.2f}" height="{gap:.2f}" {ink}/>' if name == "cross" else ""
        out.append(
            f'<pattern id="pattern-{name}" patternUnits="userSpaceOnUse" width="{gap:.3f}" '
            f'height="{gap:.3f}" patternTransform="rotate(45)">'
            f'<rect width="{gap:.2f}" height="{line:.2f}" {ink}/>{crossing}</pattern>\n'
        )
    out.append("</defs>\n")
    return "".join(out)


def _countries(renderer: MapRenderer, statuses: dict[str, Status]) -> str:
    """Each unit a path (holes by the even-odd rule), largest first as in the PNG; then the
    hatches and the dashed outlines over all of them, as the PNG draws them."""
    u = renderer.unit
    stroke = max(1, round(1.2 * u * SUPERSAMPLE)) / SUPERSAMPLE
    paths, hatches, outlines = [], [], []
    dash_width = 2.2 * u
    for iso3, _, polygons in renderer.shapes:
        d = _path_data(polygons, renderer.width, renderer.height)
        if not d:
            continue
        status = statuses[iso3]
        style = STATUS_STYLE[status]
        code = text(iso3)
        paths.append(
            f'<path id="country-{code}" data-iso3="{code}" data-status="{status}" '
            f'fill="{style.colour}" d="{d}"/>\n'
        )
        if style.pattern:
            hatches.append(
                f'<path data-iso3="{code}" fill="url(#pattern-{style.pattern})" d="{d}"/>\n'
            )
        if style.outline_dash:
            dashes = " ".join(
                f"{float(v) * dash_width / 1.6:.2f}" for v in style.outline_dash.split()
            )
            outlines.append(f'<path data-iso3="{code}" stroke-dasharray="{dashes}" d="{d}"/>\n')
    return "".join(
        [
            f'<g id="countries" fill-rule="evenodd" stroke="{PALETTE["border"]}" '
            f'stroke-width="{stroke:.2f}" stroke-linejoin="round">\n',
            *paths,
            '</g>\n<g id="hatches" fill-rule="evenodd" stroke="none">\n',
            *hatches,
            f'</g>\n<g id="outlines" fill="none" stroke="{PALETTE["outline"]}" '
            f'stroke-width="{dash_width:.2f}">\n',
            *outlines,
            "</g>\n",
        ]
    )


def _path_data(polygons: list, width: int, height: int) -> str:
    """SVG path data of the polygons (supersampled pixels), cut to the picture and a margin."""
    margin = 16
    window = (-margin, -margin, width + margin, height + margin)
    parts = []
    for rings in polygons:
        rings = [ring / SUPERSAMPLE for ring in rings]
        x0, y0 = rings[0].min(axis=0)
        x1, y1 = rings[0].max(axis=0)
        if x1 < window[0] or y1 < window[1] or x0 > window[2] or y0 > window[3]:
            continue
        if x0 < window[0] or y0 < window[1] or x1 > window[2] or y1 > window[3]:
            clipped = shapely.clip_by_rect(shapely.Polygon(rings[0], rings[1:]), *window)
            for part in shapely.get_parts(clipped):
                if part.geom_type == "Polygon" and not part.is_empty:
                    coords = [part.exterior.coords, *(r.coords for r in part.interiors)]
                    parts.extend(_ring(np.asarray(c)) for c in coords)
            continue
        parts.extend(_ring(ring) for ring in rings)
    return "".join(p for p in parts if p)


def _ring(points: np.ndarray) -> str:
    """A closed ring as ``M x y L ... Z``, to a tenth of a pixel, repeated points left out."""
    rounded = np.round(points, 1)
    keep = np.ones(len(rounded), bool)
    keep[1:] = np.any(rounded[1:] != rounded[:-1], axis=1)
    rounded = rounded[keep]
    if len(rounded) < 3:
        return ""
    (x0, y0), *rest = rounded.tolist()
    return f"M{x0:g} {y0:g}L" + " ".join(f"{x:g} {y:g}" for x, y in rest) + "Z"


def _points(renderer: MapRenderer, statuses: dict[str, Status]) -> str:
    radius = 5 * renderer.unit
    stroke = max(1, round(radius * SUPERSAMPLE / 4)) / SUPERSAMPLE
    out = [f'<g id="points" stroke="{PALETTE["border"]}" stroke-width="{stroke:.2f}">\n']
    w, h = renderer.size
    for iso3, (x, y) in renderer.points.items():
        if 0 <= x <= w and 0 <= y <= h:
            colour = STATUS_STYLE[statuses[iso3]].colour
            cx, cy = x / SUPERSAMPLE, y / SUPERSAMPLE
            out.append(
                f'<circle data-iso3="{text(iso3)}" cx="{cx:.1f}" cy="{cy:.1f}" '
                f'r="{radius:.2f}" fill="{colour}"/>\n'
            )
    out.append("</g>\n")
    return "".join(out)


def _belt(renderer: MapRenderer, day: dt.date) -> str:
    """Each border in its belt state, as the PNG: 'on' bold black on a halo, 'contested'
    dotted; 'off' borders are not drawn."""
    u = renderer.unit
    out = ['<g id="belt" fill="none" stroke-linejoin="round">\n']
    for pair, runs in renderer.belt_runs.items():
        state = on_day(runs, day)
        if state == "off":
            continue
        d = "".join(_line(line / SUPERSAMPLE) for line in renderer.borders[pair])
        ids = f'data-iso3="{text(pair[0])}" data-neighbour="{text(pair[1])}" data-belt="{state}"'
        if state == "on":
            out.append(
                f'<g {ids}><path stroke="{PALETTE["belt-halo"]}" stroke-width="{9 * u:.2f}" '
                f'd="{d}"/><path stroke="{PALETTE["belt"]}" stroke-width="{5 * u:.2f}" '
                f'd="{d}"/></g>\n'
            )
        else:
            dashes = f"{2 * 4 * u / 1.6:.2f} {9 * 4 * u / 1.6:.2f}"
            out.append(
                f'<path {ids} stroke="{PALETTE["belt"]}" stroke-width="{4 * u:.2f}" '
                f'stroke-dasharray="{dashes}" d="{d}"/>\n'
            )
    out.append("</g>\n")
    return "".join(out)


def _line(points: np.ndarray) -> str:
    coords = " ".join(f"{x:.1f} {y:.1f}" for x, y in points.tolist())
    return f"M{coords}"


def placed_labels(renderer: MapRenderer, day: dt.date) -> list:
    """The names placed as the PNG places them (``MapRenderer._names_layer``): the same
    candidates, font, halo, obstacles and picture size."""
    face = font(round(18 * renderer.unit), bold=True)
    halo = max(1, round(3 * renderer.unit))

    def measure(value: str) -> tuple[float, float]:
        x0, y0, x1, y1 = face.getbbox(value, anchor="mm", stroke_width=halo)
        return (x1 - x0, y1 - y0)

    def to_output(x, y) -> np.ndarray:
        return renderer.projection.metres_to_pixels(x, y) / SUPERSAMPLE

    lines = [line / SUPERSAMPLE for parts in renderer.borders.values() for line in parts]
    obstacles = Obstacles(boxes=renderer.panels.reserved, lines=lines)
    active = [label for label in renderer.labels if (label.from_day or day) <= day]
    return place(active, to_output, measure, obstacles, renderer.width, renderer.height, day)


def _labels(renderer: MapRenderer, names: list) -> str:
    """The names, each a ``<text>`` drawn twice by ``<use>``: a halo under the ink (one text to
    edit; CairoSVG has no ``paint-order``). Pillow's "mm" anchor: centred on the point between
    the font's ascender and descender."""
    size = round(18 * renderer.unit)
    ascent, descent = font(size, bold=True).getmetrics()
    halo = max(1, round(3 * renderer.unit))
    defs, halos, inks = [], [], []
    for name in names:
        key = f"label-{text(name.label.iso3)}" + ("-exclave" if "(" in name.label.text else "")
        baseline = name.y + (ascent - descent) / 2
        defs.append(
            f'<text id="{key}" x="{name.x:.1f}" y="{baseline:.1f}">{text(name.label.text)}</text>\n'
        )
        halos.append(f'<use xlink:href="#{key}" href="#{key}"/>\n')
        inks.append(f'<use xlink:href="#{key}" href="#{key}"/>\n')
    return "".join(
        [
            f'<g id="labels" font-size="{size}" font-weight="bold" text-anchor="middle">\n<defs>\n',
            *defs,
            f'</defs>\n<g class="halo" fill="{PALETTE["paper"]}" stroke="{PALETTE["paper"]}" '
            f'stroke-width="{2 * halo}" stroke-linejoin="round">\n',
            *halos,
            f'</g>\n<g class="ink" fill="{PALETTE["text"]}">\n',
            *inks,
            "</g>\n</g>\n",
        ]
    )
