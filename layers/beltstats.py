"""The map in words for the app and the pictures, in the current language (layers/i18n.py): the
summary of a date a screen reader reads, one sentence on the belt under the map, and the
phrases the PNG legend uses, figures labelled as published or measured, Ukraine apart (the
map's own panel, which follows playback, is ``layers/web/js/control/beltpanel.js``).

A border with no published length is said the same way everywhere: "not published: Finland–
Russia" beside the total of the published figures that are known (an empty cell in the CSV).
"""

from __future__ import annotations

import datetime as dt

from geodata.belt import BeltPair, BeltTotals, belt_totals
from geodata.model import Status, Treaty
from geodata.timeline import counts_on, latest_event, status_on
from layers.i18n import _, date_text, event_title, km_text, language, name_of, number_text
from layers.style import STATUS_STYLE


def names(treaty: Treaty, codes) -> str:
    """The units' names in the current language, joined: 'Lithuania, Latvia'."""
    return ", ".join(name_of(code, treaty.units[code].name) for code in codes)


def pair_name(treaty: Treaty, pair: tuple[str, str]) -> str:
    """'Finland–Russia'."""
    return "–".join(name_of(code, treaty.units[code].name) for code in pair)


def not_published(treaty: Treaty, missing: tuple[tuple[str, str], ...]) -> str:
    """'not published: Finland–Russia, ...' for the borders without a published length, or ''."""
    if not missing:
        return ""
    borders = ", ".join(pair_name(treaty, pair) for pair in missing)
    return _("not published: {borders}", borders=borders)


def published_phrase(treaty: Treaty, km: float, missing: tuple[tuple[str, str], ...]) -> str:
    """'3,654 km published', with the borders that have no published length named after it."""
    text = _("{km} published", km=km_text(km))
    return f"{text} ({not_published(treaty, missing)})" if missing else text


def summary(treaty: Treaty, day: dt.date) -> str:
    """One paragraph a screen reader can read: counts by status and the latest event."""
    counts = counts_on(treaty, day)
    parts = [f"{counts[s]} {_(STATUS_STYLE[s].label)}" for s in Status if counts[s]]
    text = _(
        "{date}: of {total} States, {counts}.",
        date=date_text(day),
        total=len(treaty.states()),
        counts=", ".join(parts),
    )
    leaving = [u.iso3 for u in treaty.states() if status_on(treaty, u.iso3, day).leaving]
    if leaving:
        ordered = sorted(leaving, key=lambda code: name_of(code, treaty.units[code].name))
        text += " " + _("Leaving or left: {names}.", names=names(treaty, ordered))
    event = latest_event(treaty, day)
    if event:
        title = event_title(event, language())
        text += " " + _("Latest event ({date}): {title}.", date=event.label, title=title)
    return text


def belt_sentence(treaty: Treaty, pairs: list[BeltPair], people: dict[str, int]) -> str:
    """The belt on a date in one sentence, figures labelled; Ukraine apart."""
    totals = belt_totals(pairs, people)
    if not totals.states:
        text = _("No State bordering Russia or Belarus has announced or made a withdrawal.")
    else:
        missing = not_published(treaty, totals.published_missing)
        text = _(
            "Belt: {published} of land border with Russia and Belarus (published figures{missing}; "
            "{measured} measured on the 1:10m map) along {names}: {people} million people "
            "(Natural Earth estimate).",
            published=km_text(totals.published_km),
            missing="; " + missing if missing else "",
            measured=km_text(totals.measured_km),
            names=names(treaty, totals.states),
            people=number_text(totals.population / 1e6, 1),
        )
    return text + contested_sentence(treaty, totals)


def contested_sentence(treaty: Treaty, totals: BeltTotals) -> str:
    """' Ukraine: 3,055 km published, contested, not counted.' (or '' if none is contested)."""
    if not totals.contested_states:
        return ""
    km = published_phrase(treaty, totals.contested_published_km, totals.contested_published_missing)
    text = _(
        "{names}: {km}, contested, not counted.",
        names=names(treaty, totals.contested_states),
        km=km,
    )
    return " " + text
