"""Where a longitude and latitude fall in a picture: the view's projection (Equal Earth for the
world, LAEA Europe for Europe and the eastern flank: ``geodata/projection.py``, as the web map),
its extent (``layers.views.VIEW_EXTENTS``) fitted into the part of the picture the panels leave
free, so that no panel covers what the view is for.

Everything the renderer needs from a projection is :class:`ViewFit`'s ``to_pixels``.
"""

from __future__ import annotations

import itertools

import numpy as np
import shapely
from shapely.geometry import shape

from geodata.projection import clip_to_window, project
from layers.views import VIEW_EXTENTS

# Polygons as lists of rings, each ring an (n, 2) array of pixel positions.
Polygons = list[list[np.ndarray]]
Box = tuple[float, float, float, float]


def free_rectangle(width: float, height: float, boxes: list[Box], aspect: float) -> Box:
    """The rectangle of the *width* x *height* picture that no box overlaps and in which an
    extent *aspect* times as wide as it is tall is drawn largest: every rectangle whose edges
    are the picture's or the boxes' edges is tried (a few boxes: a few hundred rectangles)."""
    xs = sorted({0.0, float(width), *(b[0] for b in boxes), *(b[2] for b in boxes)})
    ys = sorted({0.0, float(height), *(b[1] for b in boxes), *(b[3] for b in boxes)})
    xs = [x for x in xs if 0 <= x <= width]
    ys = [y for y in ys if 0 <= y <= height]
    best, best_scale = (0.0, 0.0, float(width), float(height)), -1.0
    for (x0, x1), (y0, y1) in itertools.product(
        itertools.combinations(xs, 2), itertools.combinations(ys, 2)
    ):
        if any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in boxes):
            continue
        scale = min((x1 - x0) / aspect, y1 - y0)
        if scale > best_scale:
            best, best_scale = (x0, y0, x1, y1), scale
    return best


class ViewFit:
    """The extent of *view* in its projection, scaled and centred into the rectangle *free*
    (``(x0, y0, x1, y1)`` in pixels, y down)."""

    def __init__(self, view: str, free: Box):
        self.projection, ((xmin, ymin), (xmax, ymax)) = VIEW_EXTENTS[view]
        x0, y0, x1, y1 = free
        self.free = free
        self.scale = min((x1 - x0) / (xmax - xmin), (y1 - y0) / (ymax - ymin))
        self._centre = ((xmin + xmax) / 2, (ymin + ymax) / 2)
        self._pixel_centre = ((x0 + x1) / 2, (y0 + y1) / 2)

    def metres_to_pixels(self, x, y) -> np.ndarray:
        """Pixel positions (an (n, 2) array) of points in metres of the view's projection."""
        (cx, cy), (px, py) = self._centre, self._pixel_centre
        x, y = np.asarray(x, float), np.asarray(y, float)
        return np.column_stack((px + (x - cx) * self.scale, py - (y - cy) * self.scale))

    def pixels_to_metres(self, px, py) -> tuple[np.ndarray, np.ndarray]:
        """The inverse of :meth:`metres_to_pixels`."""
        (cx, cy), (ox, oy) = self._centre, self._pixel_centre
        px, py = np.asarray(px, float), np.asarray(py, float)
        return cx + (px - ox) / self.scale, cy - (py - oy) / self.scale

    def to_pixels(self, lon, lat) -> np.ndarray:
        """Pixel positions (an (n, 2) array) of the points *lon*, *lat* (degrees)."""
        return self.metres_to_pixels(*project(self.projection, lon, lat))


def extent_aspect(view: str) -> float:
    """Width over height of the view's extent."""
    _, ((xmin, ymin), (xmax, ymax)) = VIEW_EXTENTS[view]
    return (xmax - xmin) / (ymax - ymin)


def project_countries(fit: ViewFit, countries: dict) -> list[tuple[str, float, Polygons]]:
    """(iso3, area, polygons in pixels) of every unit with a shape in the view's projection,
    largest first (so that enclaves are drawn last, over the unit around them)."""
    shapes = []
    for feature in countries["features"]:
        if feature["geometry"] is None:
            continue
        unit = clip_to_window(fit.projection, shape(feature["geometry"]))
        if unit is None:
            continue
        projected = [
            [fit.to_pixels(*np.asarray(ring.coords).T) for ring in (p.exterior, *p.interiors)]
            for p in shapely.get_parts(unit)
            if p.geom_type == "Polygon"
        ]
        area = sum(ring_area(rings[0]) for rings in projected)
        shapes.append((feature["properties"]["iso3"], area, projected))
    return sorted(shapes, key=lambda shape: -shape[1])


def project_points(fit: ViewFit, countries: dict) -> dict[str, np.ndarray]:
    """The hover point of each small unit that has one, in pixels (where the view draws it)."""
    points = {}
    for feature in countries["features"]:
        point = feature["properties"].get("point")
        if point and clip_to_window(fit.projection, shapely.Point(point)) is not None:
            points[feature["properties"]["iso3"]] = fit.to_pixels([point[0]], [point[1]])[0]
    return points


def project_lines(fit: ViewFit, borders: dict) -> dict[tuple[str, str], list[np.ndarray]]:
    """Each (State, neighbour) border of the borders layer as pixel polylines."""
    lines = {}
    for feature in borders["features"]:
        geometry = feature["geometry"]
        parts = geometry["coordinates"]
        if geometry["type"] == "LineString":
            parts = [parts]
        pair = (feature["properties"]["iso3"], feature["properties"]["neighbour"])
        lines[pair] = [fit.to_pixels(*np.array(line).T) for line in parts]
    return lines


def ring_area(ring: np.ndarray) -> float:
    """The area a closed ring of pixel positions encloses (shoelace formula)."""
    x, y = ring[:, 0], ring[:, 1]
    return abs(float(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1)))) / 2
