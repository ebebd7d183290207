"""Mine Ban Treaty Map: the Streamlit page, top to bottom.

load (cached) → the date and view (URL, then the map's reports) → map → panels → downloads.
The map owns playback in the browser; the date it settles on comes back here and is the page's.
The page's helpers and its link with the map are in page_sections.py.
"""

from __future__ import annotations

import base64
import datetime as dt
from functools import partial

import streamlit as st

from geodata.belt import belt_pairs, measured, population
from geodata.model import OPENED
from layers.beltstats import belt_sentence, summary
from layers.export import (
    belt_csv_bytes,
    compare_png_bytes,
    csv_bytes,
    html_bytes,
    pdf_bytes,
    png_bytes,
    svg_bytes,
)
from layers.i18n import _, date_text
from layers.paths import asset
from layers.text import escape_markdown
from layers.views import BELT_END, BELT_START, VIEW_LABELS, timeline_end
from layers.web.payload import tour_payload
from page_sections import (
    MAP_HEIGHT,
    cached_geometry,
    caption,
    choose_country,
    compare_rows,
    download,
    events_and_table,
    follow_map,
    heading,
    info,
    load_map,
    map_image,
    offer_animation,
    offer_deck,
    offer_site,
    offer_tour,
    open_session,
    or_stop,
    reconnected,
    write_url,
)

PAGE_CSS = f"<style>{asset('page.css')}</style>"  # no fading during a rerun
PRESENTATION_CSS = f"<style>{asset('presentation.css')}</style>"  # the map fills the window
# The icon as a data URL: an emoji would compile Streamlit's emoji pattern (0.09 s of the first
# run, which the map waits for) and a Material icon is fetched from Google's font servers.
ICON = "data:image/svg+xml;base64," + base64.b64encode(asset("icon.svg").encode()).decode()
if "day" not in st.session_state:  # the browser keeps it; sent again, it redraws the icon
    st.set_page_config(page_title="Mine Ban Treaty Map", page_icon=ICON, layout="wide")

today = dt.date.today()
treaty, treaty_map = or_stop(load_map, today)
end = timeline_end(treaty, today)
first_run = open_session(end, today, treaty)
day, view, present = st.session_state.day, st.session_state.view, st.session_state.present
lang = st.session_state.lang  # every text below is in it (layers/i18n.py)
focus = st.session_state.focus  # the country whose card is open on the map, or None
tour = st.session_state.tour  # a presenter's own tour, or None: the built-in one
write_url(day, view, lang, present, focus)

# The map is sent first, so the browser starts loading it before anything else; the title and
# any notes are drawn above it in a container kept for them (cold start: see README).
header = st.container()
reported = treaty_map(
    date=day.isoformat(),
    view=view,
    lang=lang,
    focus=focus,
    tour=tour_payload(treaty, tour.stops_in(lang)) if tour else None,
    tourStart=st.session_state.tour_start,
    height=MAP_HEIGHT,
    present=present,
    seq=st.session_state.get("seq", 0),
    key="map",
    on_change=partial(follow_map, end, treaty.units),
)
if first_run:
    reconnected(reported, end, treaty.units)
with header:  # in presentation mode the map fills the window: no page chrome (Escape leaves)
    heading(PAGE_CSS + (PRESENTATION_CSS if present else ""), present)

# Below the map, only when it is not presenting and has been drawn: a session's first run sends
# the map alone (the panels, and the import of pandas for their tables, would share the
# browser's main thread and the server's with it); the map reports when it is drawn, and that
# rerun adds them (README, Benchmark: cold start).
panels = not present and st.session_state.get("map_drawn", False)
if not present and not panels:
    caption(_("The summary, events, table and downloads appear once the map is drawn."))
if panels:
    GEOMETRY = or_stop(cached_geometry, tuple(treaty.units))  # after the map, which has its own
    pairs = belt_pairs(treaty, day, measured(GEOMETRY.borders))
    belt = belt_sentence(treaty, pairs, population(GEOMETRY.countries))
    st.markdown(escape_markdown(f"{summary(treaty, day)} {belt}"))
    choose_country(treaty)
    events_and_table(treaty, day, focus)

if panels and st.toggle(_("Compare two dates"), key="compare"):
    before, after = st.columns(2)
    first = before.date_input(_("First date"), dt.date(2024, 12, 31), OPENED, end, key="first")
    second = after.date_input(_("Second date"), dt.date(2026, 2, 20), OPENED, end, key="second")
    before.image(map_image(treaty, GEOMETRY, first, view, lang), caption=date_text(first))
    after.image(map_image(treaty, GEOMETRY, second, view, lang), caption=date_text(second))
    st.dataframe(compare_rows(treaty, first, second), hide_index=True)
    pair = (treaty, GEOMETRY, first, second, view, lang)
    download(_("Both maps (PNG)"), f"{first}-{second}.png", compare_png_bytes, *pair)

# Folded, and drawn only when open: closed, a date change does not redraw its widgets
# (about 19 ms of the browser's 160 per date change).
exports = panels and st.expander(
    _("Take it with you: PNG, GIF or MP4, the map as one HTML file or a static site, CSV"),
    key="exports",
    on_change="rerun",
)
if exports and exports.open:
    with exports:
        image, animation, single = st.columns(3, gap="medium")
        with image:
            shown_view = _(VIEW_LABELS[view])
            caption(
                _(
                    "The map on {date} ({view}), with legend, caption, sources.",
                    date=date_text(day),
                    view=shown_view,
                )
            )
            size = st.selectbox(_("Size"), ["1920x1080", "2560x1440", "3840x2160"], key="png_size")
            width, height = (int(n) for n in size.split("x"))
            shown = (treaty, GEOMETRY, day, view, width, height, today, lang)
            download(f"PNG, {size}", f"{day}-{view}-{lang}.png", png_bytes, *shown)
            # The same picture as vectors: text as text, named groups (layers/picture/svg.py).
            download("SVG", f"{day}-{view}-{lang}.svg", svg_bytes, *shown)
            page = (treaty, GEOMETRY, day, view, "a4", today, lang)
            download(_("PDF, A4"), f"{day}-{view}-{lang}.pdf", pdf_bytes, *page)
        with animation:
            span = st.date_input(_("Dates"), (BELT_START, BELT_END), OPENED, end, key="span")
            kind = st.radio(_("Format"), ["GIF", "MP4"], horizontal=True, key="animation_kind")
            if len(span) == 2 and span[0] < span[1]:
                offer_animation(kind, *span, view)
            else:
                info(_("Pick a first and a last date."))
        with single:
            caption(_("One HTML file with the interactive map: opens with no server or network."))
            page_args = (treaty, GEOMETRY, day, view, today, lang)
            download(_("HTML map"), f"{day}-{lang}.html", html_bytes, *page_args)
            events_args = (treaty, day, "events", lang)
            download(_("All events (CSV)"), f"events-{lang}.csv", csv_bytes, *events_args)
            belt_args = (treaty, GEOMETRY, day)
            label = _("Belt on {date} (CSV)", date=day.isoformat())
            download(label, f"belt-{day}.csv", belt_csv_bytes, *belt_args)
            offer_deck(None)  # the built-in tour (your own: under "Your own tour")
        offer_site(day, view, today)

tours = panels and st.expander(_("Your own tour: a CSV file of stops, presented here"), key="tours",
                               on_change="rerun")  # fmt: skip
if tours and tours.open:
    with tours:
        offer_tour(treaty, end)
