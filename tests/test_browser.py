"""The dashboard in a real browser: `streamlit run` on a free port, driven by the system Chromium.

One server and one browser serve the whole module. Every view is saved as a full-page
screenshot under test-artifacts/ (gitignored) for a person to look at.
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect, sync_playwright

from browser_support import (ALERT, ARTIFACTS, CHART_MARK, EXCEPTION, StreamlitServer, build_database,
                             launch_browser, save_full_page, wait_for_page)

pytestmark = pytest.mark.browser

FIRST_CHART_LIMIT_MS = 20_000
TIMEOUT = 30_000


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("browser")
    db = build_database(root / "par.duckdb")
    app = StreamlitServer(db, log=root / "streamlit.log").start(timeout=60)
    yield app
    app.stop()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = launch_browser(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.set_default_timeout(TIMEOUT)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def test_overview_2021_departments_shows_the_published_mean(page, server):
    started = time.monotonic()
    page.goto(f"{server.url}/?y=2021")
    page.wait_for_selector(CHART_MARK, state="attached", timeout=TIMEOUT)
    first_chart_ms = round((time.monotonic() - started) * 1000)
    print(f"\nfirst chart: {first_chart_ms} ms (goto /?y=2021 to the first drawn bar)")

    wait_for_page(page, marks=3)  # one bar per tier: three published 2021 bands
    main = page.get_by_test_id("stMain")
    expect(main.locator("h1")).to_contain_text("2021")
    expect(main).to_contain_text("89,28")  # the published 2021 department mean, Vietnamese decimal comma
    expect(page.locator(EXCEPTION)).to_have_count(0)
    save_full_page(page, ARTIFACTS / "overview_2021_department_vi.png")
    assert first_chart_ms < FIRST_CHART_LIMIT_MS, f"first chart took {first_chart_ms} ms"


def test_rankings_2021_districts_in_english(page, server):
    page.goto(f"{server.url}/xep-hang?y=2021&g=district&lang=en")
    wait_for_page(page, marks=9)
    bars = page.locator(CHART_MARK)
    expect(bars).to_have_count(9)  # one bar per district, town and city
    assert all(bars.nth(i).get_attribute("d") for i in range(9))

    main = page.get_by_test_id("stMain")
    expect(main.locator("h1")).to_have_text("Districts, towns and city ranking — 2021")
    expect(page.get_by_test_id("stSidebarNav")).to_contain_text("Rankings")
    headers = page.get_by_test_id("stDataFrame").locator('[role="columnheader"]')
    expect(headers.first).to_have_text("Rank")
    expect(headers).to_contain_text(["Rank", "Unit", "Total score", "Tier"])
    # English numbers: a decimal point, not the Vietnamese comma.
    expect(page.locator(".js-plotly-plot")).to_contain_text("95.41")
    expect(page.locator(EXCEPTION)).to_have_count(0)
    save_full_page(page, ARTIFACTS / "rankings_2021_district_en.png")


def test_invalid_query_parameters_show_a_notice_not_a_traceback(page, server):
    page.goto(f"{server.url}/?y=1999&g=nope")
    wait_for_page(page)  # the page still draws, with the defaults
    alerts = page.locator(ALERT)
    expect(alerts.filter(has_text="«nope»")).to_have_count(1)
    expect(alerts.filter(has_text="«1999»")).to_have_count(1)
    expect(page.locator(EXCEPTION)).to_have_count(0)
    expect(page.get_by_test_id("stMain")).not_to_contain_text("Traceback")
    save_full_page(page, ARTIFACTS / "overview_invalid_params.png")
