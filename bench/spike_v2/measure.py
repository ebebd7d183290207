"""Measure the map as a v1 iframe (today) against the spike's v2 element; prints one JSON line.

    python bench/spike_v2/measure.py [--cold-starts 5] [--rounds 3] [--syncs 5]

Variants, each on a fresh server (headless Debian Chromium, bench.harness):

- ``app``: today's app.py (v1 iframe, the whole page: panels, tables, downloads);
- ``v1``: bench/spike_v2/app.py with today's v1 map: the map, a heading, a text field;
- ``v2``: the same small page with the map as a components v2 element (loader.js);
- ``v2_resend``: v2 sending the map's bundle with every rerun (what the page must not do).

Figures (medians; variants alternate run by run, as bench/playback.py does):

- cold_start_s: server start to the map's shapes drawn (MBT.ready, >200 paths).
- sync_ms p50/p95: MBT.pause() after 0.7 s of play to the heading "Events around <date>".
- session_kb: websocket bytes the browser receives from opening the page to the map drawn
  (v2: its code and data come this way; v1 fetches them over HTTP, not counted here).
- rerun_kb p50/max: websocket bytes received per date change (settle to heading, + 0.5 s).
- big_frames_after_load: websocket frames over 100 KB received after the first run (0: the
  map's bundle reached the browser once per session).
- v2_isolated: the v2 element with isolate_styles=True (its HTML in a shadow root): whether
  the map is drawn, and the errors the page reports.
- keys: "a b" typed into the page's st.text_input: what the field holds and whether the map
  started playing (Space is its play/pause key); v2 with and without ?keyguard=1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).absolute().parent.parent.parent))

from playwright.sync_api import sync_playwright

from bench.harness import launch, streamlit_server

SPIKE = "bench/spike_v2/app.py"
VARIANTS = {  # name: (script, server environment)
    "app": ("app.py", {}),
    "v1": (SPIKE, {"MBT_SPIKE_MAP": "v1"}),
    "v2": (SPIKE, {"MBT_SPIKE_MAP": "v2"}),
    "v2_resend": (SPIKE, {"MBT_SPIKE_MAP": "v2", "MBT_SPIKE_RESEND": "1"}),
}
COLD = ("app", "v1", "v2")
# The window the map runs in: the page itself (v2) or its same-origin iframe (v1), polled on
# every animation frame in the page.
MAP_WINDOW = """() => [window, ...[...document.querySelectorAll("iframe")].map(f => {
  try { return f.contentWindow; } catch (error) { return null; } })].find(w => {
  try {
    const shapes = w && w.document.querySelectorAll("path[data-iso3]").length;
    return !!(w && w.MBT && w.MBT.ready) && shapes > 200;
  } catch (error) { return false; }
}) || null"""
VIEWPORT = {"width": 1400, "height": 1000}
SHADOW_SHAPES = """() => {
  const host = document.querySelector("[data-testid=stBidiComponentIsolated]");
  return host && host.shadowRoot ? host.shadowRoot.querySelectorAll("path[data-iso3]").length : -1;
}"""


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


class Frames:
    """Sizes of the websocket frames the page receives, with the time each arrived."""

    def __init__(self, page):
        self.received: list[int] = []
        page.on("websocket", lambda ws: ws.on("framereceived", self._add))

    def _add(self, payload) -> None:
        self.received.append(len(payload.encode() if isinstance(payload, str) else payload))


def the_map(page):
    """The frame (v1) or page (v2) whose window runs the map, once it is drawn."""
    page.wait_for_function(MAP_WINDOW, polling="raf", timeout=60000)
    for frame in [page.main_frame, *page.frames]:
        try:
            if frame.evaluate("() => !!(window.MBT && MBT.ready)"):
                return frame
        except Exception:  # a frame being replaced
            continue
    raise RuntimeError("map window not found")


def cold_start(playwright, name: str) -> float:
    script, env = VARIANTS[name]
    started = time.monotonic()
    with streamlit_server(script, env=env) as base:
        browser = launch(playwright)
        page = browser.new_page(viewport=VIEWPORT)
        page.goto(base)
        page.wait_for_function(MAP_WINDOW, polling="raf", timeout=60000)
        elapsed = time.monotonic() - started
        browser.close()
    return elapsed


def heading(day: dt.date) -> str:
    return f"Events around {day:%-d %B %Y}"


def session(playwright, name: str, syncs: int) -> dict:
    """One browser session: load, *syncs* settles, then the keyboard check."""
    script, env = VARIANTS[name]
    with streamlit_server(script, env=env) as base:
        browser = launch(playwright)
        page = browser.new_page(viewport=VIEWPORT)
        frames = Frames(page)
        page.goto(f"{base}/?date=2025-03-01&view=eastern")
        host = the_map(page)
        page.get_by_text(heading(dt.date(2025, 3, 1))).wait_for()
        page.wait_for_timeout(800)
        loaded = len(frames.received)
        result = {"session_kb": sum(frames.received) / 1000, "sync_ms": [], "rerun_kb": []}
        for _ in range(syncs):
            host.evaluate("MBT.play()")
            page.wait_for_timeout(700)
            before = len(frames.received)
            started = time.monotonic()
            host.evaluate("MBT.pause()")
            day = dt.date.fromisoformat(host.evaluate("MBT.isoDay(MBT.day)"))
            page.get_by_text(heading(day)).wait_for(timeout=10000)
            result["sync_ms"].append((time.monotonic() - started) * 1000)
            page.wait_for_timeout(500)
            result["rerun_kb"].append(sum(frames.received[before:]) / 1000)
        result["big_frames_after_load"] = sum(1 for n in frames.received[loaded:] if n > 100_000)
        result["keys"] = typed_into_field(page, host)
        if name == "v2":
            page.goto(f"{base}/?date=2025-03-01&view=eastern&keyguard=1")
            result["keys_guarded"] = typed_into_field(page, the_map(page))
        browser.close()
    return result


def typed_into_field(page, host) -> dict:
    """Type "a b" into the page's text field: what it holds, and whether the map plays."""
    field = page.get_by_label("Find a name or code")
    field.wait_for()
    host.evaluate("MBT.pause()")
    field.click()
    page.keyboard.type("a b", delay=50)
    shown = {"field": field.input_value(), "map_playing": host.evaluate("MBT.isPlaying()")}
    host.evaluate("MBT.pause()")
    return shown


def shadow_probe(playwright) -> dict:
    """The v2 element in a shadow root (isolate_styles=True): drawn? which errors?"""
    env = {"MBT_SPIKE_MAP": "v2", "MBT_SPIKE_ISOLATE": "1"}
    with streamlit_server(SPIKE, env=env) as base:
        browser = launch(playwright)
        page = browser.new_page(viewport=VIEWPORT)
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)[:160]))
        page.on("console", lambda m: m.type == "error" and errors.append(m.text[:160]))
        page.goto(base)
        page.get_by_text("Events around").wait_for()
        page.wait_for_timeout(3000)
        shapes = page.evaluate(SHADOW_SHAPES)
        browser.close()
    return {"shapes_drawn": shapes, "errors": sorted(set(errors))}


def summary(runs: list[dict]) -> dict:
    syncs = [ms for run in runs for ms in run["sync_ms"]]
    reruns = [kb for run in runs for kb in run["rerun_kb"]]
    out = {
        "sync_ms_p50": round(statistics.median(syncs)),
        "sync_ms_p95": round(percentile(syncs, 95)),
        "syncs": len(syncs),
        "session_kb": round(statistics.median(run["session_kb"] for run in runs)),
        "rerun_kb_p50": round(statistics.median(reruns), 1),
        "rerun_kb_max": round(max(reruns), 1),
        "big_frames_after_load": sum(run["big_frames_after_load"] for run in runs),
        "keys": runs[0]["keys"],
    }
    if "keys_guarded" in runs[0]:
        out["keys_guarded"] = runs[0]["keys_guarded"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold-starts", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--syncs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache, sync_playwright() as playwright:
        os.environ["MINE_BAN_CACHE_DIR"] = cache
        for name in COLD:  # build each page once (v1 folder, v2 bundle), not counted
            cold_start(playwright, name)
        colds = {name: [] for name in COLD}
        for _ in range(args.cold_starts):
            for name in COLD:
                colds[name].append(cold_start(playwright, name))
        runs = {name: [] for name in VARIANTS}
        for _ in range(args.rounds):
            for name in VARIANTS:
                runs[name].append(session(playwright, name, args.syncs))
        isolated = shadow_probe(playwright)
    result = {
        name: {"cold_start_s": round(statistics.median(colds[name]), 2)} if name in colds else {}
        for name in VARIANTS
    }
    for name in VARIANTS:
        result[name] |= summary(runs[name])
    result["v2_isolated"] = isolated
    for name in COLD:
        result[name]["cold_starts_s"] = [round(s, 2) for s in colds[name]]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
