"""Accessibility gate: axe-core (scripts/axe-core.sh installs the pinned version from npm) run on
every page, in both languages, at 1280 and 390 px. No critical or serious violation may appear
except those listed in ALLOWED, Streamlit's own markup that no page can change, each with its
reason (the README says the same); nor any rule of lesser impact named in HELD, the ones the pages
now pass, so that a regression fails.

One server, one browser, one tab per language: the pages are reached by the sidebar, as a reader
moves between them (a new tab per page would load Streamlit's code 36 times), and each page is
checked at 1280 px, then at 390 px by resizing the same tab.
"""

from __future__ import annotations

import json
import time

import pytest
from playwright.sync_api import sync_playwright

from browser_support import ROOT, StreamlitServer, build_database, launch_browser, wait_for_page
from parindex.paths import PAGE_ADDRESSES

pytestmark = pytest.mark.browser

AXE = ROOT / "scripts" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
PAGES = PAGE_ADDRESSES  # every page of the navigation, at its own address
WIDTHS = (1280, 390)
SEVERE = ("critical", "serious")
# Moderate or minor rules the pages pass, held like the severe ones: rule id -> what keeps it clean.
HELD = {
    "heading-order": "section headings are h2 (st.header) under the page's h1 (st.title), no level skipped",
}
# rule id -> why it cannot be fixed in this project's code (Streamlit's own markup and styles).
ALLOWED: dict[str, str] = {}
TIMEOUT = 60_000


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("axe")
    app = StreamlitServer(build_database(root / "par.duckdb"), log=root / "streamlit.log").start(timeout=60)
    yield app
    app.stop()


@pytest.fixture(scope="module")
def browser():
    if not AXE.exists():
        pytest.fail(f"no axe-core at {AXE}: run scripts/axe-core.sh (make test does)")
    with sync_playwright() as playwright:
        chromium = launch_browser(playwright)
        yield chromium
        chromium.close()


def gated_violations(page) -> list[dict]:
    """axe's violations on the page as drawn that fail the gate: critical or serious impact, or a
    held rule; minus the allowed rules."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' :: ' + n.html.slice(0, 200))}))""")
    return [v for v in found if (v["impact"] in SEVERE or v["id"] in HELD) and v["id"] not in ALLOWED]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_has_no_severe_or_held_violation(browser, server, lang):
    started = time.monotonic()
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 900})
    context.set_default_timeout(TIMEOUT)
    page = context.new_page()
    page.goto(f"{server.url}/?lang=en" if lang == "en" else server.url)
    wait_for_page(page, timeout=TIMEOUT)
    problems = {}
    for name, path in PAGES.items():
        if name != "overview":  # the sidebar's link: the same session, the language kept
            page.locator(f'[data-testid="stSidebarNav"] a[href$="/{path}"]').click()
            page.wait_for_url(f"**/{path}**")
            wait_for_page(page, timeout=TIMEOUT)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.wait_for_function(f"() => document.documentElement.clientWidth === {width}")
            wait_for_page(page, timeout=TIMEOUT)
            found = gated_violations(page)
            if found:
                problems[f"{name} {width}px"] = found
        page.set_viewport_size({"width": WIDTHS[0], "height": 900})
    context.close()
    print(f"axe, {len(PAGES)} pages × {len(WIDTHS)} widths in {lang}: {time.monotonic() - started:.0f} s")
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)
