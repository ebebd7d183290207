"""The belt: land borders with Russia and Belarus of States leaving the Convention.

Lengths come from two places, always labelled: ``measured_km`` from the full-resolution 1:10m
boundaries (generated into ``borders.geojson`` by ``build_countries.py``) and ``published_km``
from ``borders_published.csv`` (curated, with sources). Map-measured lengths run 10-25 % shorter:
published figures follow every bend of the border rivers.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass

from geodata.model import Status, Treaty
from geodata.timeline import status_on

BELT_STATES = ("NOR", "FIN", "EST", "LVA", "LTU", "POL", "UKR")
NEIGHBOURS = ("RUS", "BLR")
COLUMNS = ("iso3", "neighbour_iso3", "status", "measured_km", "published_km")


@dataclass(frozen=True)
class BeltPair:
    iso3: str
    neighbour: str
    status: Status
    measured_km: float
    published_km: float
    # The State's exit is not an Art. 20 withdrawal (Ukraine's "suspension"): shown apart.
    contested: bool

    @property
    def in_belt(self) -> bool:
        return self.status.leaving and not self.contested

    @property
    def state(self) -> str:
        """How the map draws the border: 'on' (bold), 'contested' (dotted) or 'off'."""
        if self.contested and (self.status.leaving or self.status is Status.SUSPENSION_CONTESTED):
            return "contested"
        return "on" if self.in_belt else "off"


def measured(borders: dict) -> dict[tuple[str, str], float]:
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


def belt_pairs(
    treaty: Treaty, day: dt.date, lengths: dict[tuple[str, str], float]
) -> list[BeltPair]:
    """Every pair of a belt State and Russia or Belarus that shares a land border."""
    pairs = []
    for (iso3, neighbour), km in lengths.items():
        published = treaty.published.get((iso3, neighbour))
        pairs.append(
            BeltPair(
                iso3=iso3,
                neighbour=neighbour,
                status=status_on(treaty, iso3, day),
                measured_km=km,
                published_km=published.km if published else float("nan"),
                contested=contested(treaty, iso3),
            )
        )
    return pairs


@dataclass(frozen=True)
class BeltTotals:
    states: tuple[str, ...]
    published_km: float
    measured_km: float
    population: int


def belt_totals(pairs: list[BeltPair], population: dict[str, int]) -> BeltTotals:
    """Totals over the pairs in the belt (contested ones are left out)."""
    inside = [p for p in pairs if p.in_belt]
    states = tuple(dict.fromkeys(p.iso3 for p in inside))
    return BeltTotals(
        states=states,
        published_km=sum(p.published_km for p in inside),
        measured_km=round(sum(p.measured_km for p in inside), 1),
        population=sum(population.get(iso3, 0) for iso3 in states),
    )


def write_belt_csv(pairs: list[BeltPair], out) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for p in pairs:
        published = "" if p.published_km != p.published_km else f"{p.published_km:g}"
        writer.writerow([p.iso3, p.neighbour, p.status, f"{p.measured_km:.1f}", published])
