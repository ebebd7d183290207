"""Draw the map as an image with Pillow: the same look as the web map, for PNG, GIF and MP4.

Shapes are projected once per view and size (Web Mercator, fitted to the view as Leaflet's
``fitBounds`` does); a frame then fills each unit with its status's colour or pattern from
STATUS_STYLE, draws the belt, and lays the date, caption, legend, timeline and source line over
it. The map layer is cached by the statuses it shows, so frames between events only redraw text.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import textwrap
from dataclasses import dataclass
from functools import cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from geodata.belt import BeltPair, BeltTotals, belt_pairs, belt_totals, measured
from geodata.model import Event, Status, Treaty
from geodata.timeline import counts_on, latest_event, status_on
from layers.paths import ASSETS
from layers.style import PALETTE, STATUS_STYLE
from layers.views import VIEWS

SUPERSAMPLE = 2  # shapes are drawn at twice the size and scaled down: smooth edges
SOURCE_LINE = (
    "Mine Ban Treaty Map · statuses by Arts. 17 and 20 of the Ottawa Convention · treaty data: "
    "UNODA, ICBL, national gazettes (geodata/SOURCES.md) · boundaries: Natural Earth 1:10m"
)


@cache
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(ASSETS / "fonts" / name), size)


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def mercator(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Web Mercator in units of the world's width (0..1, y down)."""
    lat = np.clip(lat, -85.0, 85.0)
    y = 0.5 - np.log(np.tan(np.pi / 4 + np.radians(lat) / 2)) / (2 * np.pi)
    return (lon + 180.0) / 360.0, y


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
        A key of ``layers.web.payload.VIEWS``.
    width, height
        Output size in pixels; text scales with the height (designed at 1080).
    span
        First and last day of the timeline bar drawn at the bottom.
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
        self._fit()
        self.shapes = self._project_countries(countries)
        self.points = {
            f["properties"]["iso3"]: self._to_pixels(*np.array([f["properties"]["point"]]).T)[0]
            for f in countries["features"]
            if "point" in f["properties"]
        }
        self.borders = {
            (f["properties"]["iso3"], f["properties"]["neighbour"]): self._project_lines(
                f["geometry"]
            )
            for f in borders["features"]
        }
        self.lengths = measured(borders)
        self._maps: dict[tuple, Image.Image] = {}

    # ---- projection -------------------------------------------------------------------------

    def _fit(self) -> None:
        (south, west), (north, east) = VIEWS[self.view]
        x0, y1 = mercator(np.array([west]), np.array([south]))
        x1, y0 = mercator(np.array([east]), np.array([north]))
        width, height = self.size
        bottom = 120 * self.unit * SUPERSAMPLE  # keep the timeline bar off the view
        self.scale = min(width / (x1[0] - x0[0]), (height - bottom) / (y1[0] - y0[0]))
        self.origin = (
            (x0[0] + x1[0]) / 2 - width / 2 / self.scale,
            (y0[0] + y1[0]) / 2 - (height - bottom) / 2 / self.scale,
        )

    def _to_pixels(self, lon, lat) -> np.ndarray:
        x, y = mercator(np.asarray(lon, float), np.asarray(lat, float))
        return np.column_stack(
            ((x - self.origin[0]) * self.scale, (y - self.origin[1]) * self.scale)
        )

    def _project_countries(self, countries: dict) -> list[tuple[str, float, list]]:
        """(iso3, area, polygons as lists of pixel rings), largest first (enclaves drawn last)."""
        shapes = []
        for feature in countries["features"]:
            geometry = feature["geometry"]
            if geometry is None:
                continue
            polygons = geometry["coordinates"]
            if geometry["type"] == "Polygon":
                polygons = [polygons]
            projected = [
                [self._to_pixels(*np.array(ring).T) for ring in rings] for rings in polygons
            ]
            area = sum(_ring_area(rings[0]) for rings in projected)
            shapes.append((feature["properties"]["iso3"], area, projected))
        return sorted(shapes, key=lambda shape: -shape[1])

    def _project_lines(self, geometry: dict) -> list[np.ndarray]:
        lines = geometry["coordinates"]
        if geometry["type"] == "LineString":
            lines = [lines]
        return [self._to_pixels(*np.array(line).T) for line in lines]

    # ---- drawing ----------------------------------------------------------------------------

    def image(self, frame: Frame) -> Image.Image:
        """The finished image for *frame*, at the output size."""
        statuses = {iso3: status_on(self.treaty, iso3, frame.day) for iso3 in self.treaty.units}
        belt = belt_pairs(self.treaty, frame.day, self.lengths)
        key = tuple(sorted(statuses.items()))
        if key not in self._maps:
            self._maps = {key: self._draw_map(statuses, belt)}  # one kept: frames come in order
        picture = self._maps[key].copy()
        self._draw_panels(picture, frame, belt_totals(belt, {}))
        return picture

    def _draw_map(self, statuses: dict[str, Status], belt: list[BeltPair]) -> Image.Image:
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
        for iso3, _, polygons in self.shapes:
            dash = STATUS_STYLE[statuses[iso3]].outline_dash
            if dash:
                for rings in polygons:
                    _dashed(
                        draw,
                        rings[0],
                        dash,
                        rgb(PALETTE["outline"]),
                        2.2 * self.unit * SUPERSAMPLE,
                        closed=True,
                    )
        self._draw_points(draw, statuses)
        self._draw_belt(draw, belt)
        return big.resize((self.width, self.height), Image.Resampling.LANCZOS)

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

    def _draw_belt(self, draw: ImageDraw.ImageDraw, belt: list[BeltPair]) -> None:
        s = self.unit * SUPERSAMPLE
        for pair in belt:
            for line in self.borders[(pair.iso3, pair.neighbour)]:
                if pair.state == "on":
                    halo, ink = rgb(PALETTE["belt-halo"]), rgb(PALETTE["belt"])
                    draw.line(_flat(line), fill=halo, width=round(9 * s), joint="curve")
                    draw.line(_flat(line), fill=ink, width=round(5 * s), joint="curve")
                elif pair.state == "contested":
                    _dashed(draw, line, "2 9", rgb(PALETTE["belt"]), 4 * s)

    def _draw_panels(self, picture: Image.Image, frame: Frame, belt: BeltTotals) -> None:
        overlay = Image.new("RGBA", picture.size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(overlay)
        self._caption(draw, frame)
        self._legend(draw, frame.day, belt)
        self._timeline(draw, frame.day)
        picture.paste(overlay, (0, 0), overlay)

    def _panel(self, draw, box) -> None:
        paper = (*rgb(PALETTE["paper"]), 240)
        draw.rounded_rectangle(box, radius=round(8 * self.unit), fill=paper)

    def _caption(self, draw: ImageDraw.ImageDraw, frame: Frame) -> None:
        u, text = self.unit, rgb(PALETTE["text"])
        event = frame.event or latest_event(self.treaty, frame.day)
        x, y, width = round(24 * u), round(24 * u), round(760 * u)
        lines = []
        if event:
            lines = [(f"Latest event, {event.label}:", font(round(19 * u)), 4)]
            for row in textwrap.wrap(event.title, 48)[:3]:
                lines.append((row, font(round(26 * u), bold=True), 4))
            for row in textwrap.wrap("Source: " + event.source, 92)[:2]:
                lines.append((row, font(round(15 * u)), 2))
        height = round(150 * u) + sum(f.size + gap * u for _, f, gap in lines)
        self._panel(draw, (x, y, x + width, y + height))
        x += round(18 * u)
        y += round(14 * u)
        draw.text((x, y), "OTTAWA CONVENTION STATUS", font=font(round(18 * u), True), fill=text)
        y += round(26 * u)
        draw.text((x, y), f"{frame.day:%-d %B %Y}", font=font(round(72 * u), True), fill=text)
        y += round(96 * u)
        for row, face, gap in lines:
            draw.text((x, y), row, font=face, fill=text)
            y += face.size + round(gap * u)

    def _legend(self, draw: ImageDraw.ImageDraw, day: dt.date, belt: BeltTotals) -> None:
        u, text = self.unit, rgb(PALETTE["text"])
        counts = counts_on(self.treaty, day)
        row_h, width = round(34 * u), round(430 * u)
        x0 = self.width - width - round(24 * u)
        y0 = round(24 * u)
        belt_h = round(80 * u) if belt.states else 0
        self._panel(draw, (x0, y0, x0 + width, y0 + round(70 * u) + row_h * len(Status) + belt_h))
        if belt.states:
            y = y0 + round(62 * u) + row_h * len(Status)
            km = f"Belt: {belt.published_km:,.0f} km published, {belt.measured_km:,.0f} km measured"
            draw.text((x0 + round(18 * u), y), km, font=font(round(18 * u), True), fill=text)
            names = ", ".join(self.treaty.units[iso3].name for iso3 in belt.states)
            draw.text(
                (x0 + round(18 * u), y + round(24 * u)),
                textwrap.shorten(names, 44),
                font=font(round(16 * u)),
                fill=text,
            )
        draw.text(
            (x0 + round(18 * u), y0 + round(14 * u)),
            "STATES BY STATUS",
            font=font(round(18 * u), True),
            fill=text,
        )
        y = y0 + round(50 * u)
        for status in Status:
            style = STATUS_STYLE[status]
            swatch = (x0 + round(18 * u), y + round(4 * u), x0 + round(58 * u), y + round(28 * u))
            draw.rectangle(swatch, fill=rgb(style.colour), outline=rgb(PALETTE["swatch-border"]))
            if style.pattern:
                _swatch_hatch(draw, swatch, style.pattern, u)
            faded = counts[status] == 0
            colour = (*text, 110) if faded else (*text, 255)
            draw.text(
                (x0 + round(72 * u), y + round(3 * u)),
                style.label,
                font=font(round(22 * u)),
                fill=colour,
            )
            draw.text(
                (x0 + width - round(20 * u), y + round(3 * u)),
                str(counts[status]),
                font=font(round(22 * u), True),
                fill=colour,
                anchor="ra",
            )
            y += row_h

    def _timeline(self, draw: ImageDraw.ImageDraw, day: dt.date) -> None:
        u, text = self.unit, rgb(PALETTE["text"])
        first, last = self.span
        x0, x1 = round(24 * u), self.width - round(24 * u)
        y0 = self.height - round(104 * u)
        self._panel(draw, (x0, y0, x1, self.height - round(16 * u)))
        left, right = x0 + round(20 * u), x1 - round(20 * u)
        track_y = y0 + round(30 * u)

        def at(when: dt.date) -> float:
            total = max(1, (last - first).days)
            return left + (right - left) * min(1, max(0, (when - first).days / total))

        draw.line(
            [(left, track_y), (right, track_y)],
            fill=rgb(PALETTE["control-border"]),
            width=max(2, round(4 * u)),
        )
        draw.line(
            [(left, track_y), (at(day), track_y)],
            fill=rgb(PALETTE["accent"]),
            width=max(2, round(6 * u)),
        )
        radius = round(9 * u)
        draw.ellipse(
            [at(day) - radius, track_y - radius, at(day) + radius, track_y + radius],
            fill=rgb(PALETTE["accent"]),
        )
        small = font(round(17 * u))
        draw.text((left, track_y + round(16 * u)), first.isoformat(), font=small, fill=text)
        draw.text(
            (right, track_y + round(16 * u)), last.isoformat(), font=small, fill=text, anchor="ra"
        )
        draw.text(
            ((left + right) / 2, track_y + round(16 * u)),
            SOURCE_LINE,
            font=font(round(14 * u)),
            fill=(*text, 190),
            anchor="ma",
        )


def _flat(points: np.ndarray) -> list[float]:
    return points.ravel().tolist()


def _ring_area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return abs(float(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1)))) / 2


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


def _swatch_hatch(draw, box, pattern: str, unit: float) -> None:
    x0, y0, x1, y1 = box
    step = 9 * unit
    ink = (*rgb(PALETTE["pattern-ink"]), 220)
    offset = -(y1 - y0)
    while offset < x1 - x0:
        a = (x0 + max(0, offset), y0 + max(0, -offset))
        end = min(x1 - x0, offset + (y1 - y0))
        b = (x0 + end, y0 + (end - offset))
        draw.line([a, b], fill=ink, width=max(1, round(2.5 * unit)))
        if pattern == "cross":
            draw.line(
                [(a[0], y1 - (a[1] - y0)), (b[0], y1 - (b[1] - y0))],
                fill=ink,
                width=max(1, round(2.5 * unit)),
            )
        offset += step
