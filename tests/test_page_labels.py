"""The texts and tables Overview and the editors' page draw, built from rows in code (no app, no
database): every sentence and number in both languages, a missing previous year, a mean that cannot
be computed, a partial table, missing values shown "—" (never 0) and quantities kept as numbers."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pandas as pd
import pytest

from parindex import labels
from parindex.i18n import Translator
from parindex.importing.messages import ImportProblem

VI, EN = Translator("vi"), Translator("en")
NAN = float("nan")


def summary(**values) -> pd.Series:
    """A group_summary row: 19 departments, all scored, 89.28 against 90.01 the year before."""
    row = {
        "n_units": 19,
        "n_scored": 19,
        "complete": True,
        "max_total": 100.0,
        "mean_total": 89.28,
        "prev_year": 2020,
        "prev_mean_total": 90.01,
        "mean_change": -0.73,
    }
    return pd.Series({**row, **values})


def test_the_mean_with_its_change_and_the_previous_year():
    assert labels.mean_metric(summary(), VI) == labels.Metric(
        "Điểm trung bình", "89,28 / 100", -0.73, "−0,73 so với năm 2020", ("Năm 2020: 90,01",)
    )
    assert labels.mean_metric(summary(), EN) == labels.Metric(
        "Mean score", "89.28 / 100", -0.73, "−0.73 on 2020", ("2020: 90.01",)
    )


def test_a_rise_is_signed_and_no_change_is_plus_minus_zero():
    assert labels.mean_metric(summary(mean_change=1.2), VI).delta == "+1,20 so với năm 2020"
    assert labels.mean_metric(summary(mean_change=0.0), EN).delta == "±0.00 on 2020"


def test_without_a_previous_year_there_is_no_change_and_no_caption():
    first = summary(prev_year=None, prev_mean_total=None, mean_change=None)
    for t, label, value in ((VI, "Điểm trung bình", "89,28 / 100"), (EN, "Mean score", "89.28 / 100")):
        metric = labels.mean_metric(first, t)
        assert (metric.label, metric.value, metric.delta, metric.captions) == (label, value, None, ())


def test_a_previous_mean_on_another_scale_is_given_but_not_subtracted():
    # group_summary gives no change where the maximum changed: the year's mean is still shown under it
    metric = labels.mean_metric(summary(mean_change=None, prev_mean_total=45.5), VI)
    assert (metric.delta, metric.captions) == (None, ("Năm 2020: 45,50",))


def test_an_incomplete_mean_is_a_dash_with_the_count_of_units_scored():
    partial = summary(mean_total=None, mean_change=None, complete=False, n_scored=9, n_units=20, prev_mean_total=None)
    assert labels.mean_metric(partial, VI) == labels.Metric(
        "Điểm trung bình", "—", None, None, ("Không tính được: chỉ có điểm của 9/20 đơn vị.",)
    )
    assert labels.mean_metric(partial, EN).captions == ("Not computable: scores for only 9 of 20 units.",)
    # the previous year's mean and the missing one: both said, the previous year first
    with_prev = summary(mean_total=NAN, mean_change=NAN, n_scored=9, n_units=20)
    assert labels.mean_metric(with_prev, VI).captions == (
        "Năm 2020: 90,01",
        "Không tính được: chỉ có điểm của 9/20 đơn vị.",
    )


def test_no_score_at_all_says_nothing_about_scores():
    tiers_only = summary(mean_total=None, mean_change=None, complete=False, n_scored=0, prev_mean_total=None)
    assert labels.mean_metric(tiers_only, EN).captions == ()


def test_the_unit_count_in_each_language():
    assert labels.units_metric(summary(n_units=1234), VI) == labels.Metric("Số đơn vị được đánh giá", "1.234")
    assert labels.units_metric(summary(n_units=1234), EN) == labels.Metric("Units assessed", "1,234")


def tier_rows(*tiers: tuple[str, int, float]) -> pd.DataFrame:
    """frames.tier_rows output (best tier first): label, units, share of the group."""
    return pd.DataFrame([{"label": label, "n": n, "share": share} for label, n, share in tiers])


def test_the_best_tier_with_its_count_and_share():
    tiers = tier_rows(("Từ 90 điểm trở lên", 6, 6 / 19), ("Từ 85 đến dưới 90 điểm", 9, 9 / 19))
    assert labels.top_tier_metric(tiers, VI) == labels.Metric("Đạt «Từ 90 điểm trở lên»", "6 (31,58%)")
    assert labels.top_tier_metric(tiers, EN) == labels.Metric("In “Từ 90 điểm trở lên”", "6 (31.58%)")
    # an empty best tier is said as 0, the units in it being counted (not a missing figure)
    assert labels.top_tier_metric(tier_rows(("Xuất sắc", 0, 0.0), ("Tốt", 20, 1.0)), VI).value == "0 (0,00%)"
    assert labels.top_tier_metric(tier_rows(), VI) is None


def place(**values) -> pd.Series:
    """The province's ranking row in the national index: 11th of 63, two places up on 2020."""
    row = {
        "short_vi": "Lào Cai",
        "short_en": "Lao Cai",
        "rank": 11,
        "rank_of": 63,
        "rank_change": 2,
        "prev_status": "compared",
        "prev_year": 2020,
        "total": 86.41,
        "note_vi": "Ghi chú",
        "note_en": None,
    }
    return pd.Series({**row, **values})


def test_the_national_place_and_its_change():
    assert labels.national_rank_metric(place(), VI) == labels.Metric(
        "Thứ hạng PAR INDEX của Lào Cai", "11/63", 2, "+2 bậc so với năm 2020"
    )
    assert labels.national_rank_metric(place(rank_change=-3), EN) == labels.Metric(
        "Lao Cai's PAR INDEX rank", "11 of 63", -3, "−3 places on 2020"
    )
    assert labels.national_rank_metric(place(prev_status="first", rank_change=None), VI).delta is None
    assert labels.national_rank_metric(place(rank=None, rank_change=None), VI).value == "—"
    assert labels.total_metric(place(), VI) == labels.Metric("Tổng điểm", "86,41")
    assert labels.total_metric(place(total=None), EN).value == "—"


def test_a_note_is_given_in_the_readers_language_only():
    assert labels.assessment_note(place(), VI) == "Ghi chú"
    assert labels.assessment_note(place(), EN) is None
    assert labels.assessment_note(place(note_vi=""), VI) is None


def ranking(*units: tuple[str, float | None, int | None, str], rank_of: int = 5) -> pd.DataFrame:
    """Ranking rows in rank order: (id, total, rank, rank basis), tier "Tốt" / "Good" throughout."""
    return pd.DataFrame(
        [
            {
                "unit_id": u,
                "name_vi": f"Sở {u}",
                "name_en": f"Dept {u}",
                "total": total,
                "max_total": 100.0,
                "rank": rank,
                "rank_of": rank_of,
                "rank_basis": basis,
                "tier_order": 1,
                "tier_vi": "Tốt",
                "tier_en": "Good",
            }
            for u, total, rank, basis in units
        ]
    )


COMPLETE = ranking(
    ("A", 95.5, 1, "computed"),
    ("B", 90.0, 2, "computed"),
    ("C", 88.25, 3, "computed"),
    ("D", 80.0, 4, "computed"),
    ("E", 70.0, 5, "computed"),
)


def test_a_complete_table_lists_its_first_three_and_last_three_each_by_its_rank():
    listed = labels.top_bottom(COMPLETE, VI, complete=True, published_ranks=False)
    assert listed == labels.TopBottom(
        "**Cao nhất**\n\n- 1/5: Sở A — 95,50/100 (Tốt)\n- 2/5: Sở B — 90,00/100 (Tốt)\n- 3/5: Sở C — 88,25/100 (Tốt)",
        "**Thấp nhất**\n\n- 5/5: Sở E — 70,00/100 (Tốt)\n- 4/5: Sở D — 80,00/100 (Tốt)\n- 3/5: Sở C — 88,25/100 (Tốt)",
    )
    english = labels.top_bottom(COMPLETE, EN, complete=True, published_ranks=False)
    assert english.top.splitlines()[:3] == ["**Highest**", "", "- 1 of 5: Dept A — 95.50/100 (Good)"]
    assert english.bottom.splitlines()[:3] == ["**Lowest**", "", "- 5 of 5: Dept E — 70.00/100 (Good)"]


def test_a_list_never_cuts_through_a_tie_at_either_end():
    # C and D share the third place, E and F the last: each end lists all four that belong to it
    tied = ranking(
        ("A", 95.0, 1, "computed"),
        ("B", 90.0, 2, "computed"),
        ("C", 85.0, 3, "computed"),
        ("D", 85.0, 3, "computed"),
        ("G", 82.0, 5, "computed"),
        ("E", 70.0, 6, "computed"),
        ("F", 70.0, 6, "computed"),
        rank_of=7,
    )
    listed = labels.top_bottom(tied, VI, complete=True, published_ranks=False)
    assert [line.split(" — ")[0] for line in listed.top.splitlines()[2:]] == [
        "- 1/7: Sở A",
        "- 2/7: Sở B",
        "- 3/7: Sở C",
        "- 3/7: Sở D",
    ]
    assert [line.split(" — ")[0] for line in listed.bottom.splitlines()[2:]] == [
        "- 6/7: Sở E",
        "- 6/7: Sở F",
        "- 5/7: Sở G",
    ]


def test_a_subset_says_each_units_rank_in_the_whole_group():
    listed = labels.top_bottom(COMPLETE.head(2), VI, complete=True, published_ranks=False, ranks=True)
    assert listed.top.splitlines()[2] == "1. Sở A — 95,50/100 (Tốt; hạng 1/5 toàn tỉnh)"


def test_a_partial_table_lists_by_published_rank_and_its_published_last_place():
    # Yên Bái's shape: some published ranks without a published score, the last place among them
    partial = ranking(
        ("A", None, 1, "published"),
        ("B", 88.0, 2, "published"),
        ("C", 80.0, None, "computed"),
        ("E", None, 5, "published"),
    )
    listed = labels.top_bottom(partial, VI, complete=False, published_ranks=True)
    assert listed == labels.TopBottom(
        "**Cao nhất**\n\n- 1/5: Sở A (Tốt)\n- 2/5: Sở B — 88,00/100 (Tốt)",
        "**Cuối bảng (thứ hạng đã công bố)**\n\n- 5/5: Sở E (Tốt)",
    )
    english = labels.top_bottom(partial, EN, complete=False, published_ranks=True)
    assert english.bottom == "**Last place (as published)**\n\n- 5 of 5: Dept E (Good)"


def test_a_partial_table_without_its_last_place_says_the_lowest_are_not_known():
    partial = ranking(("A", 95.0, None, "computed"), ("B", 90.0, None, "computed"))
    listed = labels.top_bottom(partial, VI, complete=False, published_ranks=False)
    assert listed.top == "**Cao nhất**\n\n1. Sở A — 95,00/100 (Tốt)\n2. Sở B — 90,00/100 (Tốt)"
    assert (listed.bottom, listed.bottom_known) == (
        "Không xác định được đơn vị thấp nhất: điểm của một số đơn vị không được công bố.",
        False,
    )
    assert labels.top_bottom(partial, EN, complete=False, published_ranks=False).bottom == (
        "The lowest units are not known: some scores were not published."
    )


def test_nothing_to_list_without_a_score_or_a_published_rank():
    tiers_only = ranking(("A", None, None, "computed"), ("B", None, None, "computed"))
    assert labels.top_bottom(tiers_only, VI, complete=False, published_ranks=False) is None
    # published ranks are used only where the assessment's ranking is the published one
    ranked = ranking(("A", None, 1, "published"))
    assert labels.top_bottom(ranked, VI, complete=False, published_ranks=False) is None


# The editors' page


def test_a_problem_table_numbers_its_rows_and_shows_a_missing_place_as_a_dash():
    problems = [
        ImportProblem(10, "C (Tổng điểm)", "above_max", {"value": "101.5", "maximum": "100"}),
        ImportProblem(None, None, "not_number", {"value": "x"}),
    ]
    table = labels.problem_table(problems, VI)
    assert table.text().values.tolist() == [
        ["10", "C (Tổng điểm)", "101,5 vượt quá điểm tối đa 100"],
        ["—", "—", "«x» không phải là số"],
    ]
    assert table.columns == ["Dòng", "Cột", "Lỗi"] and table.notes == ("Lỗi",)
    assert table.values["Dòng"].tolist()[0] == 10 and pd.isna(table.values["Dòng"].tolist()[1])
    english = labels.problem_table(problems, EN)
    assert english.columns == ["Row", "Column", "Problem"]
    assert english.text().values.tolist()[0] == ["10", "C (Tổng điểm)", "101.5 is above the maximum of 100"]


def test_a_problem_table_names_the_sheet_only_where_a_problem_has_one():
    problems = [
        ImportProblem(3, "F", "not_number", {"value": "a"}, sheet="Xếp loại"),
        ImportProblem(2, "B", "negative", {"value": "-1"}),
    ]
    table = labels.problem_table(problems, VI)
    assert table.columns == ["Trang", "Dòng", "Cột", "Lỗi"]
    assert table.text()["Trang"].tolist() == ["Xếp loại", "—"]


def test_changed_totals_keep_every_decimal_in_the_readers_notation():
    changed = [("Đơn vị Alpha", Decimal("91.5"), Decimal("95.755")), ("Đơn vị Mới", None, Decimal("1234.5"))]
    table = labels.score_changes_table(changed, VI)
    assert table.text().values.tolist() == [["Đơn vị Alpha", "91,5", "95,755"], ["Đơn vị Mới", "—", "1.234,5"]]
    assert table.numeric == ["Trước", "Sau"] and table.values["Sau"].tolist() == [95.755, 1234.5]
    english = labels.score_changes_table(changed, EN)
    assert english.columns == ["Unit", "Before", "After"]
    assert english.text().values.tolist()[1] == ["Đơn vị Mới", "—", "1,234.5"]
    assert labels.exact_number(100, "vi") == "100"


LOG = pd.DataFrame(
    [
        {
            "import_id": 3,
            "imported_at": datetime(2026, 12, 2, 2, 5, 45),
            "editor": "lan",
            "action": "publish",
            "file_name": None,
            "sha256": None,
            "rows": None,
            "status": "published",
            "year": 2022,
            "unit_group": "department",
            "assessment_id": "tinh-a-2022-department",
            "replaced": None,
            "decision_no": "QĐ 789/QĐ-UBND",
        },
        {
            "import_id": 2,
            "imported_at": datetime(2026, 12, 1, 9, 0),
            "editor": "lan",
            "action": "import",
            "file_name": "phu-luc.xlsx",
            "sha256": "5185d96a",
            "rows": 1204,
            "status": "draft",
            "year": 2022,
            "unit_group": "department",
            "assessment_id": "tinh-a-2022-department",
            "replaced": True,
            "decision_no": None,
        },
        {
            "import_id": 1,
            "imported_at": datetime(2026, 11, 30, 8, 0),
            "editor": "minh",
            "action": "restore",
            "file_name": "sao-luu.xlsx",
            "sha256": "ab12",
            "rows": 0,
            "status": "mixed",
            "year": None,
            "unit_group": None,
            "assessment_id": None,
            "replaced": False,
            "decision_no": None,
        },
    ]
)


@pytest.mark.parametrize(
    ("t", "columns", "rows"),
    [
        (
            VI,
            [
                "Thời điểm",
                "Thao tác",
                "Năm",
                "Khối",
                "Trạng thái",
                "Biên tập viên",
                "Tệp",
                "Số dòng",
                "Ghi đè",
                "Số quyết định",
                "Mã kỳ đánh giá",
                "Số",
                "SHA-256",
            ],
            [
                ["2026-12-02 02:05 UTC", "Công bố", "2022", "Sở, ban, ngành", "Đã công bố"],
                ["2026-12-01 09:00 UTC", "Nhập kết quả", "2022", "Sở, ban, ngành", "Dự thảo (chưa công bố)"],
                ["2026-11-30 08:00 UTC", "Khôi phục từ bản sao lưu", "—", "—", "Dự thảo và đã công bố"],
            ],
        ),
        (
            EN,
            [
                "When",
                "Action",
                "Year",
                "Group",
                "Status",
                "Editor",
                "File",
                "Rows",
                "Replaced",
                "Decision number",
                "Assessment",
                "No.",
                "SHA-256",
            ],
            [
                ["2026-12-02 02:05 UTC", "Publish", "2022", "Departments and agencies", "Published"],
                [
                    "2026-12-01 09:00 UTC",
                    "Import results",
                    "2022",
                    "Departments and agencies",
                    "Draft (not yet announced)",
                ],
                ["2026-11-30 08:00 UTC", "Restore from a backup", "—", "—", "Drafts and published"],
            ],
        ),
    ],
)
def test_the_import_log_in_the_readers_words(t, columns, rows):
    table = labels.import_log_table(LOG, t)
    shown = table.text()
    assert table.columns == columns
    assert shown.iloc[:, :5].values.tolist() == rows
    # the rest of each line: who, the file, its rows (a thousands separator), replaced or not, the
    # decision, the assessment, the log's number, the file's hash; a publication has no file
    yes, no = {"vi": ("Có", "Không"), "en": ("Yes", "No")}[t.lang]
    thousands = "1.204" if t.lang == "vi" else "1,204"
    assert shown.iloc[:, 5:].values.tolist() == [
        ["lan", "—", "—", "—", "QĐ 789/QĐ-UBND", "tinh-a-2022-department", "3", "—"],
        ["lan", "phu-luc.xlsx", thousands, yes, "—", "tinh-a-2022-department", "2", "5185d96a"],
        ["minh", "sao-luu.xlsx", "0", no, "—", "—", "1", "ab12"],
    ]
    assert table.numeric == [columns[2], columns[7], columns[11]]  # year, rows, id: sorted as numbers


def test_an_action_or_status_the_log_does_not_know_is_shown_as_written():
    odd = LOG.head(1).assign(action="build", status="archived")
    shown = labels.import_log_table(odd, VI).text()
    assert shown.iloc[0, 1:5].tolist() == ["build", "2022", "Sở, ban, ngành", "archived"]


def test_a_set_up_areas_maxima_are_numbers_and_a_new_area_has_no_before():
    diff = {
        "previous_year": [2021],
        "max_total": [(Decimal("100"), Decimal("100"))],
        "areas": [("Cải cách thể chế", Decimal("10"), Decimal("12.5")), ("Chuyển đổi số", None, Decimal("7.25"))],
        "tiers_before": [],
        "tiers_after": [],
        "units_added": [],
        "units_changed": [],
    }
    parts = labels.setup_diff(diff, VI)
    assert [kind for kind, _ in parts] == ["heading", "text", "text", "table"]
    areas = parts[-1][1]
    assert areas.text().values.tolist() == [["Cải cách thể chế", "10", "12,5"], ["Chuyển đổi số", "—", "7,25"]]
    assert areas.numeric == ["Trước", "Sau"]
    assert labels.setup_diff(diff, EN)[-1][1].text().values.tolist()[0] == ["Cải cách thể chế", "10", "12.5"]
