"""Ten browser sessions click through the pages for a minute while an import replaces the
database under them: no error in any of them, and each ends on the new data.

The import is the command an editor runs (`python -m parindex import FILE --replace`), in its own
process, on the file the server reads: 2024's department totals again, with Sở Nội vụ raised to
the top, so the Rankings chart's title names a new leader.
"""

from __future__ import annotations

import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.sync_api import sync_playwright

from browser_support import EXCEPTION, SCRIPT_IDLE, StreamlitServer, launch_browser
from parindex.importing.drafts import named
from parindex.paths import ROOT

pytestmark = pytest.mark.browser

SESSIONS = 10
DURATION_S = 60
REPLACE_AFTER_S = 15
YEAR, GROUP, RAISED, RAISED_TOTAL = 2024, "department", "so-noi-vu", "99,99"
# Nav title -> address, in the order the sessions click through them (each starts at its own).
PAGES = {
    "Tổng quan": "/",
    "Xếp hạng": "/xep-hang",
    "Tiêu chí": "/tieu-chi",
    "Hồ sơ đơn vị": "/don-vi",
    "Xu hướng": "/xu-huong",
    "Toàn quốc": "/toan-quoc",
    "Phương pháp, dữ liệu": "/du-lieu",
    "So sánh": "/so-sanh",
}
TITLES = list(PAGES)
ERROR_TEXTS = ("Traceback", "Không tìm thấy tệp cơ sở dữ liệu", "không phải là một cơ sở dữ liệu đọc được")


def import_new_totals(db, folder) -> str:
    """Import the year's totals again with one unit raised to the top, as an editor would; what
    the Rankings chart's title then says."""
    ranking = named(db, "ranking", jurisdiction="lao-cai", group=GROUP, year=YEAR)
    lines = ["Tên đơn vị;Tổng điểm"] + [
        f"{row.name_vi};{RAISED_TOTAL if row.unit_id == RAISED else f'{row.total:.2f}'.replace('.', ',')}"
        for row in ranking.itertuples()
    ]
    file = folder / f"ket-qua-{YEAR}.csv"
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "parindex",
            "import",
            str(file),
            "--year",
            str(YEAR),
            "--group",
            GROUP,
            "--replace",
            "--status",
            "published",
            "--db",
            str(db),
            "--editor",
            "load-test",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    leader = ranking.loc[ranking["unit_id"] == RAISED, "name_vi"].iat[0]
    return f"{leader} dẫn đầu"  # the start of the title (rankings.chart_title), on its first line


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


def test_ten_sessions_keep_working_while_an_import_replaces_the_database(embedded_db, tmp_path):
    db = tmp_path / "par.duckdb"
    db.write_bytes(embedded_db.read_bytes())
    importer = ThreadPoolExecutor(max_workers=1)
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
                tab.goto(f"{server.url}/?y={YEAR}")
            for tab in tabs:
                settled(tab)
            print(f"\n{SESSIONS} sessions open after {time.monotonic() - opened:.0f} s")
            started, step, after, importing = time.monotonic(), 0, 0, None
            while time.monotonic() - started < DURATION_S or after < 2:  # at least two rounds on the new file
                if importing is None and time.monotonic() - started > REPLACE_AFTER_S:
                    importing = importer.submit(import_new_totals, db, tmp_path)  # the sessions click on
                elif importing is not None and importing.done():
                    after += 1  # rounds of clicks once the new file is in place
                step += 1
                wanted = [TITLES[(i + step) % len(TITLES)] for i in range(SESSIONS)]
                for tab, title in zip(tabs, wanted):  # all click, then all wait: the reruns overlap
                    go(tab, title)
                for i, (tab, title) in enumerate(zip(tabs, wanted)):
                    settled(tab, title)
                    problems += [f"session {i}, {tab.url}: {p}" for p in shown_problems(tab)]
            new_title = importing.result()
            print(f"{step} rounds of {SESSIONS} clicks in {time.monotonic() - started:.0f} s, {after} after the import")
            assert after >= 2, f"only {after} rounds of clicks after the import"
            for i, tab in enumerate(tabs):  # every session's next view reads the new file
                if not tab.url.split("?")[0].endswith(PAGES["Xếp hạng"]):
                    go(tab, "Xếp hạng")
                settled(tab, "Xếp hạng")
                tab.locator(".st-key-ranking_chart .gtitle").filter(has_text=new_title).first.wait_for(
                    state="attached", timeout=60_000
                )
                problems += [f"session {i} at the end: {p}" for p in shown_problems(tab)]
            browser.close()
    finally:
        importer.shutdown()
        server.stop()
    assert not problems, "\n".join(problems[:20]) + f"\nserver log:\n{server.output()[-3000:]}"
