"""Run the app and drive it in Debian's headless Chromium: shared by browser tests and benchmarks.

Chromium is Debian's ``/usr/bin/chromium`` (never a downloaded browser), started with the flags
that keep it off the network by itself. Every context and page is made by ``new_context`` or
``new_page``, which turn on the map's test hooks (``window.MBT``) in every frame.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server(str):
    """The server's base URL, with its process id as ``.pid``."""

    pid: int = 0
    log = None  # the server's stderr, a file


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB (from /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _stat(pid: int | str) -> list[str]:
    """The fields of /proc/PID/stat after the program's name (which may hold spaces): index 0 is
    field 3 of proc(5), the state; 1 the parent's pid; 11-14 utime, stime, cutime, cstime."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def _processes() -> dict[int, list[str]]:
    """Every running process: pid -> its stat fields (see _stat)."""
    table = {}
    for entry in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError, IndexError):  # the process ended meanwhile
            table[int(entry.name)] = _stat(entry.name)
    return table


def _descendants(root: int, table: dict[int, list[str]]) -> set[int]:
    children: dict[int, list[int]] = {}
    for pid, fields in table.items():
        children.setdefault(int(fields[1]), []).append(pid)
    found, todo = set(), [root]
    while todo:
        pid = todo.pop()
        found.add(pid)
        todo.extend(children.get(pid, []))
    return found


def _is_chromium(pid: int) -> bool:
    try:
        program = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0].decode()
    except (OSError, UnicodeDecodeError):
        return False
    return Path(CHROMIUM).name in Path(program).name


def browser_pid(table: dict[int, list[str]] | None = None) -> int:
    """The process id of the Chromium this process launched (through Playwright's driver): the
    newest Chromium among our descendants whose parent is not Chromium. Not any other Chromium
    on the machine (another engineer's tests, a desktop browser)."""
    table = table or _processes()
    ours = _descendants(os.getpid(), table)
    roots = [pid for pid in ours if _is_chromium(pid) and not _is_chromium(int(table[pid][1]))]
    if not roots:
        raise RuntimeError("no Chromium launched by this process")
    return max(roots, key=lambda pid: int(table[pid][19]))  # field 22: start time


def browser_cpu_s(root: int) -> float:
    """CPU seconds (user + system) used so far by the browser process *root* and every process
    under it (renderers, GPU, network service), from /proc; children that ended and were
    waited for count in their parent's cutime/cstime."""
    tick, table = os.sysconf("SC_CLK_TCK"), _processes()
    total = 0.0
    for pid in _descendants(root, table):
        fields = table.get(pid)
        if fields:
            total += sum(int(f) for f in fields[11:15]) / tick
    return total


@contextlib.contextmanager
def streamlit_server(
    script: str | Path = "app.py", port: int | None = None, timeout: float = 60, env=None
):
    """Start ``streamlit run SCRIPT`` on loopback; yield its base URL once it answers.

    *env* adds environment variables (e.g. ``MINE_BAN_DATA_DIR``) for the server.
    """
    port = port or free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
    ]
    # The server's log goes to a file: a pipe nobody reads fills up (64 KB) and then blocks the
    # server in the middle of a load test.
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=log,
            text=True,
            env={**os.environ, **(env or {})},
        )
        base = Server(f"http://127.0.0.1:{port}")
        base.pid = process.pid
        base.log = log
        try:
            wait_healthy(base, process, timeout)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


def wait_healthy(base: str, process: subprocess.Popen, timeout: float) -> float:
    """Seconds until the server's health check answers."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if process.poll() is not None:
            base.log.seek(0)
            raise RuntimeError(f"streamlit exited: {base.log.read()[-2000:]}")
        try:
            with urllib.request.urlopen(base + "/_stcore/health", timeout=1) as answer:
                if answer.status == 200:
                    return time.monotonic() - started
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"{base} did not answer in {timeout} s")


def launch(playwright, **options):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, **options)


# The map exposes its test hooks (window.MBT: day, setDay, play, stats, ...) only to a page that
# asks before its scripts run. An init script runs in every frame of the context, the map's
# iframe included, before the frame's own scripts.
TEST_HOOKS = "window.MBT_TEST_HOOKS = true"
VIEWPORT = {"width": 1400, "height": 1000}


def new_context(browser, **options):
    """A browser context whose every page and frame has the map's test hooks turned on.
    *options* go to ``browser.new_context`` (the viewport defaults to 1400x1000)."""
    context = browser.new_context(**{"viewport": VIEWPORT, **options})
    context.add_init_script(TEST_HOOKS)
    return context


async def new_async_context(browser, **options):
    """``new_context`` for Playwright's async API (bench/load.py)."""
    context = await browser.new_context(**{"viewport": VIEWPORT, **options})
    await context.add_init_script(TEST_HOOKS)
    return context


def new_page(browser, **options):
    """A page in a context of its own (``new_context``); ``page.context.close()`` ends both."""
    return new_context(browser, **options).new_page()


class RequestLog:
    """Every request a page makes, split into loopback/file and everything else."""

    def __init__(self, page):
        self.urls: list[str] = []
        page.on("request", lambda request: self.urls.append(request.url))

    def external(self) -> list[str]:
        return [u for u in self.urls if not is_local(u)]


def is_local(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in ("file", "data", "blob", "about", "chrome-error"):
        return True
    return parsed.hostname in ("127.0.0.1", "localhost", "::1")


def block_external(context) -> list[str]:
    """Abort every request to a host other than loopback (and file:); return the list of them."""
    blocked: list[str] = []

    def route(route):
        if is_local(route.request.url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    return blocked


class SocketLog:
    """Websocket frames the page sends to the Streamlit server.

    A rerun is asked for by a frame the browser sends (a BackMsg); counting the frames sent while
    the map plays counts the reruns it caused.
    """

    def __init__(self, page):
        self.sent: list[float] = []
        page.on("websocket", self._watch)

    def _watch(self, socket):
        socket.on("framesent", lambda _: self.sent.append(time.monotonic()))


def map_frame(page, on: str | None = None, timeout: float = 30):
    """The map's iframe once its script has run (``MBT.ready``) and, if *on* is given, once it
    shows that day (the app sends it right after the frame loads)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for frame in page.frames:
            if "/component/" in frame.url or frame.url.startswith("file:"):
                with contextlib.suppress(Exception):
                    if frame.evaluate("() => !!(window.MBT && MBT.ready)"):
                        if on:
                            frame.wait_for_function(
                                "day => MBT.isoDay(MBT.day) === day", arg=on, timeout=timeout * 1000
                            )
                        return frame
        page.wait_for_timeout(50)
    raise TimeoutError("the map did not become ready")


def fill_of(frame, iso3: str) -> str:
    """The fill attribute of a map unit's first shape, as the browser has it now."""
    return frame.evaluate(
        "(iso3) => document.querySelector(`path[data-iso3='${iso3}']`).getAttribute('fill')", iso3
    )


IDLE = (
    "() => document.querySelector('[data-testid=stApp]')?.dataset.testScriptState === 'notRunning'"
)


def wait_idle(page, timeout: float = 15) -> None:
    """Until Streamlit's page says no script run is under way or asked for. Wait first for a
    sign that the run of interest began (a text it draws): right after a request the page may
    still say idle."""
    page.wait_for_function(IDLE, timeout=timeout * 1000)


TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def two_frames(frame) -> None:
    """Until *frame* has rendered twice more: what the last change asked for (layout, resize
    observers, paint) is done."""
    frame.evaluate(TWO_FRAMES)
