"""AppTest for the National page: the province's place 2016-2024, derived places, a missing year;
the new Lào Cai's two predecessors (old Lào Cai and Yên Bái) among 63 up to 2024, and 2025 among 34
stated without a figure; headlines that quote published places only."""

from __future__ import annotations

import math

import pytest

from parindex.paths import ROOT
from test_app import figures, open_app, plain, tables, values

NATIONAL = str(ROOT / "pages" / "national.py")


pytestmark = pytest.mark.usefixtures("on_embedded")


def test_national_page_year_by_year():
    at = open_app(NATIONAL)
    assert at.title[0].value == "Tỉnh Lào Cai trong PAR INDEX toàn quốc"
    table = tables(at)[0]
    assert table["Năm"].tolist() == [str(y) for y in range(2016, 2025)]
    assert table["Hạng"].tolist() == [
        "27/63",
        "21/63",
        "21/63",
        "15/63",
        "14/63",
        "11/63",
        "không tìm thấy",
        "7/63",
        "26/63",
    ]
    assert table["Số liệu"].tolist() == [
        "suy ra",
        "công bố",
        "suy ra",
        "công bố",
        "suy ra",
        "công bố",
        "—",
        "suy ra",
        "công bố",
    ]
    assert table.loc[table["Năm"] == "2017", "Tỉnh dẫn đầu (điểm)"].item() == "tỉnh Quảng Ninh (89,45)"
    (chart,) = figures(at)
    line = chart["data"][0]
    assert values(line["x"]) == list(range(2016, 2025)) and math.isnan(values(line["y"])[6])  # 2022: a gap
    assert "2022" in plain(chart["layout"]["annotations"][0]["text"])  # the note says it is missing
    others = tables(at)[2]  # after Lào Cai's and Yên Bái's own year-by-year tables
    assert ("2024", "tỉnh Sơn La", "12/63", "90,02") in list(others.iloc[:, :4].itertuples(index=False, name=None))


def test_national_page_in_english():
    at = open_app(NATIONAL, lang="en")
    assert at.title[0].value == "Lào Cai province in the national PAR INDEX"
    assert tables(at)[0]["Rank"].tolist()[6] == "not found"


def _line(chart: dict, name: str) -> dict:
    return next(trace for trace in chart["data"] if trace.get("name") == name and trace["mode"] == "lines")


def _points(chart: dict, name: str) -> list[tuple[int, int]]:
    trace = next(trace for trace in chart["data"] if trace.get("name") == name)
    return list(zip(values(trace["x"]), values(trace["y"])))


def test_both_predecessors_lines_among_63_up_to_2024():
    at = open_app(NATIONAL)
    (chart,) = figures(at)
    lao_cai, yen_bai = _line(chart, "tỉnh Lào Cai"), _line(chart, "tỉnh Yên Bái")
    assert values(lao_cai["x"]) == values(yen_bai["x"]) == list(range(2016, 2025))  # no 2025 point
    ranks = values(yen_bai["y"])
    assert [None if math.isnan(r) else int(r) for r in ranks] == [None, None, 34, 26, 24, 21, 14, 10, None]
    assert _points(chart, "tỉnh Yên Bái, suy ra") == [(2018, 34), (2020, 24)]  # derived: hollow
    assert _points(chart, "tỉnh Yên Bái, công bố") == [(2019, 26), (2021, 21), (2022, 14), (2023, 10)]
    assert _points(chart, "tỉnh Lào Cai, suy ra") == [(2016, 27), (2018, 21), (2020, 14), (2023, 7)]
    assert (
        next(t for t in chart["data"] if t.get("name") == "tỉnh Yên Bái, suy ra")["marker"]["symbol"] == "circle-open"
    )
    assert all(2025 not in values(t["x"]) for t in chart["data"])  # no 2025 point, no 0
    yen_bai_table = tables(at)[1]
    assert yen_bai_table["Năm"].tolist() == [str(y) for y in range(2016, 2025)]
    assert yen_bai_table["Hạng"].tolist() == [
        "không tìm thấy",
        "không tìm thấy",
        "34/63",
        "26/63",
        "24/63",
        "21/63",
        "14/63",
        "10/63",
        "không tìm thấy",
    ]
    row_2021 = yen_bai_table[yen_bai_table["Năm"] == "2021"].iloc[0]
    assert (row_2021["Hạng"], row_2021["Tổng điểm"], row_2021["Số liệu"]) == ("21/63", "87,24", "công bố")
    assert yen_bai_table["Số liệu"].tolist()[2:5] == ["suy ra", "công bố", "suy ra"]  # 2018 and 2020 derived
    assert yen_bai_table.loc[yen_bai_table["Năm"] == "2023", "Tổng điểm"].item() == "88,86"
    # Yên Bái's 2022 row carries no note about Lào Cai's missing 2022
    assert yen_bai_table.loc[yen_bai_table["Năm"] == "2022", "Ghi chú"].item() == ""
    assert "tỉnh Yên Bái" not in tables(at)[2]["Tỉnh, thành phố"].tolist()  # a predecessor, not "another province"


def test_2025_is_stated_among_34_without_a_figure():
    at = open_app(NATIONAL)
    statement = (
        "Từ năm 2025, tỉnh Lào Cai mới được xếp hạng trong 34 tỉnh, thành phố (không còn trên 63); chưa "
        "tìm thấy kết quả PAR INDEX năm 2025, nên không có điểm hay thứ hạng năm 2025."
    )
    assert statement in [i.value for i in at.info]
    (chart,) = figures(at)
    assert statement in plain(chart["layout"]["annotations"][0]["text"])  # the figure carries it too
    assert all("2025" not in table["Năm"].tolist() for table in tables(at)[:2])
    english = open_app(NATIONAL, lang="en")
    assert (
        "From 2025 the new Lào Cai province is ranked among 34 provinces (no longer 63); the 2025 PAR INDEX "
        "figure was not found, so there is no 2025 score or rank."
    ) in [i.value for i in english.info]


def test_the_headline_quotes_published_places_only():
    # Lào Cai's best place is 7th in 2023, but derived: the headline quotes its best published one.
    (chart,) = figures(open_app(NATIONAL))
    assert plain(chart["layout"]["title"]["text"]) == (
        "Tỉnh Lào Cai hợp thành từ hai tỉnh: thứ hạng PAR INDEX 2016-2024, tỉnh Lào Cai: hạng công bố cao nhất "
        "11/63 (2021); tỉnh Yên Bái: hạng công bố cao nhất 10/63 (2023)"
    )
    (english,) = figures(open_app(NATIONAL, lang="en"))
    assert plain(english["layout"]["title"]["text"]) == (
        "Lào Cai province, formed from two provinces: PAR INDEX ranks 2016-2024, Lào Cai province: best published "
        "rank 11/63 (2021); Yên Bái province: best published rank 10/63 (2023)"
    )


def test_a_headline_with_derived_places_only_says_derived():
    import pandas as pd

    from parindex import labels
    from parindex.i18n import Translator

    place = pd.DataFrame({"year": [2016, 2017], "rank": [27.0, None], "rank_of": [63.0, None], "derived": [True, None]})
    assert (
        labels.national_headline(place, Translator("vi"), name="Tỉnh A")
        == "Tỉnh A: thứ hạng PAR INDEX qua các năm, hạng cao nhất 27/63 (2016, suy ra)"
    )
    assert (
        labels.national_headline(place, Translator("en"), name="A")
        == "A: PAR INDEX rank over the years, best rank 27/63 (2016, derived)"
    )
