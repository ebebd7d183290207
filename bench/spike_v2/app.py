"""Spike: the map as a components v2 element, or (MBT_SPIKE_MAP=v1) as today's v1 iframe.

    streamlit run bench/spike_v2/app.py            # v2
    MBT_SPIKE_MAP=v1 streamlit run bench/spike_v2/app.py

The same small page either way, so measure.py compares the two elements and nothing else: the
map, a heading that follows the date the map settles on, and a text field (for the keyboard
check; ``?keyguard=1`` turns on the v2 map's guard for keys typed in a field).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).absolute().parent.parent.parent))  # the project's root

import streamlit as st

from geodata import data_dir, load_treaty
from geodata.model import OPENED
from layers.params import parse_params
from layers.views import timeline_end

MAP_HEIGHT = 660
KIND = os.environ.get("MBT_SPIKE_MAP", "v2")
HERE = Path(__file__).absolute().parent

st.set_page_config(page_title="Mine Ban Treaty Map (spike)", layout="wide")


@st.cache_resource(show_spinner=False)
def load_map(today: dt.date):
    """The treaty, and the map element of the chosen kind (built once per input)."""
    treaty = load_treaty()
    if KIND == "v1":
        import streamlit.components.v1 as components

        from layers.web.pagefile import page_folder

        folder = page_folder(treaty, data_dir(), today, MAP_HEIGHT)
        return treaty, components.declare_component(f"map_{folder.name}", path=str(folder)), b""
    from bench.spike_v2.bundle import bundle_bytes

    js = (HERE / "loader.js").read_text()
    # isolate_styles=True (a shadow root) breaks the map: measure.py, shadow_probe.
    isolate = os.environ.get("MBT_SPIKE_ISOLATE") == "1"
    element = st.components.v2.component("mbt_map_v2", js=js, isolate_styles=isolate)
    return treaty, element, bundle_bytes(today, MAP_HEIGHT)


def follow_map(end: dt.date) -> None:
    """The map reported the date (and view) the user settled on: it becomes the page's."""
    state = st.session_state
    value = state.map.get("moment") if KIND == "v2" else state.map
    if isinstance(value, dict):
        shown = {k: v for k, v in value.items() if k not in ("seq", "linked")}
        moment = parse_params(shown, OPENED, end, state.day, state.view)
        state.day, state.view = moment.day, moment.view
        state.seq = value.get("seq", 0) if isinstance(value.get("seq"), int) else 0


today = dt.date.today()
treaty, treaty_map, bundle = load_map(today)
end = timeline_end(treaty, today)
if "day" not in st.session_state:
    opened = parse_params(st.query_params.to_dict(), OPENED, end, today)
    st.session_state.day, st.session_state.view = opened.day, opened.view
args = {
    "date": st.session_state.day.isoformat(),
    "view": st.session_state.view,
    "present": False,
    "seq": st.session_state.get("seq", 0),
    "height": MAP_HEIGHT,
    "keyguard": st.query_params.get("keyguard") == "1",
}
if KIND == "v1":
    treaty_map(**args, key="map", on_change=lambda: follow_map(end))
else:
    # The bundle (0.3 MB) goes with the session's first run only; Streamlit sends an element's
    # data with every rerun, so later runs send the arguments alone (loader.js).
    # (MBT_SPIKE_RESEND=1 sends it with every run, to measure what that would cost.)
    first = not st.session_state.get("bundle_sent") or os.environ.get("MBT_SPIKE_RESEND") == "1"
    data = json.dumps(args).encode() + b"\n" + bundle if first else args
    st.session_state.bundle_sent = True
    treaty_map(data=data, key="map", height="content", on_moment_change=lambda: follow_map(end))

st.markdown(f"#### Events around {st.session_state.day:%-d %B %Y}")
st.text_input("Find a name or code", key="search")
