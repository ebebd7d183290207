"""The naive design, for comparison only (bench/playback.py): the same map, rebuilt by folium and
re-sent with ``st_folium`` on every rerun of a Streamlit slider.

folium's defaults load Leaflet from a CDN; the benchmark answers those requests from the
vendored copy (layers/assets/leaflet) so that this page paints with no network either."""

import datetime as dt
import json

import folium
import streamlit as st
from branca.element import Element
from streamlit_folium import st_folium

from geodata import COUNTRIES, load_treaty
from geodata.model import OPENED
from geodata.timeline import statuses_on
from layers.style import STATUS_STYLE

treaty = load_treaty()
countries = json.loads(COUNTRIES.read_text(encoding="utf-8"))
day = st.slider("Date", OPENED, dt.date(2026, 11, 23), dt.date(2025, 3, 17), key="day")
statuses = statuses_on(treaty, day)

fmap = folium.Map(location=(50, 15), zoom_start=4, tiles=None)
folium.GeoJson(
    {"type": "FeatureCollection", "features": [f for f in countries["features"] if f["geometry"]]},
    style_function=lambda f: {
        "fillColor": STATUS_STYLE[statuses[f["properties"]["iso3"]]].colour,
        "fillOpacity": 1,
        "weight": 0.6,
    },
).add_to(fmap)
fmap.get_root().html.add_child(Element(f'<div id="naive-date">{day.isoformat()}</div>'))
st_folium(fmap, height=600, width=1000, returned_objects=[])
