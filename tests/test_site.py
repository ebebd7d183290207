"""The static site (``python -m layers.export site``) served by Python's http.server on
loopback and opened in Debian's headless Chromium: the linked moment, play, the URL, the link
previews, no other host; then the same folder from file://."""

from __future__ import annotations

import functools
import io
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin
from urllib.request import urlopen

import pytest
from PIL import Image
from playwright.sync_api import sync_playwright

from bench.harness import CHROMIUM, launch, new_context
from layers.export import cli

if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
    pytest.skip(f"{CHROMIUM} not installed (tests/run.sh installs it)", allow_module_level=True)

LINK = "index.html?date=2025-12-27&view=eastern"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("site") / "map"
    assert cli.main(["site", "--out", str(folder), "--date", "2026-02-20"]) == 0
    return folder


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def served(site):
    """The site's base URL, served from a thread on a free loopback port."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


def open_page(browser, url: str):
    """A page on *url* (the map drawn), and the list of every URL it requested."""
    context = new_context(browser)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url)
    page.wait_for_function("window.MBT && MBT.ready", timeout=15000)
    return page, requested


def test_opens_on_the_linked_moment_plays_and_the_url_follows(browser, served):
    page, requested = open_page(browser, served + LINK)
    assert page.locator("[data-testid=map-date]").inner_text() == "27 December 2025"
    assert page.evaluate("MBT.view") == "eastern"
    assert page.evaluate("MBT.isoDay(MBT.day)") == "2025-12-27"
    assert page.evaluate("document.querySelectorAll('path[data-iso3]').length") > 50
    history = page.evaluate("history.length")
    page.evaluate("MBT.play()")
    page.wait_for_function("MBT.day > MBT.parseDay('2025-12-27') + 20", timeout=10000)
    page.evaluate("MBT.pause()")
    paused = page.evaluate("MBT.isoDay(MBT.day)")
    assert paused > "2025-12-27"
    page.wait_for_function(f"location.search.includes('date={paused}')", timeout=5000)
    assert page.evaluate("location.search") == f"?date={paused}&view=eastern&lang=en"
    assert page.evaluate("history.length") == history  # replaced in place, no entry added
    assert page.locator(".mbt-events").count() == 1  # the page's events list
    assert [u for u in requested if not u.startswith(served)] == []
    page.context.close()


def test_preview_tags_point_to_pngs_of_1200_by_630_that_exist(browser, served):
    page, requested = open_page(browser, served)
    images = page.evaluate(
        """[...document.querySelectorAll(
            'meta[property="og:image"], meta[name="twitter:image"]')].map(m => m.content)"""
    )
    assert len(images) == 2
    for name in [*images, "previews/2025-12-27.png"]:
        with urlopen(urljoin(page.url, name)) as answer:
            assert answer.status == 200
            assert answer.headers["Content-Type"] == "image/png"
            assert Image.open(io.BytesIO(answer.read())).size == (1200, 630)
    assert page.title().startswith("Mine Ban Treaty Map")
    assert page.locator('meta[name="twitter:card"]').get_attribute("content") == (
        "summary_large_image"
    )
    assert [u for u in requested if not u.startswith(served)] == []
    page.context.close()


def test_embed_opens_without_the_page_chrome(browser, served):
    page, requested = open_page(browser, served + "embed.html?date=2025-06-27&view=eastern")
    assert page.locator("[data-testid=map-date]").inner_text() == "27 June 2025"
    assert page.locator(".mbt-events").count() == 0
    assert page.locator('meta[name="robots"]').get_attribute("content") == "noindex"
    assert [u for u in requested if not u.startswith(served)] == []
    page.context.close()


def test_pages_are_small_and_every_asset_is_content_named(site):
    index = (site / "index.html").read_text(encoding="utf-8")
    assert len(index.encode()) < 200_000  # the history chart's SVG is most of it
    assert "<script>" not in index and 'id="mbt-data"' not in index  # no inline code or data
    names = sorted(
        p.name for p in site.iterdir() if p.is_file() and p.name not in ("index.html", "embed.html")
    )
    assert all(len(name.split(".")) == 3 and len(name.split(".")[1]) == 10 for name in names)
    assert all(f'"{name}"' in index for name in names if not name.startswith("preview"))
    assert "http://" not in index.replace("http://www.w3.org", "")
    assert "https://" not in index


def test_from_file_the_page_loads_but_chromium_refuses_the_data_fetch(browser, site):
    """Chromium lets a file:// page load its scripts and styles from beside it, but refuses
    fetch() of a file:// URL, so the site's map cannot get its data there: it says so. The
    single-file export (``python -m layers.export html``) is the one to open from a disk."""
    context = new_context(browser)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto((site / "index.html").as_uri() + "?date=2025-12-27&view=eastern")
    page.wait_for_function("document.getElementById('mbt-map').textContent.length > 0")
    assert "could not be shown" in page.locator("#mbt-map").inner_text()
    assert page.evaluate("typeof window.L") == "object"  # Leaflet's script, from file://
    assert all(u.startswith("file://") for u in requested)
    context.close()


def test_the_site_fetches_only_the_language_it_shows(browser, served, site):
    page, requested = open_page(browser, served + LINK + "&lang=lt")
    assert page.locator("[data-testid=map-date]").inner_text() == "2025 m. gruodžio 27 d."
    packs = [url for url in requested if "/lang-" in url]
    assert len(packs) == 1 and "/lang-lt." in packs[0], packs
    assert len(list(site.glob("lang-*.json"))) == 7  # every language is there to be chosen
    page.context.close()
