"""Plain tables of statuses and events for a date: rows for the app's table, CSV and summaries."""

from __future__ import annotations

import csv
import datetime as dt
import io

from geodata.model import Treaty
from geodata.timeline import events_around, governing_unit, status_on

STATUS_COLUMNS = ("date", "iso3", "name", "kind", "status", "status_from", "source")


def status_rows(treaty: Treaty, day: dt.date) -> list[dict]:
    """One row per map unit, by code: its status on *day* and whose dates decide it."""
    rows = []
    for iso3, unit in sorted(treaty.units.items()):
        governing = governing_unit(treaty, iso3, day)
        rows.append(
            {
                "date": day.isoformat(),
                "iso3": iso3,
                "name": unit.name,
                "kind": str(unit.kind),
                "status": str(status_on(treaty, iso3, day)),
                "status_from": governing.iso3,
                "source": governing.sources,
            }
        )
    return rows


def status_csv(treaty: Treaty, day: dt.date, out=None) -> str:
    """:func:`status_rows` as CSV (to *out* if given; the text is returned either way)."""
    buffer = out or io.StringIO()
    writer = csv.DictWriter(buffer, STATUS_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(status_rows(treaty, day))
    return buffer.getvalue() if out is None else ""


def event_rows(
    treaty: Treaty, day: dt.date, before: int = 6, after: int = 4, title=None
) -> list[dict]:
    """The events around *day*, each with its date as the data knows it and its source; the
    title as *title(event)* gives it (a language's, layers/i18n.py), else the data's."""
    return [
        {
            "date": e.label,
            "iso3": e.iso3 or "",
            "event": title(e) if title else e.title,
            "source": e.source,
            "past": e.known_by <= day,
        }
        for e in events_around(treaty, day, before, after)
    ]


def differences(treaty: Treaty, first: dt.date, second: dt.date) -> list[dict]:
    """Every State whose status differs between two dates."""
    rows = []
    for unit in treaty.states():
        before, after = status_on(treaty, unit.iso3, first), status_on(treaty, unit.iso3, second)
        if before is not after:
            rows.append({"iso3": unit.iso3, "name": unit.name, str(first): str(before),
                         str(second): str(after)})  # fmt: skip
    return rows
