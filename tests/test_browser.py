"""The dashboard in a real browser: `streamlit run` on a free port, driven by the system Chromium.

One server and one browser serve the whole module. Every view is saved as a full-page
screenshot under test-artifacts/ (gitignored) for a person to look at.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import duckdb
import pytest
from playwright.sync_api import expect, sync_playwright

from browser_support import (
    ALERT,
    ARTIFACTS,
    CHART_MARK,
    EXCEPTION,
    StreamlitServer,
    build_database,
    launch_browser,
    save_full_page,
    wait_for_page,
)
from parindex import labels
from parindex.db import run
from parindex.i18n import Translator

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


@pytest.fixture(scope="module")
def context(browser):
    """One browser context for the module, so the static files are fetched once (a returning visitor)."""
    shared = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    shared.set_default_timeout(TIMEOUT)
    yield shared
    shared.close()


@pytest.fixture
def page(context, server):
    """A new tab, hence a new Streamlit session that reads its filters from the URL."""
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    tab.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def test_rankings_2021_districts_in_english(page, server):
    # The module's first page: a deep link on a fresh server opens without a "page not found" dialog.
    page.goto(f"{server.url}/xep-hang?y=2021&g=district&lang=en")
    wait_for_page(page, marks=9)
    expect(page.locator('[data-testid="stDialog"], .stDialog')).to_have_count(0)
    bars = page.locator(CHART_MARK)
    expect(bars).to_have_count(9)  # one bar per district, town and city
    assert all(bars.nth(i).get_attribute("d") for i in range(9))

    main = page.get_by_test_id("stMain")
    title = main.locator("h1")
    expect(title).to_contain_text("Districts, towns and city")  # the group in English, not «Huyện, thị xã…»
    expect(title).to_contain_text("2021")
    expect(page.get_by_test_id("stSidebarNav")).to_contain_text("Rankings")
    headers = page.get_by_test_id("stDataFrame").locator('[role="columnheader"]')
    expect(headers.first).to_have_text("Rank")
    expect(headers).to_contain_text(["Rank", "Unit", "Total score", "Tier"])
    # English numbers on the bars: a decimal point (95.41), never the Vietnamese comma (95,41).
    values = page.locator(".js-plotly-plot .barlayer text.bartext")
    expect(values).to_have_count(9)
    assert all(re.fullmatch(r"\d{1,3}\.\d\d", text.strip()) for text in values.all_text_contents()), (
        values.all_text_contents()
    )
    expect(page.locator(EXCEPTION)).to_have_count(0)
    save_full_page(page, ARTIFACTS / "rankings_2021_district_en.png")


def test_sorting_rank_change_in_the_grid_puts_the_biggest_risers_first(page, server):
    # The grid itself (not only the data sent to it): a click on a change column's heading sorts by
    # value, where the table as text sorted "↑ 1, ↑ 1, …, ↑ 5, ↓ 1, …, =".
    page.goto(f"{server.url}/xep-hang?y=2021&lang=en")
    wait_for_page(page, marks=19)
    with duckdb.connect(str(server.db), read_only=True) as con:
        ranking = run(
            con,
            "ranking",
            jurisdiction="lao-cai",
            group="department",
            year=2021,
            former_province=None,
            former_district=None,
        )
    t = Translator("en")
    table = labels.ranking_table(ranking, t)
    widths, _ = table.layout()  # the widths the page gave each column: where the heading is
    column = table.columns.index(t("col.rank_change"))
    grid = page.get_by_test_id("stDataFrame").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    heading = (
        box["x"] + sum(widths[c] for c in table.columns[:column]) + widths[table.columns[column]] / 2,
        box["y"] + 18,
    )
    rows = grid.locator('[role="row"]')

    def changes() -> list[str]:
        return [rows.nth(i).locator('[role="gridcell"]').nth(column).text_content() for i in range(1, len(ranking) + 1)]

    page.mouse.click(*heading)  # ascending
    expect(rows.nth(1).locator('[role="gridcell"]').nth(column)).to_have_text("-4")
    page.mouse.click(*heading)  # descending: the biggest risers first
    expect(rows.nth(1).locator('[role="gridcell"]').nth(column)).to_have_text("5")
    assert [int(c) for c in changes()] == sorted(ranking["rank_change"].astype(int), reverse=True)
    assert rows.nth(1).locator('[role="gridcell"]').nth(1).text_content() == "Ethnic Minorities Committee"  # ↑ 5
    save_full_page(page, ARTIFACTS / "rankings_2021_sorted_by_rank_change_en.png")


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


def test_invalid_query_parameters_show_a_notice_not_a_traceback(page, server):
    page.goto(f"{server.url}/?y=1999&g=nope")
    wait_for_page(page, marks=1)  # the page still draws, with the defaults
    alerts = page.locator(ALERT)
    expect(alerts.filter(has_text="«nope»")).to_have_count(1)
    expect(alerts.filter(has_text="«1999»")).to_have_count(1)
    expect(page.locator(EXCEPTION)).to_have_count(0)
    expect(page.get_by_test_id("stMain")).not_to_contain_text("Traceback")
    save_full_page(page, ARTIFACTS / "overview_invalid_params.png")


def test_an_unknown_address_shows_our_page_in_vietnamese(page, server):
    """Streamlit's own answer is an English dialog ("Page not found … Running the app's main
    page") over the Overview; ours is a page at that address, in the reader's language."""
    page.goto(f"{server.url}/xep-hangg?y=2021")
    wait_for_page(page)
    main = page.get_by_test_id("stMain")
    expect(main.locator("h1")).to_have_text("Không có trang này")
    expect(main).to_contain_text("Bảng điều khiển Chỉ số CCHC không có trang ở địa chỉ:")
    expect(main.get_by_test_id("stCode")).to_contain_text("/xep-hangg")
    expect(page.get_by_role("dialog")).to_have_count(0)
    assert page.url.startswith(f"{server.url}/xep-hangg")  # the address the reader typed stays
    links = main.get_by_test_id("stPageLink")
    expect(links).to_have_count(9)
    links.filter(has_text="Xếp hạng").click()  # each page one click away
    page.wait_for_function("location.pathname.endsWith('/xep-hang')", timeout=TIMEOUT)
    wait_for_page(page)
    expect(main.locator("h1")).to_contain_text("Bảng xếp hạng")
    save_full_page(page, ARTIFACTS / "unknown_address_vi.png")


def test_compare_from_the_sidebar_starts_from_the_profile_and_a_typed_pick_adds_one_unit(page, server):
    page.goto(f"{server.url}/don-vi?u=so-y-te&y=2021")
    wait_for_page(page)
    page.get_by_test_id("stSidebarNav").locator('a[href$="/so-sanh"]').click()
    page.wait_for_function("location.search.includes('u=so-y-te')", timeout=TIMEOUT)
    wait_for_page(page)
    expect(page.get_by_test_id("stMain")).to_contain_text("Bắt đầu từ Sở Y tế, đơn vị bạn xem gần nhất")
    pair = page.url  # the profile's unit beside the best-ranked other unit
    assert pair.count("u=") == 2 and "u=so-y-te" in pair
    search = page.get_by_test_id("stMultiSelect").locator("input")
    search.click()
    search.type("Sở Nội")  # fuzzy: Sở Nội vụ first, Sở Lao động… matches too
    expect(page.get_by_role("option").first).to_have_text("Sở Nội vụ")
    page.keyboard.press("Enter")  # the first row: one unit, not "Select 2 matches"
    page.wait_for_function("location.search.split('u=').length - 1 === 3", timeout=TIMEOUT)
    assert page.url.endswith("u=so-noi-vu") and page.url.count("u=") == 3


# Views a person looks at before a release: `PARINDEX_REVIEW=1 pytest tests/test_browser.py -k review`
# writes them to test-artifacts/review/ at a desktop and a phone size. Off by default (about a minute).
REVIEW_VIEWS = {
    "overview_2021_department_vi": "/?y=2021",
    "overview_2021_department_en": "/?y=2021&lang=en",
    "rankings_2021_department_vi": "/xep-hang?y=2021",
    "overview_2015_department_vi": "/?y=2015",
    "rankings_2018_district_vi": "/xep-hang?y=2018&g=district",
    "overview_2021_province_vi": "/?y=2021&g=province",
    "criteria_2021_department_vi": "/tieu-chi?y=2021&c=CPS",
    "unit_2021_so-y-te_en": "/don-vi?u=so-y-te&lang=en",
    "trends_department_vi": "/xu-huong",
    "compare_2021_vi": "/so-sanh?u=so-y-te&u=so-noi-vu",
    "national_en": "/toan-quoc?lang=en",
    "methodology_vi": "/du-lieu",
}
REVIEW_SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.mark.skipif(os.environ.get("PARINDEX_REVIEW") != "1", reason="set PARINDEX_REVIEW=1 for review screenshots")
def test_review_screenshots(browser, server):
    for size, viewport in REVIEW_SIZES.items():
        phone = size == "phone"
        context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone, locale="vi-VN")
        context.set_default_timeout(TIMEOUT)
        try:
            for name, path in REVIEW_VIEWS.items():
                tab = context.new_page()
                tab.goto(server.url + path)
                wait_for_page(tab)
                expect(tab.locator(EXCEPTION)).to_have_count(0)
                save_full_page(tab, ARTIFACTS / "review" / f"{name}_{size}.png")
                tab.close()
        finally:
            context.close()


def test_a_unit_link_on_rankings_opens_its_profile_with_its_history(page, server):
    page.goto(f"{server.url}/xep-hang?y=2021")
    wait_for_page(page, marks=19)
    link = page.get_by_test_id("stPageLink").filter(has_text="2. Nội vụ").first
    link.scroll_into_view_if_needed()
    link.click()
    page.wait_for_function("location.pathname.endsWith('/don-vi')", timeout=TIMEOUT)
    assert "u=so-noi-vu" in page.url and "y=2021" in page.url
    page.wait_for_selector(".js-plotly-plot .scatterlayer .trace path.js-line", state="attached", timeout=TIMEOUT)
    expect(page.get_by_test_id("stMain").locator("h1")).to_have_text("Sở Nội vụ")
    expect(page.locator(EXCEPTION)).to_have_count(0)
    save_full_page(page, ARTIFACTS / "unit_profile_from_rankings.png")


def test_trends_draws_its_lines(page, server):
    page.goto(f"{server.url}/xu-huong?y=2021")
    wait_for_page(page)
    lines = page.locator(".js-plotly-plot .scatterlayer .trace path.js-line")
    expect(lines.first).to_be_attached()
    assert lines.count() >= 10  # four units, the group mean, eight areas (at least)
    expect(page.locator(EXCEPTION)).to_have_count(0)
    save_full_page(page, ARTIFACTS / "trends_2021_department_vi.png")


@pytest.fixture(scope="module")
def lineage_server(lineage_db, tmp_path_factory):
    app = StreamlitServer(lineage_db, log=tmp_path_factory.mktemp("lineage") / "streamlit.log").start(timeout=60)
    yield app
    app.stop()


def test_trends_marks_a_merge_in_the_fixture(context, lineage_server):
    page = context.new_page()
    try:
        page.goto(f"{lineage_server.url}/xu-huong?y=2025&u=noi-vu-moi")
        wait_for_page(page)
        lines = page.locator(".js-plotly-plot .scatterlayer .trace path.js-line")
        expect(lines.first).to_be_attached()
        legend = page.locator(".js-plotly-plot .legend").first
        expect(legend).to_contain_text("Sáp nhập, chia tách, giải thể")  # the break marker's trace
        expect(legend).to_contain_text("Sở Nội vụ (mới)")
        expect(page.locator(".js-plotly-plot .shapelayer path").first).to_be_attached()  # the dotted rule
        expect(page.locator(EXCEPTION)).to_have_count(0)
        save_full_page(page, ARTIFACTS / "trends_merge_fixture.png")
    finally:
        page.close()


def test_a_merged_agency_continues_both_old_provinces_lines_with_the_break_marked(page, server):
    """The new Sở Y tế (2025): old Lào Cai's Sở Y tế and Yên Bái's, side by side up to 2024, then the
    break of the 1 July 2025 merger; Yên Bái's line is named with its province."""
    page.goto(f"{server.url}/xu-huong?y=2025&u=so-y-te-2025")
    wait_for_page(page)
    legend = page.locator(".js-plotly-plot .legend").first
    expect(legend).to_contain_text("Sáp nhập, chia tách, giải thể")  # the break marker's trace
    expect(legend).to_contain_text("Y tế — Yên Bái (đến 2024)")
    lines = page.locator(".js-plotly-plot").first.locator(".scatterlayer .trace path.js-line")
    assert lines.count() >= 3  # old Lào Cai's, old Yên Bái's and the new agency's (one point: a marker)
    expect(page.locator(EXCEPTION)).to_have_count(0)
    save_full_page(page, ARTIFACTS / "trends_merged_agency_2025.png")


def test_a_copied_link_opens_the_same_view_in_a_new_browser(page, server, browser):
    page.goto(f"{server.url}/so-sanh?u=so-y-te&u=so-noi-vu&lang=en")
    wait_for_page(page)
    # Change the year in the page, then copy the view's address from the Share control.
    page.get_by_role("combobox", name="Year", exact=True).click()  # by its label: the filters vary in number
    page.get_by_role("option", name="2020", exact=True).click()
    page.wait_for_function("location.search.includes('y=2020')", timeout=TIMEOUT)
    wait_for_page(page)
    page.get_by_test_id("stPopover").filter(has_text="Share").click()
    link = page.get_by_test_id("stCode").filter(has_text="http").first.inner_text().strip()
    assert link.startswith(f"{server.url}/so-sanh?") and "y=2020" in link and "lang=en" in link
    first = page.get_by_test_id("stMain").locator(".js-plotly-plot .gtitle").all_text_contents()
    legends = page.locator(".js-plotly-plot .legend").all_text_contents()  # the two units chosen

    fresh = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        other = fresh.new_page()
        other.goto(link)
        wait_for_page(other)
        expect(other.get_by_test_id("stMain").locator("h1")).to_have_text(
            page.get_by_test_id("stMain").locator("h1").inner_text()
        )
        assert other.get_by_test_id("stMain").locator(".js-plotly-plot .gtitle").all_text_contents() == first
        assert other.locator(".js-plotly-plot .legend").all_text_contents() == legends
        assert "Health" in legends[0]
        expect(other.locator(EXCEPTION)).to_have_count(0)
    finally:
        fresh.close()


def test_a_chart_downloads_as_an_svg_carrying_its_frame(page, server):
    page.goto(f"{server.url}/xep-hang?y=2021")
    wait_for_page(page, marks=19)
    page.get_by_test_id("stPopover").filter(has_text="Ảnh").first.click()
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="SVG 16:9").click()
    assert download.value.suggested_filename == "chi-so-cchc_2021_so-nganh_xep-hang_16x9.svg"
    svg = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Nguồn: UBND tỉnh Lào Cai" in svg and "dẫn đầu" in svg
