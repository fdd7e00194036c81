"""The build: each validation rule rejects a crafted bad source with its message, and a rejected
build leaves the existing database untouched."""

from __future__ import annotations

import copy
import csv
import os
from pathlib import Path

import duckdb
import pytest

from fixture_data import TABLES, write_fixture
from parindex.build import build, is_stale
from parindex.dataset import DatasetError


def broken(table: str, change) -> dict[str, list[dict]]:
    rows = copy.deepcopy(TABLES[table])
    change(rows)
    return {table: rows}


def set_value(table, index, column, value):
    return broken(table, lambda rows: rows[index].__setitem__(column, value))


def result_index(assessment_id, unit_id):
    return next(
        i for i, r in enumerate(TABLES["results"]) if (r["assessment_id"], r["unit_id"]) == (assessment_id, unit_id)
    )


CASES = {
    "duplicate key": (
        broken("units", lambda rows: rows.append(dict(rows[0]))),
        "units.csv, row 13: duplicate key (unit_id=alpha)",
    ),
    "unknown unit": (
        set_value("results", 0, "unit_id", "nobody"),
        "results.csv, row 2, column unit_id: unknown unit 'nobody'",
    ),
    "unknown criterion": (
        set_value("scores", 0, "criterion_id", "Z.9"),
        "scores.csv, row 2, column criterion_id: unknown criterion of framework fw0 'Z.9'",
    ),
    "score above its maximum": (
        set_value("scores", 0, "final_points", "31"),
        "scores.csv, row 2, column final_points: 31 is outside 0 to 25",
    ),
    "negative score": (
        set_value("scores", 1, "final_points", "-1"),
        "scores.csv, row 3, column final_points: -1 is outside 0 to 25",
    ),
    "leaves not summing to the total": (
        set_value("results", result_index("x-2021", "alpha"), "total", "90.02"),
        "results.csv, row 8, column total: 90.02 is not the sum of alpha's sub-criterion scores (90)",
    ),
    "text in a number column": (
        set_value("results", 0, "total", "sáu mươi"),
        "results.csv, row 2, column total: 'sáu mươi' is not a number",
    ),
    "unknown tier": (
        set_value("results", 0, "published_tier", "Xuất sắc"),
        "results.csv, row 2, column published_tier: 'Xuất sắc' is not a tier of 2015 department",
    ),
    "unit of another group": (
        set_value("results", result_index("x-2021-d", "d1"), "unit_id", "alpha"),
        "results.csv, row 14, column unit_id: 'alpha' is not a district of tinh-a",
    ),
    "total above the maximum": (
        set_value("results", 0, "total", "71"),
        "results.csv, row 2, column total: 71 is outside 0 to 70",
    ),
    "self-assessment of a survey criterion": (
        set_value("scores", 2, "self_points", "30"),
        "scores.csv, row 4, column self_points: S.1.a is survey-based",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_each_rule_rejects_a_bad_source(tmp_path, name):
    overrides, message = CASES[name]
    data = write_fixture(tmp_path / "data", overrides)
    with pytest.raises(DatasetError) as error:
        build(data, tmp_path / "out.duckdb")
    assert any(str(p).startswith(message) or message in str(p) for p in error.value.problems), (
        f"expected {message!r} in:\n{error.value}"
    )
    assert not (tmp_path / "out.duckdb").exists()


def test_a_rejected_build_leaves_the_old_database_byte_for_byte(tmp_path):
    db = tmp_path / "par.duckdb"
    build(write_fixture(tmp_path / "good"), db)
    before = db.read_bytes()
    bad = write_fixture(tmp_path / "bad", set_value("scores", 0, "final_points", "31"))
    with pytest.raises(DatasetError):
        build(bad, db)
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["par.duckdb"]  # no temp left


def edit_csv(path: Path, match: dict, column: str, value: str) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    hits = [r for r in rows if all(r[k] == v for k, v in match.items())]
    assert len(hits) == 1, hits
    hits[0][column] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_a_published_score_not_reproduced_fails_the_build(data_copy, tmp_path):
    edit_csv(
        data_copy / "results.csv",
        {"assessment_id": "lc-2015-department", "unit_id": "so-cong-thuong"},
        "total",
        "64.00",
    )
    with pytest.raises(DatasetError) as error:
        build(data_copy, tmp_path / "x.duckdb")
    assert (
        "published/laocai_units.csv, row 2, column total_score: published fact not reproduced: "
        "2015 so-cong-thuong: published 65, database 64" in str(error.value)
    )


def test_a_published_mean_not_reproduced_fails_the_build(data_copy, tmp_path):
    # Lower one 2021 department's total and its survey leaf by 0,19: the band holds, the mean does not.
    results = data_copy / "illustrative" / "results.csv"
    with results.open(encoding="utf-8") as handle:
        row = next(
            r
            for r in csv.DictReader(handle)
            if r["assessment_id"] == "lc-2021-department" and r["unit_id"] == "so-y-te"
        )
    lower = lambda text: f"{float(text) - 0.19:.2f}"  # noqa: E731
    edit_csv(results, {"assessment_id": "lc-2021-department", "unit_id": "so-y-te"}, "total", lower(row["total"]))
    edit_csv(results, {"assessment_id": "lc-2021-department", "unit_id": "so-y-te"}, "survey", lower(row["survey"]))
    scores = data_copy / "illustrative" / "scores.csv"
    with scores.open(encoding="utf-8") as handle:
        leaf = next(
            r
            for r in csv.DictReader(handle)
            if r["assessment_id"] == "lc-2021-department"
            and r["unit_id"] == "so-y-te"
            and r["criterion_id"].startswith("TD.")
            and float(r["final_points"]) >= 0.19
        )
    edit_csv(
        scores,
        {k: leaf[k] for k in ("assessment_id", "unit_id", "criterion_id")},
        "final_points",
        lower(leaf["final_points"]),
    )
    with pytest.raises(DatasetError) as error:
        build(data_copy, tmp_path / "x.duckdb")
    assert "2021 department mean_total: published 89.28, computed from the units 89.27" in str(error.value)


def test_a_published_band_not_reproduced_fails_the_build(data_copy, tmp_path):
    edit_csv(
        data_copy / "published" / "laocai_units.csv", {"year": "2021", "unit_name": "Sở Y tế"}, "tier_or_band", ">= 90"
    )
    with pytest.raises(DatasetError) as error:
        build(data_copy, tmp_path / "x.duckdb")
    assert "2021 so-y-te: published '>= 90', database '85 - < 90'" in str(error.value)


def test_build_writes_a_closed_file_and_staleness_follows_the_sources(tmp_path):
    data = write_fixture(tmp_path / "data")
    db = tmp_path / "par.duckdb"
    assert is_stale(data, db)
    build(data, db)
    assert not Path(f"{db}.wal").exists()
    assert not is_stale(data, db)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM result").fetchone() == (len(TABLES["results"]),)
    source = data / "results.csv"
    os.utime(source, (db.stat().st_mtime + 5, db.stat().st_mtime + 5))
    assert is_stale(data, db)


def test_another_provinces_published_place_not_reproduced_fails_the_build(data_copy, tmp_path):
    edit_csv(
        data_copy / "results.csv", {"assessment_id": "vn-2024-province", "unit_id": "son-la"}, "published_rank", "13"
    )
    with pytest.raises(DatasetError) as error:
        build(data_copy, tmp_path / "x.duckdb")
    assert "2024 son-la: published rank 12, database 13" in str(error.value)
