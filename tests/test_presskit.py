"""The press kit: every file it promises, images carrying their frame, data and paragraph agreeing
with the page, and nothing of a draft for a reader who may not see drafts."""

from __future__ import annotations

import io
import zipfile

import pytest

from parindex import presskit
from parindex.db import query
from test_images import svg_text


@pytest.fixture(scope="module")
def kit_2021(embedded_db):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PARINDEX_DB", str(embedded_db))
        return zipfile.ZipFile(io.BytesIO(presskit.build(presskit.View("lao-cai", "department", 2021, "vi"))))


def test_the_kit_holds_each_chart_in_two_formats_and_two_shapes_with_its_data(kit_2021):
    stem = "chi-so-cchc_2021_so-nganh"
    expected = {
        f"{stem}_{chart}_{shape}.{fmt}"
        for chart in ("xep-loai", "xep-hang", "linh-vuc")
        for shape in ("16x9", "square")
        for fmt in ("png", "svg")
    }
    expected |= {f"{stem}_{chart}.{fmt}" for chart in ("xep-loai", "xep-hang", "linh-vuc") for fmt in ("csv", "xlsx")}
    expected |= {f"{stem}_doan-tom-tat.txt", "DOC-TRUOC.txt"}
    assert set(kit_2021.namelist()) == expected


def test_the_kit_images_carry_title_and_source(kit_2021):
    text = svg_text(kit_2021.read("chi-so-cchc_2021_so-nganh_xep-loai_16x9.svg"))
    assert "6/19 sở, ban, ngành đạt «Từ 90 điểm trở lên» năm 2021" in text
    assert "6 · 31,58%" in text and "9 · 47,37%" in text
    assert "Nguồn: UBND tỉnh Lào Cai" in text
    assert kit_2021.read("chi-so-cchc_2021_so-nganh_xep-hang_square.png")[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_kit_paragraph_and_data_agree_with_the_published_figures(kit_2021):
    paragraph = kit_2021.read("chi-so-cchc_2021_so-nganh_doan-tom-tat.txt").decode("utf-8")
    assert "89,28" in paragraph and "31,58%" in paragraph and "47,37%" in paragraph
    ranking = kit_2021.read("chi-so-cchc_2021_so-nganh_xep-hang.csv").decode("utf-8-sig").splitlines()
    assert ranking[0].startswith(
        "Hạng,Trên số đơn vị,Đơn vị,Tổng điểm,Điểm tối đa,Xếp loại,Thay đổi hạng,Thay đổi điểm"
    )
    assert ranking[0].endswith(",unit_id,year,group")  # the codes, for scripts, after what a reader reads
    assert len(ranking) == 1 + 19
    readme = kit_2021.read("DOC-TRUOC.txt").decode("utf-8")
    assert "Nguồn: UBND tỉnh Lào Cai, hội nghị công bố ngày 30/3/2022" in readme
    assert "số liệu minh họa" in readme


def test_a_draft_is_not_in_a_kit_for_an_anonymous_reader_and_is_marked_for_an_editor(draft_db, use_db):
    use_db(draft_db)
    with pytest.raises(LookupError):
        presskit.build(presskit.View("tinh-a", "department", 2022, "vi"))
    kit = zipfile.ZipFile(io.BytesIO(presskit.build(presskit.View("tinh-a", "department", 2022, "vi", drafts=True))))
    assert "DỰ THẢO" in svg_text(kit.read("chi-so-cchc_2022_so-nganh_xep-hang_16x9.svg"))
    assert "DỰ THẢO" in kit.read("DOC-TRUOC.txt").decode("utf-8")
    assert query("years").query("year == 2022").empty  # the kit changed nothing for others
