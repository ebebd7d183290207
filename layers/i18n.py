"""The map's languages: messages, dates, numbers and country names for each (issue 15).

One table, :data:`LANGUAGES`. To add a language: write ``locales/<code>/LC_MESSAGES/messages.po``
(``pybabel init -i locales/messages.pot -d locales -l <code>``, then translate every message)
and add one line here. Everything else follows from the catalogue and from CLDR through Babel.

- Messages: gettext catalogues read from the ``.po`` files with Babel's ``read_po`` (no compiled
  ``.mo`` is kept); English is the source language, and a message with no translation (empty or
  fuzzy) falls back to the English text.
- Dates and numbers: CLDR's rules through Babel (``format_date(day, "long")``,
  ``format_decimal``), plus CLDR's minimum grouping digits, which Babel 2.18 does not carry
  (see :class:`Language`).
- Country names: CLDR through Babel (``Locale.territories``), keyed by the alpha-2 code that
  CLDR's ``territory_aliases`` gives for each ISO 3166-1 alpha-3 code. The units CLDR has no name
  for, and the one name CLDR gives that is not the State Party's, are in ``locales/units.csv``
  with a source per row.
- The browser gets :func:`browser_data` for one language: its messages, the month names and
  long-date pattern, the number symbols, so that it formats as Babel does. The algorithm the
  browser implements is :func:`format_date_like_browser` and :func:`format_number_like_browser`;
  the tests check them against Babel for every day of 2025-2026 in every language.
"""

from __future__ import annotations

import csv
import datetime as dt
import gettext as _gettext
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import NamedTuple

from babel import Locale
from babel.core import get_global
from babel.dates import format_date, format_skeleton
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from babel.numbers import format_decimal


class Language(NamedTuple):
    """A language of the map: the Babel locale it formats with, and its own name."""

    locale: str
    name: str
    # CLDR's minimumGroupingDigits: a group separator only from grouping + this many integer
    # digits ("3654" but "12 345" with 2). Babel 2.18 does not carry it; these values are CLDR
    # 48's, as ICU 78.2 in Node formats (Intl.NumberFormat: pl, lv, et "3654"; lt, fi, uk "3 654").
    minimum_grouping: int = 1


LANGUAGES: dict[str, Language] = {
    "en": Language("en_GB", "English"),  # British/UN style: "20 February 2026"
    "pl": Language("pl", "Polski", minimum_grouping=2),
    "lt": Language("lt", "Lietuvių"),
    "lv": Language("lv", "Latviešu", minimum_grouping=2),
    "et": Language("et", "Eesti", minimum_grouping=2),
    "fi": Language("fi", "Suomi"),
    "uk": Language("uk", "Українська"),
}
SOURCE_LANGUAGE = "en"
LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
UNITS_FILE = LOCALES_DIR / "units.csv"
# Kosovo: the data's XKX has no ISO 3166-1 code, so no alpha-3 alias in CLDR; CLDR names it
# under its user-assigned code XK.
CLDR_CODES = {"XKX": "XK"}
# Messages the browser passes to t(): those extracted from these sources (the map's JavaScript,
# and the tables whose labels it receives: statuses, views, speeds, key dates, label names).
BROWSER_SOURCES = ("layers/web/", "layers/style.py", "layers/views.py", "geodata/")
_DATE_FIELDS = {"d", "dd", "M", "MM", "MMMM", "LLLL", "y", "yyyy"}


@cache
def catalogue(lang: str) -> Catalog:
    """The language's catalogue, read from its ``.po`` file (empty for the source language)."""
    if lang == SOURCE_LANGUAGE:
        return Catalog(locale=LANGUAGES[lang].locale)
    path = LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as file:
        return read_po(file, locale=LANGUAGES[lang].locale)


@cache
def translator(lang: str):
    """``(gettext, ngettext)`` for *lang*; a message with no translation comes back in English.
    ``gettext(text, context)`` looks the message up under a gettext context (msgctxt)."""
    messages = catalogue(lang)
    plural = _gettext.c2py(messages.plural_expr)

    def gettext(text: str, context: str | None = None) -> str:
        message = messages.get(text, context=context)
        ok = message is not None and not message.fuzzy and isinstance(message.string, str)
        return message.string if ok and message.string else text

    def ngettext(singular: str, plural_text: str, n: int) -> str:
        message = messages.get(singular)
        if message is None or message.fuzzy or not isinstance(message.string, tuple | list):
            return singular if n == 1 else plural_text
        form = message.string[plural(n)] if plural(n) < len(message.string) else ""
        return form or (singular if n == 1 else plural_text)

    return gettext, ngettext


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(LANGUAGES[lang].locale)


def long_date(day: dt.date, lang: str) -> str:
    """``day`` as CLDR's long date in *lang*: "20 lutego 2026", "2026. gada 20. februāris"."""
    return format_date(day, "long", locale=_locale(lang))


def month_year(day: dt.date, width: str = "wide", lang: str | None = None) -> str:
    """The month and year of *day* as CLDR's stand-alone skeleton (``yMMMM``, ``yMMM``) in
    *lang* (default: the current language): "February 2026", "luty 2026", "helmi 2026"."""
    skeleton = "yMMMM" if width == "wide" else "yMMM"
    return format_skeleton(skeleton, day, locale=_locale(lang or language()))


def number(value: float, lang: str, decimals: int = 0) -> str:
    """*value* with exactly *decimals* decimals (half away from zero), in CLDR's style.

    Babel's ``format_decimal``, with two of CLDR's rules Babel 2.18 lacks: minimum grouping
    digits ("3654" in Polish, "12 345") and the locale's minus sign.
    """
    rounded = _rounded(value, decimals)
    digits = len(str(abs(rounded).to_integral_value(rounding="ROUND_DOWN")))
    pattern = _locale(lang).decimal_formats[None]
    grouped = digits >= pattern.grouping[0] + LANGUAGES[lang].minimum_grouping
    fraction = "." + "0" * decimals if decimals else ""
    text = format_decimal(
        abs(rounded), format="#,##0" + fraction, locale=_locale(lang), group_separator=grouped
    )
    # CLDR's minus sign ("−" in fi, lt, et), which Babel 2.18 leaves as "-"; none before zero.
    return _symbols(lang)["minusSign"] + text if rounded < 0 else text


@cache
def _symbols(lang: str) -> dict:
    locale = _locale(lang)
    return dict(locale.number_symbols[locale.default_numbering_system])


def _rounded(value: float, decimals: int) -> Decimal:
    # str() is the shortest decimal that reads back as the float, as the browser's String().
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def km(value: float, lang: str) -> str:
    """A length in whole kilometres: "3,654 km", "3654 km" (pl), "3 654 км" (uk)."""
    return _km_pattern(lang).replace("{0}", number(value, lang))


def _km_pattern(lang: str) -> str:
    # CLDR's short unit pattern; for these languages it is the same in every plural category.
    return _locale(lang)._data["unit_patterns"]["length-kilometer"]["short"]["other"]


@cache
def _curated() -> dict[tuple[str, str], str]:
    with UNITS_FILE.open(encoding="utf-8", newline="") as file:
        return {(row["iso3"], row["lang"]): row["name"] for row in csv.DictReader(file)}


def cldr_code(iso3: str) -> str | None:
    """The alpha-2 code CLDR names *iso3* under, from CLDR's own alias table; None if none."""
    if iso3 in CLDR_CODES:
        return CLDR_CODES[iso3]
    codes = get_global("territory_aliases").get(iso3)
    return codes[0] if codes and len(codes) == 1 else None


def country_name(iso3: str, lang: str, fallback: str | None = None) -> str:
    """The name of map unit *iso3* in *lang*.

    ``locales/units.csv`` first (units CLDR does not name), then, in English, *fallback* (the
    data's own English name is the source text, as for messages), then CLDR, then *fallback*,
    then the code itself.
    """
    curated = _curated().get((iso3, lang))
    if curated:
        return curated
    if lang == SOURCE_LANGUAGE and fallback:
        return fallback
    code = cldr_code(iso3)
    return (code and _locale(lang).territories.get(code)) or fallback or iso3


def event_context(event) -> str:
    """The gettext context that keys a curated event's title: its date and State (the catalogue
    keys the translation by the event, so two events with the same English text stay apart)."""
    return f"event {event.day.isoformat()} {event.iso3 or '-'}"


def event_title(event, lang: str) -> str:
    """An event's title in *lang*: a derived event's sentence template (geodata/timeline.py)
    with the country's name; a curated one from the catalogue, keyed by the event."""
    if lang == SOURCE_LANGUAGE:
        return event.title
    gettext, _ngettext = translator(lang)
    if event.template:
        return gettext(event.template).replace("{country}", country_name(event.iso3, lang))
    return gettext(event.title, event_context(event))


# The language of what Python writes for the current page or export (the app sets it on each
# run, an export for its call): text functions read it instead of taking it as an argument.
_speaking: ContextVar[str] = ContextVar("speaking", default=SOURCE_LANGUAGE)


def language() -> str:
    """The language text is being written in now (:func:`speaking`)."""
    return _speaking.get()


@contextmanager
def speaking(lang: str):
    """Write text in *lang* inside the block (an unknown code is an error, not English)."""
    token = _speaking.set(_known(lang))
    try:
        yield
    finally:
        _speaking.reset(token)


def use_language(lang: str) -> None:
    """Write text in *lang* from now on in this thread's context (the app, once per run)."""
    _speaking.set(_known(lang))


def _known(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"language {lang!r} is not one of {', '.join(LANGUAGES)}")
    return lang


def _(text: str, **values) -> str:
    """*text* in the current language, with ``{name}`` placeholders filled from *values*."""
    message = translator(language())[0](text)
    return message.format(**values) if values else message


def ngettext(singular: str, plural: str, n: int, **values) -> str:
    """The plural form for *n* in the current language; ``{n}`` and *values* filled."""
    message = translator(language())[1](singular, plural, n)
    return message.format(n=n, **values)


def date_text(day: dt.date) -> str:
    """*day* as the long date of the current language."""
    return long_date(day, language())


def number_text(value: float, decimals: int = 0) -> str:
    return number(value, language(), decimals)


def km_text(value: float) -> str:
    return km(value, language())


def name_of(iso3: str, fallback: str | None = None) -> str:
    return country_name(iso3, language(), fallback)


def choose_language(requested: str | None) -> str | None:
    """One of ours for a locale such as "pl-PL", "fi_FI" or "uk" (Streamlit's
    ``st.context.locale``, a browser's language); None if it is none of ours."""
    if not requested:
        return None
    code = str(requested).replace("_", "-").split("-")[0].strip().lower()
    return code if code in LANGUAGES else None


def browser_data(lang: str) -> dict:
    """What the map needs to speak *lang*, as plain JSON-able data.

    ``messages``: English text -> translation, for the messages the browser passes to ``t()``
    (none for English: ``t()`` falls back to the key). ``date``: the long date as ``parts``
    (a string is literal text; a one-item list is a field: ``d`` day, ``dd`` two-digit day, ``M``
    / ``MM`` month number, ``MMMM`` / ``LLLL`` month name from ``months``, ``y`` year, ``yyyy``
    four-digit year) and the 12 month names. ``number``: the symbols and grouping of
    :func:`format_number_like_browser`. ``km``: the unit pattern, ``{0}`` for the number.
    """
    locale, messages = _locale(lang), catalogue(lang)
    gettext, _ngettext = translator(lang)
    pattern = locale.date_formats["long"].pattern
    parts = _date_parts(pattern)
    months = locale.months["stand-alone" if ["LLLL"] in parts else "format"]["wide"]
    symbols = _symbols(lang)
    return {
        "lang": lang,
        "languages": {code: language.name for code, language in LANGUAGES.items()},
        "messages": {
            m.id: gettext(m.id)
            for m in messages
            if m.id and isinstance(m.id, str) and _for_browser(m.locations)
        },
        "date": {"pattern": pattern, "parts": parts, "months": [months[i] for i in range(1, 13)]},
        "number": {
            "decimal": symbols["decimal"],
            "group": symbols["group"],
            "minusSign": symbols["minusSign"],
            "grouping": locale.decimal_formats[None].grouping[0],
            "minimumGroupingDigits": LANGUAGES[lang].minimum_grouping,
        },
        "km": _km_pattern(lang),
    }


def _for_browser(locations) -> bool:
    return any(path.startswith(BROWSER_SOURCES) for path, _line in locations)


def _date_parts(pattern: str) -> list:
    """An LDML date pattern as literal strings and one-item lists of fields."""
    parts, i = [], 0
    while i < len(pattern):
        char = pattern[i]
        if char == "'":
            end = pattern.find("'", i + 1)
            end = len(pattern) if end < 0 else end
            text = "'" if end == i + 1 else pattern[i + 1 : end]
            parts.append(text)
            i = end + 1
        elif char.isascii() and char.isalpha():
            end = i
            while end < len(pattern) and pattern[end] == char:
                end += 1
            if pattern[i:end] not in _DATE_FIELDS:
                raise ValueError(f"date field {pattern[i:end]!r} of {pattern!r} not supported")
            parts.append([pattern[i:end]])
            i = end
        else:
            parts.append(char)
            i += 1
    # Join neighbouring literal text, as the browser would receive it.
    joined: list = []
    for part in parts:
        if isinstance(part, str) and joined and isinstance(joined[-1], str):
            joined[-1] += part
        else:
            joined.append(part)
    return joined


def format_date_like_browser(date_data: dict, day: dt.date) -> str:
    """The browser's long date, from :func:`browser_data`'s ``date`` alone (its checked spec)."""
    fields = {
        "d": str(day.day),
        "dd": f"{day.day:02d}",
        "M": str(day.month),
        "MM": f"{day.month:02d}",
        "MMMM": date_data["months"][day.month - 1],
        "LLLL": date_data["months"][day.month - 1],
        "y": str(day.year),
        "yyyy": f"{day.year:04d}",
    }
    return "".join(
        part if isinstance(part, str) else fields[part[0]] for part in date_data["parts"]
    )


def format_number_like_browser(number_data: dict, value: float, decimals: int = 0) -> str:
    """The browser's number, from :func:`browser_data`'s ``number`` alone (its checked spec).

    Round the shortest decimal text of *value* (JavaScript's ``String(value)``) half away from
    zero to *decimals*; group the integer digits by ``grouping`` from the right with ``group``,
    but only when there are at least ``grouping + minimumGroupingDigits`` of them; then
    ``decimal`` and the decimals; ``minusSign`` before a negative number (not before zero).
    """
    rounded = _rounded(value, decimals)
    text = f"{abs(rounded):f}"
    whole, _, fraction = text.partition(".")
    size = number_data["grouping"]
    if len(whole) >= size + number_data["minimumGroupingDigits"]:
        head = len(whole) % size or size
        groups = [whole[:head]] + [whole[i : i + size] for i in range(head, len(whole), size)]
        whole = number_data["group"].join(groups)
    sign = number_data["minusSign"] if rounded < 0 else ""
    return sign + whole + (number_data["decimal"] + fraction if decimals else "")
