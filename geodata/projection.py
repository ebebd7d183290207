"""The map's projections, computed with pyproj: the same for the web map, the pictures and the
exports, so that a slide and the live map match line for line.

- ``world``: Equal Earth (EPSG:8857), an equal-area projection made for world maps, so that
  Russia, Greenland and the southern hemisphere's States keep their true relative size.
- ``europe``: ETRS89-extended Lambert azimuthal equal-area (EPSG:3035), the European Union's
  projection for statistical maps: Finland, the Baltic States and Poland keep their true sizes.

An azimuthal projection centred on Europe (52°N 10°E) tears shapes apart near its antipode (the
South Pacific), so in the europe projection only what lies in a window around Europe is drawn:
:func:`clip_to_window` cuts a shape to that window before it is projected.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import shapely
from pyproj import Transformer

PROJECTIONS = {"world": "EPSG:8857", "europe": "EPSG:3035"}
VIEW_PROJECTION = {"world": "world", "europe": "europe", "eastern": "europe"}
# The lon/lat window the europe projection draws: the Azores to the Urals, North Africa to Svalbard
# and Franz Josef Land (west, south, east, north).
EUROPE_WINDOW = (-35.0, 25.0, 75.0, 84.0)
DENSIFY_DEG = 0.5  # edges along a meridian or parallel are curves once projected
SHAPES = ("Point", "LineString", "MultiLineString", "Polygon", "MultiPolygon")


@cache
def crs_name(name: str) -> str:
    """The projection's name as the EPSG registry gives it, with its code (for attributions)."""
    from pyproj import CRS

    return f"{CRS(PROJECTIONS[name]).name} ({PROJECTIONS[name]})"


@cache
def _transformer(name: str, inverse: bool = False) -> Transformer:
    crs = PROJECTIONS[name]
    source, target = (crs, "EPSG:4326") if inverse else ("EPSG:4326", crs)
    return Transformer.from_crs(source, target, always_xy=True)


def project(name: str, lon, lat) -> tuple[np.ndarray, np.ndarray]:
    """Metres (x east, y north) in projection *name* of the points *lon*, *lat* (degrees)."""
    x, y = _transformer(name).transform(np.asarray(lon, float), np.asarray(lat, float))
    return np.asarray(x), np.asarray(y)


def unproject(name: str, x, y) -> tuple[np.ndarray, np.ndarray]:
    """Longitude and latitude (degrees) of the points *x*, *y* (metres) of projection *name*."""
    lon, lat = _transformer(name, True).transform(np.asarray(x, float), np.asarray(y, float))
    return np.asarray(lon), np.asarray(lat)


def project_shape(name: str, geometry):
    """A shapely geometry in lon/lat as metres of projection *name* (edges not densified)."""
    return shapely.transform(geometry, lambda xy: np.column_stack(project(name, *xy.T)))


def project_geometry(name: str, geometry: dict) -> dict | None:
    """A GeoJSON geometry (Point, LineString, MultiLineString, Polygon, MultiPolygon) with its
    coordinates in metres of projection *name*. In the europe projection it is first cut to the
    window around Europe: None if nothing of it is left."""
    if geometry["type"] not in SHAPES:
        raise ValueError(f"{geometry['type']} is not one of {', '.join(SHAPES)}")
    if name == "world":
        return shapely.geometry.mapping(project_shape(name, shapely.geometry.shape(geometry)))
    clipped = clip_to_window(name, shapely.geometry.shape(geometry))
    return None if clipped is None else shapely.geometry.mapping(project_shape(name, clipped))


def clip_to_window(name: str, geometry):
    """The part of *geometry* (shapely, lon/lat) that projection *name* draws, still in lon/lat:
    all of it for the world, the part in ``EUROPE_WINDOW`` for Europe (edges cut by the window
    densified, so that they curve with the graticule once projected); None if nothing is left."""
    if name == "world":
        return None if geometry.is_empty else geometry
    west, south, east, north = EUROPE_WINDOW
    bounds = geometry.bounds
    if bounds[0] >= west and bounds[1] >= south and bounds[2] <= east and bounds[3] <= north:
        return geometry
    part = shapely.intersection(geometry, shapely.box(west, south, east, north))
    if part.is_empty:
        return None
    return shapely.segmentize(part, DENSIFY_DEG)


def window_box(name: str, west: float, south: float, east: float, north: float):
    """The lon/lat box as a shapely polygon in metres of projection *name*, its edges densified
    (a parallel or a meridian is a curve in these projections)."""
    box = shapely.segmentize(shapely.box(west, south, east, north), DENSIFY_DEG)
    return project_shape(name, box)


def europe_window():
    """The window the europe projection draws (``EUROPE_WINDOW``), in metres of EPSG:3035."""
    return window_box("europe", *EUROPE_WINDOW)


def box_extent(name: str, west: float, south: float, east: float, north: float) -> list:
    """``[[xmin, ymin], [xmax, ymax]]`` in metres: the extent of a lon/lat box once projected."""
    xmin, ymin, xmax, ymax = window_box(name, west, south, east, north).bounds
    return [[xmin, ymin], [xmax, ymax]]
