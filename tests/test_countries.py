"""The committed boundary layers: every map unit joins a shape, drawn as the UN recognises it."""

from __future__ import annotations

import json

import pytest
import shapely
from shapely.geometry import Point, shape

from geodata import BORDERS, COUNTRIES, DATA_DIR
from geodata.timeline import status_on


@pytest.fixture(scope="module")
def countries():
    features = json.loads(COUNTRIES.read_text(encoding="utf-8"))["features"]
    return {f["properties"]["iso3"]: f for f in features}


def test_every_treaty_unit_joins_a_shape_and_every_shape_a_unit(treaty, countries):
    assert set(treaty.units) == set(countries)
    for iso3, feature in countries.items():
        assert feature["geometry"] is not None or "point" in feature["properties"], iso3


def test_every_territory_shape_shows_the_status_of_its_state(treaty, countries):
    from conftest import day

    territories = {i: treaty.units[i].part_of for i in countries if treaty.units[i].part_of}
    assert territories["GRL"] == "DNK" and territories["FLK"] == "GBR"  # SOURCES.md
    for when in ("1999-02-28", "2026-02-20"):
        for iso3, state in territories.items():
            expected = status_on(treaty, state, day(when))
            assert status_on(treaty, iso3, day(when)) is expected, (iso3, when)
    assert status_on(treaty, "FRO", day("1999-02-28")) == "consent_pending"  # Denmark's deposit


@pytest.mark.parametrize(
    ("lon", "lat", "iso3"),
    [
        (34.1, 45.0, "UKR"),  # Crimea is drawn in Ukraine
        (20.0, 60.2, "FIN"),  # Aland is part of Finland
        (20.5, 54.7, "RUS"),  # Kaliningrad
        (31.3, 26.0, "EGY"),  # Egypt (invalid as shipped, made valid)
        (-45.0, 70.0, "GRL"),
        (21.0, 42.6, "XKX"),
    ],
)
def test_places_fall_in_the_right_shape(countries, lon, lat, iso3):
    assert shape(countries[iso3]["geometry"]).contains(Point(lon, lat))


def test_microstates_get_a_point_to_hover(countries):
    for iso3 in ("VAT", "MCO", "SMR", "LIE", "AND", "MLT", "NRU", "TUV"):
        assert "point" in countries[iso3]["properties"], iso3


def test_display_layer_is_a_simplified_valid_coverage(countries):
    geometries = [shape(f["geometry"]) for f in countries.values() if f["geometry"]]
    assert all(g.is_valid for g in geometries)
    assert COUNTRIES.stat().st_size < 2_000_000
    vertices = sum(shapely.get_num_coordinates(g) for g in geometries)
    assert vertices < 547_000 / 3  # the 1:10m source has about 547k vertices


def test_belt_borders_measured_at_full_resolution_match_the_reference():
    lines = json.loads(BORDERS.read_text(encoding="utf-8"))["features"]
    measured = {
        (f["properties"]["iso3"], f["properties"]["neighbour"]): f["properties"]["measured_km"]
        for f in lines
    }
    # Figures measured on the 1:10m file in the reference notes (geodata.md).
    reference = {
        ("FIN", "RUS"): 1226,
        ("EST", "RUS"): 284,
        ("LVA", "BLR"): 136,
        ("POL", "RUS"): 206,
        ("UKR", "RUS"): 1524,
    }
    for pair, km in reference.items():
        assert measured[pair] == pytest.approx(km, abs=2), pair
    assert len(measured) == 11


def test_raw_source_is_committed():
    assert (DATA_DIR / "raw" / "ne_10m_admin_0_countries_deu.zip").stat().st_size > 4_000_000


def test_every_label_point_lies_inside_its_unit(countries):
    """Names go inside the shape, in both projections; a unit drawn as a point only (a
    microstate) is named at its point; a unit smaller than the rounding of its coordinates
    (the Vatican: three vertices 0.001° apart) on it."""
    for iso3, feature in countries.items():
        labels = feature["properties"]["label"]
        assert "world" in labels, iso3
        for name, (lon, lat) in labels.items():
            if feature["geometry"] is None:
                px, py = feature["properties"]["point"]
                assert abs(lon - px) < 0.2 and abs(lat - py) < 0.2, (iso3, name)
            elif "point" in feature["properties"]:
                assert shape(feature["geometry"]).distance(Point(lon, lat)) <= 0.001, iso3
            else:
                assert shape(feature["geometry"]).contains(Point(lon, lat)), (iso3, name)


@pytest.mark.parametrize("iso3", ["NOR", "HRV", "CHL", "IDN"])
def test_labels_go_inside_where_the_centroid_falls_outside(countries, iso3):
    """Norway, Croatia and Indonesia's centroids fall outside them (Chile's only just inside)."""
    unit = shape(countries[iso3]["geometry"])
    assert unit.contains(unit.centroid) is (iso3 == "CHL")
    for lon, lat in countries[iso3]["properties"]["label"].values():
        assert unit.contains(Point(lon, lat))
        # Well inside: at least 20 km (0.18° of latitude) from the coast or a border.
        assert unit.boundary.distance(Point(lon, lat)) > 0.18, iso3


def test_europe_labels_only_for_units_in_europe(countries):
    labels = {iso3: f["properties"]["label"] for iso3, f in countries.items()}
    assert {"FIN", "EST", "LVA", "LTU", "POL", "UKR", "BLR", "NOR", "RUS"} <= {
        i for i, label in labels.items() if "europe" in label
    }
    for iso3 in ("CHL", "AUS", "USA", "JPN", "ZAF"):
        assert "europe" not in labels[iso3], iso3
    # European Russia: its europe label is west of the Urals (60°E), its world label in Siberia.
    assert labels["RUS"]["europe"][0] < 60 < labels["RUS"]["world"][0]


def test_kaliningrad_is_named_in_russia_west_of_lithuania(countries):
    exclave = countries["RUS"]["properties"]["exclave"]
    assert exclave["name"] == "Kaliningrad"
    russia, lithuania = shape(countries["RUS"]["geometry"]), shape(countries["LTU"]["geometry"])
    for name in ("europe", "world"):
        lon, lat = exclave[name]
        assert russia.contains(Point(lon, lat))
        assert 54.3 < lat < 55.3 and 19.6 < lon < lithuania.bounds[0] + 1.5  # west of 22.9°E
        assert lon < 22.9  # Kaliningrad oblast lies west of Lithuania's southern border


def test_areas_are_equal_area_square_kilometres(countries):
    """Against published land areas (CIA World Factbook, total area): within 3 %."""
    published = {"FIN": 338_145, "POL": 312_685, "EST": 45_228, "LTU": 65_300, "FRA": 643_801}
    for iso3, km2 in published.items():
        assert countries[iso3]["properties"]["area_km2"] == pytest.approx(km2, rel=0.03), iso3
