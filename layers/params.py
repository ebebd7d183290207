"""Read ``?date=``, ``?view=``, ``?lang=``, ``?focus=`` and ``?present=`` from the URL; say
what is ignored, and what is shown instead."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from geodata.dates import parse_day
from layers.i18n import LANGUAGES, _
from layers.text import shortened as _short
from layers.views import VIEW_LABELS

KNOWN = ("date", "view", "lang", "focus", "present", "tour")  # ?tour=: page_sections.py
YES = ("1", "true", "yes", "on")
NO = ("0", "false", "no", "off", "")


@dataclass
class PageState:
    day: dt.date
    view: str
    present: bool = False
    lang: str = "en"
    focus: str | None = None  # the map unit whose card is open
    ignored: list[str] = field(default_factory=list)


def parse_params(
    params: Mapping[str, object],
    start: dt.date,
    end: dt.date,
    default_day: dt.date,
    default_view: str = "world",
    default_present: bool = False,
    default_lang: str = "en",
    units: Collection[str] = (),
    default_focus: str | None = None,
) -> PageState:
    """The page's date, view, language and presentation mode from URL parameters (or the map's
    report); every value not used is explained."""
    state = PageState(min(max(default_day, start), end), default_view, default_present)
    state.lang, state.focus = default_lang, default_focus
    if params.get("date") is not None:
        _read_date(state, str(params["date"]), start, end)
    if params.get("view") is not None:
        _read_view(state, str(params["view"]))
    if params.get("present") is not None:
        _read_present(state, params["present"])
    if params.get("lang") is not None:
        _read_lang(state, str(params["lang"]))
    if "focus" in params:
        _read_focus(state, params["focus"], units)
    unknown = [str(key) for key in params if key not in KNOWN]
    if unknown:
        names = ", ".join(_short(k) for k in unknown)
        state.ignored.append(_("unknown parameter(s): {names}", names=names))
    return state


def _read_date(state: PageState, text: str, start: dt.date, end: dt.date) -> None:
    try:
        day = parse_day(text)  # the command lines' and the validator's parser
    except ValueError:
        day = None
    if day is None:
        state.ignored.append(
            _(
                "?date={value} is not a date; showing {day} (dates are YYYY-MM-DD)",
                value=repr(_short(text)),
                day=state.day,
            )
        )
    elif not start <= day <= end:
        state.ignored.append(
            _(
                "?date={value} is outside {start} to {end}; showing {day}",
                value=day,
                start=start,
                end=end,
                day=state.day,
            )
        )
    else:
        state.day = day


def _read_view(state: PageState, view: str) -> None:
    if view in VIEW_LABELS:
        state.view = view
    else:
        choices, shown = ", ".join(VIEW_LABELS), VIEW_LABELS[state.view]
        state.ignored.append(
            _(
                "?view={value} is not one of {choices}; showing {shown}",
                value=repr(_short(view)),
                choices=choices,
                shown=_(shown),
            )
        )


def _read_lang(state: PageState, lang: str) -> None:
    if lang in LANGUAGES:
        state.lang = lang
    else:
        choices, shown = ", ".join(LANGUAGES), LANGUAGES[state.lang].name
        state.ignored.append(
            _(
                "?lang={value} is not one of {choices}; showing {shown}",
                value=repr(_short(lang)),
                choices=choices,
                shown=shown,
            )
        )


def _read_focus(state: PageState, focus: object, units: Collection[str]) -> None:
    text = "" if focus is None else str(focus).strip()
    if not text:  # no card (the map reports a closed card as null)
        state.focus = None
    elif text in units:
        state.focus = text
    else:
        state.ignored.append(
            _(
                "?focus={value} is not the code of a map unit (ISO 3166-1 alpha-3, e.g. POL); "
                "no country's card is open",
                value=repr(_short(text)),
            )
        )
        state.focus = None


def _read_present(state: PageState, present: object) -> None:
    if isinstance(present, bool):
        state.present = present
        return
    text = str(present).strip().lower()
    if text in YES + NO:
        state.present = text in YES
    else:
        text = (
            _("?present={value} is not 1 or 0; presentation mode on")
            if state.present
            else _("?present={value} is not 1 or 0; presentation mode off")
        )
        state.ignored.append(text.replace("{value}", repr(_short(str(present)))))
