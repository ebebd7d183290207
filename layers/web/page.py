"""The whole map page: vendored Leaflet, the map's script, its settings and data, and its parts.

The page is a branca Figure of our own elements rather than folium's Map: folium's Map writes
the Leaflet set-up as JavaScript through Jinja and fixes a viewport that forbids zooming; here
the only code is the bundle of ``layers/web/js`` and everything else is JSON.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json

from geodata.model import Treaty
from layers.i18n import LANGUAGES
from layers.paths import ASSETS, asset
from layers.style import PALETTE
from layers.views import timeline_end
from layers.web import parts
from layers.web.element import Page, Placed, json_script, template
from layers.web.payload import build_payload, day_number, language_pack

TITLE = "Mine Ban Treaty Map: the Ottawa Convention, 1997 to today"
ATTRIBUTION = "Boundaries: Natural Earth 1:10m (public domain); treaty data: sources per row"
SCRIPT = ASSETS.parent / "web" / "js" / "dist" / "map.js"
CONTAINER = "mbt-map"
# Leaflet's map options (no tiles: land and sea are drawn from the data).
MAP_OPTIONS = {
    "zoomControl": False,
    "minZoom": 1,
    "maxZoom": 9,
    "zoomSnap": 0.1,
    "zoomDelta": 0.5,
    "worldCopyJump": False,
    "attributionControl": True,
    "center": [30, 10],
    "zoom": 2,
}


class AssetFiles:
    """The page's scripts, styles and data as files beside it, named by a digest of their
    content (a static site: a host may cache them for ever). ``files`` maps each name to its
    bytes; a page built with these references them instead of inlining them."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def add(self, name: str, content: str | bytes) -> str:
        """Keep *content* as ``STEM.DIGEST.EXT`` (``map.js`` -> ``map.3f2a9c1e04.js``); its name."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        stem, _, ext = name.partition(".")
        hashed = f"{stem}.{hashlib.sha256(data).hexdigest()[:10]}.{ext}"
        self.files[hashed] = data
        return hashed


def palette_css() -> str:
    """The palette as CSS variables (``--mbt-NAME``), as assets.html.j2 writes them inline."""
    return ":root { " + "".join(f"--mbt-{n}: {v}; " for n, v in PALETTE.items()) + "}\n"


def data_json(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


class PageAssets(Placed):
    """Leaflet 1.9.4 (vendored, BSD-2-Clause) and the page's CSS: inlined into <head>, or (with
    *files*) linked from files beside the page."""

    def __init__(self, files: AssetFiles | None = None):
        super().__init__()
        self.files = files

    def parts(self) -> dict[str, str]:
        if self.files is not None:
            css = self.files.add("leaflet.css", asset("leaflet/leaflet.css"))
            js = self.files.add("leaflet.js", asset("leaflet/leaflet.js"))
            map_css = self.files.add(
                "map.css", palette_css() + asset("map.css") + asset("card.css")
            )
            head = (
                f'<link rel="stylesheet" href="{css}">\n<script src="{js}"></script>\n'
                f'<link rel="stylesheet" href="{map_css}">'
            )
            return {"header": head}
        head = template("assets.html.j2").render(
            this={
                "leaflet_css": asset("leaflet/leaflet.css"),
                "leaflet_js": asset("leaflet/leaflet.js"),
                "map_css": asset("map.css") + asset("card.css"),
                "variables": PALETTE,
            }
        )
        return {"header": head}


class MapScript(Placed):
    """The map's code: the bundle of layers/web/js (built by ``npm run build``), inlined or
    (with *files*) a file beside the page, loaded after the page's settings."""

    def __init__(self, files: AssetFiles | None = None):
        super().__init__()
        self.files = files

    def parts(self) -> dict[str, str]:
        code = SCRIPT.read_text(encoding="utf-8")
        if self.files is not None:
            return {"html": f'<script src="{self.files.add("map.js", code)}"></script>'}
        return {"script": code}


class MapData(Placed):
    """The page's settings and the timeline: inline, or (the app) a gzipped file beside it;
    and the languages' packs (``language_pack``): inline in a page with its data inline (the
    single file switches language with no network), else files the browser fetches."""

    def __init__(self, config: dict, payload: dict, data_file: str = "", packs: dict = ()):
        super().__init__()
        self.config, self.payload, self.data_file = config, payload, data_file
        self.packs = dict(packs)

    def parts(self) -> dict[str, str]:
        body = f'<main id="{CONTAINER}" aria-label="Map"></main>' + json_script(
            self.config, id="mbt-config"
        )
        if not self.data_file:
            packs = "".join(
                json_script(pack, id=f"mbt-lang-{lang}") for lang, pack in self.packs.items()
            )
            return {"html": body + json_script(self.payload, id="mbt-data") + packs}
        preload = f'<link rel="preload" href="{self.data_file}" as="fetch" crossorigin="anonymous">'
        return {"header": preload, "html": body}


def build_page(
    treaty: Treaty,
    countries: dict,
    borders: dict,
    day: dt.date,
    view: str = "world",
    today: dt.date | None = None,
    standalone: bool = False,
    data_file: str = "",
    assets: AssetFiles | None = None,
    chrome: bool = True,
    lang: str = "en",
) -> tuple[Page, dict, dict]:
    """The page for the whole timeline, opened on *day* and *view*, and its data.

    *standalone* (the single file, a static site) reads and writes its own address and, with
    *chrome*, adds what the app shows beside the map (the events list; an embedded map goes
    without). *data_file* names a gzipped JSON file beside the page to fetch the data from,
    instead of inlining it (``layers/web/pagefile.py``). With *assets*, Leaflet, the CSS, the
    bundle and the data (plain JSON) are files beside the page, named by their content
    (``AssetFiles``), and the page holds only its settings (``layers/export/site.py``).
    The page opens in *lang* (the app says which in its arguments) and has every language:
    inline with its data, or files (``lang-CODE.json``, gzipped beside *data_file*). Returns
    the page, its data and the languages' packs.
    """
    today = today or dt.date.today()
    payload = build_payload(treaty, countries, borders, today)
    packs = {code: language_pack(treaty, countries, code, today) for code in LANGUAGES}
    langs = {code: f"#mbt-lang-{code}" for code in LANGUAGES}
    if assets is not None:
        data_file = assets.add("data.json", data_json(payload))
        langs = {code: assets.add(f"lang-{code}.json", data_json(packs[code])) for code in packs}
    elif data_file:
        langs = {code: pack_file(code) for code in packs}
    config = {
        "host": "page" if standalone else "streamlit",
        "container": CONTAINER,
        "dataFile": data_file,
        "day": day_number(day),
        "view": view,
        "lang": lang,
        "langs": langs,
        "map": MAP_OPTIONS,
        "attribution": ATTRIBUTION,
        "playback": parts.playback_settings(),
    }
    page = Page(TITLE)
    page.header._children.pop("meta_http", None)  # the page template says utf-8 once
    end = timeline_end(treaty, today)
    elements = [
        PageAssets(assets),
        MapData(config, payload, data_file, packs if langs[lang].startswith("#") else ()),
        parts.StatusLayer(),
        parts.BeltLayer(),
        parts.Labels(),
        parts.Legend(),
        parts.Caption(),
        *([parts.EventsPanel()] if standalone and chrome else []),
        parts.DateControl(),
        parts.HistoryChart(treaty, end),
        parts.BeltPanel(),
        parts.Views(),
        parts.Find(),
        parts.Card(),
        parts.Language(),
        parts.Keyboard(),
        parts.Announce(),
        MapScript(assets),
    ]
    for element in elements:
        page.add_child(element)
    return page, payload, packs


def render_page(treaty: Treaty, countries: dict, borders: dict, **options) -> str:
    """The map as one self-contained HTML document (no network needed)."""
    return build_page(treaty, countries, borders, **options)[0].render()


def pack_file(lang: str) -> str:
    """The name of a language's pack beside the app's page (gzipped as its data)."""
    return f"lang-{lang}.json.gz"


def render_page_and_data(
    treaty: Treaty, countries: dict, borders: dict, data_file: str, **options
) -> tuple[str, dict[str, bytes]]:
    """The page, and the files to serve beside it: its data as gzipped JSON (*data_file*) and
    each language's pack (``pack_file``)."""
    page, payload, packs = build_page(treaty, countries, borders, data_file=data_file, **options)
    files = {data_file: payload} | {pack_file(code): pack for code, pack in packs.items()}
    return page.render(), {
        name: gzip.compress(data_json(value), compresslevel=9, mtime=0)
        for name, value in files.items()
    }
