"""Read ``?date=`` and ``?view=`` from the URL; say what is ignored, and fall back to defaults."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from layers.payload import VIEW_LABELS

KNOWN = ("date", "view")


@dataclass
class PageState:
    day: dt.date
    view: str
    ignored: list[str] = field(default_factory=list)


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def parse_params(
    params: Mapping[str, object],
    start: dt.date,
    end: dt.date,
    default_day: dt.date,
    default_view: str = "world",
) -> PageState:
    """The page's date and view from URL parameters; every value not used is explained."""
    state = PageState(day=min(max(default_day, start), end), view=default_view)
    text = params.get("date")
    if text is not None:
        text = str(text)
        try:
            day = dt.date.fromisoformat(text.strip()) if len(text.strip()) == 10 else None
        except ValueError:
            day = None
        if day is None:
            state.ignored.append(f"?date={_short(text)!r} is not a date (YYYY-MM-DD)")
        elif not start <= day <= end:
            state.ignored.append(f"?date={day} is outside {start} to {end}")
        else:
            state.day = day
    view = params.get("view")
    if view is not None:
        view = str(view)
        if view in VIEW_LABELS:
            state.view = view
        else:
            choices = ", ".join(VIEW_LABELS)
            state.ignored.append(f"?view={_short(view)!r} is not one of {choices}")
    unknown = [str(key) for key in params if key not in KNOWN]
    if unknown:
        state.ignored.append("unknown parameter(s): " + ", ".join(_short(k) for k in unknown))
    return state
