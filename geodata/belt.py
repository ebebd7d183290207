"""The belt: land borders with Russia and Belarus of States leaving the Convention.

Lengths come from two places, always labelled: ``measured_km`` from the full-resolution 1:10m
boundaries (generated into ``borders.geojson`` by ``build_countries.py``) and ``published_km``
from ``borders_published.csv`` (curated, with sources). Map-measured lengths run 10-25 % shorter:
published figures follow every bend of the border rivers.

A border with no row in ``borders_published.csv`` has ``published_km`` None ("not published"),
never 0 or NaN. A total adds the published lengths that are known and names the pairs without
one in ``published_missing``, so that every reader (the app's sentence, the CSV's empty cell, the
PNG legend, the map) can say which figure is not published.

The belt is computed here once, as runs over the whole timeline (:func:`pair_runs`,
:func:`totals_runs`); the browser and the pictures only look a day up in them (:func:`on_day`).
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import io
from dataclasses import dataclass

from geodata.model import Status, Treaty
from geodata.timeline import intervals, status_on

BELT_STATES = ("NOR", "FIN", "EST", "LVA", "LTU", "POL", "UKR")
NEIGHBOURS = ("RUS", "BLR")
# The one belt CSV (``python -m geodata belt`` and the app's download).
COLUMNS = (
    "date",
    "iso3",
    "name",
    "neighbour_iso3",
    "neighbour_name",
    "status",
    "belt",
    "published_km",
    "measured_km",
    "published_source",
)

Pair = tuple[str, str]


@dataclass(frozen=True)
class BeltPair:
    """One land border of a belt State with Russia or Belarus, on one date."""

    iso3: str
    neighbour: str
    status: Status
    measured_km: float
    # None when borders_published.csv has no figure for the pair ("not published").
    published_km: float | None
    # The State's exit is not an Art. 20 withdrawal (Ukraine's "suspension"): shown apart.
    contested: bool

    @property
    def state(self) -> str:
        """How the map draws the border: 'on' (bold: the State has announced, notified or
        completed withdrawal by Art. 20), 'contested' (dotted: Ukraine's "suspension", not
        counted) or 'off'. The one definition of belt membership."""
        if self.contested:
            leaving = self.status.leaving or self.status is Status.SUSPENSION_CONTESTED
            return "contested" if leaving else "off"
        return "on" if self.status.leaving else "off"

    @property
    def in_belt(self) -> bool:
        """Counted in the belt's totals (drawn bold)."""
        return self.state == "on"


def measured(borders: dict) -> dict[Pair, float]:
    """Measured lengths by (State, neighbour), from the generated borders layer."""
    return {
        (f["properties"]["iso3"], f["properties"]["neighbour"]): f["properties"]["measured_km"]
        for f in borders["features"]
    }


def contested(treaty: Treaty, iso3: str) -> bool:
    """The State's way out is not an Art. 20 withdrawal (Ukraine's "suspension"): kept apart."""
    return treaty.units[iso3].suspension is not None


def population(countries: dict) -> dict[str, int]:
    """Natural Earth's population estimate (POP_EST) by code, from the display layer."""
    return {f["properties"]["iso3"]: f["properties"]["pop_est"] for f in countries["features"]}


def published_km(treaty: Treaty, pair: Pair) -> float | None:
    """The published length of a border, or None if ``borders_published.csv`` has none."""
    row = treaty.published.get(pair)
    return row.km if row else None


def _pair(treaty: Treaty, pair: Pair, km: float, status: Status) -> BeltPair:
    return BeltPair(*pair, status, km, published_km(treaty, pair), contested(treaty, pair[0]))


def belt_pairs(treaty: Treaty, day: dt.date, lengths: dict[Pair, float]) -> list[BeltPair]:
    """Every pair of a belt State and Russia or Belarus that shares a land border, on *day*."""
    return [_pair(treaty, p, km, status_on(treaty, p[0], day)) for p, km in lengths.items()]


@dataclass(frozen=True)
class BeltTotals:
    """The belt on one date. Published totals add the known figures only; the pairs without a
    published figure are named in ``published_missing`` (empty when the total is complete).

    Contested borders (Ukraine) are kept apart in the ``contested_*`` fields, never added.
    """

    states: tuple[str, ...]  # codes of the States in the belt, in the order of the pairs
    published_km: float
    measured_km: float
    population: int
    published_missing: tuple[Pair, ...] = ()
    contested_states: tuple[str, ...] = ()
    contested_published_km: float = 0.0
    contested_measured_km: float = 0.0
    contested_published_missing: tuple[Pair, ...] = ()


def _sums(pairs: list[BeltPair]) -> tuple[tuple[str, ...], float, float, tuple[Pair, ...]]:
    states = tuple(dict.fromkeys(p.iso3 for p in pairs))
    known = [p.published_km for p in pairs if p.published_km is not None]
    missing = tuple((p.iso3, p.neighbour) for p in pairs if p.published_km is None)
    return states, float(sum(known)), round(sum(p.measured_km for p in pairs), 1), missing


def belt_totals(pairs: list[BeltPair], population: dict[str, int]) -> BeltTotals:
    """Totals over the pairs in the belt; the contested ones apart."""
    states, published, measured_total, missing = _sums([p for p in pairs if p.state == "on"])
    apart = _sums([p for p in pairs if p.state == "contested"])
    return BeltTotals(
        states=states,
        published_km=published,
        measured_km=measured_total,
        population=sum(population.get(iso3, 0) for iso3 in states),
        published_missing=missing,
        contested_states=apart[0],
        contested_published_km=apart[1],
        contested_measured_km=apart[2],
        contested_published_missing=apart[3],
    )


def pair_runs(treaty: Treaty, lengths: dict[Pair, float]) -> dict[Pair, list[tuple[dt.date, str]]]:
    """For each (State, neighbour) border in *lengths* (as :func:`measured` returns it), its
    belt state as runs ``(first day, state)`` from 1997-12-03: a run starts only where the state
    changes. States are :attr:`BeltPair.state`'s: 'off', 'on' (in the belt: withdrawal announced,
    notified or in effect by Art. 20) or 'contested' (Ukraine's suspension: dotted, not counted).
    """
    runs: dict[Pair, list[tuple[dt.date, str]]] = {}
    for pair, km in lengths.items():
        steps: list[tuple[dt.date, str]] = []
        for first, status in intervals(treaty, pair[0]):
            state = _pair(treaty, pair, km, status).state
            if not steps or steps[-1][1] != state:
                steps.append((first, state))
        runs[pair] = steps
    return runs


def totals_runs(
    treaty: Treaty, lengths: dict[Pair, float], population: dict[str, int]
) -> list[tuple[dt.date, BeltTotals]]:
    """The belt's totals (:class:`BeltTotals`) as runs ``(first day, totals)`` from 1997-12-03,
    a run starting wherever the totals change (the same pairs as :func:`pair_runs`)."""
    by_pair = pair_runs(treaty, lengths)
    days = sorted({first for steps in by_pair.values() for first, _ in steps})
    runs: list[tuple[dt.date, BeltTotals]] = []
    for day in days:
        totals = belt_totals(belt_pairs(treaty, day, lengths), population)
        if not runs or runs[-1][1] != totals:
            runs.append((day, totals))
    return runs


def on_day(runs: list[tuple[dt.date, object]], day: dt.date):
    """The value of the run *day* falls in (the first run's before it starts)."""
    index = bisect.bisect_right(runs, day, key=lambda run: run[0]) - 1
    return runs[max(index, 0)][1]


def belt_csv(treaty: Treaty, day: dt.date, lengths: dict[Pair, float], out=None) -> str:
    """Each border of :func:`belt_pairs` on *day* as CSV (:data:`COLUMNS`): codes and names,
    the State's status, its belt state (on, off, contested), the published length (an empty cell
    where none is published) with its source, and the measured one. Written to *out* if given;
    the text is returned either way (as ``report.status_csv``)."""
    buffer = out or io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for p in belt_pairs(treaty, day, lengths):
        row = treaty.published.get((p.iso3, p.neighbour))
        writer.writerow(
            [
                day.isoformat(),
                p.iso3,
                treaty.units[p.iso3].name,
                p.neighbour,
                treaty.units[p.neighbour].name,
                p.status,
                p.state,
                "" if p.published_km is None else f"{p.published_km:g}",
                f"{p.measured_km:.1f}",
                row.source if row else "",
            ]
        )
    return buffer.getvalue() if out is None else ""
