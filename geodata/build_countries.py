"""Regenerate ``countries.geojson`` and ``borders.geojson`` from Natural Earth 1:10m.

Run ``python -m geodata.build_countries``. Input: ``raw/ne_10m_admin_0_countries_deu.zip``
(Natural Earth 5.1.1, German point of view: Crimea in Ukraine), checked by its SHA-256.
Every decision taken here is recorded in ``SOURCES.md``.
"""

from __future__ import annotations

import hashlib
import json
import sys

import geopandas as gpd
import numpy as np
import shapely
import shapely.ops
from pyproj import Geod

from geodata import BORDERS, COUNTRIES, DATA_DIR, load_treaty
from geodata.belt import BELT_STATES, NEIGHBOURS
from geodata.projection import clip_to_window, project_shape, unproject

RAW = DATA_DIR / "raw" / "ne_10m_admin_0_countries_deu.zip"
RAW_SHA256 = "125fc4b1f425926b8bd22dce23af6f9f873543c2fe330915ccbe0aa7fa21ff82"
# Display layer: coverage simplification keeps shared borders shared (about 5 km at 0.05 deg).
TOLERANCE_DEG = 0.05
PRECISION_DEG = 0.001
# Islands smaller than this (square degrees; about 60 km2 at the equator) are left out of the
# display layer, except a unit's largest part: invisible at the map's zooms, they cost the browser
# a polygon each (about 2,200 of the 4,000 parts). Borders are measured on the full shapes.
ISLAND_DEG2 = 0.005
# Units smaller than this (square degrees; about 6,000 km2 at the equator) also get a point at
# their largest island, so that microstates and island States can be seen and hovered.
SMALL_AREA = 0.5
MERGED = {"ALA": "FIN"}  # Aland is part of Finland.
DROPPED = {"ATA"}  # Antarctica: no State; the world view ends at 56°S.
RENAMED = {"KOS": "XKX"}  # Natural Earth's Kosovo code; the treaty table uses XKX.
# Label points: the pole of inaccessibility of a unit's largest part in each projection, found
# to within this many metres (or a fiftieth of the part's size, for small islands).
LABEL_TOLERANCE_M = 2000
# Russia's Kaliningrad exclave is the part of Russia that holds this point (Kaliningrad oblast).
KALININGRAD = shapely.Point(20.5, 54.7)


def read_natural_earth() -> gpd.GeoDataFrame:
    """Full-resolution shapes, one row per map unit code, valid geometry."""
    digest = hashlib.sha256(RAW.read_bytes()).hexdigest()
    if digest != RAW_SHA256:
        sys.exit(f"{RAW}: SHA-256 {digest} is not the recorded {RAW_SHA256}")
    # The zip has no .cpg file: without the encoding, names such as Aland come out garbled.
    frame = gpd.read_file(f"zip://{RAW}", encoding="utf-8")
    # ISO_A3 is -99 for France and Norway; ISO_A3_EH is right except where it is -99 too.
    key = frame["ISO_A3_EH"].where(frame["ISO_A3_EH"] != "-99", frame["ADM0_A3"])
    frame["iso3"] = key.replace(RENAMED).replace(MERGED)
    frame = frame[~frame["iso3"].isin(DROPPED)]
    frame["geometry"] = shapely.make_valid(frame.geometry.values)  # Egypt is invalid as shipped.
    # ISO_A3_EH repeats (France and Clipperton, Australia and its islands): one shape per code.
    return frame.dissolve(by="iso3", aggfunc={"POP_EST": "sum"}).reset_index()


def display_layer(frame: gpd.GeoDataFrame) -> dict:
    """The simplified, rounded coverage as a GeoJSON FeatureCollection."""
    simplified = shapely.coverage_simplify(frame.geometry.values, TOLERANCE_DEG)
    simplified = shapely.set_precision(simplified, PRECISION_DEG)
    simplified = [_without_islets(shape) for shape in simplified]
    features = []
    for iso3, population, full, shape in zip(
        frame["iso3"], frame["POP_EST"], frame.geometry.values, simplified, strict=True
    ):
        properties = {"iso3": iso3, "pop_est": int(population), **label_properties(full, shape)}
        if iso3 == "RUS":
            properties["exclave"] = exclave(shape)
        if shape.is_empty or full.area < SMALL_AREA:
            largest = max(getattr(full, "geoms", [full]), key=lambda part: part.area)
            point = largest.representative_point()
            properties["point"] = [round(point.x, 3), round(point.y, 3)]
        geometry = None if shape.is_empty else shapely.geometry.mapping(shape)
        features.append({"type": "Feature", "properties": properties, "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}


def label_properties(full, shape) -> dict:
    """``area_km2`` (equal-area, in Equal Earth, of the full-resolution shape) and ``label``: a
    point inside the unit's largest part in each projection (Europe only where the unit lies in
    the window the europe projection draws), as [lon, lat] rounded to 0.001°."""
    area = project_shape("world", full).area / 1e6
    base = full if shape.is_empty else shape
    label = {}
    for name in ("world", "europe"):
        part = clip_to_window(name, base)
        if part is not None:
            label[name] = label_point(name, part, base)
    return {"area_km2": round(area) if area >= 10 else round(area, 2), "label": label}


def exclave(shape) -> dict:
    """Russia's Kaliningrad part and its label point in each projection."""
    part = next(p for p in shape.geoms if p.contains(KALININGRAD))
    points = {name: label_point(name, part, part) for name in ("europe", "world")}
    return {"name": "Kaliningrad", **points}


def label_point(name: str, geometry, unit) -> list[float]:
    """A point inside the largest part of *geometry* (lon/lat) as projected by *name*: the centre
    of the largest circle inside it (``polylabel``), measured in metres so that the point is
    as far from every edge on the map as it can be. Back in lon/lat, rounded; if rounding took
    it out of *unit* (a sliver of an island), a point surely inside the part is used."""
    projected = project_shape(name, geometry)
    part = max(getattr(projected, "geoms", [projected]), key=lambda p: p.area)
    tolerance = min(LABEL_TOLERANCE_M, part.area**0.5 / 50)
    centre = shapely.ops.polylabel(part, tolerance)
    if not part.contains(centre):
        centre = part.representative_point()
    lon, lat = unproject(name, centre.x, centre.y)
    point = [round(float(lon), 3), round(float(lat), 3)]
    if not unit.contains(shapely.Point(point)):
        inside = shapely.Point(unproject(name, *part.representative_point().coords[0]))
        point = [round(inside.x, 3), round(inside.y, 3)]
    return point


def _without_islets(shape):
    parts = list(getattr(shape, "geoms", [shape]))
    if shape.is_empty or len(parts) == 1:
        return shape
    largest = max(parts, key=lambda part: part.area)
    kept = [p for p in parts if p.area >= ISLAND_DEG2 or p is largest]
    return shapely.MultiPolygon(kept) if len(kept) > 1 else kept[0]


def border_lines(frame: gpd.GeoDataFrame) -> dict:
    """Land borders of the belt states with Russia and Belarus, measured at full resolution."""
    geod = Geod(ellps="WGS84")
    shapes = dict(zip(frame["iso3"], frame.geometry.values, strict=True))
    features = []
    for iso3 in BELT_STATES:
        for neighbour in NEIGHBOURS:
            line = shapely.line_merge(
                shapes[iso3].boundary.intersection(shapes[neighbour].boundary)
            )
            if line.is_empty or line.length == 0:
                continue
            km = geod.geometry_length(line) / 1000
            display = shapely.set_precision(line.simplify(0.01), PRECISION_DEG)
            features.append(
                {
                    "type": "Feature",
                    "properties": {
                        "iso3": iso3,
                        "neighbour": neighbour,
                        "measured_km": round(km, 1),
                    },
                    "geometry": shapely.geometry.mapping(display),
                }
            )
    return {"type": "FeatureCollection", "features": features}


def check_join(frame: gpd.GeoDataFrame) -> list[str]:
    """Codes in the treaty table without a shape, and shapes without a treaty row."""
    units = set(load_treaty().units)
    shapes = set(frame["iso3"])
    return [f"no shape for {c}" for c in sorted(units - shapes)] + [
        f"no treaty row for shape {c}" for c in sorted(shapes - units)
    ]


def write(path, collection: dict) -> None:
    """Compact JSON, one feature a line (line 2 is the first): geodata/geometry.py locates a
    damaged feature by its line."""
    features = (
        json.dumps(feature, separators=(",", ":"), ensure_ascii=False, default=_plain)
        for feature in collection["features"]
    )
    text = '{"type":"FeatureCollection","features":[\n' + ",\n".join(features) + "\n]}\n"
    path.write_text(text, encoding="utf-8")
    print(f"{path.name}: {len(collection['features'])} features, {len(text):,} bytes")


def _plain(value):
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(type(value))


def main() -> int:
    frame = read_natural_earth()
    problems = check_join(frame)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 2
    write(COUNTRIES, display_layer(frame))
    write(BORDERS, border_lines(frame))
    return 0


if __name__ == "__main__":
    sys.exit(main())
