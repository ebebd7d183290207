"""The projections of the views: pyproj's, checked against the figures their definitions give,
and the extent each view fits."""

from __future__ import annotations

import json

import numpy as np
import pytest
import shapely
from shapely.geometry import shape

from geodata import BORDERS, COUNTRIES
from geodata.projection import (
    PROJECTIONS,
    VIEW_PROJECTION,
    clip_to_window,
    europe_window,
    project,
    project_geometry,
    unproject,
)
from layers.views import VIEW_EXTENTS, VIEWS


@pytest.fixture(scope="module")
def countries():
    features = json.loads(COUNTRIES.read_text(encoding="utf-8"))["features"]
    return {f["properties"]["iso3"]: f["geometry"] for f in features if f["geometry"]}


def test_the_projections_are_equal_earth_and_laea_europe():
    assert PROJECTIONS == {"world": "EPSG:8857", "europe": "EPSG:3035"}
    assert VIEW_PROJECTION == {"world": "world", "europe": "europe", "eastern": "europe"}
    assert set(VIEW_EXTENTS) == set(VIEWS) == set(VIEW_PROJECTION)


def test_laea_europe_puts_its_centre_at_its_false_origin():
    # EPSG:3035: centre 52°N 10°E, false easting 4,321,000 m, false northing 3,210,000 m.
    x, y = project("europe", [10.0], [52.0])
    assert (x[0], y[0]) == pytest.approx((4_321_000, 3_210_000), abs=0.01)
    # Equal Earth (EPSG:8857): the equator at 180°E is 17,243,959 m east of the origin.
    x, y = project("world", [0.0, 180.0], [0.0, 0.0])
    assert x == pytest.approx([0, 17_243_959.06], abs=0.1) and y == pytest.approx([0, 0])


def test_unproject_returns_the_points_projected():
    lon, lat = np.array([-70.6, 21.0, 139.7]), np.array([-33.4, 52.2, 35.7])
    for name in PROJECTIONS:
        back = unproject(name, *project(name, lon, lat))
        assert np.allclose(back, (lon, lat), atol=1e-7), name


def test_both_projections_keep_areas_finland_against_poland(countries):
    """Equal-area: Finland (338,145 km²) is 1.08 times Poland (312,685 km²) in either projection;
    in Web Mercator it would be drawn about 1.7 times as large."""
    for name in PROJECTIONS:
        fin = project_geometry(name, countries["FIN"])
        pol = project_geometry(name, countries["POL"])
        ratio = shape(fin).area / shape(pol).area
        assert ratio == pytest.approx(338_145 / 312_685, rel=0.03), name


def test_project_geometry_keeps_the_type_and_moves_to_metres():
    point = project_geometry("europe", {"type": "Point", "coordinates": [10.0, 52.0]})
    assert point["type"] == "Point"
    assert point["coordinates"] == pytest.approx((4_321_000, 3_210_000), abs=0.01)
    line = {"type": "LineString", "coordinates": [[10.0, 52.0], [10.0, 53.0]]}
    projected = project_geometry("europe", line)
    # One degree of latitude along the central meridian is about 111.3 km.
    (x0, y0), (x1, y1) = projected["coordinates"]
    assert x0 == pytest.approx(x1, abs=1) and y1 - y0 == pytest.approx(111_300, rel=0.002)
    borders = json.loads(BORDERS.read_text(encoding="utf-8"))["features"]
    for feature in borders:
        assert project_geometry("europe", feature["geometry"])["type"].endswith("LineString")


def test_far_shapes_are_cut_to_the_europe_window(countries):
    assert project_geometry("europe", countries["CHL"]) is None
    assert project_geometry("europe", countries["NZL"]) is None
    russia = shape(project_geometry("europe", countries["RUS"]))
    window = europe_window()
    assert window.buffer(1000).contains(russia)
    # Russia is cut at 75°E: its European part (about 4 million km²) and part of Siberia.
    assert 4e12 < russia.area < 9e12
    # Finland lies wholly inside the window: untouched.
    assert clip_to_window("europe", shape(countries["FIN"])).equals(shape(countries["FIN"]))
    assert clip_to_window("world", shape(countries["CHL"])).equals(shape(countries["CHL"]))


def test_world_extent_is_the_inhabited_world_in_equal_earth():
    projection, ((xmin, ymin), (xmax, ymax)) = VIEW_EXTENTS["world"]
    assert projection == "world"
    assert (xmin, xmax) == pytest.approx((-17_243_959, 17_243_959), abs=1000)
    _, (south, north) = project("world", [0, 0], [-56, 84])
    assert (ymin, ymax) == pytest.approx((south, north), abs=1000)


def test_europe_extent_holds_the_box_of_the_europe_view():
    projection, ((xmin, ymin), (xmax, ymax)) = VIEW_EXTENTS["europe"]
    (south, west), (north, east) = VIEWS["europe"]
    lon = np.r_[np.linspace(west, east, 60), np.linspace(west, east, 60), [west] * 30, [east] * 30]
    lat = np.r_[[south] * 60, [north] * 60, np.linspace(south, north, 30), [north] * 30]
    x, y = project(projection, lon, lat)
    assert xmin <= x.min() <= xmin + 1000 and xmax - 1000 <= x.max() <= xmax
    assert ymin <= y.min() <= ymin + 1000 and ymax - 1000 <= y.max() <= ymax


def test_eastern_extent_holds_the_five_states_the_belt_and_the_north_cape(countries):
    projection, ((xmin, ymin), (xmax, ymax)) = VIEW_EXTENTS["eastern"]
    extent = shapely.box(xmin, ymin, xmax, ymax)
    for iso3 in ("FIN", "EST", "LVA", "LTU", "POL"):
        unit = shape(project_geometry(projection, countries[iso3]))
        assert extent.contains(unit), iso3
        assert unit.distance(extent.exterior) > 50_000, iso3  # a margin all round
    belt = json.loads(BORDERS.read_text(encoding="utf-8"))["features"]
    for feature in belt:
        if feature["properties"]["iso3"] != "UKR":
            assert extent.contains(shape(project_geometry(projection, feature["geometry"])))
    x, y = project(projection, [25.78, 31.1], [71.17, 70.37])  # the North Cape; Vardø
    assert extent.contains(shapely.MultiPoint(np.column_stack([x, y])))
    # Tight: Moscow (37.6°E) and Hamburg (10°E) are outside.
    x, y = project(projection, [37.6, 10.0], [55.75, 53.55])
    assert not extent.intersects(shapely.MultiPoint(np.column_stack([x, y])))
