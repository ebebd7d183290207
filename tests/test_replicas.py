"""Two replicas behind nginx (deploy/): a viewer whose replica stops or restarts carries on.

The slow tests start two app processes and Debian's nginx on loopback, with the site file
deploy/nginx.py renders for their ports, in a temporary prefix (its own config, pid, logs and
temporary paths), and drive one viewer in Debian's Chromium through nginx:

- open ?date=2025-07-01&view=eastern, move the map to 27 December 2025, see the panel follow;
- stop (or restart) the replica the viewer's session is on (the mbt_route cookie names it);
- Streamlit's client reconnects, through nginx, to the other replica: the page ends on the date
  and view it had, shows no error, and every date changed after the fault reaches the panels.

Run them with ``pytest -m slow tests/test_replicas.py``; ``-m "not slow"`` skips them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.harness import CHROMIUM, free_port, launch, streamlit_server  # noqa: E402
from deploy.nginx import render  # noqa: E402

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
needs_nginx = pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed")
needs_browser = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no Chromium")

# The map's test hooks (window.MBT in its frame) are on only if asked for before its scripts run.
TEST_HOOKS = "window.MBT_TEST_HOOKS = true"
MAP_READY = "() => !!(window.MBT && typeof MBT.setDay === 'function')"
CONNECTION = "document.querySelector('[data-testid=stApp]')?.dataset.testConnectionState"
ERRORS = "[data-testid=stException], [role=dialog]"  # a traceback or "Connection error"
WAIT_S = 30  # for any one state: a reconnect takes a few seconds (Streamlit backs off)

NGINX_CONF = """worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log info;
events {{ worker_connections 256; }}
http {{
    access_log {prefix}/logs/access.log;
    client_body_temp_path {prefix}/temp/body;
    proxy_temp_path {prefix}/temp/proxy;
    fastcgi_temp_path {prefix}/temp/fastcgi;
    uwsgi_temp_path {prefix}/temp/uwsgi;
    scgi_temp_path {prefix}/temp/scgi;
    include site.conf;
}}
"""


def nginx_prefix(ports: list[int], listen: int) -> Path:
    """A temporary nginx prefix holding nginx.conf and the site rendered for *ports*."""
    prefix = Path(tempfile.mkdtemp(prefix="mbt-nginx-"))
    prefix.chmod(0o755)  # nginx's workers (nobody, when started as root) use temp/ below it
    for sub in ("logs", "temp"):
        (prefix / sub).mkdir()
    (prefix / "site.conf").write_text(render(ports, listen=f"127.0.0.1:{listen}"))
    (prefix / "nginx.conf").write_text(NGINX_CONF.format(prefix=prefix))
    return prefix


@needs_nginx
def test_the_site_file_is_the_rendered_template_and_nginx_accepts_it():
    checked_in = (ROOT / "deploy" / "mine-ban-map.nginx.conf").read_text()
    assert checked_in == render([8501, 8502]), (
        "run: python deploy/nginx.py > deploy/mine-ban-map.nginx.conf"
    )
    prefix = nginx_prefix([free_port(), free_port(), free_port()], free_port())
    try:
        check = subprocess.run(
            [NGINX, "-t", "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert check.returncode == 0, check.stderr
    finally:
        shutil.rmtree(prefix, ignore_errors=True)


class Replica:
    """One app process on a fixed port that can be stopped and started again."""

    def __init__(self, port: int, env: dict):
        self.port, self.env, self.stack = port, env, None

    def start(self) -> None:
        self.stack = contextlib.ExitStack()
        self.stack.enter_context(streamlit_server(port=self.port, env=self.env))

    def stop(self) -> None:
        if self.stack:
            self.stack.close()
            self.stack = None


def get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            return answer.status
    except OSError:
        return 0


@pytest.fixture
def cluster():
    """Two replicas and nginx in front: yields (proxy URL, {port: Replica})."""
    # One cookie secret for both: the XSRF token a browser got from one validates on the other.
    env = {"STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(16)}
    replicas = {port: Replica(port, env) for port in (free_port(), free_port())}
    listen = free_port()
    prefix = nginx_prefix(list(replicas), listen)
    nginx = None
    try:
        for replica in replicas.values():
            replica.start()
        nginx = subprocess.Popen(
            [NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        proxy = f"http://127.0.0.1:{listen}"
        deadline = time.monotonic() + WAIT_S
        while get(proxy + "/_stcore/health") != 200:
            assert nginx.poll() is None, nginx.stderr.read()
            assert time.monotonic() < deadline, "nginx did not answer"
            time.sleep(0.05)
        yield proxy, replicas
    finally:
        if nginx:
            nginx.terminate()
            nginx.wait(10)
        for replica in replicas.values():
            replica.stop()
        shutil.rmtree(prefix, ignore_errors=True)


def map_frame(page):
    """The map's frame once its test hooks are there."""
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        for frame in page.frames:
            if "/component/" in frame.url:
                with contextlib.suppress(Exception):  # the frame is still loading
                    if frame.evaluate(MAP_READY):
                        return frame
        page.wait_for_timeout(50)
    raise TimeoutError("the map did not become ready")


def panel_shows(page, day: dt.date) -> None:
    """Until the panel under the map names *day*, and no run is under way."""
    page.get_by_role("heading", name=f"Events around {day:%-d %B %Y}").wait_for(
        timeout=WAIT_S * 1000
    )
    page.wait_for_function(
        "() => document.querySelector('[data-testid=stApp]')?.dataset.testScriptState"
        " === 'notRunning'",
        timeout=WAIT_S * 1000,
    )


def move_to(page, day: dt.date) -> None:
    map_frame(page).evaluate(f"MBT.setDay(MBT.parseDay('{day}'))")
    panel_shows(page, day)


def route(context) -> int:
    """The replica (its port) that nginx's cookie sends this browser to."""
    cookies = {c["name"]: c["value"] for c in context.cookies()}
    return int(cookies["mbt_route"])


def viewer_carries_on(page, context, sockets, lost: int) -> None:
    """After replica *lost* went away: the viewer is on another, at the moment it had, with no
    error, and date changes still reach the panels.

    Streamlit's client, reconnected, asks for no rerun when it had a session before (it expects
    the server to have kept it, server.disconnectedSessionTTL): the new replica's session starts
    with the viewer's next date change, which carries the URL's moment and the map's state.
    """
    wanted = dt.date(2025, 12, 27)
    deadline = time.monotonic() + WAIT_S
    # Reconnected: a websocket opened after the fault, and the client says it is connected.
    while not (any(s["after_fault"] for s in sockets) and page.evaluate(CONNECTION) == "CONNECTED"):
        assert time.monotonic() < deadline, (
            f"the viewer did not reconnect: {page.evaluate(CONNECTION)}"
        )
        page.wait_for_timeout(50)
    panel_shows(page, wanted)
    frame = map_frame(page)
    assert frame.evaluate("MBT.isoDay ? MBT.isoDay(MBT.day) : null") in (None, str(wanted))
    assert "date=2025-12-27" in page.url and "view=eastern" in page.url, page.url
    assert page.locator(ERRORS).count() == 0, page.locator(ERRORS).first.inner_text()
    for day in (dt.date(2026, 2, 20), dt.date(1999, 3, 1), dt.date(2025, 12, 27)):
        move_to(page, day)
        assert f"date={day}" in page.url and "view=eastern" in page.url, page.url
    assert page.locator(ERRORS).count() == 0
    assert route(context) != lost or get(f"http://127.0.0.1:{lost}/_stcore/health") == 200


@contextlib.contextmanager
def viewer_at_the_moment(proxy):
    """A browser through nginx, on 27 December 2025, eastern view. Yields (page, context,
    sockets, mark_fault): *sockets* has an entry for every websocket the page opened, saying
    whether it opened after ``mark_fault()`` and how many frames it has received."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.add_init_script(TEST_HOOKS)
        page = context.new_page()
        sockets: list[dict] = []
        fault = {"at": None}

        def opened(socket):
            entry = {"after_fault": fault["at"] is not None, "received": 0}
            socket.on("framereceived", lambda _: entry.update(received=entry["received"] + 1))
            sockets.append(entry)

        page.on("websocket", opened)
        page.goto(f"{proxy}/?date=2025-07-01&view=eastern")
        map_frame(page)
        panel_shows(page, dt.date(2025, 7, 1))
        move_to(page, dt.date(2025, 12, 27))
        try:
            yield page, context, sockets, lambda: fault.update(at=time.monotonic())
        finally:
            browser.close()


@pytest.mark.slow
@needs_nginx
@needs_browser
def test_a_viewer_moves_to_the_other_replica_when_its_own_stops(cluster):
    proxy, replicas = cluster
    with viewer_at_the_moment(proxy) as (page, context, sockets, mark_fault):
        lost = route(context)
        assert lost in replicas
        mark_fault()
        replicas[lost].stop()
        viewer_carries_on(page, context, sockets, lost)
        assert route(context) != lost  # media and uploads follow the new session


@pytest.mark.slow
@needs_nginx
@needs_browser
def test_a_viewer_comes_back_to_its_moment_after_a_restart(cluster):
    proxy, replicas = cluster
    with viewer_at_the_moment(proxy) as (page, context, sockets, mark_fault):
        restarted = route(context)
        mark_fault()
        replicas[restarted].stop()  # a deploy: the same process stopped and started again
        replicas[restarted].start()
        viewer_carries_on(page, context, sockets, restarted)
