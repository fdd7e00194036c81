"""Tables a reader sorts and reads whole: every quantity column holds numbers (the grid sorts a
number column by value, a text column as text: "↑ 1, ↑ 5, ↓ 1, =") and shows the reader's text
(89,28; ↑ 5; a true minus) through its display values; names and notes get their room; Rankings
puts the year before beside the year, with a link to Trends' risers and fallers."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from parindex import fmt, labels
from parindex.db import query
from parindex.i18n import Translator
from parindex.paths import ROOT
from test_app import (
    RANKINGS,
    _walk,
    open_app,
    open_menus,
    open_tab,
    shown,
    table_elements,
    tables,
    texts,
)

pytestmark = pytest.mark.usefixtures("on_embedded")

COMPARE, CRITERIA, UNIT, TRENDS, NATIONAL, METHOD = (
    str(ROOT / "pages" / f"{name}.py") for name in ("compare", "criteria", "unit", "trends", "national", "methodology")
)
SCOPE = {"former_province": None, "former_district": None, "drafts": False}


def config(element) -> dict:
    """The column configuration the page sent with a table, by heading."""
    return json.loads(element.proto.columns)


def number_columns(element) -> set[str]:
    """The columns the grid treats as numbers (it sorts those by value): declared NumberColumn,
    without a format of Streamlit's own (the page's text is shown), holding numbers."""
    columns = config(element)
    values = element.value
    return {
        c
        for c, options in columns.items()
        if options.get("type_config", {}).get("type") == "number"
        and "format" not in options["type_config"]
        and pd.api.types.is_numeric_dtype(values[c])
    }


def fits_and_wraps(element, note: str) -> bool:
    """The table's columns end inside the main column at 1280 px (820 px beside the sidebar), the
    note's column among them, and its rows are tall enough for Streamlit to wrap the note (> 64 px)
    where one of its texts is longer than the column is wide (about 6.3 px a character)."""
    widths = {c: options["width"] for c, options in config(element).items() if c != "_index"}
    longest = max(len(str(v)) for v in shown(element)[note])
    needs_wrap = 6 * longest + 16 > widths[note]
    return sum(widths.values()) <= 820 and (not needs_wrap or element.proto.row_height > 64)


def sorted_as_the_grid_does(element, column: str, descending: bool = True) -> list[str]:
    """The column's text, rows ordered by the column's values (what clicking its heading does for
    a number column), missing values last."""
    order = element.value[column].sort_values(ascending=not descending, na_position="last").index
    return shown(element).loc[order, column].tolist()


def ranking_2021() -> pd.DataFrame:
    return query("ranking", jurisdiction="lao-cai", group="department", year=2021, **SCOPE)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_rankings_change_columns_are_numbers_and_sort_by_value(lang):
    t = Translator(lang)
    at = open_app(RANKINGS, y="2021", lang=lang)
    element = table_elements(at)[0]
    rank_change, score_change = t("col.rank_change"), t("col.score_change")
    quantities = {
        t("col.rank"),
        t("col.total"),
        rank_change,
        score_change,
        t("col.pct"),
        t("col.prev_rank", year="2020"),
        t("col.prev_total", year="2020"),
    }
    assert number_columns(element) == quantities
    ranking = ranking_2021()
    # Sorting "Rank change" puts the biggest risers first and the biggest fallers last (as text it
    # gave "↑ 1, ↑ 1, …, ↑ 5, ↓ 1, …, =").
    changes = sorted(ranking["rank_change"].astype(int), reverse=True)
    assert changes[0] == 5 and changes[-1] == -4  # Ban Dân tộc, Sở KH&ĐT rose 5; two units fell 4
    expected = [labels.rank_change_arrow(c) for c in changes]
    assert sorted_as_the_grid_does(element, rank_change) == expected
    assert expected[:2] == ["↑ 5", "↑ 5"] and expected[-2:] == ["↓ 4", "↓ 4"]
    # the score change in the reader's numbers, true minus; its sort is by value too
    first = shown(element).iloc[0]
    assert first[score_change] == {"vi": "−0,82", "en": "−0.82"}[lang]  # 97,22 in 2021 against 98,04
    assert first[t("col.total")] == {"vi": "97,22", "en": "97.22"}[lang]
    best = ranking.loc[ranking["total_change"].idxmax()]
    assert (
        sorted_as_the_grid_does(element, score_change)[0]
        == fmt.signed(best["total_change"], lang)
        == {"vi": "+0,98", "en": "+0.98"}[lang]
    )  # Sở Kế hoạch và Đầu tư: 87,06 → 88,04
    # a rank sorts 1, 2, … 10 (as text "10/19" came before "2/19")
    assert sorted_as_the_grid_does(element, t("col.rank"), descending=False)[:3] == [
        t("rank.of", rank=r, of=19) for r in (1, 2, 3)
    ]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_rankings_show_the_year_before_beside_the_year(lang):
    t = Translator(lang)
    at = open_app(RANKINGS, y="2021", lang=lang)
    table = tables(at)[0].set_index(t("col.unit"))
    ranking = ranking_2021()
    prev_rank, prev_total = t("col.prev_rank", year="2020"), t("col.prev_total", year="2020")
    for row in ranking.to_dict("records"):
        unit = table.loc[row[f"name_{lang}"]]
        assert unit[prev_rank] == str(int(row["prev_rank"]))
        assert unit[prev_total] == fmt.number(row["prev_total"], lang)
    ban_dan_toc = table.loc[{"vi": "Ban Dân tộc", "en": "Ethnic Minorities Committee"}[lang]]
    assert (ban_dan_toc[prev_rank], ban_dan_toc[t("col.rank")], ban_dan_toc[t("col.rank_change")]) == (
        "12",
        t("rank.of", rank=7, of=19),
        "↑ 5",
    )
    # a link to Trends' "who rose and fell", opening on it for 2020 → 2021
    (link,) = [link for link in at.get("page_link") if link.proto.page == "xu-huong"]
    assert link.proto.label == t("rankings.to_trends", prev=2020, year=2021)
    assert link.proto.query_string in ("y=2021&a=2020", "y=2021&lang=en&a=2020", "lang=en&y=2021&a=2020")


def test_units_new_this_year_have_empty_year_before_cells_not_zero(fixture_db, use_db):
    use_db(fixture_db)  # tỉnh A 2021: newcomer is new, gamma had no 2020 result
    t = Translator("vi")
    at = open_app(RANKINGS, y="2021")
    element = table_elements(at)[0]
    values = element.value.set_index(t("col.unit"))
    for unit in ("Đơn vị Newcomer", "Đơn vị Gamma"):
        assert (
            values.loc[
                unit,
                [
                    t("col.rank_change"),
                    t("col.score_change"),
                    t("col.prev_rank", year="2020"),
                    t("col.prev_total", year="2020"),
                ],
            ]
            .isna()
            .all()
        )
    assert element.proto.placeholder == fmt.NA  # drawn as the dash the footnote explains, never as 0
    assert set(
        shown(element).set_index(t("col.unit")).loc["Đơn vị Newcomer", [t("col.rank_change"), t("col.score_change")]]
    ) == {fmt.NA}
    assert values.loc["Đơn vị Alpha", t("col.prev_total", year="2020")] == 88.0
    note = texts(at)
    assert "1 đơn vị mới so với năm 2020" in note and "1 đơn vị không có điểm năm 2020" in note


def test_a_scale_change_compares_percent_of_maximum_and_says_so(fixture_db, use_db):
    use_db(fixture_db)  # tỉnh A 2020 against 2015, when the scale was 70 points
    t = Translator("vi")
    at = open_app(RANKINGS, y="2020")
    element = table_elements(at)[0]
    prev = t("col.prev_pct", year="2015")
    assert prev in number_columns(element) and t("col.prev_total", year="2015") not in element.value.columns
    table = shown(element).set_index(t("col.unit"))
    assert table.loc["Đơn vị Alpha", prev] == "89,29%"  # 62,5 of 70
    assert table.loc["Đơn vị Beta", t("col.score_change")] == "+13,43 điểm %"  # 55/70 = 78,57% → 92%
    assert t("rankings.compare_pct", prev="2015") in texts(at)


def test_long_names_get_their_width():
    for lang, longest in (
        ("vi", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("en", "Department of Agriculture and Rural Development"),
    ):
        element = table_elements(open_app(RANKINGS, y="2021", lang=lang))[0]
        width = config(element)[Translator(lang)("col.unit")]["width"]
        assert width >= 6 * len(longest) + 16  # the 14 px font's characters and the cell's padding


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_compare_areas_and_ranks_are_numbers(lang):
    at = open_app(COMPARE, y="2021", u=["ban-dan-toc", "so-ke-hoach-dau-tu"], lang=lang)
    areas, ranks = table_elements(at)
    t = Translator(lang)
    assert number_columns(areas) == set(areas.value.columns) - {t("unit.col_area")}
    spread = shown(areas)[t("compare.spread")]
    assert all(("," if lang == "vi" else ".") in s for s in spread)
    years = shown(ranks).set_index(t("filter.year"))
    assert number_columns(ranks) == set(ranks.value.columns) - {t("filter.year")}
    assert years.loc["2021"].tolist() == ["7", "10"] and years.loc["2020"].tolist() == ["12", "15"]


def test_criteria_self_assessment_gaps_sort_by_value():
    t = Translator("vi")
    at = open_tab(open_app(CRITERIA, y="2021"), "criteria_tab", t("criteria.self_heading"))
    (element,) = table_elements(at)
    assert t("criteria.gap_total") in number_columns(element)
    gaps = query("self_assessment", jurisdiction="lao-cai", group="department", year=2021, **SCOPE)
    totals = gaps[gaps["area_key"].isna()]["gap"]
    assert sorted_as_the_grid_does(element, t("criteria.gap_total"))[0] == fmt.signed(totals.max(), "vi")
    assert sorted_as_the_grid_does(element, t("criteria.gap_total"))[-1] == fmt.signed(totals.min(), "vi")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_criteria_drill_down_names_read_whole_and_numbers_sort(lang):
    t = Translator(lang)
    at = open_app(CRITERIA, y="2021", c="CV", lang=lang)
    (element,) = table_elements(at)
    assert number_columns(element) == {
        t("criteria.col_max"),
        t("criteria.col_mean"),
        t("criteria.col_lost"),
        t("criteria.col_below", threshold="80"),
    }
    assert fits_and_wraps(element, t("criteria.col_name"))
    subs = query(
        "area_subcriteria", jurisdiction="lao-cai", group="department", year=2021, area="CV", threshold=80, **SCOPE
    )
    assert shown(element)[t("criteria.col_name")].tolist() == subs[f"name_{lang}"].tolist()  # whole, not cut


def test_unit_profile_tables_hold_numbers():
    t = Translator("vi")
    at = open_app(UNIT, y="2021", u="so-y-te")
    history, weakest, *_ = table_elements(at)
    assert number_columns(history) == {t("col.pct")}
    years = shown(history).set_index(t("filter.year"))
    assert years.loc["2021", t("col.pct")] == "88,48%" and years.loc["2020", t("col.pct")] == "88,98%"
    assert t("unit.col_lost") in number_columns(weakest)


def test_trends_movement_table_sorts_risers_first():
    t = Translator("vi")
    at = open_menus(open_app(TRENDS, y="2021", a="2020"))
    moves = [
        e for e, _ in _walk(at.main) if getattr(e, "type", None) == "dataframe" and t("data.moved") in e.value.columns
    ]  # the chart's table view, in its menu
    (element,) = moves
    assert t("data.moved") in number_columns(element)
    assert sorted_as_the_grid_does(element, t("data.moved"))[:2] == ["5", "5"]  # Ban Dân tộc, Sở KH&ĐT
    assert sorted_as_the_grid_does(element, t("data.moved"))[-1] == "-4"


def test_national_notes_read_whole():
    t = Translator("vi")
    at = open_app(NATIONAL)
    element = table_elements(at)[0]
    assert fits_and_wraps(element, t("national.note"))
    assert (
        "Điểm và thứ hạng suy ra: năm 2019 đạt 82,85 (tăng 4,38) và xếp thứ 15 (tăng 6 bậc)."
        in shown(element)[t("national.note")].tolist()
    )  # whole, over three lines
    assert t("col.total") in number_columns(element)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_methodology_decisions_and_notes_read_whole(lang):
    t = Translator(lang)
    elements = table_elements(open_app(METHOD, lang=lang))
    assessments, lineage = elements[0], elements[-1]
    assert fits_and_wraps(assessments, t("method.col_source"))
    assert fits_and_wraps(lineage, t("national.note")) and fits_and_wraps(lineage, t("method.col_event"))
