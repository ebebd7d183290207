"""STATUS_STYLE: the one table from status to colour, label, pattern and outline.

Every colour of the map lives here. The fills are from the Okabe-Ito palette (distinct under the
common colour-vision deficiencies; tests/test_style.py simulates them), and the three statuses of
a State on its way out, or contested, also carry a pattern or outline so colour is not the only cue.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from geodata.model import Status


@dataclass(frozen=True)
class StatusStyle:
    label: str
    colour: str
    description: str
    # "" (solid), "hatch" (diagonal lines) or "cross" (cross-hatch), drawn over the colour.
    pattern: str = ""
    # SVG dash array for the outline; "" for a plain thin outline.
    outline_dash: str = ""


STATUS_STYLE: dict[Status, StatusStyle] = {
    Status.NON_PARTY: StatusStyle(
        "Not joined", "#d9d9d9", "has neither signed nor consented to be bound"
    ),
    Status.SIGNATORY: StatusStyle(
        "Signed only", "#f0e442", "signed, no instrument of consent deposited"
    ),
    Status.CONSENT_PENDING: StatusStyle(
        "Joined, not yet in force", "#56b4e9", "consent deposited; in force later (Art. 17)"
    ),
    Status.PARTY: StatusStyle("State Party", "#0072b2", "bound by the Convention"),
    Status.WITHDRAWAL_ANNOUNCED: StatusStyle(
        "Withdrawal announced",
        "#e69f00",
        "bound; the government has announced withdrawal",
        outline_dash="3 3",
    ),
    Status.WITHDRAWAL_PENDING: StatusStyle(
        "Withdrawal notified",
        "#d55e00",
        "bound; six-month notice running (Art. 20(2))",
        pattern="hatch",
        outline_dash="6 3",
    ),
    Status.SUSPENSION_CONTESTED: StatusStyle(
        "Suspension (contested)",
        "#cc79a7",
        "notified a 'suspension' the Convention does not allow; held still bound",
        pattern="cross",
        outline_dash="1 3",
    ),
    Status.WITHDRAWN: StatusStyle("Withdrawn", "#5c1a00", "withdrawal in effect; no longer bound"),
}

# The rest of the map's colours.
SEA = "#c6dbea"
BORDER = "#ffffff"
PATTERN_INK = "#ffffff"
BELT = "#111111"
BELT_HALO = "#ffffff"
TEXT = "#1a1a1a"
ACCENT = "#0072b2"


def style_table() -> list[dict]:
    """The table in legend order, as plain data for the browser and for exports."""
    return [{"code": str(status), **asdict(STATUS_STYLE[status])} for status in Status]


def status_index() -> dict[Status, int]:
    """Position of each status in :func:`style_table` (the browser keys runs by it)."""
    return {status: index for index, status in enumerate(Status)}
