"""The belt in numbers: the eight pairs, published and measured totals, full-resolution lengths."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import geopandas as gpd
import pytest
import shapely
from conftest import day
from pyproj import Geod
from shapely.geometry import shape

from geodata import COUNTRIES, DATA_DIR
from geodata.belt import belt_pairs, belt_totals, measured
from geodata.build_countries import read_natural_earth
from geodata.geometry import load_geometry
from layers.beltstats import belt_sentence
from layers.export import belt_csv_bytes

LENGTHS = measured(load_geometry().borders)
EIGHT = {
    ("FIN", "RUS"), ("EST", "RUS"), ("LVA", "RUS"), ("LVA", "BLR"),
    ("LTU", "RUS"), ("LTU", "BLR"), ("POL", "RUS"), ("POL", "BLR"),
}  # fmt: skip


@pytest.fixture(scope="module")
def pairs(treaty):
    return belt_pairs(treaty, day("2026-02-20"), LENGTHS)


def test_on_2026_02_20_the_belt_is_exactly_the_eight_pairs(pairs):
    assert {(p.iso3, p.neighbour) for p in pairs if p.in_belt} == EIGHT
    ukraine = [p for p in pairs if p.iso3 == "UKR"]
    assert {p.state for p in ukraine} == {"contested"} and not any(p.in_belt for p in ukraine)


def test_published_total_is_the_sum_of_the_published_pairs_and_measured_is_within_25_percent(pairs):
    rows = list(csv.DictReader((DATA_DIR / "borders_published.csv").open(encoding="utf-8")))
    published = sum(
        float(r["published_km"]) for r in rows if (r["iso3"], r["neighbour_iso3"]) in EIGHT
    )
    totals = belt_totals(pairs, {})
    assert totals.published_km == published == 3654
    assert abs(totals.measured_km - totals.published_km) <= 0.25 * totals.published_km
    assert totals.states == ("FIN", "EST", "LVA", "LTU", "POL")


def test_measured_lengths_come_from_the_full_resolution_boundaries():
    """Recompute every length from the 1:10m source and compare; the display layer gives others."""
    frame = read_natural_earth()
    full = dict(zip(frame["iso3"], frame.geometry.values, strict=True))
    geod = Geod(ellps="WGS84")
    features = {
        f["properties"]["iso3"]: shape(f["geometry"]) for f in _countries() if f["geometry"]
    }
    lengths = LENGTHS
    coarse_total = 0.0
    for (iso3, neighbour), km in lengths.items():
        line = full[iso3].boundary.intersection(full[neighbour].boundary)
        assert geod.geometry_length(line) / 1000 == pytest.approx(km, abs=0.1), (iso3, neighbour)
        coarse = features[iso3].boundary.intersection(features[neighbour].boundary)
        coarse_total += geod.geometry_length(coarse) / 1000
    # The simplified display layer cuts the bends: its borders are clearly shorter.
    assert sum(lengths.values()) - coarse_total > 100
    assert isinstance(frame, gpd.GeoDataFrame)
    assert shapely.get_num_coordinates(full["FIN"]) > 3 * shapely.get_num_coordinates(
        features["FIN"]
    )


def _countries():
    import json

    return json.loads(COUNTRIES.read_text(encoding="utf-8"))["features"]


def test_belt_command_line():
    result = subprocess.run(
        [sys.executable, "-m", "geodata", "belt", "--date", "2025-07-01"],
        capture_output=True, text=True, cwd=DATA_DIR.parent,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["iso3", "neighbour_iso3", "status", "measured_km", "published_km"]
    by_pair = {(r["iso3"], r["neighbour_iso3"]): r for r in rows}
    assert by_pair[("POL", "BLR")]["status"] == "withdrawal_announced"
    assert by_pair[("LTU", "RUS")]["status"] == "withdrawal_pending"
    assert by_pair[("NOR", "RUS")]["status"] == "party"
    assert by_pair[("FIN", "RUS")]["published_km"] == "1309"
    assert len(rows) == 11


def test_the_sentence_labels_both_figures_and_keeps_ukraine_apart(treaty, pairs):
    text = belt_sentence(treaty, pairs, {"FIN": 5_000_000, "POL": 38_000_000})
    assert (
        "3,654 km" in text and "published figures" in text and "measured on the 1:10m map" in text
    )
    assert "43.0 million people (Natural Earth estimate)" in text
    assert "Ukraine: 3,055 km published, contested, not counted." in text
    before = belt_pairs(treaty, day("2025-03-17"), LENGTHS)
    assert belt_sentence(treaty, before, {}).startswith("No State bordering Russia or Belarus")


def test_the_belt_csv_names_its_date_and_every_pair_with_codes_and_sources(treaty):
    text = belt_csv_bytes(treaty, load_geometry(), day("2026-02-20")).decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {(r["iso3"], r["neighbour_iso3"]) for r in rows if r["on the belt"] == "yes"} == EIGHT
    assert {r["date"] for r in rows} == {"2026-02-20"} and len(rows) == 11
    ukraine = [r for r in rows if r["iso3"] == "UKR"]
    assert {r["on the belt"] for r in ukraine} == {"contested"}
    finland = next(r for r in rows if r["iso3"] == "FIN")
    assert (finland["status"], finland["published km"]) == ("Withdrawn", "1309.0")
    assert "CIA World Factbook" in finland["published source"]
    assert float(finland["measured km (1:10m)"]) == pytest.approx(LENGTHS[("FIN", "RUS")], abs=0.1)
