"""Command line of the exports (exit status 2 and one line for bad arguments; no partial file
on failure)::

    python -m layers.export FORMAT --out FILE [--date D | --from D --to D] [--view VIEW]
                            [--width W --height H] [--fps N] [--what statuses|events]
    python -m layers.export site --out DIR [--date D] [--view VIEW] [--base-url URL]
    python -m layers.export gif|mp4|pptx --out FILE --tour TOUR.csv   (a presenter's tour)

Every format takes --lang (en, pl, lt, lv, et, fi, uk).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import secrets
import sys
from pathlib import Path

from geodata import DataError, load_treaty, parse_day
from geodata.geometry import load_geometry
from geodata.model import OPENED, Treaty
from layers.export.animation import gif_bytes, mp4_bytes
from layers.export.deck import deck_bytes
from layers.export.files import csv_bytes, html_bytes
from layers.export.images import png_bytes
from layers.export.site import site_files, site_problem, write_site
from layers.export.vector import PAPERS, pdf_bytes, svg_bytes
from layers.i18n import LANGUAGES
from layers.tours import TourError, read_tour
from layers.views import BELT_END, BELT_START, VIEWS, timeline_end

FORMATS = ("png", "gif", "mp4", "html", "csv", "site", "svg", "pdf", "pptx")
MAX_SIZE = (3840, 2160)


class UsageError(Exception):
    """A bad argument: reported as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m layers.export", description=__doc__.split("\n")[0])
    parser.add_argument("format", help="png, gif, mp4, html, csv, site, svg, pdf or pptx")
    parser.add_argument("--out", required=True, type=Path, help="a file (site: a folder)")
    parser.add_argument("--date", help="YYYY-MM-DD (png, html, csv, site); default today")
    parser.add_argument("--from", dest="start", help="YYYY-MM-DD (gif, mp4); default 2025-03-01")
    parser.add_argument("--to", dest="end", help="YYYY-MM-DD (gif, mp4); default 2026-03-01")
    parser.add_argument("--view", default=None, help="world, europe or eastern")
    parser.add_argument("--width", type=int, default=1920)
    parser.add_argument("--height", type=int, default=1080)
    parser.add_argument("--fps", type=int, default=8)
    parser.add_argument("--what", default="statuses", help="csv: statuses or events")
    parser.add_argument(
        "--base-url", default="", help="site: its address, for absolute link-preview tags"
    )
    parser.add_argument("--paper", default="a4", help="pdf: a4 or 16:9")
    parser.add_argument(
        "--tour", type=Path, help="gif, mp4, pptx: a tour file (CSV, README 'Tours')"
    )
    parser.add_argument(
        "--lang", default="en", help="the language of every export: " + ", ".join(LANGUAGES)
    )
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
    if args.lang not in LANGUAGES:
        raise UsageError(f"--lang: {args.lang!r} is not one of {', '.join(LANGUAGES)}")
    if args.tour is not None:
        return _tour_options(args, treaty, today)
    return _options(args, treaty, today, view) | {"lang": args.lang}


def _tour_options(args, treaty: Treaty, today: dt.date) -> dict:
    """A tour file's stops for a GIF, MP4 or deck, checked as the app checks an upload."""
    if args.format not in ("gif", "mp4", "pptx"):
        raise UsageError(f"--tour: {args.format} does not take a tour (gif, mp4 and pptx do)")
    if args.date or args.start or args.end or args.view:
        raise UsageError("--date/--from/--to/--view: a tour gives its own dates and views")
    try:
        data = args.tour.read_bytes()
    except OSError as error:
        raise UsageError(f"--tour: cannot read {args.tour} ({error.strerror})") from None
    try:
        tour = read_tour(data, str(args.tour), treaty, timeline_end(treaty, today))
    except TourError as error:
        raise UsageError("--tour: the file does not validate:\n" + "\n".join(
            str(problem) for problem in error.problems)) from None  # fmt: skip
    options = {"stops": tour.stops_in(args.lang), "lang": args.lang}
    if args.format != "pptx":
        options |= {"width": args.width, "height": args.height, "fps": args.fps}
    return options


def _options(args, treaty: Treaty, today: dt.date, view: str) -> dict:
    last = timeline_end(treaty, today)
    if args.format == "pptx":
        return _deck_options(args)
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
    # *today* sets only the default date: the picture or page of a date is the same on any day.
    return _one_date_options(args, day, view)


def _one_date_options(args, day: dt.date, view: str) -> dict:
    if args.format == "html":
        return {"day": day, "view": view}
    if args.format == "site":
        return {"day": day, "view": view, "base_url": _base_url(args.base_url)}
    if args.format == "pdf":
        if args.paper not in PAPERS:
            raise UsageError(f"--paper: {args.paper!r} is not one of {', '.join(PAPERS)}")
        return {"day": day, "view": view, "paper": args.paper}
    return {"day": day, "view": view, "width": args.width, "height": args.height}


def _deck_options(args) -> dict:
    """A deck takes its dates and views from the tour (today the built-in one, layers/tours.py)."""
    if args.date or args.start or args.end:
        raise UsageError("--date/--from/--to: a deck takes its dates from the tour")
    return {}


def _base_url(text: str) -> str:
    """'' or an http(s) address ending in '/', to which the preview's file name is added."""
    if text and not text.startswith(("https://", "http://")):
        raise UsageError(f"--base-url: {text!r} is not an http:// or https:// address")
    return text if not text or text.endswith("/") else text + "/"


def _check_out(path: Path, site: bool = False) -> None:
    if site:
        problem = site_problem(path)
        if problem:
            raise UsageError(f"--out: {problem}")
        return
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise UsageError(f"--out: {path} is a directory")
    if not folder.is_dir():
        raise UsageError(f"--out: folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise UsageError(f"--out: {path} is not writable")


def write_atomically(path: Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file beside it, renamed over *path* when whole:
    a failed export leaves nothing behind. The file gets the permissions any new file gets
    (0o666 less the umask), not ``mkstemp``'s private 0o600."""
    handle, partial = _partial_file(path)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _partial_file(path: Path) -> tuple[int, Path]:
    """A new, uniquely named ``.NAME.xxxxxxxx.part`` beside *path*, opened for writing with mode
    0o666 (the system takes the umask off, as for any file a program creates)."""
    for _ in range(100):
        partial = path.parent / f".{path.name}.{secrets.token_hex(4)}.part"
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            return os.open(partial, flags, 0o666), partial
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")


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


EXPORTERS = {
    "png": png_bytes,
    "gif": gif_bytes,
    "mp4": mp4_bytes,
    "html": html_bytes,
    "site": site_files,
    "svg": svg_bytes,
    "pdf": pdf_bytes,
    "pptx": deck_bytes,
}


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
        _check_out(args.out, site=args.format == "site")
    except UsageError as error:
        print(f"python -m layers.export: {error}", file=sys.stderr)
        return 2
    try:
        if args.format == "csv":
            data = csv_bytes(treaty, **options)
        else:
            if args.format in ("gif", "mp4", "site"):
                options["progress"] = terminal_progress
            data = EXPORTERS[args.format](treaty, geometry, **options)
    except Exception as error:  # a failed export is reported in one line; nothing is written
        print(f"\npython -m layers.export: export failed: {error}", file=sys.stderr)
        return 1
    try:
        if args.format == "site":
            write_site(args.out, data)
        else:
            write_atomically(args.out, data)
    except OSError as error:
        print(
            f"python -m layers.export: --out: cannot write {args.out} ({error.strerror})",
            file=sys.stderr,
        )
        return 2
    size = sum(map(len, data.values())) if isinstance(data, dict) else len(data)
    print(f"{args.out}: {size:,} bytes", file=sys.stderr)
    return 0
