"""Text from the data that carries HTML, script or markup is shown as text everywhere."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
import streamlit as st
from conftest import HOSTILE, write_hostile_copy
from PIL import Image
from streamlit.testing.v1 import AppTest

from geodata import DATA_DIR, load_treaty
from geodata.geometry import load_geometry
from layers import export
from layers.picture.render import Frame, MapRenderer

APP = str(DATA_DIR.parent / "app.py")


@pytest.fixture
def hostile(tmp_path):
    return load_treaty(write_hostile_copy(tmp_path))


def test_the_hostile_fixture_loads(hostile):
    assert HOSTILE in hostile.units["POL"].name


def test_app_shows_hostile_text_as_text(tmp_path, monkeypatch):
    monkeypatch.setenv("MINE_BAN_DATA_DIR", str(write_hostile_copy(tmp_path)))
    st.cache_resource.clear()
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["date"] = "2026-02-20"
    app.session_state.map_drawn = True  # as after the map's first report
    app.run()
    st.cache_resource.clear()
    assert not app.exception
    summary = next(m.value for m in app.markdown if "of 197 States" in m.value)
    assert re.search(r"(?<!\\)[<\[*`]", summary) is None  # every markup character escaped
    assert "\\<img" in summary and "\\[link\\]" in summary
    rows = app.dataframe[1].value
    assert rows.loc[rows["iso3"] == "POL", "name"].item() == f"Poland {HOSTILE}"


def test_exports_carry_hostile_text_literally(hostile):
    geometry = load_geometry()
    day = dt.date(2026, 2, 20)
    assert f"Poland {HOSTILE}".replace('"', '""') in export.csv_bytes(hostile, day).decode()
    image = Image.open(io.BytesIO(export.png_bytes(hostile, geometry, day, "eastern", 640, 360)))
    assert image.text["Title"] == "Ottawa Convention status on 2026-02-20 (eastern)"
    page = export.html_bytes(hostile, geometry, day, "eastern").decode()
    assert HOSTILE not in page and "<script>window.top.__pwned" not in page


def test_the_picture_draws_hostile_names_and_titles_as_literal_text(hostile):
    """The caption (Poland's withdrawal, whose title starts with the hostile name) and the
    legend's belt States (Finland first) are drawn character for character, markup and all."""
    geometry = load_geometry()
    day = dt.date(2026, 2, 20)
    renderer = MapRenderer(
        hostile, geometry.countries, geometry.borders, "eastern", 640, 360, (day, day)
    )
    renderer.image(Frame(day))
    drawn = renderer.drawn
    # The caption wraps the title to its width (a word too long for a row is broken), so the
    # hostile text is split across rows.
    assert "Poland <img src=x" in drawn
    assert any(text.startswith('onerror="window.top.__pwned=1"') for text in drawn)
    assert any("<script>window.top.__pwned=2</script>" in text for text in drawn)
    assert "Finland <img src=x [...]" in drawn  # the legend's list of belt States, shortened
    renderer.image(Frame(dt.date(1999, 3, 1)))
    assert "Finland <img src=x [...]" not in renderer.drawn  # no belt in 1999: drawn is per image
    assert "1 March 1999" in renderer.drawn
