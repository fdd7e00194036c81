"""Each named query against the fixture database, with exact expected rows."""

from __future__ import annotations

import math
import shutil
from datetime import UTC, datetime
from hashlib import sha256
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pandas as pd
import pytest

from parindex.db import query, read_only, run
from parindex.importing import backup, commit
from parindex.importing.plan import Options

DEPT_2021 = {"jurisdiction": "tinh-a", "group": "department", "year": 2021}
A = ("tỉnh A", "Province A")  # fixture_data's province: name_vi, name_en
SRC = ("UBND tỉnh A", "Province A PPC", "Công bố chỉ số", None)  # fixture_data's source; no URL
DECISION = "QĐ 1/QĐ-UBND"  # every fixture_data assessment's; lineage_fixture's have none


@pytest.fixture(scope="module")
def con(fixture_db):
    with duckdb.connect(str(fixture_db), read_only=True) as connection:
        yield connection


def rows(frame, columns):
    def clean(value):
        if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
            return None
        return round(float(value), 4) if isinstance(value, float) else value

    return [tuple(clean(v) for v in record) for record in frame[columns].itertuples(index=False)]


def on(db, name, *, drafts=False, **params):
    """A named query on a database file, as an anonymous reader or (drafts=True) an editor."""
    with read_only(db, drafts=drafts) as connection:
        return run(connection, name, **params)


def copied(db: Path, tmp_path: Path) -> Path:
    """A copy of a fixture database to import into, alone in its folder (as tests/test_import.py)."""
    target = tmp_path / "db" / "par.duckdb"
    target.parent.mkdir()
    shutil.copy(db, target)
    return target


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
    columns = ["year", "n_units", "n_results", "n_scored", "complete", "max_total", "mean_total", "mean_pct"]
    columns += ["best_total", "worst_total", "prev_year", "prev_complete", "prev_max_total", "prev_mean_total"]
    columns += ["prev_mean_pct", "mean_change"]
    # 2021: six of six scored (best alpha 90, worst newcomer 60); 2020: gamma missing, so no mean
    # and no change, NULL rather than 0
    mean = round(479.995 / 6, 4)
    assert rows(run(con, "group_summary", **DEPT_2021), columns) == [
        (2021, 6, 6, 6, True, 100.0, mean, mean, 90.0, 60.0, 2020, False, 100.0, None, None, None),
    ]


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
    national = {"jurisdiction": "vn", "group": "province", "year": 2021}
    columns = ["assessment_id", "year", "unit_group", "max_total", "n_units", "ranking", "status", "decision_no"]
    columns += ["decision_date", "note_vi", "note_en"]
    # fixture_data gives no decision date or note: NULL
    assert rows(run(con, "assessment", **DEPT_2021), columns) == [
        ("x-2021", 2021, "department", 100.0, 6, "computed", "published", DECISION, None, None, None),
    ]
    assert rows(run(con, "assessment", **national), columns) == [  # 63 provinces announced
        ("n-2021", 2021, "province", 100.0, 63, "published", "published", DECISION, None, None, None),
    ]
    columns = ["source_id", "publisher_vi", "publisher_en", "document_no", "source_title", "source_url"]
    columns += ["framework_id", "framework_vi", "framework_en"]
    source = ("SRC", *SRC[:2], DECISION, *SRC[2:])  # SRC's document number is the decision's
    assert rows(run(con, "assessment", **DEPT_2021), columns) == [(*source, "fw1", "Bộ tiêu chí 1", "Criteria set 1")]
    assert rows(run(con, "assessment", **national), columns) == [(*source, None, None, None)]  # no criteria set
    columns = ["n_results", "n_scored", "n_tiered", "n_illustrative", "tiers_illustrative", "has_tiers"]
    columns += ["from_sources"]
    # x-2021: six results, all scored and placed in a band, marked published, from data/ (no import)
    assert rows(run(con, "assessment", **DEPT_2021), columns) == [(6, 6, 6, 0, False, True, True)]
    # the partial national table: p1 and p2 scored; no bands set up for it
    assert rows(run(con, "assessment", **national), columns) == [(2, 2, 0, 0, False, False, True)]


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


def test_unit_criteria_orders_a_unit_s_points_lost_ties_by_criterion(con):
    columns = ["unit_id", "name_vi", "name_en", "short_vi", "short_en", "criterion_id", "max_points"]
    columns += ["final_points", "points_lost"]
    beta = ("beta", "Đơn vị Beta", "Unit Beta", "Beta", "Beta")
    # fw1 (2021): A.1 of 60 = beta's 30 + 24.995, S.1 of 40 = 35; 5.005 lost comes before 5
    assert rows(run(con, "unit_criteria", unit="beta", year=2021), columns) == [
        (*beta, "A.1", 60.0, 54.995, 5.005),
        (*beta, "S.1", 40.0, 35.0, 5.0),
    ]
    delta = ("delta", "Đơn vị Delta", "Unit Delta", "Delta", "Delta")
    # fw0 (2020): A.1 of 50 = delta's 20 + 20, S.1 of 50 = 40: 10 lost each, by criterion
    assert rows(run(con, "unit_criteria", unit="delta", year=2020), columns) == [
        (*delta, "A.1", 50.0, 40.0, 10.0),
        (*delta, "S.1", 50.0, 40.0, 10.0),
    ]
    assert run(con, "unit_criteria", unit="alpha", year=2015).empty  # 2015 has totals only
    assert run(con, "unit_criteria", unit="gamma", year=2020).empty  # gamma has no 2020 result


def test_criteria_years_are_the_years_scored_per_criterion_with_their_set(con):
    # 2015 has totals only; 2020 is scored on fw0, 2021 on fw1; the districts have totals only
    assert rows(run(con, "criteria_years", **DEPARTMENTS), ["year", "framework_id"]) == [(2020, "fw0"), (2021, "fw1")]
    assert run(con, "criteria_years", jurisdiction="tinh-a", group="district").empty


def test_tiers_give_one_year_s_bands_best_first_with_an_open_last_band(con):
    columns = ["tier_order", "code", "label_vi", "label_en", "min_points", "min_inclusive", "provenance"]
    assert rows(run(con, "tiers", jurisdiction="tinh-a", group="department", year=2015), columns) == [
        (1, "Tốt", "Tốt", "Good", 55.0, True, "published"),
        (2, "Khá", "Khá", "Fair", 45.0, True, "published"),
        (3, "Yếu", "Yếu", "Weak", None, None, "published"),  # the last band has no lower bound
    ]
    assert rows(run(con, "tiers", jurisdiction="tinh-a", group="district", year=2021), columns) == [
        (1, "> 90", "Trên 90", "Above 90", 90.0, False, "published"),  # exclusive
        (2, "<= 90", "Từ 90 trở xuống", "90 and under", None, None, "published"),
    ]
    assert run(con, "tiers", jurisdiction="tinh-a", group="district", year=2020).empty  # no bands set up


def test_a_draft_year_s_bands_are_for_editors_only(draft_db):
    draft_year = {"jurisdiction": "tinh-a", "group": "department", "year": 2022}
    assert on(draft_db, "tiers", **draft_year).empty
    # draft_fixture copies 2021's department bands to its 2022 draft
    assert on(draft_db, "tiers", **draft_year, drafts=True)["code"].tolist() == [">= 90", "85 - < 90", "< 85"]


def test_units_list_the_group_in_vietnamese_order_with_their_years(con):
    columns = ["unit_id", "name_vi", "name_en", "short_vi", "short_en", "first_year", "last_year"]
    assert rows(run(con, "units", **DEPARTMENTS), columns) == [
        ("alpha", "Đơn vị Alpha", "Unit Alpha", "Alpha", "Alpha", 2015, None),  # still active: no last year
        ("beta", "Đơn vị Beta", "Unit Beta", "Beta", "Beta", 2015, None),
        ("old-name", "Đơn vị Cũ", "Unit Cũ", "Cũ", "Cũ", 2015, 2019),  # renamed new-name in 2020
        ("delta", "Đơn vị Delta", "Unit Delta", "Delta", "Delta", 2015, None),
        ("gamma", "Đơn vị Gamma", "Unit Gamma", "Gamma", "Gamma", 2015, None),
        ("new-name", "Đơn vị Mới", "Unit Mới", "Mới", "Mới", 2020, None),
        ("newcomer", "Đơn vị Newcomer", "Unit Newcomer", "Newcomer", "Newcomer", 2021, None),
    ]


def test_rank_movement_follows_a_rename_and_keeps_a_missing_rank_missing(con):
    columns = ["line_id", "name_vi", "name_en", "short_vi", "short_en", "rank_from", "rank_to", "moved"]
    # 2020 ranks from the totals: beta 92, alpha 88, delta 80, old-name 75; 2021 from test_ranking
    movement = run(con, "rank_movement", **DEPARTMENTS, **{"from": 2020, "to": 2021})
    assert rows(movement, columns) == [
        ("alpha", "Đơn vị Alpha", "Unit Alpha", "Alpha", "Alpha", 2, 1, 1),  # rose one place
        ("beta", "Đơn vị Beta", "Unit Beta", "Beta", "Beta", 1, 2, -1),
        ("delta", "Đơn vị Delta", "Unit Delta", "Delta", "Delta", 3, 3, 0),
        ("gamma", "Đơn vị Gamma", "Unit Gamma", "Gamma", "Gamma", None, 3, None),  # no 2020 result
        ("new-name", "Đơn vị Mới", "Unit Mới", "Mới", "Mới", 4, 5, -1),  # old-name's 4th, under its new name
        ("newcomer", "Đơn vị Newcomer", "Unit Newcomer", "Newcomer", "Newcomer", None, 6, None),
    ]


def department(uid, name):
    """A fixture_data department as the queries name it: id, name_vi, name_en, short_vi, short_en."""
    return (uid, f"Đơn vị {name}", f"Unit {name}", name, name)


def test_criterion_scores_give_each_unit_s_criteria_and_sub_criteria_in_rank_order(con):
    columns = ["unit_id", "name_vi", "name_en", "short_vi", "short_en", "rank", "criterion_id", "parent_id", "level"]
    columns += ["sort_order", "name_vi_c", "name_en_c", "short_vi_c", "short_en_c", "max_points", "final_points"]
    columns += ["self_points", "pct"]
    # fixture_data names each criterion by its id (vi, en, short vi, short en)
    a1 = ("A.1", "A", "criterion", 1, *("A.1",) * 4)
    a1a, a1b = ("A.1.a", "A.1", "sub", 1, *("A.1.a",) * 4), ("A.1.b", "A.1", "sub", 2, *("A.1.b",) * 4)
    beta, alpha, delta = department("beta", "Beta"), department("alpha", "Alpha"), department("delta", "Delta")
    old = department("old-name", "Cũ")
    # 2020, fw0: A.1 of 50 is A.1.a of 25 + A.1.b of 25; (final, self) from fixture_data's scores;
    # ranks from the totals: beta 92, alpha 88, delta 80, old-name 75
    assert rows(run(con, "criterion_scores", year=2020, area="A", **DEPARTMENTS), columns) == [
        (*beta, 1, *a1, 50.0, 47.0, 47.0, 94.0),  # 25 + 22
        (*beta, 1, *a1a, 25.0, 25.0, 25.0, 100.0),
        (*beta, 1, *a1b, 25.0, 22.0, 22.0, 88.0),
        (*alpha, 2, *a1, 50.0, 42.0, 46.0, 84.0),  # 22 + 20, self 24 + 22
        (*alpha, 2, *a1a, 25.0, 22.0, 24.0, 88.0),
        (*alpha, 2, *a1b, 25.0, 20.0, 22.0, 80.0),
        (*delta, 3, *a1, 50.0, 40.0, 40.0, 80.0),
        (*delta, 3, *a1a, 25.0, 20.0, 20.0, 80.0),
        (*delta, 3, *a1b, 25.0, 20.0, 20.0, 80.0),
        (*old, 4, *a1, 50.0, 35.0, 40.0, 70.0),  # 20 + 15, self 22 + 18
        (*old, 4, *a1a, 25.0, 20.0, 22.0, 80.0),
        (*old, 4, *a1b, 25.0, 15.0, 18.0, 60.0),
    ]
    # 2021, fw1: S.1 of 40 is S.1.a of 40, survey-based: no self points (NULL, not 0); delta and
    # gamma tie 3rd: by name
    s1, s1a = ("S.1", "S", "criterion", 1, *("S.1",) * 4), ("S.1.a", "S.1", "sub", 1, *("S.1.a",) * 4)
    survey = [
        (department("alpha", "Alpha"), 1, 37.0, 92.5),
        (department("beta", "Beta"), 2, 35.0, 87.5),
        (department("delta", "Delta"), 3, 35.0, 87.5),
        (department("gamma", "Gamma"), 3, 35.0, 87.5),
        (department("new-name", "Mới"), 5, 30.0, 75.0),
        (department("newcomer", "Newcomer"), 6, 30.0, 75.0),
    ]
    assert rows(run(con, "criterion_scores", year=2021, area="S", **DEPARTMENTS), columns) == [
        (*who, rank, *node, 40.0, points, None, pct) for who, rank, points, pct in survey for node in (s1, s1a)
    ]


def test_dataset_scores_list_every_sub_criterion_score_with_its_set_and_names(con):
    columns = ["jurisdiction_id", "year", "unit_group", "unit_id", "name_vi", "framework_id", "criterion_id"]
    columns += ["criterion_vi"]
    columns += ["criterion_en", "max_points", "self_points", "final_points", "provenance"]
    # fixture_data's scores: (self, final) per sub-criterion; S.1.a is survey-based (no self:
    # NULL); by group, year, unit name (Cũ before Delta), criterion; criteria named by their id
    fw0, fw1 = ("tinh-a", 2020, "department"), ("tinh-a", 2021, "department")
    assert rows(run(con, "dataset_scores"), columns) == [
        (*fw0, "alpha", "Đơn vị Alpha", "fw0", *("A.1.a",) * 3, 25.0, 24.0, 22.0, "illustrative"),
        (*fw0, "alpha", "Đơn vị Alpha", "fw0", *("A.1.b",) * 3, 25.0, 22.0, 20.0, "illustrative"),
        (*fw0, "alpha", "Đơn vị Alpha", "fw0", *("S.1.a",) * 3, 50.0, None, 46.0, "illustrative"),
        (*fw0, "beta", "Đơn vị Beta", "fw0", *("A.1.a",) * 3, 25.0, 25.0, 25.0, "illustrative"),
        (*fw0, "beta", "Đơn vị Beta", "fw0", *("A.1.b",) * 3, 25.0, 22.0, 22.0, "illustrative"),
        (*fw0, "beta", "Đơn vị Beta", "fw0", *("S.1.a",) * 3, 50.0, None, 45.0, "illustrative"),
        (*fw0, "old-name", "Đơn vị Cũ", "fw0", *("A.1.a",) * 3, 25.0, 22.0, 20.0, "illustrative"),
        (*fw0, "old-name", "Đơn vị Cũ", "fw0", *("A.1.b",) * 3, 25.0, 18.0, 15.0, "illustrative"),
        (*fw0, "old-name", "Đơn vị Cũ", "fw0", *("S.1.a",) * 3, 50.0, None, 40.0, "illustrative"),
        (*fw0, "delta", "Đơn vị Delta", "fw0", *("A.1.a",) * 3, 25.0, 20.0, 20.0, "illustrative"),
        (*fw0, "delta", "Đơn vị Delta", "fw0", *("A.1.b",) * 3, 25.0, 20.0, 20.0, "illustrative"),
        (*fw0, "delta", "Đơn vị Delta", "fw0", *("S.1.a",) * 3, 50.0, None, 40.0, "illustrative"),
        (*fw1, "alpha", "Đơn vị Alpha", "fw1", *("A.1.a",) * 3, 30.0, 30.0, 28.0, "illustrative"),
        (*fw1, "alpha", "Đơn vị Alpha", "fw1", *("A.1.b",) * 3, 30.0, 27.0, 25.0, "illustrative"),
        (*fw1, "alpha", "Đơn vị Alpha", "fw1", *("S.1.a",) * 3, 40.0, None, 37.0, "illustrative"),
        (*fw1, "beta", "Đơn vị Beta", "fw1", *("A.1.a",) * 3, 30.0, 30.0, 30.0, "illustrative"),
        (*fw1, "beta", "Đơn vị Beta", "fw1", *("A.1.b",) * 3, 30.0, 25.0, 24.995, "illustrative"),
        (*fw1, "beta", "Đơn vị Beta", "fw1", *("S.1.a",) * 3, 40.0, None, 35.0, "illustrative"),
        (*fw1, "delta", "Đơn vị Delta", "fw1", *("A.1.a",) * 3, 30.0, 20.0, 20.0, "illustrative"),
        (*fw1, "delta", "Đơn vị Delta", "fw1", *("A.1.b",) * 3, 30.0, 30.0, 30.0, "illustrative"),
        (*fw1, "delta", "Đơn vị Delta", "fw1", *("S.1.a",) * 3, 40.0, None, 35.0, "illustrative"),
        (*fw1, "gamma", "Đơn vị Gamma", "fw1", *("A.1.a",) * 3, 30.0, 25.0, 25.0, "illustrative"),
        (*fw1, "gamma", "Đơn vị Gamma", "fw1", *("A.1.b",) * 3, 30.0, 25.0, 25.0, "illustrative"),
        (*fw1, "gamma", "Đơn vị Gamma", "fw1", *("S.1.a",) * 3, 40.0, None, 35.0, "illustrative"),
        (*fw1, "new-name", "Đơn vị Mới", "fw1", *("A.1.a",) * 3, 30.0, 22.0, 20.0, "illustrative"),
        (*fw1, "new-name", "Đơn vị Mới", "fw1", *("A.1.b",) * 3, 30.0, 22.0, 20.0, "illustrative"),
        (*fw1, "new-name", "Đơn vị Mới", "fw1", *("S.1.a",) * 3, 40.0, None, 30.0, "illustrative"),
        (*fw1, "newcomer", "Đơn vị Newcomer", "fw1", *("A.1.a",) * 3, 30.0, 15.0, 15.0, "illustrative"),
        (*fw1, "newcomer", "Đơn vị Newcomer", "fw1", *("A.1.b",) * 3, 30.0, 15.0, 15.0, "illustrative"),
        (*fw1, "newcomer", "Đơn vị Newcomer", "fw1", *("S.1.a",) * 3, 40.0, None, 30.0, "illustrative"),
    ]


def test_dataset_results_list_every_visible_result_the_draft_for_editors_only(draft_db):
    columns = ["jurisdiction_id", "year", "unit_group", "unit_id", "name_vi", "name_en", "total", "max_total", "pct"]
    columns += ["rank", "rank_of"]
    columns += ["tier_vi", "tier_en", "provenance", "derived", "source"]
    top, mid, low = ("Từ 90 điểm", "90 and above"), ("Từ 85 đến dưới 90", "85 to under 90"), ("Dưới 85", "Under 85")
    published = ("published", False, "UBND tỉnh A")  # fixture_data's results: none derived, all from SRC

    def unit(uid, name):
        return department(uid, name)[:3]

    # by group, year, rank, name; pct of the year's maximum rounded to 2 places (62,5 of 70 = 89,29);
    # rank_of is the announced count; tiers from fixture_data's bands (beta's 55 on the 2015 Tốt bound)
    departments = [
        ("tinh-a", 2015, "department", *unit("alpha", "Alpha"), 62.5, 70.0, 89.29, 1, 5, "Tốt", "Good", *published),
        ("tinh-a", 2015, "department", *unit("beta", "Beta"), 55.0, 70.0, 78.57, 2, 5, "Tốt", "Good", *published),
        ("tinh-a", 2020, "department", *unit("beta", "Beta"), 92.0, 100.0, 92.0, 1, 5, *top, *published),
        ("tinh-a", 2020, "department", *unit("alpha", "Alpha"), 88.0, 100.0, 88.0, 2, 5, *mid, *published),
        ("tinh-a", 2020, "department", *unit("delta", "Delta"), 80.0, 100.0, 80.0, 3, 5, *low, *published),
        ("tinh-a", 2020, "department", *unit("old-name", "Cũ"), 75.0, 100.0, 75.0, 4, 5, *low, *published),
        ("tinh-a", 2021, "department", *unit("alpha", "Alpha"), 90.0, 100.0, 90.0, 1, 6, *top, *published),
        # 89,995 is in the second band; its percent, rounded half up to 2 places, reads 90,00
        ("tinh-a", 2021, "department", *unit("beta", "Beta"), 89.995, 100.0, 90.0, 2, 6, *mid, *published),
        ("tinh-a", 2021, "department", *unit("delta", "Delta"), 85.0, 100.0, 85.0, 3, 6, *mid, *published),
        ("tinh-a", 2021, "department", *unit("gamma", "Gamma"), 85.0, 100.0, 85.0, 3, 6, *mid, *published),
        ("tinh-a", 2021, "department", *unit("new-name", "Mới"), 70.0, 100.0, 70.0, 5, 6, *low, *published),
        ("tinh-a", 2021, "department", *unit("newcomer", "Newcomer"), 60.0, 100.0, 60.0, 6, 6, *low, *published),
    ]
    above, under = ("Trên 90", "Above 90"), ("Từ 90 trở xuống", "90 and under")  # the districts' exclusive bound
    others = [
        ("tinh-a", 2021, "district", "d2", "huyện d2", "d2 district", 90.01, 100.0, 90.01, 1, 2, *above, *published),
        ("tinh-a", 2021, "district", "d1", "huyện d1", "d1 district", 90.0, 100.0, 90.0, 2, 2, *under, *published),
        # the partial national table: p2 has no published place and none is computed; no bands
        ("vn", 2021, "province", "p1", "tỉnh p1", "p1 province", 88.44, 100.0, 88.44, 11, 63, None, None, *published),
        ("vn", 2021, "province", "p2", "tỉnh p2", "p2 province", 95.0, 100.0, 95.0, None, 63, None, None, *published),
    ]
    # draft_fixture's 2022: alpha 93, beta 87,5, gamma 81,25 of 3 announced, on 2021's bands
    draft = [
        ("tinh-a", 2022, "department", *unit("alpha", "Alpha"), 93.0, 100.0, 93.0, 1, 3, *top, *published),
        ("tinh-a", 2022, "department", *unit("beta", "Beta"), 87.5, 100.0, 87.5, 2, 3, *mid, *published),
        ("tinh-a", 2022, "department", *unit("gamma", "Gamma"), 81.25, 100.0, 81.25, 3, 3, *low, *published),
    ]
    assert rows(on(draft_db, "dataset_results"), columns) == [*departments, *others]
    assert rows(on(draft_db, "dataset_results", drafts=True), columns) == [*departments, *draft, *others]


def test_jurisdictions_lists_provinces_with_own_results_a_draft_only_one_for_editors(fixture_db, tmp_path):
    db = copied(fixture_db, tmp_path)
    columns = ["jurisdiction_id", "name_vi", "name_en"]
    # vn has results, but as the national index's units (group province): not a province to pick
    assert rows(on(db, "jurisdictions"), columns) == [("tinh-a", *A)]
    sheet = "Tên đơn vị;Tổng điểm\nSở Một;80\n".encode()
    options = Options(2022, "department", jurisdiction="yen-bai", create_units=True)
    commit.import_file("yen-bai.csv", sheet, options, db, editor="Lan")  # a draft: the import's default
    assert rows(on(db, "jurisdictions"), columns) == [("tinh-a", *A)]
    # a place an import creates is named by its id until someone names it
    assert rows(on(db, "jurisdictions", drafts=True), columns) == [("tinh-a", *A), ("yen-bai", "yen-bai", "yen-bai")]


# The queries below read the reorganisation fixture (tests/lineage_fixture.py): communes formed
# from former districts, one of them in tỉnh B, and a 2026 commune draft holding xã Ba (xa-3).


def test_assessment_list_lists_the_province_s_assessments_and_the_national_index_drafts_for_editors(lineage_db):
    columns = ["year", "unit_group", "jurisdiction_vi", "jurisdiction_en", "max_total", "n_units", "n_results"]
    columns += ["n_scored", "n_illustrative", "decision_no", "publisher_vi", "publisher_en", "title", "url"]
    columns += ["framework_id"]
    published = [
        # fixture_data's assessments: results marked published; 2015 on the 70-point scale
        (2015, "department", *A, 70.0, 5, 2, 2, 0, DECISION, *SRC, None),
        (2020, "department", *A, 100.0, 5, 4, 4, 0, DECISION, *SRC, "fw0"),
        (2021, "department", *A, 100.0, 6, 6, 6, 0, DECISION, *SRC, "fw1"),
        # lineage_fixture's y-<year>-<group>: illustrative results, no decision, no criteria set
        (2022, "department", *A, 100.0, 3, 3, 3, 3, None, *SRC, None),  # noi-vu, ldtbxh, r1
        (2023, "department", *A, 100.0, 3, 3, 3, 3, None, *SRC, None),  # noi-vu, ldtbxh, r2
        (2024, "department", *A, 100.0, 3, 3, 3, 3, None, *SRC, None),  # noi-vu, ldtbxh, r3
        (2025, "department", *A, 100.0, 1, 1, 1, 1, None, *SRC, None),  # noi-vu-moi
        (2021, "district", *A, 100.0, 2, 2, 2, 0, DECISION, *SRC, None),  # x-2021-d: d1, d2
        (2022, "district", *A, 100.0, 2, 2, 2, 2, None, *SRC, None),  # h-cu, h-chia
        (2023, "district", *A, 100.0, 3, 3, 3, 3, None, *SRC, None),  # h-cu, h-a, h-b
        (2024, "district", *A, 100.0, 3, 3, 3, 3, None, *SRC, None),  # h-cu, h-a, h-b
        (2025, "commune", *A, 100.0, 2, 2, 2, 2, None, *SRC, None),  # xa-1, xa-2
    ]
    national = (2021, "province", "Việt Nam", "Viet Nam", 100.0, 63, 2, 2, 0, DECISION, *SRC, None)  # p1, p2
    draft = (2026, "commune", *A, 100.0, 3, 3, 3, 3, None, *SRC, None)  # xa-1, xa-2, xa-3
    assert rows(on(lineage_db, "assessment_list", jurisdiction="tinh-a"), columns) == [*published, national]
    editor = on(lineage_db, "assessment_list", jurisdiction="tinh-a", drafts=True)
    assert rows(editor, columns) == [*published, draft, national]  # the draft in its group, by year
    # a province with no assessment of its own still lists the national index
    assert rows(on(lineage_db, "assessment_list", jurisdiction="tinh-b"), columns) == [national]


def test_draft_list_is_empty_for_an_anonymous_reader_and_lists_the_draft_for_an_editor(lineage_db):
    columns = ["assessment_id", "jurisdiction_id", "year", "unit_group", "n_results", "import_id"]
    assert on(lineage_db, "draft_list").empty
    # written from data/ (no import): no import_id, not 0
    assert rows(on(lineage_db, "draft_list", drafts=True), columns) == [
        ("y-2026-commune", "tinh-a", 2026, "commune", 3, None)
    ]


def test_group_jurisdictions_lists_each_place_that_has_units_of_the_group(lineage_db, fixture_db):
    expected = {
        "department": [("tinh-a",)],
        "district": [("tinh-a",), ("tinh-b",)],  # h-khac, a former district of tỉnh B, beside tỉnh A's
        "commune": [("tinh-a",)],  # xa-1, xa-2 and the draft's xa-3
        "province": [("vn",)],  # p1, p2 of the national index
    }
    for group, places in expected.items():
        assert rows(on(lineage_db, "group_jurisdictions", group=group), ["jurisdiction_id"]) == places, group
    assert on(fixture_db, "group_jurisdictions", group="commune").empty  # fixture_data has no communes


def test_origin_options_count_the_shown_units_each_former_district_gave(lineage_db):
    columns = ["former_unit_id", "district_vi", "district_en", "province_id", "province_vi", "province_en", "n_units"]
    # lineage_fixture's unit_origins: xa-1 <- h-cu, h-khac; xa-2 <- h-cu, h-doi; xa-3 (draft only) <- h-a
    draft_only = ("h-a", "huyện A", "huyện A", "tinh-a", *A, 1)
    shown = [
        ("h-cu", "huyện Cũ", "huyện Cũ", "tinh-a", *A, 2),  # xa-1 and xa-2
        ("h-doi", "huyện Đồi", "huyện Đồi", "tinh-a", *A, 1),
        ("h-khac", "huyện Khác", "huyện Khác", "tinh-b", "tỉnh B", "Province B", 1),  # by province first
    ]
    assert rows(on(lineage_db, "origin_options", jurisdiction="tinh-a", group="commune"), columns) == shown
    editor = on(lineage_db, "origin_options", jurisdiction="tinh-a", group="commune", drafts=True)
    assert rows(editor, columns) == [draft_only, *shown]
    assert on(lineage_db, "origin_options", jurisdiction="tinh-a", group="department").empty  # no origins
    # the origins belong to the commune's province, not the former district's
    assert on(lineage_db, "origin_options", jurisdiction="tinh-b", group="commune").empty


def test_unit_origin_map_puts_a_unit_of_two_districts_under_both_in_vietnamese_order(lineage_db):
    columns = ["unit_id", "former_unit_id", "district_vi", "district_en", "district_short_vi", "district_short_en"]
    origins = on(lineage_db, "unit_origin_map", jurisdiction="tinh-a", group="commune")
    # by district name as Vietnamese sorts it (Đ after D, before K; byte order puts it after K),
    # then unit; xa-3, only in the 2026 draft, for an editor only
    published = [
        ("xa-1", "h-cu", "huyện Cũ", "huyện Cũ", "huyện Cũ", "huyện Cũ"),
        ("xa-2", "h-cu", "huyện Cũ", "huyện Cũ", "huyện Cũ", "huyện Cũ"),
        ("xa-2", "h-doi", "huyện Đồi", "huyện Đồi", "huyện Đồi", "huyện Đồi"),
        ("xa-1", "h-khac", "huyện Khác", "huyện Khác", "huyện Khác", "huyện Khác"),
    ]
    assert rows(origins, columns) == published
    drafted = on(lineage_db, "unit_origin_map", jurisdiction="tinh-a", group="commune", drafts=True)
    assert rows(drafted, columns) == [("xa-3", "h-a", "huyện A", "huyện A", "huyện A", "huyện A"), *published]
    assert on(lineage_db, "unit_origin_map", jurisdiction="tinh-a", group="district").empty


def test_unit_origins_names_each_former_district_and_its_communes(lineage_db):
    columns = ["former_unit_id", "predecessors_vi", "code_2025", "district_vi", "district_en", "province_id"]
    columns += ["province_vi", "province_en"]
    assert rows(on(lineage_db, "unit_origins", unit="xa-1"), columns) == [  # two districts of two provinces
        ("h-cu", "Xã Cũ Một; Thị trấn Cũ", "00001", "huyện Cũ", "huyện Cũ", "tinh-a", *A),
        ("h-khac", "Xã Bên Kia", "00001", "huyện Khác", "huyện Khác", "tinh-b", "tỉnh B", "Province B"),
    ]
    assert rows(on(lineage_db, "unit_origins", unit="xa-3", drafts=True), columns) == [
        ("h-a", "Xã A Một", None, "huyện A", "huyện A", "tinh-a", *A),  # no 2025 code known: NULL, not ''
    ]
    assert on(lineage_db, "unit_origins", unit="xa-3").empty  # only in the 2026 draft
    assert on(lineage_db, "unit_origins", unit="alpha").empty  # not formed in a reorganisation


def test_unit_names_its_renames_both_ways_and_hides_a_draft_only_unit(lineage_db, fixture_db):
    columns = ["unit_id", "jurisdiction_id", "unit_group", "name_vi", "name_en", "short_vi", "short_en"]
    columns += ["first_year", "last_year", "line_id", "note_vi", "note_en", "became_vi", "became_en"]
    columns += ["was_vi", "was_en"]
    # r1 -> r2 (2023) -> r3 (2024), each rename with its note; one line, r3's
    notes = ("Tên 2 đổi thành Tên 3", "Name 2 became Name 3", "Tên 1 đổi thành Tên 2", "Name 1 became Name 2")
    assert rows(on(lineage_db, "unit", unit="r2"), columns) == [
        ("r2", "tinh-a", "department", *("Tên 2",) * 4, 2023, 2023, "r3", None, None, *notes),
    ]
    assert rows(on(fixture_db, "unit", unit="alpha"), columns) == [  # no rename, no note: NULL
        ("alpha", "tinh-a", "department", "Đơn vị Alpha", "Unit Alpha", "Alpha", "Alpha", 2015, None, "alpha")
        + (None,) * 6,
    ]
    assert on(lineage_db, "unit", unit="xa-3").empty  # only in the 2026 draft
    assert rows(on(lineage_db, "unit", unit="xa-3", drafts=True), columns) == [
        ("xa-3", "tinh-a", "commune", *("xã Ba",) * 4, 2026, None, "xa-3") + (None,) * 6,
    ]


def test_units_leave_a_draft_only_unit_to_editors(lineage_db):
    columns = ["unit_id", "name_vi", "first_year", "last_year"]
    assert rows(on(lineage_db, "units", jurisdiction="tinh-a", group="commune"), columns) == [
        ("xa-2", "xã Hai", 2025, None),
        ("xa-1", "xã Một", 2025, None),
    ]
    assert rows(on(lineage_db, "units", jurisdiction="tinh-a", group="commune", drafts=True), columns) == [
        ("xa-3", "xã Ba", 2026, None),
        ("xa-2", "xã Hai", 2025, None),
        ("xa-1", "xã Một", 2025, None),
    ]


def test_rank_movement_keeps_a_unit_ranked_in_one_year_only(lineage_db):
    columns = ["line_id", "rank_from", "rank_to", "moved"]
    # 2022: h-chia 75, h-cu 70; 2023: h-a 76, h-b 74, h-cu 71 (h-chia split into h-a and h-b: new lines)
    districts = on(lineage_db, "rank_movement", jurisdiction="tinh-a", group="district", **{"from": 2022, "to": 2023})
    assert rows(districts, columns) == [
        ("h-a", None, 1, None),
        ("h-b", None, 2, None),
        ("h-cu", 2, 3, -1),
        ("h-chia", 1, None, None),  # ranked in the first year only: last
    ]
    # communes 2025: xa-1 80, xa-2 79; the 2026 draft: xa-3 83, xa-1 81, xa-2 78
    years = {"from": 2025, "to": 2026}
    assert rows(on(lineage_db, "rank_movement", jurisdiction="tinh-a", group="commune", **years), columns) == [
        ("xa-1", 1, None, None),  # the draft year is not there for an anonymous reader
        ("xa-2", 2, None, None),
    ]
    editor = on(lineage_db, "rank_movement", jurisdiction="tinh-a", group="commune", drafts=True, **years)
    assert rows(editor, columns) == [("xa-3", None, 1, None), ("xa-1", 1, 2, -1), ("xa-2", 2, 3, -1)]
    # the communes formed from huyện Đồi (xa-2 alone) keep the province's ranks
    from_doi = on(
        lineage_db,
        "rank_movement",
        jurisdiction="tinh-a",
        group="commune",
        drafts=True,
        former_district="h-doi",
        **years,
    )
    assert rows(from_doi, columns) == [("xa-2", 2, 3, -1)]


def test_group_summary_gives_a_change_between_two_complete_years_and_for_a_subset(lineage_db):
    columns = ["year", "n_units", "n_results", "n_scored", "complete", "max_total", "mean_total", "mean_pct"]
    columns += ["best_total", "worst_total", "prev_year", "prev_complete", "prev_max_total", "prev_mean_total"]
    columns += ["prev_mean_pct", "mean_change"]
    departments = on(lineage_db, "group_summary", jurisdiction="tinh-a", group="department", year=2023)
    # 2023: noi-vu 91, ldtbxh 85, r2 81 (mean 85,6667); 2022: 90, 84, 80 (84,6667); 85,67 - 84,67
    assert rows(departments, columns) == [
        (2023, 3, 3, 3, True, 100.0, 85.6667, 85.6667, 91.0, 81.0, 2022, True, 100.0, 84.6667, 84.6667, 1.0),
    ]
    merged = on(lineage_db, "group_summary", jurisdiction="tinh-a", group="department", year=2025)
    # 2025: noi-vu-moi 88 alone; 2024: 92, 86, 82 (86,6667): the change of the means as shown,
    # 88,00 - 86,67, not 1,3333
    assert rows(merged, columns) == [
        (2025, 1, 1, 1, True, 100.0, 88.0, 88.0, 88.0, 88.0, 2024, True, 100.0, 86.6667, 86.6667, 1.33),
    ]
    subset = {"jurisdiction": "tinh-a", "group": "commune", "year": 2026, "former_district": "h-doi"}
    assert on(lineage_db, "group_summary", **subset).empty  # 2026 is a draft
    # the communes formed from huyện Đồi: xa-2 alone, 79 in 2025 and 78 in the draft; its units are
    # the subset's with a result, not the announcement's 3
    assert rows(on(lineage_db, "group_summary", drafts=True, **subset), columns) == [
        (2026, 1, 1, 1, True, 100.0, 78.0, 78.0, 78.0, 78.0, 2025, True, 100.0, 79.0, 79.0, -1.0),
    ]


# The log and the drafts as editors change them: imports, a publication and a restore into a copy
# of the draft fixture (tests/draft_fixture.py: x-2022, a draft written from data/).


def test_the_log_drafts_and_an_imported_assessment_follow_imports_a_publication_and_a_restore(
    draft_db, tmp_path, monkeypatch
):
    db = copied(draft_db, tmp_path)
    moments = [datetime(2026, 3, day, 8, 0, tzinfo=UTC) for day in (1, 2, 3, 4)]
    ticks = iter(moments)  # the log's clock: one fixed moment per entry, in the order written
    clock = SimpleNamespace(now=lambda tz: next(ticks))
    monkeypatch.setattr(commit, "datetime", clock)
    monkeypatch.setattr(backup, "datetime", clock)
    departments = "Tên đơn vị;Tổng điểm\nĐơn vị Alpha;91,5\nĐơn vị Beta;88,25\nĐơn vị Gamma;70\n".encode()
    districts = "Tên đơn vị;Tổng điểm\nhuyện d1;80\nhuyện d2;82,5\n".encode()
    commit.import_file("huyện-2023.csv", districts, Options(2023, "district"), db, editor="Lan")
    commit.import_file("sở-2023.csv", departments, Options(2023, "department"), db, editor="Lan")

    drafts = ["assessment_id", "jurisdiction_id", "year", "unit_group", "n_results", "import_id"]
    assert on(db, "draft_list").empty  # an anonymous reader: no draft, however many
    assert rows(on(db, "draft_list", drafts=True), drafts) == [  # newest year first, then group
        ("tinh-a-2023-department", "tinh-a", 2023, "department", 3, 2),  # imported after the districts
        ("tinh-a-2023-district", "tinh-a", 2023, "district", 2, 1),
        ("x-2022", "tinh-a", 2022, "department", 3, None),  # draft_fixture's, from data/: no import
    ]
    commit.publish(db, "tinh-a-2023-department", "QĐ 9/QĐ-UBND", "2024-03-30", editor="Minh")
    # the published import: no criteria set covers 2023 (100 points), no bands set up; its source is
    # the publication's (import 3), titled by the file; from_sources is false for an import
    published = on(db, "assessment", jurisdiction="tinh-a", group="department", year=2023)
    assert rows(published, ["assessment_id", "max_total", "n_units", "ranking", "status", "decision_no"]) == [
        ("tinh-a-2023-department", 100.0, 3, "computed", "published", "QĐ 9/QĐ-UBND")
    ]
    assert published["decision_date"].tolist() == [pd.Timestamp("2024-03-30")]
    columns = ["source_id", "publisher_vi", "publisher_en", "document_no", "source_title", "source_url"]
    assert rows(published, columns) == [
        ("import-3", "UBND tỉnh A", "Province A People's Committee", "QĐ 9/QĐ-UBND", "sở-2023.csv", None)
    ]
    columns = ["framework_id", "n_results", "n_scored", "n_tiered", "n_illustrative", "tiers_illustrative"]
    columns += ["has_tiers", "from_sources", "note_vi", "note_en"]
    assert rows(published, columns) == [(None, 3, 3, 0, 0, False, False, False, None, None)]
    assert rows(on(db, "draft_list", drafts=True), ["assessment_id", "import_id"]) == [
        ("tinh-a-2023-district", 1),
        ("x-2022", None),
    ]
    saved = tmp_path / "backup.xlsx"
    saved.write_bytes(backup.to_xlsx(db))
    backup.restore(saved, db, editor="Hoa")

    log = on(db, "import_log")
    at = [pd.Timestamp(moment.replace(tzinfo=None)) for moment in moments]  # the clock's, stored in UTC
    columns = ["import_id", "imported_at", "editor", "action", "status", "year", "unit_group", "assessment_id"]
    assert rows(log, columns) == [  # the newest first
        (4, at[3], "Hoa", "restore", "mixed", None, None, None),  # of no one year, group or assessment
        (3, at[2], "Minh", "publish", "published", 2023, "department", "tinh-a-2023-department"),
        (2, at[1], "Lan", "import", "draft", 2023, "department", "tinh-a-2023-department"),
        (1, at[0], "Lan", "import", "draft", 2023, "district", "tinh-a-2023-district"),
    ]
    # the restore reads back every assessment's results: the draft fixture's 16 published and 3 draft,
    # and the two imports' 3 and 2 (24); a publication reads no file (NULL, not 0 or '')
    assert rows(log, ["import_id", "file_name", "sha256", "rows", "replaced", "decision_no"]) == [
        (4, "backup.xlsx", sha256(saved.read_bytes()).hexdigest(), 24, None, None),
        (3, None, None, None, None, "QĐ 9/QĐ-UBND"),
        (2, "sở-2023.csv", sha256(departments).hexdigest(), 3, False, None),
        (1, "huyện-2023.csv", sha256(districts).hexdigest(), 2, False, None),
    ]
    # the editors' page (behind sign-in) reads the log without drafts=True: draft imports are in it all the same
    assert on(db, "import_log").equals(on(db, "import_log", drafts=True))
