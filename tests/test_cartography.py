"""The map as a room sees it (issue: cartography): each view fitted where no panel covers it, at
projector and laptop sizes, in the app and in presentation mode, and countries named.

Checked in Debian's Chromium with the painted shapes' and panels' bounding boxes: on the eastern
flank and in Europe no part of Finland, Estonia, Latvia, Lithuania, Poland or the belt line lies
under a panel; on the world view no State Party larger than Portugal does.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import day
from playwright import sync_api

from bench.harness import CHROMIUM, launch, map_frame, new_context, streamlit_server, two_frames
from geodata import COUNTRIES, load_treaty
from geodata.model import Status
from geodata.timeline import status_on

if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
    pytest.skip(f"{CHROMIUM} not installed (tests/run.sh installs it)", allow_module_level=True)

DAY = "2026-02-20"
BELT = ["FIN", "EST", "LVA", "LTU", "POL"]
SIZES = [(1920, 1080), (1366, 768), (1280, 720)]
# Boxes of the panels and of the shapes asked for, in the frame's pixels; a shape's box is the
# union of its painted paths.
BOXES = """(codes) => {
  const box = (r) => ({left: r.left, top: r.top, right: r.right, bottom: r.bottom});
  const panels = [...document.querySelectorAll(".mbt-panel, .leaflet-control-zoom")]
    .filter((p) => !p.hidden && p.offsetParent !== null).map((p) => [p.className.split(" ")[1], box(p.getBoundingClientRect())]);
  const shapes = {};
  for (const code of codes) {
    for (const path of document.querySelectorAll(`path[data-iso3='${code}']`)) {
      const r = path.getBoundingClientRect();
      if (!r.width) continue;
      const s = shapes[code] || (shapes[code] = box(r));
      s.left = Math.min(s.left, r.left); s.top = Math.min(s.top, r.top);
      s.right = Math.max(s.right, r.right); s.bottom = Math.max(s.bottom, r.bottom);
    }
  }
  const belt = [...document.querySelectorAll(".leaflet-mbt-belt-pane path")]
    .filter((p) => getComputedStyle(p).strokeOpacity !== "0" && p.getAttribute("stroke-opacity") !== "0")
    .map((p) => box(p.getBoundingClientRect()));
  const map = box(document.getElementById("mbt-map").getBoundingClientRect());
  return {panels, shapes, belt, map};
}"""


def overlap(a, b) -> bool:
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
    )


def large_parties() -> list[str]:
    """States Parties on DAY larger than Portugal (area from the display layer's properties)."""
    treaty = load_treaty()
    features = json.loads(COUNTRIES.read_text(encoding="utf-8"))["features"]
    area = {f["properties"]["iso3"]: f["properties"]["area_km2"] for f in features}
    bound = {Status.PARTY, Status.SUSPENSION_CONTESTED}
    return sorted(
        u.iso3
        for u in treaty.states()
        if status_on(treaty, u.iso3, day(DAY)) in bound and area.get(u.iso3, 0) > area["PRT"]
    )


def assert_uncovered(frame, codes, belt: bool):
    found = frame.evaluate(BOXES, codes)
    assert set(found["shapes"]) == set(codes), set(codes) - set(found["shapes"])
    subjects = [(code, found["shapes"][code]) for code in codes]
    if belt:
        assert found["belt"], "no belt line painted"
        subjects += [("belt line", b) for b in found["belt"]]
    for name, shape in subjects:
        assert found["map"]["left"] <= shape["left"] and shape["right"] <= found["map"]["right"], (
            name
        )
        for panel, box in found["panels"]:
            assert not overlap(shape, box), f"{name} is under the {panel} panel"


@pytest.fixture(scope="module")
def server():
    with streamlit_server() as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.mark.parametrize("present", [True, False], ids=["presentation", "app"])
@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_subject_of_each_view_is_never_under_a_panel(server, browser, width, height, present):
    context = new_context(browser, viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(f"{server}/?date={DAY}&view=eastern" + ("&present=1" if present else ""))
    frame = map_frame(page, on=DAY)
    if present:
        page.wait_for_function(
            f"document.querySelector('iframe').getBoundingClientRect().height >= {height - 20}"
        )
    frame.wait_for_function("document.querySelectorAll('.mbt-label').length > 5")
    two_frames(frame)  # a panel that grew since is refitted around on the next frame
    frame.wait_for_function("!MBT.map._animatingZoom && !MBT.map._panAnim?._inProgress")
    assert_uncovered(frame, BELT, belt=True)
    names = frame.evaluate("[...document.querySelectorAll('.mbt-label')].map((e) => e.textContent)")
    for name in (
        "Finland",
        "Estonia",
        "Latvia",
        "Lithuania",
        "Poland",
        "Ukraine",
        "Belarus",
        "Kaliningrad (Russia)",
    ):
        assert name in names, name
    for view, codes, belt in (("europe", BELT, True), ("world", large_parties(), False)):
        # Shown and fitted once the map has stopped moving (a fit within Europe is animated).
        frame.evaluate(
            "(v) => new Promise((done) => { MBT.map.once('moveend', done); MBT.showView(v); })",
            view,
        )
        assert_uncovered(frame, codes, belt)
    context.close()


def test_names_in_presentation_mode_are_large_with_a_halo(server, browser):
    context = new_context(browser, viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    page.goto(f"{server}/?date={DAY}&view=eastern&present=1")
    frame = map_frame(page, on=DAY)
    frame.wait_for_function("document.querySelectorAll('.mbt-label').length > 5")
    style = frame.evaluate("""() => { const e = [...document.querySelectorAll('.mbt-label')].find((l) => l.textContent === 'Poland');
      const s = getComputedStyle(e); return [parseFloat(s.fontSize), s.textShadow]; }""")
    assert style[0] >= 18
    assert "rgb(255, 255, 255)" in style[1]
    context.close()
