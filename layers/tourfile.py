"""A tour and the file it is written in: a presenter's stops as a small CSV (README, "Tours").

One row a stop: ``date`` (YYYY-MM-DD), ``view`` (world, europe, eastern), ``title``; optional
``focus`` (the ISO 3166-1 alpha-3 code of a map unit), ``note``, ``hold`` (seconds), and
``title_xx`` / ``note_xx`` for each map language but English (``layers.i18n.LANGUAGES``).
Stops are kept in the file's order, which need not be the order of their dates: a presenter may
go back to an earlier day. The file is validated as the data is: every problem is collected as
``file:line: field: message`` (the line where the row starts; the header is line 1) and
:class:`TourError` carries them all; nothing is half-loaded. Text is kept as written (never
evaluated, never escaped: whoever shows it escapes it).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from geodata.dates import parse_day
from geodata.model import OPENED, Problem, Treaty
from layers.i18n import LANGUAGES, SOURCE_LANGUAGE
from layers.views import VIEWS, timeline_end

HOLD_S = 5.0  # the web tour's default pace (``tourPaceMs``)
HOLD_RANGE = (1.0, 60.0)
MAX_BYTES = 64 * 1024
MAX_STOPS = 60
MAX_CHARS = {"title": 120, "note": 1000}
TRANSLATED = tuple(code for code in LANGUAGES if code != SOURCE_LANGUAGE)
REQUIRED = ("date", "view", "title")
COLUMNS = (
    "date",
    "view",
    "focus",
    "title",
    "note",
    "hold",
    *(f"{text}_{lang}" for lang in TRANSLATED for text in ("title", "note")),
)
TEXTS = tuple(c for c in COLUMNS if c.startswith(("title", "note")))
SPACE = " \t\r\n"  # stripped from cells (str.strip would also take U+001C-001F, U+0085)
SECONDS = re.compile(r"[0-9]{1,2}(\.[0-9]+)?")


@dataclass(frozen=True)
class Stop:
    """One stop of a tour: the map on *day* in *view*, shown *hold* seconds, about *focus* (a
    map unit's code) if given. *translations* are ``(language, title, note)``, either text
    possibly empty; :meth:`localized` picks one. (The web map's tour holds each stop for the
    pace the viewer picks: its payload does not carry *hold*.)"""

    day: dt.date
    view: str
    title: str
    note: str = ""
    hold: float = HOLD_S
    focus: str | None = None
    translations: tuple[tuple[str, str, str], ...] = ()

    def localized(self, lang: str) -> Stop:
        """This stop in *lang*: its title and note in that language where the file gives them,
        the English ones where it does not; a stop of one language (no translations left)."""
        if lang not in LANGUAGES:
            raise ValueError(f"language {lang!r} is not one of {', '.join(LANGUAGES)}")
        title, note = self.title, self.note
        for code, translated_title, translated_note in self.translations:
            if code == lang:
                title, note = translated_title or title, translated_note or note
        return replace(self, title=title, note=note, translations=())


@dataclass(frozen=True)
class Tour:
    """A named tour: its stops in the order they are shown."""

    name: str
    stops: tuple[Stop, ...]

    def stops_in(self, lang: str) -> list[Stop]:
        """The stops in *lang* (``Stop.localized``)."""
        return [stop.localized(lang) for stop in self.stops]


class TourError(ValueError):
    """A tour file or link did not validate; carries every problem found (as ``DataError``
    does for the data, but apart from it: a bad tour is not bad data)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def read_tour(data: bytes, filename: str, treaty: Treaty, end: dt.date | None = None) -> Tour:
    """The tour in *data* (the bytes of a tour file named *filename*), its dates checked against
    the timeline, 1997-12-03 to *end* (default: ``timeline_end`` of today), its focus codes
    against *treaty*'s units. :class:`TourError` with every problem, if there is any."""
    problems: list[Problem] = []
    rows = _rows(data, filename, problems)
    end = end or timeline_end(treaty, dt.date.today())
    stops = [_stop(filename, line, row, treaty, end, problems) for line, row in rows]
    if not rows and not problems:
        problems.append(Problem(filename, 1, "file", "has no stops (a tour needs at least one)"))
    if problems:
        raise TourError(sorted(problems, key=lambda p: p.line))  # stable: in a row, by column
    return Tour(Path(filename).stem, tuple(stops))


def _rows(data: bytes, name: str, problems: list[Problem]) -> list[tuple[int, dict[str, str]]]:
    """The file's rows as ``(line where the row starts, {column: text})``."""
    if len(data) > MAX_BYTES:
        size = f"is {len(data):,} bytes; a tour file is at most {MAX_BYTES:,} (64 KiB)"
        problems.append(Problem(name, 0, "file", size))
        return []
    try:
        text = data.decode("utf-8-sig")  # a BOM, as spreadsheets write, is not part of the text
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.append(Problem(name, line, "file", "is not UTF-8 text"))
        return []
    if not text.strip():
        problems.append(Problem(name, 1, "file", "is empty (no header row)"))
        return []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [column.strip() for column in next(reader, [])]
        if not _header_ok(header, name, problems):
            return []
        return _records(reader, header, name, problems)
    except csv.Error as error:
        problems.append(Problem(name, reader.line_num, "file", f"is not valid CSV ({error})"))
        return []


def _header_ok(header: list[str], name: str, problems: list[Problem]) -> bool:
    """Whether the rows can be read by *header*; a problem for each thing wrong with it."""
    if not any(header):
        problems.append(Problem(name, 1, "file", "has no header row (line 1 is blank)"))
        return False
    nameless = [f"column {i}" for i, c in enumerate(header, 1) if not c]
    repeated = sorted({c for c in header if c and header.count(c) > 1})
    missing = [c for c in REQUIRED if c not in header]
    unknown = [c for c in header if c and c not in COLUMNS]
    if nameless:
        problems.append(Problem(name, 1, ",".join(nameless), "has no name"))
    if repeated:
        problems.append(Problem(name, 1, ",".join(repeated), "repeated column"))
    if missing:
        problems.append(Problem(name, 1, ",".join(missing), "missing column"))
    if unknown:
        known = f"{', '.join(COLUMNS[:6])}, title_xx and note_xx for xx in {' '.join(TRANSLATED)}"
        problems.append(Problem(name, 1, ",".join(unknown), f"unknown column (known: {known})"))
    return not (nameless or repeated or missing)


def _records(reader, header: list[str], name: str, problems: list[Problem]) -> list:
    """The rows after the header, blank ones skipped; a problem for a row of the wrong width
    and, once, for a stop past the limit (the rows are still checked, to report them all)."""
    rows, start = [], reader.line_num + 1
    for fields in reader:
        line, start = start, reader.line_num + 1  # a quoted note may span lines: its first
        if not any(f.strip() for f in fields):
            continue
        if len(fields) != len(header):
            counts = f"has {len(fields)} fields, header has {len(header)}"
            problems.append(Problem(name, line, "row", counts))
            continue
        rows.append((line, dict(zip(header, fields, strict=True))))
        if len(rows) == MAX_STOPS + 1:
            too_many = f"is stop {MAX_STOPS + 1}; a tour has at most {MAX_STOPS} stops"
            problems.append(Problem(name, line, "row", too_many))
    return rows


def _stop(name, line, row, treaty, end, problems) -> Stop | None:
    """One row as a stop, or None and its problems."""
    before = len(problems)

    def check(column, parse):
        value, message = parse(row.get(column, "").strip(SPACE))
        if message:
            problems.append(Problem(name, line, column, message))
        return value

    day = check("date", lambda text: _day(text, end))
    view = check("view", _view)
    focus = check("focus", lambda text: _focus(text, treaty))
    hold = check("hold", _hold)
    texts = {c: check(c, lambda text, c=c: _text(text, c)) for c in TEXTS}
    if len(problems) > before:
        return None
    translations = tuple(
        (lang, texts[f"title_{lang}"], texts[f"note_{lang}"])
        for lang in TRANSLATED
        if texts[f"title_{lang}"] or texts[f"note_{lang}"]
    )
    return Stop(day, view, texts["title"], texts["note"], hold, focus or None, translations)


def _shown(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _day(text: str, end: dt.date) -> tuple[dt.date | None, str]:
    if not text:
        return None, "is empty; every stop needs a date (YYYY-MM-DD)"
    try:
        day = parse_day(text)
    except ValueError as error:
        return None, str(error)
    if day < OPENED:
        return None, f"{day} is before the timeline starts ({OPENED}, opened for signature)"
    if day > end:
        return None, f"{day} is after the timeline ends ({end})"
    return day, ""


def _view(text: str) -> tuple[str | None, str]:
    if text in VIEWS:
        return text, ""
    views = ", ".join(VIEWS)
    if not text:
        return None, f"is empty; every stop needs a view ({views})"
    return None, f"{_shown(text)} is not a view ({views})"


def _focus(text: str, treaty: Treaty) -> tuple[str, str]:
    if not text or text in treaty.units:
        return text, ""
    return "", f"{_shown(text)} is not the code of a map unit (ISO 3166-1 alpha-3, as POL)"


def _hold(text: str) -> tuple[float, str]:
    low, high = HOLD_RANGE
    if not text:
        return HOLD_S, ""
    if not SECONDS.fullmatch(text):
        return HOLD_S, f"{_shown(text)} is not a number of seconds ({low:g} to {high:g})"
    if not low <= float(text) <= high:
        return HOLD_S, f"{text} is not between {low:g} and {high:g} seconds"
    return float(text), ""


def _text(text: str, column: str) -> tuple[str, str]:
    """A title or note: newlines as ``\\n``, at most its length, no control characters."""
    text = text.replace("\r\n", "\n")
    limit = MAX_CHARS[column.split("_")[0]]
    if column == "title" and not text:
        return "", "is empty; every stop needs a title"
    if len(text) > limit:
        return "", f"is {len(text):,} characters; at most {limit:,}"
    for char in text:
        if unicodedata.category(char) == "Cc" and char not in "\t\n":
            return "", f"has a control character (U+{ord(char):04X}); only tab and newline may be"
    return text, ""


def tour_csv(tour: Tour) -> bytes:
    """*tour* as a tour file (UTF-8, no BOM, ``\\n`` line ends): the columns its stops use, in
    the order of :data:`COLUMNS`; ``read_tour`` reads it back to the same stops."""
    used = {"date", "view", "title"}
    for stop in tour.stops:
        used |= {"focus"} if stop.focus else set()
        used |= {"note"} if stop.note else set()
        used |= {"hold"} if stop.hold != HOLD_S else set()
        for lang, title, note in stop.translations:
            used |= {f"title_{lang}"} if title else set()
            used |= {f"note_{lang}"} if note else set()
    columns = [c for c in COLUMNS if c in used]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for stop in tour.stops:
        cells = {
            "date": stop.day.isoformat(),
            "view": stop.view,
            "focus": stop.focus or "",
            "title": stop.title,
            "note": stop.note,
            "hold": repr(float(stop.hold)).removesuffix(".0"),  # as read: "5", "12.5"
        }
        for lang, title, note in stop.translations:
            cells |= {f"title_{lang}": title, f"note_{lang}": note}
        writer.writerow([cells.get(c, "") for c in columns])
    return out.getvalue().encode("utf-8")
