"""Planner queries against the fixture database, checked against values worked out by hand
(see tests/fixture_data.py): points lost and % achieved, across a framework change, with a
survey area that has no self-assessment."""

from __future__ import annotations

import duckdb
import pytest

from parindex.db import run
from test_queries import rows

DEPT = {"jurisdiction": "tinh-a", "group": "department"}


@pytest.fixture(scope="module")
def con(fixture_db):
    with duckdb.connect(str(fixture_db), read_only=True) as connection:
        yield connection


def test_area_summary_points_lost_and_mean_percent(con):
    summary = run(con, "area_summary", year=2021, threshold=80, **DEPT)
    # A (max 60): finals 53 + 54,995 + 50 + 50 + 40 + 30 = 277,995 of 360
    # S (max 40, survey): 37 + 35 + 35 + 35 + 30 + 30 = 202 of 240
    assert rows(
        summary,
        [
            "area_key",
            "max_points",
            "n_units",
            "points_lost",
            "mean_pct",
            "best_pct",
            "best_vi",
            "n_below",
            "self_assessed",
        ],
    ) == [
        ("A", 60.0, 6, 82.005, 77.2208, 91.6583, "Đơn vị Beta", 2, True),
        ("S", 40.0, 6, 38.0, 84.1667, 92.5, "Đơn vị Alpha", 2, False),
    ]


def test_the_same_area_across_a_framework_change(con):
    before = run(con, "area_summary", year=2020, threshold=80, **DEPT)
    # 2020 on fw0 (A and S of 50 each): A 42 + 47 + 40 + 35 = 164 of 200; S 171 of 200
    assert rows(before, ["area_key", "max_points", "points_lost", "mean_pct"]) == [
        ("A", 50.0, 36.0, 82.0),
        ("S", 50.0, 29.0, 85.5),
    ]
    alpha = run(con, "area_scores", year=2020, **DEPT).query("unit_id == 'alpha'")
    assert rows(alpha, ["area_key", "max_points", "final_points", "pct"]) == [
        ("A", 50.0, 42.0, 84.0),
        ("S", 50.0, 46.0, 92.0),
    ]


def test_weakest_criteria_pareto(con):
    weakest = run(con, "weakest_criteria", year=2021, threshold=80, **DEPT)
    assert rows(
        weakest, ["criterion_id", "points_lost", "mean_pct", "n_below", "share_below", "lost_share", "cumulative_share"]
    ) == [
        ("A.1", 82.005, 77.2208, 2, 0.3333, 0.6833, 0.6833),
        ("S.1", 38.0, 84.1667, 2, 0.3333, 0.3167, 1.0),
    ]


def test_self_assessment_leaves_out_the_survey_area(con):
    gaps = run(con, "self_assessment", year=2021, **DEPT)
    assert set(gaps["area_key"].dropna()) == {"A"}  # S is survey-based
    totals = gaps[gaps["area_key"].isna()].set_index("unit_id")
    assert totals["gap"].round(4).to_dict() == {
        "alpha": 4.0,
        "beta": 0.005,
        "delta": 0.0,
        "gamma": 0.0,
        "new-name": 4.0,
        "newcomer": 0.0,
    }
    assert rows(totals.loc[["alpha"]], ["self_points", "final_points"]) == [(57.0, 53.0)]


def test_unit_areas_against_group_mean_and_best(con):
    areas = run(con, "unit_areas", unit="alpha", year=2021)
    assert rows(areas, ["area_key", "pct", "group_mean_pct", "group_best_pct"]) == [
        ("A", 88.3333, 77.2208, 91.6583),
        ("S", 92.5, 84.1667, 92.5),
    ]


def test_unit_subcriteria_most_points_lost_first(con):
    subs = run(con, "unit_subcriteria", unit="alpha", year=2021)
    assert rows(subs, ["criterion_id", "points_lost", "self_points", "self_assessed"]) == [
        ("A.1.b", 5.0, 27.0, True),
        ("S.1.a", 3.0, None, False),
        ("A.1.a", 2.0, 30.0, True),
    ]


def test_area_subcriteria(con):
    subs = run(con, "area_subcriteria", year=2021, area="A", threshold=80, **DEPT)
    # A.1.a: 28 + 30 + 25 + 20 + 20 + 15 = 138 of 180; A.1.b: 25 + 24,995 + 25 + 30 + 20 + 15 = 139,995
    assert rows(subs, ["criterion_id", "points_lost", "mean_pct", "n_below"]) == [
        ("A.1.a", 42.0, 76.6667, 3),
        ("A.1.b", 40.005, 77.775, 2),
    ]


def test_criterion_scores_drill_down(con):
    detail = run(con, "criterion_scores", year=2021, area="S", **DEPT)
    assert set(detail["criterion_id"]) == {"S.1", "S.1.a"}
    assert detail[detail["unit_id"] == "newcomer"]["pct"].tolist() == [75.0, 75.0]


def test_unit_history_follows_a_rename(con):
    history = run(con, "unit_history", unit="new-name")
    assert rows(history, ["year", "unit_id", "total", "rank", "rank_of"]) == [
        (2020, "old-name", 75.0, 4, 5),
        (2021, "new-name", 70.0, 5, 6),
    ]
    assert history["group_mean_pct"].isna().tolist() == [True, False]  # 2020 is incomplete: no mean


def test_criteria_years_and_units(con):
    assert run(con, "criteria_years", **DEPT)["year"].tolist() == [2020, 2021]
    assert run(con, "units", **DEPT)["unit_id"].tolist()[:3] == ["alpha", "beta", "old-name"]


def test_unit_peer_gaps_against_the_group_mean_and_best(con):
    gaps = run(con, "unit_peer_gaps", unit="alpha", year=2021)
    # A.1.b: alpha 25; the six units 25 + 24,995 + 25 + 30 + 20 + 15 = 139,995, mean 23,3325; best 30 (Delta)
    # A.1.a: alpha 28; 138 / 6 = 23; best 30 (Beta). S.1.a: alpha 37 is the best; 202 / 6 = 33,6667
    assert rows(
        gaps,
        [
            "criterion_id",
            "max_points",
            "final_points",
            "n_scored",
            "group_mean",
            "best_points",
            "best_ids",
            "best_vi",
            "vs_mean",
            "vs_best",
        ],
    ) == [
        ("A.1.b", 30.0, 25.0, 6, 23.3325, 30.0, "delta", "Đơn vị Delta", 1.6675, -5.0),
        ("A.1.a", 30.0, 28.0, 6, 23.0, 30.0, "beta", "Đơn vị Beta", 5.0, -2.0),
        ("S.1.a", 40.0, 37.0, 6, 33.6667, 37.0, "alpha", "Đơn vị Alpha", 3.3333, 0.0),
    ]
    assert run(con, "unit_peer_gaps", unit="gamma", year=2020).empty  # no result that year: no rows
