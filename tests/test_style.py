"""The style table: complete, colour-blind safe, and the only place colours are written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cvd import MACHADO, closest_pair

from geodata.model import Status
from layers.style import SEA, STATUS_STYLE, style_table

ROOT = Path(__file__).resolve().parent.parent


def test_every_status_has_a_style_in_legend_order():
    assert list(STATUS_STYLE) == list(Status)
    assert [row["code"] for row in style_table()] == [str(s) for s in Status]


@pytest.mark.parametrize("kind", list(MACHADO))
def test_fills_stay_distinct_under_colour_vision_deficiencies(kind):
    colours = {str(s): style.colour for s, style in STATUS_STYLE.items()} | {"sea": SEA}
    distance, first, second = closest_pair(colours, kind)
    assert distance >= 15, f"{first} and {second} are {distance:.1f} apart for {kind}"


def test_leaving_and_contested_statuses_do_not_rely_on_colour_alone():
    for status in (
        Status.WITHDRAWAL_ANNOUNCED,
        Status.WITHDRAWAL_PENDING,
        Status.SUSPENSION_CONTESTED,
    ):
        style = STATUS_STYLE[status]
        assert style.pattern or style.outline_dash, status
    cues = {(STATUS_STYLE[s].pattern, STATUS_STYLE[s].outline_dash) for s in Status}
    assert len(cues) >= 4  # solid, dotted outline, hatch, cross-hatch


def test_no_colour_is_written_outside_the_style_table():
    hex_colour = re.compile(r"#[0-9a-fA-F]{6}\b")
    places = [
        ROOT / "app.py",
        ROOT / "layers/assets/map.css",
        *ROOT.glob("layers/**/*.py"),
        *ROOT.glob("layers/web/templates/*"),
        *ROOT.glob("layers/web/js/**/*.js"),
    ]
    for path in places:
        if path.name == "style.py":
            continue
        assert not hex_colour.findall(path.read_text(encoding="utf-8")), path


def test_readme_explains_every_status():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for status in Status:
        assert f"| `{status}` |" in readme, status
