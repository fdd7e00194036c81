"""Ten browser sessions click through the pages for a minute while the database is replaced
under them: no error in any of them, and each ends on the new data.

The replacement goes through the build's atomic path (a new file beside the old one, then
os.replace), which is what an import does. `replace_database` is the one place to change when
the import command lands: call `python -m parindex import ...` there instead.
"""

from __future__ import annotations

import csv
import time

import pytest
from playwright.sync_api import sync_playwright

from browser_support import EXCEPTION, SCRIPT_IDLE, StreamlitServer, launch_browser
from parindex.build import build

pytestmark = pytest.mark.browser

SESSIONS = 10
DURATION_S = 60
REPLACE_AFTER_S = 15
NEW_NAME = "Nội vụ (dữ liệu mới)"  # the short name a unit gets in the replacing data
# Nav title -> address, in the order the sessions click through them (each starts at its own).
PAGES = {"Tổng quan": "/", "Xếp hạng": "/xep-hang", "Tiêu chí": "/tieu-chi", "Hồ sơ đơn vị": "/don-vi",
         "Xu hướng": "/xu-huong", "Toàn quốc": "/toan-quoc", "Phương pháp, dữ liệu": "/du-lieu",
         "So sánh": "/so-sanh"}
TITLES = list(PAGES)
ERROR_TEXTS = ("Traceback", "Không tìm thấy tệp cơ sở dữ liệu", "không phải là một cơ sở dữ liệu đọc được")


def rename_unit(data_dir, unit_id: str, short_vi: str) -> None:
    path = data_dir / "units.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    for row in rows:
        if row["unit_id"] == unit_id:
            row["short_vi"] = short_vi
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def replace_database(data_dir, db) -> None:
    """Swap new data in under the running server, as an import does."""
    build(data_dir, db)


def go(tab, title: str) -> None:
    tab.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()


def settled(tab, title: str | None = None, timeout: float = 60_000) -> None:
    """The page asked for is shown and its script has finished."""
    if title:
        tab.wait_for_function("path => location.pathname === path", arg=PAGES[title], timeout=timeout)
    tab.wait_for_selector(SCRIPT_IDLE, state="attached", timeout=timeout)
    tab.wait_for_selector("h1", timeout=timeout)


def shown_problems(tab) -> list[str]:
    problems = [f"{n} exception element(s)" for n in [tab.locator(EXCEPTION).count()] if n]
    text = tab.get_by_test_id("stMain").inner_text()
    return problems + [f"shows {phrase!r}" for phrase in ERROR_TEXTS if phrase in text]


def test_ten_sessions_keep_working_while_the_database_is_replaced(embedded_db, data_copy, tmp_path):
    db = tmp_path / "par.duckdb"
    db.write_bytes(embedded_db.read_bytes())
    rename_unit(data_copy, "so-noi-vu", NEW_NAME)
    server = StreamlitServer(db, log=tmp_path / "streamlit.log").start(timeout=60)
    problems: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = launch_browser(playwright)
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
            context.set_default_timeout(60_000)
            opened = time.monotonic()
            tabs = [context.new_page() for _ in range(SESSIONS)]
            for tab in tabs:
                tab.on("pageerror", lambda error: problems.append(f"JavaScript: {error}"))
                tab.goto(f"{server.url}/?y=2021")
            for tab in tabs:
                settled(tab)
            print(f"\n{SESSIONS} sessions open after {time.monotonic() - opened:.0f} s")
            started, step, after = time.monotonic(), 0, 0
            while time.monotonic() - started < DURATION_S:
                if not after and time.monotonic() - started > REPLACE_AFTER_S:
                    replace_database(data_copy, db)
                    after = 1
                elif after:
                    after += 1
                step += 1
                wanted = [TITLES[(i + step) % len(TITLES)] for i in range(SESSIONS)]
                for tab, title in zip(tabs, wanted):  # all click, then all wait: the reruns overlap
                    go(tab, title)
                for i, (tab, title) in enumerate(zip(tabs, wanted)):
                    settled(tab, title)
                    problems += [f"session {i}, {tab.url}: {p}" for p in shown_problems(tab)]
            print(f"{step} rounds of {SESSIONS} clicks in {time.monotonic() - started:.0f} s, {after} after the swap")
            assert after >= 2, f"only {after} rounds of clicks after the database was replaced"
            for i, tab in enumerate(tabs):  # every session's next view reads the new file
                if not tab.url.split("?")[0].endswith(PAGES["Xếp hạng"]):
                    go(tab, "Xếp hạng")
                settled(tab, "Xếp hạng")
                tab.get_by_test_id("stMain").get_by_text(NEW_NAME).first.wait_for(state="attached", timeout=60_000)
                problems += [f"session {i} at the end: {p}" for p in shown_problems(tab)]
            browser.close()
    finally:
        server.stop()
    assert not problems, "\n".join(problems[:20]) + f"\nserver log:\n{server.output()[-3000:]}"
