"""AppTest for the National page: the province's place 2016-2024, derived places, a missing year."""

from __future__ import annotations

import math

import pytest

from parindex.paths import ROOT
from test_app import tables, figures, open_app, plain, values

NATIONAL = str(ROOT / "pages" / "national.py")


pytestmark = pytest.mark.usefixtures("on_embedded")


def test_national_page_year_by_year():
    at = open_app(NATIONAL)
    assert at.title[0].value == "Tỉnh Lào Cai trong PAR INDEX toàn quốc"
    table = tables(at)[0]
    assert table["Năm"].tolist() == [str(y) for y in range(2016, 2025)]
    assert table["Hạng"].tolist() == ["27/63", "21/63", "21/63", "15/63", "14/63", "11/63", "không tìm thấy",
                                      "7/63", "26/63"]
    assert table["Số liệu"].tolist() == ["suy ra", "công bố", "suy ra", "công bố", "suy ra", "công bố", "—",
                                         "suy ra", "công bố"]
    assert table.loc[table["Năm"] == "2017", "Tỉnh dẫn đầu (điểm)"].item() == "tỉnh Quảng Ninh (89,45)"
    (chart,) = figures(at)
    line = chart["data"][0]
    assert values(line["x"]) == list(range(2016, 2025)) and math.isnan(values(line["y"])[6])  # 2022: a gap
    assert "2022" in plain(chart["layout"]["annotations"][0]["text"])  # the note says it is missing
    others = tables(at)[1]
    assert ("2024", "tỉnh Sơn La", "12/63", "90,02") in list(others.iloc[:, :4].itertuples(index=False, name=None))


def test_national_page_in_english():
    at = open_app(NATIONAL, lang="en")
    assert at.title[0].value == "Lào Cai province in the national PAR INDEX"
    assert tables(at)[0]["Rank"].tolist()[6] == "not found"
