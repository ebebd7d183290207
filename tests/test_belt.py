"""The belt in numbers: runs of each border's state, the pairs on key dates, published and
measured totals (a missing published length said as such everywhere), the one belt CSV, and
full-resolution lengths."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest
import shapely
from conftest import day
from pyproj import Geod
from shapely.geometry import shape

from geodata import COUNTRIES, DATA_DIR
from geodata.belt import belt_csv, belt_pairs, belt_totals, measured, on_day, pair_runs, totals_runs
from geodata.build_countries import read_natural_earth
from geodata.geometry import load_geometry
from geodata.model import Treaty
from layers.beltstats import belt_sentence
from layers.export import belt_csv_bytes
from layers.picture.render import Frame, MapRenderer

LENGTHS = measured(load_geometry().borders)
EIGHT = {
    ("FIN", "RUS"), ("EST", "RUS"), ("LVA", "RUS"), ("LVA", "BLR"),
    ("LTU", "RUS"), ("LTU", "BLR"), ("POL", "RUS"), ("POL", "BLR"),
}  # fmt: skip
UKRAINE = {("UKR", "RUS"), ("UKR", "BLR")}
# From geodata/borders_published.csv.
PUBLISHED = {
    ("FIN", "RUS"): 1309, ("EST", "RUS"): 324, ("LVA", "RUS"): 332, ("LVA", "BLR"): 161,
    ("LTU", "BLR"): 640, ("LTU", "RUS"): 261, ("POL", "BLR"): 418, ("POL", "RUS"): 209,
}  # fmt: skip


@pytest.fixture(scope="module")
def runs(treaty):
    return pair_runs(treaty, LENGTHS)


@pytest.fixture(scope="module")
def pairs(treaty):
    return belt_pairs(treaty, day("2026-02-20"), LENGTHS)


def states_on(runs, when: str) -> dict[tuple[str, str], str]:
    return {pair: on_day(steps, day(when)) for pair, steps in runs.items()}


def test_the_eleven_borders_have_runs(runs):
    assert set(runs) == EIGHT | UKRAINE | {("NOR", "RUS")}


def test_on_2025_03_17_no_pair_is_on(runs):
    assert set(states_on(runs, "2025-03-17").values()) == {"off"}


def test_on_2025_03_18_the_joint_statement_puts_seven_pairs_on(runs):
    on = {pair for pair, state in states_on(runs, "2025-03-18").items() if state == "on"}
    assert on == {
        ("POL", "BLR"), ("POL", "RUS"), ("LTU", "BLR"), ("LTU", "RUS"),
        ("LVA", "BLR"), ("LVA", "RUS"), ("EST", "RUS"),
    }  # fmt: skip
    assert states_on(runs, "2025-03-18")[("FIN", "RUS")] == "off"  # Finland decided on 1 April


def test_on_2026_02_20_eight_pairs_are_on_and_ukraine_is_contested(runs):
    states = states_on(runs, "2026-02-20")
    assert {pair for pair, state in states.items() if state == "on"} == EIGHT
    assert {pair for pair, state in states.items() if state == "contested"} == UKRAINE
    assert states[("NOR", "RUS")] == "off"


def test_a_run_starts_only_where_the_state_changes(runs):
    # Finland: party until its government's decision of 1 Apr 2025; announced, notified and
    # withdrawn are all "on". Ukraine: its decree of 29 Jun 2025, then the "suspension".
    assert runs[("FIN", "RUS")] == [(day("1997-12-03"), "off"), (day("2025-04-01"), "on")]
    assert runs[("UKR", "BLR")] == [(day("1997-12-03"), "off"), (day("2025-06-29"), "contested")]
    assert runs[("NOR", "RUS")] == [(day("1997-12-03"), "off")]


def test_totals_change_on_the_four_days_the_belt_does(treaty):
    people = {"EST": 1, "LVA": 2, "LTU": 3, "POL": 40, "FIN": 5, "UKR": 100, "NOR": 7}
    runs = totals_runs(treaty, LENGTHS, people)
    assert [first for first, _ in runs] == [
        day("1997-12-03"), day("2025-03-18"), day("2025-04-01"), day("2025-06-29")
    ]  # fmt: skip
    empty, baltic_poland, with_finland, with_ukraine = (totals for _, totals in runs)
    assert empty.states == () and empty.published_km == 0 and empty.population == 0
    assert baltic_poland.states == ("EST", "LVA", "LTU", "POL")
    assert baltic_poland.published_km == 324 + 332 + 161 + 640 + 261 + 418 + 209
    assert baltic_poland.population == 46
    assert with_finland.published_km == 3654 and with_finland.population == 51
    assert with_finland.contested_states == ()
    assert with_ukraine.contested_states == ("UKR",)
    assert with_ukraine.contested_published_km == 1944 + 1111  # not added to the belt
    assert with_ukraine.published_km == 3654 and with_ukraine.population == 51
    assert on_day(runs, day("2026-02-20")) == with_ukraine


def test_published_total_on_2026_02_20_and_measured_within_25_percent(pairs):
    totals = belt_totals(pairs, {})
    assert totals.published_km == 1309 + 324 + 332 + 161 + 640 + 261 + 418 + 209 == 3654
    assert totals.published_missing == ()
    assert totals.measured_km == pytest.approx(sum(LENGTHS[p] for p in EIGHT), abs=0.05)
    assert abs(totals.measured_km - totals.published_km) <= 0.25 * totals.published_km
    assert totals.states == ("FIN", "EST", "LVA", "LTU", "POL")
    assert {(p.iso3, p.neighbour): p.published_km for p in pairs if p.in_belt} == PUBLISHED


@pytest.fixture(scope="module")
def finland_unpublished(treaty):
    """The real tables without a published length for Finland-Russia."""
    published = {pair: row for pair, row in treaty.published.items() if pair != ("FIN", "RUS")}
    return Treaty(treaty.units, treaty.events, published)


def test_a_missing_published_length_is_none_and_named_not_zero(finland_unpublished):
    pairs = belt_pairs(finland_unpublished, day("2026-02-20"), LENGTHS)
    finland = next(p for p in pairs if (p.iso3, p.neighbour) == ("FIN", "RUS"))
    assert finland.published_km is None and finland.in_belt
    totals = belt_totals(pairs, {})
    assert totals.published_km == 3654 - 1309
    assert totals.published_missing == (("FIN", "RUS"),)


def test_a_missing_published_length_is_said_the_same_way_everywhere(finland_unpublished):
    treaty, when = finland_unpublished, day("2026-02-20")
    sentence = belt_sentence(treaty, belt_pairs(treaty, when, LENGTHS), {})
    assert "2,345 km of land border" in sentence
    assert "(published figures; not published: Finland–Russia;" in sentence
    rows = list(csv.DictReader(io.StringIO(belt_csv(treaty, when, LENGTHS))))
    finland = next(r for r in rows if r["iso3"] == "FIN")
    assert (finland["published_km"], finland["published_source"]) == ("", "")
    geometry = load_geometry()
    renderer = MapRenderer(
        treaty, geometry.countries, geometry.borders, "eastern", 640, 360, (when, when)
    )
    renderer.image(Frame(when))
    measured_km = sum(LENGTHS[p] for p in EIGHT)
    assert f"Belt: 2,345 km published, {measured_km:,.0f} km measured" in renderer.drawn
    assert "not published: Finland–Russia" in renderer.drawn


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
    assert frame.crs.to_epsg() == 4326 and len(frame) == 243  # one row per map unit
    assert shapely.get_num_coordinates(full["FIN"]) > 3 * shapely.get_num_coordinates(
        features["FIN"]
    )


def _countries():
    import json

    return json.loads(COUNTRIES.read_text(encoding="utf-8"))["features"]


def test_belt_csv_exact_text_on_two_borders(treaty):
    lengths = {("FIN", "RUS"): 1225.54, ("UKR", "BLR"): 900.04}
    finland = (
        '"CIA World Factbook, Finland: Land boundaries (as compiled in the project reference, '
        'geodata.md)"'
    )
    ukraine = (
        '"CIA World Factbook, Ukraine: Land boundaries (as compiled in the project reference, '
        'geodata.md)"'
    )
    assert belt_csv(treaty, day("2026-02-20"), lengths) == (
        "date,iso3,name,neighbour_iso3,neighbour_name,status,belt,published_km,measured_km,"
        "published_source\n"
        f"2026-02-20,FIN,Finland,RUS,Russia,withdrawn,on,1309,1225.5,{finland}\n"
        f"2026-02-20,UKR,Ukraine,BLR,Belarus,suspension_contested,contested,1111,900.0,{ukraine}\n"
    )
    assert belt_csv(treaty, day("2025-03-17"), lengths).splitlines()[1:] == [
        f"2025-03-17,FIN,Finland,RUS,Russia,party,off,1309,1225.5,{finland}",
        f"2025-03-17,UKR,Ukraine,BLR,Belarus,party,off,1111,900.0,{ukraine}",
    ]


def test_the_command_line_and_the_download_write_the_same_belt_csv(treaty):
    result = subprocess.run(
        [sys.executable, "-m", "geodata", "belt", "--date", "2025-07-01"],
        capture_output=True, text=True, cwd=DATA_DIR.parent,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    download = belt_csv_bytes(treaty, load_geometry(), day("2025-07-01")).decode()
    assert result.stdout == download
    rows = list(csv.DictReader(io.StringIO(download)))
    assert len(rows) == 11 and {r["date"] for r in rows} == {"2025-07-01"}
    by_pair = {(r["iso3"], r["neighbour_iso3"]): (r["status"], r["belt"]) for r in rows}
    assert by_pair[("POL", "BLR")] == ("withdrawal_announced", "on")
    assert by_pair[("LTU", "RUS")] == ("withdrawal_pending", "on")
    assert by_pair[("NOR", "RUS")] == ("party", "off")
    assert by_pair[("UKR", "RUS")] == ("withdrawal_announced", "contested")
    finland = next(r for r in rows if r["iso3"] == "FIN")
    assert (finland["name"], finland["neighbour_name"], finland["published_km"]) == (
        "Finland",
        "Russia",
        "1309",
    )
    assert "CIA World Factbook" in finland["published_source"]
    assert float(finland["measured_km"]) == pytest.approx(LENGTHS[("FIN", "RUS")], abs=0.05)


def test_the_sentence_labels_both_figures_and_keeps_ukraine_apart(treaty, pairs):
    measured_km = sum(LENGTHS[p] for p in EIGHT)
    text = belt_sentence(treaty, pairs, {"FIN": 5_000_000, "POL": 38_000_000})
    assert text == (
        "Belt: 3,654 km of land border with Russia and Belarus (published figures; "
        f"{measured_km:,.0f} km measured on the 1:10m map) along Finland, Estonia, Latvia, "
        "Lithuania, Poland: 43.0 million people (Natural Earth estimate). "
        "Ukraine: 3,055 km published, contested, not counted."
    )
    before = belt_pairs(treaty, day("2025-03-17"), LENGTHS)
    assert belt_sentence(treaty, before, {}) == (
        "No State bordering Russia or Belarus has announced or made a withdrawal."
    )
