"""Exports: PNG, GIF, MP4, a single-file HTML map, and CSV, as pure functions returning bytes.

The command line is ``python -m layers.export`` (``layers/export/cli.py``).
"""

from __future__ import annotations

from geodata import load_treaty
from layers.export.animation import animation_frames, gif_bytes, mp4_bytes
from layers.export.cli import main, write_atomically
from layers.export.files import belt_csv_bytes, csv_bytes, html_bytes
from layers.export.images import compare_png_bytes, png_bytes
from layers.views import BELT_END, BELT_START

__all__ = [
    "BELT_END",
    "BELT_START",
    "animation_frames",
    "belt_csv_bytes",
    "compare_png_bytes",
    "csv_bytes",
    "gif_bytes",
    "html_bytes",
    "load_treaty",
    "main",
    "mp4_bytes",
    "png_bytes",
    "write_atomically",
]
