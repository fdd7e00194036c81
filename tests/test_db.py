"""The query function: bound parameters, safe names, and a swapped-in database picked up."""

from __future__ import annotations

import copy

import pytest

from fixture_data import TABLES, write_fixture
from parindex.build import build
from parindex.db import QueryError, query


def test_query_returns_a_frame_the_caller_may_change(fixture_db, use_db):
    use_db(fixture_db)
    first = query("years")
    first.loc[:, "year"] = 0
    assert query("years")["year"].tolist() == [2015, 2020, 2021, 2021, 2021]


@pytest.mark.parametrize("name", ["../pyproject", "years;drop", "Years", "", "no_such_query"])
def test_only_named_query_files_run(fixture_db, use_db, name):
    use_db(fixture_db)
    with pytest.raises(QueryError):
        query(name)


def test_parameters_are_bound_not_formatted(fixture_db, use_db):
    use_db(fixture_db)
    hostile = "department' OR '1'='1"
    assert query("ranking", jurisdiction="tinh-a", group=hostile, year=2021).empty
    assert len(query("ranking", jurisdiction="tinh-a", group="department", year=2021)) == 6


def test_a_database_swapped_in_is_read_on_the_next_query(tmp_path, use_db):
    db = use_db(tmp_path / "par.duckdb")
    build(write_fixture(tmp_path / "v1"), db)
    assert query("ranking", jurisdiction="tinh-a", group="department", year=2021)["total"].iloc[0] == 90.0

    results = copy.deepcopy(TABLES["results"])
    scores = copy.deepcopy(TABLES["scores"])
    for row in results:
        if (row["assessment_id"], row["unit_id"]) == ("x-2021", "alpha"):
            row["total"] = "91.00"
    for row in scores:
        if (row["assessment_id"], row["unit_id"], row["criterion_id"]) == ("x-2021", "alpha", "A.1.a"):
            row["final_points"] = "29"
    build(write_fixture(tmp_path / "v2", {"results": results, "scores": scores}), db)  # os.replace over v1

    assert query("ranking", jurisdiction="tinh-a", group="department", year=2021)["total"].iloc[0] == 91.0
