"""The curated treaty tables as typed records: every row parsed and checked.

Reading the files is ``geodata/csvfiles.py``; the treaty's rules on a unit's dates are
``geodata/rules.py``. Every problem is collected (not just the first), located as
``file:line: field: message``; nothing is returned unless the whole data directory is valid.
"""

from __future__ import annotations

import re
from pathlib import Path

from geodata.codes import code_problem
from geodata.csvfiles import parse_date, read_csv
from geodata.model import (
    DataError,
    Event,
    EventKind,
    Precision,
    Problem,
    PublishedBorder,
    Treaty,
    Unit,
    UnitKind,
)
from geodata.rules import TREATY_DATE_COLUMNS, date_problems

STATES_FILE = "states.csv"
EVENTS_FILE = "events.csv"
BORDERS_FILE = "borders_published.csv"

UNIT_DATES = (*TREATY_DATE_COLUMNS, "independence_date")
STATES_COLUMNS = (
    "iso3",
    "name",
    "kind",
    "part_of",
    "signature_date",
    "consent_date",
    "consent_type",
    "eif_date",
    "withdrawal_announced_date",
    "withdrawal_deposited_date",
    "withdrawal_effective_date",
    "suspension_date",
    "predecessor",
    "independence_date",
    "source",
    "withdrawal_source",
    "note",
)
EVENTS_COLUMNS = ("date", "iso3", "kind", "title", "source")
BORDERS_COLUMNS = ("iso3", "neighbour_iso3", "published_km", "source", "note")
CONSENT_TYPES = {"ratification", "accession", "acceptance", "approval", "succession"}
# Kinds written in events.csv; timeline._derived_events makes the others from states.csv.
EVENT_KINDS = {str(kind) for kind in EventKind if kind.curated}
ISO3 = re.compile(r"[A-Z]{3}")
MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")


def load(data_dir: Path) -> Treaty:
    """Load and validate ``states.csv`` and ``events.csv`` from *data_dir*.

    Raises
    ------
    DataError
        With every problem found, if any file does not validate.
    """
    problems: list[Problem] = []
    unit_rows = read_csv(data_dir / STATES_FILE, STATES_COLUMNS, problems)
    event_rows = read_csv(data_dir / EVENTS_FILE, EVENTS_COLUMNS, problems)
    border_rows = read_csv(data_dir / BORDERS_FILE, BORDERS_COLUMNS, problems)
    units = _parse_units(unit_rows, problems)
    events = _parse_events(event_rows, units, problems)
    listed = {row["iso3"].strip() for _, row in unit_rows}  # a broken row is reported once
    published = _parse_borders(border_rows, units, listed, problems)
    if problems:
        raise DataError(problems)
    return Treaty(units=units, events=tuple(events), published=published)


def listed_codes(data_dir: Path) -> set[str]:
    """The codes ``states.csv`` lists, valid or not (empty if it cannot be read): what the
    boundary layers are checked against when the tables do not validate."""
    rows = read_csv(data_dir / STATES_FILE, STATES_COLUMNS, [])
    return {row["iso3"].strip() for _, row in rows}


def problems_in(data_dir: Path) -> list[Problem]:
    """Every problem in *data_dir*; an empty list means the data is valid."""
    try:
        load(data_dir)
    except DataError as error:
        return error.problems
    return []


def _parse_units(rows, problems: list[Problem]) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    lines: dict[str, int] = {}
    for line, row in rows:
        unit = _parse_unit(line, row, problems)
        if unit is None:
            continue
        if unit.iso3 in units:
            problems.append(
                Problem(STATES_FILE, line, "iso3", f"{unit.iso3} repeats line {lines[unit.iso3]}")
            )
            continue
        units[unit.iso3] = unit
        lines[unit.iso3] = line
        problem = code_problem(unit.iso3)
        if problem:
            problems.append(Problem(STATES_FILE, line, "iso3", problem))
    for iso3, unit in units.items():
        _check_links(unit, units, lines[iso3], problems)
    return units


def _parse_unit(line: int, row: dict[str, str], problems: list[Problem]) -> Unit | None:
    dates = _unit_cells((STATES_FILE, line), row, problems)
    if dates is None:
        return None
    unit = Unit(
        iso3=row["iso3"].strip(),
        name=row["name"].strip(),
        kind=UnitKind(row["kind"].strip()),
        part_of=row["part_of"].strip() or None,
        signature=dates["signature_date"],
        consent=dates["consent_date"],
        consent_type=row["consent_type"].strip() or None,
        eif=dates["eif_date"],
        withdrawal_announced=dates["withdrawal_announced_date"],
        withdrawal_deposited=dates["withdrawal_deposited_date"],
        withdrawal_effective=dates["withdrawal_effective_date"],
        suspension=dates["suspension_date"],
        predecessor=row["predecessor"].strip() or None,
        independence=dates["independence_date"],
        source=row["source"].strip(),
        withdrawal_source=row["withdrawal_source"].strip(),
        note=row["note"].strip(),
    )
    problems += [Problem(STATES_FILE, line, c, m) for c, m in date_problems(unit)]
    return unit


def _unit_cells(where: tuple[str, int], row: dict[str, str], problems: list[Problem]):
    """The row's dates by column, or None (and problems) if any cell cannot be read."""
    before = len(problems)
    iso3 = row["iso3"].strip()
    if not ISO3.fullmatch(iso3):
        problems.append(Problem(*where, "iso3", f"{iso3!r} is not a three-letter code"))
    kind = row["kind"].strip()
    if kind not in {k.value for k in UnitKind}:
        problems.append(Problem(*where, "kind", f"{kind!r} is not one of state, territory, other"))
    dates = {c: parse_date(row[c], (*where, c), problems) for c in UNIT_DATES}
    consent_type = row["consent_type"].strip() or None
    if consent_type is not None and consent_type not in CONSENT_TYPES:
        problems.append(Problem(*where, "consent_type", f"unknown type {consent_type!r}"))
    for column in ("name", "source"):
        if not row[column].strip():
            problems.append(Problem(*where, column, "is empty"))
    return None if len(problems) > before else dates


def _check_links(unit: Unit, units: dict[str, Unit], line: int, problems: list[Problem]) -> None:
    """``part_of`` names a State; ``predecessor`` a State, with an independence date."""

    def bad(field: str, message: str) -> None:
        problems.append(Problem(STATES_FILE, line, field, message))

    if unit.kind is UnitKind.TERRITORY:
        owner = units.get(unit.part_of or "")
        if owner is None or owner.kind is not UnitKind.STATE:
            bad("part_of", f"a territory needs the code of a State here, not {unit.part_of!r}")
    elif unit.part_of:
        bad("part_of", f"only a territory is part of a State (kind is {unit.kind})")
    if unit.predecessor:
        before = units.get(unit.predecessor)
        if before is None or before.kind is not UnitKind.STATE or before is unit:
            bad("predecessor", f"{unit.predecessor!r} is not another State in this file")
        if unit.independence is None:
            bad("independence_date", "is empty but predecessor is set")
    elif unit.independence:
        bad("predecessor", "is empty but independence_date is set")


def _parse_events(rows, units: dict[str, Unit], problems: list[Problem]) -> list[Event]:
    events: list[Event] = []
    seen: dict[tuple, int] = {}
    for line, row in rows:
        event = _parse_event(line, row, units, problems)
        if event is None:
            continue
        key = (event.day, event.iso3, event.title)
        if key in seen:
            problems.append(Problem(EVENTS_FILE, line, "row", f"repeats line {seen[key]}"))
            continue
        seen[key] = line
        events.append(event)
    return events


def _parse_event(line: int, row: dict[str, str], units, problems: list[Problem]) -> Event | None:
    before = len(problems)
    where = (EVENTS_FILE, line)
    text = row["date"].strip()
    precision = Precision.DAY
    if MONTH.fullmatch(text):
        precision = Precision.MONTH
        day = parse_date(text + "-01", (*where, "date"), problems)
    else:
        day = parse_date(text, (*where, "date"), problems)
        if day is None and not text:
            problems.append(Problem(*where, "date", "is empty"))
    iso3 = row["iso3"].strip() or None
    # With no units loaded (states.csv unreadable) the codes cannot be checked; that is reported.
    if iso3 is not None and units and iso3 not in units:
        problems.append(Problem(*where, "iso3", f"{iso3!r} is not a code in {STATES_FILE}"))
    kind = row["kind"].strip()
    if kind not in EVENT_KINDS:
        problems.append(Problem(*where, "kind", f"unknown kind {kind!r}"))
    for column in ("title", "source"):
        if not row[column].strip():
            problems.append(Problem(*where, column, "is empty"))
    if len(problems) > before or day is None:
        return None
    return Event(day, precision, iso3, EventKind(kind), row["title"].strip(), row["source"].strip())


def _parse_borders(rows, units: dict[str, Unit], listed: set[str], problems: list[Problem]) -> dict:
    """Published border lengths: two State codes, a positive length, a source."""
    published: dict[tuple[str, str], PublishedBorder] = {}
    lines: dict[tuple[str, str], int] = {}
    for line, row in rows:
        before = len(problems)
        where = (BORDERS_FILE, line)
        pair = (row["iso3"].strip(), row["neighbour_iso3"].strip())
        for column, code in zip(("iso3", "neighbour_iso3"), pair, strict=True):
            known = units.get(code)
            if code in listed and code not in units:
                continue
            if units and (known is None or known.kind is not UnitKind.STATE):
                problems.append(
                    Problem(*where, column, f"{code!r} is not a State in {STATES_FILE}")
                )
        try:
            km = float(row["published_km"])
            if not 0 < km < 100_000:
                raise ValueError
        except ValueError:
            km = 0.0
            text = row["published_km"]
            problems.append(Problem(*where, "published_km", f"{text!r} is not a length in km"))
        if not row["source"].strip():
            problems.append(Problem(*where, "source", "is empty"))
        if pair in lines:
            problems.append(
                Problem(*where, "row", f"{pair[0]}-{pair[1]} repeats line {lines[pair]}")
            )
        if len(problems) > before:
            continue
        lines[pair] = line
        published[pair] = PublishedBorder(*pair, km, row["source"].strip(), row["note"].strip())
    return published
