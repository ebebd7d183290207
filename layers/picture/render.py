"""Draw the map as an image with Pillow: the same look as the web map, for PNG, GIF and MP4.

Shapes are projected once per view and size (``projection.py``); a frame then fills each unit
with its status's colour or pattern from STATUS_STYLE, draws the belt (looked up in the runs
``geodata.belt`` computes once), and lays the panels over it (``panels.py``). The map layer is
cached by the statuses it shows, so frames between events only redraw text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import math
from dataclasses import dataclass

import numpy as np
import shapely
import shapely.ops
from PIL import Image, ImageDraw

from geodata.belt import measured, on_day, pair_runs, population, totals_runs
from geodata.model import Event, Status, Treaty
from geodata.timeline import status_on
from layers.i18n import speaking
from layers.labels import Label, Obstacles, candidates, place
from layers.picture.panels import SOURCE_LINE, Panels, font, rgb
from layers.picture.projection import (
    ViewFit,
    extent_aspect,
    free_rectangle,
    project_countries,
    project_lines,
    project_points,
)
from layers.style import PALETTE, STATUS_STYLE

__all__ = ["SOURCE_LINE", "SUPERSAMPLE", "Frame", "MapRenderer", "font", "rgb"]

SUPERSAMPLE = 2  # shapes are drawn at twice the size and scaled down: smooth edges


@dataclass
class Frame:
    """What one image shows: a day, and the event its caption explains (default: the latest)."""

    day: dt.date
    event: Event | None = None


class MapRenderer:
    """Images of the map for one view and size.

    Parameters
    ----------
    treaty, countries, borders
        The validated tables and the two GeoJSON layers from ``geodata``.
    view
        A key of ``layers.views.VIEWS``: its projection and extent (``VIEW_EXTENTS``) are fitted
        into the part of the picture the panels leave free.
    width, height
        Output size in pixels; text scales with the height (designed at 1080).
    span
        First and last day of the timeline bar drawn at the bottom.

    Attributes
    ----------
    drawn
        Every string drawn on the last image, in drawing order (cleared for each image): the
        country names first, then the panels'.
    text_boxes
        ``(text, box, panel box)`` of every string of the panels on the last image (pixels).
    free
        The rectangle of the picture (output pixels) the view's extent is fitted into.
    projection
        Longitude and latitude to pixels of the supersampled canvas (``to_pixels``).
    """

    def __init__(
        self,
        treaty: Treaty,
        countries: dict,
        borders: dict,
        view: str,
        width: int,
        height: int,
        span: tuple[dt.date, dt.date],
        lang: str = "en",
    ):
        with speaking(lang):  # the panels' sizes and the names depend on the words
            self._build(treaty, countries, borders, view, width, height, span, lang)

    def _build(self, treaty, countries, borders, view, width, height, span, lang) -> None:
        self.treaty, self.view, self.span, self.lang = treaty, view, span, lang
        self.width, self.height = width, height
        self.unit = height / 1080
        self.size = (width * SUPERSAMPLE, height * SUPERSAMPLE)
        lengths = measured(borders)
        self.belt_runs = pair_runs(treaty, lengths)
        self.totals_runs = totals_runs(treaty, lengths, population(countries))
        belts = [totals for _, totals in self.totals_runs]
        self.panels = Panels(treaty, width, height, span, belts)
        self.free = self._free_rectangle()
        self.projection = ViewFit(view, tuple(v * SUPERSAMPLE for v in self.free))
        self.shapes = project_countries(self.projection, countries)
        self.points = project_points(self.projection, countries)
        self.borders = project_lines(self.projection, borders)
        labels = candidates(treaty, countries, view, lang)
        self.labels = [self._visible(label) for label in labels]
        self.drawn: list[str] = []
        self.text_boxes: list = []
        self._maps: dict[tuple, Image.Image] = {}
        self._names: dict[tuple, tuple[Image.Image, list[str]]] = {}

    def _free_rectangle(self) -> tuple[float, float, float, float]:
        """Where the view goes: the largest rectangle for its extent beside the panels' largest
        boxes, less a margin of 12 px (at 1080) all round."""
        margin = 12 * self.unit
        x0, y0, x1, y1 = free_rectangle(
            self.width, self.height, list(self.panels.reserved), extent_aspect(self.view)
        )
        return (x0 + margin, y0 + margin, x1 - margin, y1 - margin)

    def image(self, frame: Frame) -> Image.Image:
        """The finished image for *frame*, at the output size, in the renderer's language."""
        with speaking(self.lang):
            return self._image(frame)

    def _image(self, frame: Frame) -> Image.Image:
        statuses = {iso3: status_on(self.treaty, iso3, frame.day) for iso3 in self.treaty.units}
        belt = {pair: on_day(runs, frame.day) for pair, runs in self.belt_runs.items()}
        names, texts = self._names_layer(frame.day)
        key = (tuple(sorted(statuses.items())), id(names))
        if key not in self._maps:
            base = self._draw_map(statuses, belt)
            base.paste(names, (0, 0), names)
            self._maps = {key: base}  # one kept: frames come in order
        picture = self._maps[key].copy()
        self.drawn = list(texts)
        self.text_boxes = []
        totals = on_day(self.totals_runs, frame.day)
        self.panels.draw(picture, frame.day, frame.event, totals, self.drawn, self.text_boxes)
        return picture

    def _names_layer(self, day: dt.date) -> tuple[Image.Image, list[str]]:
        """The country names as a transparent layer at the output size, and their texts: placed
        and drawn once per set of names (a State is named from its independence on)."""
        active = tuple(label for label in self.labels if (label.from_day or day) <= day)
        if active not in self._names:
            face = font(round(18 * self.unit), bold=True)
            halo = max(1, round(3 * self.unit))

            def measure(text: str) -> tuple[float, float]:
                x0, y0, x1, y1 = face.getbbox(text, anchor="mm", stroke_width=halo)
                return (x1 - x0, y1 - y0)

            lines = [line / SUPERSAMPLE for parts in self.borders.values() for line in parts]
            obstacles = Obstacles(boxes=self.panels.reserved, lines=lines)
            size = (self.width, self.height)
            placed = place(active, self._metres_to_output, measure, obstacles, *size, day)
            layer = Image.new("RGBA", (self.width, self.height), (0, 0, 0, 0))
            draw = ImageDraw.Draw(layer)
            ink, paper = rgb(PALETTE["text"]), rgb(PALETTE["paper"])
            for name in placed:
                xy, text = (name.x, name.y), name.label.text
                draw.text(xy, text, ink, face, "mm", stroke_width=halo, stroke_fill=paper)
            self._names[active] = (layer, [name.label.text for name in placed])
        return self._names[active]

    def _visible(self, label: Label) -> Label:
        """*label*, moved (if it is always named and its point lies under a panel or off the
        picture: Russia's, east of the Urals) to the middle of the part of its unit in view."""
        x, y = self._metres_to_output([label.x], [label.y])[0]
        panels = shapely.union_all([shapely.box(*box) for box in self.panels.reserved])
        in_view = shapely.box(0, 0, self.width, self.height).difference(panels)
        if not label.always or in_view.contains(shapely.Point(x, y)):
            return label
        polygons = next((p for iso3, _, p in self.shapes if iso3 == label.iso3), [])
        unit = shapely.MultiPolygon(
            [
                shapely.Polygon(rings[0] / SUPERSAMPLE, [r / SUPERSAMPLE for r in rings[1:]])
                for rings in polygons
            ]
        ).buffer(0)
        part = unit.intersection(in_view)
        if part.is_empty:
            return label
        largest = max(shapely.get_parts(part), key=lambda p: p.area)
        centre = shapely.ops.polylabel(largest, 2.0)
        (mx,), (my,) = self._output_to_metres([centre.x], [centre.y])
        return dataclasses.replace(label, x=float(mx), y=float(my))

    def _output_to_metres(self, x, y):
        return self.projection.pixels_to_metres(
            np.asarray(x, float) * SUPERSAMPLE, np.asarray(y, float) * SUPERSAMPLE
        )

    def _metres_to_output(self, x, y) -> np.ndarray:
        return self.projection.metres_to_pixels(x, y) / SUPERSAMPLE

    def _draw_map(self, statuses: dict[str, Status], belt: dict) -> Image.Image:
        big = Image.new("RGB", self.size, rgb(PALETTE["sea"]))
        draw = ImageDraw.Draw(big)
        line = max(1, round(1.2 * self.unit * SUPERSAMPLE))
        patterned: dict[Status, list] = {}
        for iso3, _, polygons in self.shapes:
            status = statuses[iso3]
            style = STATUS_STYLE[status]
            for rings in polygons:
                draw.polygon(
                    _flat(rings[0]),
                    fill=rgb(style.colour),
                    outline=rgb(PALETTE["border"]),
                    width=line,
                )
                for hole in rings[1:]:
                    draw.polygon(_flat(hole), fill=rgb(PALETTE["sea"]))
            if style.pattern:
                patterned.setdefault(status, []).extend(polygons)
        for status, polygons in patterned.items():
            self._hatch(big, polygons, STATUS_STYLE[status].pattern)
        self._draw_outlines(draw, statuses)
        self._draw_points(draw, statuses)
        self._draw_belt(draw, belt)
        return big.resize((self.width, self.height), Image.Resampling.LANCZOS)

    def _draw_outlines(self, draw: ImageDraw.ImageDraw, statuses: dict[str, Status]) -> None:
        """The dashed outline of the statuses that have one (a State on its way out)."""
        colour, width = rgb(PALETTE["outline"]), 2.2 * self.unit * SUPERSAMPLE
        for iso3, _, polygons in self.shapes:
            dash = STATUS_STYLE[statuses[iso3]].outline_dash
            if dash:
                for rings in polygons:
                    _dashed(draw, rings[0], dash, colour, width, closed=True)

    def _hatch(self, big: Image.Image, polygons: list, pattern: str) -> None:
        """White diagonal lines (and crossing ones) over the polygons of one status."""
        mask = Image.new("L", self.size, 0)
        draw = ImageDraw.Draw(mask)
        for rings in polygons:
            draw.polygon(_flat(rings[0]), fill=205)
            for hole in rings[1:]:
                draw.polygon(_flat(hole), fill=0)
        lines = Image.new("L", self.size, 0)
        ink = ImageDraw.Draw(lines)
        step = 11 * self.unit * SUPERSAMPLE
        width = max(1, round(3.2 * self.unit * SUPERSAMPLE))
        w, h = self.size
        offsets = np.arange(-h, w, step)
        for x in offsets:
            ink.line([(x, 0), (x + h, h)], fill=255, width=width)
            if pattern == "cross":
                ink.line([(x + h, 0), (x, h)], fill=255, width=width)
        mask = Image.fromarray(
            (np.asarray(mask, np.uint16) * np.asarray(lines) // 255).astype(np.uint8)
        )
        big.paste(rgb(PALETTE["pattern-ink"]), (0, 0), mask)

    def _draw_points(self, draw: ImageDraw.ImageDraw, statuses: dict[str, Status]) -> None:
        radius = 5 * self.unit * SUPERSAMPLE
        for iso3, (x, y) in self.points.items():
            if not (0 <= x <= self.size[0] and 0 <= y <= self.size[1]):
                continue
            colour = rgb(STATUS_STYLE[statuses[iso3]].colour)
            draw.ellipse(
                [x - radius, y - radius, x + radius, y + radius],
                fill=colour,
                outline=rgb(PALETTE["border"]),
                width=max(1, round(radius / 4)),
            )

    def _draw_belt(self, draw: ImageDraw.ImageDraw, belt: dict[tuple[str, str], str]) -> None:
        """Each border in its belt state: 'on' bold black on a halo, 'contested' dotted."""
        s = self.unit * SUPERSAMPLE
        for pair, state in belt.items():
            for line in self.borders[pair]:
                if state == "on":
                    halo, ink = rgb(PALETTE["belt-halo"]), rgb(PALETTE["belt"])
                    draw.line(_flat(line), fill=halo, width=round(9 * s), joint="curve")
                    draw.line(_flat(line), fill=ink, width=round(5 * s), joint="curve")
                elif state == "contested":
                    _dashed(draw, line, "2 9", rgb(PALETTE["belt"]), 4 * s)


def _flat(points: np.ndarray) -> list[float]:
    return points.ravel().tolist()


def _dashed(
    draw, points: np.ndarray, dash: str, colour, width: float, closed: bool = False
) -> None:
    """A polyline drawn with an SVG-style dash array (lengths scaled by the line width)."""
    pattern = [float(v) * width / 1.6 for v in dash.split()]
    if closed:
        points = np.vstack([points, points[:1]])
    segment, on = 0, True
    remaining = pattern[0]
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        length = math.hypot(bx - ax, by - ay)
        start = 0.0
        while length - start > 1e-9:
            step = min(remaining, length - start)
            if on:
                t0, t1 = start / length, (start + step) / length
                draw.line(
                    [
                        (ax + (bx - ax) * t0, ay + (by - ay) * t0),
                        (ax + (bx - ax) * t1, ay + (by - ay) * t1),
                    ],
                    fill=colour,
                    width=max(1, round(width)),
                )
            start += step
            remaining -= step
            if remaining <= 1e-9:
                segment = (segment + 1) % len(pattern)
                remaining, on = pattern[segment], not on
