"""SVG and PDF exports: valid XML with named groups, the PNG's drawing in Chromium, escaped data,
PDF pages of the right size with their fonts embedded."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from conftest import HOSTILE, day, write_hostile_copy
from PIL import Image

from bench.harness import CHROMIUM
from geodata import load_treaty
from geodata.geometry import load_geometry
from geodata.model import OPENED
from layers.export.images import png_bytes
from layers.export.vector import PAPERS, pdf_bytes, svg_bytes
from layers.picture.panels import rgb
from layers.picture.render import Frame, MapRenderer
from layers.picture.svg import map_svg
from layers.style import PALETTE, STATUS_STYLE

SVG = "{http://www.w3.org/2000/svg}"
TODAY = dt.date(2026, 11, 23)
WHEN = day("2026-02-20")


@pytest.fixture(scope="module")
def geometry():
    return load_geometry()


@pytest.fixture(scope="module")
def eastern(treaty, geometry):
    return svg_bytes(treaty, geometry, WHEN, "eastern", today=TODAY)


def test_svg_is_xml_with_a_group_for_each_thing_a_designer_edits(eastern):
    root = ET.fromstring(eastern)
    groups = {g.get("id") for g in root.iter(f"{SVG}g")}
    assert {"countries", "hatches", "outlines", "belt", "labels", "caption", "legend"} <= groups
    assert "timeline" in groups
    poland = root.find(f".//{SVG}path[@id='country-POL']")
    assert poland.get("data-iso3") == "POL" and poland.get("data-status") == "withdrawn"
    assert poland.get("fill") == STATUS_STYLE["withdrawn"].colour
    belt = {
        (p.get("data-iso3"), p.get("data-neighbour")) for p in root.iter() if p.get("data-belt")
    }
    assert {("FIN", "RUS"), ("POL", "BLR"), ("UKR", "RUS")} <= belt  # Ukraine's dotted
    hatched = {p.get("data-iso3") for p in root.find(f".//{SVG}g[@id='hatches']")}
    assert hatched == {"UKR"}  # the contested suspension, cross-hatched


def _texts(root, group: str) -> str:
    return " ".join("".join(t.itertext()) for t in root.find(f".//{SVG}g[@id='{group}']").iter())


def test_svg_text_is_text_the_pngs_strings(treaty, geometry, eastern):
    root = ET.fromstring(eastern)
    assert "Poland" in _texts(root, "labels") and "Finland" in _texts(root, "labels")
    assert "20 February 2026" in _texts(root, "caption")
    assert "Withdrawn" in _texts(root, "legend") and "Natural Earth" in _texts(root, "timeline")
    span = (OPENED, TODAY)
    renderer = MapRenderer(
        treaty, geometry.countries, geometry.borders, "eastern", 1920, 1080, span
    )
    renderer.image(Frame(WHEN))
    png_strings = list(renderer.drawn)
    map_svg(renderer, Frame(WHEN))
    assert renderer.drawn == png_strings


def test_svg_colours_come_from_the_style_table(eastern):
    allowed = {s.colour for s in STATUS_STYLE.values()} | set(PALETTE.values())
    used = set(re.findall(rb'(?:fill|stroke)="(#[0-9a-f]{6})"', eastern))
    assert {c.decode() for c in used} <= allowed


def test_svg_escapes_markup_in_the_data(tmp_path, geometry):
    hostile = load_treaty(write_hostile_copy(tmp_path))
    data = svg_bytes(hostile, geometry, WHEN, "eastern", today=TODAY)
    root = ET.fromstring(data)  # still XML
    assert not [e for e in root.iter() if e.tag in (f"{SVG}script", f"{SVG}img", "script")]
    assert not [e for e in root.iter() if any(k.startswith("on") for k in e.attrib)]
    assert "<script>" in _texts(root, "caption")  # the title, shown as the text it is
    assert f"Poland {HOSTILE}" in _texts(root, "labels")


def _chromium_png(svg: bytes, width: int, height: int, tmp_path: Path) -> Image.Image:
    from playwright.sync_api import sync_playwright

    from bench.harness import launch, new_context

    path = tmp_path / "map.svg"
    path.write_bytes(svg)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        context = new_context(browser, viewport={"width": width, "height": height})
        page = context.new_page()
        page.goto(path.as_uri())
        pwned = page.evaluate("window.top.__pwned || null")
        shot = page.screenshot()
        browser.close()
    assert pwned is None
    return Image.open(io.BytesIO(shot)).convert("RGB")


@pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"), reason=f"no {CHROMIUM}"
)
def test_svg_in_chromium_looks_like_the_png(treaty, geometry, tmp_path):
    svg = svg_bytes(treaty, geometry, WHEN, "eastern", 960, 540, today=TODAY)
    shown = _chromium_png(svg, 960, 540, tmp_path)
    png = Image.open(io.BytesIO(png_bytes(treaty, geometry, WHEN, "eastern", 960, 540, TODAY)))
    png = png.convert("RGB")
    assert shown.size == png.size == (960, 540)
    span = (OPENED, TODAY)
    renderer = MapRenderer(treaty, geometry.countries, geometry.borders, "eastern", 960, 540, span)
    from layers.picture.svg import placed_labels

    for name in placed_labels(renderer, WHEN):
        if name.label.iso3 in ("POL", "FIN"):  # just under the name: the country's own colour
            x, y = round(name.x), round(name.box[3] + 4)
            want, got = png.getpixel((x, y)), shown.getpixel((x, y))
            assert want == rgb(STATUS_STYLE["withdrawn"].colour)
            assert max(abs(a - b) for a, b in zip(got, want, strict=True)) <= 12
    difference = np.abs(np.asarray(shown, int) - np.asarray(png, int)).max(axis=2)
    assert (difference > 60).mean() < 0.03  # edges and glyphs antialiased apart, nothing more


@pytest.mark.parametrize("paper", list(PAPERS))
def test_pdf_page_size_and_embedded_fonts(treaty, geometry, paper):
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes(treaty, geometry, WHEN, "eastern", paper)))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    expected = {"a4": (841.89, 595.28), "16:9": (960.0, 540.0)}[paper]
    assert (round(width, 1), round(height, 1)) == tuple(round(v, 1) for v in expected)
    fonts = page["/Resources"]["/Font"]
    names = set()
    for font in fonts.values():
        font = font.get_object()
        descriptor = font["/FontDescriptor"].get_object()
        assert {"/FontFile2", "/FontFile3"} & set(descriptor)  # embedded, not referenced
        names.add(str(font["/BaseFont"]).split("+")[-1])
    assert names == {"DejaVuSans", "DejaVuSans-Bold"}
    text = page.extract_text()
    assert "20 February 2026" in text and "Poland" in text and "Natural Earth" in text
    assert reader.metadata.title == "Ottawa Convention status on 2026-02-20 (eastern)"


def test_pdf_refuses_an_unknown_paper(treaty, geometry):
    with pytest.raises(ValueError, match="letter"):
        pdf_bytes(treaty, geometry, WHEN, "eastern", "letter")
