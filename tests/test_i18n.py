"""The languages of the map (issue 15): catalogues, dates, numbers, country names, glyphs."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.dates import format_date
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po
from PIL import ImageFont

from geodata import DATA_DIR
from layers.i18n import (
    LANGUAGES,
    LOCALES_DIR,
    SOURCE_LANGUAGE,
    UNITS_FILE,
    browser_data,
    catalogue,
    cldr_code,
    country_name,
    format_date_like_browser,
    format_number_like_browser,
    km,
    long_date,
    number,
    translator,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(LOCALES_DIR))
import update  # noqa: E402  (locales/update.py: the messages no extractor can see)

TRANSLATED = [lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE]
# Messages whose translation may equal the English text: proper nouns spelt the same.
SAME_AS_ENGLISH = {("Kaliningrad", "et"), ("Kaliningrad", "fi")}
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def template():
    with (LOCALES_DIR / "messages.pot").open("rb") as file:
        return read_po(file)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated_with_the_same_placeholders(lang):
    messages = catalogue(lang)
    for message in template():
        if not message.id:
            continue
        translation = messages.get(message.id, context=message.context)
        assert translation is not None, (lang, message.id)
        assert not translation.fuzzy, (lang, message.id)
        if message.pluralizable:  # every plural form of the language, each with {n}
            forms = list(translation.string)
            assert len(forms) == messages.num_plurals and all(forms), (lang, message.id, forms)
            english = message.id[0]
        else:
            forms, english = [translation.string], message.id
            assert translation.string, (lang, message.id)
        for form in forms:
            assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(english)), (
                lang,
                message.id,
            )
            if (english, lang) not in SAME_AS_ENGLISH:
                assert form != english, (lang, message.id)


def test_catalogue_holds_every_message_of_the_code_and_its_tables():
    ids = {message.id for message in template()}
    found = update.js_messages() + update.table_messages()
    assert {text for text, _source in found} - ids == set()
    assert "Kaliningrad" in ids and "State Party" in ids and "Eastern flank" in ids


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalogue_header_names_the_sources_of_its_terms(lang):
    header = catalogue(lang).header_comment
    term = {"pl": "wystąpienie", "lt": "išstojimas", "lv": "izstāšanās", "et": "väljaastumine"}
    term |= {"fi": "irtautuminen", "uk": "вихід"}
    source = {"pl": "Dziennik Ustaw", "lt": "TAR", "lv": "Latvijas Vēstnesis"}
    source |= {"et": "Riigi Teataja", "fi": "Sopimussarja", "uk": "zakon.rada.gov.ua"}
    assert term[lang] in header and source[lang] in header


def test_catalogues_compile(tmp_path):
    shutil.copytree(LOCALES_DIR, tmp_path / "locales", ignore=shutil.ignore_patterns("*.py"))
    CommandLineInterface().run(["pybabel", "compile", "-d", str(tmp_path / "locales")])
    for lang in TRANSLATED:
        assert (tmp_path / "locales" / lang / "LC_MESSAGES" / "messages.mo").stat().st_size > 0


def test_translator_falls_back_to_english():
    gettext, ngettext = translator("pl")
    assert gettext("State Party") == "Państwo-Strona"
    assert gettext("A message nobody wrote") == "A message nobody wrote"
    assert ngettext("{count} State", "{count} States", 1) == "{count} State"
    assert ngettext("{count} State", "{count} States", 5) == "{count} States"
    gettext, _ngettext = translator("en")
    assert gettext("State Party") == "State Party"


def test_language_names_are_cldr_own_names():
    from babel import Locale

    for code, language in LANGUAGES.items():
        own = Locale.parse(language.locale).language_name
        assert language.name == own[0].upper() + own[1:], code


LONG_DATES = {
    "en": "20 February 2026",
    "pl": "20 lutego 2026",
    "lt": "2026 m. vasario 20 d.",
    "lv": "2026. gada 20. februāris",
    "et": "20. veebruar 2026",
    "fi": "20. helmikuuta 2026",
    "uk": "20 лютого 2026\u202fр.",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_long_date(lang):
    assert long_date(dt.date(2026, 2, 20), lang) == LONG_DATES[lang]


NBSP = "\u00a0"
NUMBERS = {  # 3654, 12345, 49.5 with one decimal, 3654 km
    "en": ("3,654", "12,345", "49.5", "3,654 km"),
    "pl": ("3654", f"12{NBSP}345", "49,5", "3654 km"),
    "lt": (f"3{NBSP}654", f"12{NBSP}345", "49,5", f"3{NBSP}654 km"),
    "lv": ("3654", f"12{NBSP}345", "49,5", "3654 km"),
    "et": ("3654", f"12{NBSP}345", "49,5", "3654 km"),
    "fi": (f"3{NBSP}654", f"12{NBSP}345", "49,5", f"3{NBSP}654 km"),
    "uk": (f"3{NBSP}654", f"12{NBSP}345", "49,5", f"3{NBSP}654 км"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_numbers(lang):
    got = (number(3654, lang), number(12345, lang), number(49.5, lang, 1), km(3654.4, lang))
    assert tuple(text.replace("\u202f", NBSP) for text in got) == NUMBERS[lang]
    assert number(49, lang, 1)[-2:] in (".0", ",0")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_browser_spec_formats_every_day_as_babel(lang):
    data = browser_data(lang)["date"]
    day = dt.date(2025, 1, 1)
    while day.year < 2027:
        expected = format_date(day, "long", locale=LANGUAGES[lang].locale)
        assert format_date_like_browser(data, day) == expected
        day += dt.timedelta(days=1)


VALUES = [0, 7, 49.5, 999, 1000, 3654, 3654.5, 9999.96, 10000, 12345.678, 1234567, -3654, -49.5]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_browser_spec_formats_numbers_as_python(lang):
    data = browser_data(lang)["number"]
    for value in VALUES:
        for decimals in (0, 1, 2):
            assert format_number_like_browser(data, value, decimals) == number(
                value, lang, decimals
            )


def node_intl(lang_tags, values):
    script = (
        "const [tags, values] = JSON.parse(process.argv[1]);"
        "console.log(JSON.stringify(tags.map((t) => values.map((v) =>"
        " new Intl.NumberFormat(t, {maximumFractionDigits: 0}).format(v)))));"
    )
    out = subprocess.run(
        ["node", "-e", script, json.dumps([lang_tags, values])], capture_output=True, check=True
    )
    return json.loads(out.stdout)


@pytest.mark.skipif(shutil.which("node") is None, reason="no Node.js")
def test_minimum_grouping_digits_agree_with_icu():
    values = [999, 3654, 12345, 1234567]
    tags = [LANGUAGES[lang].locale.replace("_", "-") for lang in LANGUAGES]
    for lang, row in zip(LANGUAGES, node_intl(tags, values), strict=True):
        ours = [number(v, lang) for v in values]
        assert [text.replace("\u202f", NBSP) for text in row] == ours, lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_browser_data_is_json_with_its_messages(lang):
    data = json.loads(json.dumps(browser_data(lang)))
    assert set(data["languages"]) == set(LANGUAGES)
    assert len(data["date"]["months"]) == 12
    gettext, _ngettext = translator(lang)
    if lang == SOURCE_LANGUAGE:
        assert data["messages"] == {}
        return
    for text in ("State Party", "Eastern flank", "{status} on {date}", "1 week/s", "Kaliningrad"):
        assert data["messages"][text] == gettext(text)
    for text, _source in update.js_messages():
        assert text in data["messages"]
    # The tables' words the map passes to t() (statuses, views, speeds, the caption's heading,
    # key dates), also where Python draws them: the caption's heading was once left out.
    for text, source in update.table_messages():
        if source.startswith(("layers/web/", "layers/style.py", "layers/views.py", "geodata/m")):
            assert data["messages"].get(text) == gettext(text), text


COUNTRIES = {  # POL, LTU, FIN, UKR
    "en": ("Poland", "Lithuania", "Finland", "Ukraine"),
    "pl": ("Polska", "Litwa", "Finlandia", "Ukraina"),
    "lt": ("Lenkija", "Lietuva", "Suomija", "Ukraina"),
    "lv": ("Polija", "Lietuva", "Somija", "Ukraina"),
    "et": ("Poola", "Leedu", "Soome", "Ukraina"),
    "fi": ("Puola", "Liettua", "Suomi", "Ukraina"),
    "uk": ("Польща", "Литва", "Фінляндія", "Україна"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_country_names_from_cldr(lang):
    names = tuple(country_name(code, lang) for code in ("POL", "LTU", "FIN", "UKR"))
    assert names == COUNTRIES[lang]


def test_english_keeps_the_data_names():
    assert country_name("COD", "en", "DR Congo") == "DR Congo"
    assert country_name("PSE", "pl", "State of Palestine") == "Palestyna"
    assert country_name("XKX", "fi") == "Kosovo"


def test_every_map_unit_has_a_name_in_every_language():
    with (DATA_DIR / "states.csv").open(encoding="utf-8", newline="") as file:
        codes = [row["iso3"] for row in csv.DictReader(file)]
    with UNITS_FILE.open(encoding="utf-8", newline="") as file:
        curated = {(row["iso3"], row["lang"]): row for row in csv.DictReader(file)}
    assert all(row["name"] and row["source"] for row in curated.values())
    no_cldr = {code for code in codes if cldr_code(code) is None}
    assert no_cldr == {"BRT", "ESB", "WSB", "PGA", "SCR", "USG"}
    for code in codes:
        for lang in LANGUAGES:
            assert (code, lang) in curated or cldr_code(code) is not None, (code, lang)
            assert country_name(code, lang) not in ("", code), (code, lang)


GLYPHS = "ąęłżėįšųūžāēīķļņõäöüґєіїʼ„“”«»"
FONTS = ROOT / "layers" / "assets" / "fonts"


@pytest.mark.parametrize("font_file", ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"])
def test_the_fonts_draw_every_glyph(font_file):
    font = ImageFont.truetype(str(FONTS / font_file), 32)

    def drawn(char):
        mask = font.getmask(char)
        return mask.getbbox(), bytes(mask)

    missing = drawn("\ue000")  # a private-use code point: the font's "missing glyph" box
    for char in GLYPHS + GLYPHS.upper():
        box, pixels = drawn(char)
        assert box is not None and (box, pixels) != missing, char
