"""Typed records for the treaty tables: statuses, map units and events.

Dates are ``datetime.date``; a date the data does not give is ``None``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

# The Convention opened for signature in Ottawa on 3 December 1997 (Art. 15).
OPENED = dt.date(1997, 12, 3)
# Entry into force of the Convention itself (Art. 17(1)).
ENTRY_INTO_FORCE = dt.date(1999, 3, 1)


class Status(StrEnum):
    """A map unit's standing under the Convention on one date, in legend order."""

    NON_PARTY = "non_party"
    SIGNATORY = "signatory"
    CONSENT_PENDING = "consent_pending"
    PARTY = "party"
    WITHDRAWAL_ANNOUNCED = "withdrawal_announced"
    WITHDRAWAL_PENDING = "withdrawal_pending"
    SUSPENSION_CONTESTED = "suspension_contested"
    WITHDRAWN = "withdrawn"

    @property
    def consented(self) -> bool:
        """True while an instrument of consent stands (deposited and not withdrawn)."""
        return self not in (Status.NON_PARTY, Status.SIGNATORY, Status.WITHDRAWN)

    @property
    def bound(self) -> bool:
        """True while the Convention is in force for the State."""
        return self.consented and self is not Status.CONSENT_PENDING

    @property
    def leaving(self) -> bool:
        """True for the steps out of the Convention that draw the belt."""
        return self in (Status.WITHDRAWAL_ANNOUNCED, Status.WITHDRAWAL_PENDING, Status.WITHDRAWN)


class UnitKind(StrEnum):
    """What a map unit is: a State that can join, a territory of one, or neither."""

    STATE = "state"
    TERRITORY = "territory"
    OTHER = "other"


class EventKind(StrEnum):
    """What an event is. The first nine are written in ``events.csv``; the rest are derived from
    a State's dates in ``states.csv`` (``timeline._derived_events``)."""

    MILESTONE = "milestone"
    ANNOUNCEMENT = "announcement"
    GOVERNMENT = "government"
    PARLIAMENT_VOTE = "parliament_vote"
    HEAD_OF_STATE = "head_of_state"
    SUSPENSION_NOTICE = "suspension_notice"
    OBJECTION = "objection"
    STATEMENT = "statement"
    MEETING = "meeting"
    SIGNATURE = "signature"
    CONSENT = "consent"
    ENTRY_INTO_FORCE = "entry_into_force"
    WITHDRAWAL_NOTICE = "withdrawal_notice"
    WITHDRAWAL_EFFECTIVE = "withdrawal_effective"

    @property
    def curated(self) -> bool:
        """Written in events.csv (the others are derived from states.csv)."""
        return self not in DERIVED_KINDS

    @property
    def key(self) -> bool:
        """A key event of the story: a milestone of the Convention, a State's announcement, vote,
        notice or withdrawal taking effect, or a Meeting of States Parties. The tour stops on
        these, the slider draws them as tall ticks, animations hold on them and the history
        chart marks them; the others (signatures, deposits, statements...) are listed only."""
        return self in KEY_KINDS


DERIVED_KINDS = frozenset(
    {
        EventKind.SIGNATURE,
        EventKind.CONSENT,
        EventKind.ENTRY_INTO_FORCE,
        EventKind.WITHDRAWAL_NOTICE,
        EventKind.WITHDRAWAL_EFFECTIVE,
    }
)
KEY_KINDS = frozenset(
    {
        EventKind.MILESTONE,
        EventKind.ANNOUNCEMENT,
        EventKind.PARLIAMENT_VOTE,
        EventKind.WITHDRAWAL_NOTICE,
        EventKind.SUSPENSION_NOTICE,
        EventKind.MEETING,
        EventKind.WITHDRAWAL_EFFECTIVE,
    }
)


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"


@dataclass(frozen=True)
class Unit:
    """One row of ``states.csv``: a map unit and its treaty dates."""

    iso3: str
    name: str
    kind: UnitKind
    part_of: str | None
    signature: dt.date | None
    consent: dt.date | None
    consent_type: str | None
    eif: dt.date | None
    withdrawal_announced: dt.date | None
    withdrawal_deposited: dt.date | None
    withdrawal_effective: dt.date | None
    suspension: dt.date | None
    predecessor: str | None
    independence: dt.date | None
    source: str
    # Citations for the withdrawal or suspension dates, where there are any.
    withdrawal_source: str
    note: str

    @property
    def treaty_dates(self) -> tuple[dt.date | None, ...]:
        """The unit's own treaty dates (set or not), in the order of the states.csv columns."""
        return (
            self.signature,
            self.consent,
            self.eif,
            self.withdrawal_announced,
            self.withdrawal_deposited,
            self.withdrawal_effective,
            self.suspension,
        )

    @property
    def sources(self) -> str:
        """Every citation of the row, joined with ' | '."""
        return " | ".join(s for s in (self.source, self.withdrawal_source) if s)

    def key_dates(self) -> dict[str, dt.date]:
        """The unit's own dates that are set, labelled, in the order they happen."""
        labelled = {
            "independence": self.independence,
            "signed": self.signature,
            "consent deposited": self.consent,
            "in force": self.eif,
            "withdrawal announced": self.withdrawal_announced,
            "withdrawal deposited": self.withdrawal_deposited,
            "suspension notified": self.suspension,
            "withdrawal effective": self.withdrawal_effective,
        }
        return {label: day for label, day in labelled.items() if day is not None}


@dataclass(frozen=True)
class Event:
    """One dated milestone, from ``events.csv`` or derived from a unit's dates."""

    day: dt.date
    precision: Precision
    iso3: str | None
    kind: EventKind
    title: str
    source: str
    # A derived event's title as a whole-sentence template with {country} (timeline.TITLES):
    # what the languages translate (layers/i18n.py), never the filled-in English text.
    template: str = ""

    @property
    def known_by(self) -> dt.date:
        """The last day the event can have happened: month-precise events count from month end."""
        if self.precision is Precision.MONTH:
            last = calendar.monthrange(self.day.year, self.day.month)[1]
            return self.day.replace(day=last)
        return self.day

    @property
    def label(self) -> str:
        """The date as the data knows it: '2025-07-18', or 'Jul 2025 (day not known)'."""
        if self.precision is Precision.MONTH:
            return f"{self.day:%b %Y} (day not known)"
        return self.day.isoformat()


@dataclass(frozen=True)
class PublishedBorder:
    """One row of ``borders_published.csv``: a land border's length as published."""

    iso3: str
    neighbour: str
    km: float
    source: str
    note: str


@dataclass(frozen=True, eq=False)
class Treaty:
    """Everything loaded and validated from the data directory."""

    units: dict[str, Unit]
    events: tuple[Event, ...]
    published: dict[tuple[str, str], PublishedBorder] = field(default_factory=dict)

    def states(self) -> list[Unit]:
        """The States that count in published totals (UN members, observers, Cook Islands, Niue)."""
        return [u for u in self.units.values() if u.kind is UnitKind.STATE]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file, located as ``file:line: field: message``."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class DataError(Exception):
    """The data did not validate; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
