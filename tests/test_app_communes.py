"""The 99 communes of the new Lào Cai at real size (issue 13): every page with g=commune&y=2025 on the
embedded dataset (its illustrative 2025 commune year), the former province and district filters
(fp, fd) in the URL, the searched unit highlighted, the long ranking readable on a phone, the summary
paragraph and a commune's origins."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from parindex import labels
from parindex.i18n import Translator
from parindex.paths import ROOT
from test_app import figures, open_app, plain, tables, texts, values

PAGES = {
    name: str(ROOT / "pages" / f"{name}.py")
    for name in ("rankings", "criteria", "unit", "trends", "compare", "methodology")
}
MU_CANG_CHAI = "yen-bai-huyen-mu-cang-chai"


@pytest.fixture(scope="module")
def commune_db(embedded_db):
    return embedded_db


@pytest.fixture(autouse=True)
def on_communes(commune_db, use_db):
    use_db(commune_db)


def origin_units(db, sql: str, params: list) -> set[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {r[0] for r in con.execute(sql, params).fetchall()}


def ranking_names(at) -> list[str]:
    return tables(at)[0]["Đơn vị"].tolist()


@pytest.mark.parametrize("page", [None, *PAGES])
def test_every_page_reads_the_99_communes(page):
    at = open_app(PAGES.get(page), g="commune", y="2025")
    assert not at.exception
    if page == "rankings":
        assert len(ranking_names(at)) == 99


def test_the_former_district_filter_gives_exactly_its_communes(commune_db):
    expected = origin_units(
        commune_db, "SELECT o.unit_id FROM unit_origin o WHERE o.former_unit_id = ?", [MU_CANG_CHAI]
    )
    assert len(expected) == 7
    at = open_app(PAGES["rankings"], g="commune", y="2025", fd=MU_CANG_CHAI)
    assert at.query_params["fd"] == MU_CANG_CHAI
    table = tables(at)[0]
    assert len(table) == len(expected)
    # ranks are the province's: of 99, not of 7
    assert all(rank.endswith("/99") for rank in table["Hạng"])
    assert "Đang xem 7/99 đơn vị: xã, phường từ huyện Mù Cang Chải (cũ)" in texts(at)
    assert "huyện Mù Cang Chải (cũ)" in [s.format_func(s.value) for s in at.selectbox if s.key == "fd"]


def test_the_former_province_filter_and_the_summary_of_a_subset(commune_db):
    expected = origin_units(
        commune_db,
        "SELECT o.unit_id FROM unit_origin o JOIN unit d ON d.unit_id = o.former_unit_id WHERE d.jurisdiction_id = ?",
        ["yen-bai"],
    )
    at = open_app(g="commune", y="2025", fp="yen-bai")
    assert at.query_params["fp"] == "yen-bai"
    units = next(m for m in at.metric if m.label == "Số đơn vị được đánh giá")
    assert units.value == str(len(expected)) == "51"
    paragraph = at.text[0].value
    assert paragraph.startswith("Năm 2025, điểm trung bình của khối xã, phường từ Yên Bái (cũ)")
    assert "(Các số liệu trên tính trên 51 đơn vị này, không phải toàn khối" in paragraph
    headings = [h.value for h in at.header]
    assert "Đoạn tóm tắt (để trích dẫn)" in headings  # the sections are drawn, but not:
    assert not [h for h in headings if "Đối chiếu" in h]  # published figures: the whole group only
    english = open_app(g="commune", y="2025", fp="yen-bai", lang="en")
    assert "former Yên Bái" in [s.format_func(s.value) for s in english.selectbox if s.key == "fp"]


def units_assessed(at) -> str:
    return next(m for m in at.metric if m.label == "Số đơn vị được đánh giá").value


def test_an_invalid_former_district_is_dropped_with_a_notice():
    at = open_app(g="commune", y="2025", fd="huyen-khong-co")
    assert any("«huyen-khong-co»" in i.value for i in at.info)
    assert "fd" not in at.query_params
    assert units_assessed(at) == "99"
    # a district of another former province than the one chosen is dropped too
    at = open_app(g="commune", y="2025", fp="lao-cai", fd=MU_CANG_CHAI)
    assert any(MU_CANG_CHAI in i.value for i in at.info)
    assert (at.query_params["fp"], "fd" in at.query_params) == ("lao-cai", False)
    assert units_assessed(at) == "48"


def test_the_filters_are_for_communes_only():
    at = open_app(PAGES["rankings"], y="2024", fd=MU_CANG_CHAI)
    assert not [s for s in at.selectbox if s.key in ("fp", "fd")]
    assert "fd" not in at.query_params


def test_the_long_ranking_shows_top_and_bottom_first_with_the_searched_unit_marked(commune_db):
    with duckdb.connect(str(commune_db), read_only=True) as con:
        middle, short = con.execute(
            "SELECT unit_id, short_vi FROM standing JOIN unit USING (unit_id) "
            "WHERE year = 2025 AND unit.unit_group = 'commune' ORDER BY rank, unit_id "
            "LIMIT 1 OFFSET 49"
        ).fetchone()
    at = open_app(PAGES["rankings"], g="commune", y="2025", u=middle)
    (figure,) = figures(at)
    ticks = figure["layout"]["yaxis"]["ticktext"]
    assert len(ticks) == 10 + 10 + 1 + 2  # top, bottom, the unit searched for, a gap either side of it
    assert f"<b>▶ {short}</b>" in ticks
    assert any("đơn vị ở giữa" in tick for tick in ticks)
    assert "10 đầu bảng và 10 cuối bảng trong 99 đơn vị" in plain(figure["layout"]["title"]["subtitle"]["text"])
    assert len(tables(at)[0]) == 99  # the full list below
    full = at.toggle(key="ranking_full").set_value(True).run()
    assert len(figures(full)) == 2
    assert len(figures(full)[1]["layout"]["yaxis"]["ticktext"]) == 99
    assert figures(full)[1]["layout"]["height"] > 99 * 26


def test_the_heatmap_marks_the_unit_searched_for():
    at = open_app(PAGES["criteria"], g="commune", y="2025", u="xa-tu-le")
    heatmap = figures(at)[0]
    assert "<b>▶ Tú Lệ</b>" in heatmap["layout"]["yaxis"]["ticktext"]
    assert len(heatmap["layout"]["yaxis"]["ticktext"]) == 100  # 99 and the mean
    assert heatmap["layout"]["shapes"]


def test_a_communes_profile_names_what_it_was_formed_from():
    at = open_app(PAGES["unit"], g="commune", y="2025", u="xa-khao-mang")
    assert "Hình thành từ: Xã Hồ Bốn, Xã Khao Mang (huyện Mù Cang Chải cũ, tỉnh Yên Bái cũ)" in texts(at)
    english = open_app(PAGES["unit"], g="commune", y="2025", u="xa-khao-mang", lang="en")
    assert "Formed from: Xã Hồ Bốn, Xã Khao Mang (former Mù Cang Chải district, former Yên Bái province)" in texts(
        english
    )


def test_the_paragraph_names_units_only_in_small_tiers():
    t = Translator("vi")
    summary = pd.Series({"mean_total": None, "year": 2025, "n_units": 14, "max_total": 100})
    tiers = pd.DataFrame(
        {
            "n": [3, 11],
            "n_named": [3, 11],
            "label": ["Tốt", "Khá"],
            "share": [3 / 14, 11 / 14],
            "names_vi": ["xã A; xã B; xã C", "; ".join(f"xã {i}" for i in range(11))],
        }
    )
    text = labels.summary_paragraph(
        summary, tiers, pd.DataFrame(), pd.Series({"n_illustrative": 0}), group_name="Xã, phường", t=t
    )
    assert "«Tốt», chiếm 21,43%: xã A; xã B; xã C." in text
    assert "«Khá», chiếm 78,57%." in text and "xã 10" not in text


def test_the_99_communes_areas_read_first_by_former_district(commune_db):
    at = open_app(PAGES["criteria"], y="2025", g="commune")
    assert not at.exception, at.exception
    (heatmap,) = figures(at)
    rows = heatmap["data"][0]["y"]
    given = origin_units(
        commune_db,
        "SELECT d.short_vi || ' (cũ) · ' || count(*) FROM unit_origin o "
        "JOIN unit d ON d.unit_id = o.former_unit_id GROUP BY d.short_vi",
        [],
    )
    assert len(rows) == 19 and rows[-1] == "Trung bình nhóm" and set(rows[:-1]) == given  # 18 districts
    cells = values(heatmap["data"][0]["z"])
    width = len(heatmap["data"][0]["x"])
    means = [sum(cells[i * width : (i + 1) * width]) / width for i in range(len(rows) - 1)]
    assert means == sorted(means)  # the weakest former district first
    at.toggle(key="each_unit").set_value(True).run()
    assert len(figures(at)[0]["data"][0]["y"]) == 100  # every commune, then the group mean
    one_district = open_app(PAGES["criteria"], y="2025", g="commune", fd=MU_CANG_CHAI)
    assert len(figures(one_district)[0]["data"][0]["y"]) == 7 + 1  # a short list: every commune at once


def test_the_press_kit_shows_the_99_communes_by_former_district(monkeypatch):
    from parindex import presskit

    drawn = {}
    monkeypatch.setattr(presskit, "_add_images", lambda kit, fig, stem: drawn.setdefault(stem, fig) and [])
    presskit.build(presskit.View(jurisdiction="lao-cai", group="commune", year=2025, lang="vi"))
    areas = next(fig for stem, fig in drawn.items() if "linh-vuc" in stem)
    assert len(areas.data[0].y) == 19 and areas.data[0].y[-1] == "Trung bình nhóm"  # 18 districts, then the mean
