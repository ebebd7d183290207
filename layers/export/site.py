"""The map as a static site: a folder any static host or CDN serves as it is (issue 16).

``index.html`` and ``embed.html`` are the single-file map's page (``layers/web/page.py``, the
same elements and the same bundle) with Leaflet, the CSS, the bundle and the data as files
named by their content, so a host can cache those for a year and the two pages stay small.
Link previews (Open Graph, Twitter card) point to a 1200x630 PNG of the page's moment; each key
event of the belt has its own PNG under ``previews/``. Every reference is relative: the site
asks no other host for anything (``--base-url`` makes only the preview tags absolute, which
some link scrapers require).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import secrets
import shutil
import zipfile
from collections.abc import Callable
from html import escape
from pathlib import Path

from geodata.geometry import Geometry
from geodata.model import OPENED, Treaty
from geodata.timeline import dated_events
from layers.paths import asset
from layers.views import BELT_END, BELT_START, VIEW_LABELS, timeline_end

PREVIEW = (1200, 630)  # the size Open Graph and Twitter's large card show without cropping
DESCRIPTION = (
    "Every country's status under the 1997 Ottawa Convention (Mine Ban Treaty) on any date "
    "since 1997, and the 2025-2026 withdrawals of Lithuania, Latvia, Estonia, Finland and Poland."
)
PAGES = ("index.html", "embed.html")
Progress = Callable[[int, int], None]
# Where the README's and the app's snippet says the site is: the reader puts their own address.
EXAMPLE_URL = "https://example.org/mine-ban-map/"


def embed_snippet(day: dt.date, view: str, base_url: str = EXAMPLE_URL) -> str:
    """The HTML to paste into an article: the map as wide as the column, 16:9 (at least 360 px
    tall, so that a phone still shows the date control), opened on *day* and *view*."""
    return (
        '<div style="position: relative; width: 100%; aspect-ratio: 16 / 9; min-height: 360px;">\n'
        f'  <iframe src="{base_url}embed.html?date={day.isoformat()}&amp;view={view}"\n'
        '    title="Mine Ban Treaty Map" loading="lazy" allow="fullscreen"\n'
        '    style="position: absolute; inset: 0; width: 100%; height: 100%; border: 0;">'
        "</iframe>\n"
        "</div>"
    )


def belt_key_days(treaty: Treaty) -> list[dt.date]:
    """The days of the belt's key events (2025-03-01 to 2026-03-01), one preview each."""
    days = {e.day for e in dated_events(treaty) if e.kind.key and BELT_START <= e.day <= BELT_END}
    return sorted(days)


def site_files(
    treaty: Treaty,
    geometry: Geometry,
    day: dt.date,
    view: str = "world",
    today: dt.date | None = None,
    base_url: str = "",
    progress: Progress | None = None,
    lang: str = "en",
) -> dict[str, bytes]:
    """Every file of the site by its path in the folder: the two pages, the content-named
    assets and data, and the previews. Without *today* the slider ends at the data's last dated
    event (or *day*): the same data gives the same files on any day."""
    from layers.web.page import AssetFiles

    today = today or day
    assets = AssetFiles()
    previews = _previews(treaty, geometry, day, view, today, progress, lang)
    image = assets.add("preview.png", previews.pop("preview.png"))
    icon = assets.add("icon.svg", asset("icon.svg"))
    tags = {"image": base_url + image, "icon": icon, "base": base_url}
    pages = {
        name: _page(treaty, geometry, (day, view, lang), today, assets, tags, name == "embed.html")
        for name in PAGES
    }
    return {**pages, **assets.files, **previews}


def _previews(treaty, geometry, day, view, today, progress, lang) -> dict[str, bytes]:
    """``preview.png`` (the page's moment) and ``previews/DATE.png`` (each key event of the
    belt, eastern flank): one renderer per view, as ``png_bytes`` draws them."""
    from layers.export.images import _png
    from layers.picture.render import Frame, MapRenderer

    span = (OPENED, timeline_end(treaty, today))
    wanted = [("preview.png", day, view)]
    wanted += [(f"previews/{d}.png", d, "eastern") for d in belt_key_days(treaty)]
    renderers: dict[str, MapRenderer] = {}
    images = {}
    for index, (name, when, shown) in enumerate(wanted):
        if shown not in renderers:
            renderers[shown] = MapRenderer(
                treaty, geometry.countries, geometry.borders, shown, *PREVIEW, span, lang
            )
        images[name] = _png(renderers[shown].image(Frame(when)), when, shown)
        if progress:
            progress(index + 1, len(wanted))
    return images


def _page(treaty, geometry, moment, today, assets, tags: dict, embed: bool) -> bytes:
    from layers.web.element import Raw
    from layers.web.page import TITLE, build_page

    day, view, lang = moment
    page, *_ = build_page(
        treaty,
        geometry.countries,
        geometry.borders,
        day=day,
        view=view,
        lang=lang,
        today=today,
        standalone=True,
        assets=assets,
        chrome=not embed,
    )
    page.header.add_child(Raw(_head(TITLE, day, view, tags, embed)), name="link_preview")
    page.html.add_child(Raw(f"<noscript><p>{escape(DESCRIPTION)}</p></noscript>"), name="noscript")
    return page.render().encode("utf-8")


def _head(title: str, day: dt.date, view: str, tags: dict, embed: bool) -> str:
    """The description, the icon and the link preview's tags (Open Graph, Twitter card)."""
    alt = f"Ottawa Convention status on {day.isoformat()}, {VIEW_LABELS[view]}"
    meta = [
        ("name", "description", DESCRIPTION),
        ("property", "og:type", "website"),
        ("property", "og:title", title),
        ("property", "og:description", DESCRIPTION),
        ("property", "og:image", tags["image"]),
        ("property", "og:image:type", "image/png"),
        ("property", "og:image:width", str(PREVIEW[0])),
        ("property", "og:image:height", str(PREVIEW[1])),
        ("property", "og:image:alt", alt),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", DESCRIPTION),
        ("name", "twitter:image", tags["image"]),
        ("name", "twitter:image:alt", alt),
    ]
    if tags["base"]:
        meta.append(("property", "og:url", tags["base"]))
    if embed:  # the article it is embedded in is what search engines should list
        meta.append(("name", "robots", "noindex"))
    lines = [
        f'<meta {kind}="{escape(key)}" content="{escape(value)}">' for kind, key, value in meta
    ]
    lines.append(f'<link rel="icon" href="{escape(tags["icon"])}" type="image/svg+xml">')
    if tags["base"]:
        lines.append(f'<link rel="canonical" href="{escape(tags["base"])}">')
    return "\n".join(lines)


def site_problem(out: Path) -> str:
    """Why *out* cannot receive a site ('' if it can): it must be a new folder, or one a site
    export wrote (it is replaced whole), in a folder that exists and is writable."""
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        return f"folder {parent} does not exist"
    if not os.access(parent, os.W_OK):
        return f"{parent} is not writable"
    if out.exists() and not out.is_dir():
        return f"{out} exists and is not a folder"
    if out.is_dir() and any(out.iterdir()) and not all((out / p).is_file() for p in PAGES):
        return f"{out} is a folder with other files in it (not a site export): not replaced"
    return ""


def write_site(out: Path, files: dict[str, bytes]) -> None:
    """Write the site to *out*, whole or not at all: built in a hidden sibling folder, then
    renamed into place (a site already there is moved aside first and removed after). Files
    and folders get the permissions any new file gets (the umask), so a web server can read
    them."""
    token = secrets.token_hex(4)
    partial = out.parent / f".{out.name}.{token}.part"
    os.mkdir(partial, 0o777)
    try:
        for name, data in files.items():
            path = partial / name
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(data)
        if out.exists():
            old = out.parent / f".{out.name}.{token}.old"
            os.rename(out, old)
            try:
                os.rename(partial, out)
            except BaseException:
                os.rename(old, out)
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(partial, out)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise


def site_zip_bytes(files: dict[str, bytes], folder: str = "mine-ban-treaty-map") -> bytes:
    """The site as a ZIP of one folder (the app's download); PNGs stored, the rest deflated."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in sorted(files.items()):
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=(2000, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            png = name.endswith(".png")
            info.compress_type = zipfile.ZIP_STORED if png else zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=None if png else 9)
    return out.getvalue()
