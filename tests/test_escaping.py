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
    assert image.size == (640, 360)
    page = export.html_bytes(hostile, geometry, day, "eastern").decode()
    assert HOSTILE not in page and "<script>window.top.__pwned" not in page
