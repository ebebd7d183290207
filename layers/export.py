"""Exports: PNG, GIF, MP4, a single-file HTML map, and CSV, as pure functions returning bytes.

Command line (exit status 2 and one line for bad arguments; no partial file on failure)::

    python -m layers.export FORMAT --out FILE [--date D | --from D --to D] [--view VIEW]
                            [--width W --height H] [--fps N] [--what statuses|events]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from geodata import DataError, load_treaty, parse_day
from geodata.belt import belt_pairs, measured
from geodata.geometry import Geometry, load_geometry
from geodata.model import OPENED, Treaty
from geodata.report import status_csv
from geodata.timeline import all_events, dated_events, latest_event
from layers.beltstats import belt_rows
from layers.payload import BELT_END, BELT_START, MAJOR_KINDS, VIEWS, timeline_end
from layers.style import PALETTE, STATUS_STYLE

# Pillow, numpy and the renderer are imported by the functions that draw, not here: the app
# imports this module at start-up, before the map is sent.

FORMATS = ("png", "gif", "mp4", "html", "csv")
MAX_SIZE = (3840, 2160)
Progress = Callable[[int, int], None]


def png_bytes(
    treaty: Treaty,
    geometry: Geometry,
    day: dt.date,
    view: str = "world",
    width: int = 1920,
    height: int = 1080,
    today: dt.date | None = None,
) -> bytes:
    """The map on *day* as a PNG, with its date, title and source in the PNG's text chunks."""
    from layers.render import Frame, MapRenderer

    span = (OPENED, timeline_end(treaty, today or dt.date.today()))
    renderer = MapRenderer(treaty, geometry.countries, geometry.borders, view, width, height, span)
    return _png(renderer.image(Frame(day)), day, view)


def compare_png_bytes(
    treaty: Treaty,
    geometry: Geometry,
    first: dt.date,
    second: dt.date,
    view: str = "eastern",
    width: int = 1600,
    height: int = 900,
    today: dt.date | None = None,
) -> bytes:
    """Two dates side by side in one PNG (each map *width* x *height*)."""
    from PIL import Image

    from layers.render import Frame, MapRenderer

    span = (OPENED, timeline_end(treaty, today or dt.date.today()))
    renderer = MapRenderer(treaty, geometry.countries, geometry.borders, view, width, height, span)
    both = Image.new("RGB", (2 * width, height))
    both.paste(renderer.image(Frame(first)), (0, 0))
    both.paste(renderer.image(Frame(second)), (width, 0))
    return _png(both, second, view, f"Ottawa Convention status on {first} and on {second}")


def _png(image, day: dt.date, view: str, title: str | None = None) -> bytes:
    from PIL import PngImagePlugin

    from layers.render import SOURCE_LINE

    info = PngImagePlugin.PngInfo()
    info.add_text("Title", title or f"Ottawa Convention status on {day.isoformat()} ({view})")
    info.add_text("Date", day.isoformat())
    info.add_text("Source", SOURCE_LINE)
    info.add_text("Software", "Mine Ban Treaty Map")
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=info, optimize=False, compress_level=6)
    return out.getvalue()


def animation_frames(treaty: Treaty, start: dt.date, end: dt.date) -> list[tuple]:
    """Frames from *start* to *end*: one a week, plus one on each event day, held if the event
    is a key one (a milestone, announcement, notice, entry into force or withdrawal)."""
    days = {start + dt.timedelta(days=n) for n in range(0, (end - start).days + 1, 7)} | {end}
    events = {e.day: e for e in dated_events(treaty) if start <= e.day <= end}
    key = {e.day: e for e in dated_events(treaty) if start <= e.day <= end and _is_key(e)}
    days |= set(events)
    from layers.render import Frame

    frames = []
    for day in sorted(days):
        event = key.get(day) or latest_event(treaty, day)
        frames.append((Frame(day, event), day in key))
    return frames


def _is_key(event) -> bool:
    return event.kind in MAJOR_KINDS or event.kind in ("consent", "entry_into_force")


def _rendered(treaty, geometry, start, end, view, width, height, progress):
    from layers.render import MapRenderer

    renderer = MapRenderer(
        treaty, geometry.countries, geometry.borders, view, width, height, (start, end)
    )
    frames = animation_frames(treaty, start, end)
    for index, (frame, held) in enumerate(frames):
        yield renderer.image(frame), held
        if progress:
            progress(index + 1, len(frames))


def gif_bytes(
    treaty: Treaty,
    geometry: Geometry,
    start: dt.date = BELT_START,
    end: dt.date = BELT_END,
    view: str = "eastern",
    width: int = 1920,
    height: int = 1080,
    fps: int = 8,
    hold: float = 1.5,
    progress: Progress | None = None,
) -> bytes:
    """An animated GIF: a frame a week, held *hold* seconds on key events.

    Every frame uses one palette (taken from the first frame and every style colour), so that
    the GIF stores only what changes from frame to frame.
    """
    from PIL import Image

    from layers.render import SOURCE_LINE

    images, durations, palette = [], [], None
    for image, held in _rendered(treaty, geometry, start, end, view, width, height, progress):
        palette = palette or _palette(image)
        images.append(image.quantize(palette=palette, dither=Image.Dither.NONE))
        durations.append(round(1000 * hold) if held else round(1000 / fps))
    out = io.BytesIO()
    comment = f"{SOURCE_LINE} | {start} to {end}".encode()
    images[0].save(
        out,
        "GIF",
        save_all=True,
        append_images=images[1:],
        duration=durations,
        loop=0,
        comment=comment,
    )
    return out.getvalue()


def _palette(first):
    from PIL import Image

    from layers.render import rgb

    colours = [style.colour for style in STATUS_STYLE.values()] + list(PALETTE.values())
    strip = Image.new("RGB", (first.width, 40 * len(colours)))
    for index, colour in enumerate(colours):
        strip.paste(rgb(colour), (0, 40 * index, first.width, 40 * (index + 1)))
    sample = Image.new("RGB", (first.width, first.height + strip.height))
    sample.paste(first, (0, 0))
    sample.paste(strip, (0, first.height))
    return sample.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)


def mp4_bytes(
    treaty: Treaty,
    geometry: Geometry,
    start: dt.date = BELT_START,
    end: dt.date = BELT_END,
    view: str = "eastern",
    width: int = 1920,
    height: int = 1080,
    fps: int = 8,
    hold: float = 1.5,
    progress: Progress | None = None,
) -> bytes:
    """An H.264 MP4 at *fps*; a key event's frame is repeated for *hold* seconds."""
    import imageio_ffmpeg

    from layers.render import SOURCE_LINE

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.mp4"
        writer = imageio_ffmpeg.write_frames(
            str(path),
            (width, height),
            fps=fps,
            codec="libx264",
            quality=8,
            macro_block_size=8,
            ffmpeg_log_level="error",
            output_params=[
                "-metadata",
                f"title=Ottawa Convention {start} to {end}",
                "-metadata",
                f"comment={SOURCE_LINE}",
            ],
        )
        writer.send(None)
        for image, held in _rendered(treaty, geometry, start, end, view, width, height, progress):
            data = image.convert("RGB").tobytes()
            for _ in range(max(1, round(hold * fps)) if held else 1):
                writer.send(data)
        writer.close()
        return path.read_bytes()


def html_bytes(
    treaty: Treaty,
    geometry: Geometry,
    day: dt.date,
    view: str = "world",
    today: dt.date | None = None,
) -> bytes:
    """The interactive map as one file: opens from file:// with no server and no network."""
    from layers.map import render_page

    page = render_page(
        treaty,
        geometry.countries,
        geometry.borders,
        day=day,
        view=view,
        today=today or dt.date.today(),
        standalone=True,
    )
    return page.encode("utf-8")


def csv_bytes(treaty: Treaty, day: dt.date, what: str = "statuses") -> bytes:
    """Statuses of every map unit on *day* (date and sources in columns), or all events."""
    if what == "statuses":
        return status_csv(treaty, day).encode("utf-8")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["date", "date_precision", "iso3", "kind", "title", "source"])
    for e in all_events(treaty):
        writer.writerow(
            [
                e.label if e.precision == "month" else e.day,
                e.precision,
                e.iso3 or "",
                e.kind,
                e.title,
                e.source,
            ]
        )
    return out.getvalue().encode("utf-8")


def belt_csv_bytes(treaty: Treaty, geometry: Geometry, day: dt.date) -> bytes:
    """Each land border with Russia and Belarus on *day*: the bordering State's status, whether
    it is on the belt, published (with source) and measured lengths."""
    rows = belt_rows(treaty, belt_pairs(treaty, day, measured(geometry.borders)))
    out = io.StringIO()
    writer = csv.DictWriter(out, ["date", *rows[0]], lineterminator="\n")
    writer.writeheader()
    writer.writerows({"date": day.isoformat(), **row} for row in rows)
    return out.getvalue().encode("utf-8")


# ---- command line ---------------------------------------------------------------------------


class UsageError(Exception):
    """A bad argument: reported as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m layers.export", description=__doc__.split("\n")[0])
    parser.add_argument("format", help="png, gif, mp4, html or csv")
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--date", help="YYYY-MM-DD (png, html, csv); default today")
    parser.add_argument("--from", dest="start", help="YYYY-MM-DD (gif, mp4); default 2025-03-01")
    parser.add_argument("--to", dest="end", help="YYYY-MM-DD (gif, mp4); default 2026-03-01")
    parser.add_argument("--view", default=None, help="world, europe or eastern")
    parser.add_argument("--width", type=int, default=1920)
    parser.add_argument("--height", type=int, default=1080)
    parser.add_argument("--fps", type=int, default=8)
    parser.add_argument("--what", default="statuses", help="csv: statuses or events")
    return parser


def _day(text: str | None, flag: str, default: dt.date, first: dt.date, last: dt.date) -> dt.date:
    if text is None:
        return default
    try:
        day = parse_day(text)
    except ValueError as error:
        raise UsageError(f"{flag}: {error}") from None
    if not first <= day <= last:
        raise UsageError(f"{flag}: {day} is outside {first} to {last}")
    return day


def check_arguments(args, treaty: Treaty, today: dt.date) -> dict:
    """Validate the arguments; the keyword arguments for the export, or UsageError."""
    if args.format not in FORMATS:
        raise UsageError(f"unknown format {args.format!r}: use one of {', '.join(FORMATS)}")
    view = args.view or ("eastern" if args.format in ("gif", "mp4") else "world")
    if view not in VIEWS:
        raise UsageError(f"--view: unknown view {view!r}: use one of {', '.join(VIEWS)}")
    if not (16 <= args.width <= MAX_SIZE[0] and 16 <= args.height <= MAX_SIZE[1]):
        raise UsageError(
            f"--width/--height: {args.width}x{args.height} is outside 16x16 to 3840x2160"
        )
    if not 1 <= args.fps <= 60:
        raise UsageError(f"--fps: {args.fps} is outside 1 to 60")
    if args.what not in ("statuses", "events"):
        raise UsageError(f"--what: {args.what!r} is not statuses or events")
    last = timeline_end(treaty, today)
    if args.format in ("gif", "mp4"):
        if args.date:
            raise UsageError("--date: an animation takes --from and --to")
        start = _day(args.start, "--from", BELT_START, OPENED, last)
        end = _day(args.end, "--to", BELT_END, OPENED, last)
        if end <= start:
            raise UsageError(f"--from {start} is not before --to {end}")
        size = {"width": args.width, "height": args.height}
        return {"start": start, "end": end, "view": view, "fps": args.fps, **size}
    if args.start or args.end:
        raise UsageError(f"--from/--to: {args.format} shows one date; use --date")
    day = _day(args.date, "--date", min(today, last), OPENED, last)
    if args.format == "csv":
        return {"day": day, "what": args.what}
    if args.format == "html":
        return {"day": day, "view": view, "today": today}
    return {"day": day, "view": view, "width": args.width, "height": args.height, "today": today}


def _check_out(path: Path) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise UsageError(f"--out: {path} is a directory")
    if not folder.is_dir():
        raise UsageError(f"--out: folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise UsageError(f"--out: {path} is not writable")


def write_atomically(path: Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file: a failed export leaves nothing behind."""
    handle, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def terminal_progress(done: int, total: int) -> None:
    width = 30
    filled = round(width * done / total)
    print(
        f"\rframes {done}/{total} [{'#' * filled}{'.' * (width - filled)}]",
        end="",
        file=sys.stderr,
        flush=True,
    )
    if done == total:
        print(file=sys.stderr)


EXPORTERS = {"png": png_bytes, "gif": gif_bytes, "mp4": mp4_bytes, "html": html_bytes}


def main(argv: list[str] | None = None, today: dt.date | None = None) -> int:
    args = _parser().parse_args(argv)
    today = today or dt.date.today()
    try:
        treaty = load_treaty()
        geometry = load_geometry(units=treaty.units)  # checked for every format, CSV too
    except DataError as error:
        print(error, file=sys.stderr)
        return 2
    try:
        options = check_arguments(args, treaty, today)
        _check_out(args.out)
    except UsageError as error:
        print(f"python -m layers.export: {error}", file=sys.stderr)
        return 2
    try:
        if args.format == "csv":
            data = csv_bytes(treaty, **options)
        else:
            if args.format in ("gif", "mp4"):
                options["progress"] = terminal_progress
            data = EXPORTERS[args.format](treaty, geometry, **options)
    except Exception as error:  # a failed export is reported in one line; nothing is written
        print(f"\npython -m layers.export: export failed: {error}", file=sys.stderr)
        return 1
    try:
        write_atomically(args.out, data)
    except OSError as error:
        print(
            f"python -m layers.export: --out: cannot write {args.out} ({error.strerror})",
            file=sys.stderr,
        )
        return 2
    print(f"{args.out}: {len(data):,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
