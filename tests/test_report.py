"""The year's report and a unit's brief: the Word file read back (python-docx) against the queries
the pages show, the PDF LibreOffice makes of it (pdfinfo, pdftotext, pdftoppm, pdffonts), years
without scores, a draft, and the command. Each PDF is converted once per module (slow: LibreOffice)."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import docx
import pandas as pd
import pytest
from docx.enum.section import WD_ORIENT
from docx.shared import Mm
from PIL import Image as PILImage

from parindex import fmt, labels, planning, report
from parindex.__main__ import main
from parindex.db import query
from parindex.i18n import Translator
from parindex.paths import ROOT
from parindex.report import content, pdf
from test_app import open_app

DEPARTMENTS_2021 = report.View("lao-cai", "department", 2021, "vi")


def _build(db: Path, view: report.View, fmt_: str = "docx", unit: str | None = None) -> bytes:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PARINDEX_DB", str(db))
        return report.build(view, fmt_, unit)


def _read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _text(document) -> str:
    """The body's paragraphs (not the tables), one line each."""
    return "\n".join(p.text for p in document.paragraphs)


def _table(document, *first_headings: str):
    found = [
        tb for tb in document.tables if tuple(c.text for c in tb.rows[0].cells[: len(first_headings)]) == first_headings
    ]
    assert len(found) == 1, [tuple(c.text for c in tb.rows[0].cells) for tb in document.tables]
    return found[0]


def _rows(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows[1:]]


@pytest.fixture(scope="module")
def word_2021(embedded_db) -> bytes:
    return _build(embedded_db, DEPARTMENTS_2021)


@pytest.fixture(scope="module")
def doc_2021(word_2021):
    return _read(word_2021)


@pytest.fixture(scope="module")
def pdf_2021(word_2021, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.pdf"
    path.write_bytes(pdf.convert(word_2021))
    return path


@pytest.fixture(scope="module")
def ranking_2021(embedded_db) -> pd.DataFrame:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PARINDEX_DB", str(embedded_db))
        return query("ranking", jurisdiction="lao-cai", group="department", year=2021, drafts=False)


# --- the Word file ----------------------------------------------------------------------------------


def test_the_header_block_has_the_issuer_the_motto_the_number_and_the_place_and_date(doc_2021):
    left, right = doc_2021.tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs if p.text] == ["UBND TỈNH LÀO CAI", "SỞ NỘI VỤ", "Số:        /BC-SNV"]
    assert [p.text for p in right.paragraphs if p.text] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Lào Cai, ngày …… tháng …… năm ……",
    ]
    assert left.paragraphs[1].runs[0].bold and right.paragraphs[1].runs[0].bold
    date = next(p for p in right.paragraphs if p.text.startswith("Lào Cai"))
    assert date.runs[0].italic


def test_the_title_names_the_year_and_is_bold(doc_2021):
    kind, title = [p for p in doc_2021.paragraphs if p.text][:2]
    assert kind.text == "BÁO CÁO"
    assert title.text == "Kết quả xác định Chỉ số cải cách hành chính năm 2021 của sở, ban, ngành"
    assert all(run.bold for run in kind.runs + title.runs)
    assert doc_2021.core_properties.title == title.text


def test_the_page_is_a4_with_the_decrees_margins_and_times_new_roman(doc_2021):
    first = doc_2021.sections[0]
    assert (round(first.page_width.mm), round(first.page_height.mm)) == (210, 297)  # stored in twips
    mm = {side: round(getattr(first, f"{side}_margin").mm, 1) for side in ("top", "bottom", "left", "right")}
    assert 20 <= mm["top"] <= 25 and 20 <= mm["bottom"] <= 25 and 30 <= mm["left"] <= 35 and 15 <= mm["right"] <= 20
    normal = doc_2021.styles["Normal"]
    assert normal.font.name == "Times New Roman" and 13 <= normal.font.size.pt <= 14


def test_page_numbers_start_on_the_second_page(doc_2021):
    section = doc_2021.sections[0]
    assert section.different_first_page_header_footer
    assert "> PAGE </w:instrText>" in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml
    assert "DỰ THẢO" not in section.header._element.xml  # a published year carries no draft mark


def test_the_ranking_table_holds_every_unit_with_its_score_and_rank_as_the_rankings_page(doc_2021, ranking_2021):
    t = Translator("vi")
    rows = _rows(_table(doc_2021, "Hạng", "Đơn vị", "Tổng điểm"))
    shown = labels.ranking_table(ranking_2021, t).text()  # what the Rankings page draws
    assert len(rows) == len(ranking_2021) == 19
    assert [r[:3] for r in rows] == shown[[t("col.rank"), t("col.unit"), t("col.total")]].values.tolist()
    assert rows[0][:4] == ["1/19", "Sở Lao động - Thương binh và Xã hội", "97,22", "Từ 90 điểm trở lên"]
    assert rows[-1][:3] == ["19/19", "Thanh tra tỉnh", "82,62"]
    for unit in ranking_2021.to_dict("records"):
        assert [labels.rank_text(unit, t), unit["name_vi"], fmt.number(unit["total"], "vi")] in [r[:3] for r in rows]


def test_the_tier_counts_shares_and_mean_are_the_published_figures(doc_2021):
    text = _text(doc_2021)
    assert "Có 6 đơn vị ở nhóm «Từ 90 điểm trở lên», chiếm 31,58%" in text
    assert "Có 9 đơn vị ở nhóm «Từ 85 đến dưới 90 điểm», chiếm 47,37%" in text
    assert "Có 4 đơn vị ở nhóm «Dưới 85 điểm», chiếm 21,05%" in text
    assert "Điểm trung bình năm nay 89,28 so với 90,01 năm 2020 (−0,73 điểm)." in text
    assert "Sở Nội vụ; Văn phòng UBND tỉnh" in text  # the units named, as the announcement does


def test_the_three_charts_are_images_with_their_captions(doc_2021):
    assert len(doc_2021.inline_shapes) == 3
    for shape in doc_2021.inline_shapes:
        assert shape.width <= Mm(165) + 1  # within the text column
    text = _text(doc_2021)
    for caption in (
        "Hình 1. Số đơn vị theo nhóm xếp loại năm 2021",
        "Hình 2. Xếp hạng các đơn vị năm 2021",
        "Hình 3. Tỷ lệ điểm đạt theo lĩnh vực năm 2021",
    ):
        assert caption in text


def test_the_annex_has_one_row_per_unit_with_its_points_per_area_on_a_landscape_page(
    doc_2021, embedded_db, ranking_2021
):
    annex = _table(doc_2021, "STT", "Đơn vị")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PARINDEX_DB", str(embedded_db))
        areas = query("area_scores", jurisdiction="lao-cai", group="department", year=2021, drafts=False)
    headings = [c.text for c in annex.rows[0].cells]
    assert len(headings) == 2 + areas["area_key"].nunique() + 3 and headings[-3:] == [
        "Tổng điểm (100)",
        "Hạng",
        "Xếp loại",
    ]
    rows = _rows(annex)
    assert [r[1] for r in rows] == ranking_2021["name_vi"].tolist()
    first = areas[areas["unit_id"] == ranking_2021["unit_id"].iat[0]].sort_values("area_order")
    assert rows[0][2:-3] == [fmt.number(v, "vi") for v in first["final_points"]]
    assert rows[0][-3:] == ["97,22", "1/19", "Từ 90 điểm trở lên"]
    assert doc_2021.sections[-1].orientation == WD_ORIENT.LANDSCAPE


def test_the_body_says_where_points_are_lost_and_who_moved(doc_2021, ranking_2021):
    text = _text(doc_2021)
    assert "3 lĩnh vực các đơn vị mất nhiều điểm nhất:" in text
    assert (
        "Tăng hạng nhiều nhất so với năm 2020 (trong 19 đơn vị có thứ hạng cả hai năm): Ban Dân tộc (↑ 5, "
        "nay 7/19); Sở Kế hoạch và Đầu tư (↑ 5, nay 10/19); Sở Y tế (↑ 2, nay 9/19)."
    ) in text
    fell = next(line for line in text.splitlines() if line.startswith("- Giảm hạng nhiều nhất"))
    # three places fell by 2 after two by 4: all three are named, none dropped at an arbitrary cut
    tied = ranking_2021[ranking_2021["rank_change"] == -2]["name_vi"].tolist()
    assert len(tied) == 3 and all(name in fell for name in tied)
    assert "Năm 2021, tỉnh Lào Cai xếp thứ 11/63" in text and "88,44%" in text
    assert "nan" not in text.lower().split() and "None" not in text


def test_a_list_of_the_units_that_moved_most_keeps_every_unit_tied_at_its_end():
    rows = pd.DataFrame({"size": [5, 4, 2, 2, 2, 1]})
    assert content._with_ties(rows, "size", 3)["size"].tolist() == [5, 4, 2, 2, 2]
    assert content._with_ties(rows.head(2), "size", 3)["size"].tolist() == [5, 4]
    assert content._with_ties(pd.DataFrame({"size": [3, 2, 1, 1]}), "size", 2)["size"].tolist() == [3, 2]


def test_the_english_report_keeps_the_structure_with_english_headings_and_decimals(embedded_db):
    document = _read(_build(embedded_db, report.View("lao-cai", "department", 2021, "en")))
    text = _text(document)
    assert [p.text for p in document.tables[0].rows[0].cells[1].paragraphs if p.text][:2] == [
        "SOCIALIST REPUBLIC OF VIET NAM",
        "Independence - Freedom - Happiness",
    ]
    for heading in (
        "REPORT",
        "I. OVERALL RESULTS",
        "II. RANKING OF THE UNITS",
        "III. RESULTS BY AREA",
        "IV. COMPARISON WITH THE PREVIOUS YEAR",
        "ANNEX",
    ):
        assert heading in text.splitlines()
    assert "This year's mean is 89.28 against 90.01 in 2020 (−0.73 points)." in text
    assert "31.58%" in text and "47.37%" in text and "21.05%" in text
    assert "89,28" not in text and "31,58%" not in text
    rows = _rows(_table(document, "Rank", "Unit"))
    assert rows[0][:3] == ["1 of 19", "Department of Labour, Invalids and Social Affairs", "97.22"]
    assert len(document.inline_shapes) == 3


# --- the PDF ----------------------------------------------------------------------------------------


def _pdfinfo(path: Path, *options: str) -> str:
    return subprocess.run(["pdfinfo", *options, str(path)], capture_output=True, text=True, check=True).stdout


def _pages(path: Path) -> int:
    return int(next(line.split()[-1] for line in _pdfinfo(path).splitlines() if line.startswith("Pages:")))


def _page_text(path: Path, page: int | None = None) -> str:
    span = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        ["pdftotext", "-layout", *span, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.slow  # an end-to-end trial (another program, or a whole-dataset file)
def test_the_pdf_is_a4_portrait_with_a_landscape_annex_page(pdf_2021):
    pages = _pages(pdf_2021)
    assert 5 <= pages <= 9  # measured 7: body, charts and tables, the annex
    sizes = [
        line
        for line in _pdfinfo(pdf_2021, "-f", "1", "-l", str(pages)).splitlines()
        if re.match(r"Page +\d+ size:", line)
    ]
    assert len(sizes) == pages
    assert all("595.3" in s and "841.8" in s for s in sizes)  # A4: 210 × 297 mm
    assert "841.8" in sizes[-1].split("x")[0]  # the annex: landscape
    assert "PHỤ LỤC" in _page_text(pdf_2021, pages)


@pytest.mark.slow  # an end-to-end trial (another program, or a whole-dataset file)
def test_the_pdf_text_holds_the_same_figures(pdf_2021, ranking_2021):
    text = " ".join(_page_text(pdf_2021).split())
    for figure in (
        "89,28",
        "90,01",
        "31,58%",
        "47,37%",
        "21,05%",
        "UBND TỈNH LÀO CAI",
        "SỞ NỘI VỤ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "/BC-SNV",
        "Nơi nhận:",
        "GIÁM ĐỐC",
    ):
        assert figure in text
    for total in ranking_2021["total"]:
        assert fmt.number(total, "vi") in text


@pytest.mark.slow  # an end-to-end trial (another program, or a whole-dataset file)
def test_the_page_number_is_on_every_page_but_the_first(pdf_2021):
    for page in range(1, _pages(pdf_2021) + 1):
        first_line = next(line.strip() for line in _page_text(pdf_2021, page).splitlines() if line.strip())
        assert (first_line == str(page)) == (page > 1), (page, first_line)


@pytest.mark.slow  # an end-to-end trial (another program, or a whole-dataset file)
def test_every_pdf_page_is_drawn(pdf_2021, tmp_path):
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf_2021), str(tmp_path / "page")], check=True)
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == _pages(pdf_2021)
    for png in pngs:
        grey = PILImage.open(png).convert("L")
        inked = grey.histogram()[:200]  # pixels darker than light grey
        # the sparsest page (the end of the sources, the recipients and the signature) inks about 1%;
        # a page with its number alone, 0.02%
        assert sum(inked) > 0.003 * grey.width * grey.height, png.name


@pytest.mark.slow  # an end-to-end trial (another program, or a whole-dataset file)
def test_the_pdf_embeds_one_serif_family_that_has_every_vietnamese_letter(pdf_2021):
    listing = subprocess.run(["pdffonts", str(pdf_2021)], capture_output=True, text=True, check=True).stdout
    fonts = [line.split() for line in listing.splitlines()[2:]]
    assert fonts and all(row[-5] == "yes" for row in fonts)  # emb
    # Times New Roman is substituted by Liberation Serif 2 (metric-compatible); no glyph fell back to
    # another family (Liberation 1.07 lacks ệ, ở...: the letters would be drawn in DejaVu between others)
    assert {row[0].split("+")[1] for row in fonts} == {
        "LiberationSerif",
        "LiberationSerif-Bold",
        "LiberationSerif-Italic",
        "LiberationSerif-BoldItalic",
    }


# --- years without scores, drafts -----------------------------------------------------------------


def test_2015_tiers_and_nine_published_scores_give_no_mean_and_no_areas(embedded_db):
    document = _read(_build(embedded_db, report.View("lao-cai", "department", 2015, "vi")))
    text = _text(document)
    assert "Không tính điểm trung bình: chỉ có điểm của 9/20 đơn vị" in text
    assert "Điểm trung bình năm nay" not in text and "trung bình của khối" not in text
    assert "Có 9 đơn vị ở nhóm «Tốt», chiếm 45,00%" in text
    assert "- Khá: 7 đơn vị (35,00%) (không công bố tên)" in text
    assert "Năm 2015 không có điểm theo từng tiêu chí" in text
    assert "Năm 2015 là năm đầu tiên có kết quả của khối này" in text
    assert "Thay đổi so với năm —" not in text
    assert len(document.inline_shapes) == 2  # tiers and ranking; no area chart without area scores
    assert len(_rows(_table(document, "Hạng", "Đơn vị"))) == 9
    assert [c.text for c in _table(document, "STT", "Đơn vị").rows[0].cells] == [
        "STT",
        "Đơn vị",
        "Tổng điểm (70)",
        "Hạng",
        "Xếp loại",
    ]
    assert "nan" not in text.lower().split()


def test_2018_tiers_only_gives_no_score_no_ranking_chart_and_no_invented_number(embedded_db):
    document = _read(_build(embedded_db, report.View("lao-cai", "department", 2018, "vi")))
    text = _text(document)
    assert "Năm 2018 chỉ công bố xếp loại, không công bố điểm" in text
    assert "Có 9 đơn vị ở nhóm «Tốt», chiếm 47,37%" in text and "Có 10 đơn vị ở nhóm «Khá», chiếm 52,63%" in text
    assert len(document.inline_shapes) == 1  # the tiers alone
    ranking = _table(document, "Đơn vị", "Xếp loại")
    assert len(ranking.rows) == 20 and len(ranking.columns) == 2  # no column of nothing but «—»
    assert [c.text for c in _table(document, "STT", "Đơn vị").rows[0].cells] == ["STT", "Đơn vị", "Xếp loại"]
    assert "Không so sánh được điểm trung bình với năm 2015" in text
    assert "nan" not in text.lower().split()


@pytest.mark.slow  # an end-to-end trial (another program, or a whole-dataset file)
def test_a_draft_is_refused_to_an_anonymous_reader_and_marked_on_every_page_for_an_editor(draft_db, tmp_path):
    draft = report.View("tinh-a", "department", 2022, "vi")
    with pytest.raises(report.Refused):
        _build(draft_db, draft)
    with pytest.raises(report.Refused):
        _build(draft_db, draft, "docx", unit="alpha")
    editor = report.View("tinh-a", "department", 2022, "vi", drafts=True)
    document = _read(_build(draft_db, editor))
    section = document.sections[0]
    assert "DỰ THẢO" in section.header._element.xml and "DỰ THẢO" in section.first_page_header._element.xml
    rows = _rows(_table(document, "Hạng", "Đơn vị"))
    assert [r[:3] for r in rows] == [
        ["1/3", "Đơn vị Alpha", "93,00"],
        ["2/3", "Đơn vị Beta", "87,50"],
        ["3/3", "Đơn vị Gamma", "81,25"],
    ]
    path = tmp_path / "draft.pdf"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PARINDEX_DB", str(draft_db))
        path.write_bytes(report.build(editor, "pdf"))
    for page in range(1, _pages(path) + 1):
        assert "DỰ THẢO" in _page_text(path, page)


def test_a_partial_table_says_its_movements_are_of_the_few_units_ranked_in_both_years(embedded_db):
    """Yên Bái published its first three and last place: "no unit changed rank" would claim all 19."""
    document = _read(_build(embedded_db, report.View("yen-bai", "department", 2021, "vi")))
    text = _text(document)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PARINDEX_DB", str(embedded_db))
        ranking = query("ranking", jurisdiction="yen-bai", group="department", year=2021, drafts=False)
    both = ranking[(ranking["prev_status"] == "compared") & ranking["rank_change"].notna()]
    assert 0 < len(both) < 19 and (both["rank_change"] == 0).all()
    assert f"Trong {len(both)} đơn vị có thứ hạng cả năm nay và năm 2020, không đơn vị nào thay đổi thứ hạng." in text
    assert "Không tính điểm trung bình: chỉ có điểm của 4/19 đơn vị" in text
    assert "UBND TỈNH YÊN BÁI" in document.tables[0].rows[0].cells[0].text


# --- a unit's brief -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def brief(embedded_db) -> bytes:
    return _build(embedded_db, report.View("lao-cai", "department", 2024, "vi"), unit="so-y-te")


def test_the_unit_brief_gives_the_score_rank_and_points_to_the_next_tier_as_the_unit_page(brief, embedded_db):
    document = _read(brief)
    text = _text(document)
    assert "Kết quả Chỉ số cải cách hành chính năm 2024 của Sở Y tế" in text
    result = {row[i]: row[i + 1] for row in _rows(_table(document, "Chỉ tiêu", "Kết quả")) for i in (0, 2)}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PARINDEX_DB", str(embedded_db))
        params = {"jurisdiction": "lao-cai", "group": "department", "year": 2024, "drafts": False}
        row = query("ranking", **params).set_index("unit_id").loc["so-y-te"]
        gap = planning.next_tier_gap(row["total"], query("tiers", **params))
    assert result["Tổng điểm"] == "87,24/100" == f"{fmt.number(row['total'], 'vi')}/100"
    assert result["Hạng"] == "13/19" == f"{int(row['rank'])}/{int(row['rank_of'])}"
    assert result["Xếp loại"] == "Từ 85 đến dưới 90 điểm"
    assert result["Xếp loại năm 2023"] == "Từ 85 đến dưới 90 điểm"  # the tier's change: none
    assert "Cần thêm 2,76 điểm để đạt «Từ 90 điểm trở lên»." in text
    assert fmt.number(gap.points_needed, "vi") == "2,76"
    history = _rows(_table(document, "Năm", "Đơn vị"))
    assert [r[0] for r in history] == ["2015", "2018", "2019", "2020", "2021", "2022", "2023", "2024"]
    assert history[-1][2] == "87,24/100"


def test_the_unit_brief_is_two_pages(brief, tmp_path):
    path = tmp_path / "brief.pdf"
    path.write_bytes(pdf.convert(brief))
    assert _pages(path) == 2
    text = " ".join(_page_text(path).split())
    assert "87,24/100" in text and "13/19" in text and "2,76 điểm" in text


# --- the command ----------------------------------------------------------------------------------


def test_the_command_writes_the_report_and_refuses_what_it_cannot_write(embedded_db, draft_db, tmp_path, capsys):
    out = tmp_path / "bao-cao.docx"
    assert main(["report", "--year", "2021", "--group", "department", "--out", str(out), "--db", str(embedded_db)]) == 0
    assert "Kết quả xác định Chỉ số cải cách hành chính năm 2021" in _text(_read(out.read_bytes()))
    refused = tmp_path / "draft.docx"
    assert (
        main(["report", "--year", "2022", "--group", "department", "--out", str(refused), "--db", str(draft_db)]) == 1
    )
    assert "--drafts" in capsys.readouterr().err and not refused.exists()
    assert (
        main(
            [
                "report",
                "--year",
                "2022",
                "--group",
                "department",
                "--out",
                str(refused),
                "--db",
                str(draft_db),
                "--drafts",
            ]
        )
        == 0
    )
    assert "DỰ THẢO" in _read(refused.read_bytes()).sections[0].header._element.xml
    for wrong in (["--unit", "no-such-unit"], ["--out", str(tmp_path / "x.txt")], ["--jurisdiction", "atlantis"]):
        args = ["report", "--year", "2021", "--group", "department", "--db", str(embedded_db)]
        assert main(args + (wrong if "--out" in wrong else [*wrong, "--out", str(tmp_path / "y.docx")])) == 1
    assert capsys.readouterr().err.count("\n") == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.docx", "draft.docx"]


# --- the pages' downloads -------------------------------------------------------------------------


def _report_buttons(at) -> dict[str, object]:
    return {b.key: b for b in at.get("download_button") if b.key.startswith(("report_", "unit_report_"))}


@pytest.mark.usefixtures("on_embedded")
@pytest.mark.parametrize(
    ("page", "params", "labels_"),
    [
        ("overview", {"y": "2021"}, {"report_docx": "Báo cáo (Word)", "report_pdf": "Báo cáo (PDF)"}),
        ("unit", {"y": "2024", "u": "so-y-te"}, {"unit_report_docx": "Hồ sơ (Word)", "unit_report_pdf": "Hồ sơ (PDF)"}),
    ],
)
def test_the_pages_offer_the_report_and_build_it_only_when_asked(monkeypatch, page, params, labels_):
    built = []
    monkeypatch.setattr("parindex.report.buttons.build", lambda *args: built.append(args) or b"")
    at = open_app(str(ROOT / "pages" / f"{page}.py"), **params)
    buttons = _report_buttons(at)
    assert {key: b.label for key, b in buttons.items()} == labels_
    assert built == []  # drawing the page built no report: the file is made when the button is pressed
    english = open_app(str(ROOT / "pages" / f"{page}.py"), lang="en", **params)
    assert sorted(b.label for b in _report_buttons(english).values()) == sorted(
        ["Report (Word)", "Report (PDF)"] if page == "overview" else ["Brief (Word)", "Brief (PDF)"]
    )


@pytest.mark.usefixtures("on_embedded")
def test_without_libreoffice_the_pdf_button_says_so(monkeypatch):
    monkeypatch.setattr("parindex.report.pdf.available", lambda: False)
    at = open_app(str(ROOT / "pages" / "overview.py"), y="2021")
    assert list(_report_buttons(at)) == ["report_docx"]
    assert any("chưa cài LibreOffice" in c.value for c in at.caption)
