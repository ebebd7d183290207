"""Soak: one process, sessions opening and closing throughout; the last line printed is JSON.

    python bench/soak.py [--minutes 10] [--sessions 20] [--think 1-5]

Keeps about --sessions protocol-level viewers (bench.protocol) on one server for --minutes;
each lives 20-90 s (opening the page, changing dates, now and then the comparison) and is
replaced by a new one when it closes. The server's resident memory and open file descriptors
are sampled every 10 s; start (after one visit) and end (after the last sessions closed and
expired; the bench sets server.disconnectedSessionTTL to 2 s) are what to compare.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.capacity import TTL_S, Tally, one_viewer, percentile, settle_memory
from bench.harness import rss_mb, streamlit_server
from bench.protocol import Viewer, open_fds


async def keep(base: str, deadline: float, think, rng: random.Random, tally: Tally) -> int:
    """One slot: viewer after viewer until *deadline*; how many sessions it opened."""
    opened = 0
    while time.monotonic() < deadline - 5:
        lifetime = min(rng.uniform(20, 90), deadline - time.monotonic())
        await one_viewer(base, lifetime, think, random.Random(rng.random()), tally)
        opened += 1
    return opened


async def run(args) -> dict:
    env = {"STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": str(TTL_S)}
    with streamlit_server(env=env) as base:
        async with Viewer.open(base, "2025-07-01") as warm:
            await warm.toggle_compare()
        rss_start = await settle_memory(base, base.pid)
        fds_start = open_fds(base.pid)
        samples: list[tuple[float, float, int]] = []
        started = time.monotonic()
        deadline = started + args.minutes * 60
        stop = asyncio.Event()

        async def sample() -> None:
            while not stop.is_set():
                samples.append((time.monotonic() - started, rss_mb(base.pid), open_fds(base.pid)))
                await asyncio.sleep(10)

        sampler = asyncio.create_task(sample())
        tally, rng = Tally(), random.Random(20261201)

        async def slot(i: int) -> int:
            await asyncio.sleep(10 * i / args.sessions)  # spread the first opens over 10 s
            return await keep(base, deadline, args.think, random.Random(rng.random()), tally)

        opened = await asyncio.gather(*(slot(i) for i in range(args.sessions)))
        stop.set()
        await sampler
        rss_end = await settle_memory(base, base.pid)
        fds_end = open_fds(base.pid)
    for error in tally.errors[:10]:
        print(error, file=sys.stderr)
    return {
        "minutes": args.minutes,
        "concurrent": args.sessions,
        "sessions_opened": sum(opened),
        "syncs": len(tally.syncs),
        "errors": len(tally.errors),
        "sync_ms_p50": round(statistics.median(tally.syncs), 1) if tally.syncs else None,
        "sync_ms_p95": round(percentile(tally.syncs, 95), 1) if tally.syncs else None,
        "rss_mb_start": round(rss_start, 1),
        "rss_mb_peak": round(max(s[1] for s in samples), 1) if samples else None,
        "rss_mb_end": round(rss_end, 1),
        "fds_start": fds_start,
        "fds_peak": max(s[2] for s in samples) if samples else None,
        "fds_end": fds_end,
        "samples": [[round(t), round(m, 1), f] for t, m, f in samples],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--sessions", type=int, default=20, help="viewers at any one time")
    parser.add_argument("--think", default="1-5", help="seconds between a viewer's actions")
    args = parser.parse_args()
    args.think = [float(s) for s in args.think.split("-")]
    print(json.dumps(asyncio.run(run(args))))


if __name__ == "__main__":
    main()
