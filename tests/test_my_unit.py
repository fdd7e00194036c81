"""The reader's unit ("my unit"): chosen on the profile (or named by a link's `u`), remembered for
the session and written back into each page's URL, it is marked wherever the group is drawn (the
ranking bars, the heatmap rows, its own part of the points-lost bars, its trend line and its rank
movement), each chart naming it in the subtitle; clearing it on a page forgets it everywhere."""

from __future__ import annotations

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from parindex import figures
from parindex.db import query
from parindex.paths import ROOT
from test_app import figures as page_figures
from test_app import open_app, open_tab, plain, values

PAGE = {name: str(ROOT / "pages" / f"{name}.py") for name in ("unit", "rankings", "criteria", "trends")}

pytestmark = pytest.mark.usefixtures("on_embedded")


def visit(at, page: str):
    """Go to another page as the sidebar does: the address's parameters are left behind."""
    for key in list(at.query_params):
        del at.query_params[key]
    at.switch_page(PAGE[page]).run()
    assert not at.exception, at.exception
    return at


def subtitle(fig: dict) -> str:
    return plain(fig["layout"]["title"]["subtitle"]["text"])


def ticks(fig: dict, axis: str = "yaxis") -> list[str]:
    return list(fig["layout"][axis]["ticktext"])


def test_the_unit_chosen_on_the_profile_is_marked_on_every_page(embedded_db):
    at = open_app(PAGE["unit"], y="2021", u="so-y-te")

    visit(at, "rankings")
    assert at.query_params["u"] == "so-y-te"  # back in the URL: a shared link marks it too
    (ranking,) = page_figures(at)
    assert subtitle(ranking).endswith("· Đánh dấu: Sở Y tế")
    assert [tick for tick in ticks(ranking) if "▶" in tick] == ["<b>▶ Y tế</b>"]
    outlines = [trace for trace in ranking["data"] if trace["marker"].get("line", {}).get("width")]
    assert [(values(o["y"]), o["marker"]["line"]["width"], o["showlegend"]) for o in outlines] == [(["Y tế"], 3, False)]

    visit(at, "criteria")
    assert at.query_params["u"] == "so-y-te"
    (heatmap,) = page_figures(at)
    assert subtitle(heatmap).endswith("· Đánh dấu: Sở Y tế")
    assert [tick for tick in ticks(heatmap) if "▶" in tick] == ["<b>▶ Y tế</b>"]
    (pareto,) = page_figures(open_tab(at, "criteria_tab", "Điểm bị mất ở đâu"))
    assert subtitle(pareto).endswith("· Đánh dấu: Sở Y tế")
    own = next(trace for trace in pareto["data"] if trace.get("name") == "<b>▶ Trong đó Sở Y tế</b>")
    with duckdb.connect(str(embedded_db), read_only=True) as con:  # its points lost, from its sub-criteria
        lost = dict(
            con.execute("""SELECT c.parent_id, sum(c.max_points) - sum(s.final_points) FROM score s
                                   JOIN assessment a USING (assessment_id)
                                   JOIN criterion c
                                     ON c.framework_id = a.framework_id AND c.criterion_id = s.criterion_id
                                   WHERE s.unit_id = 'so-y-te' AND a.year = 2021 GROUP BY ALL""").fetchall()
        )
    # horizontal bars, each named by its code and short name ("TD.1 Khảo sát sự hài…")
    drawn = {label.split(" ")[0]: x for label, x in zip(values(own["y"]), values(own["x"]))}
    assert len(drawn) == len(lost) > 10 and all(abs(drawn[c] - float(lost[c])) < 1e-9 for c in lost)
    group = {
        label.split(" ")[0]: x
        for trace in pareto["data"]
        if trace["type"] == "bar" and trace is not own
        for label, x in zip(values(trace["y"]), values(trace["x"]))
    }
    assert all(drawn[c] <= group[c] for c in drawn)  # a part of each bar, never more than the group's
    (self_gap,) = page_figures(open_tab(at, "criteria_tab", "Tự đánh giá so với thẩm định"))
    assert subtitle(self_gap).endswith("· Đánh dấu: Sở Y tế")
    assert [tick for tick in ticks(self_gap) if "▶" in tick] == ["<b>▶ Y tế</b>"]

    visit(at, "trends")
    assert at.multiselect(key="u").value[0] == "so-y-te" and at.query_params["u"][0] == "so-y-te"
    scores = page_figures(at)[0]
    assert subtitle(scores).endswith("· Đánh dấu: Sở Y tế")
    widths = {trace["name"]: trace["line"]["width"] for trace in scores["data"] if trace.get("mode") == "lines+markers"}
    assert widths.pop("Y tế (2015-2024)") == 5 and set(widths.values()) == {2.5}
    movement = page_figures(open_tab(at, "trends_tab", "Ai tăng hạng, ai giảm hạng"))[1]
    assert subtitle(movement).endswith("· Đánh dấu: Sở Y tế")
    assert [tick for tick in ticks(movement) if "▶" in tick] == ["<b>▶ Y tế ↑ 2</b>"]  # 2020 → 2021: from 11th to 9th


def test_clearing_the_unit_forgets_it_everywhere():
    at = open_app(PAGE["unit"], y="2021", u="so-y-te")
    visit(at, "rankings")
    at.selectbox(key="u").set_value(None).run()
    assert "u" not in at.query_params and "Đánh dấu" not in subtitle(page_figures(at)[0])
    visit(at, "criteria")
    assert "u" not in at.query_params and "Đánh dấu" not in subtitle(page_figures(at)[0])


def test_a_shared_link_marks_the_same_unit_in_english():
    at = open_app(PAGE["rankings"], y="2021", u="so-y-te", lang="en")
    (ranking,) = page_figures(at)
    assert subtitle(ranking).endswith("· Highlighted: Department of Health")
    visit(at, "unit")  # a profile opened without `u` opens on the reader's unit
    assert at.title[0].value == "Department of Health" and at.query_params["u"] == "so-y-te"


def test_a_profile_opened_without_a_unit_marks_nothing():
    at = open_app(PAGE["unit"], y="2021")  # the first listed unit, not chosen by the reader
    visit(at, "rankings")
    assert (
        "u" not in at.query_params
        and "Highlighted" not in subtitle(page_figures(at)[0])
        and "Đánh dấu" not in subtitle(page_figures(at)[0])
    )


def test_a_unit_without_a_bar_is_not_said_to_be_marked():
    params = {"jurisdiction": "lao-cai", "group": "department", "year": 2021}
    rows = query("ranking", **params)
    assessment = query("assessment", **params).iloc[0]
    unscored = rows.assign(total=rows["total"].where(rows["unit_id"] != "so-y-te"))
    fig = figures.ranking(unscored, assessment, lang="vi", group_name="Sở, ban, ngành", year=2021, highlight="so-y-te")
    assert "Đánh dấu" not in fig.layout.title.subtitle.text and "▶" not in "".join(fig.layout.yaxis.ticktext)
    marked = figures.ranking(rows, assessment, lang="vi", group_name="Sở, ban, ngành", year=2021, highlight="so-y-te")
    assert plain(marked.layout.title.subtitle.text).endswith("· Đánh dấu: Sở Y tế")


def test_a_unit_and_its_successor_of_the_same_name_are_two_lines():
    # Sở Y tế (to 2024) and the 2025 agency are both "Y tế": one series joined 2025 back to 2015
    (scores, *_) = page_figures(open_app(PAGE["trends"], y="2021", u="so-y-te"))
    lines = {trace["name"]: values(trace["x"]) for trace in scores["data"] if trace.get("mode") == "lines+markers"}
    assert lines == {"Y tế (2015-2024)": [2015, 2018, 2019, 2020, 2021, 2022, 2023, 2024], "Y tế (2025)": [2025]}


def test_a_list_picker_given_a_single_unit_starts_from_its_default():
    at = AppTest.from_string("""
import streamlit as st
from parindex import app
st.session_state.setdefault("u", "so-y-te")  # what Rankings' or Criteria's picker leaves behind
app.bind_param("u", ["so-y-te", "so-noi-vu"], ["so-y-te", "so-noi-vu"], multiple=True)
st.write(repr(st.session_state["u"]))
""").run()
    assert at.markdown[0].value == "['so-y-te', 'so-noi-vu']"  # not the characters of 'so-y-te', nor []
