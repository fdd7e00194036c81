"""Hostile addresses and broken database files: the visitor never sees a traceback.

The fuzzing opens every page in a new AppTest session with 200 generated parameter sets each
(fixed seed): unknown keys, SQL fragments, very long values, non-ASCII, repeated keys, years
out of range. It runs on the small synthetic national database, so the jurisdiction filter is
fuzzed too.
"""

from __future__ import annotations

import multiprocessing
import shutil
from concurrent.futures import ProcessPoolExecutor

import duckdb
import pytest

from parindex.bench import PAGES, open_page
from robustness import fuzz_page, rendered_text
from test_app import shown

pytestmark = pytest.mark.slow  # 200 hostile addresses per page

FUZZ_PER_PAGE = 200
SEED = 7
VALID = {
    "j": ["lao-cai", "demo-01", "demo-02"],
    "y": ["2015", "2020", "2021", "2022", "2023", "2024"],
    "g": ["department", "district", "commune", "province"],
    "lang": ["vi", "en"],
    "u": ["so-noi-vu", "demo-01-xa-001", "demo-02-so-02", "huyen-sa-pa", "thi-xa-sa-pa", "lao-cai"],
    "c": ["CDDH", "TC", "TD"],
    "a": ["2019", "2022", "2023"],
}


def test_hostile_query_parameters_never_crash_a_page(demo_small_db):
    # Two worker processes (the machine's cores): 1,600 page runs in about half the time.
    with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn")) as pool:
        runs = [pool.submit(fuzz_page, page, str(demo_small_db), SEED, FUZZ_PER_PAGE, VALID) for page in PAGES]
        failures = [failure for run in runs for failure in run.result()]
    assert not failures, f"{len(failures)} of {FUZZ_PER_PAGE * len(PAGES)} parameter sets failed, first: {failures[:3]}"


def break_database(state: str, good, path):
    if state == "corrupt":  # a half-written copy: the first half of a real database file
        data = good.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    elif state == "not a database":
        path.write_text("assessment_id,unit_id\nx,y\n", encoding="utf-8")
    elif state == "older schema":
        shutil.copy(good, path)
        with duckdb.connect(str(path)) as con:
            con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    return path


MESSAGES = {
    "missing": "Không tìm thấy tệp cơ sở dữ liệu",
    "corrupt": "không phải là một cơ sở dữ liệu đọc được",
    "not a database": "không phải là một cơ sở dữ liệu đọc được",
    "older schema": "phiên bản cũ",
}


@pytest.mark.parametrize("state", MESSAGES)
@pytest.mark.parametrize("page", ["overview", "criteria"])
def test_a_missing_corrupt_or_old_database_gets_a_clear_message(state, page, fixture_db, tmp_path, use_db):
    db = use_db(break_database(state, fixture_db, tmp_path / "par.duckdb"))
    at = open_page(page, {"y": "2021"})
    assert not at.exception
    assert len(at.error) == 1
    message = at.error[0].value
    assert MESSAGES[state] in message and str(db) in message and "python -m parindex build" in message
    assert "Traceback" not in rendered_text(at)
    assert not at.title  # stopped before any page drew on the broken file
    assert db.exists() == (state != "missing")  # never silently replaced with the embedded data


def test_the_message_is_in_english_too(tmp_path, use_db):
    use_db(tmp_path / "nowhere.duckdb")
    at = open_page("overview", {"lang": "en"})
    assert "The database file" in at.error[0].value and "was not found" in at.error[0].value


def test_compare_two_provinces_when_one_has_no_published_place(embedded_db, use_db):
    # Found by the fuzzing: a unit never ranked has no column in the rank table.
    use_db(embedded_db)
    at = open_page("compare", {"g": "province", "y": "2021", "u": ["ba-ria-vung-tau", "hai-phong"]})
    assert not at.exception
    ranks = shown(at.dataframe[-1])
    assert ranks["Bà Rịa - Vũng Tàu"].tolist() == ["—", "—"] and ranks["Hải Phòng"].tolist() == ["5", "1"]
