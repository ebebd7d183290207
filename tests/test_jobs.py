"""The export queue (jobs.py): a few at a time, the same arguments made once, a closed
session's work dropped, places reported. No browser, no server."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import threading
import time

import pytest

from jobs import JobQueue, in_child

TIMEOUT = 5


def blocked(release: threading.Event, running: list, peak: list, data=b"made"):
    """A job that counts how many run at once and waits for *release*."""
    lock = threading.Lock()

    def make(progress):
        with lock:
            running.append(1)
            peak[0] = max(peak[0], len(running))
        progress(1, 2)
        assert release.wait(TIMEOUT)
        with lock:
            running.pop()
        progress(2, 2)
        return data

    return make


def wait_until(condition) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_at_most_two_run_at_once_and_the_others_wait_in_order():
    queue, release, running, peak = (
        JobQueue(workers=2, alive=lambda s: True),
        threading.Event(),
        [],
        [0],
    )
    jobs = [queue.submit(n, blocked(release, running, peak), f"s{n}") for n in range(5)]
    wait_until(lambda: len(running) == 2)
    time.sleep(0.1)  # a third worker would have started by now
    assert len(running) == 2
    assert [queue.place(job) for job in jobs] == [0, 0, 1, 2, 3]
    assert [job.state for job in jobs] == ["running"] * 2 + ["waiting"] * 3
    release.set()
    for job in jobs:
        assert job.finished.wait(TIMEOUT)
    assert peak[0] == 2 and queue.runs == 5
    assert all(job.state == "done" and job.result == b"made" for job in jobs)
    assert (jobs[0].done, jobs[0].total) == (2, 2)


def test_the_same_arguments_twice_are_made_once():
    queue, release, running, peak = JobQueue(alive=lambda s: True), threading.Event(), [], [0]
    first = queue.submit(
        ("GIF", "2025-03-01", "2026-03-01", "eastern"), blocked(release, running, peak), "a"
    )
    second = queue.submit(
        ("GIF", "2025-03-01", "2026-03-01", "eastern"), blocked(release, running, peak), "b"
    )
    assert first is second and first.sessions == {"a", "b"}
    release.set()
    assert first.finished.wait(TIMEOUT)
    later = queue.submit(
        ("GIF", "2025-03-01", "2026-03-01", "eastern"), blocked(release, running, peak), "c"
    )
    assert later is first and later.result == b"made"  # kept: given at once
    assert queue.runs == 1


def test_a_job_whose_viewers_all_left_is_dropped_and_can_be_asked_again():
    gone: set[str] = set()
    queue = JobQueue(alive=lambda s: s not in gone)
    release, running, peak = threading.Event(), [], [0]
    first = queue.submit("first", blocked(release, running, peak), "stays")
    wait_until(lambda: first.state == "running")
    called = []
    left = queue.submit("left", lambda progress: called.append(1) or b"x", "leaves")
    shared = queue.submit("shared", lambda progress: b"y", "leaves")
    queue.submit("shared", lambda progress: b"y", "stays")  # another viewer wants it too
    assert queue.place(left) == 1 and queue.place(shared) == 2
    gone.add("leaves")
    release.set()
    assert left.finished.wait(TIMEOUT) and shared.finished.wait(TIMEOUT)
    assert left.state == "dropped" and called == []
    assert shared.state == "done" and shared.result == b"y"
    assert queue.get("left") is None  # forgotten: asked again, it is queued anew
    gone.clear()
    again = queue.submit("left", lambda progress: b"z", "leaves")
    assert again.finished.wait(TIMEOUT) and again.result == b"z"


def test_a_failure_is_reported_and_not_kept_and_old_results_give_way():
    queue = JobQueue(alive=lambda s: True, keep_bytes=10)

    def fail(progress):
        raise RuntimeError("no ffmpeg")

    failed = queue.submit("mp4", fail, "a")
    assert failed.finished.wait(TIMEOUT)
    assert failed.state == "failed" and failed.error == "RuntimeError: no ffmpeg"
    assert queue.get("mp4") is None
    for name in ("one", "two"):
        assert queue.submit(name, lambda progress: b"12345678", "a").finished.wait(TIMEOUT)
    assert queue.get("one") is None and queue.get("two").result == b"12345678"


def drawn_in_child(text: str, progress) -> bytes:
    progress(1, 1)
    if not text:
        raise ValueError("nothing to draw")
    return f"{text} from {os.getpid()}".encode()


def test_a_job_made_in_a_child_process_reports_progress_and_errors():
    queue = JobQueue(alive=lambda s: True)
    job = queue.submit("child", in_child(drawn_in_child, "map"), "a")
    assert job.finished.wait(60) and job.state == "done", job.error
    assert job.result.startswith(b"map from ") and job.result != f"map from {os.getpid()}".encode()
    assert (job.done, job.total) == (1, 1)
    failed = queue.submit("fails", in_child(drawn_in_child, ""), "a")
    assert failed.finished.wait(60) and failed.error == "RuntimeError: ValueError: nothing to draw"


@pytest.mark.slow
def test_five_animation_exports_at_once_leave_other_viewers_answered(monkeypatch):
    """Five sessions ask for five GIFs at once (protocol level, bench/protocol.py) while three
    others keep changing the date: the GIFs are made one at a time and every date change is
    answered, p95 within the sync target (300 ms)."""
    from bench import protocol
    from bench.harness import streamlit_server

    monkeypatch.setattr(
        protocol, "TIMEOUT_S", 120
    )  # an exporter's rerun lasts until its GIF is made
    # The panels' heading as page_sections.py draws it now (h2; bench/protocol.py still waits
    # for the h4 it had).
    monkeypatch.setattr(protocol, "heading", lambda day: f"## Events around {day:%-d %B %Y}")
    with streamlit_server() as base:
        exported, waits = asyncio.run(_exports_and_viewers(base, protocol))
    assert exported == [True] * 5
    waits.sort()
    p95 = waits[int(0.95 * (len(waits) - 1))]
    print(f"date changes during the exports: {len(waits)}, p50 {waits[len(waits) // 2]:.0f} ms, "
          f"p95 {p95:.0f} ms, max {waits[-1]:.0f} ms")  # fmt: skip
    assert len(waits) >= 20 and p95 <= 300, waits


class _Tap:
    """A viewer's websocket that also notes the ids of expanders (blocks, which the protocol
    viewer does not read)."""

    def __init__(self, socket, ids: dict[str, str]):
        self.socket, self.ids = socket, ids

    async def send(self, message) -> None:
        await self.socket.send(message)

    async def __aiter__(self):
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        async for raw in self.socket:
            msg = ForwardMsg.FromString(raw)
            if msg.WhichOneof("type") == "delta" and msg.delta.WhichOneof("type") == "add_block":
                block = msg.delta.add_block
                if block.WhichOneof("type") == "expandable" and block.expandable.id:
                    self.ids[block.expandable.id.split("-", 2)[2]] = block.expandable.id
            yield raw


async def _export(base, protocol, start: dt.date, ready: asyncio.Barrier) -> bool:
    """A viewer who opens the export section, picks three weeks from *start* and, once every
    viewer is ready, asks for the GIF; True if it was offered."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    async with protocol.Viewer.open(base, "2026-02-20", "eastern") as viewer:
        viewer.socket = _Tap(viewer.socket, viewer.ids)
        await viewer.report(dt.date(2026, 2, 20))  # the folded section, with its id
        extra = {"exports": WidgetState(id=viewer.ids["exports"], bool_value=True)}
        states = viewer._states
        viewer._states = lambda: states() + list(extra.values())
        await viewer.rerun(until=None)  # the section opened: its widgets' ids
        span = [start.isoformat(), (start + dt.timedelta(days=21)).isoformat()]
        extra["span"] = WidgetState(id=viewer.ids["span"])
        extra["span"].string_array_value.data.extend(span)
        extra["make"] = WidgetState(id=viewer.ids["make:animation"], trigger_value=True)
        await ready.wait()
        run = await viewer.rerun(until=None)  # returns when its GIF is offered
        return "download-job:animation" in run.widgets


async def _watch(base, protocol, ready, done: asyncio.Event, waits: list, offset: int) -> None:
    """A viewer who changes the date every 0.3 s while the exports run."""
    async with protocol.Viewer.open(base, "2025-07-01", "eastern") as viewer:
        await ready.wait()
        step = 0
        while not done.is_set():
            step += 1
            waits.append(await viewer.report(dt.date(2025, 7, 1) + dt.timedelta(offset + step)))
            await asyncio.sleep(0.3)


async def _exports_and_viewers(base, protocol):
    waits: list[float] = []
    ready, done = asyncio.Barrier(8), asyncio.Event()
    async with protocol.Viewer.open(base, "2025-07-01", "eastern"):
        pass  # the server warmed up: data loaded, panels' modules imported
    watchers = [
        asyncio.create_task(_watch(base, protocol, ready, done, waits, 40 * n)) for n in range(3)
    ]
    starts = [dt.date(2025, 9, 1) + dt.timedelta(days=7 * n) for n in range(5)]
    exported = await asyncio.gather(*(_export(base, protocol, s, ready) for s in starts))
    done.set()
    await asyncio.gather(*watchers)
    return list(exported), waits
