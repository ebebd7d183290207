"""Exports: PNG, GIF, MP4, SVG, PDF, a PowerPoint deck, a single-file HTML map, CSV and a
static site, as pure functions returning bytes (the site: a dict of files,
``layers/export/site.py``).

The command line is ``python -m layers.export`` (``layers/export/cli.py``).
"""

from __future__ import annotations

from geodata import load_treaty
from layers.export.animation import animation_frames, gif_bytes, mp4_bytes
from layers.export.cli import main, write_atomically
from layers.export.deck import deck_bytes
from layers.export.files import belt_csv_bytes, csv_bytes, html_bytes
from layers.export.images import compare_png_bytes, png_bytes
from layers.export.site import site_files, site_zip_bytes, write_site
from layers.export.vector import pdf_bytes, svg_bytes
from layers.views import BELT_END, BELT_START

__all__ = [
    "BELT_END",
    "BELT_START",
    "animation_frames",
    "belt_csv_bytes",
    "compare_png_bytes",
    "csv_bytes",
    "deck_bytes",
    "gif_bytes",
    "html_bytes",
    "load_treaty",
    "main",
    "mp4_bytes",
    "pdf_bytes",
    "png_bytes",
    "site_files",
    "site_zip_bytes",
    "svg_bytes",
    "write_atomically",
    "write_site",
]
