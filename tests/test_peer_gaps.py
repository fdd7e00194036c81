"""A unit against its peers, sub-criterion by sub-criterion (Unit profile): the group's mean and
best per sub-criterion, every unit of a tie at the best named, "—" (never 0) where the unit was not
scored, the largest gaps charted with a title that names every sub-criterion sharing the largest."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from fixture_data import TABLES, write_fixture
from parindex import figures, frames, labels
from parindex.build import build
from parindex.db import run
from parindex.i18n import Translator
from parindex.paths import ROOT
from test_app import figures as page_figures
from test_app import open_app, plain, tables, values
from test_queries import rows

UNIT = str(ROOT / "pages" / "unit.py")


def peer_overrides() -> dict:
    """The fixture with, in 2021, a tie at the best and a sub-criterion one unit was not scored on:
    Gamma's A.1.a 25 → 20 and A.1.b 25 → 30 (its total stays 85; Delta also has A.1.b 30), and
    Newcomer without a score on S.1.a (its total 60 → 30, the sum of what it was scored on)."""
    scores = []
    for row in TABLES["scores"]:
        key = (row["assessment_id"], row["unit_id"], row["criterion_id"])
        if key == ("x-2021", "newcomer", "S.1.a"):
            continue
        points = {("x-2021", "gamma", "A.1.a"): "20", ("x-2021", "gamma", "A.1.b"): "30"}.get(key)
        scores.append({**row, "final_points": points, "self_points": points} if points else row)
    results = [
        {**r, "total": "30.00"} if (r["assessment_id"], r["unit_id"]) == ("x-2021", "newcomer") else r
        for r in TABLES["results"]
    ]
    return {"scores": scores, "results": results}


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    root = tmp_path_factory.mktemp("peers")
    build(write_fixture(root / "data", peer_overrides()), root / "par.duckdb")
    with duckdb.connect(str(root / "par.duckdb"), read_only=True) as connection:
        yield connection


COLUMNS = ["criterion_id", "final_points", "n_scored", "group_mean", "best_points", "best_ids", "vs_mean", "vs_best"]


def test_a_tie_at_the_best_names_both_units(con):
    gaps = run(con, "unit_peer_gaps", unit="alpha", year=2021)
    # A.1.b: 25 + 24,995 + 30 + 30 + 20 + 15 = 144,995, mean 24,1658; Delta and Gamma both 30
    # S.1.a: five units scored (Newcomer not): 37 + 35 + 35 + 35 + 30 = 172, mean 34,4
    assert rows(gaps, COLUMNS) == [
        ("A.1.b", 25.0, 6, 24.1658, 30.0, "delta,gamma", 0.8342, -5.0),
        ("A.1.a", 28.0, 6, 22.1667, 30.0, "beta", 5.8333, -2.0),
        ("S.1.a", 37.0, 5, 34.4, 37.0, "alpha", 2.6, 0.0),
    ]
    table = labels.peer_gap_table(gaps, Translator("vi")).text()
    assert table.iloc[0].tolist() == [
        "A.1.b A.1.b",
        "30,00",
        "25,00",
        "30,00",
        "−5,00",
        "24,17",
        "+0,83",
        "2 đơn vị: Đơn vị Delta, Đơn vị Gamma",
    ]
    assert table.iloc[2, 3:].tolist() == ["37,00", "±0,00", "34,40", "+2,60", "Đơn vị Alpha"]
    english = labels.peer_gap_table(gaps, Translator("en")).text()
    assert list(english.columns) == [
        "Sub-criterion",
        "Maximum",
        "Unit's points",
        "Group's best",
        "Gap to best",
        "Group mean",
        "Gap to mean",
        "Best unit(s)",
    ]
    assert english.iloc[0, 7] == "2 units: Unit Delta, Unit Gamma"


def test_a_sub_criterion_the_unit_was_not_scored_on_is_na_not_zero(con):
    gaps = run(con, "unit_peer_gaps", unit="newcomer", year=2021)
    assert rows(gaps, COLUMNS) == [
        ("A.1.a", 15.0, 6, 22.1667, 30.0, "beta", -7.1667, -15.0),
        ("A.1.b", 15.0, 6, 24.1658, 30.0, "delta,gamma", -9.1658, -15.0),
        ("S.1.a", None, 5, 34.4, 37.0, "alpha", None, None),  # not scored: last, and no 0
    ]
    table = labels.peer_gap_table(gaps, Translator("vi")).text()
    assert table.iloc[2, 1:].tolist() == ["40,00", "—", "37,00", "—", "34,40", "—", "Đơn vị Alpha"]
    fig = figures.peer_gaps(
        gaps, lang="vi", unit_name="newcomer", group_name="Sở, ban, ngành", year=2021, source="Nguồn: thử"
    )
    # both sub-criteria 15 points behind the best are named; the unscored one is not drawn, and said so
    assert (
        plain(fig.layout.title.text)
        == "Newcomer: cách điểm cao nhất nhóm xa nhất ở A.1.a, A.1.b (−15,00 điểm), năm 2021"
    )
    assert [list(trace.y) for trace in fig.data] == [["A.1.a A.1.a", "A.1.b A.1.b"]] * 3  # code and short name
    assert [round(v, 4) for v in fig.data[2].x] == [50.0, 50.0]  # the unit: 15 of 30 each
    assert [round(v, 4) for v in fig.data[1].x] == [73.8889, 80.5528]  # the group's means as % of 30
    assert "1 tiêu chí thành phần đơn vị không được chấm: không vẽ, không coi là 0." in plain(
        fig.layout.annotations[-1].text
    )


def test_a_unit_best_everywhere_has_no_gap_chart():
    best = pd.DataFrame(
        {
            "criterion_id": ["A.1.a"],
            "max_points": [30.0],
            "final_points": [30.0],
            "group_mean": [25.0],
            "best_points": [30.0],
            "vs_best": [0.0],
        }
    )
    assert (
        figures.peer_gaps(
            best, lang="vi", unit_name="Sở A", group_name="Sở, ban, ngành", year=2021, source="Nguồn: thử"
        )
        is None
    )
    assert (
        labels.peer_gap_title(best.iloc[:0].assign(label=[]), Translator("en"), unit="huyện A", year=2021)
        == "Huyện A has the group's best score on every sub-criterion scored in 2021"
    )


@pytest.mark.usefixtures("on_embedded")
def test_the_unit_profile_shows_sub_criteria_against_the_group(embedded_db):
    at = open_app(UNIT, y="2021", u="so-y-te")
    assert "So với các đơn vị cùng nhóm, từng tiêu chí thành phần" in [s.value for s in at.header]
    table = next(t for t in tables(at) if "Chênh với cao nhất" in t.columns)
    # Sở Y tế's 2021 (illustrative) scores: furthest from the best on TD.1.a, 6,89 of 8 against Sở LĐTBXH's 7,79
    assert table.iloc[0].tolist() == [
        "TD.1.a Mức độ hài lòng của người dân, tổ chức",
        "8,00",
        "6,89",
        "7,79",
        "−0,90",
        "7,14",
        "−0,25",
        "Sở Lao động - Thương binh và Xã hội",
    ]
    assert table.iloc[1, 7] == "2 đơn vị: Sở Lao động - Thương binh và Xã hội, Sở Nội vụ"  # a tie names both
    # every row against the group recomputed from the scores of the year's 19 departments
    with duckdb.connect(str(embedded_db), read_only=True) as con:
        scores = con.execute("""SELECT n.unit_id, n.criterion_id, n.final_points FROM node_score n
                                JOIN standing s USING (assessment_id, unit_id)
                                WHERE n.level = 'sub' AND s.year = 2021 AND s.unit_group = 'department'
                                  AND s.jurisdiction_id = 'lao-cai'""").df()
    by = scores.groupby("criterion_id")["final_points"]
    mine = scores[scores["unit_id"] == "so-y-te"].set_index("criterion_id")["final_points"]
    expected = sorted((round(mine[c] - by.max()[c], 2), c) for c in mine.index)
    codes = table["Tiêu chí thành phần"].str.split(" ").str[0].tolist()
    assert len(table) == len(expected) == 50 and scores["unit_id"].nunique() == 19
    assert [(round(v, 2), c) for v, c in expected] == sorted(expected) and sorted(codes) == sorted(
        c for _, c in expected
    )
    assert [dict(zip(codes, table["Chênh với cao nhất"]))[c] for _, c in expected] == [
        ("−" + f"{-v:.2f}".replace(".", ",")) if v < 0 else "±0,00" for v, _ in expected
    ]
    (peers,) = [f for f in page_figures(at) if "cách điểm cao nhất nhóm" in plain(f["layout"]["title"]["text"])]
    assert (
        plain(peers["layout"]["title"]["text"])
        == "Sở Y tế: cách điểm cao nhất nhóm xa nhất ở TD.1.a (−0,90 điểm), năm 2021"
    )
    assert values(peers["data"][2]["y"])[0] == "TD.1.a Mức độ hài lòng…"  # the code and the name a planner reads
    english = open_app(UNIT, y="2021", u="so-y-te", lang="en")
    assert "Against the group, sub-criterion by sub-criterion" in [s.value for s in english.header]


def test_the_chart_never_cuts_through_a_tie():
    def gaps(vs_best):
        return pd.DataFrame(
            {
                "criterion_id": [f"C.{i:02d}" for i in range(len(vs_best))],
                "vs_best": vs_best,
                "max_points": 10.0,
                "final_points": [10.0 + v for v in vs_best],
                "group_mean": 9.0,
                "best_points": 10.0,
            }
        )

    # the 10th and 11th largest gaps are equal (−1): all three −1 are left out, not two of them
    rows = frames.peer_gap_rows(gaps([-9, -8, -7, -6, -5, -4, -3, -2, -1, -1, -1, -0.5, 0]), top=10)
    assert rows["label"].tolist() == [f"C.{i:02d}" for i in range(8)]
    assert frames.peer_gap_rows(gaps([-1.0] * 12), top=10)["label"].tolist() == [f"C.{i:02d}" for i in range(12)]
    assert frames.peer_gap_rows(gaps([-3, -2, 0]), top=10)["label"].tolist() == ["C.00", "C.01"]  # the best left out
