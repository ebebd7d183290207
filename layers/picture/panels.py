"""The panels laid over the map picture: the caption (date, latest event, source), the legend
(States by status, the belt) and the timeline bar with the source line.

Every string goes through :class:`Pen`, which keeps it in a list: a test reads back exactly
what a person would see in the picture.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from functools import cache, cached_property

from PIL import Image, ImageDraw, ImageFont

from geodata.belt import BeltTotals
from geodata.model import Status, Treaty
from geodata.timeline import counts_on, dated_events, latest_event
from layers.beltstats import names, not_published
from layers.i18n import _, date_text, event_title, km_text, language
from layers.paths import ASSETS
from layers.style import PALETTE, STATUS_STYLE

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in pixels
CAPTION_WIDTH = 760  # px at 1080
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
    """Pillow's ImageDraw, keeping every string it draws in *drawn* (in drawing order) and its
    box, with the box of the panel it is drawn on, in *boxes*: ``(text, box, panel)``."""

    def __init__(self, draw: ImageDraw.ImageDraw, drawn: list[str], boxes: list | None = None):
        self.draw, self.drawn = draw, drawn
        self.boxes = [] if boxes is None else boxes
        self.panel: Box | None = None

    def text(self, xy, text: str, **options) -> None:
        self.drawn.append(text)
        box = self.draw.textbbox(xy, text, **{k: v for k, v in options.items() if k != "fill"})
        self.boxes.append((text, box, self.panel))
        self.draw.text(xy, text, **options)

    def __getattr__(self, name: str):
        return getattr(self.draw, name)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: float, lines: int) -> list[str]:
    """*text* in at most *lines* rows no wider than *width* pixels: broken at spaces (a word
    too long for a row is broken where it has to be); if more rows are needed, the last ends in
    " [...]", as ``textwrap.shorten`` marks what it leaves out."""
    rows: list[str] = []
    for word in text.split():
        candidate = f"{rows[-1]} {word}" if rows else word
        if rows and face.getlength(candidate) <= width:
            rows[-1] = candidate
            continue
        while face.getlength(word) > width and len(word) > 1:
            cut = max(1, _longest_prefix(word, face, width))
            rows.append(word[:cut])
            word = word[cut:]
        rows.append(word)
    if len(rows) <= lines:
        return rows
    last = rows[lines - 1]
    while last and face.getlength(last + " [...]") > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    return [*rows[: lines - 1], (last + " [...]").strip()]


def _longest_prefix(word: str, face, width: float) -> int:
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if face.getlength(word[:middle]) <= width else (low, middle - 1)
    return low


class Panels:
    """The panels of a picture *width* x *height* (text scales with the height, designed at
    1080), with a timeline bar from ``span[0]`` to ``span[1]``.

    Every text is wrapped or its panel grown so that it fits (tests/test_textfit.py).
    :meth:`reserved` gives the largest box each panel takes over the data's events and the belt
    totals *belts*: the map is fitted beside them, once per size.
    """

    def __init__(
        self,
        treaty: Treaty,
        width: int,
        height: int,
        span: tuple[dt.date, dt.date],
        belts: list[BeltTotals] = (),
    ):
        self.treaty, self.width, self.height, self.span = treaty, width, height, span
        self.unit = height / 1080
        self.belts = list(belts)
        self.boxes: list[tuple[str, Box]] = []  # each panel's box on the last image

    def draw(
        self, picture: Image.Image, day: dt.date, event, belt: BeltTotals, drawn: list, boxes=None
    ):
        """Lay the panels for *day* over *picture*, the caption explaining *event* (default: the
        latest), appending every string drawn to *drawn* (and its box to *boxes*)."""
        overlay = Image.new("RGBA", picture.size, (0, 0, 0, 0))
        pen = Pen(ImageDraw.Draw(overlay), drawn, boxes)
        self.boxes = []
        self._caption(pen, day, event or latest_event(self.treaty, day))
        self._legend(pen, day, belt)
        self._timeline(pen, day)
        picture.paste(overlay, (0, 0), overlay)

    @cached_property
    def reserved(self) -> tuple[Box, ...]:
        """The caption's, legend's and timeline's largest boxes, over every event and belt."""
        events = [e for e in dated_events(self.treaty) if e.precision == "day"]
        caption = max((self._caption_box(e) for e in [None, *events]), key=lambda b: b[3])
        widths = [self._legend_width(b) for b in self.belts] or [self._legend_width(None)]
        x0 = self.width - max(widths) - round(24 * self.unit)
        right = self.width - round(24 * self.unit)
        legend = (x0, round(24 * self.unit), right, self._legend_bottom(3))  # 3 belt rows at most
        return (caption, legend, self._timeline_box())

    @cached_property
    def date_size(self) -> int:
        """The caption's date: 64 px at 1080, smaller if the language's longest date (its
        longest month name) would not fit the caption ("28 października 2025")."""
        u = self.unit
        size, inner = round(64 * u), round(CAPTION_WIDTH * u) - 2 * round(18 * u)
        face = font(size, True)
        longest = max(face.getlength(date_text(dt.date(2025, m, 28))) for m in range(1, 13))
        return size if longest <= inner else int(size * inner / longest)

    def _panel(self, pen: Pen, name: str, box: Box) -> None:
        paper = (*rgb(PALETTE["paper"]), 240)
        pen.rounded_rectangle(box, radius=round(8 * self.unit), fill=paper)
        pen.panel = box
        self.boxes.append((name, box))

    def _caption_lines(self, event) -> list[tuple[str, ImageFont.FreeTypeFont, int]]:
        u = self.unit
        inner = round(CAPTION_WIDTH * u) - 2 * round(18 * u)
        if not event:
            return []
        lines = [(_("Latest event, {date}:", date=event.label), font(round(19 * u)), 4)]
        title, small = font(round(26 * u), bold=True), font(round(15 * u))
        text = event_title(event, language())
        lines += [(row, title, 4) for row in wrap(text, title, inner, 3)]
        source = _("Source: {source}", source=event.source)
        lines += [(row, small, 2) for row in wrap(source, small, inner, 3)]
        return lines

    def _caption_box(self, event) -> Box:
        u = self.unit
        x, y = round(24 * u), round(24 * u)
        lines = self._caption_lines(event)
        height = round(136 * u) + sum(f.size + round(gap * u) for _, f, gap in lines)
        return (x, y, x + round(CAPTION_WIDTH * u), y + height)

    def _caption(self, pen: Pen, day: dt.date, event) -> None:
        u, text = self.unit, rgb(PALETTE["text"])
        box = self._caption_box(event)
        self._panel(pen, "caption", box)
        x, y = box[0] + round(18 * u), box[1] + round(14 * u)
        heading = _("Ottawa Convention status").upper()
        pen.text((x, y), heading, font=font(round(18 * u), True), fill=text)
        y += round(26 * u)
        pen.text((x, y), date_text(day), font=font(self.date_size, True), fill=text)
        y += round(86 * u)
        for row, face, gap in self._caption_lines(event):
            pen.text((x, y), row, font=face, fill=text)
            y += face.size + round(gap * u)

    def _belt_lines(self, belt: BeltTotals | None) -> list[tuple[str, ImageFont.FreeTypeFont]]:
        """The belt's rows at the foot of the legend (none while the belt is empty)."""
        if not belt or not belt.states:
            return []
        u = self.unit
        km = _(
            "Belt: {published} published, {measured} measured",
            published=km_text(belt.published_km),
            measured=km_text(belt.measured_km),
        )
        rows = [(km, font(round(18 * u), True))]
        missing = not_published(self.treaty, belt.published_missing)
        if missing:
            rows.append((textwrap.shorten(missing, 48), font(round(16 * u))))
        rows.append((textwrap.shorten(names(self.treaty, belt.states), 44), font(round(16 * u))))
        return rows

    def _legend_width(self, belt: BeltTotals | None) -> int:
        """430 px at 1080, or wider if a row needs it (the belt's figures grow with the belt)."""
        u = self.unit
        rows = [face.getlength(row) for row, face in self._belt_lines(belt)]
        label, count = font(round(22 * u)), font(round(22 * u), True)
        rows += [
            round(54 * u) + label.getlength(_(s.label)) + round(12 * u) + count.getlength("197")
            for s in STATUS_STYLE.values()
        ]
        return max(round(430 * u), round(max(rows) + 38 * u + 1))

    def _legend_bottom(self, belt_rows: int) -> int:
        u = self.unit
        belt_h = round((32 + 24 * belt_rows) * u) if belt_rows else 0
        return round(24 * u) + round(70 * u) + round(34 * u) * len(Status) + belt_h

    def _legend(self, pen: Pen, day: dt.date, belt: BeltTotals) -> None:
        u, text = self.unit, rgb(PALETTE["text"])
        counts = counts_on(self.treaty, day)
        row_h, width = round(34 * u), self._legend_width(belt)
        x0 = self.width - width - round(24 * u)
        y0 = round(24 * u)
        belt_rows = self._belt_lines(belt)
        self._panel(pen, "legend", (x0, y0, x0 + width, self._legend_bottom(len(belt_rows))))
        y = y0 + round(62 * u) + row_h * len(Status)
        for row, face in belt_rows:
            pen.text((x0 + round(18 * u), y), row, font=face, fill=text)
            y += round(24 * u)
        pen.text(
            (x0 + round(18 * u), y0 + round(14 * u)),
            _("States by status").upper(),
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
        pen.text((x0 + round(72 * u), y + round(3 * u)), _(style.label), font=face, fill=colour)
        pen.text(
            (x0 + width - round(20 * u), y + round(3 * u)),
            str(count),
            font=font(round(22 * u), True),
            fill=colour,
            anchor="ra",
        )

    def _source_rows(self) -> tuple[list[str], bool]:
        """The source line's rows, and whether it fits on the bar's row between the two dates."""
        u = self.unit
        face, small = font(round(14 * u)), font(round(17 * u))
        inner = self.width - 2 * round(44 * u)
        dates = max(small.getlength(d.isoformat()) for d in self.span)
        between = inner - 2 * (dates + round(24 * u))
        line = _(SOURCE_LINE)
        if face.getlength(line) <= between:
            return [line], True
        return wrap(line, face, inner, 4), False

    def _timeline_box(self) -> Box:
        u = self.unit
        rows, beside = self._source_rows()
        extra = 0 if beside else len(rows) * (round(14 * u) + round(3 * u)) + round(6 * u)
        return (round(24 * u), self.height - round(104 * u) - extra,
                self.width - round(24 * u), self.height - round(16 * u))  # fmt: skip

    def _timeline(self, pen: Pen, day: dt.date) -> None:
        u, text = self.unit, rgb(PALETTE["text"])
        first, last = self.span
        x0, y0, x1, y1 = self._timeline_box()
        self._panel(pen, "timeline", (x0, y0, x1, y1))
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
        rows, beside = self._source_rows()
        y = below if beside else below + small.size + round(6 * u)
        for row in rows:
            face = font(round(14 * u))
            pen.text(((left + right) / 2, y), row, font=face, fill=(*text, 190), anchor="ma")
            y += face.size + round(3 * u)


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
