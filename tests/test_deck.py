"""The deck read back with python-pptx: a slide per stop between a title and a sources slide,
full-bleed 1920x1080 maps, titles and notes; and, where LibreOffice is installed, as PDF."""

from __future__ import annotations

import io
import os
import shutil
import subprocess

import pytest
from conftest import day, write_hostile_copy
from PIL import Image
from pptx import Presentation

from geodata import load_treaty
from geodata.geometry import load_geometry
from layers.export.deck import SLIDE_EMU, deck_bytes
from layers.tours import Stop, tour_stops


@pytest.fixture(scope="module")
def geometry():
    return load_geometry()


@pytest.fixture(scope="module")
def belt_deck(treaty, geometry):
    return deck_bytes(treaty, geometry)


def pictures(slide) -> list:
    return [shape for shape in slide.shapes if shape.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE


def test_built_in_tour_is_the_key_events_one_stop_a_date(treaty):
    stops = tour_stops(treaty)
    assert [s.day for s in stops] == sorted({s.day for s in stops})
    assert stops[0].day == day("2025-03-18") and stops[-1].day == day("2026-02-20")
    assert {s.view for s in stops} == {"eastern"} and all(s.hold > 0 for s in stops)
    assert "Poland's withdrawal takes effect" in stops[-1].title


def test_deck_has_a_slide_per_stop_between_title_and_sources(treaty, belt_deck):
    deck = Presentation(io.BytesIO(belt_deck))
    stops = tour_stops(treaty)
    slides = list(deck.slides)
    assert (deck.slide_width, deck.slide_height) == SLIDE_EMU  # 16:9
    assert len(slides) == len(stops) + 2
    assert "eastern flank" in slides[0].shapes.title.text
    assert slides[-1].shapes.title.text == "Sources and licences"
    last = " ".join(shape.text_frame.text for shape in slides[-1].placeholders)
    assert "Natural Earth" in last and "public domain" in last and "Mine Ban Treaty Map" in last
    for stop, slide in zip(stops, slides[1:-1], strict=True):
        assert slide.shapes.title.text == stop.title
        (picture,) = pictures(slide)
        assert (picture.left, picture.top, picture.width, picture.height) == (0, 0, *SLIDE_EMU)
        assert Image.open(io.BytesIO(picture.image.blob)).size == (1920, 1080)
        assert stop.day.isoformat() in picture._element.nvPicPr.cNvPr.get("descr")


def test_notes_hold_the_days_events_with_their_sources(treaty, belt_deck):
    deck = Presentation(io.BytesIO(belt_deck))
    notes = deck.slides[-2].notes_slide.notes_text_frame.text  # 2026-02-20, Poland's exit
    assert "Events on 2026-02-20:" in notes
    assert "Poland's withdrawal takes effect" in notes and "source: " in notes
    sources = deck.slides[-1].notes_slide.notes_text_frame.text
    assert "tass.com" in sources


def test_a_tour_passed_in_with_notes_views_and_markup(tmp_path, geometry):
    hostile = load_treaty(write_hostile_copy(tmp_path))
    stops = [
        Stop(day("2025-08-20"), "europe", "A notice <b>that day</b> & more", "Say <this>."),
        Stop(day("2025-08-01"), "world", "The world a month later"),  # no event that day
    ]
    deck = Presentation(io.BytesIO(deck_bytes(hostile, geometry, stops)))
    slides = list(deck.slides)
    assert len(slides) == 4
    assert slides[1].shapes.title.text == "A notice <b>that day</b> & more"
    first = slides[1].notes_slide.notes_text_frame.text
    assert first.startswith("Say <this>.") and "<script>" in first
    assert "No event on 2025-08-01" in slides[2].notes_slide.notes_text_frame.text


def test_deck_refuses_what_it_cannot_make(treaty, geometry):
    with pytest.raises(ValueError, match="language"):
        deck_bytes(treaty, geometry, lang="xx")
    with pytest.raises(ValueError, match="stop"):
        deck_bytes(treaty, geometry, stops=[])


SOFFICE = shutil.which("soffice")


@pytest.mark.slow
@pytest.mark.skipif(not SOFFICE and not os.environ.get("CI"), reason="LibreOffice not installed")
def test_libreoffice_converts_the_deck_to_a_page_per_slide(treaty, belt_deck, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    (tmp_path / "belt.pptx").write_bytes(belt_deck)
    profile = (tmp_path / "profile").as_uri()  # its own profile: no clash with a running one
    subprocess.run(
        [SOFFICE or "soffice", f"-env:UserInstallation={profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "belt.pptx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pages = pypdf.PdfReader(tmp_path / "belt.pdf").pages
    assert len(pages) == len(tour_stops(treaty)) + 2
    assert round(float(pages[0].mediabox.width) / float(pages[0].mediabox.height), 2) == 1.78
