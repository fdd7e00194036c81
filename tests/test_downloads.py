"""The files a reader downloads (each chart's and table's "Dữ liệu" menu, the press kit), read
back as Excel and a CSV reader read them: the page's headings in the reader's language, values
rounded as the page shows them (numbers, not text), the codes for scripts after them, a sheet
about the file with no empty row, and names in the reader's language.

The downloads are taken from the pages themselves: st.download_button is wrapped so each
button's file name and data (computed when pressed) are kept, then the data is made as a press
of the button makes it.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from decimal import Decimal

import pandas as pd
import pytest
import streamlit as st
from openpyxl import load_workbook

from parindex import cells, export, fmt, labels, presskit
from parindex.db import query
from parindex.i18n import Translator, messages
from parindex.paths import ROOT
from test_app import open_app, open_menus, open_tab, table_views, tables
from test_app_press import PAGES

SLUGS_VI = {v for k, v in messages("vi").items() if k.startswith("file.") and re.fullmatch(r"[a-z-]+", v)}


@pytest.fixture
def offered(monkeypatch) -> dict[str, tuple[str, object]]:
    """Every download button the page draws: key -> (file name, data or the function making it)."""
    buttons = {}
    real = st.download_button

    def record(label, data, file_name=None, *args, key=None, **kwargs):
        buttons[key] = (file_name, data)
        return real(label, data, file_name, *args, key=key, **kwargs)

    monkeypatch.setattr(st, "download_button", record)
    return buttons


def pressed(offered: dict, key: str) -> tuple[str, bytes]:
    name, data = offered[key]
    return name, data() if callable(data) else data


def workbook(data: bytes, t: Translator) -> tuple[list[str], list[list], dict[str, str], object]:
    """(headings, rows of values, the about sheet as {item: value}, the data sheet) of a reader's workbook."""
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == [t("file.data_sheet"), t("file.about_sheet")]
    sheet = book[t("file.data_sheet")]
    headings, *rows = [[c.value for c in row] for row in sheet.iter_rows()]
    about_rows = [[c.value for c in row] for row in book[t("file.about_sheet")].iter_rows()]
    assert about_rows[0] == [t("file.about_item"), t("file.about_value")]
    return headings, rows, dict(about_rows[1:]), sheet


def csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark, for Excel
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def assert_shown_rounding(sheet) -> int:
    """Every number is a number cell holding what the page prints: 2 places (4 for a share shown
    as a percentage), never 96.73999999999999. Returns how many numbers were checked."""
    checked = 0
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, bool) or not isinstance(cell.value, (int, float)):
                assert not (isinstance(cell.value, str) and re.fullmatch(r"−?-?\d+([.,]\d+)?%?", cell.value)), (
                    cell.coordinate,
                    cell.value,
                )  # a number written as text
                continue
            assert cell.data_type == "n"
            shown = fmt.rounded_share(cell.value) if "%" in cell.number_format else fmt.rounded(cell.value)
            assert cell.value == shown, (cell.coordinate, cell.value, cell.number_format)
            checked += 1
    return checked


def assert_same_as_csv(headings: list[str], rows: list[list], csv_data: bytes) -> None:
    """The CSV holds the workbook's table: same headings, the same values written plainly."""
    header, *lines = csv_rows(csv_data)
    assert header == headings
    assert len(lines) == len(rows)
    for line, row in zip(lines, rows):
        for text, value in zip(line, row):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                assert Decimal(text) == Decimal(str(value)), (text, value)  # 96.74, not 96.73999999999999
            else:
                assert cells.restored(text) == ("" if value is None else str(value))  # '+8 … kept as text


def assert_complete_about(about: dict[str, str], t: Translator) -> None:
    assert about and all(isinstance(v, str) and v.strip() for v in about.values()), about
    assert set(about) <= {t(k) for k in messages(t.lang) if k.startswith("file.about.")}
    assert about[t("file.about.source")] and about[t("file.about.generated_at")].endswith("UTC")


def assert_readers_headings(headings: list[str]) -> None:
    """Readable headings first (none a code name), then the codes under their code names."""
    codes = [h for h in headings if h in export.CODE_COLUMNS]
    assert codes and headings[-len(codes) :] == codes, headings
    readable = headings[: -len(codes)]
    assert readable and not any(re.fullmatch(r"[a-z_]+", h) for h in readable), readable


# --- the Rankings files ------------------------------------------------------------------------------

RANKING_FILE = {"vi": "chi-so-cchc_2021_so-nganh_xep-hang", "en": "par-index_2021_departments_ranking"}


@pytest.mark.usefixtures("on_embedded")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_ranking_files_hold_the_table_as_the_page_shows_it(offered, lang):
    t = Translator(lang)
    at = open_app(str(ROOT / "pages" / "rankings.py"), menus=True, y="2021", **({"lang": lang} if lang != "vi" else {}))
    page = tables(at)[0]
    name, xlsx = pressed(offered, "ranking_shown_xlsx")
    csv_name, csv_data = pressed(offered, "ranking_shown_csv")
    assert (name, csv_name) == (RANKING_FILE[lang] + ".xlsx", RANKING_FILE[lang] + ".csv")
    assert pressed(offered, "ranking_all_xlsx")[0] == RANKING_FILE[lang] + "_" + t("file.all_years") + ".xlsx"
    assert offered["ranking_chart_png_16x9"][0] == RANKING_FILE[lang] + "_16x9.png"  # the images named alike
    headings, rows, about, sheet = workbook(xlsx, t)

    # the page's headings, in the page's order, then the codes
    assert [h for h in headings if h in page.columns] == list(page.columns)
    assert headings[-3:] == ["unit_id", "year", "group"]
    assert_readers_headings(headings)
    file = pd.DataFrame(rows, columns=headings)
    assert len(file) == len(page) == 19

    # each value as the page prints it: rank, score, rank change, score change, % of maximum
    def arrow(change: int) -> str:
        return "=" if change == 0 else f"↑ {change}" if change > 0 else f"↓ {-change}"

    assert list(page[t("col.rank")]) == [
        t("rank.of", rank=r, of=o) for r, o in zip(file[t("col.rank")], file[t("data.rank_of")])
    ]
    assert list(page[t("col.unit")]) == list(file[t("col.unit")])
    assert list(page[t("col.total")]) == [fmt.number(v, lang) for v in file[t("col.total")]]
    assert list(page[t("col.rank_change")]) == [arrow(v) for v in file[t("col.rank_change")]]
    assert list(page[t("col.score_change")]) == [fmt.signed(v, lang) for v in file[t("col.score_change")]]
    assert list(page[t("col.pct")]) == [fmt.percent(v / 100, lang) for v in file[t("col.pct")]]
    assert list(page[t("col.data")]) == list(file[t("col.data")])
    prev_rank, prev_total = t("col.prev_rank", year="2020"), t("col.prev_total", year="2020")
    assert list(page[prev_rank]) == [str(int(v)) for v in file[prev_rank]]  # the year before, as beside it
    assert list(page[prev_total]) == [fmt.number(v, lang) for v in file[prev_total]]
    assert file.loc[file["unit_id"] == "ban-dan-toc", [prev_rank, t("col.rank")]].values.tolist() == [[12, 7]]
    noi_vu = file[file["unit_id"] == "so-noi-vu"].iloc[0]
    assert (noi_vu[t("col.total")], noi_vu[t("col.pct")]) == (96.74, 96.74)
    assert fmt.number(file[t("col.total")].mean(), "vi") == "89,28"  # the published 2021 mean, from the file's scores
    assert file[t("col.rank_change")].abs().max() > 0 and (file[t("col.score_change")] < 0).any()

    # numbers are numbers, formatted in Excel as on the page (↑ 1, −0,82)
    assert assert_shown_rounding(sheet) >= 19 * 8
    column = {h: sheet.cell(row=1, column=i + 1).column_letter for i, h in enumerate(headings)}
    assert sheet[f"{column[t('col.rank_change')]}2"].number_format == '"↑ "0;"↓ "0;"="'
    assert sheet[f"{column[t('col.score_change')]}2"].number_format == '"+"#,##0.00;"−"#,##0.00;"±"0.00'
    assert_same_as_csv(headings, rows, csv_data)

    # the sheet about the file: complete, status and provenance said together
    assert_complete_about(about, t)
    assert about[t("file.about.decision")] == t("file.no_decision")  # 2021's announcement gave no number
    assert about[t("file.about.status")].startswith(
        t("file.status_published") + "; " + t("file.units_illustrative", year=2021)
    )
    assert "y=2021" in about[t("file.about.view")]  # the view's address, its filters with it


@pytest.mark.usefixtures("on_embedded")
def test_a_new_unit_and_a_year_without_scores_say_why_there_is_no_change(offered):
    """2019 districts against 2018, a year of tiers only: no score change to compute, and the file says why."""
    t = Translator("en")
    open_app(str(ROOT / "pages" / "rankings.py"), menus=True, y="2019", g="district", lang="en")
    headings, rows, _, _ = workbook(pressed(offered, "ranking_shown_xlsx")[1], t)
    file = pd.DataFrame(rows, columns=headings)
    assert t("col.score_change") not in headings  # nothing to show, as the page shows nothing
    assert set(file[t("data.change_note")]) == {t("change.no_data", year=2018)}


@pytest.mark.usefixtures("on_embedded")
@pytest.mark.parametrize(
    ("lang", "shares"), [("vi", ["31,58%", "47,37%", "21,05%"]), ("en", ["31.58%", "47.37%", "21.05%"])]
)
def test_the_tier_file_holds_the_shares_the_page_shows(offered, lang, shares):
    t = Translator(lang)
    open_app(str(ROOT / "pages" / "overview.py"), menus=True, y="2021", **({"lang": lang} if lang != "vi" else {}))
    name, xlsx = pressed(offered, "tier_chart_shown_xlsx")
    assert (
        name == {"vi": "chi-so-cchc_2021_so-nganh_xep-loai.xlsx", "en": "par-index_2021_departments_tiers.xlsx"}[lang]
    )
    assert (
        offered["press_kit"][0]
        == {"vi": "chi-so-cchc_2021_so-nganh_bao-chi.zip", "en": "par-index_2021_departments_press-kit.zip"}[lang]
    )
    headings, rows, about, sheet = workbook(xlsx, t)
    share = headings.index(t("data.share"))
    assert [row[share] for row in rows] == [0.3158, 0.4737, 0.2105]
    assert [fmt.percent(row[share], lang) for row in rows] == shares
    assert all(sheet.cell(row=r, column=share + 1).number_format == "0.00%" for r in range(2, 5))
    assert [row[headings.index(t("data.n"))] for row in rows] == [6, 9, 4]
    csv_header, *lines = csv_rows(pressed(offered, "tier_chart_shown_csv")[1])
    assert [line[csv_header.index(t("data.share"))] for line in lines] == ["0.3158", "0.4737", "0.2105"]
    assert_complete_about(about, t)


# --- every download of every page ------------------------------------------------------------------


@pytest.mark.usefixtures("on_embedded")
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", [p for p in PAGES if p != "methodology"])
def test_every_data_download_is_a_readers_file(offered, name, lang):
    t = Translator(lang)
    params = {**PAGES[name], **({"lang": lang} if lang != "vi" else {})}
    at = open_app(str(ROOT / "pages" / f"{name}.py"), menus=True, **params)
    lazy = {"criteria": "criteria_tab", "trends": "trends_tab"}.get(name)
    shown = [set(view.columns) for view in table_views(at)]  # each chart's table view
    for tab in at.tabs[1:] if lazy else []:  # lazy tabs: each drawn when chosen
        open_menus(open_tab(at, lazy, tab.label))
        shown += [set(view.columns) for view in table_views(at)]
    files = sorted(k for k in offered if k.endswith("_xlsx") and k != "press_kit")
    assert files and shown, "the page offered no data file"
    all_headings = []
    for key in files:
        file_name, xlsx = pressed(offered, key)
        headings, rows, about, sheet = workbook(xlsx, t)
        all_headings.append(set(headings))
        assert rows, key
        assert_readers_headings(headings)
        assert_shown_rounding(sheet)
        assert_same_as_csv(headings, rows, pressed(offered, key[: -len("xlsx")] + "csv")[1])
        assert_complete_about(about, t)
        stem = file_name.removesuffix(".xlsx")
        assert stem.startswith(t("file.brand") + "_"), file_name
        if lang == "en":  # no Vietnamese word in an English reader's file name (codes of units may stay)
            assert not set(stem.split("_")) & SLUGS_VI, file_name
    if name != "rankings":  # (its files are headed as its table is: test_the_ranking_files_…)
        for columns in shown:  # a chart's table view and its files say the same headings
            assert any(columns <= headings for headings in all_headings), columns


# --- the press kit ----------------------------------------------------------------------------------


@pytest.mark.usefixtures("on_embedded")
def test_the_english_press_kit_holds_a_workbook_beside_each_csv(monkeypatch):
    monkeypatch.setattr(presskit.images, "render", lambda fig, fmt, shape: b"")  # the data is under test here
    t = Translator("en")
    kit = zipfile.ZipFile(io.BytesIO(presskit.build(presskit.View("lao-cai", "department", 2021, "en"))))
    stem = "par-index_2021_departments"
    data = {f"{stem}_{view}.{kind}" for view in ("tiers", "ranking", "areas") for kind in ("csv", "xlsx")}
    assert data | {f"{stem}_summary-paragraph.txt", "README.txt"} <= set(kit.namelist())
    assert all(n.startswith(stem) or n == "README.txt" for n in kit.namelist())
    headings, rows, about, sheet = workbook(kit.read(f"{stem}_ranking.xlsx"), t)
    assert headings[:3] == [t("col.rank"), t("data.rank_of"), t("col.unit")]
    assert_shown_rounding(sheet)
    assert_same_as_csv(headings, rows, kit.read(f"{stem}_ranking.csv"))
    assert_complete_about(about, t)
    assert t("file.about.view") not in about  # a kit has no page address to give, so no empty row for it
    headings, rows, _, _ = workbook(kit.read(f"{stem}_tiers.xlsx"), t)
    assert [row[headings.index("Share")] for row in rows] == [0.3158, 0.4737, 0.2105]
    assert f"- {stem}_ranking.xlsx" in kit.read("README.txt").decode("utf-8")


# --- the mechanism on made-up rows -------------------------------------------------------------------


def test_values_are_rounded_as_the_page_prints_them():
    for value in (2.675, 0.125, 96.73999999999999, -0.8200000000000074, 89.275):
        assert fmt.number(fmt.rounded(value), "en") == fmt.number(value, "en")
        assert fmt.rounded(value) == float(fmt.number(value, "en"))
    assert (fmt.rounded(2.675), fmt.rounded(0.125)) == (2.68, 0.12)  # as Babel prints them, not as round() does
    assert fmt.rounded_share(0.3157894736842105) == 0.3158 and fmt.rounded(None) is None


def test_a_ranking_frame_as_the_readers_table():
    rows = pd.DataFrame(
        {
            "unit_id": ["a", "b", "c"],
            "name_vi": ["Sở A", "Sở B", "Sở C"],
            "name_en": ["A", "B", "C"],
            "total": [90.125, 85.5, None],
            "max_total": [100.0] * 3,
            "pct": [90.125, 85.5, None],
            "rank": [1, 2, None],
            "rank_of": [3, 3, 3],
            "tier_order": [1, None, None],
            "tier_vi": ["Tốt", None, None],
            "tier_en": ["Good", None, None],
            "provenance": ["published"] * 3,
            "derived": [False, True, False],
            "prev_year": [2020] * 3,
            "prev_status": ["compared", "new", "compared"],
            "total_change": [-0.73, None, None],
            "pct_change": [-0.73, None, None],
            "rank_change": [2, None, None],
        }
    )
    t = Translator("vi")
    table = export.reader_table(export.tidy(rows, year=2021, group="department"), t, export.RANKING_COLUMNS)
    frame = table.frame
    assert list(frame.columns) == [
        "Hạng",
        "Trên số đơn vị",
        "Đơn vị",
        "Tổng điểm",
        "Điểm tối đa",
        "Xếp loại",
        "Thay đổi hạng",
        "Thay đổi điểm",
        "So với năm",
        "Ghi chú thay đổi",
        "% điểm tối đa",
        "Số liệu",
        "unit_id",
        "year",
        "group",
    ]
    assert frame["Tổng điểm"].tolist()[:2] == [90.12, 85.5] and pd.isna(frame["Tổng điểm"][2])  # missing is not 0
    assert frame["Xếp loại"].tolist() == ["Tốt", "không có xếp loại", "không có xếp loại"]
    assert pd.isna(frame["Ghi chú thay đổi"][0]) and frame["Ghi chú thay đổi"][1] == "mới"
    assert frame["Số liệu"].tolist() == ["công bố", "công bố (suy ra)", "công bố"]
    assert frame["Thay đổi hạng"].tolist()[0] == 2 and frame["Thay đổi điểm"].tolist()[0] == -0.73
    assert table.formats["Thay đổi hạng"] == '"↑ "0;"↓ "0;"="' and "Đơn vị" not in table.formats
    # only where scores cannot be compared (another scale) does the change in % of maximum appear
    other_scale = rows.assign(total_change=[None] * 3, pct_change=[1.5, None, None])
    frame = export.reader_table(other_scale, t, export.RANKING_COLUMNS).frame
    assert "Thay đổi điểm" not in frame and frame["Thay đổi % điểm tối đa (điểm %)"].tolist()[0] == 1.5


def test_a_criterion_query_names_its_criterion_not_a_unit():
    weakest = pd.DataFrame(
        {"criterion_id": ["TD.1"], "name_vi": ["Khảo sát"], "name_en": ["Survey"], "points_lost": [24.319999999999997]}
    )
    frame = export.reader_table(weakest, Translator("en")).frame
    assert frame.to_dict("records") == [
        {"Criterion": "Survey", "Criterion code": "TD.1", "Points lost": 24.32, "criterion_id": "TD.1"}
    ]
    assert "Criterion" in labels.data_view(weakest, Translator("en")).columns  # the page's table view says so too
    one_unit = weakest.assign(unit_id="so-y-te")  # a unit's sub-criteria (the profile's): still the criterion's name
    assert export.reader_table(one_unit, Translator("en")).frame.columns.tolist() == [
        "Criterion code",
        "Criterion",
        "Points lost",
        "unit_id",
        "criterion_id",
    ]


@pytest.mark.usefixtures("on_embedded")
def test_the_about_rows_name_the_decision_or_say_there_is_none():
    en = Translator("en")
    with_decision = query("assessment", jurisdiction="lao-cai", group="department", year=2015, drafts=False).iloc[0]
    about = labels.file_metadata(with_decision, en, view="http://x/xep-hang?y=2015")
    assert about["decision"] == "QĐ 955/QĐ-UBND"
    assert about["status"] == en("file.status_published") + "; " + en("file.units_published")
    assert about["view"] == "http://x/xep-hang?y=2015"
    without = query("assessment", jurisdiction="lao-cai", group="department", year=2021, drafts=False).iloc[0]
    about = labels.file_metadata(without, en)
    assert about["decision"] == en("file.no_decision") and "view" not in about
    assert about["status"].startswith("Published assessment; unit figures illustrative: the 2021 scores")
    assert all(isinstance(v, str) and v for v in about.values())
