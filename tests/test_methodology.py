"""The Methodology page and the full-dataset workbook."""

from __future__ import annotations

import io

import duckdb
import pandas as pd
import pytest

from parindex import export, labels
from parindex.db import run
from parindex.i18n import Translator
from parindex.labels import data_view
from parindex.paths import DATA_DIR, ROOT
from test_app import open_app, tables

METHOD = str(ROOT / "pages" / "methodology.py")


pytestmark = pytest.mark.usefixtures("on_embedded")


def test_methodology_page_lists_assessments_frameworks_tiers_and_lineage():
    at = open_app(METHOD, menus=True)
    assessments, *frameworks, tiers, lineage = tables(at)
    first = assessments.iloc[0]
    assert (first["Năm"], first["Thang điểm"], first["Có điểm"], first["Quyết định / nguồn"]) == (
        "2015",
        "70",
        "9/20",
        "QĐ 955/QĐ-UBND",
    )
    assert len(frameworks) == 4 and all(len(f) == 8 for f in frameworks)  # 2019, 2022, 2025 (two): eight areas each
    assert frameworks[0]["Tự đánh giá"].tolist()[-1] == "không (điều tra xã hội học)"
    row = tiers[(tiers["Năm"] == "2021") & (tiers["Xếp loại"] == "Trên 90 điểm")].iloc[0]
    assert row["Ngưỡng điểm"] == "> 90,00"  # the district band's bound is exclusive
    departments_2021 = tiers[(tiers["Năm"] == "2021") & (tiers["Khối đơn vị"] == "Sở, ban, ngành")]
    bounds = dict(zip(departments_2021["Xếp loại"], departments_2021["Ngưỡng điểm"]))
    assert bounds["Dưới 85 điểm"] == "còn lại"  # below the other bands' bounds
    in_2018 = tiers[tiers["Năm"] == "2018"]["Ngưỡng điểm"].tolist()
    assert in_2018 and set(in_2018) == {"—"}  # 2018 published the tiers' names only: bounds unknown
    changes = lineage["Thay đổi"].tolist()
    assert changes[:2] == [
        "2018: Sở Giao thông vận tải đổi tên thành Sở Giao thông vận tải - Xây dựng",
        "2019: huyện Sa Pa đổi tên thành thị xã Sa Pa",
    ]
    abolished = [
        c for c in changes[2:] if c.startswith("2025: ") and c.endswith(" bị giải thể (kết thúc chuỗi số liệu)")
    ]
    assert (
        len(abolished) == 18 and "2025: huyện Bát Xát bị giải thể (kết thúc chuỗi số liệu)" in abolished
    )  # both provinces'
    assert "2025: huyện Mù Cang Chải bị giải thể (kết thúc chuỗi số liệu)" in abolished
    assert at.get("download_button")


@pytest.mark.slow  # an end-to-end trial (another program, or a whole-dataset file)
def test_full_dataset_workbook(embedded_db):
    with duckdb.connect(str(embedded_db), read_only=True) as con:
        results, scores = run(con, "dataset_results"), run(con, "dataset_scores")
    book = pd.read_excel(
        io.BytesIO(export.xlsx({"results": results, "scores": scores}, {"source": "S"}, Translator("en"))),
        sheet_name=None,
    )
    assert list(book) == ["results", "scores", "About this file"]
    with (DATA_DIR / "illustrative" / "scores.csv").open(encoding="utf-8") as committed:
        every_score = sum(1 for _ in committed) - 1  # the header
    assert len(book["results"]) == len(results) and len(book["scores"]) == len(scores) == every_score
    meta = dict(zip(book["About this file"]["Item"], book["About this file"]["Value"]))
    assert meta["Source"] == "S" and meta["Generated at"].endswith("UTC")
    sa_pa = book["results"][(book["results"]["unit_id"] == "huyen-sa-pa")]
    assert sa_pa["tier_vi"].tolist() == ["Khá"] and sa_pa["total"].isna().all()  # 2018: a tier, no score
    # Both provinces rank their departments in 2021: each first place says whose it is.
    results = book["results"]
    firsts = results[(results["year"] == 2021) & (results["unit_group"] == "department") & (results["rank"] == 1)]
    assert sorted(zip(firsts["jurisdiction_id"], firsts["name_vi"])) == [
        ("lao-cai", "Sở Lao động - Thương binh và Xã hội"),
        ("yen-bai", "Văn phòng UBND tỉnh"),
    ]


def test_rankings_csv_header_and_first_row_byte_for_byte(embedded_db):
    from parindex.export import csv_bytes, ranking_data

    with duckdb.connect(str(embedded_db), read_only=True) as con:
        ranking = run(con, "ranking", jurisdiction="lao-cai", group="department", year=2015)
    data = csv_bytes(ranking_data(ranking, 2015, "department"))
    lines = data.split(b"\n")
    assert lines[0] == (
        b"\xef\xbb\xbfyear,group,unit_id,name_vi,name_en,total,max_total,pct_of_max,rank,rank_of,"
        b"tier_vi,tier_en,provenance"
    )
    assert (
        lines[1]
        == (
            "2015,department,so-cong-thuong,Sở Công Thương,Department of Industry and Trade,65.0,70.0,"
            "92.86,1,20,Tốt,Good,published"
        ).encode()
    )


def test_rankings_page_offers_images_and_data_beside_the_chart_and_the_table():
    at = open_app(str(ROOT / "pages" / "rankings.py"), menus=True, y="2021")
    keys = {button.key for button in at.get("download_button")}
    images = {f"ranking_chart_{fmt}_{shape}" for fmt in ("png", "svg") for shape in ("16x9", "square")}
    data = {
        f"{view}_{scope}_{fmt}"
        for view in ("ranking_chart", "ranking")
        for scope in ("shown", "all")
        for fmt in ("csv", "xlsx")
    }
    assert keys == images | data


def test_tidy_keeps_codes_names_and_numbers_and_puts_the_view_first():
    frame = pd.DataFrame(
        {
            "unit_id": ["a"],
            "name_vi": ["Sở A"],
            "name_en": ["Dept A"],
            "short_vi": ["A"],
            "short_en": ["A"],
            "pct": [89.2800000001],
            "hover": ["<b>x</b>"],
        }
    )
    tidy = export.tidy(frame, year=2021, group="department")
    assert tidy.to_dict("records") == [
        {"year": 2021, "group": "department", "unit_id": "a", "name_vi": "Sở A", "name_en": "Dept A", "pct": 89.28}
    ]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "vi",
            {
                "Năm": "2021",
                "Đơn vị": "Sở A",
                "% điểm tối đa": "89,28",
                "Thứ hạng": "—",
                "Tỷ lệ": "31,58%",
                "Nguồn số liệu": "minh họa",
            },
        ),
        (
            "en",
            {
                "Year": "2021",
                "Unit": "Dept A",
                "% of maximum": "89.28",
                "Rank": "—",
                "Share": "31.58%",
                "Provenance": "illustrative",
            },
        ),
    ],
)
def test_a_charts_table_view_is_in_the_readers_language(lang, expected):
    data = pd.DataFrame(
        {
            "year": [2021],
            "unit_id": ["a"],
            "name_vi": ["Sở A"],
            "name_en": ["Dept A"],
            "pct": [89.28],
            "rank": [None],
            "share": [6 / 19],
            "provenance": ["illustrative"],
        }
    )
    assert data_view(data, Translator(lang)).to_dict("records") == [expected]


def test_the_dataset_file_says_which_years_of_unit_scores_are_illustrative(embedded_db):
    with duckdb.connect(str(embedded_db), read_only=True) as con:
        results = run(con, "dataset_results")
    assert labels.dataset_source(results, Translator("vi")) == (
        "Số liệu công bố, nguồn của từng dòng ở cột source; dữ liệu minh họa của dự án (provenance = illustrative) "
        "cho điểm từng đơn vị các năm 2019-2025"  # 2025: the 14 agencies and 99 communes are illustrative too
    )
    published = results[results["provenance"] == "published"]
    assert (
        labels.dataset_source(published, Translator("en"))
        == "Published figures, each row's source in the column source"
    )
