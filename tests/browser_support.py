"""Helpers for the browser tests: a real `streamlit run` on a free port, the system Chromium,
and waits that know when a Streamlit page has really finished drawing.

Never `playwright install`: it downloads a browser build and fails here. The Chromium from
Debian's packages (scripts/system-deps.sh) is driven instead.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from parindex.stack import serve_command

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("PARINDEX_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# A drawn mark, not just a container: a bar (or marker) path that plotly has given a shape.
CHART_MARK = ".js-plotly-plot .barlayer g.point path[d]:not([d=''])"
EXCEPTION = '[data-testid="stException"]'
ALERT = '[data-testid="stAlert"]'
# Streamlit sets this attribute on the app root: "running" while the script runs.
SCRIPT_IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def build_database(db: Path) -> Path:
    """`python -m parindex build --db DB`, failing with its output if it fails."""
    done = subprocess.run(
        [sys.executable, "-m", "parindex", "build", "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        raise RuntimeError(f"parindex build failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return db


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StreamlitServer:
    """`python -m parindex serve` (streamlit run dashboard.py) as a subprocess, or `streamlit run`
    of another script; its output goes to a log file (no pipe to fill)."""

    def __init__(
        self,
        db: Path,
        log: Path,
        port: int | None = None,
        script: Path | None = None,
        extra_args: list[str] | tuple[str, ...] = (),
    ):
        self.db = db
        self.extra_args = list(extra_args)  # more streamlit options, e.g. ["--secrets.files", PATH]
        self.log = log
        self.script = script
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 60) -> StreamlitServer:
        serve = ("parindex", "serve") if self.script is None else ("streamlit", "run", str(self.script))
        command = serve_command(self.port, *self.extra_args, serve=serve)
        env = {**os.environ, "PARINDEX_DB": str(self.db), "PYTHONUNBUFFERED": "1"}
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
        try:
            self._wait_healthy(timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        last_error = "no answer yet"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.process.returncode}:\n{self.output()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as answer:
                    body = answer.read().decode().strip()
                if body == "ok":
                    return
                last_error = f"health answered {body!r}"
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as error:
                last_error = repr(error)
            time.sleep(0.25)
        raise RuntimeError(f"streamlit not healthy within {timeout:.0f} s ({last_error}):\n{self.output()}")

    def output(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-20_000:]
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)


def launch_browser(playwright):
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"no Chromium at {CHROMIUM}: run scripts/system-deps.sh (never `playwright install`)")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def wait_for_page(page, *, marks: int | None = None, timeout: float = 30_000) -> None:
    """Wait until the script has run and the page is drawn: a title, no skeleton or stale element,
    every chart with its traces drawn (at least `marks` drawn bars when given), every table's header.
    """
    page.wait_for_selector("h1", timeout=timeout)
    if marks:
        page.wait_for_function(
            "([selector, n]) => document.querySelectorAll(selector).length >= n",
            arg=[CHART_MARK, marks],
            timeout=timeout,
        )
    page.wait_for_selector(SCRIPT_IDLE, state="attached", timeout=timeout)
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stSkeleton"], [data-stale="true"]')
                 && Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"]'))
                        .every(chart => chart.querySelector(
                            '.js-plotly-plot .main-svg g.trace, .js-plotly-plot .main-svg g.hm'))""",
        timeout=timeout,
    )
    for frame in page.locator('[data-testid="stDataFrame"]').all():
        frame.locator('[role="columnheader"]').first.wait_for(state="attached", timeout=timeout)


def save_full_page(page, path: Path) -> Path:
    """A full-page screenshot of a Streamlit page.

    Streamlit scrolls inside its main container, not the document, so Playwright's full_page
    stops at the viewport. Grow the viewport to the content's height, shoot, then restore it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    viewport = page.viewport_size
    height = page.evaluate(
        """() => Math.max(document.documentElement.scrollHeight,
            ...Array.from(document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"],'
                + ' section.main, [data-testid="stSidebarContent"]'), e => e.scrollHeight))"""
    )
    if viewport and height > viewport["height"]:
        page.set_viewport_size({"width": viewport["width"], "height": int(height) + 40})
        # Wait for layout to settle: the scroll height stops changing between two frames.
        page.wait_for_function(
            """() => new Promise(done => {
                const main = document.querySelector('[data-testid="stMain"]') || document.documentElement;
                const before = main.scrollHeight;
                requestAnimationFrame(() => requestAnimationFrame(() => done(main.scrollHeight === before)));
            })""",
            timeout=10_000,
        )
    page.screenshot(path=str(path), full_page=True)
    if viewport and height > viewport["height"]:
        page.set_viewport_size(viewport)
    return path
