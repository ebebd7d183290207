"""The panels of the picture (caption, legend, timeline bar) as SVG: laid out by the PNG's own
code (``panels.Panels``), which draws into a :class:`Recorder` instead of a Pillow image, so the
two cannot drift apart: same rows, same wrapping, same boxes, same fonts.
"""

from __future__ import annotations

from html import escape

from PIL import Image, ImageDraw

from geodata.belt import on_day
from geodata.timeline import latest_event
from layers.picture.panels import Pen

# The recorder's text boxes are measured on a scratch image, as Pen measures on the real one.
_SCRATCH = ImageDraw.Draw(Image.new("RGBA", (1, 1)))


def panels_svg(renderer, frame) -> str:
    """The panels of *renderer* for *frame*, each a named group (``caption``, ``legend``,
    ``timeline``); the strings drawn go to ``renderer.drawn`` as for the PNG."""
    panels, day = renderer.panels, frame.day
    recorder = Recorder()
    pen = Pen(recorder, [], [])
    panels.boxes = []
    # Panels.draw's three steps, into the recorder (render.py pastes them over the map instead).
    panels._caption(pen, day, frame.event or latest_event(renderer.treaty, day))
    panels._legend(pen, day, on_day(renderer.totals_runs, day))
    panels._timeline(pen, day)
    renderer.drawn = list(pen.drawn)
    names = [name for name, _ in panels.boxes]
    groups = recorder.groups
    return "".join(
        f'<g id="{name}">\n{"".join(group)}</g>\n'
        for name, group in zip(names, groups, strict=True)
    )


def _paint(colour, attribute: str = "fill") -> str:
    """``fill="#rrggbb"`` (and ``fill-opacity``) for Pillow's (r, g, b[, a])."""
    r, g, b, *alpha = colour
    out = f'{attribute}="#{r:02x}{g:02x}{b:02x}"'
    if alpha and alpha[0] < 255:
        out += f' {attribute}-opacity="{alpha[0] / 255:.3f}"'
    return out


class Recorder:
    """What ``panels.Panels`` asks of Pillow's ImageDraw, written down as SVG elements; a new
    group starts at each panel (its rounded rectangle)."""

    def __init__(self):
        self.groups: list[list[str]] = []

    def _add(self, element: str) -> None:
        self.groups[-1].append(element + "\n")

    def textbbox(self, xy, text, **options):
        return _SCRATCH.textbbox(xy, text, **options)

    def rounded_rectangle(self, box, radius=0, fill=None, **_):
        self.groups.append([])
        x0, y0, x1, y1 = box
        self._add(
            f'<rect class="panel" x="{x0}" y="{y0}" width="{x1 - x0 + 1}" '
            f'height="{y1 - y0 + 1}" rx="{radius}" {_paint(fill)}/>'
        )

    def rectangle(self, box, fill=None, outline=None, **_):
        x0, y0, x1, y1 = box
        stroke = f' {_paint(outline, "stroke")} stroke-width="1"' if outline else ""
        self._add(
            f'<rect x="{x0 + 0.5}" y="{y0 + 0.5}" width="{x1 - x0}" height="{y1 - y0}" '
            f"{_paint(fill)}{stroke}/>"
        )

    def line(self, points, fill=None, width=1, **_):
        coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        self._add(
            f'<polyline points="{coords}" fill="none" {_paint(fill, "stroke")} '
            f'stroke-width="{width}"/>'
        )

    def ellipse(self, box, fill=None, **_):
        x0, y0, x1, y1 = box
        centre = f'cx="{(x0 + x1) / 2:.1f}" cy="{(y0 + y1) / 2:.1f}"'
        self._add(f'<circle {centre} r="{(x1 - x0) / 2:.1f}" {_paint(fill)}/>')

    def text(self, xy, text, fill=None, font=None, anchor=None, **_):
        """Pillow's anchors "la" (the default), "ra" and "ma": left, right or middle, the top at
        the font's ascender; SVG's y is the baseline."""
        x, y = xy
        anchor = anchor or "la"
        align = {"l": "", "r": ' text-anchor="end"', "m": ' text-anchor="middle"'}[anchor[0]]
        ascent, _ = font.getmetrics()
        bold = ' font-weight="bold"' if "Bold" in str(font.path) else ""
        self._add(
            f'<text x="{x:.1f}" y="{y + ascent:.1f}" font-size="{font.size}"{bold}{align} '
            f"{_paint(fill)}>{escape(text, quote=True)}</text>"
        )
