"""The panels laid over the map picture: the caption (date, latest event, source), the legend
(States by status, the belt) and the timeline bar with the source line.

Every string goes through :class:`Pen`, which keeps it in a list: a test reads back exactly
what a person would see in the picture.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from geodata.belt import BeltTotals
from geodata.model import Status, Treaty
from geodata.timeline import counts_on, latest_event
from layers.beltstats import not_published
from layers.paths import ASSETS
from layers.style import PALETTE, STATUS_STYLE

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


class Pen:
    """Pillow's ImageDraw, keeping every string it draws in *drawn* (in drawing order)."""

    def __init__(self, draw: ImageDraw.ImageDraw, drawn: list[str]):
        self.draw, self.drawn = draw, drawn

    def text(self, xy, text: str, **options) -> None:
        self.drawn.append(text)
        self.draw.text(xy, text, **options)

    def __getattr__(self, name: str):
        return getattr(self.draw, name)


class Panels:
    """The panels of a picture *width* x *height* (text scales with the height, designed at
    1080), with a timeline bar from ``span[0]`` to ``span[1]``."""

    def __init__(self, treaty: Treaty, width: int, height: int, span: tuple[dt.date, dt.date]):
        self.treaty, self.width, self.height, self.span = treaty, width, height, span
        self.unit = height / 1080

    def draw(self, picture: Image.Image, day: dt.date, event, belt: BeltTotals, drawn: list):
        """Lay the panels for *day* over *picture*, the caption explaining *event* (default: the
        latest), appending every string drawn to *drawn*."""
        overlay = Image.new("RGBA", picture.size, (0, 0, 0, 0))
        pen = Pen(ImageDraw.Draw(overlay), drawn)
        self._caption(pen, day, event or latest_event(self.treaty, day))
        self._legend(pen, day, belt)
        self._timeline(pen, day)
        picture.paste(overlay, (0, 0), overlay)

    def _panel(self, pen: Pen, box) -> None:
        paper = (*rgb(PALETTE["paper"]), 240)
        pen.rounded_rectangle(box, radius=round(8 * self.unit), fill=paper)

    def _caption(self, pen: Pen, day: dt.date, event) -> None:
        u, text = self.unit, rgb(PALETTE["text"])
        x, y, width = round(24 * u), round(24 * u), round(760 * u)
        lines = []
        if event:
            lines = [(f"Latest event, {event.label}:", font(round(19 * u)), 4)]
            for row in textwrap.wrap(event.title, 48)[:3]:
                lines.append((row, font(round(26 * u), bold=True), 4))
            for row in textwrap.wrap("Source: " + event.source, 92)[:2]:
                lines.append((row, font(round(15 * u)), 2))
        height = round(150 * u) + sum(f.size + gap * u for _, f, gap in lines)
        self._panel(pen, (x, y, x + width, y + height))
        x += round(18 * u)
        y += round(14 * u)
        pen.text((x, y), "OTTAWA CONVENTION STATUS", font=font(round(18 * u), True), fill=text)
        y += round(26 * u)
        pen.text((x, y), f"{day:%-d %B %Y}", font=font(round(72 * u), True), fill=text)
        y += round(96 * u)
        for row, face, gap in lines:
            pen.text((x, y), row, font=face, fill=text)
            y += face.size + round(gap * u)

    def _belt_lines(self, belt: BeltTotals) -> list[tuple[str, ImageFont.FreeTypeFont]]:
        """The belt's rows at the foot of the legend (none while the belt is empty)."""
        if not belt.states:
            return []
        u = self.unit
        km = f"Belt: {belt.published_km:,.0f} km published, {belt.measured_km:,.0f} km measured"
        rows = [(km, font(round(18 * u), True))]
        missing = not_published(self.treaty, belt.published_missing)
        if missing:
            rows.append((textwrap.shorten(missing, 48), font(round(16 * u))))
        names = ", ".join(self.treaty.units[iso3].name for iso3 in belt.states)
        rows.append((textwrap.shorten(names, 44), font(round(16 * u))))
        return rows

    def _legend(self, pen: Pen, day: dt.date, belt: BeltTotals) -> None:
        u, text = self.unit, rgb(PALETTE["text"])
        counts = counts_on(self.treaty, day)
        row_h, width = round(34 * u), round(430 * u)
        x0 = self.width - width - round(24 * u)
        y0 = round(24 * u)
        belt_rows = self._belt_lines(belt)
        belt_h = round((32 + 24 * len(belt_rows)) * u) if belt_rows else 0
        self._panel(pen, (x0, y0, x0 + width, y0 + round(70 * u) + row_h * len(Status) + belt_h))
        y = y0 + round(62 * u) + row_h * len(Status)
        for row, face in belt_rows:
            pen.text((x0 + round(18 * u), y), row, font=face, fill=text)
            y += round(24 * u)
        pen.text(
            (x0 + round(18 * u), y0 + round(14 * u)),
            "STATES BY STATUS",
            font=font(round(18 * u), True),
            fill=text,
        )
        y = y0 + round(50 * u)
        for status in Status:
            self._legend_row(pen, x0, y, width, status, counts[status])
            y += row_h

    def _legend_row(self, pen: Pen, x0: int, y: int, width: int, status: Status, count: int):
        u, text = self.unit, rgb(PALETTE["text"])
        style = STATUS_STYLE[status]
        swatch = (x0 + round(18 * u), y + round(4 * u), x0 + round(58 * u), y + round(28 * u))
        pen.rectangle(swatch, fill=rgb(style.colour), outline=rgb(PALETTE["swatch-border"]))
        if style.pattern:
            _swatch_hatch(pen, swatch, style.pattern, u)
        colour = (*text, 110) if count == 0 else (*text, 255)
        face = font(round(22 * u))
        pen.text((x0 + round(72 * u), y + round(3 * u)), style.label, font=face, fill=colour)
        pen.text(
            (x0 + width - round(20 * u), y + round(3 * u)),
            str(count),
            font=font(round(22 * u), True),
            fill=colour,
            anchor="ra",
        )

    def _timeline(self, pen: Pen, day: dt.date) -> None:
        u, text = self.unit, rgb(PALETTE["text"])
        first, last = self.span
        x0, x1 = round(24 * u), self.width - round(24 * u)
        y0 = self.height - round(104 * u)
        self._panel(pen, (x0, y0, x1, self.height - round(16 * u)))
        left, right = x0 + round(20 * u), x1 - round(20 * u)
        track_y = y0 + round(30 * u)
        total = max(1, (last - first).days)
        at = left + (right - left) * min(1, max(0, (day - first).days / total))
        pen.line(
            [(left, track_y), (right, track_y)],
            fill=rgb(PALETTE["control-border"]),
            width=max(2, round(4 * u)),
        )
        accent = rgb(PALETTE["accent"])
        pen.line([(left, track_y), (at, track_y)], fill=accent, width=max(2, round(6 * u)))
        radius = round(9 * u)
        pen.ellipse([at - radius, track_y - radius, at + radius, track_y + radius], fill=accent)
        small, below = font(round(17 * u)), track_y + round(16 * u)
        pen.text((left, below), first.isoformat(), font=small, fill=text)
        pen.text((right, below), last.isoformat(), font=small, fill=text, anchor="ra")
        pen.text(
            ((left + right) / 2, below),
            SOURCE_LINE,
            font=font(round(14 * u)),
            fill=(*text, 190),
            anchor="ma",
        )


def _swatch_hatch(pen, box, pattern: str, unit: float) -> None:
    x0, y0, x1, y1 = box
    step = 9 * unit
    ink = (*rgb(PALETTE["pattern-ink"]), 220)
    offset = -(y1 - y0)
    while offset < x1 - x0:
        a = (x0 + max(0, offset), y0 + max(0, -offset))
        end = min(x1 - x0, offset + (y1 - y0))
        b = (x0 + end, y0 + (end - offset))
        pen.line([a, b], fill=ink, width=max(1, round(2.5 * unit)))
        if pattern == "cross":
            pen.line(
                [(a[0], y1 - (a[1] - y0)), (b[0], y1 - (b[1] - y0))],
                fill=ink,
                width=max(1, round(2.5 * unit)),
            )
        offset += step
