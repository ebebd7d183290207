"""Capacity of one Streamlit process, measured at the protocol level; the last line is JSON.

    python bench/capacity.py [--ladder 10,25,50,75,100] [--seconds 45] [--think 1-5]

No browser: each session is a bench.protocol.Viewer that does what a viewer's browser does
over the websocket. It opens the page at ?date=&view= (the first rerun, then the map's report
that it is drawn), then until the round ends repeats: wait a think time, then jump to a random
date (55 %), step a few days to a month (35 %) or open/close the comparison (10 %). sync_ms is
from sending a settled date to receiving the panel heading for it ("Events around <date>").
errors: a rerun that failed, showed an error or the wrong date, or took over 15 s.

For each number of concurrent sessions N in --ladder (sessions opened over --ramp s), one round
on one server; the ladder stops at the first N whose sync p95 is over 300 ms or that has any
error. Then three rounds at the largest N that held check for a leak: the server's memory after
the sessions close should come back within 10 % of where it was after the first.

Figures: CPU per rerun (the server's CPU time in the round over its reruns), memory per session
(the server's peak resident memory in the round over the one before it, per session), and after
close (disconnected sessions are kept server.disconnectedSessionTTL, 120 s by default, for a
reconnect: the bench sets 2 s and then measures). The generator runs on the same cores: its own
CPU and the lag of its event loop are printed, so a slow generator is not read as a slow server,
and so is the CPU every other process used meanwhile (other_processes_cores: on a shared
machine a round with other work running measures that work as much as the server).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import rss_mb, streamlit_server
from bench.protocol import Viewer, cpu_s

FIRST, DAYS = dt.date(1998, 1, 1), 10500  # dates a viewer jumps to: 1998 to mid-2026
TTL_S = 2  # server.disconnectedSessionTTL for the bench
P95_MS, LEAK = 300, 0.10


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


class Tally:
    def __init__(self):
        self.syncs: list[float] = []
        self.opens: list[float] = []
        self.compares: list[float] = []
        self.errors: list[str] = []
        self.reruns = 0


async def one_viewer(base: str, seconds: float, think, rng: random.Random, tally: Tally) -> None:
    """One session: open, then act and think until *seconds* have passed."""
    day = FIRST + dt.timedelta(days=rng.randrange(DAYS))
    started = time.perf_counter()
    session = None
    try:
        async with Viewer.open(base, day.isoformat(), "eastern") as session:
            tally.opens.append((time.perf_counter() - started) * 1000)
            deadline = started + seconds
            while time.perf_counter() + think[0] < deadline:
                await asyncio.sleep(rng.uniform(*think))
                action = rng.random()
                try:
                    if action < 0.55:
                        day = FIRST + dt.timedelta(days=rng.randrange(DAYS))
                        tally.syncs.append(await session.report(day))
                    elif action < 0.90:
                        day = day + dt.timedelta(days=rng.randint(1, 31))
                        tally.syncs.append(await session.report(day))
                    else:
                        tally.compares.append(await session.toggle_compare())
                except (TimeoutError, RuntimeError) as error:
                    tally.errors.append(f"{type(error).__name__}: {error}"[:300])
                    if session.socket.close_code is not None:
                        return
    except Exception as error:  # the session could not open, or its connection dropped
        tally.errors.append(f"session: {type(error).__name__}: {error}"[:300])
    finally:
        tally.reruns += session.reruns if session else 0


async def loop_lag(stop: asyncio.Event, lags: list[float]) -> None:
    """How late the generator's event loop wakes from a 50 ms sleep (ms)."""
    while not stop.is_set():
        before = time.perf_counter()
        await asyncio.sleep(0.05)
        lags.append((time.perf_counter() - before - 0.05) * 1000)


async def settle_memory(base: str, pid: int) -> float:
    """The server's resident memory once the closed sessions have expired (MB)."""
    await asyncio.sleep(TTL_S + 1)
    async with Viewer.open(base, "2025-07-01"):  # a disconnect evicts the expired sessions
        pass
    await asyncio.sleep(2)
    return rss_mb(pid)


def machine_busy_s() -> float:
    """CPU seconds every process on the machine has used so far (/proc/stat, all cores)."""
    fields = [int(f) for f in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def generator_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def round_(base: str, pid: int, n: int, args, rng: random.Random) -> dict:
    """N sessions at once for args.seconds; the figures of the round."""
    tally, lags, peak = Tally(), [], []
    stop = asyncio.Event()

    async def sample() -> None:
        while not stop.is_set():
            peak.append(rss_mb(pid))
            await asyncio.sleep(0.5)

    rss_before, cpu_before, gen_before = rss_mb(pid), cpu_s(pid), generator_cpu_s()
    machine_before = machine_busy_s()
    started = time.perf_counter()
    watchers = [asyncio.create_task(sample()), asyncio.create_task(loop_lag(stop, lags))]

    async def later(i: int, seed: random.Random):
        await asyncio.sleep(args.ramp * i / n)
        await one_viewer(base, args.seconds, args.think, seed, tally)

    await asyncio.gather(*(later(i, random.Random(rng.random())) for i in range(n)))
    stop.set()
    await asyncio.gather(*watchers)
    wall = time.perf_counter() - started
    server_cpu, gen_cpu = cpu_s(pid) - cpu_before, generator_cpu_s() - gen_before
    others = machine_busy_s() - machine_before - server_cpu - gen_cpu
    rss_after = await settle_memory(base, pid)
    for error in tally.errors[:5]:
        print(f"  n={n}: {error}", file=sys.stderr)
    r1 = lambda v: None if v is None else round(v, 1)  # noqa: E731
    return {
        "n": n,
        "syncs": len(tally.syncs),
        "errors": len(tally.errors),
        "sync_ms_p50": r1(percentile(tally.syncs, 50)),
        "sync_ms_p95": r1(percentile(tally.syncs, 95)),
        "sync_ms_max": r1(max(tally.syncs, default=None)),
        "open_ms_p95": r1(percentile(tally.opens, 95)),
        "compare_ms_p95": r1(percentile(tally.compares, 95)),
        "reruns": tally.reruns,
        "reruns_per_s": r1(tally.reruns / wall),
        "cpu_ms_per_rerun": r1(server_cpu / max(tally.reruns, 1) * 1000),
        "server_cores": round(server_cpu / wall, 2),
        "generator_cores": round(gen_cpu / wall, 2),
        "generator_lag_ms_p95": r1(percentile(lags, 95)),
        # Other processes on the same cores (a shared machine): read the figures with it.
        "other_processes_cores": round(others / wall, 2),
        "rss_mb_before": r1(rss_before),
        "rss_mb_peak": r1(max(peak, default=rss_before)),
        "mb_per_session": round((max(peak, default=rss_before) - rss_before) / n, 2),
        "rss_mb_after_close": r1(rss_after),
    }


def held(level: dict) -> bool:
    return level["errors"] == 0 and (level["sync_ms_p95"] or 1e9) <= P95_MS


async def run(args) -> dict:
    env = {"STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": str(TTL_S)}
    rng = random.Random(20261201)
    with streamlit_server(env=env) as base:
        async with Viewer.open(base, "2025-07-01") as warm:  # imports, caches: one visit
            await warm.toggle_compare()
        rss_start = await settle_memory(base, base.pid)
        levels, best = [], None
        for n in args.ladder:
            level = await round_(base, base.pid, n, args, rng)
            print(json.dumps(level), file=sys.stderr)
            levels.append(level)
            if not held(level):
                break
            best = n
        leak = None
        if best and args.leak_rounds:
            rounds = []
            for _ in range(args.leak_rounds):
                rounds.append(await round_(base, base.pid, best, args, rng))
                print(json.dumps(rounds[-1]), file=sys.stderr)
            after = [r["rss_mb_after_close"] for r in rounds]
            leak = {
                "n": best,
                "rss_mb_after_close": after,
                "growth": round(after[-1] / after[0] - 1, 3),
                "within_10_percent": after[-1] <= after[0] * (1 + LEAK),
                "sync_ms_p95": [r["sync_ms_p95"] for r in rounds],
                "errors": [r["errors"] for r in rounds],
            }
    return {
        "largest_n": best,
        "think_s": args.think,
        "seconds": args.seconds,
        "ramp_s": args.ramp,
        "rss_mb_start": round(rss_start, 1),
        "levels": levels,
        "leak": leak,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ladder", default="10,25,50,75,100,150")
    parser.add_argument("--seconds", type=float, default=45, help="length of a round")
    parser.add_argument("--ramp", type=float, default=10, help="sessions open over this long")
    parser.add_argument("--think", default="1-5", help="seconds between a viewer's actions")
    parser.add_argument("--leak-rounds", type=int, default=3)
    args = parser.parse_args()
    args.ladder = [int(n) for n in args.ladder.split(",")]
    args.think = [float(s) for s in args.think.split("-")]
    print(json.dumps(asyncio.run(run(args))))


if __name__ == "__main__":
    main()
