"""The one parser of ISO dates: the command lines, the URL and the validator all use it.

Only ``YYYY-MM-DD`` with ASCII digits and a real calendar day is a date. Python 3.11's
``date.fromisoformat`` alone also takes week dates (``2026-W08-5``) and the basic form
(``20260220``), which the README's ``?date=YYYY-MM-DD`` and the tables do not promise.
Spaces around the date are ignored everywhere (a cell or a pasted link often has one).
"""

from __future__ import annotations

import datetime as dt
import re

DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_day(text: str) -> dt.date:
    """A strict ISO date (YYYY-MM-DD), surrounding spaces ignored; ValueError otherwise, with a
    short reason: "'2026/02/20' is not a date (YYYY-MM-DD)" or "'2026-02-30' is not a real
    calendar date"."""
    text = text.strip()
    if not DAY.fullmatch(text):
        shown = text if len(text) <= 40 else text[:37] + "..."
        raise ValueError(f"{shown!r} is not a date (YYYY-MM-DD)")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a real calendar date") from None
