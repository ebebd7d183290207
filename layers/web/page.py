"""The whole map page: folium Map, vendored Leaflet, the data, and every layer and control."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from typing import ClassVar

import folium

from geodata.model import Treaty
from layers.paths import asset
from layers.style import PALETTE
from layers.views import timeline_end
from layers.web.belt import BeltLayer
from layers.web.beltpanel import BeltPanel
from layers.web.caption import Caption
from layers.web.chartpanel import HistoryChart
from layers.web.element import TemplateElement
from layers.web.events import EventsPanel
from layers.web.legend import Legend
from layers.web.payload import build_payload, day_number, script_json
from layers.web.playback import Playback
from layers.web.status import StatusLayer

TITLE = "Mine Ban Treaty Map: the Ottawa Convention, 1997 to today"
ATTRIBUTION = "Boundaries: Natural Earth 1:10m (public domain); treaty data: sources per row"


class OfflineMap(folium.Map):
    """folium's Map with no CDN links: Leaflet comes inlined from ``layers/assets``."""

    default_js: ClassVar[list] = []
    default_css: ClassVar[list] = []


class PageAssets(TemplateElement):
    """Leaflet 1.9.4 (vendored, BSD-2-Clause) and the page CSS, inlined into <head>."""

    template_name = "assets.html.j2"

    def __init__(self, title: str = TITLE):
        super().__init__()
        self.title = title
        self.leaflet_css = asset("leaflet/leaflet.css")
        self.leaflet_js = asset("leaflet/leaflet.js")
        self.map_css = asset("map.css")
        self.variables = PALETTE


class TreatyData(TemplateElement):
    """The timeline payload and shared helpers, as ``window.MBT``."""

    template_name = "data.js.j2"

    def __init__(self, payload: dict, day: dt.date, view: str, height: int, data_file: str = ""):
        super().__init__()
        self.height = height
        self.data_file = data_file  # "" inlines the data; a name fetches it beside the page
        self.json = "" if data_file else script_json(payload)
        self.day = day_number(day)
        self.view = view
        self.attribution = ATTRIBUTION


def build_map(
    treaty: Treaty,
    countries: dict,
    borders: dict,
    day: dt.date,
    view: str = "world",
    today: dt.date | None = None,
    height: int = 640,
    standalone: bool = False,
    data_file: str = "",
) -> folium.Map:
    """The folium map for the whole timeline, opened on *day* and *view*.

    *standalone* adds what the app shows beside the map (the events list), for the single file.
    *data_file* names a gzipped JSON file beside the page to fetch the data from, instead of
    inlining it (see ``layers/pagefile.py``); the payload is then in ``fmap.payload``.
    """
    today = today or dt.date.today()
    payload = build_payload(treaty, countries, borders, today)
    fmap = OfflineMap(
        location=(30, 10),
        zoom_start=2,
        tiles=None,
        zoom_control=False,
        min_zoom=1,
        max_zoom=9,
        world_copy_jump=False,
        attribution_control=True,
        zoom_snap=0.25,
    )
    fmap.add_child(PageAssets())
    fmap.add_child(TreatyData(payload, day, view, height, data_file))
    fmap.payload = payload
    fmap.add_child(StatusLayer())
    fmap.add_child(BeltLayer())
    fmap.add_child(Legend())
    caption = Caption()
    caption.heading = "Ottawa Convention status"
    fmap.add_child(caption)
    if standalone:
        fmap.add_child(EventsPanel())
    fmap.add_child(Playback())
    fmap.add_child(HistoryChart(treaty, timeline_end(treaty, today)))
    fmap.add_child(BeltPanel())
    return fmap


def render_page(treaty: Treaty, countries: dict, borders: dict, **options) -> str:
    """The map as one self-contained HTML document (no network needed)."""
    return build_map(treaty, countries, borders, **options).get_root().render()


def render_page_and_data(
    treaty: Treaty, countries: dict, borders: dict, data_file: str, **options
) -> tuple[str, bytes]:
    """The page, and its data as gzipped JSON to serve beside it as *data_file*."""
    fmap = build_map(treaty, countries, borders, data_file=data_file, **options)
    page = fmap.get_root().render()
    data = json.dumps(fmap.payload, ensure_ascii=False, separators=(",", ":")).encode()
    return page, gzip.compress(data, compresslevel=9, mtime=0)
