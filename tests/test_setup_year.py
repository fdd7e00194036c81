"""Setting up a year (parindex.importing.setup): the stored set, the annex shape, the results that
follow, the bad workbooks refused with sheet, row and column, backup and restore, the CLI."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import setup_workbooks as wb
from fixture_data import write_fixture
from parindex.build import build
from parindex.db import read_only
from parindex.importing import backup
from parindex.importing.commit import import_file
from parindex.importing.messages import ImportRefused
from parindex.importing.plan import Options
from parindex.importing.setup import SetupOptions, preview, setup_year
from parindex.paths import ROOT

OPTIONS = SetupOptions(year=2022, group="department", jurisdiction="tinh-a")


@pytest.fixture
def db(fixture_copy) -> Path:
    return fixture_copy


def rows(db: Path, sql: str, params=None) -> list[tuple]:
    with read_only(db, drafts=True) as con:
        return con.execute(sql, params).fetchall()


CRITERIA_SQL = (
    "SELECT criterion_id, parent_id, level, area_key, name_vi, max_points, self_assessed, sort_order "
    "FROM criterion WHERE framework_id = 'tinh-a-2022-department' ORDER BY criterion_id"
)
EXPECTED_CRITERIA = [
    ("I", None, "area", "A", "A", Decimal("60"), True, 1),
    ("I.1", "I", "criterion", "A", "Kế hoạch", Decimal("60"), True, 1),
    ("I.1.1", "I.1", "sub", "A", "Ban hành kế hoạch", Decimal("30"), True, 1),
    ("I.1.2", "I.1", "sub", "A", "Thực hiện kế hoạch", Decimal("30"), True, 2),
    ("II", None, "area", "S", "S", Decimal("40"), False, 2),
    ("II.1", "II", "criterion", "S", "Hài lòng", Decimal("40"), False, 1),
    ("II.1.1", "II.1", "sub", "S", "Mức độ hài lòng", Decimal("40"), False, 1),
]


def test_a_year_set_up_from_the_template_is_stored_exactly(db):
    done = setup_year("2022.xlsx", wb.good(), OPTIONS, db, editor="lan")
    assert done.ok and done.assessment_id == "tinh-a-2022-department"
    assert rows(db, CRITERIA_SQL) == EXPECTED_CRITERIA  # areas keep the keys of earlier sets (A, B) by name
    assert rows(
        db, "SELECT framework_id, name_vi, max_total, provenance FROM framework WHERE import_id IS NOT NULL"
    ) == [("tinh-a-2022-department", "Bộ tiêu chí 2022", Decimal("100"), "published")]
    assert rows(
        db,
        "SELECT tier_order, label_vi, label_en, min_points, min_inclusive FROM tier "
        "WHERE year = 2022 AND unit_group = 'department' ORDER BY 1",
    ) == [
        (1, "Tốt", "Good", Decimal("80"), True),
        (2, "Khá", "Fair", Decimal("60"), True),
        (3, "Yếu", "Weak", None, None),
    ]
    assert rows(
        db,
        "SELECT predecessor_id, successor_id, year, kind, CAST(effective_date AS VARCHAR), decision_no "
        "FROM unit_lineage WHERE import_id IS NOT NULL ORDER BY 1",
    ) == [
        ("beta", "don-vi-be-ta", 2022, "rename", "2022-07-01", None),
        ("d2", None, 2022, "abolish", "2022-06-30", None),
        ("delta", "gamma-delta", 2022, "merge", "2022-03-01", "QĐ 5/QĐ-UBND"),
        ("gamma", "gamma-delta", 2022, "merge", "2022-03-01", "QĐ 5/QĐ-UBND"),
    ]
    # the units that ended: last year 2021; the new ones start in 2022; a rename continues the line
    assert rows(
        db,
        "SELECT unit_id, first_year, last_year, line_id FROM unit "
        "WHERE unit_id IN ('beta', 'don-vi-be-ta', 'gamma', 'delta', 'gamma-delta', 'd2') ORDER BY 1",
    ) == [
        ("beta", 2015, 2021, "don-vi-be-ta"),
        ("d2", 2015, 2021, "d2"),
        ("delta", 2015, 2021, "delta"),
        ("don-vi-be-ta", 2022, None, "don-vi-be-ta"),
        ("gamma", 2015, 2021, "gamma"),
        ("gamma-delta", 2022, None, "gamma-delta"),
    ]
    assert rows(db, "SELECT alias, unit_id FROM unit_alias WHERE import_id IS NOT NULL ORDER BY 1") == [
        ("Alpha (cũ)", "alpha"),
        ("Bê-ta", "don-vi-be-ta"),
        ("ĐV A", "alpha"),
    ]
    assert rows(
        db, "SELECT status, framework_id, max_total FROM assessment WHERE assessment_id = ?", [done.assessment_id]
    ) == [("draft", "tinh-a-2022-department", Decimal("100"))]
    assert rows(db, "SELECT editor, action, year, unit_group, status, rows FROM import_log") == [
        ("lan", "setup", 2022, "department", "draft", 19)
    ]


def test_the_annex_shape_gives_the_same_stored_set(db, tmp_path):
    setup_year("phu-luc.xlsx", wb.annex(), OPTIONS, db, editor="lan")
    from_annex = rows(db, CRITERIA_SQL)
    other = tmp_path / "other" / "par.duckdb"
    build(write_fixture(tmp_path / "data2"), other)
    setup_year("mau.xlsx", wb.xlsx({"Bộ tiêu chí": wb.CRITERIA, "Xếp loại": wb.TIERS}), OPTIONS, other, editor="lan")
    assert from_annex == rows(other, CRITERIA_SQL) == EXPECTED_CRITERIA
    assert rows(db, "SELECT max_total FROM framework WHERE import_id IS NOT NULL") == [(Decimal("100"),)]


def test_results_import_into_the_set_up_year_and_take_its_bands(db):
    setup_year("2022.xlsx", wb.good(), OPTIONS, db, editor="lan")
    sheet = (
        "Tên đơn vị;I.1.1;I.1.2;II.1.1\nĐơn vị Alpha;30;28;35\nBê-ta;20;20;25\n"
        "Đơn vị Gamma-Delta;15;10;20\nĐơn vị Mới;30;30;30\nĐơn vị Newcomer;25;25;30\n"
    )
    # no --replace needed: the set-up made the assessment, without results
    done = import_file("ket-qua.csv", sheet.encode(), Options(2022, "department", "tinh-a"), db, editor="lan")
    assert done.ok and done.rows == 5
    got = (
        rows(
            db,
            "SELECT unit_id, total, tier_code FROM standing s WHERE assessment_id = ? ORDER BY total DESC",
            [done.assessment_id],
        )
        if _has_tier_code(db)
        else None
    )
    ranked = rows(
        db, "SELECT r.unit_id, r.total FROM result r WHERE assessment_id = ? ORDER BY total DESC", [done.assessment_id]
    )
    assert ranked == [
        ("alpha", Decimal("93")),
        ("new-name", Decimal("90")),
        ("newcomer", Decimal("80")),
        ("don-vi-be-ta", Decimal("65")),
        ("gamma-delta", Decimal("45")),
    ]
    if got is not None:
        assert [g[2] for g in got] == ["Tốt", "Tốt", "Tốt", "Khá", "Yếu"]


def _has_tier_code(db: Path) -> bool:
    return ("tier_code",) in rows(db, "SELECT column_name FROM duckdb_columns() WHERE table_name = 'standing'")


def test_a_year_without_a_set_up_says_what_to_set_up_first(db):
    sheet = "Tên đơn vị;X.1.1\nĐơn vị Alpha;30\n"
    with pytest.raises(ImportRefused) as refused:
        import_file("ket-qua.csv", sheet.encode(), Options(2023, "department", "tinh-a"), db, editor="lan")
    assert any("setup-year" in p.text("en") and "setup-year" in p.text("vi") for p in refused.value.problems)


def test_setting_up_again_needs_replace_and_keeps_the_results(db):
    setup_year("2022.xlsx", wb.good(), OPTIONS, db, editor="lan")
    import_file(
        "k.csv",
        "Tên đơn vị;I.1.1;I.1.2;II.1.1\nĐơn vị Alpha;30;28;35\n".encode(),
        Options(2022, "department", "tinh-a"),
        db,
        editor="lan",
    )
    again = preview("2022.xlsx", wb.good(), OPTIONS, db)
    assert [p.code for p in again.problems] == ["setup_exists"]
    bands = wb.edited(tiers=[(2, 4, 85), (3, 6, 85)])
    setup_year(
        "2022b.xlsx",
        wb.xlsx({"Xếp loại": _sheet(bands, "Xếp loại")}),
        SetupOptions(2022, "department", "tinh-a", replace=True),
        db,
        editor="lan",
    )
    assert rows(
        db, "SELECT min_points FROM tier WHERE year = 2022 AND unit_group = 'department' ORDER BY tier_order"
    ) == [(Decimal("85"),), (Decimal("60"),), (None,)]
    assert rows(db, "SELECT unit_id, total FROM result WHERE assessment_id = 'tinh-a-2022-department'") == [
        ("alpha", Decimal("93"))
    ]
    assert rows(db, "SELECT count(*) FROM criterion WHERE framework_id = 'tinh-a-2022-department'") == [(7,)]


def _sheet(data: bytes, name: str) -> list[list]:
    import io

    from openpyxl import load_workbook

    return [list(r) for r in load_workbook(io.BytesIO(data))[name].iter_rows(values_only=True)]


# (what is wrong, the workbook, the expected (sheet, row, column letter, code) of the first problem)
BAD = {
    "stated total is not the sum of the areas": (
        wb.edited(settings=[(6, 2, 90)]),
        ("Thông tin", 6, "B", "setup_total"),
    ),
    "annex total row is not the sum": (None, ("Phụ lục 1", 14, "C", "setup_total")),
    "area max is not the sum of its criteria": (wb.edited(criteria=[(2, 4, 55)]), ("Bộ tiêu chí", 2, "D", "setup_sum")),
    "criterion max is not the sum of its subs": (
        wb.edited(criteria=[(4, 4, 25)]),
        ("Bộ tiêu chí", 3, "D", "setup_sum"),
    ),
    "a sub-criterion without its parent": (
        wb.edited(criteria=[(4, 1, "2.1")]),
        ("Bộ tiêu chí", 4, "A", "setup_no_parent"),
    ),
    "a duplicate code": (wb.edited(criteria=[(5, 1, "1.1")]), ("Bộ tiêu chí", 5, "A", "setup_duplicate_code")),
    "a code that is not one": (wb.edited(criteria=[(3, 1, "A-1")]), ("Bộ tiêu chí", 3, "A", "setup_bad_code")),
    "four levels deep": (wb.edited(criteria=[(4, 1, "1.1.1")]), ("Bộ tiêu chí", 4, "A", "setup_too_deep")),
    "a maximum that is not a number": (wb.edited(criteria=[(3, 4, "sáu mươi")]), ("Bộ tiêu chí", 3, "D", "not_number")),
    "a maximum of zero": (wb.edited(criteria=[(4, 4, 0)]), ("Bộ tiêu chí", 4, "D", "setup_positive")),
    "a name missing": (wb.edited(criteria=[(3, 2, None)]), ("Bộ tiêu chí", 3, "B", "setup_required")),
    "a survey flag that is not yes or no": (
        wb.edited(criteria=[(6, 5, "có lẽ")]),
        ("Bộ tiêu chí", 6, "E", "setup_yes_no"),
    ),
    "an area with no criteria": (
        wb.edited(criteria=[(9, 1, "III"), (9, 2, "C"), (9, 4, 10), (6, 4, 30), (7, 4, 30), (8, 4, 30)]),
        ("Bộ tiêu chí", 9, "A", "setup_no_children"),
    ),
    "two areas with one comparison key": (wb.edited(criteria=[(6, 2, "A")]), ("Bộ tiêu chí", 6, "A", "setup_area_key")),
    "reuse of a set that does not exist": (
        wb.edited(settings=[(8, 1, "Dùng lại bộ tiêu chí"), (8, 2, "fw9")]),
        ("Thông tin", 8, "B", "setup_reuse_unknown"),
    ),
    "overlapping tier bands": (wb.edited(tiers=[(3, 6, 85)]), ("Xếp loại", 3, "F", "setup_tier_overlap")),
    "gapped tier bands": (wb.edited(tiers=[(3, 6, 75)]), ("Xếp loại", 3, "F", "setup_tier_gap")),
    "both bounds inclusive at the seam": (wb.edited(tiers=[(3, 7, "có")]), ("Xếp loại", 3, "F", "setup_tier_overlap")),
    "a band whose lower bound is above its upper": (
        wb.edited(tiers=[(3, 4, 90)]),
        ("Xếp loại", 3, "D", "setup_tier_bounds"),
    ),
    "a bound above the maximum": (wb.edited(tiers=[(2, 4, 120)]), ("Xếp loại", 2, "D", "setup_tier_range")),
    "a lowest band that does not start at 0": (
        wb.edited(tiers=[(4, 4, 10)]),
        ("Xếp loại", 4, "D", "setup_tier_bottom"),
    ),
    "a duplicate tier order": (wb.edited(tiers=[(3, 1, 1)]), ("Xếp loại", 3, "A", "setup_tier_order")),
    "a tier without a label": (wb.edited(tiers=[(3, 2, None)]), ("Xếp loại", 3, "B", "setup_required")),
    "a merge into a unit that does not exist": (
        wb.edited(changes=[(3, 3, "Đơn vị Không Có")]),
        ("Thay đổi đơn vị", 3, "C", "setup_successor_unknown"),
    ),
    "a change of a unit that does not exist": (
        wb.edited(changes=[(7, 2, "Đơn vị Zeta")]),
        ("Thay đổi đơn vị", 7, "B", "setup_unit_unknown"),
    ),
    "a lineage cycle": (
        wb.edited(
            changes=[
                (8, 1, "hợp nhất"),
                (8, 2, "Đơn vị Alpha"),
                (8, 3, "Đơn vị Newcomer"),
                (9, 1, "hợp nhất"),
                (9, 2, "Đơn vị Newcomer"),
                (9, 3, "Đơn vị Alpha"),
            ]
        ),
        ("Thay đổi đơn vị", 8, "B", "setup_cycle"),
    ),
    "a unit abolished twice": (
        wb.edited(changes=[(8, 1, "giải thể"), (8, 2, "huyện d2")]),
        ("Thay đổi đơn vị", 8, "B", "setup_ended_twice"),
    ),
    "a unit that ended before": (
        wb.edited(changes=[(8, 1, "giải thể"), (8, 2, "Đơn vị Cũ")]),
        ("Thay đổi đơn vị", 8, "B", "setup_ended_before"),
    ),
    "an effective date outside the year": (
        wb.edited(changes=[(3, 7, "01/03/2023")]),
        ("Thay đổi đơn vị", 3, "G", "setup_date_year"),
    ),
    "an effective date that is not a date": (
        wb.edited(changes=[(3, 7, "mùng một")]),
        ("Thay đổi đơn vị", 3, "G", "setup_date"),
    ),
    "a rename to a name already used in the group": (
        wb.edited(changes=[(5, 3, "Đơn vị Alpha")]),
        ("Thay đổi đơn vị", 5, "C", "setup_name_taken"),
    ),
    "a new unit whose name is a formula": (
        wb.edited(changes=[(2, 2, "=1+2 Sở A"), (3, 3, "=1+2 Sở A"), (4, 3, "=1+2 Sở A")]),
        ("Thay đổi đơn vị", 2, "B", "formula_name"),
    ),
    "an unknown kind of change": (
        wb.edited(changes=[(7, 1, "sáp nhập một phần")]),
        ("Thay đổi đơn vị", 7, "A", "setup_kind"),
    ),
    "a new unit id already taken": (
        wb.edited(changes=[(2, 4, "alpha")]),
        ("Thay đổi đơn vị", 2, "D", "setup_id_taken"),
    ),
    "a move to the group it is in": (
        wb.edited(changes=[(8, 1, "chuyển khối"), (8, 2, "Đơn vị Alpha"), (8, 6, "department")]),
        ("Thay đổi đơn vị", 8, "F", "setup_same_group"),
    ),
    "the file is for another year": (wb.edited(settings=[(2, 2, 2023)]), ("Thông tin", 2, "B", "setup_year_mismatch")),
}


def _annex_bad_total() -> bytes:
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(wb.annex()))
    book["Phụ lục 1"]["C14"] = 95
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_workbook_is_refused_with_its_sheet_row_and_column_and_changes_nothing(db, case):
    data, (sheet, row, letter, code) = BAD[case]
    data = data or _annex_bad_total()
    before = db.read_bytes()
    with pytest.raises(ImportRefused) as refused:
        setup_year("xau.xlsx", data, OPTIONS, db, editor="lan")
    found = [(p.sheet, p.row, (p.column or "").split(" ")[0], p.code) for p in refused.value.problems]
    assert (sheet, row, letter, code) in found, found
    assert db.read_bytes() == before
    problem = next(p for p in refused.value.problems if p.code == code)
    assert problem.text("vi").startswith(f"trang «{sheet}», dòng {row}, cột {letter}")
    assert problem.text("en").startswith(f"sheet '{sheet}', row {row}, column {letter}")


def test_there_are_at_least_twenty_bad_workbooks():
    assert len(BAD) >= 20


@pytest.mark.slow  # an end-to-end trial (another program, or a whole-dataset file)
def test_backup_and_restore_of_a_set_up_year_are_equal(db, tmp_path):
    setup_year("2022.xlsx", wb.good(), OPTIONS, db, editor="lan")
    import_file(
        "k.csv",
        "Tên đơn vị;I.1.1;I.1.2;II.1.1\nĐơn vị Alpha;30;28;35\nBê-ta;20;20;25\n".encode(),
        Options(2022, "department", "tinh-a"),
        db,
        editor="lan",
    )
    saved = tmp_path / "sao-luu.xlsx"
    saved.write_bytes(backup.to_xlsx(db))
    fresh = tmp_path / "fresh" / "par.duckdb"
    build(write_fixture(tmp_path / "data3"), fresh)
    backup.restore(saved, fresh, editor="lan")
    for sql in (
        "SELECT * EXCLUDE (import_id) FROM criterion ORDER BY ALL",
        "SELECT * EXCLUDE (import_id, source_id) FROM tier ORDER BY ALL",
        "SELECT * EXCLUDE (import_id, source_id) FROM framework ORDER BY ALL",
        "SELECT * EXCLUDE (import_id, source_id) FROM unit_lineage ORDER BY ALL",
        "SELECT * EXCLUDE (import_id) FROM unit ORDER BY ALL",
        "SELECT alias, unit_id FROM unit_alias ORDER BY ALL",
        "SELECT assessment_id, framework_id, max_total, status FROM assessment ORDER BY ALL",
        "SELECT * EXCLUDE (import_id, source_id) FROM result ORDER BY ALL",
        "SELECT * EXCLUDE (import_id) FROM score ORDER BY ALL",
    ):
        assert rows(fresh, sql) == rows(db, sql), sql


@pytest.mark.slow  # several command-line processes, each building a database
def test_the_command_line_sets_up_a_year_and_refuses_a_bad_one(db, tmp_path):
    good, bad = tmp_path / "2022.xlsx", tmp_path / "xau.xlsx"
    good.write_bytes(wb.good())
    bad.write_bytes(BAD["gapped tier bands"][0])
    command = [
        sys.executable,
        "-m",
        "parindex",
        "setup-year",
        "--year",
        "2022",
        "--group",
        "department",
        "--jurisdiction",
        "tinh-a",
        "--db",
        str(db),
    ]
    refused = subprocess.run([*command[:4], str(bad), *command[4:]], capture_output=True, text=True, cwd=ROOT)
    assert refused.returncode == 1
    assert (
        "trang «Xếp loại», dòng 3, cột F (Đến (điểm)): khoảng trống giữa «Tốt» (từ 80) và «Khá» (đến 75)"
        in refused.stderr
    )
    assert (
        "sheet 'Xếp loại', row 3, column F (Đến (điểm)): a gap between 'Tốt' (from 80) and 'Khá' (up to 75)"
        in refused.stderr
    )
    done = subprocess.run([*command[:4], str(good), *command[4:]], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        "set up tinh-a-2022-department (draft): criteria set tinh-a-2022-department "
        "(7 items), 3 tiers, 2 new units, 4 unit changes, 3 aliases"
    )


def test_a_year_without_bands_says_why_its_totals_have_no_tiers(db, use_db):
    from test_app import open_app

    use_db(db)
    import_file(
        "k.csv",
        "Tên đơn vị;Tổng điểm\nĐơn vị Alpha;91\nĐơn vị Beta;84\n".encode(),
        Options(2022, "department", "tinh-a", status="published"),
        db,
        editor="lan",
    )
    at = open_app(str(ROOT / "pages" / "rankings.py"), y="2022", g="department")
    assert not at.exception, at.exception
    assert (
        "Năm 2022 chưa được thiết lập các mức xếp loại, nên tổng điểm được hiển thị không kèm xếp loại "
        "(biên tập viên thiết lập ở Quản trị → Thiết lập năm)."
    ) in [c.value for c in at.caption]
    tiered = open_app(str(ROOT / "pages" / "rankings.py"), y="2021", g="department")
    assert not any("chưa được thiết lập các mức xếp loại" in c.value for c in tiered.caption)


@pytest.mark.slow  # the README's commands end to end on the embedded dataset
def test_the_readme_example_is_what_its_generator_writes_and_runs(embedded_db, tmp_path):
    sys.path.insert(0, str(ROOT / "examples"))
    import make_examples

    for name, make in make_examples.FILES.items():
        content = make()
        if name.endswith(".xlsx"):  # a workbook carries the time it was written: compare its cells
            assert _cells((ROOT / "examples" / name).read_bytes()) == _cells(content)
        else:
            assert (ROOT / "examples" / name).read_text(encoding="utf-8") == content
    db = tmp_path / "thu" / "par.duckdb"
    db.parent.mkdir()
    db.write_bytes(embedded_db.read_bytes())
    steps = [
        ["setup-year", "examples/thiet-lap-2026-so-nganh-minh-hoa.xlsx"],
        ["import", "examples/ket-qua-2026-so-nganh-minh-hoa.csv"],
        ["publish", "--decision", "MINH HỌA", "--date", "2027-03-30"],
    ]
    for step in steps:
        done = subprocess.run(
            [sys.executable, "-m", "parindex", *step, "--year", "2026", "--group", "department", "--db", str(db)],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        assert done.returncode == 0, done.stderr
    assert rows(db, "SELECT status, framework_id FROM assessment WHERE assessment_id = 'lao-cai-2026-department'") == [
        ("published", "ill-2025-department")
    ]
    assert rows(
        db,
        "SELECT count(*), count(*) FILTER (provenance = 'illustrative') FROM result "
        "WHERE assessment_id = 'lao-cai-2026-department'",
    ) == [(13, 13)]
    assert rows(
        db,
        "SELECT predecessor_id, successor_id, kind, last_year FROM unit_lineage "
        "JOIN unit ON unit_id = predecessor_id WHERE year = 2026",
    ) == [("so-ngoai-vu-2025", "van-phong-ubnd-2025", "merge", 2025)]


def _cells(data: bytes) -> dict[str, list[tuple]]:
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


def test_the_criteria_page_reads_a_set_up_year_by_its_own_areas(db, use_db):
    from test_app import open_app, open_tab

    use_db(db)
    setup_year("2022.xlsx", wb.good(), OPTIONS, db, editor="lan")
    import_file(
        "k.csv",
        "Tên đơn vị;I.1.1;I.1.2;II.1.1\nĐơn vị Alpha;30;28;35\nBê-ta;20;20;25\n".encode(),
        Options(2022, "department", "tinh-a", status="published"),
        db,
        editor="lan",
    )
    at = open_app(str(ROOT / "pages" / "criteria.py"), y="2022", g="department")
    assert not at.exception, at.exception
    # areas are I and II in the decision's numbering, compared with earlier sets by their keys A and S
    assert rows(
        db,
        "SELECT criterion_id, area_key, final_points FROM node_score WHERE level = 'area' "
        "AND unit_id = 'alpha' AND assessment_id = 'tinh-a-2022-department' ORDER BY 1",
    ) == [("I", "A", Decimal("58")), ("II", "S", Decimal("35"))]
    for section in ("Điểm bị mất ở đâu", "Tự đánh giá so với thẩm định"):
        assert not open_tab(at, "criteria_tab", section).exception, section
    assert "Năm 2022 không có điểm tự đánh giá của các đơn vị (chỉ có điểm thẩm định), nên không so sánh được." in [
        i.value for i in at.info
    ]
