"""The belt in numbers for the app: a sentence under the map and the rows of its CSV download,
figures labelled as published or measured, Ukraine apart (the map's own panel, which follows
playback, is ``layers/beltpanel.py``)."""

from __future__ import annotations

from geodata.belt import BeltPair, belt_totals
from geodata.model import Treaty
from layers.style import STATUS_STYLE


def belt_sentence(treaty: Treaty, pairs: list[BeltPair], people: dict[str, int]) -> str:
    """The belt on a date in one sentence, figures labelled; Ukraine apart."""
    totals = belt_totals(pairs, people)
    if not totals.states:
        text = "No State bordering Russia or Belarus has announced or made a withdrawal."
    else:
        names = ", ".join(treaty.units[iso3].name for iso3 in totals.states)
        text = (
            f"Belt: {totals.published_km:,.0f} km of land border with Russia and Belarus "
            f"(published figures; {totals.measured_km:,.0f} km measured on the 1:10m map) along "
            f"{names}: {totals.population / 1e6:.1f} million people (Natural Earth estimate)."
        )
    contested = [p for p in pairs if p.state == "contested"]
    if contested:
        km = sum(p.published_km for p in contested)
        name = treaty.units[contested[0].iso3].name
        text += f" {name}: {km:,.0f} km published, contested, not counted."
    return text


def belt_rows(treaty: Treaty, pairs: list[BeltPair]) -> list[dict]:
    """Each pair: the bordering State's status, whether it is on the belt, both lengths, source."""
    return [
        {
            "iso3": p.iso3,
            "neighbour_iso3": p.neighbour,
            "border": f"{treaty.units[p.iso3].name} – {treaty.units[p.neighbour].name}",
            "status": STATUS_STYLE[p.status].label,
            "on the belt": {"on": "yes", "contested": "contested", "off": ""}[p.state],
            "published km": p.published_km,
            "measured km (1:10m)": p.measured_km,
            "published source": treaty.published[(p.iso3, p.neighbour)].source,
        }
        for p in pairs
    ]
