"""Where a longitude and latitude fall in a picture: Web Mercator fitted to a view, as Leaflet's
``fitBounds`` does for the web map, so that both show the same frame.

Everything the renderer needs from a projection is :class:`WebMercatorFit`'s ``to_pixels``;
another projection (pyproj's, say) only has to provide the same method.
"""

from __future__ import annotations

import numpy as np

# Polygons as lists of rings, each ring an (n, 2) array of pixel positions.
Polygons = list[list[np.ndarray]]


def mercator(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Web Mercator in units of the world's width (0..1, y down)."""
    lat = np.clip(lat, -85.0, 85.0)
    y = 0.5 - np.log(np.tan(np.pi / 4 + np.radians(lat) / 2)) / (2 * np.pi)
    return (lon + 180.0) / 360.0, y


class WebMercatorFit:
    """Web Mercator scaled and centred so that *bounds* fill a canvas of *size* pixels, less a
    strip of *bottom* pixels kept free at the foot (for the timeline bar).

    *bounds* is ``((south, west), (north, east))`` in degrees, as ``layers.views.VIEWS`` gives.
    """

    def __init__(self, bounds, size: tuple[int, int], bottom: float = 0.0):
        (south, west), (north, east) = bounds
        x0, y1 = mercator(np.array([west]), np.array([south]))
        x1, y0 = mercator(np.array([east]), np.array([north]))
        width, height = size
        self.scale = min(width / (x1[0] - x0[0]), (height - bottom) / (y1[0] - y0[0]))
        self.origin = (
            (x0[0] + x1[0]) / 2 - width / 2 / self.scale,
            (y0[0] + y1[0]) / 2 - (height - bottom) / 2 / self.scale,
        )

    def to_pixels(self, lon, lat) -> np.ndarray:
        """Pixel positions (an (n, 2) array) of the points *lon*, *lat* (degrees)."""
        x, y = mercator(np.asarray(lon, float), np.asarray(lat, float))
        return np.column_stack(
            ((x - self.origin[0]) * self.scale, (y - self.origin[1]) * self.scale)
        )


def project_countries(projection, countries: dict) -> list[tuple[str, float, Polygons]]:
    """(iso3, area, polygons in pixels) of every unit with a shape, largest first (so that
    enclaves are drawn last, over the unit around them)."""
    shapes = []
    for feature in countries["features"]:
        geometry = feature["geometry"]
        if geometry is None:
            continue
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        projected = [
            [projection.to_pixels(*np.array(ring).T) for ring in rings] for rings in polygons
        ]
        area = sum(ring_area(rings[0]) for rings in projected)
        shapes.append((feature["properties"]["iso3"], area, projected))
    return sorted(shapes, key=lambda shape: -shape[1])


def project_points(projection, countries: dict) -> dict[str, np.ndarray]:
    """The hover point of each small unit that has one, in pixels."""
    return {
        f["properties"]["iso3"]: projection.to_pixels(*np.array([f["properties"]["point"]]).T)[0]
        for f in countries["features"]
        if "point" in f["properties"]
    }


def project_lines(projection, borders: dict) -> dict[tuple[str, str], list[np.ndarray]]:
    """Each (State, neighbour) border of the borders layer as pixel polylines."""
    lines = {}
    for feature in borders["features"]:
        geometry = feature["geometry"]
        parts = geometry["coordinates"]
        if geometry["type"] == "LineString":
            parts = [parts]
        pair = (feature["properties"]["iso3"], feature["properties"]["neighbour"])
        lines[pair] = [projection.to_pixels(*np.array(line).T) for line in parts]
    return lines


def ring_area(ring: np.ndarray) -> float:
    """The area a closed ring of pixel positions encloses (shoelace formula)."""
    x, y = ring[:, 0], ring[:, 1]
    return abs(float(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1)))) / 2
