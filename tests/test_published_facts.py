"""Every published fact holds in the database built from the embedded dataset.

Read straight from data/published/ and compared with what the pages' own queries return, so a
fact fails here even if the build's checker (parindex.facts) were wrong.
"""

from __future__ import annotations

import csv

import duckdb
import pandas as pd
import pytest

from parindex.db import run
from parindex.names import name_key
from parindex.paths import DATA_DIR

PUBLISHED = DATA_DIR / "published"


def published_rows(name):
    with (PUBLISHED / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def con(embedded_db):
    with duckdb.connect(str(embedded_db), read_only=True) as connection:
        yield connection


def ranking(con, group, year, jurisdiction="lao-cai"):
    frame = run(con, "ranking", jurisdiction=jurisdiction, group=group, year=year)
    frame["key"] = frame["name_vi"].map(name_key)
    return frame.set_index("key")


def summary(con, group, year):
    return run(con, "group_summary", jurisdiction="lao-cai", group=group, year=year).iloc[0]


@pytest.mark.parametrize(
    ("group", "year", "mean"), [("department", 2021, 89.28), ("district", 2021, 88.99), ("department", 2020, 90.01)]
)
def test_published_group_means(con, group, year, mean):
    assert round(summary(con, group, year)["mean_total"], 2) == mean


def test_2020_has_exactly_seven_departments_at_or_above_90(con):
    assert (ranking(con, "department", 2020)["total"] >= 90).sum() == 7


@pytest.mark.parametrize("group", ["department", "district"])
def test_2021_band_membership_by_name(con, group):
    facts = [r for r in published_rows("laocai_units.csv") if r["year"] == "2021" and r["unit_group"] == group]
    table = ranking(con, group, 2021)
    assert len(facts) == len(table) == (19 if group == "department" else 9)
    assert {name_key(r["unit_name"]): r["tier_or_band"] for r in facts} == table["tier_code"].to_dict()


def test_2021_department_band_counts_and_shares(con):
    tiers = run(con, "tier_counts", jurisdiction="lao-cai", group="department", year=2021)
    assert list(zip(tiers["code"], tiers["n_named"], tiers["share"].round(4))) == [
        (">= 90", 6, 0.3158),
        ("85 - < 90", 9, 0.4737),
        ("< 85", 4, 0.2105),
    ]


def test_2015_department_scores_out_of_70(con):
    facts = [r for r in published_rows("laocai_units.csv") if r["year"] == "2015"]
    table = ranking(con, "department", 2015)
    assert len(facts) == 9
    for fact in facts:
        row = table.loc[name_key(fact["unit_name"])]
        assert (float(row["total"]), float(row["max_total"]), row["tier_code"]) == (
            float(fact["total_score"]),
            70.0,
            "Tốt",
        )
    assert table["rank"].tolist() == [1, 2, 3, 4, 5, 6, 7, 8, 9]
    assert pd.isna(summary(con, "department", 2015)["mean_total"])  # 9 of 20 scores: no mean


def test_2018_tiers_without_scores(con):
    for group, count in (("department", 19), ("district", 9)):
        facts = {
            name_key(r["unit_name"]): r["tier_or_band"]
            for r in published_rows("laocai_units.csv")
            if r["year"] == "2018" and r["unit_group"] == group
        }
        table = ranking(con, group, 2018)
        assert len(facts) == count and table["tier_code"].to_dict() == facts
        assert table["total"].isna().all() and table["rank"].isna().all()


def test_national_places_2016_to_2024(con):
    for fact in published_rows("laocai_national_par_index.csv"):
        table = run(con, "ranking", jurisdiction="vn", group="province", year=int(fact["year"]))
        if not fact["rank"]:
            assert "lao-cai" not in set(table["unit_id"]), fact["year"]  # 2022: not found, so not invented
            continue
        row = table.set_index("unit_id").loc["lao-cai"]
        assert (int(row["rank"]), int(row["rank_of"])) == (int(fact["rank"]), 63)
        assert bool(row["derived"]) == ("derived" in fact["status"])
        if fact["total_score"]:
            assert float(row["total"]) == float(fact["total_score"])
        else:
            assert pd.isna(row["total"])  # no score published: missing, not 0


def test_published_group_figures_all_agree(con):
    keys = {(r["year"], r["unit_group"]) for r in published_rows("laocai_group_stats.csv")}
    for year, group in sorted(keys):
        checks = run(con, "published_check", jurisdiction="lao-cai", group=group, year=int(year))
        assert len(checks) == sum(
            1 for r in published_rows("laocai_group_stats.csv") if (r["year"], r["unit_group"]) == (year, group)
        )
        assert checks["agrees"].all(), checks


def test_other_provinces_published_places(con):
    for fact in published_rows("national_par_index_provinces.csv"):
        if not fact["source_url"].startswith("http") or not (fact["rank"] or fact["total_score"]):
            continue  # a secondary snapshot without a public address, or no figure: not loaded
        table = run(con, "ranking", jurisdiction="vn", group="province", year=int(fact["year"]))
        row = table[table["name_vi"].map(name_key).str.endswith(name_key(fact["province"]))].iloc[0]
        if fact["rank"]:
            assert int(row["rank"]) == int(fact["rank"]), fact
        if fact["total_score"]:
            assert float(row["total"]) == float(fact["total_score"]), fact
