"""Mine Ban Treaty Map: the Streamlit page, top to bottom.

load (cached) → the date and view (URL, then the map's reports) → map → panels → downloads.
The map owns playback in the browser; the date it settles on comes back here and is the page's.
"""

from __future__ import annotations

import base64
import datetime as dt
from functools import partial

import streamlit as st
import streamlit.components.v1 as components

from geodata import DataError, data_dir, load_treaty
from geodata.belt import belt_pairs, measured, population
from geodata.geometry import Geometry, load_geometry
from geodata.model import OPENED, Status
from geodata.report import differences, event_rows, status_rows, summary
from layers.beltstats import belt_sentence
from layers.export import (
    belt_csv_bytes,
    compare_png_bytes,
    csv_bytes,
    gif_bytes,
    html_bytes,
    mp4_bytes,
    png_bytes,
)
from layers.params import parse_params
from layers.paths import asset
from layers.style import STATUS_STYLE
from layers.text import escape_markdown
from layers.views import BELT_END, BELT_START, VIEW_LABELS, timeline_end
from layers.web.pagefile import page_folder

MAP_HEIGHT = 660
PAGE_CSS = f"<style>{asset('page.css')}</style>"  # no fading during a rerun
PRESENTATION_CSS = f"<style>{asset('presentation.css')}</style>"  # the map fills the window
STATUS_COLUMNS_SHOWN = ("iso3", "name", "status", "status_from", "kind")
LABELS = {status: STATUS_STYLE[status].label for status in Status}

# The icon as a data URL: an emoji would compile Streamlit's emoji pattern (0.09 s of the first
# run, which the map waits for) and a Material icon is fetched from Google's font servers.
ICON = "data:image/svg+xml;base64," + base64.b64encode(asset("icon.svg").encode()).decode()
if "day" not in st.session_state:  # the browser keeps it; sent again, it redraws the icon
    st.set_page_config(page_title="Mine Ban Treaty Map", page_icon=ICON, layout="wide")


@st.cache_resource(show_spinner=False)
def load_map(today: dt.date):
    """The treaty data, and the map page registered as a component (built once per input)."""
    treaty = load_treaty()
    folder = page_folder(treaty, data_dir(), today, MAP_HEIGHT)
    return treaty, components.declare_component(f"treaty_map_{folder.name}", path=str(folder))


@st.cache_resource(show_spinner=False)
def cached_geometry(units) -> Geometry:
    return load_geometry(data_dir(), units)


@st.cache_data(show_spinner=False, max_entries=16)
def map_image(_treaty, _geometry, day: dt.date, view: str) -> bytes:
    return png_bytes(_treaty, _geometry, day, view, 960, 540)


def or_stop(load, *args):
    """What *load* returns, or (the data does not validate) an error page listing every problem."""
    try:
        return load(*args)
    except DataError as error:
        st.error(
            "The data (tables or boundary layers) does not validate, so the map cannot be shown."
        )
        st.code("\n".join(str(p) for p in error.problems), language=None)
        st.stop()


def link_to(day: str, view: str, present) -> dict:
    """The URL's parameters for a moment (the map writes the same, playback.js.j2)."""
    return {"date": day, "view": view} | ({"present": "1"} if present is True else {})


def follow_map(end: dt.date) -> None:
    """The map reported the date (and view) the user settled on: it becomes the page's."""
    value = st.session_state.get("map")
    if isinstance(value, dict):
        state = st.session_state
        shown = {k: v for k, v in value.items() if k not in ("seq", "linked")}
        reported = parse_params(shown, OPENED, end, state.day, state.view, state.present)
        state.day, state.view, state.present = reported.day, reported.view, reported.present
        state.seq = value.get("seq", 0) if isinstance(value.get("seq"), int) else 0
        if value.get("linked") is True:  # the map wrote the page's URL itself (playback.js.j2)
            date, view = str(value.get("date")), str(value.get("view"))
            state.url = link_to(date, view, value.get("present"))
        state.map_drawn = True  # the map reports once when it is drawn, then on every settle


def download(label: str, name: str, make, *args) -> None:
    """A download button whose file is made when it is clicked (on its own thread)."""
    st.download_button(
        f"Download {label}",
        partial(make, *args),
        file_name=f"mine-ban-treaty-{name}",
        on_click="ignore",
        key=f"download:{name}",
    )


def offer_animation(kind: str, make, treaty, geometry, start, end, view) -> None:
    """Make a GIF or MP4 with a progress bar, then offer it (the latest one is kept)."""
    key = (kind, start, end, view)
    if st.button(f"Make {kind}, {start} to {end}", key="make_animation"):
        bar = st.progress(0.0, text="Drawing frames…")

        def tick(done: int, total: int) -> None:
            bar.progress(done / total, f"Frame {done} of {total}")

        st.session_state.animation = (key, make(treaty, geometry, start, end, view, progress=tick))
    made, data = st.session_state.get("animation", (None, b""))
    if made == key:
        st.download_button(
            f"Download {kind} ({len(data) / 1e6:.1f} MB)",
            data,
            on_click="ignore",
            file_name=f"mine-ban-treaty-{start}-{end}-{view}.{kind.lower()}",
        )


def follow_toggle() -> None:
    st.session_state.present = st.session_state.present_toggle


today = dt.date.today()
treaty, treaty_map = or_stop(load_map, today)
end = timeline_end(treaty, today)

if "day" not in st.session_state:
    opened = parse_params(st.query_params.to_dict(), OPENED, end, today)
    st.session_state.day, st.session_state.view = opened.day, opened.view
    st.session_state.present, st.session_state.ignored = opened.present, opened.ignored
day, view, present = st.session_state.day, st.session_state.view, st.session_state.present
link = link_to(day.isoformat(), view, present)
# What the browser's URL shows: the URL it opened, then what the app or the map wrote (the map
# writes it when it reports; Streamlit would still send the URL it knew last).
if st.session_state.get("url", st.query_params.to_dict()) != link:
    st.query_params.from_dict(link)  # a message, a history entry and a re-render of the page
    st.session_state.url = link

# The map is sent first, so the browser starts loading it before anything else; the title and
# any warnings are drawn above it in a container kept for them (cold start: see README).
header = st.container()
treaty_map(
    date=day.isoformat(),
    view=view,
    height=MAP_HEIGHT,
    present=present,
    seq=st.session_state.get("seq", 0),
    key="map",
    on_change=partial(follow_map, end),
)
with header:
    # In presentation mode the map fills the window: no page chrome, no panels (Escape leaves).
    st.html(PAGE_CSS + (PRESENTATION_CSS if present else ""))
    if not present:
        title, toggle = st.columns([5, 1], vertical_alignment="bottom")
        title.markdown("### Mine Ban Treaty Map: the Ottawa Convention, 1997 to today")
        toggle.toggle(
            "Presentation mode", key="present_toggle", value=False, on_change=follow_toggle
        )
    for note in st.session_state.get("ignored", []):
        st.warning(escape_markdown(f"Ignored {note}."), icon=":material/warning:")
if present:
    st.stop()
if not st.session_state.get("map_drawn"):
    # A session's first run sends the map alone: the panels (and the import of pandas for their
    # tables) would share the browser's main thread and the server's with it. The map reports
    # when it is drawn, and that rerun adds them (README, Benchmark: cold start).
    st.caption("The summary, events, table and downloads appear once the map is drawn.")
    st.stop()
GEOMETRY = or_stop(cached_geometry, tuple(treaty.units))  # after the map, which has its shapes
pairs = belt_pairs(treaty, day, measured(GEOMETRY.borders))
belt = belt_sentence(treaty, pairs, population(GEOMETRY.countries))
st.markdown(escape_markdown(f"{summary(treaty, day, LABELS)} {belt}"))

events, table = st.columns([1, 1], gap="medium")
with events:
    st.markdown(f"#### Events around {day:%-d %B %Y}")
    st.dataframe(
        event_rows(treaty, day),
        hide_index=True,
        column_order=("date", "iso3", "event", "source"),
        height=390,
    )
with table:
    st.markdown(f"#### Every map unit on {day:%-d %B %Y}")
    chosen = st.multiselect("Statuses", list(Status), format_func=LABELS.get, placeholder="All")
    search = st.text_input("Find a name or code", max_chars=60)
    rows = [  # only the columns shown: with the sources it is 89 KB a date, not 18 (CSV has them)
        {k: r[k] for k in STATUS_COLUMNS_SHOWN}
        for r in status_rows(treaty, day)
        if (not chosen or r["status"] in chosen)
        and search.strip().lower() in (r["name"] + " " + r["iso3"]).lower()
    ]
    st.dataframe(rows, hide_index=True, height=250, column_order=STATUS_COLUMNS_SHOWN)
    download(f"Statuses on {day} (CSV)", f"status-{day}.csv", csv_bytes, treaty, day)

if st.toggle("Compare two dates", key="compare"):
    before, after = st.columns(2)
    first = before.date_input("First date", dt.date(2024, 12, 31), OPENED, end, key="first")
    second = after.date_input("Second date", dt.date(2026, 2, 20), OPENED, end, key="second")
    before.image(map_image(treaty, GEOMETRY, first, view), caption=f"{first}")
    after.image(map_image(treaty, GEOMETRY, second, view), caption=f"{second}")
    st.dataframe(differences(treaty, first, second), hide_index=True)
    download(
        "Both maps (PNG)",
        f"{first}-{second}.png",
        compare_png_bytes,
        treaty,
        GEOMETRY,
        first,
        second,
        view,
    )

# Folded, and drawn only when open: closed, a date change does not redraw its widgets
# (about 19 ms of the browser's 160 per date change).
exports = st.expander(
    "Take it with you: PNG, GIF or MP4, the map as one HTML file, CSV",
    key="exports",
    on_change="rerun",
)
if not exports.open:
    st.stop()
with exports:
    image, animation, single = st.columns(3, gap="medium")
    with image:
        st.caption(f"The map on {day} ({VIEW_LABELS[view]}), with legend, caption and sources.")
        size = st.selectbox("Size", ["1920x1080", "2560x1440", "3840x2160"], key="png_size")
        width, height = (int(n) for n in size.split("x"))
        download(
            f"PNG, {size}",
            f"{day}-{view}.png",
            png_bytes,
            treaty,
            GEOMETRY,
            day,
            view,
            width,
            height,
            today,
        )
    with animation:
        span = st.date_input("Dates", (BELT_START, BELT_END), OPENED, end, key="span")
        kind = st.radio("Format", ["GIF", "MP4"], horizontal=True, key="animation_kind")
        if len(span) == 2 and span[0] < span[1]:
            make = gif_bytes if kind == "GIF" else mp4_bytes
            offer_animation(kind, make, treaty, GEOMETRY, *span, view)
        else:
            st.info("Pick a first and a last date.")
    with single:
        st.caption("One HTML file with the interactive map: opens with no server and no network.")
        download("HTML map", f"{day}.html", html_bytes, treaty, GEOMETRY, day, view, today)
        download("All events (CSV)", "events.csv", csv_bytes, treaty, day, "events")
        download(f"Belt on {day} (CSV)", f"belt-{day}.csv", belt_csv_bytes, treaty, GEOMETRY, day)
