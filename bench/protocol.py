"""A viewer of the map spoken at Streamlit's websocket level, with no browser in the way.

What a browser sends was read off Chromium's websocket frames (Playwright ``framesent``,
decoded as ``BackMsg``): every rerun is a ``rerun_script`` whose ``widget_states`` carry every
widget the page has drawn; the map component (key ``"map"``) reports a settled date as a
``json_value``, the JSON text ``{"date", "view", "present", "seq", "linked"}``; toggles are
``bool_value``. A widget's id (``$$ID-<hash>-<key>``) is read from the element the server sent.
The server's answer is the rerun's ``ForwardMsg`` deltas; the panels have arrived when the
markdown ``## Events around <date>`` has (page_sections.py).

    async with Viewer.open(base, "2025-07-01", "eastern") as viewer:
        ms = await viewer.report(dt.date(2025, 12, 27))   # date sent -> panel heading received
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect

TIMEOUT_S = 15  # a rerun not finished by then is an error (bench/load.py uses the same)


class ProtocolError(RuntimeError):
    """The server answered with an error, the wrong panels, or not in time."""


def heading(day: dt.date) -> str:
    """The panel heading under the map for *day* (app.py)."""
    return f"## Events around {day:%-d %B %Y}"


@dataclass
class Run:
    """What one rerun sent back: the markdown bodies, widget ids by key, and timings (s)."""

    markdown: list[str] = field(default_factory=list)
    widgets: dict[str, str] = field(default_factory=dict)
    heading_at: float | None = None
    finished_at: float | None = None
    exceptions: list[str] = field(default_factory=list)
    bytes: int = 0


class Viewer:
    """One browser tab's session, over one websocket to ``/_stcore/stream``."""

    def __init__(self, socket, base: str, query: str):
        self.socket = socket
        self.base = base
        self.query = query
        self.ids: dict[str, str] = {}  # widget key -> id, as the server named them
        self.page_hash = ""
        self.seq = 0
        self.view = "eastern"
        self.compare = False
        self.reruns = 0
        self.day: dt.date | None = None
        self._map_value = ""  # the JSON text the map last reported

    @classmethod
    @contextlib.asynccontextmanager
    async def open(cls, base: str, day: str, view: str = "eastern"):
        """Open the page at ``?date=DAY&view=VIEW`` and report the map drawn (two reruns, as a
        browser does: the first run sends the map alone, its report adds the panels)."""
        url = base.replace("http", "ws", 1) + "/_stcore/stream"
        async with connect(url, subprotocols=["streamlit"], max_size=None, open_timeout=10) as ws:
            viewer = cls(ws, base, f"date={day}&view={view}")
            viewer.view = view
            await viewer.rerun(until=None)
            await viewer.report(dt.date.fromisoformat(day))
            yield viewer

    def _states(self) -> list[WidgetState]:
        states = []
        if "map" in self.ids:
            states.append(WidgetState(id=self.ids["map"], json_value=self._map_value))
        for key, value in (("present_toggle", False), ("compare", self.compare)):
            if key in self.ids:
                states.append(WidgetState(id=self.ids[key], bool_value=value))
        return states

    async def rerun(self, until: str | None) -> Run:
        """Send a rerun with the current widget states; read its answer to the end."""
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query
        state.widget_states.widgets.extend(self._states())
        state.page_script_hash = self.page_hash
        info = state.context_info
        info.timezone, info.locale, info.url = "UTC", "en-US", self.base + "/"
        info.color_scheme = "light"
        self.reruns += 1
        sent = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        run = await asyncio.wait_for(self._read_run(until), TIMEOUT_S)
        self.ids.update(run.widgets)
        if run.exceptions:
            raise ProtocolError(f"the page showed an error: {run.exceptions[0][:200]}")
        if until and run.heading_at is None:
            shown = [m for m in run.markdown if m.startswith("#### Events")]
            raise ProtocolError(f"expected {until!r}, the panels showed {shown}")
        run.heading_at = run.heading_at and run.heading_at - sent
        run.finished_at = run.finished_at - sent
        return run

    async def _read_run(self, until: str | None) -> Run:
        run = Run()
        async for raw in self.socket:
            msg = ForwardMsg.FromString(raw)
            run.bytes += len(raw)
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = msg.new_session.page_script_hash
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                name = element.WhichOneof("type")
                if name == "markdown":
                    run.markdown.append(element.markdown.body)
                    if element.markdown.body == until and run.heading_at is None:
                        run.heading_at = time.perf_counter()
                elif name == "exception":
                    run.exceptions.append(element.exception.message)
                elif name is not None:
                    widget_id = getattr(getattr(element, name), "id", "")
                    if isinstance(widget_id, str) and widget_id.startswith("$$ID-"):
                        run.widgets[widget_id.split("-", 2)[2]] = widget_id
            elif kind == "script_finished":
                run.finished_at = time.perf_counter()
                return run
        raise ProtocolError("the server closed the connection")

    async def report(self, day: dt.date) -> float:
        """The map settled on *day*: send it; ms until the panel heading for it arrived."""
        self.seq += 1
        self._map_value = json.dumps(
            {
                "date": day.isoformat(),
                "view": self.view,
                "present": False,
                "seq": self.seq,
                "linked": True,
            },
            separators=(",", ":"),
        )
        run = await self.rerun(until=heading(day))
        self.day = day
        return run.heading_at * 1000

    async def toggle_compare(self) -> float:
        """Open or close "Compare two dates"; ms until the rerun finished."""
        self.compare = not self.compare
        run = await self.rerun(until=heading(self.day))
        return run.finished_at * 1000


def cpu_s(pid: int) -> float:
    """CPU seconds (user + system, every thread) used so far by a process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def open_fds(pid: int) -> int:
    """File descriptors a process holds open."""
    return len(os.listdir(f"/proc/{pid}/fd"))
