"""Mine Ban Treaty Map: the Streamlit page, top to bottom.

load (cached) → the date and view (URL, then the map's reports) → map → panels → downloads.
The map owns playback in the browser; the date it settles on comes back here and is the page's.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import streamlit as st
import streamlit.components.v1 as components

from geodata import DataError, data_dir, load_treaty
from geodata.model import OPENED, Status
from geodata.report import event_rows, status_csv, status_rows, summary
from layers.pagefile import page_folder
from layers.params import parse_params
from layers.payload import timeline_end
from layers.style import STATUS_STYLE
from layers.text import escape_markdown

MAP_HEIGHT = 660
STATUS_COLUMNS_SHOWN = ("iso3", "name", "status", "status_from", "kind")
LABELS = {status: STATUS_STYLE[status].label for status in Status}

st.set_page_config(page_title="Mine Ban Treaty Map", page_icon="🗺️", layout="wide")


@st.cache_resource(show_spinner=False)
def load_map(today: dt.date):
    """The treaty data, and the map page registered as a component (built once per input)."""
    treaty = load_treaty()
    folder = page_folder(treaty, data_dir(), today, MAP_HEIGHT)
    return treaty, components.declare_component(f"treaty_map_{folder.name}", path=str(folder))


def follow_map(end: dt.date) -> None:
    """The map reported the date (and view) the user settled on: it becomes the page's."""
    value = st.session_state.get("map")
    if isinstance(value, dict):
        reported = parse_params(value, OPENED, end, st.session_state.day, st.session_state.view)
        st.session_state.day, st.session_state.view = reported.day, reported.view


today = dt.date.today()
try:
    treaty, treaty_map = load_map(today)
except DataError as error:
    st.error("The treaty data does not validate, so the map cannot be shown.")
    st.code("\n".join(str(p) for p in error.problems), language=None)
    st.stop()
end = timeline_end(treaty, today)

if "day" not in st.session_state:
    opened = parse_params(st.query_params.to_dict(), OPENED, end, today)
    st.session_state.day, st.session_state.view = opened.day, opened.view
    st.session_state.ignored = opened.ignored
day, view = st.session_state.day, st.session_state.view
st.query_params.from_dict({"date": day.isoformat(), "view": view})

st.markdown("### Mine Ban Treaty Map: the Ottawa Convention, 1997 to today")
for note in st.session_state.get("ignored", []):
    st.warning(f"Ignored {note}; showing {day} instead.", icon="⚠️")

treaty_map(
    date=day.isoformat(),
    view=view,
    height=MAP_HEIGHT,
    key="map",
    on_change=partial(follow_map, end),
)
st.markdown(escape_markdown(summary(treaty, day, LABELS)))

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
    rows = [
        r
        for r in status_rows(treaty, day)
        if (not chosen or r["status"] in chosen)
        and search.strip().lower() in (r["name"] + " " + r["iso3"]).lower()
    ]
    st.dataframe(rows, hide_index=True, height=250, column_order=STATUS_COLUMNS_SHOWN)
    st.download_button(
        f"Download statuses on {day} (CSV)",
        status_csv(treaty, day),
        file_name=f"mine-ban-treaty-status-{day}.csv",
        mime="text/csv",
    )
