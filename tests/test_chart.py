"""The history chart draws the status model's counts (read back from the SVG it makes)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from conftest import day

from geodata.model import Status
from geodata.timeline import counts_on
from layers.picture.chart import PLOT, STACK, history_svg, x_of

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
