"""AppTest of Yên Bái (until 2024), the new Lào Cai's other predecessor, chosen in the filters: every
page works for its years and groups with only what was published (the first three and the last
place, 2019-2021): published ranks, "—" for the rest, no mean, no tier, nothing illustrative, the
partial-table note; Lào Cai stays the default."""

from __future__ import annotations

import pytest

from parindex.db import query
from parindex.paths import ROOT
from test_app import figures, metric, open_app, plain, tables, texts, values

pytestmark = pytest.mark.usefixtures("on_embedded")

PAGES = ("overview", "rankings", "criteria", "unit", "trends", "national", "methodology", "compare")
PARTIAL = {
    "department": "Chỉ công bố ba đơn vị đứng đầu và đơn vị cuối bảng (19 đơn vị); bảng đầy đủ không tìm "
    "thấy. Thứ hạng là thứ hạng đã công bố.",
    "district": "Chỉ công bố ba đơn vị đứng đầu và đơn vị cuối bảng (9 đơn vị); bảng đầy đủ không tìm "
    "thấy. Thứ hạng là thứ hạng đã công bố.",
}
NO_TIERS = "Không tìm thấy xếp loại đã công bố của các đơn vị năm 2021; trang không tự suy ra xếp loại."


def page(name: str, **params):
    path = None if name == "overview" else str(ROOT / "pages" / f"{name}.py")
    return open_app(path, j="yen-bai", y="2021", **params)


@pytest.mark.parametrize("group", ["department", "district"])
@pytest.mark.parametrize("name", PAGES)
def test_every_page_opens_on_yen_bai_with_only_published_figures(name, group):
    at = page(name, g=group)  # open_app asserts no exception
    assert at.selectbox(key="j").value == "yen-bai"
    assert dict(at.query_params)["j"] == "yen-bai"
    text = texts(at)
    assert "minh họa" not in text.replace("Tỉnh minh họa", "")  # its data is published: nothing illustrative
    assert not at.warning  # the illustrative warning is Lào Cai's
    if name in ("overview", "rankings", "unit", "compare"):  # the assessment's pages carry its note
        assert PARTIAL[group] in [i.value for i in at.info]
        assert NO_TIERS in [c.value for c in at.caption]
        assert "chưa được thiết lập các mức xếp loại" not in text  # no set-up advice: none were published


def test_the_filter_names_both_provinces_and_lao_cai_is_the_default():
    at = open_app()
    place = at.selectbox(key="j")
    assert place.label == "Tỉnh" and place.value == "lao-cai" and "j" not in at.query_params
    assert list(place.options)  # as shown == ["tỉnh Lào Cai", "Yên Bái (đến 2024)"]
    english = open_app(lang="en").selectbox(key="j")
    assert english.label == "Province"
    assert list(english.options) == ["Lào Cai province", "Yên Bái (until 2024)"]
    assert metric(open_app(y="2021"), "Điểm trung bình").value == "89,28 / 100"  # Lào Cai's own, by default


def test_rankings_2021_departments_published_ranks_and_dashes():
    at = page("rankings")
    table = tables(at)[0]
    assert table.columns.tolist() == [
        "Hạng",
        "Đơn vị",
        "Tổng điểm",
        "Thay đổi hạng",
        "Thay đổi điểm",
        "% điểm tối đa",
        "Hạng 2020",
        "Tổng điểm 2020",
        "Số liệu",
    ]  # no tier: none published
    year_before = table.set_index("Đơn vị")[["Hạng 2020", "Tổng điểm 2020"]]
    assert year_before.loc["Văn phòng UBND tỉnh"].tolist() == ["1", "94,79"]  # published 2020: 1/19, 94,79
    assert year_before.loc["Sở Y tế"].tolist() == ["—", "—"]  # 2nd in 2020, not published in 2021: nothing beside
    rows = [tuple(r) for r in table[["Hạng", "Đơn vị", "Tổng điểm", "Số liệu"]].itertuples(index=False)]
    assert rows == [
        ("1/19", "Văn phòng UBND tỉnh", "96,37", "công bố"),
        ("2/19", "Sở Giao thông vận tải", "94,92", "công bố"),
        ("3/19", "Sở Giáo dục và Đào tạo", "93,96", "công bố"),
        ("19/19", "Ban Quản lý các khu công nghiệp", "79,09", "công bố"),
        ("—", "Ban Dân tộc", "—", "công bố"),
        ("—", "Sở Y tế", "—", "công bố"),
    ]
    assert any(c.value.startswith("Thứ hạng là thứ hạng đã công bố, không tính lại từ điểm") for c in at.caption)
    (chart,) = figures(at)
    assert plain(chart["layout"]["title"]["text"]) == "Văn phòng UBND tỉnh dẫn đầu sở, ban, ngành năm 2021"
    assert sum(len(trace["y"]) for trace in chart["data"]) == 4  # the four published scores only


def test_rankings_2021_districts_ranks_without_scores():
    table = tables(page("rankings", g="district"))[0]
    rows = [tuple(r) for r in table[["Hạng", "Đơn vị", "Tổng điểm"]].itertuples(index=False)]
    assert rows == [
        ("1/9", "thành phố Yên Bái", "95,44"),
        ("2/9", "huyện Văn Yên", "—"),
        ("3/9", "huyện Trấn Yên", "—"),
        ("9/9", "huyện Trạm Tấu", "—"),
    ]


def test_overview_2021_no_mean_first_three_and_last_place_as_published():
    at = page("overview")
    assert metric(at, "Điểm trung bình").value == "—"
    assert "Không tính được: chỉ có điểm của 4/19 đơn vị." in [c.value for c in at.caption]
    assert metric(at, "Số đơn vị được đánh giá").value == "19"
    text = texts(at)
    assert (
        "- 1/19: Văn phòng UBND tỉnh — 96,37/100\n- 2/19: Sở Giao thông vận tải — 94,92/100\n"
        "- 3/19: Sở Giáo dục và Đào tạo — 93,96/100"
    ) in text
    assert "**Cuối bảng (thứ hạng đã công bố)**\n\n- 19/19: Ban Quản lý các khu công nghiệp — 79,09/100" in text
    assert "Sở Y tế" not in text and "Ban Dân tộc" not in text  # no score, no rank: not placed
    districts = texts(page("overview", g="district"))
    assert "- 2/9: huyện Văn Yên\n- 3/9: huyện Trấn Yên" in districts and "- 9/9: huyện Trạm Tấu" in districts


def test_unit_profile_of_a_unit_without_score_or_rank():
    at = page("unit", u="yen-bai-so-y-te")
    assert at.title[0].value == "Sở Y tế"
    assert (metric(at, "Tổng điểm").value, metric(at, "Hạng").value) == ("—", "—")
    history = tables(at)[0]
    assert history[["Năm", "Hạng", "Số liệu"]].values.tolist() == [
        ["2019", "2/20", "công bố"],
        ["2020", "2/19", "công bố"],
        ["2021", "—", "công bố"],
    ]
    first = page("unit", u="yen-bai-van-phong-ubnd-tinh")
    assert (metric(first, "Tổng điểm").value, metric(first, "Hạng").value) == ("96,37/100", "1/19")


def test_trends_no_group_mean_and_no_rank_movement_from_partial_tables():
    at = page("trends")
    assert at.multiselect(key="u").value == [
        "yen-bai-van-phong-ubnd-tinh",
        "yen-bai-so-giao-thong-van-tai",
        "yen-bai-so-giao-duc-va-dao-tao",
        "yen-bai-ban-quan-ly-cac-khu-cong-nghiep",
    ]  # first two, last two
    (chart,) = figures(at)  # no movement between years (no complete table), no areas, no tiers
    lines = {trace.get("name"): (values(trace["x"]), values(trace["y"])) for trace in chart["data"]}
    assert "Trung bình nhóm" not in lines and "Nửa giữa của nhóm (25-75%)" not in lines  # no mean of a partial table
    assert lines["VP UBND tỉnh"] == ([2020, 2021], [94.79, 96.37])
    assert lines["Ban Quản lý các khu công nghiệp"] == ([2020, 2021], [63.31, 79.09])
    assert not any(s.key == "a" for s in at.selectbox)


def test_compare_ranks_in_year_order_and_methodology_lists_yen_bai():
    at = page("compare", u=["yen-bai-van-phong-ubnd-tinh", "yen-bai-so-y-te"])
    ranks = tables(at)[-1]
    assert ranks.values.tolist() == [["2019", "—", "2"], ["2020", "1", "2"], ["2021", "1", "—"]]
    method = page("methodology")
    assessments = tables(method)[0]
    own = assessments[assessments["Khối đơn vị"] != "Cấp tỉnh (PAR INDEX toàn quốc)"]
    assert own[["Năm", "Có điểm", "Số liệu", "Quyết định / nguồn"]].values.tolist() == [
        ["2019", "4/20", "công bố", "QĐ 739/QĐ-UBND"],
        ["2020", "4/19", "công bố", "Tạp chí Nội chính"],
        ["2021", "4/19", "công bố", "QĐ 885/QĐ-UBND"],
        ["2019", "4/9", "công bố", "QĐ 739/QĐ-UBND"],
        ["2020", "4/9", "công bố", "Tạp chí Nội chính"],
        ["2021", "1/9", "công bố", "QĐ 885/QĐ-UBND"],
    ]
    captions = [c.value for c in method.caption]
    assert "Không tìm thấy bộ tiêu chí của các kỳ đánh giá này: chỉ có tổng điểm và thứ hạng đã công bố." in captions
    assert "Không tìm thấy xếp loại hay nhóm điểm đã công bố của các kỳ đánh giá này." in captions


def test_yen_bai_in_english():
    at = page("rankings", lang="en")
    assert "No published tiers of the units were found for 2021; none are made up here." in [
        c.value for c in at.caption
    ]
    assert tables(at)[0].iloc[0][["Rank", "Total score"]].tolist() == ["1 of 19", "96.37"]


def test_compare_on_a_partial_table_starts_from_the_first_and_the_last_published_places():
    """Yên Bái published the first three and the last place: the default pair is places 1 and 19,
    never a unit without a published place, and the caption says which with their ranks."""
    ranking = query("ranking", jurisdiction="yen-bai", group="department", year=2021)
    ranked = ranking.dropna(subset=["rank"]).sort_values("rank", kind="stable")
    first, last = ranked.iloc[0], ranked.iloc[-1]
    assert ranking["rank"].isna().any() and int(last["rank"]) == int(last["rank_of"])  # partial; last place known
    at = page("compare")
    assert at.multiselect(key="u").value == [first["unit_id"], last["unit_id"]]
    of = int(first["rank_of"])
    assert (
        f"Chưa chọn đơn vị: đang so sánh {first['name_vi']} (hạng 1/{of}) và {last['name_vi']} "
        f"(hạng {of}/{of}), đầu và cuối bảng xếp hạng năm 2021. Chọn đơn vị khác ở ô trên."
    ) in texts(at)
