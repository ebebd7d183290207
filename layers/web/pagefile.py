"""The map page as a file on disk, rebuilt only when its inputs change.

Building the page (importing folium, laying out 1.7 MB of data) takes about a second; a server
that restarts with the same data and code reuses the file and skips that. The file's folder is
named by a digest of everything that goes into the page, so a stale page cannot be served.
The digest includes the day (the timeline ends today at the earliest), so a new folder appears
each day and with each change of data or code: folders nobody has used for two days are removed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import shutil
import tempfile
import time
from pathlib import Path

from geodata import DATA_DIR
from geodata.geometry import geometry_paths, load_geometry
from geodata.model import Treaty

LAYERS_DIR = Path(__file__).parent.parent
CACHE = Path(os.environ.get("MINE_BAN_CACHE_DIR") or Path(tempfile.gettempdir()) / "mine-ban-map")
PAGE = "index.html"
# Served by Streamlit as application/gzip, which it sends as stored: the page's 1 MB of data is
# compressed once here instead of on every request (Streamlit gzips other component files
# at level 9 per request, about 0.2 s for this page).
DATA = "data.json.gz"
KEEP_S = 2 * 86400  # a folder unused this long is removed (a server uses one for a day at most)


def inputs_digest(data_dir: Path, today: dt.date, height: int) -> str:
    """A digest of the data, the code and the assets that the page is built from."""
    digest = hashlib.sha256(f"{today}|{height}".encode())
    files = [*sorted(data_dir.glob("*.csv")), *geometry_paths(data_dir)]
    files += sorted(DATA_DIR.glob("*.py")) + sorted(LAYERS_DIR.rglob("*"))
    for path in files:
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def page_folder(treaty: Treaty, data_dir: Path, today: dt.date, height: int) -> Path:
    """The folder holding the built page for these inputs, building it if it is not there."""
    folder = CACHE / inputs_digest(data_dir, today, height)
    if (folder / PAGE).is_file():
        with contextlib.suppress(OSError):  # a cache this process may only read
            os.utime(folder)  # in use: kept by prune()
    else:
        from layers.web.page import render_page_and_data  # folium is imported only to build a page

        geometry = load_geometry(data_dir, treaty.units)  # DataError if a layer is damaged
        page, files = render_page_and_data(
            treaty,
            geometry.countries,
            geometry.borders,
            DATA,
            day=today,
            today=today,
        )
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in [*files.items(), (PAGE, page.encode("utf-8"))]:  # the page last
            partial = folder / f".{name}.{os.getpid()}"
            partial.write_bytes(content)
            partial.replace(folder / name)  # atomic: a reader never sees half a file
    prune(keep=folder)
    return folder


def prune(keep: Path) -> None:
    """Remove the other pages' folders that nobody has used for KEEP_S (about 0.6 MB each)."""
    with contextlib.suppress(OSError):  # a cache this process may not list or change
        for folder in CACHE.iterdir():
            with contextlib.suppress(OSError):  # another process removed it meanwhile
                if folder != keep and time.time() - folder.stat().st_mtime > KEEP_S:
                    shutil.rmtree(folder)
