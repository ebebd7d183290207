"""Load: concurrent browser sessions scrubbing and playing; the last line printed is JSON.

    python bench/load.py [--sessions 10] [--seconds 60] [--rounds 3]

Each round opens --sessions pages at once in Debian's headless Chromium (one context each, on
loopback), and each page for --seconds repeats: jump to a random date, step through events,
or play for two seconds and pause; after each it waits for the panels to show the settled date
(sync_ms). Then the pages close. The server's resident memory is sampled all along.
errors counts failed page loads, page errors and syncs slower than 15 s.

sync_ms is timed in the browser, on one clock: from the moment the map settles (the call that
pauses, steps or sets the day returns) to the moment a MutationObserver sees the panel heading
name that day. Polling from here instead (Playwright's text locator re-searches the page on every
animation frame) adds its own CPU load to ten pages and the delay of the round trip.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import random
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.async_api import async_playwright

from bench.harness import CHROMIUM, CHROMIUM_ARGS, new_async_context, rss_mb, streamlit_server


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def map_frame(page, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for frame in page.frames:
            if "/component/" in frame.url:
                try:
                    if await frame.evaluate("() => !!(window.MBT && MBT.ready)"):
                        return frame
                except Exception:  # frame still loading
                    pass
        await asyncio.sleep(0.1)
    raise TimeoutError("map not ready")


SHOWN_AT = """([heading, timeout]) => new Promise((resolve) => {
  const shown = () => [...document.querySelectorAll("h4")].some((h) => h.textContent === heading);
  if (shown()) return resolve(Date.now());
  const watch = new MutationObserver(() => {
    if (shown()) { watch.disconnect(); resolve(Date.now()); }
  });
  watch.observe(document.body, {subtree: true, childList: true, characterData: true});
  setTimeout(() => { watch.disconnect(); resolve(null); }, timeout);
})"""


async def settle(page, frame, syncs: list[float], settled_at: float) -> None:
    """Wait until the panels show the date the map settled on (at *settled_at*, ms since epoch)."""
    day = dt.date.fromisoformat(await frame.evaluate("MBT.isoDay(MBT.day)"))
    heading = f"Events around {day:%-d %B %Y}"
    shown_at = await page.evaluate(SHOWN_AT, [heading, 15000])
    if shown_at is None:
        shown = await page.evaluate(
            "[...document.querySelectorAll('h4')].map((h) => h.textContent).join(' | ')"
        )
        now = await frame.evaluate("MBT.isoDay(MBT.day) + (MBT.isPlaying() ? ' playing' : '')")
        raise TimeoutError(
            f"the panels did not show {day} within 15 s: they show {shown!r}, "
            f"the map {now}, the URL {page.url.split('?')[-1]}"
        )
    syncs.append(shown_at - settled_at)


async def session(browser, base: str, seconds: float, rng: random.Random, syncs, errors):
    context = await new_async_context(browser, viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    try:
        start = dt.date(1998, 1, 1) + dt.timedelta(days=rng.randrange(10000))
        await page.goto(f"{base}/?date={start}&view={rng.choice(['world', 'europe', 'eastern'])}")
        frame = await map_frame(page)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            action = rng.random()
            if action < 0.45:
                target = dt.date(1998, 1, 1) + dt.timedelta(days=rng.randrange(10500))
                settled_at = await frame.evaluate(
                    f"MBT.setDay(MBT.parseDay('{target}')), Date.now()"
                )
            elif action < 0.75:
                for _ in range(3):
                    await frame.evaluate("MBT.step(1)")
                # Setting the day it is on settles it: the app hears of it now, as after
                # a pause (the test hooks have no separate "report").
                settled_at = await frame.evaluate("MBT.setDay(MBT.day), Date.now()")
            else:
                await frame.evaluate("MBT.play()")
                await asyncio.sleep(2)
                settled_at = await frame.evaluate("MBT.pause(), Date.now()")
            try:
                await settle(page, frame, syncs, settled_at)
            except Exception as error:
                errors.append(f"sync: {error}"[:400])
            await asyncio.sleep(rng.uniform(0.2, 1.0))
    except Exception as error:
        errors.append(f"session: {error}"[:200])
    finally:
        await context.close()


async def run(args) -> dict:
    samples: list[float] = []
    syncs: list[float] = []
    errors: list[str] = []
    after_round: list[float] = []
    with streamlit_server() as base:
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                samples.append(rss_mb(base.pid))
                time.sleep(0.5)

        async with async_playwright() as playwright:
            launch = playwright.chromium.launch
            browser = await launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            # One visit, so the start figure includes the app loaded.
            warm = await new_async_context(browser)
            page = await warm.new_page()
            await page.goto(base)
            await map_frame(page)
            await warm.close()
            await asyncio.sleep(2)
            start = rss_mb(base.pid)
            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            rng = random.Random(20261123)
            for _ in range(args.rounds):
                seeds = [random.Random(rng.random()) for _ in range(args.sessions)]
                await asyncio.gather(
                    *(session(browser, base, args.seconds, seed, syncs, errors) for seed in seeds)
                )
                await asyncio.sleep(5)  # let the server drop the closed sessions
                after_round.append(rss_mb(base.pid))
            await browser.close()
        stop.set()
    for error in errors[:20]:
        print(error, file=sys.stderr)
    return {
        "sessions": args.sessions * args.rounds,
        "concurrent": args.sessions,
        "rounds": args.rounds,
        "seconds": args.seconds,
        "errors": len(errors),
        "syncs": len(syncs),
        "sync_ms_p50": round(statistics.median(syncs), 1) if syncs else None,
        "sync_ms_p95": round(percentile(syncs, 95), 1) if syncs else None,
        "rss_mb_start": round(start, 1),
        "rss_mb_peak": round(max([*samples, start]), 1),
        "rss_mb_after_round": [round(r, 1) for r in after_round],
        "rss_mb_end": round(after_round[-1], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    print(json.dumps(asyncio.run(run(parser.parse_args()))))


if __name__ == "__main__":
    main()
