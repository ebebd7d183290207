"""The whole timeline as plain data for the browser: built once, sent once per session.

Statuses are computed here, by ``geodata.timeline``; the browser only looks them up in runs of
``[first day, status index]`` (days since 1970-01-01).
"""

from __future__ import annotations

import datetime as dt
import json

from geodata.belt import contested, measured, pair_runs, population, published_km, totals_runs
from geodata.model import OPENED, Status, Treaty, Unit, UnitKind
from geodata.projection import EUROPE_WINDOW, crs_name, project, project_geometry
from geodata.timeline import change_dates, counts_on, dated_events, intervals
from layers.i18n import browser_data, country_name, event_title, speaking
from layers.labels import candidates
from layers.picture.chart import chart_texts
from layers.style import PALETTE, status_index, style_table
from layers.tours import tour_stops
from layers.views import BELT_END, BELT_START, VIEW_EXTENTS, VIEW_LABELS, timeline_end

EPOCH = dt.date(1970, 1, 1)
# Shapes are sent in the projection of each view (geodata/projection.py), as integers in units
# of this many metres: finer than the layer's simplification (about 5 km), and with both
# projections fewer bytes than the one in degrees was (README, "Projections").
QUANTUM_M = {"world": 1000, "europe": 500}


def day_number(day: dt.date) -> int:
    return (day - EPOCH).days


def build_payload(treaty: Treaty, countries: dict, borders: dict, today: dt.date) -> dict:
    """Everything the map needs in the browser, keyed for compactness."""
    sources = _Sources()
    index = status_index()
    units = {
        iso3: _unit_payload(treaty, unit, sources, index) for iso3, unit in treaty.units.items()
    }
    counts = [
        [day_number(day), [counts_on(treaty, day)[status] for status in Status]]
        for day in change_dates(treaty)
    ]
    events = [
        [day_number(e.day), e.iso3 or "", e.kind, e.title, sources.add(e.source)]
        for e in dated_events(treaty)
    ]
    tour = tour_payload(treaty, tour_stops(treaty))
    ticks = {}
    for day, _, kind, _, _ in events:
        ticks[day] = ticks.get(day, 0) or int(kind.key)
    return {
        "start": day_number(OPENED),
        "end": day_number(timeline_end(treaty, today)),
        "styles": style_table(),
        "palette": PALETTE,
        "states": len(treaty.states()),
        "units": units,
        "counts": counts,
        "events": events,
        "ticks": sorted(ticks.items()),
        "tour": tour,
        "sources": sources.items,
        "views": {
            name: {"projection": projection, "extent": _km(extent), "crs": crs_name(projection)}
            for name, (projection, extent) in VIEW_EXTENTS.items()
        },
        "viewLabels": VIEW_LABELS,
        "projections": {
            name: _projected(name, countries, borders, metres) for name, metres in QUANTUM_M.items()
        },
        "labels": {view: _labels(treaty, countries, view) for view in VIEW_EXTENTS},
        "belt": _belt(treaty, borders, population(countries)),
    }


def tour_payload(treaty: Treaty, stops) -> list[list]:
    """A tour's stops (layers/tours.py) for the map: [day, view, title, index of the first event
    that day or null, hold in seconds, focus or null, note]: the built-in tour in the payload, a
    presenter's own in the app's arguments (app.py)."""
    first: dict[dt.date, int] = {}
    for position, event in enumerate(dated_events(treaty)):
        first.setdefault(event.day, position)
    return [
        [
            day_number(stop.day),
            stop.view,
            stop.title,
            first.get(stop.day),
            stop.hold,
            stop.focus,
            stop.note,
        ]
        for stop in stops
    ]


def language_pack(treaty: Treaty, countries: dict, lang: str, today: dt.date) -> dict:
    """What the map reads in *lang*, apart from the timeline (one file per language; the browser
    fetches the one it shows): ``layers.i18n.browser_data`` (messages, date and number formats)
    and the names of the units, the events' titles (in the order of the payload's events), the
    labels' texts (in the order of its labels, per view), the tour's titles and the history
    chart's words."""
    pack = browser_data(lang)
    pack["names"] = {
        iso3: country_name(iso3, lang, unit.name) for iso3, unit in treaty.units.items()
    }
    pack["events"] = [event_title(event, lang) for event in dated_events(treaty)]
    pack["labels"] = {
        view: [label.text for label in candidates(treaty, countries, view, lang)]
        for view in VIEW_EXTENTS
    }
    pack["tour"] = [[stop.title, stop.note] for stop in tour_stops(treaty, lang=lang)]
    with speaking(lang):
        pack["chart"] = chart_texts(treaty, timeline_end(treaty, today))
    return pack


def _projected(name: str, countries: dict, borders: dict, metres: int) -> dict:
    """The shapes, points and belt lines in projection *name*, for the browser."""
    return {
        "unit": metres / 1000,  # km per integer unit
        "shapes": encode_shapes(countries, name, metres),
        "borders": {
            f"{f['properties']['iso3']}-{f['properties']['neighbour']}": _lines(
                project_geometry(name, f["geometry"]), metres
            )
            for f in borders["features"]
        },
    }


def encode_shapes(countries: dict, projection: str, metres: int) -> list[list]:
    """Country shapes, compact: ``[iso3, point or None, polygons]`` in *projection*, each ring a
    flat list of integer coordinates (x, y in units of *metres*), each after the first as the
    difference from the one before (repeated points dropped). Half the bytes of GeoJSON, and
    quicker for the browser. A unit the projection does not draw (outside Europe's window) is
    left out."""
    shapes = []
    for feature in countries["features"]:
        geometry, properties = feature["geometry"], feature["properties"]
        polygons = []
        if geometry is not None:
            projected = project_geometry(projection, geometry)
            if projected is not None and projected["type"] in ("Polygon", "MultiPolygon"):
                parts = projected["coordinates"]
                parts = [parts] if projected["type"] == "Polygon" else parts
                polygons = [rings for rings in (_rings(part, metres) for part in parts) if rings]
        point = _point(projection, properties.get("point"), metres)
        if polygons or point:
            shapes.append([properties["iso3"], point, polygons])
    return shapes


def _rings(rings: list, metres: int) -> list[list[int]]:
    encoded = [_delta_ring(ring, metres) for ring in rings]
    return [] if len(encoded[0]) < 6 else [ring for ring in encoded if len(ring) >= 6]


def _point(projection: str, lonlat, metres: int) -> list[int] | None:
    if lonlat is None:
        return None
    west, south, east, north = EUROPE_WINDOW
    if projection == "europe" and not (west <= lonlat[0] <= east and south <= lonlat[1] <= north):
        return None
    x, y = project(projection, lonlat[0], lonlat[1])
    return [round(float(x) / metres), round(float(y) / metres)]


def _delta_ring(ring: list, metres: int) -> list[int]:
    flat, last_x, last_y, previous = [], 0, 0, None
    for x, y in ring:
        point = (round(x / metres), round(y / metres))
        if point == previous:
            continue
        flat += [point[0] - last_x, point[1] - last_y]
        last_x, last_y = previous = point
    return flat


def _lines(geometry: dict | None, metres: int) -> list[list[int]]:
    if geometry is None:
        return []
    lines = geometry["coordinates"]
    lines = [lines] if geometry["type"] == "LineString" else lines
    return [_delta_ring(line, metres) for line in lines]


def _km(extent: list) -> list:
    return [[round(x / 1000, 1), round(y / 1000, 1)] for x, y in extent]


def _labels(treaty: Treaty, countries: dict, view: str) -> list[list]:
    """The names to place on *view* in priority order (layers/labels.py): [iso3, text, x km,
    y km, always, first day or null]."""
    return [
        [
            label.iso3,
            label.text,
            round(label.x / 1000, 1),
            round(label.y / 1000, 1),
            label.always,
            day_number(label.from_day) if label.from_day else None,
        ]
        for label in candidates(treaty, countries, view)
    ]


def _belt(treaty: Treaty, borders: dict, people: dict[str, int]) -> dict:
    """The belt as geodata/belt.py computes it, for the browser to look up by day: each border's
    state (off, on, contested) as runs of days, the totals wherever they change, and each State's
    lengths. A length that is not published is null ("not published"), never 0."""
    lengths = measured(borders)
    runs = pair_runs(treaty, lengths)
    states: dict[str, dict] = {}
    for (iso3, neighbour), km in lengths.items():
        state = states.setdefault(
            iso3, {"iso3": iso3, "published": 0.0, "measured": 0.0, "contested": False}
        )
        known = published_km(treaty, (iso3, neighbour))
        state["published"] = (
            None if known is None or state["published"] is None else (state["published"] + known)
        )
        state["measured"] = round(state["measured"] + km, 1)
        state["contested"] = contested(treaty, iso3)
    lengths_of = {s["iso3"]: s for s in states.values()}
    return {
        "window": [day_number(BELT_START), day_number(BELT_END)],
        "pairs": [
            [
                iso3,
                neighbour,
                km,
                published_km(treaty, (iso3, neighbour)),
                [[day_number(day), state] for day, state in runs[(iso3, neighbour)]],
            ]
            for (iso3, neighbour), km in lengths.items()
        ],
        "states": list(states.values()),
        "totals": [
            [day_number(day), _totals(totals, lengths_of)]
            for day, totals in totals_runs(treaty, lengths, people)
        ],
    }


def _totals(totals, lengths_of: dict[str, dict]) -> dict:
    missing = [f"{a}-{b}" for a, b in totals.published_missing]
    return {
        "states": list(totals.states),
        "published": totals.published_km,
        "missing": missing,
        "measured": totals.measured_km,
        "population": totals.population,
        "contested": [
            {k: lengths_of[iso3][k] for k in ("iso3", "published", "measured")}
            for iso3 in totals.contested_states
        ],
    }


def _unit_payload(treaty: Treaty, unit: Unit, sources: _Sources, index: dict) -> dict:
    owner = treaty.units[unit.part_of] if unit.part_of else unit
    payload = {
        "n": unit.name,
        "k": str(unit.kind),
        "r": [[day_number(day), index[status]] for day, status in intervals(treaty, unit.iso3)],
        "d": [[label, day.isoformat()] for label, day in owner.key_dates().items()],
        "s": sources.add(owner.sources),
        "note": unit.note or owner.note,
    }
    if unit.kind is UnitKind.TERRITORY:
        payload["of"] = owner.iso3  # named by the language's names (language_pack)
    if unit.predecessor and unit.independence:
        payload["pre"] = [day_number(unit.independence), unit.predecessor]
    return payload


class _Sources:
    """Source strings stored once and referred to by index (many rows share one citation)."""

    def __init__(self):
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def add(self, source: str) -> int:
        if source not in self._index:
            self._index[source] = len(self.items)
            self.items.append(source)
        return self._index[source]


def script_json(value) -> str:
    """JSON safe to place inside a <script> element: no '</script>' or '<!--' can break out."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
