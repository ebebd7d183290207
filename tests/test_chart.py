"""The history chart draws the status model's counts (read back from the SVG it makes)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from conftest import day

from geodata.model import Status
from geodata.timeline import counts_on
from layers.picture.chart import INSET_PLOT, PLOT, STACK, history_inset_svg, history_svg, x_of

END = day("2026-11-23")


def band_heights(svg: str, when) -> dict[str, float]:
    """Each band's thickness at a date, in States, read from the polygon points."""
    tree = ET.fromstring(svg)
    x = x_of(when, day("1997-12-03"), END) + 0.01
    scale = (PLOT[3] - PLOT[1]) / 197
    heights = {}
    for polygon in tree.iter("{http://www.w3.org/2000/svg}polygon"):
        points = [tuple(map(float, p.split(","))) for p in polygon.get("points").split()]
        half = len(points) // 2
        upper, lower = points[:half], points[half:][::-1]
        top = [y for px, y in upper if px <= x][-1]
        bottom = [y for px, y in lower if px <= x][-1]
        heights[polygon.get("data-status")] = (bottom - top) / scale
    return heights


@pytest.mark.parametrize(
    "when",
    [
        "1998-06-01",
        "1999-03-01",
        "2005-01-01",
        "2013-06-01",
        "2025-07-20",
        "2025-12-27",
        "2026-02-20",
        "2026-11-01",
    ],
)
def test_chart_counts_equal_the_model_on_sampled_dates(treaty, when):
    svg = history_svg(treaty, END, day(when))
    heights = band_heights(svg, day(when))
    counts = counts_on(treaty, day(when))
    for status in STACK:
        assert heights[str(status)] == pytest.approx(counts[status], abs=0.02), status
    assert set(heights) == {str(s) for s in Status}


def test_chart_marks_the_date_and_key_events(treaty):
    svg = history_svg(treaty, END, day("2025-12-27"), marker_id="now")
    marker = re.search(r'<line id="now"[^>]*x1="([\d.]+)"', svg)
    assert float(marker.group(1)) == pytest.approx(
        x_of(day("2025-12-27"), day("1997-12-03"), END), abs=0.1
    )
    assert "2026-02-20: Poland&#x27;s withdrawal takes effect" in svg


def test_the_inset_shows_each_withdrawal_as_a_step_readable_on_its_axis(treaty):
    svg = history_inset_svg(treaty, end=day("2026-11-23"), marker_id="now", day=day("2026-01-10"))
    tree = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    line = next(tree.iter(f"{ns}polyline"))
    points = [tuple(map(float, p.split(","))) for p in line.get("points").split()]
    # The axis as drawn: the labels 160 and 165 give the scale from y to States.
    ticks = {
        int(t.text): float(t.get("y")) - 4 for t in tree.iter(f"{ns}text") if t.get("data-count")
    }
    assert set(ticks) == {155, 160, 165, 170}
    per_state = (ticks[160] - ticks[165]) / 5

    def count_on(when):
        x = inset_x(when) + 0.01  # the points are written to 0.01
        y = [py for px, py in points if px <= x][-1]
        return 165 + (ticks[165] - y) / per_state

    # 166 bound before Estonia, Latvia and Lithuania leave (27 Dec 2025), then Finland
    # (10 Jan 2026) and Poland (20 Feb 2026): 163, 162, 161.
    for when, expected in [
        ("2025-12-26", 166), ("2025-12-27", 163), ("2026-01-09", 163),
        ("2026-01-10", 162), ("2026-02-19", 162), ("2026-02-20", 161), ("2026-11-01", 161),
    ]:  # fmt: skip
        assert count_on(day(when)) == pytest.approx(expected, abs=0.05), when
    assert per_state > 5  # a State is a visible step (over 5 of the chart's 210 units)
    marker = re.search(r'<line id="now"[^>]*x1="([\d.]+)"', svg)
    assert float(marker.group(1)) == pytest.approx(inset_x(day("2026-01-10")), abs=0.1)
    assert "2026-02-20: Poland&#x27;s withdrawal takes effect" in svg
    assert tree.get("data-plot-left") == str(INSET_PLOT[0])


def inset_x(when):
    """x of a date in the inset, from its plot's edges and dates (2024-01-01 to 2026-11-23)."""
    left, _, right, _ = INSET_PLOT
    return (
        left
        + (right - left)
        * (when - day("2024-01-01")).days
        / (day("2026-11-23") - day("2024-01-01")).days
    )


def test_the_charts_words_for_the_browser_are_those_the_svgs_draw_in_the_language(treaty):
    import datetime as dt
    from html import escape

    from layers.i18n import speaking
    from layers.picture.chart import INSET_START, chart_texts, history_inset_svg, history_svg

    end = dt.date(2026, 12, 1)
    with speaking("pl"):
        words = chart_texts(treaty, end)
        history, inset = history_svg(treaty, end), history_inset_svg(treaty, INSET_START, end)
    assert words["insetHeading"] == "Państwa związane Konwencją (przybliżenie)"  # the catalogue's
    assert words["months"][:2] == ["sty 2024", "lip 2024"]  # CLDR's Polish abbreviations
    for text in [*words["labels"][:1], words["heading"]]:
        assert escape(text) in history
    for text in [words["labels"][1], words["insetHeading"], *words["months"]]:
        assert escape(text) in inset
