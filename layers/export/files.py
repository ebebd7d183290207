"""The interactive map as one HTML file, and the tables as CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io

from geodata.belt import belt_csv, measured
from geodata.geometry import Geometry
from geodata.model import Treaty
from geodata.report import status_csv
from geodata.timeline import all_events


def html_bytes(
    treaty: Treaty,
    geometry: Geometry,
    day: dt.date,
    view: str = "world",
    today: dt.date | None = None,
) -> bytes:
    """The interactive map as one file: opens from file:// with no server and no network. Its
    slider ends as the app's on *today*; without *today*, at the data's last dated event (or
    *day*, if later): the clock is not read."""
    from layers.web.page import render_page

    page = render_page(
        treaty,
        geometry.countries,
        geometry.borders,
        day=day,
        view=view,
        today=today or day,
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
    """Each land border with Russia and Belarus on *day*, as ``python -m geodata belt`` prints it
    (``geodata.belt.belt_csv``): codes, names, status, belt state, published length (empty if
    not published) with its source, measured length."""
    return belt_csv(treaty, day, measured(geometry.borders)).encode("utf-8")
