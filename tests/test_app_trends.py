"""AppTest for the Trends page: its four charts (three in lazy tabs), its parameters, a history across a rename."""

from __future__ import annotations

import math

import pytest

from parindex.paths import ROOT
from test_app import figures, open_app, open_tab, plain, values

TRENDS = str(ROOT / "pages" / "trends.py")


pytestmark = pytest.mark.usefixtures("on_embedded")


def test_trends_draws_scores_movement_areas_and_tiers():
    at = open_app(TRENDS, y="2021")
    assert [tab.label for tab in at.tabs] == [
        "Từng lĩnh vực qua các năm",
        "Xếp loại qua các năm",
        "Ai tăng hạng, ai giảm hạng",
    ]
    scores, areas = figures(at)  # the chosen units' trend, then the open tab only
    tiers = figures(open_tab(at, "trends_tab", "Xếp loại qua các năm"))[1]
    movement = figures(open_tab(at, "trends_tab", "Ai tăng hạng, ai giảm hạng"))[1]
    names = [trace.get("name") for trace in scores["data"]]
    assert "Trung bình nhóm" in names and "Nửa giữa của nhóm (25-75%)" in names
    mean = next(trace for trace in scores["data"] if trace.get("name") == "Trung bình nhóm")
    assert values(mean["x"])[0] == 2015 and math.isnan(values(mean["y"])[0])  # 9 of 20 scores: no mean
    assert round(values(mean["y"])[values(mean["x"]).index(2021)], 2) == 89.28
    assert plain(movement["layout"]["title"]["text"]).endswith("từ 2020 đến 2021")
    area_names = {trace["name"] for trace in areas["data"]}
    assert len(area_names) == 8  # one line per area across the 2022 change of criteria set
    assert any("đổi bộ tiêu chí" in a["text"] for a in areas["layout"]["annotations"])
    assert [int(float(shape["x0"]) + 0.5) for shape in areas["layout"]["shapes"]] == [2022, 2025]  # both changes of set
    stacked = {trace["name"]: values(trace["y"]) for trace in tiers["data"]}
    assert stacked["Nhóm cao nhất"][:2] == [9, 9]  # 2015: 9 Tốt; 2018: 9 Tốt
    assert all(max(counts) > 0 for counts in stacked.values())  # no legend entry for a tier no year has


def test_trends_follows_a_rename_and_keeps_the_from_year_in_the_url():
    at = open_app(TRENDS, y="2021", g="district", u=["thi-xa-sa-pa", "huyen-bat-xat"], a="2019")
    scores = figures(at)[0]
    sapa = next(trace for trace in scores["data"] if trace.get("name") == "TX Sa Pa")
    assert values(sapa["x"])[0] == 2018  # huyện Sa Pa's 2018 tier year starts the line
    assert at.query_params["a"] == "2019" and at.query_params["u"] == ["thi-xa-sa-pa", "huyen-bat-xat"]


def test_trends_invalid_from_year_falls_back():
    at = open_app(TRENDS, y="2021", a="1900")
    assert at.selectbox(key="a").value == "2020" and "a" not in at.query_params


def test_trends_in_english():
    at = open_app(TRENDS, y="2021", lang="en")
    assert at.title[0].value == "Trends — Departments and agencies"
    assert [tab.label for tab in at.tabs] == ["Each area over the years", "Tiers over the years", "Who rose, who fell"]
    tiers = figures(open_tab(at, "trends_tab", "Tiers over the years"))[-1]
    assert plain(tiers["layout"]["title"]["text"]) == "Departments and agencies per tier, each year"


def test_a_link_with_a_from_year_opens_the_movement_and_stays_on_it():
    # Rankings links here with a= (the year before); that year is the default from-year, so the page
    # drops it from the address: the open tab must not follow it back to the first tab.
    movement = "Ai tăng hạng, ai giảm hạng"
    at = open_app(TRENDS, y="2021", a="2020")
    assert at.session_state["trends_tab"] == movement and at.selectbox(key="a").value == "2020"
    assert "a" not in at.query_params  # 2020 is the default from-year for 2021: left out of the address
    at.run()  # any later rerun (a menu opened) stays on the movement
    assert at.session_state["trends_tab"] == movement
