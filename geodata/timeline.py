"""The treaty's time model: each map unit's status on a date, and the events around it.

Pure functions of a loaded :class:`~geodata.model.Treaty`; every panel, layer and export reads
statuses from here and computes none itself.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from functools import cache

from geodata.model import (
    ENTRY_INTO_FORCE,
    OPENED,
    Event,
    EventKind,
    Precision,
    Status,
    Treaty,
    Unit,
)


def governing_unit(treaty: Treaty, iso3: str, day: dt.date) -> Unit:
    """The State whose status a map unit shows on *day*.

    A territory shows the State responsible for it; a State before its independence shows the
    State it was part of (South Sudan before 2011-07-09 shows Sudan).
    """
    unit = treaty.units[iso3]
    if unit.part_of:
        unit = treaty.units[unit.part_of]
    while unit.predecessor and unit.independence and day < unit.independence:
        unit = treaty.units[unit.predecessor]
    return unit


def own_status(unit: Unit, day: dt.date) -> Status:
    """A State's status from its own dates, by Arts. 17 and 20 (the data holds the dates)."""
    if day < OPENED:
        return Status.NON_PARTY
    if unit.withdrawal_effective and day >= unit.withdrawal_effective:
        return Status.WITHDRAWN
    if unit.eif and day >= unit.eif:
        if unit.suspension and day >= unit.suspension:
            return Status.SUSPENSION_CONTESTED
        if unit.withdrawal_deposited and day >= unit.withdrawal_deposited:
            return Status.WITHDRAWAL_PENDING
        if unit.withdrawal_announced and day >= unit.withdrawal_announced:
            return Status.WITHDRAWAL_ANNOUNCED
        return Status.PARTY
    if unit.consent and day >= unit.consent:
        return Status.CONSENT_PENDING
    if unit.signature and day >= unit.signature:
        return Status.SIGNATORY
    return Status.NON_PARTY


def status_on(treaty: Treaty, iso3: str, day: dt.date) -> Status:
    """The status map unit *iso3* shows on *day*."""
    return own_status(governing_unit(treaty, iso3, day), day)


def statuses_on(treaty: Treaty, day: dt.date) -> dict[str, Status]:
    """Every map unit's status on *day*, keyed by code."""
    return {iso3: status_on(treaty, iso3, day) for iso3 in treaty.units}


def counts_on(treaty: Treaty, day: dt.date) -> Counter[Status]:
    """How many States (not territories) are in each status on *day*."""
    return Counter(own_status(unit, day) for unit in treaty.states())


def change_dates(treaty: Treaty) -> list[dt.date]:
    """Every date on which some map unit's status can change, ascending, from 1997-12-03."""
    days = {OPENED}
    for unit in treaty.units.values():
        days.update(d for d in (*unit.treaty_dates, unit.independence) if d is not None)
    return sorted(days)


def intervals(treaty: Treaty, iso3: str) -> list[tuple[dt.date, Status]]:
    """A unit's history as ``(first day, status)`` runs from 1997-12-03 on."""
    runs: list[tuple[dt.date, Status]] = []
    for day in change_dates(treaty):
        status = status_on(treaty, iso3, day)
        if not runs or runs[-1][1] is not status:
            runs.append((day, status))
    return runs


@cache
def all_events(treaty: Treaty) -> tuple[Event, ...]:
    """The curated events and those derived from the States' dates, in date order."""
    derived = [e for unit in treaty.states() for e in _derived_events(unit)]
    return tuple(sorted(treaty.events + tuple(derived), key=_order))


def _order(event: Event) -> tuple:
    return (event.known_by, event.precision is Precision.MONTH, event.iso3 or "", event.title)


# The derived events' titles: one whole sentence per kind (and kind of consent), {country}
# filled with the State's name. These English sentences are also the messages the catalogues
# translate (locales/update.py adds them), phrased there so that no language needs an inflected
# country name ("Wystąpienie staje się skuteczne: {country}").
CONSENT_TITLES = {
    "ratification": "{country} deposits its instrument of ratification",
    "accession": "{country} deposits its instrument of accession",
    "acceptance": "{country} deposits its instrument of acceptance",
    "approval": "{country} deposits its instrument of approval",
    "succession": "{country} deposits its notification of succession",
}
TITLES = {
    EventKind.SIGNATURE: "{country} signs the Convention",
    EventKind.ENTRY_INTO_FORCE: "Convention enters into force for {country}",
    EventKind.WITHDRAWAL_NOTICE: (
        "{country} notifies its withdrawal to the UN Secretary-General (Art. 20)"
    ),
    EventKind.WITHDRAWAL_EFFECTIVE: "{country}'s withdrawal takes effect; it is no longer bound",
}


def _derived_events(unit: Unit):
    def event(day: dt.date, kind: EventKind, source: str = unit.source) -> Event:
        template = CONSENT_TITLES[unit.consent_type] if kind is EventKind.CONSENT else TITLES[kind]
        title = template.format(country=unit.name)
        return Event(day, Precision.DAY, unit.iso3, kind, title, source, template)

    if unit.signature:
        yield event(unit.signature, EventKind.SIGNATURE)
    if unit.consent:
        yield event(unit.consent, EventKind.CONSENT)
    # Entry into force on 1 March 1999 is one milestone for 45 States, kept in events.csv.
    if unit.eif and unit.eif != ENTRY_INTO_FORCE:
        yield event(unit.eif, EventKind.ENTRY_INTO_FORCE)
    if unit.withdrawal_deposited:
        day = unit.withdrawal_deposited
        yield event(day, EventKind.WITHDRAWAL_NOTICE, citing(unit.withdrawal_source, day))
    if unit.withdrawal_effective:
        day = unit.withdrawal_effective
        yield event(day, EventKind.WITHDRAWAL_EFFECTIVE, citing(unit.withdrawal_source, day))


def citing(sources: str, day: dt.date) -> str:
    """The citations (of a ' | '-joined list) that name *day*, e.g. '27 Jun 2025'; all if none."""
    parts = [part.strip() for part in sources.split(" | ")]
    named = [part for part in parts if f"{day.day} {day:%b %Y}" in part]
    return " | ".join(named or parts)


@cache
def dated_events(treaty: Treaty) -> tuple[Event, ...]:
    """Events known to the day: the steps of playback and the captions.

    An event known only to the month has no day to step to or to caption; it is still listed.
    """
    return tuple(e for e in all_events(treaty) if e.precision is Precision.DAY)


def event_days(treaty: Treaty) -> list[dt.date]:
    """The distinct days of the day-precise events, ascending."""
    return sorted({e.day for e in dated_events(treaty)})


def latest_event(treaty: Treaty, day: dt.date) -> Event | None:
    """The last day-precise event on or before *day* (what explains the map on that date)."""
    events = dated_events(treaty)
    index = bisect.bisect_right([e.day for e in events], day)
    return events[index - 1] if index else None


def events_around(treaty: Treaty, day: dt.date, before: int = 5, after: int = 3) -> list[Event]:
    """Up to *before* events on or before *day* and *after* events following it."""
    events = all_events(treaty)
    index = bisect.bisect_right([e.known_by for e in events], day)
    return list(events[max(0, index - before) : index + after])


def previous_event_day(treaty: Treaty, day: dt.date) -> dt.date | None:
    """The nearest event date strictly before *day*."""
    days = event_days(treaty)
    index = bisect.bisect_left(days, day)
    return days[index - 1] if index else None


def next_event_day(treaty: Treaty, day: dt.date) -> dt.date | None:
    """The nearest event date strictly after *day*."""
    days = event_days(treaty)
    index = bisect.bisect_right(days, day)
    return days[index] if index < len(days) else None
