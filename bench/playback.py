"""Benchmark of the map app in Debian's headless Chromium; the last line printed is one JSON object.

    python bench/playback.py [--steps 30] [--play-seconds 10] [--syncs 8]

Everything is measured side by side in one run on this machine (timings are noisy: read the
medians and the ratios):

- step_ms_p50/p95: paused, a key press on the date slider (PageDown/PageUp, event to event) to
  the map repainted, timed in the page from the key event to the second animation frame after
  the recolour.
- frame_ms_p95: interval between painted frames while playing (a new date is painted at most
  every PAINT_MS, layers/playback.py: 30 a second on a 60 Hz screen).
- play_cpu_cores: CPU the browser (all its processes) uses while playing, in cores (1.0 = one
  core busy): what each playing viewer costs a machine.
- reruns_during_play: websocket frames the page sent to the server during 10 s of play (every
  rerun starts with one).
- sync_ms_p95: from a pause to the panels showing the paused date.
- cold_start_s / bare_cold_start_s: server start to map painted, and to a one-line page
  (medians of --cold-starts runs, alternating). The map
  page is built once per version of data and code and kept on disk (layers/pagefile.py):
  cold_start_s is a restart that reuses it, cold_start_first_build_s the start that builds it.
- naive_step_ms_p50: the same map rebuilt by folium and re-sent with st_folium on each rerun.
- external_requests: requests to hosts other than loopback (the app's session).
- page_bytes: bytes received by the browser for the app page, the map frame included.
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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright

from bench.harness import (
    ROOT,
    RequestLog,
    SocketLog,
    browser_cpu_s,
    is_local,
    launch,
    map_frame,
    streamlit_server,
)
from layers.style import STATUS_STYLE

LEAFLET = ROOT / "layers" / "assets" / "leaflet"
COUNT_FILL = "c => [...document.querySelectorAll(`path[fill='${c}']`)].length"
STEP_PROBE = """() => {
  window.__steps = [];
  let pressed = null;
  document.addEventListener("keydown", e => { pressed = e.timeStamp; }, true);
  MBT.map.on("mbt:day", () => {
    if (pressed === null) return;
    const start = pressed; pressed = null;
    /* performance.now(), not the frame's timestamp: that is the frame's start, which can
       precede the key press and gave negative times. */
    const done = () => window.__steps.push(performance.now() - start);
    requestAnimationFrame(() => requestAnimationFrame(done));
  });
}"""


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def cold_start(playwright, script: str, ready) -> float:
    """Seconds from starting the server to *ready(page)* returning in a fresh browser page."""
    started = time.monotonic()
    with streamlit_server(script) as base:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(base)
        ready(page)
        elapsed = time.monotonic() - started
        browser.close()
    return elapsed


def bare_painted(page) -> None:
    page.get_by_text("Bare page ready").wait_for()


# The map's frame has the app's origin, so the page can look into it: polled on every animation
# frame in the page, as Playwright polls for the one-line page's text (a loop over frames from
# here would add its own round trips, tens of ms, to the map's time only).
MAP_PAINTED = """() => [...document.querySelectorAll("iframe")].some(f => {
  try {
    const w = f.contentWindow;
    return !!(w.MBT && w.MBT.ready) && w.document.querySelectorAll("path[data-iso3]").length > 200;
  } catch (error) { return false; }
})"""


def map_painted(page) -> None:
    page.wait_for_function(MAP_PAINTED, polling="raf", timeout=60000)


def measure_app(playwright, steps: int, play_seconds: float, syncs: int) -> dict:
    with streamlit_server("app.py") as base:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        requests, sockets = RequestLog(page), SocketLog(page)
        received = []
        page.on("requestfinished", lambda r: received.append(r.sizes()["responseBodySize"]))
        page.goto(f"{base}/?date=2025-03-01&view=eastern")
        frame = map_frame(page, on="2025-03-01")
        page.get_by_text("Events around 1 March 2025").wait_for()
        page.wait_for_timeout(1000)
        page_bytes = sum(received)

        frame.evaluate(STEP_PROBE)
        slider = frame.locator("[data-testid=date-slider]")
        slider.focus()
        for i in range(steps):
            slider.press("PageDown" if i % 2 == 0 else "PageUp")
            page.wait_for_timeout(60)
        page.wait_for_timeout(300)
        step_ms = frame.evaluate("window.__steps")

        frame.evaluate("MBT.setDay(MBT.data.start)")
        page.wait_for_timeout(1000)
        frame.get_by_label("Speed").select_option(label="1 year/s")
        sent_before = len(sockets.sent)
        frame.evaluate("MBT.stats.frameTimes = []")
        cpu_before, clock_before = browser_cpu_s(), time.monotonic()
        frame.evaluate("MBT.play()")
        page.wait_for_timeout(play_seconds * 1000)
        play_cpu = (browser_cpu_s() - cpu_before) / (time.monotonic() - clock_before)
        reruns = len(sockets.sent) - sent_before
        frame_ms = frame.evaluate("MBT.stats.frameTimes.slice(1)")
        frame.evaluate("MBT.pause()")

        sync_ms = []
        for _ in range(syncs):
            frame.evaluate("MBT.play()")
            page.wait_for_timeout(700)
            started = time.monotonic()
            frame.evaluate("MBT.pause()")
            day = dt.date.fromisoformat(frame.evaluate("MBT.isoDay(MBT.day)"))
            page.get_by_text(f"Events around {day:%-d %B %Y}").wait_for(timeout=10000)
            sync_ms.append((time.monotonic() - started) * 1000)
        external = requests.external()
        browser.close()
    return {
        "step_ms": step_ms,
        "frame_ms": frame_ms,
        "reruns_during_play": reruns,
        "play_cpu_cores": play_cpu,
        "sync_ms": sync_ms,
        "external": external,
        "page_bytes": page_bytes,
    }


def answer_cdn_locally(route) -> None:
    """The naive page asks folium's CDNs for Leaflet and friends: answer from local copies."""
    url = route.request.url
    if is_local(url):
        route.continue_()
    elif url.endswith(("leaflet.js", "leaflet.css")):
        route.fulfill(path=LEAFLET / url.rsplit("/", 1)[1])
    else:  # jQuery, Bootstrap, Font Awesome: not needed to draw the shapes
        kind = "text/css" if url.endswith(".css") else "text/javascript"
        route.fulfill(body="", content_type=kind)


def orange_paths(page) -> int:
    colour = STATUS_STYLE["withdrawal_announced"].colour
    total = 0
    for frame in page.frames:
        if "st_folium" in frame.url:
            try:
                total += frame.evaluate(COUNT_FILL, colour)
            except Exception:  # the frame is being replaced by the rerun
                return -1
    return total


def measure_naive(playwright, steps: int) -> list[float]:
    """Key press on the slider (2025-03-17 <-> 2025-03-18, Poland changes colour) to repaint."""
    with streamlit_server("bench/naive_app.py") as base:
        browser = launch(playwright)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.route("**/*", answer_cdn_locally)
        page = context.new_page()
        page.goto(base)
        slider = page.get_by_role("slider")
        slider.wait_for()
        deadline = time.monotonic() + 60  # the page opens on 2025-03-17: no orange yet
        while orange_paths(page) != 0 and time.monotonic() < deadline:
            page.wait_for_timeout(100)
        slider.focus()
        page.wait_for_timeout(4000)
        times = []
        for i in range(steps):
            want_orange = i % 2 == 0
            started = time.monotonic()
            slider.press("ArrowRight" if want_orange else "ArrowLeft")
            while time.monotonic() - started < 20:
                count = orange_paths(page)
                if count >= 0 and (count > 0) == want_orange:
                    break
                page.wait_for_timeout(5)
            times.append((time.monotonic() - started) * 1000)
            page.wait_for_timeout(300)
        browser.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--naive-steps", type=int, default=6)
    parser.add_argument("--play-seconds", type=float, default=10)
    parser.add_argument("--syncs", type=int, default=8)
    parser.add_argument("--cold-starts", type=int, default=3)
    args = parser.parse_args()
    with sync_playwright() as playwright:
        bares, colds = [], []
        with tempfile.TemporaryDirectory() as cache:
            os.environ["MINE_BAN_CACHE_DIR"] = cache  # an empty page cache: the page is built
            first = cold_start(playwright, "app.py", map_painted)
            for _ in range(args.cold_starts):  # alternate, so both see the same machine
                bares.append(cold_start(playwright, "bench/bare_app.py", bare_painted))
                colds.append(cold_start(playwright, "app.py", map_painted))  # page reused
        bare, cold = statistics.median(bares), statistics.median(colds)
        app = measure_app(playwright, args.steps, args.play_seconds, args.syncs)
        naive = measure_naive(playwright, args.naive_steps)
    step_p50 = statistics.median(app["step_ms"])
    result = {
        "step_ms_p50": round(step_p50, 1),
        "step_ms_p95": round(percentile(app["step_ms"], 95), 1),
        "frame_ms_p50": round(statistics.median(app["frame_ms"]), 1),
        "frame_ms_p95": round(percentile(app["frame_ms"], 95), 1),
        "frames_during_play": len(app["frame_ms"]),
        "play_cpu_cores": round(app["play_cpu_cores"], 2),
        "reruns_during_play": app["reruns_during_play"],
        "sync_ms_p50": round(statistics.median(app["sync_ms"]), 1),
        "sync_ms_p95": round(percentile(app["sync_ms"], 95), 1),
        "cold_start_s": round(cold, 2),
        "bare_cold_start_s": round(bare, 2),
        "cold_start_ratio": round(cold / bare, 2),
        "cold_start_first_build_s": round(first, 2),
        "naive_step_ms_p50": round(statistics.median(naive), 1),
        "naive_over_step_p50": round(statistics.median(naive) / step_p50, 1),
        "external_requests": len(app["external"]),
        "page_bytes": app["page_bytes"],
        "steps": len(app["step_ms"]),
        "naive_steps": len(naive),
    }
    if app["external"]:
        print("external requests:", *app["external"], sep="\n  ", file=sys.stderr)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
