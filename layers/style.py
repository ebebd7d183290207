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
        "Not joined", "#e3e0d8", "has neither signed nor consented to be bound"
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

# The rest of the map's colours: the browser gets them as PALETTE (CSS variables --mbt-NAME
# and ``MBT.data.palette``).
SEA = "#b9d3e6"
PALETTE = {
    "sea": SEA,
    "text": "#1a1a1a",
    "accent": "#0072b2",
    "paper": "#ffffff",
    "control-border": "#888888",
    "tick": "#555555",
    "border": "#ffffff",  # between countries
    "outline": "#1a1a1a",  # dashed outline of a State leaving or contested
    "swatch-border": "#777777",
    "pattern-ink": "#ffffff",
    "belt": "#111111",
    "belt-halo": "#ffffff",
}


def style_table() -> list[dict]:
    """The table in legend order, as plain data for the browser and for exports."""
    return [{"code": str(status), **asdict(STATUS_STYLE[status])} for status in Status]


def status_index() -> dict[Status, int]:
    """Position of each status in :func:`style_table` (the browser keys runs by it)."""
    return {status: index for index, status in enumerate(Status)}
