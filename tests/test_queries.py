"""Each named query against the fixture database, with exact expected rows."""

from __future__ import annotations

import math

import duckdb
import pandas as pd
import pytest

from parindex.db import query, run

DEPT_2021 = {"jurisdiction": "tinh-a", "group": "department", "year": 2021}


@pytest.fixture(scope="module")
def con(fixture_db):
    with duckdb.connect(str(fixture_db), read_only=True) as connection:
        yield connection


def rows(frame, columns):
    def clean(value):
        if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
            return None
        return round(float(value), 4) if isinstance(value, float) else value

    return [tuple(clean(v) for v in record) for record in frame[columns].itertuples(index=False)]


def test_ranking_ranks_ties_tiers_and_changes(con):
    ranking = run(con, "ranking", **DEPT_2021)
    assert rows(ranking, ["unit_id", "total", "rank", "tier_code", "prev_status", "total_change", "rank_change"]) == [
        ("alpha", 90.0, 1, ">= 90", "compared", 2.0, 1),  # 90,00 is on the inclusive bound
        ("beta", 89.995, 2, "85 - < 90", "compared", -2.005, -1),  # 89,995 is not rounded up into >= 90
        ("delta", 85.0, 3, "85 - < 90", "compared", 5.0, 0),  # tied with gamma: both 3rd
        ("gamma", 85.0, 3, "85 - < 90", "no_score", None, None),  # no 2020 result: not a zero
        ("new-name", 70.0, 5, "< 85", "compared", -5.0, -1),  # rank 4 skipped; compared via rename
        ("newcomer", 60.0, 6, "< 85", "new", None, None),
    ]
    assert set(ranking["rank_of"]) == {6}
    assert set(ranking["prev_year"]) == {2020}


def test_exclusive_bound_keeps_exact_value_out_of_the_upper_tier(con):
    ranking = run(con, "ranking", jurisdiction="tinh-a", group="district", year=2021)
    assert rows(ranking, ["unit_id", "rank", "tier_code"]) == [("d2", 1, "> 90"), ("d1", 2, "<= 90")]


def test_percent_of_maximum_across_the_70_and_100_point_scales(con):
    old = run(con, "ranking", jurisdiction="tinh-a", group="department", year=2015)
    assert rows(old, ["unit_id", "total", "pct", "tier_code", "tier_basis", "prev_status"]) == [
        ("alpha", 62.5, 89.2857, "Tốt", "published", "first"),
        ("beta", 55.0, 78.5714, "Tốt", "derived", "first"),  # exactly on the 2015 Tốt bound
    ]
    new = run(con, "ranking", **DEPT_2021)
    assert new.loc[new["unit_id"] == "alpha", "pct"].item() == pytest.approx(90.0)


def test_partial_national_table_uses_published_ranks_only(con):
    national = run(con, "ranking", jurisdiction="vn", group="province", year=2021)
    assert rows(national, ["unit_id", "rank", "rank_of", "rank_basis"]) == [
        ("p1", 11, 63, "published"),
        ("p2", None, 63, None),
    ]


def test_tier_counts_name_units_and_keep_published_counts(con):
    tiers = run(con, "tier_counts", jurisdiction="tinh-a", group="department", year=2015)
    assert rows(tiers, ["code", "n_named", "n_published", "n_units", "share", "names_vi"]) == [
        ("Tốt", 2, 2, 5, 0.4, "Đơn vị Alpha; Đơn vị Beta"),
        ("Khá", 0, 3, 5, 0.6, None),
        ("Yếu", 0, None, 5, 0.0, None),
    ]


def test_group_summary_gives_a_mean_only_when_every_unit_is_scored(con):
    summary = run(con, "group_summary", **DEPT_2021).iloc[0]
    assert (summary["n_units"], summary["n_scored"], bool(summary["complete"])) == (6, 6, True)
    assert summary["mean_total"] == pytest.approx(479.995 / 6)
    assert summary["prev_year"] == 2020 and not summary["prev_complete"]  # gamma missing in 2020
    assert math.isnan(summary["prev_mean_total"]) and math.isnan(summary["mean_change"])


def test_the_group_mean_has_one_definition_both_the_page_and_the_facts_check_use(con):
    values = "FROM (VALUES (80.5), (90.0), (NULL)) scores(total)"
    assert con.execute(f"SELECT complete_mean(total, 3) {values}").fetchone()[0] is None  # one score unknown
    assert con.execute(f"SELECT complete_mean(total, 2) {values}").fetchone()[0] == pytest.approx(85.25)
    page = run(con, "group_summary", **DEPT_2021).iloc[0]["mean_total"]
    checked = run(con, "published_check", **DEPT_2021).set_index("stat").loc["mean_total", "computed"]
    assert (round(page, 2), checked) == (80.0, 80.0)


def test_published_check_allows_withheld_names_but_not_wrong_figures(con):
    old = run(con, "published_check", jurisdiction="tinh-a", group="department", year=2015)
    assert rows(old, ["stat", "published", "computed", "unknown", "agrees"]) == [
        ("count_tier:Khá", 3.0, 0.0, 3, True),
        ("count_tier:Tốt", 2.0, 2.0, 3, True),
    ]
    new = run(con, "published_check", **DEPT_2021)
    assert rows(new, ["stat", "published", "computed", "agrees"]) == [
        ("mean_total", 80.0, 80.0, True),
        ("count_at_or_above_90", 1.0, 1.0, True),
        ("count_band:>= 90", 1.0, 1.0, True),
    ]


def test_years_lists_published_assessments_with_results(con):
    years = run(con, "years")
    assert rows(years, ["jurisdiction_id", "unit_group", "year", "n_results", "n_scored"]) == [
        ("tinh-a", "department", 2015, 2, 2),
        ("tinh-a", "department", 2020, 4, 4),
        ("tinh-a", "department", 2021, 6, 6),
        ("tinh-a", "district", 2021, 2, 2),
        ("vn", "province", 2021, 2, 2),
    ]


def test_assessment_reports_source_framework_and_completeness(con):
    info = run(con, "assessment", **DEPT_2021).iloc[0]
    assert (info["assessment_id"], info["publisher_vi"], info["decision_no"], info["framework_id"]) == (
        "x-2021",
        "UBND tỉnh A",
        "QĐ 1/QĐ-UBND",
        "fw1",
    )
    assert (info["n_results"], info["n_scored"], info["n_tiered"], info["n_illustrative"]) == (6, 6, 6, 0)


def test_a_year_without_an_assessment_returns_no_rows(con):
    assert run(con, "ranking", jurisdiction="tinh-a", group="department", year=1999).empty
    assert run(con, "assessment", jurisdiction="tinh-a", group="department", year=1999).empty


def test_a_draft_is_invisible_unless_asked_for(draft_db, use_db):
    use_db(draft_db)
    anonymous = query("years")
    assert 2022 not in anonymous["year"].tolist()
    assert query("ranking", jurisdiction="tinh-a", group="department", year=2022).empty
    assert query("assessment", jurisdiction="tinh-a", group="department", year=2022).empty
    editor = query("years", drafts=True)
    assert editor.loc[editor["year"] == 2022, "status"].tolist() == ["draft"]
    ranking = query("ranking", jurisdiction="tinh-a", group="department", year=2022, drafts=True)
    assert ranking["unit_id"].tolist() == ["alpha", "beta", "gamma"]
    assert ranking["rank"].tolist() == [1, 2, 3]
    # the same query without drafts, after the editor's: the cache keeps the two apart
    assert query("ranking", jurisdiction="tinh-a", group="department", year=2022).empty


DEPARTMENTS = {"jurisdiction": "tinh-a", "group": "department"}


def test_group_trend_gives_the_mean_and_middle_half_only_for_complete_years(con):
    trend = run(con, "group_trend", **DEPARTMENTS)
    assert rows(trend, ["year", "n_units", "n_scored", "complete", "mean_pct", "p25_pct", "p75_pct"]) == [
        (2015, 5, 2, False, None, None, None),  # two of five scored: no mean of the published few
        (2020, 5, 4, False, None, None, None),  # gamma has no 2020 result
        # 2021 % of 100: 60, 70, 85, 85, 89.995, 90; the quartiles interpolate between neighbours
        (2021, 6, 6, True, round(479.995 / 6, 4), 73.75, 88.7463),
    ]


def test_tier_history_counts_printed_figures_first_and_placed_units_otherwise(con):
    history = run(con, "tier_history", **DEPARTMENTS)
    assert rows(history, ["year", "tier_order", "label_en", "n"]) == [
        (2015, 1, "Good", 2),
        (2015, 2, "Fair", 3),
        (2015, 3, "Weak", 0),  # 2015: the counts printed
        (2020, 1, "90 and above", 1),
        (2020, 2, "85 to under 90", 1),
        (2020, 3, "Under 85", 2),
        (2021, 1, "90 and above", 1),
        (2021, 2, "85 to under 90", 3),
        (2021, 3, "Under 85", 2),
    ]


def test_area_trend_is_the_mean_percent_of_each_area_per_criteria_set(con):
    areas = run(con, "area_trend", **DEPARTMENTS)
    assert rows(areas, ["year", "framework_id", "area_key", "mean_pct"]) == [
        (2020, "fw0", "A", 82.0),  # (42 + 47 + 40 + 35) / 4 of 50 points
        (2020, "fw0", "S", 85.5),  # (46 + 45 + 40 + 40) / 4 of 50
        (2021, "fw1", "A", 77.2208),  # (53 + 54.995 + 50 + 50 + 40 + 30) / 6 of 60
        (2021, "fw1", "S", 84.1667),  # (37 + 35 + 35 + 35 + 30 + 30) / 6 of 40
    ]


def test_national_context_marks_home_and_computes_no_rank_the_table_did_not_publish(con):
    context = run(con, "national_context", unit="p1")
    assert rows(context, ["year", "unit_id", "total", "rank", "rank_of", "is_home", "leader"]) == [
        (2021, "p1", 88.44, 11, 63, True, False),
        (2021, "p2", 95.0, None, 63, False, None),  # the higher score, but no published place: no leader
    ]
    assert rows(run(con, "national_years", unit="p1"), ["year", "n_units"]) == [(2021, 63)]


def test_tier_table_lists_every_year_s_bands_with_their_bounds(con):
    table = run(con, "tier_table", jurisdiction="tinh-a")
    assert rows(table, ["year", "unit_group", "tier_order", "code", "min_points", "min_inclusive"]) == [
        (2015, "department", 1, "Tốt", 55.0, True),
        (2015, "department", 2, "Khá", 45.0, True),
        (2015, "department", 3, "Yếu", None, None),
        (2020, "department", 1, ">= 90", 90.0, True),
        (2020, "department", 2, "85 - < 90", 85.0, True),
        (2020, "department", 3, "< 85", None, None),
        (2021, "department", 1, ">= 90", 90.0, True),
        (2021, "department", 2, "85 - < 90", 85.0, True),
        (2021, "department", 3, "< 85", None, None),
        (2021, "district", 1, "> 90", 90.0, False),
        (2021, "district", 2, "<= 90", None, None),
    ]


def test_unit_years_are_the_years_the_linked_units_have_results(con):
    years = run(con, "unit_years", units="alpha,gamma", group="department")
    # gamma has a result in 2021 only (none in 2015, none in 2020): those years hold one of the two
    assert rows(years, ["year", "n_units"]) == [(2015, 1), (2020, 1), (2021, 2)]


def test_framework_areas_lists_each_set_s_areas_with_their_counts(con):
    # the fixture's two sets: fw0 (2020: areas of 50 and 50) and fw1 (2021: 60 and 40); A is self-assessed
    areas = run(con, "framework_areas", jurisdiction="tinh-a")
    columns = ["framework_id", "first_year", "area_key", "max_points", "n_criteria", "n_sub", "self_assessed"]
    assert rows(areas, columns) == [
        ("fw0", 2020, "A", 50.0, 1, 2, True),
        ("fw0", 2020, "S", 50.0, 1, 1, False),
        ("fw1", 2021, "A", 60.0, 1, 2, True),
        ("fw1", 2021, "S", 40.0, 1, 1, False),
    ]


def test_lineage_list_names_both_sides_of_each_change(con):
    changes = run(con, "lineage_list")
    assert rows(changes, ["year", "kind", "predecessor_vi", "successor_vi", "successor_en"]) == [
        (2020, "rename", "Đơn vị Cũ", "Đơn vị Mới", "Unit Mới"),
    ]
