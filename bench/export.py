"""Benchmark of the exports; the last line printed is one JSON object.

    python bench/export.py

Times are wall-clock seconds in this process (data already loaded): PNG is the median of three
1920x1080 images, plus one 3840x2160; the GIF and MP4 are the defaults (2025-03-01 to
2026-03-01, eastern flank, 1920x1080, 8 frames a second, 1.5 s on key events).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image

from geodata import load_treaty
from geodata.geometry import load_geometry
from layers import export


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


def main() -> None:
    treaty, geometry = load_treaty(), load_geometry()
    day = dt.date(2026, 2, 20)
    png_times = [timed(export.png_bytes, treaty, geometry, day, "eastern")[0] for _ in range(3)]
    png_4k_s, _ = timed(export.png_bytes, treaty, geometry, day, "eastern", 3840, 2160)
    gif_s, gif = timed(export.gif_bytes, treaty, geometry)
    mp4_s, mp4 = timed(export.mp4_bytes, treaty, geometry)
    html_s, html = timed(export.html_bytes, treaty, geometry, day, "eastern")
    frames = Image.open(io.BytesIO(gif)).n_frames
    print(
        json.dumps(
            {
                "png_s": round(statistics.median(png_times), 2),
                "png_4k_s": round(png_4k_s, 2),
                "gif_frames": frames,
                "gif_s": round(gif_s, 2),
                "gif_bytes": len(gif),
                "mp4_s": round(mp4_s, 2),
                "mp4_bytes": len(mp4),
                "html_s": round(html_s, 2),
                "html_bytes": len(html),
            }
        )
    )


if __name__ == "__main__":
    main()
