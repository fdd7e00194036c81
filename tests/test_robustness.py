"""Hostile addresses and broken database files: the visitor never sees a traceback.

The fuzzing opens every page in a new AppTest session with 200 generated parameter sets each
(fixed seed): unknown keys, SQL fragments, very long values, non-ASCII, repeated keys, years
out of range. It runs on the small synthetic national database, so the jurisdiction filter is
fuzzed too.
"""

from __future__ import annotations

import random
import shutil

import duckdb
import pytest

from parindex.bench import PAGES, open_page
from robustness import hostile_params, rendered_text

FUZZ_PER_PAGE = 200
SEED = 7
VALID = {"j": ["lao-cai", "demo-01", "demo-02"], "y": ["2015", "2020", "2021", "2022", "2023", "2024"],
         "g": ["department", "district", "commune", "province"], "lang": ["vi", "en"],
         "u": ["so-noi-vu", "demo-01-xa-001", "demo-02-so-02", "huyen-sa-pa", "thi-xa-sa-pa", "lao-cai"],
         "c": ["CDDH", "TC", "TD"], "a": ["2019", "2022", "2023"]}


@pytest.mark.parametrize("page", PAGES)
def test_hostile_query_parameters_never_crash_a_page(page, demo_small_db, use_db):
    use_db(demo_small_db)
    rng = random.Random(f"{SEED}-{page}")
    failures = []
    for _ in range(FUZZ_PER_PAGE):
        params = hostile_params(rng, VALID)
        at = open_page(page, params)
        shown = rendered_text(at)
        if at.exception or at.error or "Traceback" in shown or not (at.title or at.info):
            failures.append((params, [e.value for e in at.exception], [e.value for e in at.error]))
    assert not failures, f"{len(failures)} of {FUZZ_PER_PAGE} parameter sets failed, first: {failures[:3]}"


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


MESSAGES = {"missing": "Không tìm thấy tệp cơ sở dữ liệu", "corrupt": "không phải là một cơ sở dữ liệu đọc được",
            "not a database": "không phải là một cơ sở dữ liệu đọc được", "older schema": "phiên bản cũ"}


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
