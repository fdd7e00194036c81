"""Lineage: a rename continues a line, a merge, split or abolition ends one and starts another
with a named break; nothing is silently joined (tests/lineage_fixture.py)."""

from __future__ import annotations

import duckdb
import pytest

from fixture_data import TABLES, write_fixture
from parindex.build import build
from parindex.dataset import DatasetError
from parindex.db import run
from parindex.paths import ROOT
from test_app import figures, open_app
from test_queries import rows


@pytest.fixture(scope="module")
def con(lineage_db):
    with duckdb.connect(str(lineage_db), read_only=True) as connection:
        yield connection


def test_a_chain_of_two_renames_is_one_line(con):
    assert rows(run(con, "unit_trend", unit="r1"), ["line_id", "is_own", "year", "unit_id"]) == [
        ("r3", True, 2022, "r1"),
        ("r3", True, 2023, "r2"),
        ("r3", True, 2024, "r3"),
    ]
    assert run(con, "lineage_events", unit="r2").empty  # renames are not breaks


def test_a_merge_of_two_into_one(con):
    events = run(con, "lineage_events", unit="noi-vu-moi")
    assert rows(events, ["year", "kind", "predecessors_vi", "successors_vi", "ends_line", "starts_line"]) == [
        (2025, "merge", "Sở Lao động + Sở Nội vụ", "Sở Nội vụ (mới)", False, True)
    ]
    trend = run(con, "unit_trend", unit="noi-vu-moi")
    assert rows(trend, ["line_id", "is_own", "year", "total"]) == [
        ("ldtbxh", False, 2022, 84.0),
        ("ldtbxh", False, 2023, 85.0),
        ("ldtbxh", False, 2024, 86.0),
        ("noi-vu", False, 2022, 90.0),
        ("noi-vu", False, 2023, 91.0),
        ("noi-vu", False, 2024, 92.0),
        ("noi-vu-moi", True, 2025, 88.0),
    ]
    seen_from_a_predecessor = run(con, "lineage_events", unit="noi-vu")
    assert rows(seen_from_a_predecessor, ["predecessors_vi", "ends_line", "starts_line"]) == [
        ("Sở Lao động + Sở Nội vụ", True, False)
    ]


def test_a_split_of_one_into_two(con):
    events = run(con, "lineage_events", unit="h-chia")
    assert rows(events, ["year", "kind", "successors_vi", "ends_line"]) == [(2023, "split", "huyện A + huyện B", True)]
    assert sorted(set(run(con, "unit_trend", unit="h-chia")["line_id"])) == ["h-a", "h-b", "h-chia"]
    assert rows(run(con, "unit_trend", unit="h-b"), ["line_id", "year"]) == [
        ("h-chia", 2022),
        ("h-b", 2023),
        ("h-b", 2024),
    ]


def test_an_abolition_ends_the_line(con):
    events = run(con, "lineage_events", unit="h-cu")
    assert rows(events, ["year", "kind", "predecessors_vi", "successors_vi", "ends_line"]) == [
        (2025, "abolish", "huyện Cũ", None, True)
    ]
    assert run(con, "unit_trend", unit="h-cu")["year"].tolist() == [2022, 2023, 2024]


def test_a_commune_group_appears(con):
    years = run(con, "years")
    assert rows(years[years["unit_group"] == "commune"], ["year", "n_results"]) == [(2025, 2)]


def test_an_abolition_names_no_successor(tmp_path):
    lineage = [
        *TABLES["unit_lineage"],
        {
            "predecessor_id": "gamma",
            "successor_id": "delta",
            "year": 2022,
            "kind": "abolish",
            "source_id": "SRC",
            "note_vi": "",
            "note_en": "",
        },
    ]
    with pytest.raises(DatasetError) as error:
        build(write_fixture(tmp_path / "data", {"unit_lineage": lineage}), tmp_path / "x.duckdb")
    assert "unit_lineage.csv, row 3, column successor_id: an abolition has no successor" in str(error.value)


def test_trends_marks_the_merge_and_keeps_the_lines_apart(lineage_db, use_db):
    use_db(lineage_db)
    at = open_app(str(ROOT / "pages" / "trends.py"), y="2025", u="noi-vu-moi")
    scores = figures(at)[0]
    named = {trace.get("name") for trace in scores["data"]}
    assert {"Sở Nội vụ", "Sở Lao động", "Sở Nội vụ (mới)", "Sáp nhập, chia tách, giải thể"} <= named
    marker = next(trace for trace in scores["data"] if trace.get("name") == "Sáp nhập, chia tách, giải thể")
    assert marker["customdata"] == [["2025: Sở Lao động + Sở Nội vụ sáp nhập thành Sở Nội vụ (mới)"]]
    assert [shape["x0"] for shape in scores["layout"]["shapes"]] == [2024.5]
