"""Country names on the map: which units are named in a view, in what order, and where each
name fits. Shared by the pictures (``layers/picture``) and, as data, the web map.

The label points come with the boundary layer (``geodata/build_countries.py``: a point inside
each unit's largest part, in each projection); here they are only chosen and placed. Pure
functions: :func:`candidates` from the data, :func:`place` from pixels and text sizes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from geodata.model import Treaty, UnitKind
from geodata.projection import VIEW_PROJECTION, project
from layers.i18n import country_name, translator

# Issue 13: on Europe and the eastern flank these are always named, in this order: the five
# withdrawing States, Ukraine, Russia, its Kaliningrad exclave, Belarus and Norway.
EUROPE_ALWAYS = ("FIN", "EST", "LVA", "LTU", "POL", "UKR", "RUS", "KALININGRAD", "BLR", "NOR")
# On the world view: Russia (the largest State, beside the belt) and the five withdrawing States
# always, then States of this size or larger.
WORLD_ALWAYS = ("RUS", "FIN", "EST", "LVA", "LTU", "POL")
WORLD_MIN_KM2 = 500_000
# Territories are named only if this large (Greenland, 2.2 million km²).
TERRITORY_MIN_KM2 = 500_000
KALININGRAD_KM2 = 15_125  # Kaliningrad oblast (Rosstat)


@dataclass(frozen=True)
class Label:
    """A name to place: its text at a point (metres, in the view's projection)."""

    iso3: str
    text: str
    x: float
    y: float
    always: bool
    area_km2: float
    from_day: dt.date | None = None  # not named before (independence)


@dataclass(frozen=True)
class Placed:
    """A label placed: its text's box ``(x0, y0, x1, y1)`` in pixels, centred on (x, y)."""

    label: Label
    x: float
    y: float
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class Obstacles:
    """What a name may not cover: boxes (panels) and polylines ((n, 2) arrays, the belt)."""

    boxes: Sequence[tuple[float, float, float, float]] = ()
    lines: Sequence[np.ndarray] = ()


def candidates(treaty: Treaty, countries: dict, view: str, lang: str = "en") -> list[Label]:
    """The names *view* may show, in priority order: those always named first (in their
    order), then the others larger first. Named: States, and territories of at least
    ``TERRITORY_MIN_KM2``; on the world view only States of at least ``WORLD_MIN_KM2``. The
    names are in *lang* (the order is the same in every language)."""
    gettext = translator(lang)[0]
    projection = VIEW_PROJECTION[view]
    always = WORLD_ALWAYS if projection == "world" else EUROPE_ALWAYS
    labels = {}
    for feature in countries["features"]:
        properties = feature["properties"]
        unit = treaty.units[properties["iso3"]]
        point = properties.get("label", {}).get(projection)
        area = properties.get("area_km2", 0)
        if point is None or not _named(unit.kind, area, unit.iso3 in always, projection):
            continue
        name = country_name(unit.iso3, lang, unit.name)
        labels[unit.iso3] = _label(projection, unit.iso3, name, point, unit.iso3 in always,
                                   area, unit.independence)  # fmt: skip
        exclave = properties.get("exclave")
        if exclave and projection in exclave and "KALININGRAD" in always:
            text = f"{gettext(exclave['name'])} ({name})"
            labels["KALININGRAD"] = _label(
                projection, unit.iso3, text, exclave[projection], True, KALININGRAD_KM2, None
            )
    first = [labels[key] for key in always if key in labels]
    rest = sorted(
        (label for key, label in labels.items() if key not in always),
        key=lambda label: (-label.area_km2, label.iso3),
    )
    return first + rest


def _named(kind: UnitKind, area: float, always: bool, projection: str) -> bool:
    if always:
        return True
    if kind is UnitKind.TERRITORY:
        return area >= TERRITORY_MIN_KM2
    return kind is UnitKind.STATE and (projection != "world" or area >= WORLD_MIN_KM2)


def _label(projection, iso3, text, point, always, area, from_day) -> Label:
    x, y = project(projection, [point[0]], [point[1]])
    return Label(iso3, text, float(x[0]), float(y[0]), always, float(area), from_day)


def place(
    candidates: Iterable[Label],
    to_pixels: Callable[[np.ndarray, np.ndarray], np.ndarray],
    measure: Callable[[str], tuple[float, float]],
    obstacles: Obstacles,
    width: float,
    height: float,
    day: dt.date,
) -> list[Placed]:
    """The labels placed, greedily in priority order: each centred on its point, skipped if
        its box overlaps a label already placed, an obstacle box or a segment of an obstacle line,
        or leaves the *width* x *height* picture. A label that is always named tries above, below,
        left and right of its point (then twice and three times as far) before being placed anyway
    (inside the picture). Labels whose
        ``from_day`` is after *day* are left out.

        *to_pixels* takes metres (arrays x, y) to an (n, 2) array of pixels; *measure* gives a
        text's (width, height) in pixels.
    """
    placed: list[Placed] = []
    segments = _segments(obstacles.lines)
    for label in candidates:
        if label.from_day is not None and label.from_day > day:
            continue
        x, y = to_pixels(np.array([label.x]), np.array([label.y]))[0]
        if not (0 <= x <= width and 0 <= y <= height):
            continue
        w, h = measure(label.text)
        offsets = [(0, 0)]
        if label.always:  # above, below, left, right; then as far again, and once more
            for k in (1, 2, 3):
                offsets += [(0, -k * h), (0, k * h), (-k * (w + h) / 2, 0), (k * (w + h) / 2, 0)]
        for dx, dy in offsets:
            box = _box(x + dx, y + dy, w, h)
            if _free(box, placed, obstacles.boxes, segments, width, height):
                placed.append(Placed(label, x + dx, y + dy, box))
                break
        else:
            if label.always:
                cx = min(max(x, w / 2), width - w / 2)
                cy = min(max(y, h / 2), height - h / 2)
                placed.append(Placed(label, cx, cy, _box(cx, cy, w, h)))
    return placed


def _box(x: float, y: float, w: float, h: float) -> tuple[float, float, float, float]:
    return (x - w / 2, y - h / 2, x + w / 2, y + h / 2)


def _free(box, placed, boxes, segments, width, height) -> bool:
    x0, y0, x1, y1 = box
    if x0 < 0 or y0 < 0 or x1 > width or y1 > height:
        return False
    if any(_overlap(box, other.box) for other in placed):
        return False
    if any(_overlap(box, other) for other in boxes):
        return False
    return not _crosses(box, segments)


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _segments(lines: Sequence[np.ndarray]) -> np.ndarray:
    """Every segment of the lines as rows (ax, ay, bx, by)."""
    parts = [np.hstack([line[:-1], line[1:]]) for line in lines if len(line) > 1]
    return np.vstack(parts) if parts else np.empty((0, 4))


def _crosses(box, segments: np.ndarray) -> bool:
    """True if any segment has a point inside *box* (Liang-Barsky clipping, all at once)."""
    if not len(segments):
        return False
    x0, y0, x1, y1 = box
    ax, ay, bx, by = segments.T
    dx, dy = bx - ax, by - ay
    low, high = np.zeros(len(ax)), np.ones(len(ax))
    for p, q in ((-dx, ax - x0), (dx, x1 - ax), (-dy, ay - y0), (dy, y1 - ay)):
        parallel = p == 0
        outside = parallel & (q < 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.where(parallel, 0.0, q / np.where(parallel, 1.0, p))
        low = np.where(~parallel & (p < 0), np.maximum(low, t), low)
        high = np.where(~parallel & (p > 0), np.minimum(high, t), high)
        high = np.where(outside, -1.0, high)
    return bool(np.any(low <= high))
