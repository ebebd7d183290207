"""The belt in words for the app and the pictures: one sentence under the map, and the phrases
the PNG legend uses, figures labelled as published or measured, Ukraine apart (the map's own
panel, which follows playback, is ``layers/web/beltpanel.py``).

A border with no published length is said the same way everywhere: "not published: Finland–
Russia" beside the total of the published figures that are known (an empty cell in the CSV).
"""

from __future__ import annotations

from geodata.belt import BeltPair, BeltTotals, belt_totals
from geodata.model import Treaty


def pair_name(treaty: Treaty, pair: tuple[str, str]) -> str:
    """'Finland–Russia'."""
    return "–".join(treaty.units[code].name for code in pair)


def not_published(treaty: Treaty, missing: tuple[tuple[str, str], ...]) -> str:
    """'not published: Finland–Russia, ...' for the borders without a published length, or ''."""
    if not missing:
        return ""
    return "not published: " + ", ".join(pair_name(treaty, pair) for pair in missing)


def published_phrase(treaty: Treaty, km: float, missing: tuple[tuple[str, str], ...]) -> str:
    """'3,654 km published', with the borders that have no published length named after it."""
    text = f"{km:,.0f} km published"
    return f"{text} ({not_published(treaty, missing)})" if missing else text


def belt_sentence(treaty: Treaty, pairs: list[BeltPair], people: dict[str, int]) -> str:
    """The belt on a date in one sentence, figures labelled; Ukraine apart."""
    totals = belt_totals(pairs, people)
    if not totals.states:
        text = "No State bordering Russia or Belarus has announced or made a withdrawal."
    else:
        names = ", ".join(treaty.units[iso3].name for iso3 in totals.states)
        missing = not_published(treaty, totals.published_missing)
        text = (
            f"Belt: {totals.published_km:,.0f} km of land border with Russia and Belarus "
            f"(published figures{'; ' + missing if missing else ''}; "
            f"{totals.measured_km:,.0f} km measured on the 1:10m map) along "
            f"{names}: {totals.population / 1e6:.1f} million people (Natural Earth estimate)."
        )
    return text + contested_sentence(treaty, totals)


def contested_sentence(treaty: Treaty, totals: BeltTotals) -> str:
    """' Ukraine: 3,055 km published, contested, not counted.' (or '' if none is contested)."""
    if not totals.contested_states:
        return ""
    names = ", ".join(treaty.units[iso3].name for iso3 in totals.contested_states)
    km = published_phrase(treaty, totals.contested_published_km, totals.contested_published_missing)
    return f" {names}: {km}, contested, not counted."
