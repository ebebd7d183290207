"""Draw the map as an image with Pillow: the same look as the web map, for PNG, GIF and MP4.

Shapes are projected once per view and size (``projection.py``); a frame then fills each unit
with its status's colour or pattern from STATUS_STYLE, draws the belt (looked up in the runs
``geodata.belt`` computes once), and lays the panels over it (``panels.py``). The map layer is
cached by the statuses it shows, so frames between events only redraw text.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from geodata.belt import measured, on_day, pair_runs, population, totals_runs
from geodata.model import Event, Status, Treaty
from geodata.timeline import status_on
from layers.picture.panels import SOURCE_LINE, Panels, font, rgb
from layers.picture.projection import (
    WebMercatorFit,
    project_countries,
    project_lines,
    project_points,
)
from layers.style import PALETTE, STATUS_STYLE
from layers.views import VIEWS

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
        A key of ``layers.views.VIEWS``.
    width, height
        Output size in pixels; text scales with the height (designed at 1080).
    span
        First and last day of the timeline bar drawn at the bottom.

    Attributes
    ----------
    drawn
        Every string drawn on the last image, in drawing order (cleared for each image).
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
    ):
        self.treaty, self.view, self.span = treaty, view, span
        self.width, self.height = width, height
        self.unit = height / 1080
        self.size = (width * SUPERSAMPLE, height * SUPERSAMPLE)
        bottom = 120 * self.unit * SUPERSAMPLE  # keep the timeline bar off the view
        self.projection = WebMercatorFit(VIEWS[view], self.size, bottom)
        self.shapes = project_countries(self.projection, countries)
        self.points = project_points(self.projection, countries)
        self.borders = project_lines(self.projection, borders)
        lengths = measured(borders)
        self.belt_runs = pair_runs(treaty, lengths)
        self.totals_runs = totals_runs(treaty, lengths, population(countries))
        self.panels = Panels(treaty, width, height, span)
        self.drawn: list[str] = []
        self._maps: dict[tuple, Image.Image] = {}

    def image(self, frame: Frame) -> Image.Image:
        """The finished image for *frame*, at the output size."""
        statuses = {iso3: status_on(self.treaty, iso3, frame.day) for iso3 in self.treaty.units}
        belt = {pair: on_day(runs, frame.day) for pair, runs in self.belt_runs.items()}
        key = tuple(sorted(statuses.items()))
        if key not in self._maps:
            self._maps = {key: self._draw_map(statuses, belt)}  # one kept: frames come in order
        picture = self._maps[key].copy()
        self.drawn = []
        totals = on_day(self.totals_runs, frame.day)
        self.panels.draw(picture, frame.day, frame.event, totals, self.drawn)
        return picture

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
