"""AppTest for the planner pages (Criteria, Unit profile, Compare) and their parameters."""

from __future__ import annotations

import duckdb
import numpy as np
import pytest

from parindex import fmt
from parindex.db import query
from parindex.paths import ROOT
from test_app import figures, open_app, open_tab, plain, tables, texts, values

CRITERIA = str(ROOT / "pages" / "criteria.py")
UNIT = str(ROOT / "pages" / "unit.py")
COMPARE = str(ROOT / "pages" / "compare.py")
RANKINGS = str(ROOT / "pages" / "rankings.py")


pytestmark = pytest.mark.usefixtures("on_embedded")


def total_of(db, unit_id, year):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT total FROM standing WHERE unit_id = ? AND year = ?", [unit_id, year]).fetchone()[0]


def test_criteria_page_heatmap_pareto_and_self_assessment():
    at = open_app(CRITERIA, y="2021")
    sections = ["Tỷ lệ điểm đạt theo lĩnh vực", "Điểm bị mất ở đâu", "Tự đánh giá so với thẩm định"]
    assert [tab.label for tab in at.tabs] == sections
    assert [s.value for s in at.header] == sections[:1]  # only the open tab is drawn
    (heatmap,) = figures(at)
    (pareto,) = figures(open_tab(at, "criteria_tab", sections[1]))
    (gaps,) = figures(open_tab(at, "criteria_tab", sections[2]))
    cells = heatmap["data"][0]
    assert (cells["zmin"], cells["zmax"]) == (0, 100)  # a fixed scale, never re-fitted
    assert len(cells["y"]) == 20 and cells["y"][-1] == "Trung bình nhóm"  # 19 units and the mean
    assert len(cells["x"]) == 8 and "Tác động (khảo sát)" in [plain(x) for x in cells["x"]]
    assert plain(heatmap["layout"]["title"]["text"]).startswith("Lĩnh vực yếu nhất năm 2021:")
    assert [trace["name"] for trace in pareto["data"]][-1] == "Tỷ lệ cộng dồn của điểm mất"
    assert "không có điểm tự đánh giá" in plain(gaps["layout"]["annotations"][0]["text"])
    table = tables(at)[-1]
    assert "Tác động (khảo sát)" not in table.columns and table.columns[1] == "Tổng chênh lệch"


def test_criteria_drill_down_from_the_url():
    at = open_app(CRITERIA, y="2021", c="CPS")
    assert len(figures(at)) == 2 and at.query_params["c"] == "CPS"  # the areas, then CPS's criteria
    subs = tables(at)[0]
    assert subs["Mã"].str.startswith("CPS.").all() and len(subs) >= 2
    at.selectbox(key="c").set_value(None).run()
    assert "c" not in at.query_params and len(figures(at)) == 1


def test_criteria_unknown_area_falls_back_with_a_notice():
    at = open_app(CRITERIA, y="2021", c="DROP TABLE")
    assert any("Lĩnh vực «DROP TABLE» không có" in i.value for i in at.info)
    assert len(figures(at)) == 1 and "c" not in at.query_params


def test_criteria_year_without_detail_offers_the_nearest_year():
    at = open_app(CRITERIA, y="2018")
    assert at.info[0].value.startswith("Năm 2018 không có điểm theo từng tiêu chí")
    at.button[0].click().run()
    assert at.title[0].value == "Tiêu chí — Sở, ban, ngành, năm 2019" and at.query_params["y"] == "2019"


def test_unit_profile(embedded_db):
    at = open_app(UNIT, y="2021", u="so-y-te")
    assert at.title[0].value == "Sở Y tế"
    total = total_of(embedded_db, "so-y-te", 2021)
    assert at.metric[0].value == f"{fmt.number(total, 'vi')}/100"
    assert "Xếp loại\n\n**Từ 85 đến dưới 90 điểm**" in [m.value for m in at.markdown]
    history, areas, _peers = figures(at)
    unit_line = history["data"][1]
    assert values(unit_line["x"]) == [2015, 2018, 2019, 2020, 2021, 2022, 2023, 2024]
    assert np.isnan(values(unit_line["y"])[1])  # 2018 published a tier only: a gap, not a zero
    assert unit_line["connectgaps"] is False
    assert len(areas["data"][0]["y"]) == 8
    gap = fmt.number(90 - float(total), "vi")
    assert f"Cần thêm **{gap} điểm** để đạt «Từ 90 điểm trở lên»." in texts(at)
    weakest = tables(at)[1]
    assert len(weakest) == 5 and list(weakest.columns)[:2] == ["Mã", "Tiêu chí thành phần"]


def test_unit_in_the_top_tier():
    assert "Đơn vị đã ở nhóm cao nhất («Từ 90 điểm trở lên»)." in texts(open_app(UNIT, y="2021", u="so-noi-vu"))


def test_unit_history_spans_a_rename():
    at = open_app(UNIT, y="2021", u="thi-xa-sa-pa", g="district")
    history = tables(at)[0]
    assert history.iloc[0].tolist()[:2] == ["2018", "huyện Sa Pa"] and history.iloc[1]["Đơn vị"] == "thị xã Sa Pa"
    assert any("huyện Sa Pa trở thành thị xã Sa Pa" in c.value for c in at.caption)


def test_unit_that_did_not_exist_in_the_year_points_to_its_other_name():
    at = open_app(UNIT, y="2021", u="huyen-sa-pa", g="district")
    assert at.title[0].value == "Huyện Sa Pa"
    assert any(i.value.startswith("Năm 2021, đơn vị này mang tên thị xã Sa Pa") for i in at.info)
    assert len(tables(at)[0]) == 7  # its history still shows, through thị xã Sa Pa


def test_unknown_unit_gets_a_friendly_message():
    at = open_app(UNIT, y="2021", u="<script>alert(1)</script>")
    assert any(i.value.startswith("Không tìm thấy đơn vị «<script>") for i in at.info)
    assert at.title[0].value == "Sở Lao động - Thương binh và Xã hội"  # the top-ranked unit instead
    assert "u" not in at.query_params


def test_compare_two_units():
    at = open_app(COMPARE, y="2021", u=["so-noi-vu", "so-tu-phap"])
    areas, _history = figures(at)
    assert [trace["name"] for trace in areas["data"]] == ["Nội vụ", "Tư pháp"]
    table = tables(at)[0]
    assert table.columns.tolist() == ["Lĩnh vực", "Nội vụ", "Tư pháp", "Chênh lệch (điểm %)"]
    assert len(table) == 8
    assert at.query_params["u"] == ["so-noi-vu", "so-tu-phap"]


def ranked_2021() -> list[tuple[str, str, str]]:
    """(id, Vietnamese name, "rank/of") of the 2021 departments in rank order, from the query."""
    ranking = query("ranking", jurisdiction="lao-cai", group="department", year=2021).sort_values("rank", kind="stable")
    return [(r["unit_id"], r["name_vi"], f"{int(r['rank'])}/{int(r['rank_of'])}") for r in ranking.to_dict("records")]


def page_links(at) -> list[tuple[str, str, str]]:
    return [(link.proto.label, link.proto.page, link.proto.query_string) for link in at.get("page_link")]


def test_compare_from_a_profile_starts_with_that_unit_beside_the_best_ranked():
    (leader, leader_name, leader_rank), *_ = ranked_2021()
    at = open_app(UNIT, y="2021", u="so-y-te")
    assert (f"So sánh với {leader_name} (hạng {leader_rank})", "so-sanh", f"u=so-y-te&u={leader}") in page_links(at)
    at.query_params["u"] = ["so-y-te", leader]  # what following the link does
    at.switch_page(COMPARE).run()
    assert at.multiselect(key="u").value == ["so-y-te", leader] and at.query_params["u"] == ["so-y-te", leader]
    assert f"Bắt đầu từ Sở Y tế, đơn vị bạn xem gần nhất, bên cạnh {leader_name} (hạng {leader_rank})." in texts(at)


def test_the_leaders_profile_compares_with_the_second():
    (leader, _, _), (second, second_name, second_rank), *_ = ranked_2021()
    at = open_app(UNIT, y="2021", u=leader)
    assert (f"So sánh với {second_name} (hạng {second_rank})", "so-sanh", f"u={leader}&u={second}") in page_links(at)


def test_compare_from_the_sidebar_starts_from_the_last_profile():
    (leader, leader_name, leader_rank), *_ = ranked_2021()
    at = open_app(UNIT, y="2021", u="so-noi-vu")
    at.switch_page(RANKINGS).run()  # another page between (its own `u` widget is a single unit)
    for key in list(at.query_params):  # a click in the sidebar leaves the page's parameters behind
        del at.query_params[key]
    at.switch_page(COMPARE).run()
    assert at.multiselect(key="u").value == ["so-noi-vu", leader]
    assert at.query_params["u"] == ["so-noi-vu", leader]  # the view can be shared as it is
    assert any(
        c.value.startswith(
            f"Bắt đầu từ Sở Nội vụ, đơn vị bạn xem gần nhất, bên cạnh {leader_name} (hạng {leader_rank})."
        )
        for c in at.caption
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_compare_without_a_unit_states_its_default_pair(lang):
    first, *_, last = ranked_2021()
    at = open_app(COMPARE, y="2021", lang=lang)
    assert at.multiselect(key="u").value == [first[0], last[0]] and "u" not in at.query_params
    names = {
        r["unit_id"]: r[f"name_{lang}"]
        for r in query("ranking", jurisdiction="lao-cai", group="department", year=2021).to_dict("records")
    }
    expected = {
        "vi": f"Chưa chọn đơn vị: đang so sánh {names[first[0]]} (hạng {first[2]}) và {names[last[0]]} "
        f"(hạng {last[2]}), đầu và cuối bảng xếp hạng năm 2021. Chọn đơn vị khác ở ô trên.",
        "en": f"No units chosen yet: comparing {names[first[0]]} (rank {first[2].replace('/', ' of ')}) and "
        f"{names[last[0]]} (rank {last[2].replace('/', ' of ')}), the first and the last of the 2021 ranking. "
        "Choose other units above.",
    }[lang]
    assert expected in [c.value for c in at.caption]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "vi",
            [
                "Bỏ qua «nobody»: không có trong kết quả năm 2021.",
                "Chỉ so sánh được tối đa 4 đơn vị; đã giữ 4 đơn vị đầu: Sở Nội vụ; Sở Y tế; Sở Tư pháp; Ban Dân tộc.",
            ],
        ),
        (
            "en",
            [
                "Left out “nobody”: not in the 2021 results.",
                "At most 4 units can be compared; kept the first 4: Department of Home Affairs; Department of Health; "
                "Department of Justice; Ethnic Minorities Committee.",
            ],
        ),
    ],
)
def test_compare_drops_unknown_and_extra_units(lang, expected):
    at = open_app(
        COMPARE, y="2021", lang=lang, u=["so-noi-vu", "nobody", "so-y-te", "so-tu-phap", "ban-dan-toc", "so-ngoai-vu"]
    )
    assert [i.value for i in at.info] == expected  # names, never an id past the limit; no blame on the data
    assert at.multiselect(key="u").value == ["so-noi-vu", "so-y-te", "so-tu-phap", "ban-dan-toc"]


def test_a_fifth_unit_picked_keeps_the_first_four_and_names_them():
    at = open_app(COMPARE, y="2021", u=["so-noi-vu", "so-y-te", "so-tu-phap", "ban-dan-toc"])
    at.multiselect(key="u").set_value(["so-noi-vu", "so-y-te", "so-tu-phap", "ban-dan-toc", "so-ngoai-vu"]).run()
    assert at.multiselect(key="u").value == ["so-noi-vu", "so-y-te", "so-tu-phap", "ban-dan-toc"]
    assert [i.value for i in at.info] == [
        "Chỉ so sánh được tối đa 4 đơn vị; đã giữ 4 đơn vị đầu: Sở Nội vụ; Sở Y tế; Sở Tư pháp; Ban Dân tộc."
    ]


def test_compare_picker_has_no_bulk_select_and_adds_one_unit():
    """ "Select all" / "Select 2 matches" is the dropdown's first row (Streamlit 1.67): typing "Sở Nội"
    and taking the first row added Sở Nội vụ and every other match. Off; picking adds one unit."""
    at = open_app(COMPARE, y="2021", u=["so-y-te", "so-tu-phap"])
    picker = at.multiselect(key="u")
    assert picker.proto.select_all == 0 and picker.placeholder == "Gõ tên đơn vị để tìm"
    picker.set_value([*picker.value, "so-noi-vu"]).run()
    assert at.multiselect(key="u").value == ["so-y-te", "so-tu-phap", "so-noi-vu"]


def test_compare_needs_two_units():
    at = open_app(COMPARE, y="2021", u="so-noi-vu")
    assert at.info[-1].value == "Chọn ít nhất hai đơn vị để so sánh." and not figures(at)


@pytest.mark.parametrize("page", [CRITERIA, UNIT, COMPARE])
def test_planner_pages_in_english(page):
    at = open_app(page, y="2021", lang="en")
    text = texts(at)
    assert "Sở Nội vụ" not in text and "Điểm" not in text


def test_unit_that_did_not_exist_in_the_year(fixture_db, use_db):
    use_db(fixture_db)  # "newcomer" first appears in 2021
    at = open_app(UNIT, y="2020", u="newcomer")
    assert at.warning[0].value.startswith("Đơn vị Newcomer không có kết quả năm 2020")
    assert tables(at)[0]["Năm"].tolist() == ["2021"]
