"""The boundary layers are checked like the tables: each kind of damage, its exact message."""

from __future__ import annotations

import shutil

import pytest

from geodata import DATA_DIR, load_treaty
from geodata.geometry import geometry_paths, load_geometry, problems_in_geometry
from geodata.model import DataError


def damage_layer(folder, name: str, edit) -> None:
    """Put an edited copy of one of the project's layers in *folder*."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    edited = edit(text)
    assert edited != text, "the edit changed nothing"
    (folder / name).write_text(edited, encoding="utf-8")


def replace_once(old: str, new: str):
    return lambda text: text.replace(old, new, 1)


ABW = '"coordinates":[[[-69.888,12.418]'
DAMAGE = [
    (
        "countries.geojson",
        lambda text: "".join(text.splitlines(keepends=True)[:3]),  # cut after the second feature
        ["countries.geojson:4: file: is not valid JSON: Expecting value (column 1)"],
    ),
    (
        "countries.geojson",
        replace_once('"iso3":"FIN"', '"iso3":"FIX"'),
        [
            "countries.geojson:70: features[68] FIX iso3: FIX is not a map unit of states.csv",
            "countries.geojson:0: features: no feature for FIN (states.csv)",
        ],
    ),
    (
        "countries.geojson",
        replace_once(ABW, '"coordinates":[[["-69.888",12.418]'),
        [
            "countries.geojson:2: features[0] ABW geometry: Polygon: coordinates[0][0]: "
            "['-69.888', 12.418] is not a [longitude, latitude] pair"
        ],
    ),
    (
        "countries.geojson",
        replace_once(ABW, '"coordinates":[[[-69.888,112.418]'),
        [
            "countries.geojson:2: features[0] ABW geometry: Polygon: coordinates[0][0]: "
            "[-69.888, 112.418] is outside longitude -180..180, latitude -90..90"
        ],
    ),
    (
        "countries.geojson",
        replace_once('"geometry":{"type":"Polygon"', '"geometry":{"type":"Point"'),
        ["countries.geojson:2: features[0] ABW geometry: 'Point' is not a Polygon or MultiPolygon"],
    ),
    (
        "countries.geojson",
        replace_once('"pop_est":106314', '"pop_est":"many"'),
        ["countries.geojson:2: features[0] ABW pop_est: 'many' is not a population (a number, 0 or more)"],
    ),
    (
        "countries.geojson",
        lambda text: text.replace('"iso3":"ABW"', '"iso3":"AW"', 1),
        [
            "countries.geojson:2: features[0] iso3: 'AW' is not an ISO 3166 alpha-3 code",
            "countries.geojson:0: features: no feature for ABW (states.csv)",
        ],
    ),
    (
        "countries.geojson",
        lambda text: text.replace('"iso3":"AFG"', '"iso3":"ABW"', 1),
        [
            "countries.geojson:3: features[1] ABW iso3: ABW has a second feature (the first is features[0])",
            "countries.geojson:0: features: no feature for AFG (states.csv)",
        ],
    ),
    (
        "countries.geojson",
        replace_once('"label":{"world":[-70.011', '"label":{"world":[-270.011'),
        [
            "countries.geojson:2: features[0] ABW label.world: "
            "[-270.011, 12.548] is outside longitude -180..180, latitude -90..90"
        ],
    ),
    (
        "borders.geojson",
        replace_once('"measured_km":165.1', '"measured_km":-165.1'),
        ["borders.geojson:2: features[0] NOR measured_km: -165.1 is not a length in km (a number above 0)"],
    ),
    (
        "borders.geojson",
        lambda text: text.replace("\n", "").replace('"type":"Feature",', "", 1),
        ["borders.geojson:1: features[0] type: is not a GeoJSON Feature"],
    ),
    (
        "borders.geojson",
        lambda text: '{"type":"Feature","features":' + text.split('"features":', 1)[1],
        ["borders.geojson:1: file: is not a GeoJSON FeatureCollection"],
    ),
]  # fmt: skip


@pytest.fixture(scope="module")
def units():
    return load_treaty().units


def test_the_project_layers_are_sound(units):
    assert problems_in_geometry(DATA_DIR, units) == []
    geometry = load_geometry(DATA_DIR, units)
    assert len(geometry.countries["features"]) == len(units)


@pytest.mark.parametrize(("name", "edit", "expected"), DAMAGE)
def test_each_kind_of_damage_is_named_by_file_line_and_field(tmp_path, units, name, edit, expected):
    damage_layer(tmp_path, name, edit)
    assert [str(p) for p in problems_in_geometry(tmp_path, units)] == expected
    with pytest.raises(DataError) as raised:
        load_geometry(tmp_path, units)
    assert [str(p) for p in raised.value.problems] == expected


def test_a_folder_of_tables_only_uses_the_project_layers(tmp_path, units):
    shutil.copy(DATA_DIR / "states.csv", tmp_path / "states.csv")
    assert geometry_paths(tmp_path) == (
        DATA_DIR / "countries.geojson",
        DATA_DIR / "borders.geojson",
    )
    assert problems_in_geometry(tmp_path, units) == []
