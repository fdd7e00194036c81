"""Charts a reader can read on a phone and numbers written one way everywhere (issue 17, items 4, 5
and 8): rank axes, line-end labels, criteria named on charts, one precision for a % of maximum,
titles capitalised, headline deltas with a true minus, English prose in English conventions."""

from __future__ import annotations

import csv
import re
import tomllib
import unicodedata

import pandas as pd
import plotly.graph_objects as go
import pytest
from streamlit.proto.Metric_pb2 import Metric as MetricProto

from parindex import charts, figures, fmt, frames, labels, ui
from parindex.db import query
from parindex.i18n import Translator
from parindex.paths import DATA_DIR, LOCALES_DIR
from test_app import open_app

DEPT = {"jurisdiction": "lao-cai", "group": "department", "year": 2021}
SCOPED = {**DEPT, "former_province": None, "former_district": None}


# Rank axes: whole ranks from 1 to N, never 0 or N + 1, few enough ticks for a phone.


@pytest.mark.parametrize("n", [1, 2, 5, 6, 7, 9, 10, 19, 28, 63, 99, 120])
def test_a_rank_axis_runs_from_1_to_n_in_whole_ranks(n):
    axis = charts.rank_axis(n)
    ticks = axis["tickvals"]
    assert ticks[0] == 1 and ticks[-1] == n
    assert all(isinstance(k, int) and 1 <= k <= n for k in ticks) and ticks == sorted(set(ticks))
    assert axis["ticktext"] == [str(k) for k in ticks]
    assert len(ticks) <= (n if n <= 6 else 4)
    high, low = axis["range"]  # reversed: rank 1 at the top (or on the right)
    assert high > n and low < 1  # room for the markers at either end; the ticks (above) never say 0 or n + 1
    assert axis["tickangle"] == 0


def moves(n: int) -> pd.DataFrame:
    """n units whose ranks two years apart are a rotation: the last rose to first, every other fell one."""
    return pd.DataFrame(
        {
            "label": [f"U{i}" for i in range(1, n + 1)],
            "rank_from": list(range(1, n + 1)),
            "rank_to": [*list(range(2, n + 1)), 1],
            "moved": [-1] * (n - 1) + [n - 1],
            "hover": "",
        }
    )


def test_the_dumbbell_and_the_national_place_show_ranks_1_to_n():
    fig = charts.dumbbell(moves(19), "vi", from_name="2020", to_name="2021", rank_title="Hạng")
    assert fig.layout.xaxis.tickvals == (1, 10, 19)
    assert fig.layout.xaxis.range[0] > 19 > 1 > fig.layout.xaxis.range[1]  # reversed: rank 1 on the right
    place = pd.DataFrame(
        {"year": [2019, 2020, 2021], "rank": [14, 12, 11], "derived": [False, True, False], "hover": ""}
    )
    national = charts.rank_history(
        place, "vi", rank_title="Hạng", rank_of=63, derived_name="suy ra", stated_name="công bố"
    )
    assert national.layout.yaxis.tickvals == (1, 25, 50, 63)
    assert national.layout.yaxis.range[0] > 63 > 1 > national.layout.yaxis.range[1]  # rank 1 at the top


@pytest.mark.usefixtures("on_embedded")
def test_who_rose_and_fell_lists_risers_first_each_row_saying_its_change():
    rows = query(
        "rank_movement",
        jurisdiction="lao-cai",
        group="department",
        former_province=None,
        former_district=None,
        **{"from": 2020, "to": 2021},
    ).dropna(subset=["moved"])
    fig = figures.rank_movement(rows, lang="vi", start="2020", end=2021, group_name="Sở, ban, ngành", source="Nguồn")
    shown = list(fig.data[-1].y)  # the 2021 markers, one per row, top to bottom
    changes = [
        int(re.search(r"(↑|↓) (\d+)$", label).group(2)) * (1 if "↑" in label else -1) if not label.endswith(" =") else 0
        for label in shown
    ]
    assert changes == sorted(changes, reverse=True)  # biggest risers first, biggest fallers last
    expected = dict(zip(rows["short_vi"], rows["moved"]))
    assert {label.rsplit(" ", 2 if not label.endswith(" =") else 1)[0]: c for label, c in zip(shown, changes)} == {
        name: int(m) for name, m in expected.items()
    }
    assert fig.layout.xaxis.tickvals == (1, 10, 19)


# Line-end labels on the Trends chart never cover one another.


def test_labels_that_collide_are_spread_apart_and_the_others_stay():
    placed = charts.spread([83.2, 82.6, 70.0, 90.0], 1.5)
    assert placed[2:] == [70.0, 90.0]  # far from the others: where they were
    assert placed[0] - placed[1] == pytest.approx(1.5)  # 83,2 over 82,6: exactly a gap apart, order kept
    assert (placed[0] + placed[1]) / 2 == pytest.approx((83.2 + 82.6) / 2)  # centred where they wanted to be
    three = charts.spread([50.0, 50.0, 50.4, 60.0], 1.0)
    assert sorted(three[:3]) == pytest.approx([49.13333, 50.13333, 51.13333], abs=1e-4)
    assert three[3] == 60.0


def line_ends(fig: go.Figure) -> list[tuple[float, float, str]]:
    return [(a.x, a.y, a.text) for a in fig.layout.annotations if a.name == "end-label"]


def test_trend_end_labels_that_collide_are_nudged_apart_in_two_decimals():
    lines = pd.DataFrame(
        {
            "series": ["A"] * 3 + ["B"] * 3 + ["C"] * 2,
            "year": [2023, 2024, 2025] * 2 + [2019, 2020],
            "value": [80.0, 81.0, 83.2, 84.0, 83.0, 82.6, 70.0, 71.5],
            "hover": "",
        }
    )
    fig = charts.history(lines, "vi", value_title="%")
    ends = line_ends(fig)
    assert [text for _, _, text in ends] == ["71,50", "83,20", "82,60"]  # the same two decimals as the tables
    (_, low_y, _), (_, a_y, _), (_, b_y, _) = ends
    low, high = fig.layout.yaxis.range
    assert a_y - b_y >= charts.LABEL_GAP * (high - low) - 1e-9  # 83,20 sits above 82,60, a label's height apart
    assert low_y == 71.5  # alone at its year: not moved
    assert tuple(fig.layout.xaxis.range) == (2018.5, 2025.5)  # the labels never widen the years (2025 to 2028)
    assert not any(trace.text for trace in fig.data)  # no label drawn as the trace's text, over the others


# Criteria named by code and short name, the full name on hover and in the table.


def test_a_criterion_is_shortened_at_a_word_boundary_and_keeps_its_code():
    assert labels.shortened("Kế hoạch CCHC năm", 18) == "Kế hoạch CCHC năm"
    assert labels.shortened("Tỷ lệ đơn vị trực thuộc được kiểm tra", 18) == "Tỷ lệ đơn vị trực…"
    assert labels.shortened("Công tác chỉ đạo, điều hành", 18) == "Công tác chỉ đạo…"  # no dangling comma
    assert labels.shortened("Staffing management", 8) == "Staffing…"  # the word ends at the limit: kept whole
    assert labels.shortened("Supercalifragilistic", 8) == "Supercal…"
    assert labels.criterion_label("CV.2", "Tuyển dụng, sử dụng công chức") == "CV.2 Tuyển dụng, sử…"
    assert labels.criterion_label("CV.2", None) == "CV.2"
    assert labels.shortened("Drafting and review of legal documents", 18) == "Drafting…"  # no dangling 'and'
    assert labels.shortened("Restructuring of the organisation", 18) == "Restructuring…"
    assert labels.shortened("Thủ tục của và", 14) == "Thủ tục của và"  # whole: nothing is cut, nothing dropped


@pytest.mark.usefixtures("on_embedded")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_points_lost_names_each_criterion_and_hover_gives_the_full_name(lang):
    weakest = query("weakest_criteria", threshold=80, **SCOPED)
    fig = figures.points_lost(weakest, lang=lang, threshold=80, group_name="G", year=2021, source="S")
    bars = [label for trace in fig.data if trace.type == "bar" for label in trace.y]
    expected = [labels.criterion_label(c, s) for c, s in zip(weakest["criterion_id"], weakest[f"short_{lang}"])]
    assert sorted(bars) == sorted(expected) and all(" " in label for label in bars)  # never a bare code
    assert all(len(label.split(" ", 1)[1]) <= labels.CRITERION_LABEL + 1 for label in bars)
    top = weakest.iloc[0]
    hover = next(
        h for trace in fig.data if trace.type == "bar" for (h,), y in zip(trace.customdata, trace.y) if y == expected[0]
    )
    assert f"{top['criterion_id']} {top[f'name_{lang}']}" in hover


@pytest.mark.usefixtures("on_embedded")
def test_the_drill_down_heads_its_columns_with_names_in_the_sets_order_full_names_on_hover():
    detail = query("criterion_scores", area="CDDH", **SCOPED)
    t = Translator("en")
    criteria = detail[detail["level"] == "criterion"].drop_duplicates("criterion_id").sort_values("sort_order")
    fig = figures.criterion_heatmap(detail, lang="en", area_name="Direction", group_name="G", year=2021, source="S")
    (heatmap,) = fig.data
    assert list(heatmap.x) == [
        labels.criterion_label(c, s) for c, s in zip(criteria["criterion_id"], criteria["short_en_c"])
    ]
    assert next(iter(heatmap.x)).startswith("CDDH.1 ")
    full = [f"{c} {n}" for c, n in zip(criteria["criterion_id"], criteria["name_en_c"])]
    assert [cell[0] for cell in heatmap.customdata[0]] == full == frames.criterion_names(detail, t)
    first = detail[(detail["level"] == "criterion") & (detail["unit_id"] == detail["unit_id"].iat[0])]
    assert heatmap.customdata[0][0][1] == fmt.number(first.sort_values("sort_order")["pct"].iat[0], "en")


def test_criteria_sort_by_the_sets_order_not_as_text():
    detail = pd.DataFrame(
        {
            "unit_id": ["u"] * 3,
            "short_vi": ["Đơn vị"] * 3,
            "level": "criterion",
            "criterion_id": ["A.1", "A.10", "A.2"],
            "sort_order": [1, 10, 2],
            "short_vi_c": ["Một", "Mười", "Hai"],
            "name_vi_c": ["Một", "Mười", "Hai"],
            "pct": [90.0, 80.0, 70.0],
        }
    )
    matrix = frames.criterion_matrix(detail, Translator("vi"), mean_label="TB")
    assert list(matrix.columns) == ["A.1 Một", "A.2 Hai", "A.10 Mười"]
    assert matrix.loc["Đơn vị"].tolist() == [90.0, 70.0, 80.0]


# One precision for a % of maximum; titles capitalised; a true minus under the headline numbers.


@pytest.mark.usefixtures("on_embedded")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_weakest_area_reads_the_same_in_the_paragraph_and_the_heatmap_title(lang):
    t = Translator(lang)
    summary = query("area_summary", threshold=80, **SCOPED)
    areas = query("area_scores", **SCOPED)
    assessment = query("assessment", **DEPT).iloc[0]
    group = query("group_summary", **SCOPED).iloc[0]
    tiers = frames.tier_rows(query("tier_counts", **SCOPED), lang)
    paragraph = labels.summary_paragraph(group, tiers, summary, assessment, group_name="G", t=t)
    fig = figures.area_heatmap(areas, summary, assessment, lang=lang, group_name="G", year=2021)
    worst = fmt.number(summary["mean_pct"].min(), lang)
    assert re.fullmatch(r"\d\d[.,]\d\d", worst)
    assert worst in paragraph and f"{worst}%" in fig.layout.title.text


def test_a_pct_of_maximum_is_written_with_two_decimals():
    assert fmt.pct_of_max(96.4, "vi") == "96,40%"
    assert fmt.pct_of_max(96.4, "en") == "96.40%"
    assert fmt.pct_of_max(None, "vi") == fmt.NA


def test_compare_bars_say_what_the_table_says():
    areas = pd.DataFrame(
        {"unit_id": ["a", "b", "a", "b"], "area_short_vi": ["X", "X", "Y", "Y"], "pct": [96.4, 88.0, 70.125, None]}
    )
    t = Translator("vi")
    table = labels.compare_table(areas, ["a", "b"], {"a": "A", "b": "B"}, t).text()
    bars = charts.grouped_bars(
        areas.assign(category=areas["area_short_vi"], series=areas["unit_id"].str.upper(), value=areas["pct"]),
        "vi",
        value_title="%",
    )
    for trace in bars.data:
        for area, text in zip(trace.y, trace.text):
            assert text == table.loc[table[t("unit.col_area")] == area, trace.name].iat[0]
    assert list(table["A"]) == ["96,40%", "70,12%"] and table["B"].iat[1] == fmt.NA


@pytest.mark.parametrize(
    "title, shown",
    [("huyện Bảo Yên: % điểm tối đa, 2019-2024", "Huyện Bảo Yên: % điểm tối đa"), ("Đông Hà", "Đông Hà"), ("", "")],
)
def test_a_title_begins_with_a_capital_whatever_name_it_begins_with(title, shown):
    fig = charts.frame(go.Figure(), lang="vi", title=title, subtitle="s", source="Nguồn")
    assert re.sub(r"<[^>]+>", "", fig.layout.title.text).startswith(shown)
    assert fig.layout.meta["title"] == charts.capitalised(title)  # an export at another size too


@pytest.mark.usefixtures("on_embedded")
def test_a_unit_history_title_begins_with_a_capital():
    history = query("unit_history", unit="huyen-bao-yen", drafts=False)
    assert history["name_vi"].str.startswith("huyện").any()
    fig = figures.unit_history(history, lang="vi")
    assert fig.layout.title.text.startswith("<b>Huyện Bảo Yên")


def test_a_headline_delta_keeps_its_true_minus_and_is_coloured_by_its_value():
    assert ui.metric_delta(-0.73, "−0,73 so với năm 2020") == {
        "delta": "−0,73 so với năm 2020",
        "delta_color": "red",
        "delta_arrow": "down",
    }
    assert ui.metric_delta(1.2, "+1,20") == {"delta": "+1,20", "delta_color": "green", "delta_arrow": "up"}
    assert ui.metric_delta(0, "±0,00") == {"delta": "±0,00", "delta_color": "gray", "delta_arrow": "off"}
    assert ui.metric_delta(None, "x") == {"delta": None}
    assert ui.metric_delta(1.0, fmt.NA) == {"delta": None}


@pytest.mark.usefixtures("on_embedded")
def test_overview_headline_delta_has_a_true_minus_drawn_red_and_down():
    at = open_app(y="2021")
    mean = next(m for m in at.metric if m.label == "Điểm trung bình")
    assert mean.delta == "−0,73 so với năm 2020" and "-" not in mean.delta
    assert mean.proto.color == MetricProto.MetricColor.RED
    assert mean.proto.direction == MetricProto.MetricDirection.DOWN
    rank = next(m for m in open_app(g="province", y="2021").metric if m.label == "Thứ hạng PAR INDEX của Lào Cai")
    assert rank.delta == "+3 bậc so với năm 2020" and rank.proto.color == MetricProto.MetricColor.GREEN


# English prose: English quotation marks, one spelling of each province.


def english_texts() -> list[str]:
    def walk(table):
        for value in table.values():
            yield from walk(value) if isinstance(value, dict) else [value]

    with open(LOCALES_DIR / "en.toml", "rb") as file:
        texts = [v for v in walk(tomllib.load(file)) if isinstance(v, str)]
    for path in DATA_DIR.glob("*.csv"):
        with path.open(encoding="utf-8") as file:
            texts += [v for row in csv.DictReader(file) for k, v in row.items() if k and k.endswith("_en") and v]
    return texts


def test_english_prose_quotes_with_english_marks():
    quoted = [text for text in english_texts() if "«" in text or "»" in text]
    assert not quoted, quoted[:3]


def _folded(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def test_english_texts_spell_a_province_as_its_english_name_does():
    """'Hanoi' beside 'Hà Nội city': a province's name without its diacritics (or run together)
    in any English text of the data or the interface."""
    with (DATA_DIR / "units.csv").open(encoding="utf-8") as file:
        provinces = [row["short_en"] for row in csv.DictReader(file) if row["group"] == "province"]
    spellings = {
        variant: name
        for name in provinces
        for variant in {_folded(name), _folded(name).replace(" ", "")}
        if variant != name
    }
    assert spellings["HaNoi"] == "Hà Nội"
    found = [
        (variant, text)
        for text in english_texts()
        for variant in spellings
        if re.search(rf"(?<![\w.]){re.escape(variant)}(?![\w.])", text, re.IGNORECASE)
    ]  # not a web address
    assert not found, found[:3]


def test_two_lines_named_alike_stay_two_series_never_joined_across_the_break():
    """Sở Nội vụ (to 2024) and the Sở Nội vụ a 2025 merger made: one name made one trace, drawn
    from 2025 back to 2015; and the label went to the trace's last row, not its latest year."""
    trends = pd.DataFrame(
        {
            "line_id": ["new", "old", "old", "old"],
            "is_own": [False, True, True, True],
            "year": [2025, 2015, 2023, 2024],
            "short_vi": "Nội vụ",
            "jurisdiction_id": "lao-cai",
            "place_vi": "tỉnh Lào Cai",
            "pct": [91.7, 82.86, 97.15, 98.33],
        }
    )
    lines = frames.trend_lines(trends, Translator("vi"))
    assert dict(zip(lines["line_id"], lines["series"])) == {"new": "Nội vụ (2025)", "old": "Nội vụ (2015-2024)"}
    fig = charts.history(lines.assign(hover=""), "vi", value_title="%")
    assert all(list(trace.x) == sorted(trace.x) for trace in fig.data)  # no line runs back in time
    assert sorted(text for _, _, text in line_ends(fig)) == ["91,70", "98,33"]
    alone = frames.trend_lines(trends[trends["line_id"] == "old"], Translator("vi"))
    assert set(alone["series"]) == {"Nội vụ"}  # a name is given its years only where two lines share it
