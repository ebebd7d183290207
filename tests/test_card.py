"""A country's card in Debian's headless Chromium (issue 17): opened by a click, by ?focus= and
by the app's list; what it says, against the data; it follows the date and closes with Escape."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from bench.harness import CHROMIUM, launch, map_frame, new_context, streamlit_server, two_frames
from layers.i18n import km

if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
    pytest.skip(f"{CHROMIUM} not installed (tests/run.sh installs it)", allow_module_level=True)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def single_file(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("card") / "map.html"
    command = [sys.executable, "-m", "layers.export", "html", "--out", str(out)]
    subprocess.run([*command, "--date", "2026-02-20"], check=True, cwd=ROOT, capture_output=True)
    return out


def test_a_click_opens_the_card_with_its_dates_sources_and_borders(browser, single_file, treaty):
    context = new_context(browser, viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(f"{single_file.as_uri()}?date=2026-02-20&view=eastern")
    frame = map_frame(page, on="2026-02-20")
    two_frames(frame)
    frame.locator("path[data-iso3='POL']").first.click(force=True)
    card = frame.locator("[data-testid=card]")
    card.wait_for()
    text = card.inner_text()
    poland = treaty.units["POL"]
    assert "Withdrawn on 20 February 2026" in text
    # Its key dates from states.csv, as the page writes long dates, and a source.
    for when in (poland.signature, poland.consent, poland.withdrawal_effective):
        assert f"{when.day} {when:%B %Y}" in text, when
    assert "UNODA" in text
    # The belt: its borders with Russia (Kaliningrad) and Belarus, published, from the data.
    assert "Belarus" in text and "Russia" in text
    assert km(418, "en") in text or km(209, "en") in text
    assert "?date=2026-02-20&view=eastern&lang=en&focus=POL" in page.url
    # The date moves: the card follows (before the withdrawal took effect, it was notified).
    frame.evaluate("MBT.setDay(MBT.parseDay('2025-09-01'))")
    frame.wait_for_function(
        "document.querySelector('[data-testid=card] .mbt-card-status').textContent"
        ".startsWith('Withdrawal notified')"
    )
    frame.locator("body").press("Escape")
    card.wait_for(state="hidden")
    page.wait_for_function("!location.search.includes('focus=')")
    context.close()


def test_a_territory_and_a_state_not_yet_independent_say_whose_status_they_show(
    browser, single_file
):
    context = new_context(browser, viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(f"{single_file.as_uri()}?date=2010-01-01&view=world&focus=SSD")
    frame = map_frame(page, on="2010-01-01")
    card = frame.locator("[data-testid=card]")
    card.wait_for()
    assert "Part of Sudan until" in card.inner_text()
    page.goto(f"{single_file.as_uri()}?date=2026-02-20&view=world&focus=GRL&lang=pl")
    frame = map_frame(page, on="2026-02-20")
    card = frame.locator("[data-testid=card]")
    card.wait_for()
    assert "Grenlandia" in card.inner_text() and "Dania" in card.inner_text()
    context.close()


def test_the_apps_list_and_focus_link_open_the_card_and_the_panels_follow(browser):
    with streamlit_server() as base:
        context = new_context(browser, viewport={"width": 1366, "height": 900})
        page = context.new_page()
        page.goto(f"{base}/?date=2026-02-20&view=eastern&focus=FIN")
        frame = map_frame(page, on="2026-02-20")
        frame.locator("[data-testid=card]").wait_for()
        assert "Finland" in frame.locator("[data-testid=card] h2").inner_text()
        page.get_by_text("Events of Finland").wait_for(timeout=20000)
        # Closed on the map: the app's panels go back to the date's events.
        frame.locator("[data-testid=card] .mbt-card-close").click()
        page.get_by_text("Events around 20 February 2026").wait_for(timeout=20000)
        assert "focus=" not in page.url
        context.close()


def test_a_presenters_tour_from_a_link_plays_with_its_note_and_its_countrys_card(browser, treaty):
    from layers.tours import read_tour, tour_param

    text = (
        "date,view,focus,title,note,hold\n"
        "2025-06-27,eastern,LVA,Three notices,<i>The Baltic States</i> notify.,30\n"
        "2026-02-20,world,,Five out,,30\n"
    )
    link = tour_param(read_tour(text.encode(), "mine.csv", treaty))
    with streamlit_server() as base:
        context = new_context(browser, viewport={"width": 1366, "height": 900})
        page = context.new_page()
        page.goto(f"{base}/?date=2026-02-20&view=eastern&tour={link}")
        frame = map_frame(page, on="2026-02-20")
        tour = frame.get_by_role("button", name="Your tour: its stops, one at a time")
        assert tour.inner_text() == "Your tour"
        tour.click()
        frame.wait_for_function("MBT.isoDay(MBT.day) === '2025-06-27'")
        caption = frame.locator(".mbt-caption")
        assert "Three notices" in caption.inner_text()
        assert "<i>The Baltic States</i> notify." in caption.inner_text()  # text, not markup
        assert frame.locator(".mbt-caption i").count() == 0
        card = frame.locator("[data-testid=card]")
        card.wait_for()
        assert "Latvia" in card.locator("h2").inner_text()
        assert f"tour={link}" in page.url  # the map's own URL writes keep the app's tour
        context.close()


def test_an_uploaded_tour_is_checked_listed_and_presented(browser, tmp_path):
    bad = tmp_path / "talk.csv"
    bad.write_text("date,view,title\n2025-13-01,asia,<b>x</b>\n", encoding="utf-8")
    good = tmp_path / "mine.csv"
    good.write_text(
        "date,view,focus,title,note,hold\n2025-06-27,eastern,LTU,Three notices,Said.,20\n",
        encoding="utf-8",
    )
    with streamlit_server() as base:
        context = new_context(browser, viewport={"width": 1366, "height": 900})
        page = context.new_page()
        page.goto(f"{base}/?date=2026-02-20&view=eastern")
        map_frame(page, on="2026-02-20")
        page.get_by_text("Your own tour: a CSV file of stops").click()
        upload = page.locator("[data-testid=stFileUploaderDropzoneInput]")
        upload.set_input_files(str(bad))
        page.get_by_text("Not loaded: 2 problems.").wait_for(timeout=20000)
        problems = page.locator("[data-testid=stCode]").last.inner_text()
        assert "talk.csv:2: date: '2025-13-01' is not a real calendar date" in problems
        assert "talk.csv:2: view: 'asia' is not a view (world, europe, eastern)" in problems
        assert page.get_by_text("The map tours the belt (the built-in tour).").is_visible()
        upload.set_input_files(str(good))
        page.get_by_role("button", name="Present this tour").click()
        page.wait_for_function("location.search.includes('present=1')", timeout=20000)
        frame = map_frame(page)
        frame.wait_for_function("MBT.isoDay(MBT.day) === '2025-06-27'", timeout=20000)
        assert "Three notices" in frame.locator(".mbt-caption").inner_text()
        assert "tour=" in page.url  # a link that carries it
        context.close()
