"""Expensive exports started from the app (GIF, MP4, the site) run here: made once per their
arguments, at most a few at a time per process, and dropped if every viewer who asked has left
(issue 16: expensive work cannot take the server down).

A job is keyed by its arguments; asking again for the same key joins the job (or takes its
result, kept while the results together stay under ``keep_bytes``). Workers take waiting jobs
in order and skip those whose sessions are all gone. The app's jobs draw in a child process
(``in_child``) at a lower priority, so that the server's threads keep the GIL and the CPU for
the viewers' reruns. Nothing here imports Streamlit but ``session_alive``.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

Make = Callable[[Callable[[int, int], None]], bytes]  # make(progress) -> the file's bytes


@dataclass(eq=False)
class Job:
    key: Hashable
    make: Make
    sessions: set[str] = field(default_factory=set)
    state: str = "waiting"  # waiting, running, done, failed, dropped
    done: int = 0
    total: int = 0
    result: bytes = b""
    error: str = ""
    finished: threading.Event = field(default_factory=threading.Event)

    def progress(self, done: int, total: int) -> None:
        self.done, self.total = done, total


def session_alive(session_id: str) -> bool:
    """Whether a Streamlit session is still connected (True outside a Streamlit server)."""
    from streamlit import runtime

    return not runtime.exists() or runtime.get_instance().is_active_session(session_id)


class JobQueue:
    """Jobs keyed by their arguments, run by *workers* threads (started on the first job)."""

    def __init__(
        self,
        workers: int = 1,
        alive: Callable[[str], bool] = session_alive,
        keep_bytes: int = 64_000_000,
    ):
        self.workers, self.alive, self.keep_bytes = workers, alive, keep_bytes
        self._lock = threading.Condition()
        self._jobs: OrderedDict[Hashable, Job] = OrderedDict()  # every live or kept job
        self._waiting: list[Job] = []
        self._threads: list[threading.Thread] = []
        self.runs = 0  # jobs made (for the tests: the same key twice is made once)

    def submit(self, key: Hashable, make: Make, session: str) -> Job:
        """The job for *key*: the one made or being made, or a new one queued for *session*."""
        with self._lock:
            job = self._jobs.get(key)
            if job is None or job.state in ("failed", "dropped"):
                job = Job(key, make)
                self._jobs[key] = job
                self._waiting.append(job)
                self._start_workers()
                self._lock.notify()
            job.sessions.add(session)
            self._jobs.move_to_end(key)
            return job

    def get(self, key: Hashable) -> Job | None:
        with self._lock:
            return self._jobs.get(key)

    def place(self, job: Job) -> int:
        """1 for the first waiting job, 2 for the next...; 0 if it is not waiting."""
        with self._lock:
            return self._waiting.index(job) + 1 if job in self._waiting else 0

    def _start_workers(self) -> None:
        while len(self._threads) < self.workers:
            thread = threading.Thread(target=self._work, name="export-worker", daemon=True)
            self._threads.append(thread)
            thread.start()

    def _next(self) -> Job:
        """The first waiting job someone still waits for; the others before it are dropped."""
        with self._lock:
            while True:
                while self._waiting:
                    job = self._waiting.pop(0)
                    if any(self.alive(s) for s in job.sessions):
                        job.state = "running"
                        return job
                    self._finish(job, "dropped")
                self._lock.wait()

    def _work(self) -> None:
        while True:
            job = self._next()
            try:
                self.runs += 1
                result, state, error = job.make(job.progress), "done", ""
            except Exception as exc:  # reported to the viewer; the worker goes on
                result, state, error = b"", "failed", f"{type(exc).__name__}: {exc}"
            with self._lock:
                job.result, job.error = result, error
                self._finish(job, state)

    def _finish(self, job: Job, state: str) -> None:
        """(With the lock.) The job's end; a dropped or failed one is forgotten, and the oldest
        results go while the kept ones weigh more than keep_bytes."""
        job.state = state
        job.finished.set()
        if state != "done" and self._jobs.get(job.key) is job:
            del self._jobs[job.key]
        kept = [j for j in self._jobs.values() if j.state == "done"]
        weight = sum(len(j.result) for j in kept)
        for old in kept[:-1]:  # the newest result is always kept
            if weight <= self.keep_bytes:
                break
            weight -= len(old.result)
            del self._jobs[old.key]


def in_child(function: Callable[..., bytes], *args) -> Make:
    """A job's *make* that runs ``function(*args, progress=...)`` in a new process at nice 10
    and passes its progress and result back (spawned: the server's threads are not forked)."""

    def make(progress: Callable[[int, int], None]) -> bytes:
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe(duplex=False)
        process = context.Process(target=_child, args=(theirs, function, args), daemon=True)
        process.start()
        theirs.close()
        try:
            while True:
                try:
                    kind, value = ours.recv()
                except EOFError:
                    raise RuntimeError(f"the export process ended ({process.exitcode})") from None
                if kind == "progress":
                    progress(*value)
                elif kind == "done":
                    return value
                else:
                    raise RuntimeError(value)
        finally:
            ours.close()
            process.join(5)
            if process.is_alive():
                process.kill()
                process.join()

    return make


def _child(pipe, function, args) -> None:
    os.nice(10)
    try:
        result = function(
            *args, progress=lambda done, total: pipe.send(("progress", (done, total)))
        )
        pipe.send(("done", result))
    except Exception as error:
        pipe.send(("error", f"{type(error).__name__}: {error}"))
    finally:
        pipe.close()


def _data():
    from geodata import load_treaty
    from geodata.geometry import load_geometry

    treaty = load_treaty()
    return treaty, load_geometry(units=treaty.units)


def animation_file(kind: str, start, end, view: str, lang: str, progress) -> bytes:
    """A GIF or MP4 of the belt's dates in *lang* (in the child: the data read there)."""
    from layers.export import gif_bytes, mp4_bytes

    make = gif_bytes if kind == "GIF" else mp4_bytes
    return make(*_data(), start, end, view, progress=progress, lang=lang)


def deck_file(tour_csv: bytes | None, lang: str, progress) -> bytes:
    """The deck of a tour (its file's bytes, validated again here; None: the built-in tour) in
    *lang* (layers/export/deck.py)."""
    from layers.export import deck_bytes
    from layers.tours import read_tour, tour_stops

    treaty, geometry = _data()
    if tour_csv is None:
        stops = tour_stops(treaty, lang=lang)
    else:
        stops = read_tour(tour_csv, "tour.csv", treaty).stops_in(lang)
    progress(0, 1)
    data = deck_bytes(treaty, geometry, stops, lang=lang)
    progress(1, 1)
    return data


def site_zip(day, view: str, today, progress) -> bytes:
    """The static site as a ZIP (layers/export/site.py)."""
    from layers.export import site_files, site_zip_bytes

    return site_zip_bytes(site_files(*_data(), day, view, today, progress=progress))
