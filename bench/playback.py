"""Benchmark of the map app in Debian's headless Chromium; the last line printed is one JSON object.

    python bench/playback.py [--steps 30] [--jumps 24] [--naive-steps 24] [--play-seconds 10]
    python bench/playback.py --lang pl    # English and Polish side by side (issue 15)

Everything is measured side by side in one run on this machine (timings are noisy: read the
medians and the ratios). Each figure is timed in the page, on one clock, from the input to the
second animation frame after the change is drawn (the frame that drew it has been painted):

- step_ms_p50/p95: paused, a key press on the date slider (PageDown/PageUp, event to event:
  one unit or none changes colour) to the map repainted.
- jump_ms_p50/p95: on the world view, a key press that sets the day from 1998-06-01 to
  2026-02-20 and back (MBT.setDay from a key handler; at least jump_units_changed units change
  colour each time) to the map repainted.
- frame_ms_p95: interval between painted frames while playing (a new date is painted at most
  every PAINT_MS, layers/web/playback.py: 30 a second on a 60 Hz screen).
- play_cpu_cores: CPU the browser this benchmark launched (its process tree, from /proc) uses
  while playing, in cores (1.0 = one core busy): what each playing viewer costs a machine.
- reruns_during_play: websocket frames the page sent to the server during 10 s of play (every
  rerun starts with one).
- sync_ms_p50/p95: from a pause to the panels showing the paused date (a rerun).
- sync_step_ms_p50: MBT.setDay between 2025-03-17 and 2025-03-18 (Poland changes colour) to the
  panels showing the day: our server round trip.
- naive_step_ms_p50: the naive design (bench/naive_app.py: the map rebuilt by folium and
  re-sent with st_folium on every rerun of a Streamlit slider), a key press on its slider
  between the same two days to its map repainted: the naive server round trip, and also its
  only way to repaint the map. naive_repaint_ms_p50 is its browser's part: from the rerun's
  map arriving in the st_folium frame to the map repainted.
  Two comparisons: naive_over_sync (server round trip: naive step / our sync step) and
  naive_over_step (input to map repainted: naive step / our step).
- cold_start_s / bare_cold_start_s: server start to map painted, and to a one-line page
  (medians of --cold-starts runs, alternating). The map
  page is built once per version of data and code and kept on disk (layers/web/pagefile.py):
  cold_start_s is a restart that reuses it, cold_start_first_build_s the start that builds it.
- external_requests: requests to hosts other than loopback (the app's session).
- page_bytes: bytes received by the browser for the app page, the map frame included.

Before the JSON line, a table prints each figure beside its target.
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
    browser_pid,
    is_local,
    launch,
    map_frame,
    new_context,
    new_page,
    streamlit_server,
    wait_idle,
)
from layers.i18n import long_date, translator
from layers.style import STATUS_STYLE

LEAFLET = ROOT / "layers" / "assets" / "leaflet"
JUMP = ("1998-06-01", "2026-02-20")
SYNC_DAYS = ("2025-03-18", "2025-03-17")  # Poland: party, then withdrawal announced

# In the map's frame: every key press that moves the map is timed from the key event to the
# second animation frame after the map's day changed (the status layer recolours on that
# event), kept in __paints[key] with the number of units whose colour changed. "j" jumps.
PAINT_PROBE = """([jump]) => {
  window.__paints = {};
  const fills = () => {
    const seen = {};
    for (const p of document.querySelectorAll("path[data-iso3]")) {
      if (!(p.dataset.iso3 in seen)) seen[p.dataset.iso3] = p.getAttribute("fill");
    }
    return seen;
  };
  let before = fills(), pressed = null, key = null, next = 0;
  window.__snapshot = () => { before = fills(); };  /* after a change of view */
  document.addEventListener("keydown", e => { pressed = e.timeStamp; key = e.key; }, true);
  document.addEventListener("keydown", e => {
    if (e.key !== "j") return;
    MBT.setDay(MBT.parseDay(jump[next]));
    next = 1 - next;
  }, true);
  MBT.map.on("mbt:day", () => {
    if (pressed === null) return;
    const start = pressed, which = key; pressed = null;
    /* performance.now(), not the frame's timestamp: that is the frame's start, which can
       precede the key press and gave negative times. */
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const ms = performance.now() - start, after = fills();
      const changed = Object.keys(after).filter(k => after[k] !== before[k]).length;
      before = after;
      (window.__paints[which] = window.__paints[which] || []).push([ms, changed]);
    }));
  });
}"""

# In the app's page: call *action* on the map frame's MBT, then wait for a heading naming the
# day to appear (a MutationObserver, no polling), then two animation frames.
SYNC_PROBE = """async ([action, day, expected]) => {
  const frame = [...document.querySelectorAll("iframe")].find(f => {
    try { return !!f.contentWindow.MBT; } catch (error) { return false; }
  });
  const MBT = frame.contentWindow.MBT, start = performance.now();
  if (action === "pause") MBT.pause(); else MBT.setDay(MBT.parseDay(day));
  const heading = expected || "Events around " + new Date(MBT.isoDay(MBT.day) + "T00:00:00Z")
    .toLocaleDateString("en-GB", {day: "numeric", month: "long", year: "numeric", timeZone: "UTC"});
  const shown = () => [...document.querySelectorAll("h2, h3, h4")].some(
    h => h.textContent.trim().startsWith(heading));
  await new Promise((resolve, reject) => {
    if (shown()) return resolve();
    const watch = new MutationObserver(() => { if (shown()) { watch.disconnect(); resolve(); } });
    watch.observe(document.body, {subtree: true, childList: true, characterData: true});
    setTimeout(() => { watch.disconnect(); reject(new Error("no " + heading)); }, 15000);
  });
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return [MBT.isoDay(MBT.day), performance.now() - start];
}"""

# In the naive page: from the last key press to the st_folium map showing *orange* or not
# (polled on every animation frame), then two animation frames; and from the first map the
# st_folium frame received after the press (a components-v1 render message) to that moment.
NAIVE_PROBE = """async ([colour, orange]) => {
  const frames = () => [...document.querySelectorAll("iframe")]
    .filter(f => f.src.includes("st_folium"));
  const count = () => {
    let total = 0;
    for (const f of frames()) {
      const w = f.contentWindow;
      if (!w.__renders) {
        w.__renders = [];
        w.addEventListener("message", e => {
          if (e.data && e.data.type === "streamlit:render")
            w.__renders.push(w.performance.timeOrigin + e.timeStamp - performance.timeOrigin);
        });
      }
      total += w.document.querySelectorAll(`path[fill='${colour}']`).length;
    }
    return total;
  };
  const deadline = performance.now() + 20000;
  while (performance.now() < deadline) {
    let now = -1;
    try { now = count(); } catch (error) { /* the frame is being replaced */ }
    if (now >= 0 && (now > 0) === orange) break;
    await new Promise(r => requestAnimationFrame(r));
  }
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const end = performance.now(), pressed = window.__pressed;
  const render = frames().flatMap(f => f.contentWindow.__renders).find(t => t > pressed);
  return [end - pressed, render === undefined ? null : end - render];
}"""


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


LANG = ["en"]  # the language measured (--lang switches it for its second run)


def heading(day: dt.date) -> str:
    """The heading of the panels under the map for *day*, in the language measured."""
    gettext = translator(LANG[0])[0]
    return gettext("Events around {date}").replace("{date}", long_date(day, LANG[0]))


def cold_start(playwright, script: str, ready, query: str = "") -> float:
    """Seconds from starting the server to *ready(page)* returning in a fresh browser page."""
    started = time.monotonic()
    with streamlit_server(script) as base:
        browser = launch(playwright)
        page = new_page(browser)
        page.goto(base + query)
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


def paints(frame, key: str) -> list[list[float]]:
    return frame.evaluate("key => window.__paints[key] || []", key)


def measure_steps(page, frame, steps: int, jumps: int) -> dict:
    """Event steps (keys 60 ms apart, as a person pressing) and jumps (each followed by its rerun
    drawn, so that the next one is not timed against the page redrawing)."""
    frame.evaluate(PAINT_PROBE, [list(JUMP)])
    slider = frame.locator("[data-testid=date-slider]")
    slider.focus()
    for i in range(steps):
        slider.press("PageDown" if i % 2 == 0 else "PageUp")
        page.wait_for_timeout(60)
    frame.wait_for_function("n => (window.__paints.PageUp || []).length >= n", arg=steps // 2)
    step_ms = [ms for key in ("PageDown", "PageUp") for ms, _ in paints(frame, key)]
    # Jumps on the world view: the eastern flank's projection draws fewer than 100 units.
    frame.locator(".mbt-views button[data-view=world]").click()  # in any language
    page.wait_for_function("location.search.includes('view=world')")
    wait_idle(page)
    frame.evaluate(f"MBT.setDay(MBT.parseDay('{JUMP[1]}'))")  # the first jump goes back
    page.get_by_text(heading(dt.date.fromisoformat(JUMP[1]))).wait_for()
    wait_idle(page)
    frame.evaluate("window.__snapshot()")
    for i in range(jumps):
        slider.press("j")
        day = dt.date.fromisoformat(JUMP[i % 2])
        page.get_by_text(heading(day)).wait_for(timeout=15000)
        wait_idle(page)
    frame.wait_for_function("n => (window.__paints.j || []).length >= n", arg=jumps)
    jumped = paints(frame, "j")
    return {"step_ms": step_ms, "jump_ms": [ms for ms, _ in jumped], "jump_units": jumped}


def measure_play(page, frame, sockets, pid: int, play_seconds: float) -> dict:
    start = frame.evaluate("MBT.isoDay(MBT.data.start)")
    # Its rerun drawn, so not counted as play's (the heading in the language measured).
    page.evaluate(SYNC_PROBE, ["set", start, heading(dt.date.fromisoformat(start))])
    wait_idle(page)
    speed = translator(LANG[0])[0]("Speed")  # in the frame: no rerun
    frame.get_by_label(speed, exact=True).select_option(value="365")
    sent_before = len(sockets.sent)
    frame.evaluate("MBT.stats.frameTimes = []")
    cpu_before, clock_before = browser_cpu_s(pid), time.monotonic()
    frame.evaluate("MBT.play()")
    page.wait_for_timeout(play_seconds * 1000)
    play_cpu = (browser_cpu_s(pid) - cpu_before) / (time.monotonic() - clock_before)
    reruns = len(sockets.sent) - sent_before
    frame_ms = frame.evaluate("MBT.stats.frameTimes.slice(1)")
    return {"frame_ms": frame_ms, "reruns_during_play": reruns, "play_cpu_cores": play_cpu}


def measure_syncs(page, frame, syncs: int, sync_steps: int) -> dict:
    """Pause to panels (after 0.7 s of play), and a day set to panels, both timed in the page."""
    sync_ms = []
    frame.evaluate("MBT.pause()")
    wait_idle(page)
    for _ in range(syncs):
        frame.evaluate("MBT.play()")
        page.wait_for_timeout(700)
        sync_ms.append(page.evaluate(SYNC_PROBE, ["pause", None])[1])
        wait_idle(page)
    sync_step_ms = []
    for i in range(sync_steps):
        day, ms = page.evaluate(SYNC_PROBE, ["set", SYNC_DAYS[i % 2]])
        assert day == SYNC_DAYS[i % 2], day
        sync_step_ms.append(ms)
        wait_idle(page)
    return {"sync_ms": sync_ms, "sync_step_ms": sync_step_ms}


def measure_app(playwright, args, syncs: bool = True) -> dict:
    with streamlit_server("app.py") as base:
        browser = launch(playwright)
        pid = browser_pid()
        page = new_page(browser)
        if args.cpu_slowdown > 1:  # a mid-range phone: Chromium's CPU throttled N times
            cdp = page.context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": args.cpu_slowdown})
        requests, sockets = RequestLog(page), SocketLog(page)
        received, last = [], [time.monotonic()]
        page.on("request", lambda _: last.append(time.monotonic()))
        page.on("requestfinished", lambda r: received.append(r.sizes()["responseBodySize"]))
        page.on("requestfinished", lambda _: last.append(time.monotonic()))
        page.goto(f"{base}/?date=2025-03-01&view=eastern&lang={LANG[0]}")
        frame = map_frame(page, on="2025-03-01")
        page.get_by_text(heading(dt.date(2025, 3, 1))).wait_for()
        wait_idle(page)
        # Bytes counted once the network is quiet (no request begun or ended for 0.5 s, as
        # Playwright's "networkidle", which a page already loaded does not wait for again).
        deadline = time.monotonic() + 15
        while time.monotonic() - last[-1] < 0.5 and time.monotonic() < deadline:
            page.wait_for_timeout(50)
        page_bytes = sum(received)
        result = measure_steps(page, frame, args.steps, args.jumps)
        result |= measure_play(page, frame, sockets, pid, args.play_seconds)
        if syncs:  # its probe reads the English heading
            result |= measure_syncs(page, frame, args.syncs, args.naive_steps)
        result |= {"external": requests.external(), "page_bytes": page_bytes}
        browser.close()
    return result


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


def measure_naive(playwright, steps: int) -> dict:
    """Key press on the slider (2025-03-17 <-> 2025-03-18, Poland changes colour) to repaint."""
    orange = STATUS_STYLE["withdrawal_announced"].colour
    with streamlit_server("bench/naive_app.py") as base:
        browser = launch(playwright)
        context = new_context(browser)
        context.route("**/*", answer_cdn_locally)
        page = context.new_page()
        page.goto(base)
        slider = page.get_by_role("slider")
        slider.wait_for()
        page.evaluate(NAIVE_PROBE, [orange, False])  # the page opens on 2025-03-17: no orange
        wait_idle(page)
        page.evaluate("addEventListener('keydown', e => { window.__pressed = e.timeStamp; }, true)")
        slider.focus()
        times, repaints = [], []
        for i in range(steps):
            want_orange = i % 2 == 0
            slider.press("ArrowRight" if want_orange else "ArrowLeft")
            step, repaint = page.evaluate(NAIVE_PROBE, [orange, want_orange])
            times.append(step)
            if repaint is not None:
                repaints.append(repaint)
            wait_idle(page)
        browser.close()
    return {"naive_step_ms": times, "naive_repaint_ms": repaints}


def summary(app: dict, naive: dict, cold: float, bare: float, first: float) -> dict:
    med, p95 = statistics.median, lambda values: percentile(values, 95)
    step, sync_step, naive_step = (
        med(app["step_ms"]),
        med(app["sync_step_ms"]),
        med(naive["naive_step_ms"]),
    )
    changed = [units for _, units in app["jump_units"]]
    return {
        "step_ms_p50": round(step, 1),
        "step_ms_p95": round(p95(app["step_ms"]), 1),
        "jump_ms_p50": round(med(app["jump_ms"]), 1),
        "jump_ms_p95": round(p95(app["jump_ms"]), 1),
        "jump_units_changed": min(changed),
        "frame_ms_p50": round(med(app["frame_ms"]), 1),
        "frame_ms_p95": round(p95(app["frame_ms"]), 1),
        "frames_during_play": len(app["frame_ms"]),
        "play_cpu_cores": round(app["play_cpu_cores"], 2),
        "reruns_during_play": app["reruns_during_play"],
        "sync_ms_p50": round(med(app["sync_ms"]), 1),
        "sync_ms_p95": round(p95(app["sync_ms"]), 1),
        "sync_step_ms_p50": round(sync_step, 1),
        "sync_step_ms_p95": round(p95(app["sync_step_ms"]), 1),
        "naive_step_ms_p50": round(naive_step, 1),
        "naive_step_ms_p95": round(p95(naive["naive_step_ms"]), 1),
        "naive_repaint_ms_p50": (
            round(med(naive["naive_repaint_ms"]), 1) if naive["naive_repaint_ms"] else None
        ),
        "naive_over_sync": round(naive_step / sync_step, 1),
        "naive_over_step": round(naive_step / step, 1),
        "cold_start_s": round(cold, 2),
        "bare_cold_start_s": round(bare, 2),
        "cold_start_ratio": round(cold / bare, 2),
        "cold_start_first_build_s": round(first, 2),
        "external_requests": len(app["external"]),
        "page_bytes": app["page_bytes"],
        "steps": len(app["step_ms"]),
        "jumps": len(app["jump_ms"]),
        "syncs": len(app["sync_ms"]),
        "sync_steps": len(app["sync_step_ms"]),
        "naive_steps": len(naive["naive_step_ms"]),
    }


# (label, figure, target as text, met?)
TARGETS = [
    ("step, key to map repainted, p95 (ms)", "step_ms_p95", "<= 50", lambda v: v <= 50),
    ("jump 1998-06-01 <-> 2026-02-20, p95 (ms)", "jump_ms_p95", "<= 50", lambda v: v <= 50),
    ("units recoloured by each jump (fewest)", "jump_units_changed", ">= 100", lambda v: v >= 100),
    ("server round trip: naive step / our sync", "naive_over_sync", ">= 10x", lambda v: v >= 10),
    ("repaint: naive step / our step", "naive_over_step", ">= 10x", lambda v: v >= 10),
    ("cold start / one-line page", "cold_start_ratio", "<= 1.5x", lambda v: v <= 1.5),
    ("reruns during play", "reruns_during_play", "0", lambda v: v == 0),
    ("requests to other hosts", "external_requests", "0", lambda v: v == 0),
]


def print_report(result: dict) -> None:
    """Each figure beside its target, then the pairs compared; the JSON line comes after."""
    met = {}
    for label, key, target, check in TARGETS:
        met[key] = check(result[key])
        print(f"{label:<44} {result[key]:>9} target {target:<7} {'ok' if met[key] else 'MISSED'}")
    pairs = [
        ("server round trip (ms, p50)", "naive_step_ms_p50", "sync_step_ms_p50"),
        ("input to map repainted (ms, p50)", "naive_step_ms_p50", "step_ms_p50"),
        ("browser repaint only (ms, p50)", "naive_repaint_ms_p50", "step_ms_p50"),
    ]
    for label, naive, ours in pairs:
        if result[naive] is not None:
            ratio = result[naive] / result[ours]
            print(f"{label:<34} naive {result[naive]:>7} ours {result[ours]:>6} ({ratio:.1f}x)")
    result["targets_met"] = met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--jumps", type=int, default=24)
    parser.add_argument("--naive-steps", type=int, default=24)
    parser.add_argument("--play-seconds", type=float, default=10)
    parser.add_argument("--syncs", type=int, default=8)
    parser.add_argument("--cold-starts", type=int, default=3)
    parser.add_argument(
        "--cpu-slowdown",
        type=float,
        default=1,
        help="throttle the app's browser N times (DevTools' Emulation.setCPUThrottlingRate) and "
        "measure only its steps, jumps, frames and syncs (targets at 4x: step p95 <= 100 ms, "
        "frames p95 <= 50 ms)",
    )
    parser.add_argument(
        "--lang",
        default=None,
        help="measure English and this language side by side (cold start, steps, jumps, "
        "frames; issue 15: unchanged within noise)",
    )
    args = parser.parse_args()
    if args.lang:
        languages(args)
        return
    if args.cpu_slowdown > 1:
        throttled(args)
        return
    with sync_playwright() as playwright:
        bares, colds = [], []
        with tempfile.TemporaryDirectory() as cache:
            os.environ["MINE_BAN_CACHE_DIR"] = cache  # an empty page cache: the page is built
            first = cold_start(playwright, "app.py", map_painted)
            for _ in range(args.cold_starts):  # alternate, so both see the same machine
                bares.append(cold_start(playwright, "bench/bare_app.py", bare_painted))
                colds.append(cold_start(playwright, "app.py", map_painted))  # page reused
            app = measure_app(playwright, args)
        naive = measure_naive(playwright, args.naive_steps)
    result = summary(app, naive, statistics.median(colds), statistics.median(bares), first)
    if app["external"]:
        print("external requests:", *app["external"], sep="\n  ", file=sys.stderr)
    print_report(result)
    print(json.dumps(result))


def languages(args) -> None:
    """English and *args.lang* side by side: cold starts alternating, then each one's steps,
    jumps and frames; medians and ratios (lang / English)."""
    with sync_playwright() as playwright:
        colds: dict[str, list[float]] = {"en": [], args.lang: []}
        for _ in range(args.cold_starts):
            for lang in colds:
                query = f"/?date=2025-03-01&view=world&lang={lang}"  # MAP_PAINTED: 200+ units
                colds[lang].append(cold_start(playwright, "app.py", map_painted, query))
        runs = {}
        for lang in colds:
            LANG[0] = lang
            runs[lang] = measure_app(playwright, args, syncs=False)
        LANG[0] = "en"
    p95 = lambda values: round(percentile(values, 95), 1)  # noqa: E731
    result = {}
    for lang, run in runs.items():
        result[lang] = {
            "cold_start_s": round(statistics.median(colds[lang]), 2),
            "step_ms_p50": round(statistics.median(run["step_ms"]), 1),
            "step_ms_p95": p95(run["step_ms"]),
            "jump_ms_p95": p95(run["jump_ms"]),
            "frame_ms_p95": p95(run["frame_ms"]),
            "page_bytes": run["page_bytes"],
            "external": len(run["external"]),
        }
    other, english = result[args.lang], result["en"]
    result["ratio"] = {k: round(other[k] / english[k], 2) for k in english if english[k]}
    for lang in result:
        print(f"{lang:6}", "  ".join(f"{k}={v}" for k, v in result[lang].items()))
    print(json.dumps(result))


def throttled(args) -> None:
    """The map's own figures with the browser's CPU slowed down (no cold starts, no naive app)."""
    with sync_playwright() as playwright:
        app = measure_app(playwright, args)
    p95 = lambda values: round(percentile(values, 95), 1)  # noqa: E731
    result = {
        "cpu_slowdown": args.cpu_slowdown,
        "step_ms_p50": round(statistics.median(app["step_ms"]), 1),
        "step_ms_p95": p95(app["step_ms"]),
        "jump_ms_p95": p95(app["jump_ms"]),
        "frame_ms_p95": p95(app["frame_ms"]),
        "sync_ms_p95": p95(app["sync_ms"]),
        "reruns_during_play": app["reruns_during_play"],
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
