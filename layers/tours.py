"""Tours: where they come from. The map ships tour files in ``tours/`` (``belt.csv``, the
built-in tour of the belt, is the first); a presenter's own tour comes as a file
(``layers/tourfile.py``: the format, ``Stop`` and ``Tour``) or in a link's ``?tour=``. The deck,
the animations and the presentation mode take the stops of any of them.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
import zlib
from dataclasses import replace
from pathlib import Path

from geodata.model import Problem, Treaty
from layers.tourfile import (
    HOLD_S,
    MAX_BYTES,
    Stop,
    Tour,
    TourError,
    read_tour,
    tour_csv,
)

__all__ = [
    "HOLD_S",
    "Stop",
    "Tour",
    "TourError",
    "load_shipped",
    "read_tour",
    "shipped_tours",
    "tour_csv",
    "tour_from_param",
    "tour_param",
    "tour_stops",
]

TOURS_DIR = Path(__file__).resolve().parent.parent / "tours"
NAME = re.compile(r"[a-z0-9-]{1,40}")
PARAM_MAX = 1800  # characters of ``?tour=``: a link stays under the 2,000 that many tools keep
PARAM_FILE = "?tour"
BASE64URL = re.compile(r"[A-Za-z0-9_-]+")


def shipped_tours() -> dict[str, Path]:
    """The tour files the map ships, by name (the file's stem), in name order. A file in
    ``tours/`` whose stem is not 1 to 40 of a-z, 0-9 and - is not a tour (tests/test_tours.py
    checks there is none)."""
    return {p.stem: p for p in sorted(TOURS_DIR.glob("*.csv")) if NAME.fullmatch(p.stem)}


def load_shipped(name: str, treaty: Treaty, end: dt.date | None = None) -> Tour:
    """The shipped tour *name*, validated (``read_tour``); ValueError if there is none."""
    paths = shipped_tours()
    if name not in paths:
        raise ValueError(f"no tour named {name!r} (the tours: {', '.join(paths)})")
    return read_tour(paths[name].read_bytes(), paths[name].name, treaty, end)


def tour_stops(treaty: Treaty, name: str = "belt", lang: str = "en") -> list[Stop]:
    """The stops of the shipped tour *name* in *lang* (``Stop.localized``): by default the
    tour of the belt, 2025-03-18 to 2026-02-20, on the eastern flank."""
    return load_shipped(name, treaty).stops_in(lang)


def tour_param(tour: Tour) -> str | None:
    """*tour* for a link's ``?tour=``: its file (``tour_csv``), zlib-compressed, in base64url
    without padding; None if that is longer than :data:`PARAM_MAX` characters (a tour with
    every translation is: share the file instead)."""
    packed = zlib.compress(tour_csv(tour), 9)
    text = base64.urlsafe_b64encode(packed).rstrip(b"=").decode("ascii")
    return text if len(text) <= PARAM_MAX else None


def tour_from_param(text: str, treaty: Treaty, end: dt.date | None = None) -> Tour:
    """The tour a link's ``?tour=`` carries (:func:`tour_param`), named "link", validated as a
    file named ``?tour`` is; a text that is not such a link is one problem,
    ``?tour:0: tour: ...``."""
    text = text.strip()

    def refuse(message: str) -> TourError:
        return TourError([Problem(PARAM_FILE, 0, "tour", message)])

    if not text:
        raise refuse("is empty")
    if len(text) > PARAM_MAX:
        raise refuse(f"is {len(text):,} characters; a tour link has at most {PARAM_MAX:,}")
    if not BASE64URL.fullmatch(text):
        raise refuse("is not a tour link (only letters, digits, - and _ may be in one)")
    try:
        packed = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        unpacker = zlib.decompressobj()
        data = unpacker.decompress(packed, MAX_BYTES + 1)  # no more than a file may hold
    except (binascii.Error, zlib.error):
        raise refuse("is not a tour link (damaged, or not made by this map)") from None
    if len(data) > MAX_BYTES:
        raise refuse(f"unpacks to more than {MAX_BYTES:,} bytes, more than a tour file may be")
    if not unpacker.eof or unpacker.unused_data:
        raise refuse("is not a tour link (cut short, or with something added)")
    return replace(read_tour(data, PARAM_FILE, treaty, end), name="link")
