"""The whole timeline as plain data for the browser: built once, sent once per session.

Statuses are computed here, by ``geodata.timeline``; the browser only looks them up in runs of
``[first day, status index]`` (days since 1970-01-01).
"""

from __future__ import annotations

import datetime as dt
import json

from geodata.belt import contested, measured, pair_runs, population, published_km, totals_runs
from geodata.model import OPENED, Status, Treaty, Unit, UnitKind
from geodata.timeline import change_dates, counts_on, dated_events, intervals
from layers.style import PALETTE, status_index, style_table
from layers.views import BELT_END, BELT_START, VIEW_LABELS, VIEWS, timeline_end

EPOCH = dt.date(1970, 1, 1)
# The guided tour: the key events from the joint statement to Poland's exit.
TOUR = (dt.date(2025, 3, 18), dt.date(2026, 2, 20))


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
    tour = [
        index
        for index, e in enumerate(dated_events(treaty))
        if TOUR[0] <= e.day <= TOUR[1] and e.kind.key
    ]
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
        "views": VIEWS,
        "viewLabels": VIEW_LABELS,
        "shapes": encode_shapes(countries),
        "borders": borders,
        "belt": _belt(treaty, borders, population(countries)),
        "messages": {},
    }


def encode_shapes(countries: dict, scale: int = 1000) -> list[list]:
    """Country shapes, compact: ``[iso3, point or None, polygons]``, each ring a flat list of
    integer coordinates (degrees x 1000, the layer's precision), each after the first as the
    difference from the one before. Half the bytes of GeoJSON, and quicker for the browser."""
    shapes = []
    for feature in countries["features"]:
        geometry = feature["geometry"]
        polygons = []
        if geometry is not None:
            parts = geometry["coordinates"]
            parts = [parts] if geometry["type"] == "Polygon" else parts
            polygons = [[_delta_ring(ring, scale) for ring in rings] for rings in parts]
        properties = feature["properties"]
        shapes.append([properties["iso3"], properties.get("point"), polygons])
    return shapes


def _delta_ring(ring: list, scale: int) -> list[int]:
    flat, last_x, last_y = [], 0, 0
    for lon, lat in ring:
        x, y = round(lon * scale), round(lat * scale)
        flat += [x - last_x, y - last_y]
        last_x, last_y = x, y
    return flat


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
        payload["of"] = owner.name
    if unit.predecessor and unit.independence:
        predecessor = treaty.units[unit.predecessor].name
        payload["pre"] = [day_number(unit.independence), predecessor]
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
