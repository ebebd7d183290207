"""The history chart: how many States stood in each status, from 1997 to the last event.

A stacked area drawn as SVG from the status model's counts (``geodata.timeline.counts_on`` on
every change date), with the key events marked along the top. In the map page a line follows
the date control; in the app the same SVG marks the page's date.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from html import escape

from geodata.model import OPENED, Status, Treaty
from geodata.timeline import change_dates, counts_on, dated_events
from layers.i18n import _, event_title, language, month_year
from layers.style import PALETTE, STATUS_STYLE

WIDTH, HEIGHT = 1000, 210
PLOT = (46, 18, 990, 180)  # left, top, right, bottom of the plotting area
# Bottom to top: the bound States first, so the top of the blue-to-brown bands reads as "bound".
PATTERN_ID = "mbt-chart-pattern-"
STACK = (
    Status.PARTY,
    Status.WITHDRAWAL_ANNOUNCED,
    Status.WITHDRAWAL_PENDING,
    Status.SUSPENSION_CONTESTED,
    Status.CONSENT_PENDING,
    Status.SIGNATORY,
    Status.WITHDRAWN,
    Status.NON_PARTY,
)


@cache
def series(treaty: Treaty, end: dt.date) -> list[tuple[dt.date, dict[Status, int]]]:
    """Counts by status at every change date up to *end* (a step function)."""
    return [(day, counts_on(treaty, day)) for day in change_dates(treaty) if day <= end]


def x_of(day: dt.date, start: dt.date, end: dt.date) -> float:
    left, right = PLOT[0], PLOT[2]
    return left + (right - left) * (day - start).days / max(1, (end - start).days)


def y_of(count: float, total: int) -> float:
    top, bottom = PLOT[1], PLOT[3]
    return bottom - (bottom - top) * count / total


def history_svg(
    treaty: Treaty, end: dt.date, day: dt.date | None = None, marker_id: str = ""
) -> str:
    """The chart as an SVG document; *day*, if given, is marked with a vertical line."""
    start, total = OPENED, len(treaty.states())
    steps = series(treaty, end)
    label = history_label(end)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'class="mbt-chart" role="img" aria-label="{escape(label)}">'
    ]
    parts.append(_patterns())
    below = [0] * len(steps)
    for status in STACK:
        above = [b + counts[status] for b, (_day, counts) in zip(below, steps, strict=True)]
        parts.append(_band(status, steps, below, above, start, end, total))
        below = above
    parts.append(_axes(start, end, total))
    parts.extend(_event_marks(treaty, start, end))
    x = x_of(day, start, end) if day else -10
    top, bottom = PLOT[1], PLOT[3]
    marker = f' id="{escape(marker_id)}"' if marker_id else ""
    parts.append(
        f'<line{marker} class="mbt-chart-now" x1="{x:.1f}" x2="{x:.1f}" y1="{top - 6}" '
        f'y2="{bottom}" stroke="{PALETTE["text"]}" stroke-width="2.5"/>'
    )
    parts.append("</svg>")
    return "".join(parts)


def _band(status, steps, below, above, start, end, total) -> str:
    """One status as a polygon: its upper edge left to right, its lower edge back."""
    upper, lower = [], []
    edges = [d for d, _count in steps[1:]] + [end]
    for (day, _count), next_day, low, high in zip(steps, edges, below, above, strict=True):
        x0, x1 = x_of(day, start, end), x_of(next_day, start, end)
        upper += [(x0, y_of(high, total)), (x1, y_of(high, total))]
        lower += [(x0, y_of(low, total)), (x1, y_of(low, total))]
    points = " ".join(f"{x:.2f},{y:.2f}" for x, y in upper + lower[::-1])
    style = STATUS_STYLE[status]
    fill = f"url(#{PATTERN_ID}{status})" if style.pattern else style.colour
    return (
        f'<polygon data-status="{status}" points="{points}" fill="{fill}" '
        f'fill-opacity="0.95"><title>{escape(style.label)}</title></polygon>'
    )


def _patterns() -> str:
    """The chart's own hatches, so that it also stands alone. Their ids differ from the map's:
    while the chart is hidden, a shared id would resolve to its hidden copy and the map's hatched
    countries would lose their fill."""
    defs = ["<defs>"]
    ink = PALETTE["pattern-ink"]
    for status, style in STATUS_STYLE.items():
        if not style.pattern:
            continue
        cross = f'<rect width="8" height="2.5" fill="{ink}" fill-opacity="0.8"/>'
        defs.append(
            f'<pattern id="{PATTERN_ID}{status}" patternUnits="userSpaceOnUse" width="8" '
            f'height="8" patternTransform="rotate(45)"><rect width="8" height="8" '
            f'fill="{style.colour}"/><rect width="2.5" height="8" fill="{ink}" '
            f'fill-opacity="0.8"/>{cross if style.pattern == "cross" else ""}</pattern>'
        )
    return "".join([*defs, "</defs>"])


def _axes(start: dt.date, end: dt.date, total: int) -> str:
    left, top, bottom = PLOT[0], PLOT[1], PLOT[3]
    ink = PALETTE["text"]
    out = [f'<g font-size="13" fill="{ink}" font-family="DejaVu Sans, sans-serif">']
    for year in range(2000, end.year + 1, 5):
        x = x_of(dt.date(year, 1, 1), start, end)
        out.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{bottom}" y2="{bottom + 5}" stroke="{ink}"/>'
        )
        out.append(f'<text x="{x:.1f}" y="{bottom + 19}" text-anchor="middle">{year}</text>')
    for count in (0, 100, total):
        y = y_of(count, total)
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{count}</text>')
    heading = escape(history_heading(total))
    out.append(f'<text class="mbt-chart-heading" x="{left}" y="{top - 6}">{heading}</text>')
    out.append("</g>")
    return "".join(out)


def _event_marks(treaty: Treaty, start: dt.date, end: dt.date) -> list[str]:
    """A small mark at the top for each key event, its title shown on hover."""
    top = PLOT[1]
    marks = []
    for index, event in enumerate(dated_events(treaty)):
        if not event.kind.key or not start <= event.day <= end:
            continue
        x = x_of(event.day, start, end)
        title = escape(f"{event.day}: {event_title(event, language())}")
        marks.append(
            f'<path class="mbt-chart-event" data-event="{index}" '
            f'd="M{x:.1f},{top - 1} l-4,-7 h8 z" '
            f'fill="{PALETTE["text"]}"><title>{title}</title></path>'
        )
    return marks


INSET_WIDTH, INSET_HEIGHT = 1000, 210
INSET_PLOT = (46, 18, 990, 180)  # left, top, right, bottom, as PLOT
INSET_START = dt.date(2024, 1, 1)
INSET_AXIS = (155, 170)  # States bound: the axis starts near the top, where the fall is


def bound_series(treaty: Treaty, start: dt.date, end: dt.date) -> list[tuple[dt.date, int]]:
    """The number of States bound (``Status.bound``) from *start* to *end*, as a step function:
    the count on *start*, then at every change date after it."""
    steps = [(start, _bound(counts_on(treaty, start)))]
    for day, counts in series(treaty, end):
        if start < day and _bound(counts) != steps[-1][1]:
            steps.append((day, _bound(counts)))
    return steps


def _bound(counts: dict[Status, int]) -> int:
    return sum(n for status, n in counts.items() if status.bound)


def history_inset_svg(
    treaty: Treaty,
    start: dt.date = INSET_START,
    end: dt.date | None = None,
    marker_id: str = "",
    day: dt.date | None = None,
) -> str:
    """The 2024-2026 zoom of the history chart as an SVG document: the States bound as a step
    line on an axis from 155 to 170, so that each withdrawal is a visible step; key events marked
    (their titles on hover); a vertical line at *day* (id *marker_id*). The plot's left and
    right edges are in ``data-plot-left``/``data-plot-right`` (and ``INSET_PLOT``), the dates at
    those edges in ``data-start``/``data-end``, for the browser to move the line."""
    end = end or max(change_dates(treaty))
    left, top, right, bottom = INSET_PLOT
    low, high = INSET_AXIS

    def x(d: dt.date) -> float:
        return left + (right - left) * (d - start).days / max(1, (end - start).days)

    def y(n: float) -> float:
        return bottom - (bottom - top) * (min(max(n, low), high) - low) / (high - low)

    label = inset_label(start, end)
    steps = bound_series(treaty, start, end)
    points = []
    for (d, n), (following, _count) in zip(steps, [*steps[1:], (end, 0)], strict=True):
        points += [(x(d), y(n)), (x(following), y(n))]
    ink, blue = PALETTE["text"], STATUS_STYLE[Status.PARTY].colour
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {INSET_WIDTH} {INSET_HEIGHT}" '
        f'class="mbt-chart mbt-chart-inset" role="img" data-plot-left="{left}" '
        f'data-plot-right="{right}" data-start="{start}" data-end="{end}" '
        f'aria-label="{escape(label)}">',
        _inset_axes(x, y, start, end),
        f'<polyline class="mbt-chart-bound" fill="none" stroke="{blue}" stroke-width="3" '
        f'points="{" ".join(f"{px:.2f},{py:.2f}" for px, py in points)}"/>',
    ]
    for d, n in steps:  # each level's count beside the line
        parts.append(
            f'<text x="{x(d) + 4:.1f}" y="{y(n) - 5:.1f}" font-size="12" fill="{ink}" '
            f'font-family="DejaVu Sans, sans-serif">{n}</text>'
        )
    for index, event in enumerate(dated_events(treaty)):
        if event.kind.key and start <= event.day <= end:
            title = escape(f"{event.day}: {event_title(event, language())}")
            parts.append(
                f'<path class="mbt-chart-event" data-event="{index}" '
                f'd="M{x(event.day):.1f},{top - 1} l-4,-7 h8 z" '
                f'fill="{ink}"><title>{title}</title></path>'
            )
    at = x(day) if day else -10
    marker = f' id="{escape(marker_id)}"' if marker_id else ""
    parts.append(
        f'<line{marker} class="mbt-chart-now" x1="{at:.1f}" x2="{at:.1f}" y1="{top - 6}" '
        f'y2="{bottom}" stroke="{ink}" stroke-width="2.5"/>'
    )
    parts.append("</svg>")
    return "".join(parts)


def _inset_axes(x, y, start: dt.date, end: dt.date) -> str:
    left, top, right, bottom = INSET_PLOT
    ink = PALETTE["text"]
    out = [f'<g font-size="13" fill="{ink}" font-family="DejaVu Sans, sans-serif">']
    for count in range(INSET_AXIS[0], INSET_AXIS[1] + 1):  # a gridline a State, labelled by 5
        major = count % 5 == 0
        out.append(
            f'<line x1="{left}" x2="{right}" y1="{y(count):.1f}" y2="{y(count):.1f}" '
            f'stroke="{PALETTE["control-border"]}" stroke-width="{0.8 if major else 0.3}"/>'
        )
        if major:
            out.append(
                f'<text class="mbt-chart-axis" data-count="{count}" x="{left - 6}" '
                f'y="{y(count) + 4:.1f}" text-anchor="end">{count}</text>'
            )
    for month in inset_ticks(start, end):
        label = escape(month_year(month, "abbreviated"))
        out.append(
            f'<line x1="{x(month):.1f}" x2="{x(month):.1f}" y1="{bottom}" y2="{bottom + 5}" '
            f'stroke="{ink}"/><text class="mbt-chart-month" x="{x(month):.1f}" '
            f'y="{bottom + 19}" '
            f'text-anchor="middle">{label}</text>'
        )
    heading = escape(inset_heading())
    out.append(f'<text class="mbt-chart-inset-heading" x="{left}" y="{top - 6}">{heading}</text>')
    out.append("</g>")
    return "".join(out)


def history_label(end: dt.date) -> str:
    return _("States by status, {start} to {end}", start=OPENED.year, end=end.year)


def history_heading(total: int) -> str:
    return _("States by status (of {total})", total=total)


def inset_label(start: dt.date, end: dt.date) -> str:
    return _(
        "States bound by the Convention, {start} to {end}",
        start=month_year(start, "wide"),
        end=month_year(end, "wide"),
    )


def inset_heading() -> str:
    return _("States bound by the Convention (zoom)")


def inset_ticks(start: dt.date, end: dt.date) -> list[dt.date]:
    """The inset's labelled months: each January and July from *start* to *end*."""
    months, month = [], dt.date(start.year, start.month, 1)
    while month <= end:
        if month >= start and month.month in (1, 7):
            months.append(month)
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months


def chart_texts(treaty: Treaty, end: dt.date) -> dict:
    """The words of :func:`history_svg` and :func:`history_inset_svg` in the current language,
    for the browser to put in the charts it has (their shapes are the same in every language):
    each chart's label and heading, the inset's month ticks in order. The same functions write
    them into the SVGs."""
    return {
        "labels": [history_label(end), inset_label(INSET_START, end)],
        "heading": history_heading(len(treaty.states())),
        "insetHeading": inset_heading(),
        "months": [month_year(month, "abbreviated") for month in inset_ticks(INSET_START, end)],
    }
