"""The map page cut into the pieces a components v2 element needs: styles, markup, scripts.

The pieces come from the single-file page (``layers.web.page.render_page``, the same document the
HTML export writes, data inlined), so the export, the v1 iframe and this v2 element run one code.
Two changes are made to the page's script, both textual and checked:

- ``MBT.embedded`` is true: the map speaks the v1 protocol to ``window.parent``, which for an
  element with no iframe is this window; ``loader.js`` answers in the parent's place.
- ``MBT.post`` hands its message to ``MBT.v2post`` (loader.js), a direct call: posted to this
  window, Streamlit's own v1 listener would see it too and warn of an unknown iframe.
- the document-level key handler asks ``MBT.keyGuard(e)`` first (measure.py shows why).

The bundle is gzipped JSON, built once per version of data and code, and cached on disk beside
the v1 page (``layers.web.pagefile``). No Streamlit here.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re

from geodata import data_dir, load_treaty
from geodata.geometry import load_geometry
from layers.web.pagefile import CACHE, inputs_digest

EMBEDDED = "MBT.embedded = window.parent !== window;"
KEYS = 'document.addEventListener("keydown", function (e) {'
POST = "MBT.post = function (type, extra) {"
# folium's defaults for a page of its own: in an element of Streamlit's page they would restyle
# Streamlit's <html>, <body> and any #map.
FOLIUM_PAGE_RULES = ("html, body", "#map {")


def split_page(page: str) -> dict:
    """``{"css", "html", "scripts"}`` of a folium page, in document order."""
    styles = re.findall(r"<style>(.*?)</style>", page, re.S)
    css = "\n".join(s for s in styles if not s.strip().startswith(FOLIUM_PAGE_RULES))
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)  # not type="application/json"
    body = page.split("<body>", 1)[1].split("</body>", 1)[0]
    script = scripts[-1]
    changes = (
        (EMBEDDED, "MBT.embedded = true;"),
        (POST, POST + " return MBT.v2post(type, extra || {});"),
        (KEYS, KEYS + " if (MBT.keyGuard(e)) return;"),
    )
    for old, new in changes:
        if script.count(old) != 1:
            raise ValueError(f"the map's script changed: {old!r} is not there once")
        script = script.replace(old, new)
    return {"css": css, "html": body.strip(), "scripts": [*scripts[:-1], script]}


def bundle_bytes(today: dt.date, height: int) -> bytes:
    """The gzipped bundle for *today*, built once and kept in the page cache."""
    path = CACHE / f"spike-v2-{inputs_digest(data_dir(), today, height)}.json.gz"
    if path.is_file():
        return path.read_bytes()
    from layers.web.page import render_page  # folium is imported only to build a page

    treaty = load_treaty()
    geometry = load_geometry(data_dir(), treaty.units)
    page = render_page(
        treaty, geometry.countries, geometry.borders, day=today, today=today, height=height
    )
    data = gzip.compress(json.dumps(split_page(page)).encode(), compresslevel=9, mtime=0)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_bytes(data)
    partial.replace(path)
    return data
