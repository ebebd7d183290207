"""Reading the data files: text that must be UTF-8, CSV that must have the expected columns, and
cells parsed into dates. Every problem is located as ``file:line: field: message`` and collected
(not raised), so that one run reports them all."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

from geodata.dates import parse_day
from geodata.model import Problem

Row = tuple[int, dict[str, str]]  # (line in the file, {column: text})


def read_text(path: Path, problems: list[Problem], encoding: str = "utf-8") -> str | None:
    """The text of a data file, or None and a problem if it cannot be read or is not UTF-8."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        problems.append(Problem(path.name, 0, "file", f"cannot be read ({error.strerror})"))
        return None
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(Problem(path.name, line, "file", "is not UTF-8 text"))
        return None


def read_csv(path: Path, columns: tuple[str, ...], problems: list[Problem]) -> list[Row]:
    """Rows of *path* as ``(line, {column: text})``; problems for anything unreadable."""
    name = path.name
    text = read_text(path, problems, "utf-8-sig")
    if text is None:
        return []
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        problems.append(Problem(name, line, "file", "is not CSV text (NUL byte)"))
        return []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            problems.append(Problem(name, 1, "file", "is empty (no header row)"))
            return []
        header = [h.strip() for h in header]
        missing = [c for c in columns if c not in header]
        if missing:
            problems.append(Problem(name, 1, ",".join(missing), "missing column"))
            return []
        unknown = [h for h in header if h not in columns]
        if unknown:
            problems.append(Problem(name, 1, ",".join(unknown), "unknown column"))
        return list(_records(reader, header, name, problems))
    except csv.Error as error:
        problems.append(Problem(name, reader.line_num, "file", f"is not valid CSV ({error})"))
        return []


def _records(reader, header: list[str], name: str, problems: list[Problem]) -> Iterator[Row]:
    for fields in reader:
        line = reader.line_num
        if not any(f.strip() for f in fields):
            continue
        if len(fields) != len(header):
            problems.append(
                Problem(name, line, "row", f"has {len(fields)} fields, header has {len(header)}")
            )
            continue
        yield line, dict(zip(header, fields, strict=True))


def parse_date(text: str, where: tuple[str, int, str], problems: list[Problem]) -> dt.date | None:
    """A cell as a date (:func:`geodata.dates.parse_day`; empty means no date); a problem at
    *where* (file, line, column) when it is not one."""
    if not text.strip():
        return None
    try:
        return parse_day(text)
    except ValueError as error:
        problems.append(Problem(*where, str(error)))
        return None
