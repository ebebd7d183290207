"""The interactive map as one HTML file, and the tables as CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io

from geodata.belt import belt_csv, measured
from geodata.geometry import Geometry
from geodata.model import Treaty
from geodata.report import STATUS_COLUMNS, status_rows
from geodata.timeline import all_events
from layers.i18n import country_name, event_title


def html_bytes(
    treaty: Treaty,
    geometry: Geometry,
    day: dt.date,
    view: str = "world",
    today: dt.date | None = None,
    lang: str = "en",
) -> bytes:
    """The interactive map as one file: opens from file:// with no server and no network. Its
    slider ends as the app's on *today*; without *today*, at the data's last dated event (or
    *day*, if later): the clock is not read. It opens in *lang* (or its address's ``?lang=``)
    and carries every language."""
    from layers.web.page import render_page

    page = render_page(
        treaty,
        geometry.countries,
        geometry.borders,
        day=day,
        view=view,
        today=today or day,
        standalone=True,
        lang=lang,
    )
    return page.encode("utf-8")


def csv_bytes(treaty: Treaty, day: dt.date, what: str = "statuses", lang: str = "en") -> bytes:
    """Statuses of every map unit on *day* (date and sources in columns), or all events. The
    codes and columns are the same in every language; the name (or title) in *lang* is in a
    column of its own, ``name_local`` (``title_local``), beside the English ``name``."""
    out = io.StringIO()
    if what == "statuses":
        columns = list(STATUS_COLUMNS)
        columns.insert(columns.index("name") + 1, "name_local")
        writer = csv.DictWriter(out, columns, lineterminator="\n")
        writer.writeheader()
        for row in status_rows(treaty, day):
            writer.writerow(row | {"name_local": country_name(row["iso3"], lang, row["name"])})
        return out.getvalue().encode("utf-8")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["date", "date_precision", "iso3", "kind", "title", "title_local", "source"])
    for e in all_events(treaty):
        writer.writerow(
            [
                e.label if e.precision == "month" else e.day,
                e.precision,
                e.iso3 or "",
                e.kind,
                e.title,
                event_title(e, lang),
                e.source,
            ]
        )
    return out.getvalue().encode("utf-8")


def belt_csv_bytes(treaty: Treaty, geometry: Geometry, day: dt.date) -> bytes:
    """Each land border with Russia and Belarus on *day*, as ``python -m geodata belt`` prints it
    (``geodata.belt.belt_csv``): codes, names, status, belt state, published length (empty if
    not published) with its source, measured length."""
    return belt_csv(treaty, day, measured(geometry.borders)).encode("utf-8")
