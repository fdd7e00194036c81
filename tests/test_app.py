"""AppTest for the pages: every group, partial years, the y/g/lang parameters and the figures shown.

AppTest re-detects a `pages/` folder beside the main script on every run and then runs the page
file alone (Streamlit's old multipage mode), skipping dashboard.py. Running dashboard.py from a
script in a temporary folder keeps st.navigation in charge, as on the real server.
"""

from __future__ import annotations

import base64
import csv
import json
import re

import numpy as np
import pandas as pd
import pytest
from streamlit import dataframe_util
from streamlit.testing.v1 import AppTest

from parindex.paths import ROOT

RANKINGS = str(ROOT / "pages" / "rankings.py")


pytestmark = pytest.mark.usefixtures("on_embedded")


def open_app(page: str | None = None, session: dict | None = None, menus: bool = False, **params) -> AppTest:
    """The dashboard as a new reader opens it from a link; with menus, every popover (a chart's
    images, data and table, the share link) then opened too, as they are drawn only when open."""
    at = AppTest.from_string(f"import runpy; runpy.run_path({str(ROOT / 'dashboard.py')!r})", default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    for key, value in (session or {}).items():  # e.g. a signed-in editor
        at.session_state[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    if menus:
        open_menus(at)
    assert not at.exception, at.exception
    return at


def open_menus(at: AppTest) -> AppTest:
    """Open every popover of the page (their state is kept under their keys) and run again."""
    for element, _ in _walk(at.main):
        if getattr(element, "type", None) == "popover" and element.proto.id:
            at.session_state[element.proto.id.split("-", 2)[2]] = True  # "$$ID-<hash>-<key>"
    return at.run()


def open_tab(at: AppTest, key: str, label: str) -> AppTest:
    """Choose a tab of lazy tabs (app.lazy_tabs: only the open one is drawn) and run again."""
    at.session_state[key] = label
    return at.run()


def texts(at: AppTest) -> str:
    parts = [
        e.value
        for kind in ("title", "markdown", "text", "caption", "info", "warning", "header")
        for e in getattr(at, kind)
    ]
    parts += [f"{m.label}: {m.value} {m.delta or ''}" for m in at.metric]
    parts += [shown(d).to_string() for d in at.dataframe]
    return "\n".join(str(p) for p in parts)


def shown(element) -> pd.DataFrame:
    """A table as the reader sees it: its cells' display text where the page formats its values
    (ui.table: numbers underneath, text on screen), else its values."""
    styler = element.proto.arrow_data.styler
    if not styler.display_values:
        return element.value
    return dataframe_util.convert_arrow_bytes_to_pandas_df(styler.display_values).set_axis(element.value.index)


def _walk(node, inside_popover: bool = False):
    """Every element under node, with whether it sits in a popover (a chart's table view)."""
    for child in getattr(node, "children", {}).values():
        popover = inside_popover or getattr(child, "type", None) == "popover"
        yield child, popover
        yield from _walk(child, popover)


def tables(at: AppTest) -> list:
    """The page's own tables (st.dataframe) as shown, in order; the charts' table views are left out."""
    return [shown(element) for element in table_elements(at)]


def table_elements(at: AppTest) -> list:
    """The page's own st.dataframe elements: `.value` holds what a sort orders by."""
    return [
        element
        for element, in_popover in _walk(at.main)
        if getattr(element, "type", None) == "dataframe" and not in_popover
    ]


def table_views(at: AppTest) -> list:
    """The charts' table views (their text alternative) as shown, in order."""
    return [
        shown(element)
        for element, in_popover in _walk(at.main)
        if getattr(element, "type", None) == "dataframe" and in_popover
    ]


def figures(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def values(array) -> list:
    """A figure array from the element's JSON: plotly sends numeric arrays base64-encoded."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def plain(markup: str) -> str:
    """A figure's text without the line breaks and bold the frame adds."""
    return " ".join(re.sub(r"<br>|</?b>", " ", markup).split())


def metric(at: AppTest, label: str):
    return next(m for m in at.metric if m.label == label)


def test_overview_2021_departments_shows_the_published_figures():
    at = open_app(y="2021")
    mean = metric(at, "Điểm trung bình")
    assert (mean.value, mean.delta) == ("89,28 / 100", "−0,73 so với năm 2020")
    assert "Năm 2020: 90,01" in [c.value for c in at.caption]
    assert metric(at, "Đạt «Từ 90 điểm trở lên»").value == "6 (31,58%)"
    assert metric(at, "Số đơn vị được đánh giá").value == "19"
    text = texts(at)
    assert "**Từ 85 đến dưới 90 điểm** — 9 đơn vị (47,37%)" in text
    assert "**Dưới 85 điểm** — 4 đơn vị (21,05%): " in text
    check = tables(at)[0]
    assert check["Đối chiếu"].tolist() == ["✓ khớp"] * 5
    assert check.iloc[0].tolist() == ["Điểm trung bình", "89,28", "89,28", "✓ khớp"]
    assert "dữ liệu minh họa" in at.warning[0].value  # illustrative unit scores say so


def test_overview_figure_carries_title_subtitle_and_source():
    at = open_app(y="2021")
    (figure,) = figures(at)
    assert plain(figure["layout"]["title"]["text"]) == "6/19 sở, ban, ngành đạt «Từ 90 điểm trở lên» năm 2021"
    assert plain(figure["layout"]["title"]["subtitle"]["text"]) == "Số đơn vị theo xếp loại · Sở, ban, ngành, năm 2021"
    (source,) = [plain(a["text"]) for a in figure["layout"]["annotations"]]
    assert source == ("Nguồn: UBND tỉnh Lào Cai, hội nghị công bố ngày 30/3/2022 · điểm từng đơn vị: dữ liệu minh họa")


@pytest.mark.parametrize("group", ["department", "district", "commune", "province"])
def test_both_pages_for_every_group(group):
    overview = open_app(g=group)
    rankings = open_app(RANKINGS, g=group)
    # the latest year is the default: 2025 (illustrative) for the new province's 14 agencies and 99
    # communes; 2024 for the districts (abolished in 2025) and the provinces (2024: Lào Cai and Sơn La)
    expected_rows, year = {
        "department": (14, "2025"),
        "district": (9, "2024"),
        "commune": (99, "2025"),
        "province": (2, "2024"),
    }[group]
    assert len(tables(rankings)[0]) == expected_rows
    assert overview.title[0].value.endswith(year)
    if year == "2025":
        assert any("minh họa" in w.value for w in overview.warning)  # the year says it is illustrative
    assert "y" not in overview.query_params and "y" not in rankings.query_params  # defaults stay out


def test_overview_2015_partial_year_says_what_is_missing():
    at = open_app(y="2015")
    assert metric(at, "Điểm trung bình").value == "—"
    assert "Không tính được: chỉ có điểm của 9/20 đơn vị." in [c.value for c in at.caption]
    text = texts(at)
    assert "**Tốt** — 9 đơn vị (45,00%): Sở Công Thương; Sở Giao thông vận tải;" in text
    assert "**Khá** — 7 đơn vị (35,00%) (không công bố tên)" in text
    # Said once: the assessment's own note names what was published, so the generic caption is left out.
    assert [i.value for i in at.info] == [
        "Chỉ công bố điểm của 9 đơn vị xếp loại Tốt; 11 đơn vị còn lại (7 Khá; 4 Trung bình) không công bố tên và điểm."
    ]
    assert "Chỉ 9/20 đơn vị được công bố điểm" not in text
    check = tables(at)[0].set_index("Số liệu")
    assert check.loc["Số đơn vị xếp loại Tốt"].tolist() == ["9", "9 (+11 đơn vị chưa rõ)", "✓ khớp"]
    assert check.loc["Số đơn vị xếp loại Khá"].tolist() == ["7", "0 (+11 đơn vị chưa rõ)", "✓ không mâu thuẫn"]


def test_rankings_2018_tiers_without_scores_are_blank_not_zero():
    at = open_app(RANKINGS, y="2018", g="district")
    table = tables(at)[0]
    assert len(table) == 9 and not at.get("plotly_chart")
    assert table.columns.tolist() == ["Đơn vị", "Xếp loại", "Số liệu"]  # no column of dashes
    assert table["Đơn vị"].tolist()[:5] == [
        "huyện Bảo Thắng",
        "huyện Bát Xát",
        "huyện Bắc Hà",
        "huyện Si Ma Cai",
        "huyện Văn Bàn",
    ]  # Vietnamese alphabetical order within a tier
    assert sorted(table["Xếp loại"].value_counts().items()) == [("Khá", 4), ("Tốt", 5)]
    assert "chỉ công bố xếp loại" in texts(at)


def test_rankings_2021_table_and_chart():
    at = open_app(RANKINGS, y="2021")
    table = tables(at)[0]
    assert table.columns.tolist() == [
        "Hạng",
        "Đơn vị",
        "Tổng điểm",
        "Xếp loại",
        "Thay đổi hạng",
        "Thay đổi điểm",
        "% điểm tối đa",
        "Hạng 2020",
        "Tổng điểm 2020",
        "Số liệu",
    ]
    first = table.iloc[0]
    assert (first["Hạng"], first["Xếp loại"], first["Số liệu"]) == ("1/19", "Từ 90 điểm trở lên", "minh họa")
    assert table["Xếp loại"].value_counts().to_dict() == {
        "Từ 85 đến dưới 90 điểm": 9,
        "Dưới 85 điểm": 4,
        "Từ 90 điểm trở lên": 6,
    }
    (figure,) = figures(at)
    assert sum(len(trace["y"]) for trace in figure["data"]) == 19
    assert {trace["name"] for trace in figure["data"]} == {
        "Từ 90 điểm trở lên",
        "Từ 85 đến dưới 90 điểm",
        "Dưới 85 điểm",
    }  # tier named, not colour alone


def test_rankings_2019_districts_compare_with_2018_tiers_only_year():
    at = open_app(RANKINGS, y="2019", g="district")
    table = tables(at)[0]
    assert "Thay đổi điểm" not in table and "Hạng 2018" not in table  # nothing to compare: no column of dashes
    assert "9 đơn vị không có điểm năm 2018: không có gì để so sánh." in texts(at)
    assert not [link for link in at.get("page_link") if link.proto.page == "xu-huong"]  # 2018: no ranking


def test_national_place():
    at = open_app(g="province", y="2021")
    rank = metric(at, "Thứ hạng PAR INDEX của Lào Cai")
    assert (rank.value, rank.delta) == ("11/63", "+3 bậc so với năm 2020")
    derived = open_app(g="province", y="2016")
    assert "suy ra" in texts(derived)


def test_english():
    at = open_app(y="2021", lang="en")
    assert at.title[0].value == "Departments and agencies — 2021"
    assert metric(at, "Mean score").value == "89.28 / 100"
    text = texts(at)
    assert "Department of Home Affairs" in text and "Sở Nội vụ" not in text
    assert "illustrative data" in at.warning[0].value
    rankings = open_app(RANKINGS, y="2021", lang="en")
    assert tables(rankings)[0].columns[0] == "Rank"


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"y": "1999"}, "Năm «1999» không có dữ liệu cho khối Sở, ban, ngành; đang hiển thị năm 2025."),
        ({"y": "2021'; DROP TABLE result; --"}, "Năm «2021'; DROP TABLE result; --» không có dữ liệu"),
        ({"y": "x" * 500}, "Năm «" + "x" * 40 + "…» không có dữ liệu"),
        ({"y": "٢٠٢١"}, "Năm «٢٠٢١» không có dữ liệu cho khối Sở, ban, ngành; đang hiển thị năm 2025."),  # Arabic-Indic
        ({"g": "nope"}, "Khối «nope» không có trong dữ liệu; đang hiển thị khối sở, ban, ngành."),
        ({"lang": "fr"}, "Ngôn ngữ «fr» không được hỗ trợ; đang hiển thị tiếng Việt."),
        ({"g": "district", "y": "2015"}, "Năm «2015» không có dữ liệu cho khối Huyện, thị xã, thành phố"),
    ],
)
def test_invalid_parameters_fall_back_with_a_notice(params, notice):
    at = open_app(**params)
    assert any(i.value.startswith(notice) for i in at.info), [i.value for i in at.info]
    rankings = open_app(RANKINGS, **params)  # the same link opened on Rankings falls back too
    invalid = "y" if "y" in params else next(iter(params))
    for page in (at, rankings):
        assert invalid not in page.query_params  # the invalid value is dropped from the URL
    assert tables(rankings)[0].shape[0] in (14, 9)  # the 2025 agencies (the default), the 2015 districts


def test_filters_are_written_to_the_url_without_defaults():
    at = open_app(y="2021")
    at.selectbox(key="y").set_value(2020).run()
    assert dict(at.query_params) == {"y": "2020"}
    at.selectbox(key="g").set_value("district").run()
    assert dict(at.query_params) == {"y": "2020", "g": "district"}
    at.radio(key="lang").set_value("en").run()
    assert at.title[0].value == "Districts, towns and city — 2020"
    at.selectbox(key="y").set_value(2024)
    at.radio(key="lang").set_value("vi")
    at.run()
    assert dict(at.query_params) == {"g": "district"}


def test_summary_paragraph_2021_departments_matches_the_published_figures():
    with (ROOT / "data" / "published" / "laocai_group_stats.csv").open(encoding="utf-8") as handle:
        stats = {(r["year"], r["unit_group"], r["stat"]): r["value"] for r in csv.DictReader(handle)}
    n = int(stats[("2021", "department", "n_units")])
    at = open_app(y="2021", menus=True)
    paragraph = at.code[-1].value  # the copy menu's; the share link's comes first
    assert paragraph in [text.value for text in at.text]  # shown as text too, without opening the menu
    mean_2021 = stats[("2021", "department", "mean_total")].replace(".", ",")
    mean_2020 = stats[("2020", "department", "mean_total")].replace(".", ",")
    assert paragraph.startswith(
        f"Năm 2021, điểm trung bình của khối sở, ban, ngành đạt {mean_2021}/100, "
        f"thấp hơn so với năm 2020 ({mean_2020}/100)."
    )
    for band, label in (
        (">= 90", "Từ 90 điểm trở lên"),
        ("85 - < 90", "Từ 85 đến dưới 90 điểm"),
        ("< 85", "Dưới 85 điểm"),
    ):
        count = int(stats[("2021", "department", f"count_band:{band}")])
        share = f"{100 * count / n:.2f}".replace(".", ",")  # 6/19 = 31,58% (the announcement printed 31,5%)
        assert f"Có {count} đơn vị ở nhóm «{label}», chiếm {share}%: " in paragraph
    assert "Sở Nội vụ; Văn phòng UBND tỉnh" in paragraph and paragraph.endswith("không phải số liệu công bố.)")


def test_a_partial_year_without_a_note_says_how_many_were_published(fixture_db, use_db):
    use_db(fixture_db)  # 2015: 2 of 5 units scored, and the assessment has no note of its own
    at = open_app(y="2015")
    assert "Chỉ 2/5 đơn vị được công bố điểm; các đơn vị còn lại không được nêu tên." in [c.value for c in at.caption]
    assert not at.info


def test_a_paragraph_without_a_mean_still_opens_with_the_year_and_the_group():
    at = open_app(y="2018")  # 2018 was published as tiers only: no scores, no mean
    (paragraph,) = [text.value for text in at.text]
    assert paragraph.startswith(
        "Năm 2018, khối sở, ban, ngành có 19 đơn vị được đánh giá. Có 9 đơn vị ở nhóm «Tốt», chiếm 47,37%: "
    )


def test_the_share_link_holds_the_page_filters_and_leaves_defaults_out():
    at = open_app(str(ROOT / "pages" / "unit.py"), menus=True, y="2020", u="so-y-te", lang="en", g="department")
    link = at.code[0].value
    assert link.startswith("?") and sorted(link[1:].split("&")) == ["lang=en", "u=so-y-te", "y=2020"]


@pytest.mark.usefixtures("on_embedded")
def test_a_link_to_units_without_a_year_opens_in_their_latest_year():
    """Old Lào Cai's departments end in 2024 (the 2025 agencies took over): an old link to them
    opens their last year, not the latest year of the group, where they would be missing."""
    unit = open_app(str(ROOT / "pages" / "unit.py"), u="so-y-te")
    assert unit.selectbox(key="y").value == 2024 and unit.query_params["y"] == "2024"
    both = open_app(str(ROOT / "pages" / "compare.py"), u=["so-y-te", "so-noi-vu"])
    assert both.multiselect(key="u").value == ["so-y-te", "so-noi-vu"] and both.selectbox(key="y").value == 2024
    new = open_app(str(ROOT / "pages" / "unit.py"), u="so-y-te-2025")
    assert new.selectbox(key="y").value == 2025 and "y" not in new.query_params  # the default stays out
