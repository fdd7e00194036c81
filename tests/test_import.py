"""Import: bad files refused with their row and column (the database untouched, no file left
behind), good files in several real-world shapes giving the same result, the command line."""

from __future__ import annotations

import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from import_corpus import EXPECTED_2022, bad_files, good_files, write
from import_corpus import csv as csv_rows
from parindex.importing.commit import import_file, preview
from parindex.importing.messages import ImportRefused
from parindex.importing.plan import Options
from parindex.paths import ROOT

BAD = bad_files()
GOOD = good_files()


@pytest.fixture
def db(fixture_copy) -> Path:
    return fixture_copy


def totals(db: Path, year: int, group: str = "department") -> dict[str, float]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            """SELECT r.unit_id, r.total FROM result r JOIN assessment a USING (assessment_id)
                              WHERE a.year = ? AND a.unit_group = ?""",
            [year, group],
        ).fetchall()
    return {u: float(t) for u, t in rows}


@pytest.mark.parametrize("case", BAD)
def test_a_bad_file_is_refused_with_its_row_and_column_and_changes_nothing(db, case):
    name, data, changes, (row, column, code) = BAD[case]
    options = Options(**{"year": 2022, "group": "department", **changes})
    before = db.read_bytes()
    started = time.perf_counter()
    with pytest.raises(ImportRefused) as refused:
        import_file(name, data, options, db, editor="test")
    assert time.perf_counter() - started < 10
    found = [(p.row, p.column, p.code) for p in refused.value.problems]
    assert (row, column, code) in found, found
    assert db.read_bytes() == before
    assert [p.name for p in db.parent.iterdir()] == ["par.duckdb"]  # no temp file left
    for problem in refused.value.problems:  # both languages, in the promised form
        assert problem.text("vi").startswith("dòng ") and problem.text("en").startswith("row ")


def test_the_corpus_is_large_enough():
    assert len(BAD) >= 25


def test_an_unknown_unit_suggests_the_closest_names(db):
    name, data, _, _ = BAD["unknown unit"]
    problems = preview(name, data, Options(2022, "department"), db).problems
    (problem,) = problems
    assert problem.text("en") == (
        "row 5, column B (Tên đơn vị): no unit 'Đơn vị Gama' among the departments of "
        "Province A; did you mean: Đơn vị Gamma; Đơn vị Alpha; Đơn vị Mới?"
    )
    assert problem.text("vi").startswith(
        "dòng 5, cột B (Tên đơn vị): không có đơn vị «Đơn vị Gama» trong khối sở, "
        "ban, ngành của tỉnh A; có phải: Đơn vị Gamma;"
    )


@pytest.mark.parametrize("case", GOOD)
def test_good_files_in_real_world_shapes_give_the_same_result(db, case):
    name, data = GOOD[case]
    done = import_file(name, data, Options(2022, "department"), db, editor="test")
    assert (done.rows, done.problems) == (3, [])
    assert totals(db, 2022) == EXPECTED_2022


def test_the_annex_shape_keeps_its_parts_and_ranks(db):
    name, data = GOOD["annex-merged.xlsx"]
    plan = preview(name, data, Options(2022, "department"), db)
    assert plan.skipped == [10]  # the mean row under the table
    rows = {r["unit_id"]: r for r in plan.frames["result"].to_dict("records")}
    assert (rows["alpha"]["self_total"], rows["alpha"]["appraised"], rows["alpha"]["survey"]) == (
        Decimal("64.00"),
        Decimal("62.5"),
        Decimal("29"),
    )
    assert rows["gamma"]["published_rank"] == 3


def test_scores_per_criterion_wide_or_long_give_the_same_rows(db, tmp_path):
    wide = write(
        tmp_path,
        "wide.csv",
        "\n".join(
            [
                "KẾT QUẢ NĂM 2021",
                "Tên đơn vị;A.1.a;A.1.b;S.1.a;Tổng điểm",
                "Đơn vị Alpha;29;25;37;91",
                "Đơn vị Beta;30;24,5;35;89,5",
            ]
        ).encode(),
    )
    long = write(
        tmp_path,
        "long.csv",
        "\n".join(
            ["Đơn vị,Mã tiêu chí,Điểm"]
            + [
                f"{unit},{c},{p}"
                for unit, scores in (("Đơn vị Alpha", (29, 25, 37)), ("Đơn vị Beta", (30, 24.5, 35)))
                for c, p in zip(("A.1.a", "A.1.b", "S.1.a"), scores)
            ]
        ).encode(),
    )
    options = Options(2021, "department", replace=True)
    plans = [preview(p.name, p.read_bytes(), options, db) for p in (wide, long)]
    assert [p.problems for p in plans] == [[], []]
    frames = [
        p.frames["score"].sort_values(["unit_id", "criterion_id"])[["unit_id", "criterion_id", "final_points"]]
        for p in plans
    ]
    assert frames[0].values.tolist() == frames[1].values.tolist()
    import_file(long.name, long.read_bytes(), options, db, editor="test")
    assert totals(db, 2021) == {"alpha": 91.0, "beta": 89.5}  # replaced: the other units are gone
    assert preview(wide.name, wide.read_bytes(), options, db).diff["removed"] == []


def test_replace_shows_a_diff_of_units_and_totals(db):
    first = GOOD["semicolon-comma.csv"]
    import_file(*first, Options(2022, "department"), db, editor="test")
    changed = (
        "a.csv",
        good_files()["semicolon-comma.csv"][1]
        .replace(b"88,25", b"89")
        .replace("Đơn vị Gamma".encode(), "Đơn vị Delta".encode()),
    )
    plan = preview(*changed, Options(2022, "department"), db)
    assert [p.code for p in plan.problems] == ["exists"]
    assert plan.diff == {
        "added": ["Đơn vị Delta"],
        "removed": ["Đơn vị Gamma"],
        "changed": [("Đơn vị Beta", Decimal("88.25"), Decimal("89"))],
    }
    import_file(*changed, Options(2022, "department", replace=True), db, editor="test")
    assert totals(db, 2022) == {"alpha": 91.5, "beta": 89.0, "delta": 70.0}


def test_create_units_for_a_new_jurisdiction(db):
    data = good_files()["semicolon-comma.csv"][1].replace("Đơn vị".encode(), "Sở".encode())
    options = Options(2022, "department", jurisdiction="tinh-b")
    assert [p.code for p in preview("b.csv", data, options, db).problems] == ["unknown_jurisdiction"]
    done = import_file(
        "b.csv", data, Options(2022, "department", jurisdiction="tinh-b", create_units=True), db, editor="test"
    )
    assert done.new_units == ["Sở Alpha", "Sở Beta", "Sở Gamma"]
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT unit_id FROM unit WHERE jurisdiction_id = 'tinh-b' ORDER BY 1").fetchall() == [
            ("so-alpha",),
            ("so-beta",),
            ("so-gamma",),
        ]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "parindex", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow  # an end-to-end trial (another program, or a whole-dataset file)
def test_command_line_import_and_refusal(db, tmp_path):
    bad = write(tmp_path, "bad.csv", BAD["score above its maximum"][1])
    before = db.read_bytes()
    refused = cli("import", str(bad), "--year", "2022", "--group", "department", "--db", str(db))
    assert refused.returncode == 1
    assert refused.stderr.splitlines() == [
        "dòng 4, cột C (Tổng điểm): 101 vượt quá điểm tối đa 100",
        "row 4, column C (Tổng điểm): 101 is above the maximum of 100",
    ]
    assert db.read_bytes() == before
    good = write(tmp_path, "good.csv", GOOD["semicolon-comma.csv"][1])
    done = cli("import", str(good), "--year", "2022", "--group", "department", "--db", str(db), "--editor", "lan")
    assert done.returncode == 0, done.stderr
    assert "imported tinh-a-2022-department: 3 rows, status draft" in done.stdout
    again = cli("import", str(good), "--year", "2022", "--group", "department", "--db", str(db))
    assert again.returncode == 1 and "--replace" in again.stderr


def test_the_template_filled_in_imports(db):
    import io

    from openpyxl import load_workbook

    from parindex.importing.drafts import named
    from parindex.importing.template import template_xlsx

    units = named(db, "units", jurisdiction="tinh-a", group="department")
    book = load_workbook(io.BytesIO(template_xlsx(units)))
    assert book.sheetnames == ["Kết quả", "Hướng dẫn"]
    sheet = book["Kết quả"]
    assert [c.value for c in sheet[1]] == [
        "Mã đơn vị",
        "Tên đơn vị",
        "Tổng điểm",
        "Điểm tự đánh giá",
        "Điểm thẩm định",
        "Điểm điều tra XHH",
        "Xếp hạng",
    ]
    for row in sheet.iter_rows(min_row=2):
        row[2].value = EXPECTED_2022.get(row[0].value)
    buffer = io.BytesIO()
    book.save(buffer)
    done = import_file("mau.xlsx", buffer.getvalue(), Options(2022, "department"), db, editor="test")
    assert done.rows == 3 and totals(db, 2022) == EXPECTED_2022  # the rows left blank are skipped


def test_the_preview_lists_the_columns_it_does_not_use_but_not_stt(db):
    data = csv_rows([["STT", "Tên đơn vị", "Tổng điểm", "Ghi chú", "Người ký"], [1, "Đơn vị Alpha", "90", "x", "y"]])
    plan = preview("a.csv", data, Options(2022, "department"), db)
    assert plan.ok and plan.ignored == ["E (Người ký)"]  # Ghi chú (notes) and STT are meant to be left
