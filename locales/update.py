"""Regenerate locales/messages.pot and merge it into every catalogue (issue 15).

    .venv/bin/python locales/update.py

1. ``pybabel extract`` with ``babel.cfg``: ``_``/``gettext``/``ngettext`` in Python and ``t``
   in ``layers/web/js``.
2. Adds the messages the code passes to ``_()`` or ``t()`` as values from a table, which no
   extractor can see: the status labels and descriptions (``layers/style.py``), the view labels
   (``layers/views.py``), the speeds and the caption's heading (``layers/web/parts.py``), the
   key-date labels (``geodata/model.py``), Kaliningrad's label (``geodata/build_countries.py``),
   and any ``t("...")`` of the JavaScript that Babel 2.18's extractor misses (it skips a ``t()``
   inside a template string unless the string starts with it).
3. ``pybabel update`` (``init`` for a new one) for each language of ``layers.i18n.LANGUAGES``
   but English: a new message comes in untranslated, and tests/test_i18n.py fails until it is
   translated (a changed one comes in fuzzy, with the old translation: check it, then unmark).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from babel.messages.frontend import CommandLineInterface  # noqa: E402
from babel.messages.pofile import read_po, write_po  # noqa: E402

from geodata import load_treaty  # noqa: E402
from geodata.model import Unit  # noqa: E402
from geodata.timeline import CONSENT_TITLES, TITLES, all_events  # noqa: E402
from layers.i18n import LANGUAGES, LOCALES_DIR, SOURCE_LANGUAGE, event_context  # noqa: E402
from layers.picture.panels import SOURCE_LINE  # noqa: E402
from layers.style import STATUS_STYLE  # noqa: E402
from layers.views import VIEW_LABELS  # noqa: E402
from layers.web.page import ATTRIBUTION, TITLE  # noqa: E402
from layers.web.parts import SPEEDS, Caption  # noqa: E402

POT = LOCALES_DIR / "messages.pot"
JS_DIR = ROOT / "layers" / "web" / "js"
# A literal first argument of t(): "..." with no escapes but \" (the map's style).
T_CALL = re.compile(r'\bt\("((?:[^"\\]|\\.)*)"')


def table_messages() -> list[tuple[str, str]]:
    """(message, source file) for the texts that reach _() or t() from a table."""
    every_date = {
        field.name: dt.date(2000, 1, 1) if "date" in str(field.type) else ""
        for field in dataclasses.fields(Unit)
    }
    heading = inspect.signature(Caption.__init__).parameters["heading"].default
    return [
        *((s.label, "layers/style.py") for s in STATUS_STYLE.values()),
        *((s.description, "layers/style.py") for s in STATUS_STYLE.values()),
        *((label, "layers/views.py") for label in VIEW_LABELS.values()),
        *((label, "layers/web/parts.py") for label, _days in SPEEDS),
        (heading, "layers/web/parts.py"),
        *((label, "geodata/model.py") for label in Unit(**every_date).key_dates()),
        ("Kaliningrad", "geodata/build_countries.py"),
        (SOURCE_LINE, "layers/picture/panels.py"),
        (TITLE, "layers/web/page.py"),
        (ATTRIBUTION, "layers/web/page.py"),
        *((title, "geodata/timeline.py") for title in [*CONSENT_TITLES.values(), *TITLES.values()]),
    ]


def event_messages() -> list[tuple[str, str, str]]:
    """(title, context, source) for each curated event: its title keyed by the event
    (layers/i18n.py event_context), so that each is translated as itself."""
    treaty = load_treaty()
    return [
        (event.title, event_context(event), "geodata/events.csv")
        for event in all_events(treaty)
        if not event.template
    ]


def js_messages() -> list[tuple[str, str]]:
    """(message, file) for every literal t("...") in the map's JavaScript (not dist/)."""
    found = []
    for path in sorted(JS_DIR.rglob("*.js")):
        if "dist" in path.relative_to(JS_DIR).parts:
            continue
        text = path.read_text(encoding="utf-8")
        for match in T_CALL.finditer(text):
            found.append((match.group(1).replace('\\"', '"'), path.relative_to(ROOT).as_posix()))
    return found


def main() -> None:
    run = CommandLineInterface().run
    os.chdir(ROOT)  # locations relative to the project, as babel.cfg's patterns
    extract = ["pybabel", "extract", "-F", "babel.cfg", "-k", "t", "-o", str(POT)]
    about = ["--project", "Mine Ban Treaty Map", "--version", "0.1.0"]
    run([*extract, *about, "--copyright-holder", "the map's authors", "--sort-by-file", "."])
    with POT.open("rb") as file:
        template = read_po(file)
    for text, source in [*table_messages(), *js_messages()]:
        if text not in template:
            template.add(text, locations=[(source, 0)])
        elif source not in {path for path, _line in template[text].locations}:
            # Also read where the extractor found it (Python): the browser gets the messages
            # of its sources (layers/i18n.py BROWSER_SOURCES), so every source is listed.
            template[text].locations.append((source, 0))
    for text, context, source in event_messages():
        if template.get(text, context=context) is None:
            template.add(text, locations=[(source, 0)], context=context)
    with POT.open("wb") as file:
        write_po(file, template, sort_by_file=True)
    for lang in LANGUAGES:
        if lang == SOURCE_LANGUAGE:
            continue
        po = LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po"
        command = "update" if po.exists() else "init"  # init: a new language's first catalogue
        run(["pybabel", command, "-i", str(POT), "-d", str(LOCALES_DIR), "-l", lang])


if __name__ == "__main__":
    main()
