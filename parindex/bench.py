"""`python -m parindex bench`: how fast every page answers, at provincial and national scale,
against the plain pandas approach, measured in one run. Writes bench/results/bench-<time>.json
and .md (the Markdown is what bench/RESULTS.md and the README quote).

Measured:
- every page's script time in-process (AppTest, the dashboard script timed from inside): cold
  (the first view of a data version: the query cache and the open database dropped before each
  run) and warm (the same view again), median and p95;
- the data step of the same views: the page's named queries (DuckDB) against the plain way
  (parindex.plain: every row kept in pandas, each view filtered and aggregated per rerun);
- peak memory of each approach doing all views (separate processes), and of a real server with
  ten browser sessions open on the national database;
- time from navigation to the first drawn chart in Chromium, on a warm server: opening the page
  in a new tab (a full load of Streamlit's and plotly's JavaScript), the same for a minimal
  Streamlit app drawing one small plotly chart (the floor on this machine), and moving to the page
  from another one in the sidebar, as a reader does in a meeting.

The national database comes from `python -m parindex demo --scale national` (built when missing:
a few minutes).
"""

from __future__ import annotations

import json
import logging
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from parindex.dataset import HOME
from parindex.paths import DATA_DIR, PAGE_ADDRESSES, ROOT

RESULTS_DIR = ROOT / "bench" / "results"
# The pages measured, each with its address (the editors' page is behind a sign-in: not a reader's view).
PAGES = {name: address for name, address in PAGE_ADDRESSES.items() if name != "editors"}
# The view measured at each scale: Lào Cai's departments; one invented province's communes (its largest group).
VIEWS = {
    "provincial": {"j": HOME, "g": "department"},
    "communes": {"j": HOME, "g": "commune"},
    "national": {"j": "demo-07", "g": "commune"},
}
# The pages timed in Chromium, each with the key of its first chart (a `st-key-…` class).
BROWSER_PAGES = {
    "overview": "tier_chart",
    "rankings": "ranking_chart",
    "criteria": "area_heatmap",
    "unit": "history",
    "trends": "trend",
    "national": "national_rank",
    "compare": "compare_areas",
}
MINIMAL_APP = """import plotly.graph_objects as go
import streamlit as st

st.title("Minimal")
st.plotly_chart(go.Figure(go.Bar(x=[3, 2, 1], y=["a", "b", "c"], orientation="h")))
"""
# Where a page load's time goes (ms from navigation start), to see what the first chart waits for.
TIMELINE = """() => ({dom: Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd),
    script_done: Math.round(performance.now()),
    resources: performance.getEntriesByType('resource').map(r => [r.name.split('/').pop().slice(0, 40),
        Math.round(r.startTime), Math.round(r.responseEnd)]).filter(r => r[2] - r[1] > 100)})"""
script_seconds: list[float] = []  # appended to by the timed dashboard script


def open_page(page: str, params: dict, timeout: float = 120, timed: bool = False):
    """A new AppTest session (a new tab) opening `page` with `params` in its address, as a deep
    link does. A list value is a repeated key."""
    from streamlit.testing.v1 import AppTest
    from streamlit.util import calc_hash

    dashboard = str(ROOT / "dashboard.py")
    script = (
        f"import runpy\nrunpy.run_path({dashboard!r})"
        if not timed
        else "import runpy, time\nfrom parindex import bench\nstarted = time.perf_counter()\n"
        f"try:\n    runpy.run_path({dashboard!r})\n"
        "finally:\n    bench.script_seconds.append(time.perf_counter() - started)\n"
    )
    at = AppTest.from_string(script, default_timeout=timeout)
    for key, value in params.items():
        at.query_params[key] = value
    if PAGES[page]:
        # st.Page hashes its url_path; AppTest's switch_page only works after a first run.
        at._page_hash = calc_hash(PAGES[page])
    # A server scans the installed packages for components once, at start; a new AppTest does it
    # on its first run (~0.3 s, profiled). Share one scan, as the server does.
    at._bidi_component_manager = _components[0] if _components else None
    at.run()
    _components[:] = [at._bidi_component_manager]
    return at


_components: list = []


@contextmanager
def counting_queries(calls: list):
    """Record every named query a page runs, with its parameters and its time."""
    from parindex import app, db

    original = db.query

    def timed(name, **params):
        started = time.perf_counter()
        try:
            return original(name, **params)
        finally:
            calls.append((name, params, time.perf_counter() - started))

    db.query, app.query = timed, timed
    try:
        yield
    finally:
        db.query, app.query = original, original


def stats(seconds: list[float]) -> dict:
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "median_ms": round(1000 * statistics.median(ordered), 1),
        "p95_ms": round(1000 * p95, 1),
        "runs": len(ordered),
    }


def time_page(page: str, params: dict, runs: int, cold: bool) -> dict:
    from parindex import build, db, figures

    scripts, data, calls = [], [], []
    if not cold:
        open_page(page, params)  # the first view makes the next ones warm
    for _ in range(runs):
        if cold:
            db.clear_cache()
            build._schema.cache_clear()  # the file's schema is checked once per version too
            figures.forget()
        calls.clear()
        script_seconds.clear()
        with counting_queries(calls):
            at = open_page(page, params, timed=True)
        if at.exception or at.error:
            raise RuntimeError(f"{page} {params}: {[e.value for e in [*at.exception, *at.error]]}")
        scripts.append(script_seconds[-1])
        data.append(sum(seconds for _, _, seconds in calls))
    return {"script": stats(scripts), "queries": stats(data), "calls": [(name, params) for name, params, _ in calls]}


def view_arguments(params: dict) -> tuple[str, str, int, list[str]]:
    """The year (the group's latest) and the units (in rank order) a page shows by default."""
    from parindex.db import query

    years = query("years")
    year = int(years[(years["jurisdiction_id"] == params["j"]) & (years["unit_group"] == params["g"])]["year"].max())
    units = query("ranking", jurisdiction=params["j"], group=params["g"], year=year)["unit_id"].tolist()
    return params["j"], params["g"], year, units


def time_plain(frames, page: str, arguments: tuple, runs: int) -> dict:
    from parindex import plain

    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        plain.page(frames, page, *arguments)
        seconds.append(time.perf_counter() - started)
    return stats(seconds)


def check_plain_agrees(frames, arguments: tuple) -> None:
    """The plain way computes the same figures: the ranking's totals and ranks, the area means."""
    from parindex import plain
    from parindex.db import query

    j, g, year, _ = arguments
    ours = query("ranking", jurisdiction=j, group=g, year=year)
    theirs = plain.ranking(frames, j, g, year).set_index("unit_id")
    assert (theirs.loc[ours["unit_id"], "rank"].to_numpy() == ours["rank"].to_numpy()).all(), "ranks differ"
    ours = query("area_summary", jurisdiction=j, group=g, year=year, threshold=plain.THRESHOLD).set_index("area_key")
    theirs = plain.area_summary(frames, j, g, year)
    assert ((theirs["mean_pct"] - ours.loc[theirs.index, "mean_pct"]).abs() < 1e-9).all(), "area means differ"


def peak_memory(approach: str, db: Path, work: dict) -> float:
    """Peak RSS (MB) of a fresh process doing every page's data step once, one approach."""
    done = subprocess.run(
        [sys.executable, "-m", "parindex.bench", "--probe", approach, str(db), json.dumps(work)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=1800,
    )
    if done.returncode:
        raise RuntimeError(done.stderr)
    return float(done.stdout.strip().splitlines()[-1])


def _probe(approach: str, db: str, work: str) -> None:
    from parindex import plain
    from parindex.db import query

    os.environ["PARINDEX_DB"] = db
    work = json.loads(work)
    if approach == "plain":
        frames = plain.load(Path(db))
        for page in PAGES:
            plain.page(frames, page, *work["arguments"])
    else:
        for name, params in work["calls"]:
            query(name, **params)
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking parent across exec.
    status = Path("/proc/self/status").read_text()
    print(int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))) / 1024)


def measure_scale(scale: str, db: Path, runs: int, cold_runs: int) -> dict:
    from parindex import plain

    os.environ["PARINDEX_DB"] = str(db)
    params = VIEWS[scale]
    arguments = view_arguments(params)
    started = time.perf_counter()
    frames = plain.load(db)
    load_seconds = time.perf_counter() - started
    check_plain_agrees(frames, arguments)
    for page in PAGES:  # a running server has imported every page's modules: time the pages, not imports
        open_page(page, params)
    pages, calls = {}, []
    for page in PAGES:
        print(f"  {scale}: {page}", flush=True)
        cold = time_page(page, params, cold_runs, cold=True)
        warm = time_page(page, params, runs, cold=False)
        calls += cold.pop("calls")
        warm.pop("calls")
        pages[page] = {"cold": cold, "warm": warm, "plain": time_plain(frames, page, arguments, runs)}
    del frames
    work = {"arguments": list(arguments), "calls": calls}
    return {
        "db": str(db),
        "db_mb": round(db.stat().st_size / 2**20),
        "view": params,
        "year": arguments[2],
        "plain_load_s": round(load_seconds, 2),
        "pages": pages,
        "memory_mb": {"duckdb": round(peak_memory("duckdb", db, work)), "plain": round(peak_memory("plain", db, work))},
    }


def measure_server(db: Path, view: str, sessions: int, first_chart_runs: int) -> dict:
    """A real server on `db`: its peak RSS with `sessions` browser sessions open on the `view`,
    then navigation to the first drawn chart on the warm server."""
    import psutil
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from browser_support import SCRIPT_IDLE, StreamlitServer, launch_browser

    query_string = "&".join(f"{k}={v}" for k, v in VIEWS[view].items())
    server = StreamlitServer(db, log=RESULTS_DIR / "server.log").start(timeout=120)
    process = psutil.Process(server.process.pid)
    idle_mb = process.memory_info().rss / 2**20
    peak = [idle_mb]
    sampling = threading.Event()

    def sample():
        while not sampling.is_set():
            peak[0] = max(peak[0], process.memory_info().rss / 2**20)
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    first_chart, steps = {}, {}
    try:
        with sync_playwright() as playwright:
            browser = launch_browser(playwright)
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
            context.set_default_timeout(180_000)
            tabs = [context.new_page() for _ in range(sessions)]
            names = list(PAGES)
            for i, tab in enumerate(tabs):  # every session on its own page, all at once
                tab.goto(f"{server.url}/{PAGES[names[i % len(names)]]}?{query_string}", wait_until="commit")
            for tab in tabs:
                tab.wait_for_selector(SCRIPT_IDLE, state="attached")
                tab.wait_for_selector("h1")
            all_open_mb = process.memory_info().rss / 2**20
            for tab in tabs:  # the first chart is timed on a warm, otherwise idle server
                tab.close()
            for page in BROWSER_PAGES:
                url = f"{server.url}/{PAGES[page]}?{query_string}"
                first_chart[page] = stats([full_load(context, url, drawn()) for _ in range(first_chart_runs)])
                steps[page] = timeline(context, url)
            in_app = navigation_times(context, server.url, query_string, first_chart_runs)
            browser.close()
    finally:
        sampling.set()
        sampler.join()
        server.stop()
    return {
        "view": VIEWS[view],
        "db_mb": round(db.stat().st_size / 2**20),
        "sessions": sessions,
        "server_idle_mb": round(idle_mb),
        "server_with_sessions_mb": round(all_open_mb),
        "server_peak_mb": round(peak[0]),
        "first_chart": first_chart,
        "in_app": in_app,
        "floor": measure_floor(first_chart_runs),
        "timeline_ms": steps,
    }


def drawn(scope: str = "") -> str:
    """A drawn plotly mark (a bar or line path, or a heatmap's image) inside `scope`."""
    return ", ".join(f"{scope} .js-plotly-plot .main-svg {mark}".strip() for mark in ("g.trace path[d]", "g.hm image"))


def full_load(context, url: str, chart: str) -> float:
    """Seconds from opening `url` in a new tab to its first drawn chart."""
    tab = context.new_page()
    started = time.perf_counter()
    tab.goto(url, wait_until="commit")
    tab.wait_for_selector(chart, state="attached")
    seconds = time.perf_counter() - started
    tab.close()
    return seconds


def timeline(context, url: str) -> dict:
    """Where one full load's time goes (ms from navigation start), to see what the chart waits for."""
    tab = context.new_page()
    tab.goto(url, wait_until="commit")
    tab.wait_for_selector(drawn(), state="attached")
    steps = tab.evaluate(TIMELINE)
    tab.close()
    return steps


def navigation_times(context, url: str, query_string: str, runs: int) -> dict:
    """Seconds from a click on a page's link in the sidebar, on another page (Methodology), to the
    page's first chart drawn: moving between pages in an open dashboard."""
    from browser_support import SCRIPT_IDLE

    tab = context.new_page()
    tab.goto(f"{url}/{PAGES['methodology']}?{query_string}")
    tab.wait_for_selector(SCRIPT_IDLE, state="attached")

    def click(page: str) -> None:
        tab.locator(f'[data-testid="stSidebarNav"] a[href$="/{PAGES[page]}"]').first.click()

    seconds = {page: [] for page in BROWSER_PAGES}
    for _ in range(runs):
        for page, key in BROWSER_PAGES.items():
            started = time.perf_counter()
            click(page)
            tab.wait_for_selector(drawn(f".st-key-{key}"), state="attached")
            seconds[page].append(time.perf_counter() - started)
            click("methodology")
            tab.wait_for_selector(f".st-key-{key}", state="detached")
            tab.wait_for_selector(SCRIPT_IDLE, state="attached")
    tab.close()
    return {page: stats(values) for page, values in seconds.items()}


def measure_floor(runs: int) -> dict:
    """The full load of a minimal Streamlit app drawing one three-bar plotly chart, the same way:
    what any Streamlit and plotly page costs this machine's Chromium before our pages add anything."""
    import tempfile

    from playwright.sync_api import sync_playwright

    from browser_support import StreamlitServer, launch_browser

    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "minimal.py"
        script.write_text(MINIMAL_APP, encoding="utf-8")
        server = StreamlitServer(Path(folder) / "none.duckdb", log=Path(folder) / "server.log", script=script)
        server.start(timeout=120)
        try:
            with sync_playwright() as playwright:
                browser = launch_browser(playwright)
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                context.set_default_timeout(180_000)
                full_load(context, server.url, drawn())  # the browser's cache filled, as for the pages
                result = stats([full_load(context, server.url, drawn()) for _ in range(runs)])
                browser.close()
        finally:
            server.stop()
    return result


def machine() -> dict:
    import psutil

    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "load_before": [round(x, 2) for x in os.getloadavg()],
    }


def markdown(result: dict) -> str:
    m = result["machine"]
    lines = [
        f"Machine: {m['nproc']} cores ({m['cpu']}), {m['ram_gb']} GB RAM, Python {m['python']}; "
        f"load average {m['load_before'][0]} before, {m['load_after'][0]} after; {result['when']}.",
        "",
    ]
    for scale, part in result["scales"].items():
        lines += [
            f"### {scale.capitalize()} scale: {part['view']}, {part['year']} ({part['db_mb']} MB database)",
            "",
            "| page | cold median | cold p95 | warm median | warm p95 | queries cold | queries warm "
            "| plain pandas | plain ÷ DuckDB (cold) | plain ÷ DuckDB (warm) |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for page, p in part["pages"].items():
            q_cold, q_warm, plain = (
                p["cold"]["queries"]["median_ms"],
                p["warm"]["queries"]["median_ms"],
                p["plain"]["median_ms"],
            )
            lines.append(
                f"| {page} | {p['cold']['script']['median_ms']:.0f} | {p['cold']['script']['p95_ms']:.0f} "
                f"| {p['warm']['script']['median_ms']:.0f} | {p['warm']['script']['p95_ms']:.0f} "
                f"| {q_cold:.1f} | {q_warm:.2f} | {plain:.1f} | {plain / max(q_cold, 0.01):.1f}× "
                f"| {plain / max(q_warm, 0.01):.0f}× |"
            )
        mem = part["memory_mb"]
        lines += [
            "",
            f"Peak memory doing every page's data once: DuckDB {mem['duckdb']} MB, plain pandas "
            f"{mem['plain']} MB (loading every row took {part['plain_load_s']} s).",
            "",
        ]
    for s in result.get("servers", {}).values():
        floor = s["floor"]
        lines += [
            f"### Server: {s['view']} ({s['db_mb']} MB database), {s['sessions']} browser sessions",
            "",
            f"Server RSS: {s['server_idle_mb']} MB idle, {s['server_with_sessions_mb']} MB with the "
            f"{s['sessions']} sessions open, peak {s['server_peak_mb']} MB.",
            "",
            "Navigation to the first drawn chart in Chromium (2 cores, software rendering), median and p95:",
            "",
            "| page | opened in a new tab | new tab ÷ floor | from another page (sidebar) |",
            "| --- | ---: | ---: | ---: |",
        ]
        lines += [
            f"| {page} | {v['median_ms']:.0f} ms (p95 {v['p95_ms']:.0f}) | {v['median_ms'] / floor['median_ms']:.2f} "
            f"| {s['in_app'][page]['median_ms']:.0f} ms (p95 {s['in_app'][page]['p95_ms']:.0f}) |"
            for page, v in s["first_chart"].items()
        ]
        lines += [
            f"| minimal Streamlit app, one 3-bar plotly chart (the floor) | {floor['median_ms']:.0f} ms "
            f"(p95 {floor['p95_ms']:.0f}) | 1.00 | — |",
            "",
        ]
    lines += [
        "",
        "Times in ms. Script: the dashboard script for that page, timed in-process (AppTest); cold is "
        "the first view of a data version (query cache, open database and kept figures dropped), warm the "
        "same view again. Queries: the page's named DuckDB queries within it. Plain pandas: the same views "
        "computed from every row kept in pandas (parindex/plain.py), per rerun, as the usual tutorial does. "
        "Chromium: a new tab loads Streamlit's and plotly's JavaScript (the floor row is that cost alone); "
        "from another page, the click on the page's link in the sidebar of an open dashboard.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    import argparse

    if "--serving" in argv:  # replicas behind nginx: parindex/bench_serving.py
        from parindex.bench_serving import main as serving

        return serving([a for a in argv if a != "--serving"])

    parser = argparse.ArgumentParser(prog="python -m parindex bench")
    parser.add_argument("--national-db", type=Path, default=ROOT / "bench" / "national.duckdb")
    parser.add_argument("--runs", type=int, default=20, help="warm runs per page (and plain runs)")
    parser.add_argument("--cold-runs", type=int, default=5)
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--first-chart-runs", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--scales", default="provincial,communes,national")
    args = parser.parse_args(argv)

    from parindex.build import build, problem
    from parindex.demo import SCALES, build_demo

    # The bench reads queries outside a script run, which Streamlit warns of on every call: not a
    # problem, and a filter (Streamlit resets its loggers' levels when it reads its config).
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(lambda record: False)

    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    provincial_db = RESULTS_DIR / "provincial.duckdb"
    build(DATA_DIR, provincial_db)
    if problem(args.national_db):  # missing, or built by an older schema
        print(f"building {args.national_db} (national demo, a few minutes)", flush=True)
        build_demo(SCALES["national"], args.national_db)
    result = {"machine": machine(), "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "scales": {}}
    dbs = {"provincial": provincial_db, "communes": provincial_db, "national": args.national_db}
    for scale in args.scales.split(","):
        result["scales"][scale] = measure_scale(scale, dbs[scale], args.runs, args.cold_runs)
    if not args.no_browser:
        print("  server and browser", flush=True)
        result["servers"] = {
            view: measure_server(dbs[view], view, args.sessions, args.first_chart_runs)
            for view in ("communes", "national")
        }
    result["machine"]["load_after"] = [round(x, 2) for x in os.getloadavg()]
    stem = RESULTS_DIR / f"bench-{datetime.now(UTC):%Y%m%d-%H%M%S}"
    stem.with_suffix(".json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    text = markdown(result)
    stem.with_suffix(".md").write_text(text, encoding="utf-8")
    print(text)
    print(f"wrote {stem}.json and .md")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--probe"]:
        _probe(*sys.argv[2:5])
    else:
        sys.exit(main(sys.argv[1:]))
