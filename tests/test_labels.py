"""Country names: which are named in each view, in what order, and where they go."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from geodata.geometry import load_geometry
from layers.labels import Label, Obstacles, candidates, place

DAY = dt.date(2026, 2, 20)


@pytest.fixture(scope="module")
def countries():
    return load_geometry().countries


def texts(labels):
    return [label.text for label in labels]


@pytest.mark.parametrize("view", ["europe", "eastern"])
def test_the_flank_is_always_named_first(treaty, countries, view):
    labels = candidates(treaty, countries, view)
    assert texts(labels[:10]) == [
        "Finland", "Estonia", "Latvia", "Lithuania", "Poland", "Ukraine", "Russia",
        "Kaliningrad (Russia)", "Belarus", "Norway",
    ]  # fmt: skip
    assert all(label.always for label in labels[:10])
    assert not any(label.always for label in labels[10:])
    areas = [label.area_km2 for label in labels[10:]]
    assert areas == sorted(areas, reverse=True)  # then larger first
    rest = texts(labels[10:])
    assert rest.index("Kazakhstan") < rest.index("France") < rest.index("Germany")
    assert "Chile" not in rest and "Australia" not in rest  # outside Europe's window


def test_the_world_names_large_states_and_the_withdrawing_five(treaty, countries):
    labels = candidates(treaty, countries, "world")
    # Russia first: placed after the five, the Baltic names took its room.
    assert texts(labels[:6]) == ["Russia", "Finland", "Estonia", "Latvia", "Lithuania", "Poland"]
    rest = texts(labels[6:])
    assert set(rest[0:3]) == {"Canada", "United States", "China"}
    assert "Greenland" in rest  # a territory, 2.2 million km²
    assert "Western Sahara" not in rest and "Germany" not in rest  # not a State; 357,000 km²
    assert all(label.area_km2 >= 500_000 for label in labels[6:])


def test_a_state_is_not_named_before_it_exists(treaty, countries):
    by_iso3 = {label.iso3: label for label in candidates(treaty, countries, "world")}
    assert by_iso3["SSD"].from_day == dt.date(2011, 7, 9)
    europe = {label.iso3: label for label in candidates(treaty, countries, "europe")}
    assert europe["MNE"].from_day == dt.date(2006, 6, 3)
    assert europe["SRB"].from_day is None
    # Finland's label point in metres of LAEA Europe: about 26°E 62.5°N, some 900 km east and
    # 1,250 km north of the projection's centre (10°E 52°N; 4,321 km, 3,210 km).
    assert 5.0e6 < europe["FIN"].x < 5.3e6 and 4.3e6 < europe["FIN"].y < 4.6e6


def label(iso3, x, y, always=False, from_day=None, text=None):
    return Label(iso3, text or iso3, x, y, always, 1.0, from_day)


def identity(x, y):
    """Metres are pixels, y down: a picture with the map's origin at its top left."""
    return np.column_stack([x, y])


def measure(text):
    return (10 * len(text), 10)  # 10 px a character, 10 px high


NONE = Obstacles()


def placed(labels, obstacles=NONE, day=DAY, size=(400, 300)):
    return {p.label.iso3: p for p in place(labels, identity, measure, obstacles, *size, day)}


def test_a_label_is_centred_on_its_point():
    result = placed([label("AAA", 100, 50)])
    assert result["AAA"].box == (85, 45, 115, 55)


def test_a_label_overlapping_one_placed_before_is_skipped():
    result = placed([label("AAA", 100, 50), label("BBB", 120, 55), label("CCC", 200, 50)])
    assert set(result) == {"AAA", "CCC"}


def test_an_always_label_moves_above_then_below_then_aside():
    first = label("AAA", 100, 50, text="A")  # box 95..105 x 45..55
    result = placed([first, label("BBB", 100, 44, always=True)])
    assert result["BBB"].box == (85, 29, 115, 39)  # 10 px up: clear of A
    result = placed([label("AAA", 100, 30), label("BBB", 100, 38, always=True)])
    assert result["BBB"].box == (85, 43, 115, 53)  # up would still overlap: 10 px down
    above = label("CCC", 100, 30, text="C")  # box 95..105 x 25..35
    result = placed([first, above, label("BBB", 100, 44, always=True)])
    assert result["BBB"].box == (65, 39, 95, 49)  # up and down taken: to the left


def test_an_always_label_with_no_room_is_placed_anyway_inside_the_picture():
    walls = Obstacles(boxes=[(0, 0, 400, 300)])  # a panel over everything
    result = placed([label("AAA", 5, 5, always=True), label("BBB", 200, 150)], walls)
    assert set(result) == {"AAA"}
    assert result["AAA"].box == (0, 0, 30, 10)  # pushed back inside the picture


def test_labels_keep_off_panels_and_the_picture_edge():
    panel = Obstacles(boxes=[(0, 0, 150, 100)])
    result = placed([label("AAA", 140, 90), label("BBB", 160, 110), label("CCC", 395, 200)], panel)
    assert set(result) == {"BBB"}  # AAA under the panel; CCC runs off the right edge


def test_labels_keep_off_the_belt_line():
    belt = Obstacles(lines=[np.array([[0.0, 0.0], [300.0, 300.0]])])  # the diagonal y = x
    result = placed([label("AAA", 100, 100), label("BBB", 200, 100), label("CCC", 100, 80)], belt)
    assert set(result) == {"BBB"}  # AAA sits on the line; CCC's box (85..115, 75..85) meets it
    vertical = Obstacles(lines=[np.array([[120.0, 0.0], [120.0, 300.0]])])
    assert set(placed([label("AAA", 100, 50)], vertical)) == {"AAA"}  # passes 5 px to the right


def test_a_state_that_does_not_exist_yet_is_not_named():
    south_sudan = [label("SSD", 100, 50, from_day=dt.date(2011, 7, 9))]
    assert placed(south_sudan, day=dt.date(2011, 7, 8)) == {}
    assert set(placed(south_sudan, day=dt.date(2011, 7, 9))) == {"SSD"}
