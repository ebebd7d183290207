"""Each of the seven languages in Debian's headless Chromium (issue 15): the app and the single
file opened with ``?lang=xx`` on 2026-02-20 show the caption's date, a legend label, Lithuania's
name and the belt's kilometres as Babel and the catalogue give them (not as the page's own code
computes them: the expectations come from Babel's CLDR data and the .po files)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from babel import Locale
from babel.dates import format_date
from playwright.sync_api import sync_playwright

from bench.harness import CHROMIUM, launch, map_frame, new_context, streamlit_server, two_frames
from layers.i18n import LANGUAGES, catalogue, km

if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
    pytest.skip(f"{CHROMIUM} not installed (tests/run.sh installs it)", allow_module_level=True)

DAY = "2026-02-20"
ROOT = Path(__file__).resolve().parent.parent


def expected(lang: str) -> dict:
    """What a person reading *lang* should see, from Babel and the catalogue."""
    locale = Locale.parse(LANGUAGES[lang].locale)
    withdrawn = catalogue(lang).get("Withdrawn")
    return {
        "date": format_date(dt.date(2026, 2, 20), "long", locale=locale),
        "withdrawn": withdrawn.string if withdrawn and withdrawn.string else "Withdrawn",
        "lithuania": "Lithuania" if lang == "en" else locale.territories["LT"],
        # The belt's published and measured totals on the day (tests/test_belt.py checks the
        # sums), formatted as CLDR says: Babel's pattern and symbols, CLDR's minimum grouping.
        "km": [km(3654, lang), km(3087, lang)],
    }


@pytest.fixture(scope="module")
def server():
    with streamlit_server() as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def single_file(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("single") / "map.html"
    command = [sys.executable, "-m", "layers.export", "html", "--out", str(out), "--date", DAY]
    subprocess.run([*command, "--view", "eastern"], check=True, cwd=ROOT, capture_output=True)
    return out


def check_map(frame, lang: str) -> None:
    want = expected(lang)
    assert frame.evaluate("document.documentElement.lang") == lang
    assert want["date"] in frame.locator(".mbt-caption").inner_text()
    assert want["withdrawn"] in frame.locator(".mbt-legend").inner_text()
    belt = frame.locator(".mbt-belt").inner_text().replace("\u00a0", " ").replace("\u202f", " ")
    for text in want["km"]:
        assert text.replace("\u00a0", " ").replace("\u202f", " ") in belt, (text, belt)
    frame.locator("path[data-iso3='LTU']").first.hover(force=True)
    tip = frame.locator(".mbt-tip").first
    tip.wait_for(timeout=5000)
    assert want["lithuania"] in tip.inner_text()


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_app_in_each_language(server, browser, lang):
    context = new_context(browser, viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(f"{server}/?date={DAY}&view=eastern&lang={lang}")
    frame = map_frame(page, on=DAY)
    two_frames(frame)
    check_map(frame, lang)
    assert f"lang={lang}" in page.url
    context.close()


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_single_file_in_each_language(browser, single_file, lang):
    context = new_context(browser, viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(f"{single_file.as_uri()}?lang={lang}")
    frame = map_frame(page, on=DAY)
    two_frames(frame)
    check_map(frame, lang)
    context.close()


def test_the_single_file_switches_language_with_no_network(browser, single_file):
    context = new_context(browser, viewport={"width": 1366, "height": 768}, offline=True)
    page = context.new_page()
    page.goto(f"{single_file.as_uri()}?date=2025-06-27&view=eastern")
    frame = map_frame(page, on="2025-06-27")
    frame.get_by_role("button", name="Language: English").click()
    frame.locator("#mbt-language-list").get_by_role("button", name="Українська").click()
    page.wait_for_url("**lang=uk**")
    frame = map_frame(page, on="2025-06-27")  # the same moment, now in Ukrainian
    assert frame.evaluate("document.documentElement.lang") == "uk"
    assert "27 червня 2025" in frame.locator(".mbt-caption").inner_text()
    context.close()


# What a panel's text may not do in any language: run past its panel's edge or into another
# panel (the longest words are Lithuanian's and Finnish's), in presentation mode at 1280x720 and
# on a phone.
LAYOUT = """() => {
  const panels = [...document.querySelectorAll('.mbt-panel')].filter((p) => p.offsetParent !== null);
  const over = panels.filter((p) => p.scrollWidth > p.clientWidth + 1).map((p) => p.className);
  const boxes = panels.map((p) => [p.className, p.getBoundingClientRect()]);
  const meet = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, r] = boxes[i], [b, s] = boxes[j];
    if (r.left < s.right - 1 && s.left < r.right - 1 && r.top < s.bottom - 1 && s.top < r.bottom - 1) meet.push([a, b]);
  }
  return {over, meet};
}"""


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_panels_hold_their_words_in_each_language(browser, single_file, lang):
    for viewport, query, options in (
        ({"width": 1280, "height": 720}, "&present=1", {}),
        ({"width": 390, "height": 844}, "", {"is_mobile": True, "has_touch": True}),
    ):
        context = new_context(browser, viewport=viewport, **options)
        page = context.new_page()
        page.goto(f"{single_file.as_uri()}?lang={lang}&date={DAY}&view=eastern{query}")
        frame = map_frame(page, on=DAY)
        two_frames(frame)
        found = frame.evaluate(LAYOUT)
        assert found["over"] == [], (lang, viewport, found["over"])
        assert found["meet"] == [], (lang, viewport, found["meet"])
        context.close()


def test_choosing_a_language_on_the_map_or_the_page_opens_the_map_again_in_it(server, browser):
    context = new_context(browser, viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(f"{server}/?date={DAY}&view=eastern")
    frame = map_frame(page, on=DAY)
    frame.get_by_role("button", name="Language: English").click()
    frame.locator("#mbt-language-list").get_by_role("button", name="Suomi").click()
    page.wait_for_function("location.search.includes('lang=fi')", timeout=20000)
    frame = map_frame(page, on=DAY)
    frame.wait_for_function("document.documentElement.lang === 'fi'", timeout=20000)
    assert expected("fi")["date"] in frame.locator(".mbt-caption").inner_text()
    page.locator(".st-key-lang_choice").click()  # the page's own list
    page.get_by_role("option", name="Polski").click()
    page.wait_for_function("location.search.includes('lang=pl')", timeout=20000)
    frame = map_frame(page, on=DAY)
    frame.wait_for_function("document.documentElement.lang === 'pl'", timeout=20000)
    assert expected("pl")["date"] in frame.locator(".mbt-caption").inner_text()
    assert "date=2026-02-20&view=eastern&lang=pl" in page.url  # the same moment
    context.close()
