"""The rendered map page: offline, one payload, and the right colour for the right country."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import pytest
from conftest import day

from geodata import BORDERS, COUNTRIES
from geodata.model import Status, Treaty
from layers.style import STATUS_STYLE
from layers.web.page import render_page
from layers.web.payload import day_number, script_json

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def geometry():
    return (
        json.loads(COUNTRIES.read_text(encoding="utf-8")),
        json.loads(BORDERS.read_text(encoding="utf-8")),
    )


@pytest.fixture(scope="module")
def page(treaty, geometry):
    return render_page(treaty, *geometry, day=day("2026-02-20"), view="eastern", today=TODAY)


def page_data(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="mbt-data">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def fill_on(data: dict, iso3: str, when: str) -> str:
    """The fill the page's own lookup gives a unit on a date (what the browser paints)."""
    runs = data["units"][iso3]["r"]
    index = [status for start, status in runs if start <= day_number(day(when))][-1]
    style = data["styles"][index]
    return f"url(#mbt-pattern-{style['code']})" if style["pattern"] else style["colour"]


@pytest.mark.parametrize(
    ("iso3", "when", "status"),
    [
        ("POL", "2024-06-01", Status.PARTY),
        ("POL", "2025-03-18", Status.WITHDRAWAL_ANNOUNCED),
        ("POL", "2026-03-01", Status.WITHDRAWN),
        ("FIN", "2025-08-01", Status.WITHDRAWAL_PENDING),
        ("UKR", "2025-08-01", Status.SUSPENSION_CONTESTED),
        ("SSD", "2010-01-01", Status.PARTY),
        ("MHL", "2000-01-01", Status.SIGNATORY),
        ("RUS", "2026-03-01", Status.NON_PARTY),
        ("GRL", "2026-03-01", Status.PARTY),
    ],
)
def test_page_colours_each_country_by_its_status(page, iso3, when, status):
    style = STATUS_STYLE[status]
    expected = f"url(#mbt-pattern-{status})" if style.pattern else style.colour
    assert fill_on(page_data(page), iso3, when) == expected


def test_page_is_self_contained(page):
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"(https?:)?//", page)
    assert "@import" not in page
    assert "Leaflet 1.9.4" in page
    assert len(page.encode()) < 3_000_000


def test_geometry_and_timeline_are_in_the_page_once(page, geometry):
    data = page_data(page)
    # Poland's shape is sent once per projection: the world's and Europe's.
    assert page.count('["POL",null,[[[') == 2
    assert len(data["projections"]["world"]["shapes"]) == len(geometry[0]["features"])
    europe = {shape[0] for shape in data["projections"]["europe"]["shapes"]}
    assert {"POL", "FIN", "RUS", "NOR", "ISL", "PRT", "TUR"} <= europe
    assert not europe & {"AUS", "BRA", "USA", "ZAF", "JPN"}  # outside Europe's window
    assert data["start"] == day_number(day("1997-12-03"))
    assert data["end"] == day_number(TODAY)


def test_counts_in_the_page_match_the_model(page, treaty):
    from geodata.timeline import counts_on

    data = page_data(page)
    for when in ("1999-03-01", "2025-12-27", "2026-02-20"):
        counts = [c for start, c in data["counts"] if start <= day_number(day(when))][-1]
        assert counts == [counts_on(treaty, day(when))[s] for s in Status]


def test_text_from_the_data_cannot_break_out_of_the_script(treaty, geometry):
    # Also Jinja: branca re-renders macro output as a template unless it goes in raw.
    hostile = "</script><script>alert('x')</script><!-- {{ 7*7 }} {% raw %}"
    units = dict(treaty.units)
    units["POL"] = dataclasses.replace(units["POL"], name=hostile, note=hostile)
    page = render_page(Treaty(units, treaty.events), *geometry, day=day("2026-01-01"), today=TODAY)
    assert hostile not in page
    assert page_data(page)["units"]["POL"]["n"] == hostile
    assert "49" not in page_data(page)["units"]["POL"]["note"]


def test_script_json_escapes_markup():
    assert script_json({"a": "</script>&<!--"}) == '{"a":"\\u003c/script\\u003e\\u0026\\u003c!--"}'


@pytest.mark.parametrize(
    ("projection", "crs", "metres"), [("world", "EPSG:8857", 1000), ("europe", "EPSG:3035", 500)]
)
def test_shapes_decode_to_the_display_layer_in_each_projection(
    page, geometry, projection, crs, metres
):
    from pyproj import Transformer

    to_plane = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    data = page_data(page)["projections"][projection]
    assert data["unit"] == metres / 1000
    shapes = {iso3: polygons for iso3, _, polygons in data["shapes"]}
    poland = next(f for f in geometry[0]["features"] if f["properties"]["iso3"] == "POL")
    ring = (
        poland["geometry"]["coordinates"][0]
        if poland["geometry"]["type"] == "Polygon"
        else poland["geometry"]["coordinates"][0][0]
    )
    flat, x, y, decoded = shapes["POL"][0][0], 0, 0, []
    for i in range(0, len(flat), 2):
        x, y = x + flat[i], y + flat[i + 1]
        decoded.append((x * metres, y * metres))
    expected = [to_plane.transform(lon, lat) for lon, lat in ring]
    # Every decoded point is a projected vertex of Poland's outline, to the unit's precision.
    for px, py in decoded:
        assert min(abs(px - ex) + abs(py - ey) for ex, ey in expected) <= metres
    assert len(decoded) >= 0.9 * len(expected)


def test_views_are_fitted_in_their_own_projection(page):
    views = page_data(page)["views"]
    assert views["world"]["projection"] == "world"
    assert views["europe"]["projection"] == views["eastern"]["projection"] == "europe"
    [[xmin, ymin], [xmax, ymax]] = views["eastern"]["extent"]
    # Warsaw (21.0E 52.2N) and Helsinki (24.9E 60.2N) in LAEA Europe, km (EPSG:3035 by pyproj).
    from pyproj import Transformer

    to_plane = Transformer.from_crs("EPSG:4326", "EPSG:3035", always_xy=True)
    for lon, lat in ((21.0, 52.2), (24.9, 60.2)):
        x, y = (v / 1000 for v in to_plane.transform(lon, lat))
        assert xmin < x < xmax and ymin < y < ymax


def test_the_names_every_view_must_show(page):
    labels = page_data(page)["labels"]
    always = {(iso3, text) for iso3, text, _, _, must, _ in labels["eastern"] if must}
    for iso3 in ("FIN", "EST", "LVA", "LTU", "POL", "UKR", "RUS", "BLR", "NOR"):
        assert any(code == iso3 for code, _ in always), iso3
    assert ("RUS", "Kaliningrad (Russia)") in always
    south_sudan = next(label for label in labels["world"] if label[0] == "SSD")
    assert south_sudan[5] == day_number(day("2011-07-09"))  # not named before it exists


def test_the_page_runs_only_leaflet_and_the_bundle_and_carries_the_rest_as_json(page):
    from layers.paths import asset
    from layers.web.page import SCRIPT

    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
    code = [body.strip() for attrs, body in scripts if 'type="application/json"' not in attrs]
    assert code == [asset("leaflet/leaflet.js").strip(), SCRIPT.read_text(encoding="utf-8").strip()]
    settings = [attrs for attrs, _ in scripts if "data-mbt-part" in attrs]
    assert len(settings) >= 10  # one per part: status, belt, legend, caption, timebar, ...


def test_no_jinja_in_the_browser_code():
    from layers.paths import ASSETS

    for path in (ASSETS.parent / "web" / "js").rglob("*.js"):
        text = path.read_text(encoding="utf-8")
        assert "{{" not in text and "{%" not in text, path
