"""No file the project writes runs a unit name as a formula (OWASP's CSV injection advice), and an
import refuses a unit name that is one.

The fixture's units are renamed '=1+2 Sở A', '+SUM(A1)', '-2+3' and '@cmd' (as if a file had
brought them in before imports refused such names); every writer is fed them: the command line
export, a chart's or table's data downloads (CSV and XLSX), the full-dataset workbook, the press
kit, the backup (XLSX and CSV folder) and the import template. XLSX files are read back with
openpyxl: no cell is a formula, the names are the plain text, numbers (negative ones too) stay
numbers. CSV text cells that a spreadsheet would run start with an apostrophe.
"""

from __future__ import annotations

import copy
import csv
import io
import re
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from openpyxl import load_workbook

from fixture_data import TABLES, write_fixture
from parindex import cells, export, presskit
from parindex.build import build
from parindex.db import query
from parindex.i18n import Translator
from parindex.importing import backup, plan
from parindex.importing.commit import import_file
from parindex.importing.drafts import named
from parindex.importing.messages import ImportRefused
from parindex.importing.plan import Options
from parindex.importing.template import template_xlsx
from parindex.paths import ROOT

NAMES = {"alpha": "=1+2 Sở A", "beta": "+SUM(A1)", "gamma": "-2+3", "delta": "@cmd"}
NAME_VALUES = tuple(NAMES.values())


def formula_overrides() -> dict[str, list[dict]]:
    units = copy.deepcopy(TABLES["units"])
    for unit in units:
        if unit["unit_id"] in NAMES:
            name = NAMES[unit["unit_id"]]
            unit.update(name_vi=name, name_en=name, short_vi=name, short_en=name)
    return {"units": units}


@pytest.fixture(scope="module")
def formula_data(tmp_path_factory) -> Path:
    return write_fixture(tmp_path_factory.mktemp("formula") / "data", formula_overrides())


@pytest.fixture(scope="module")
def formula_db(formula_data) -> Path:
    db = formula_data.parent / "db" / "par.duckdb"
    build(formula_data, db)
    return db


def unit_names(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT unit_id, name_vi FROM unit ORDER BY unit_id").fetchall()


# --- what the checks below mean -------------------------------------------------------------


def is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def csv_cells(text: str) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(text)))
    assert rows, "an empty file"
    return rows


def assert_csv_safe(text: str, names: tuple[str, ...] = NAME_VALUES) -> list[list[str]]:
    """No cell begins with = + - @ tab or CR unless it is a number; the names are there, escaped."""
    rows = csv_cells(text)
    for row in rows:
        for cell in row:
            assert not (cell[:1] in cells.TRIGGERS and not is_number(cell)), (cell, row)
    found = {cell for row in rows for cell in row}
    for name in names:
        assert "'" + name in found, name
    return rows


def assert_xlsx_safe(data: bytes, names: tuple[str, ...] = NAME_VALUES) -> dict[str, list[list]]:
    """No cell is a formula; the names are plain strings, exactly as stored."""
    book = load_workbook(io.BytesIO(data))
    values = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
        values[sheet.title] = [[c.value for c in row] for row in sheet.iter_rows()]
    strings = {v for rows in values.values() for row in rows for v in row if isinstance(v, str)}
    for name in names:
        assert name in strings, name
    formula_like = [
        c
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value[:1] in cells.TRIGGERS
    ]
    assert formula_like and all(c.data_type == "s" and c.quotePrefix for c in formula_like)
    return values


# --- the rule itself ------------------------------------------------------------------------


def test_the_rule_escapes_text_that_would_be_a_formula_and_nothing_else():
    for text in ("=1+2 Sở A", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", "'=1", "''-2"):
        assert cells.neutral(text) == "'" + text
        assert cells.restored(cells.neutral(text)) == text
    for value in ("Sở A", "'quoted'", "", "—", None, -0.73, -1, Decimal("-2.5"), 3):
        assert cells.neutral(value) is value
        assert cells.restored(value) is value
    frame = pd.DataFrame({"name": ["Sở A", "-2+3"], "change": [-0.73, 1.0], "moved": [-1, 2]})
    assert cells.csv_text(frame) == "name,change,moved\nSở A,-0.73,-1\n'-2+3,1.0,2\n"
    plain = pd.DataFrame({"name": ["Sở A"], "change": [-0.73]})
    assert cells.neutral_frame(plain) is plain  # nothing to do: pandas writes it as before


def test_every_csv_and_xlsx_writer_goes_through_cells():
    """A new writer must not bypass parindex.cells: only the generators of data/'s own source
    files (read by the build, not opened in a spreadsheet) write CSV themselves."""
    writer = re.compile(r"\.to_csv\(|\.to_excel\(|ExcelWriter|csv\.writer|DictWriter|Workbook\(|xlsxwriter")
    allowed = {"parindex/cells.py", "parindex/demo.py", "parindex/generate.py"}
    found = {
        str(p.relative_to(ROOT))
        for folder in ("parindex", "pages")
        for p in (ROOT / folder).rglob("*.py")
        if writer.search(p.read_text(encoding="utf-8"))
    }
    assert found <= allowed, found - allowed


# --- each writer ----------------------------------------------------------------------------


def test_the_command_line_export(formula_db, capsys):
    from parindex.__main__ import main

    assert main(["export", "--year", "2021", "--group", "department", "--db", str(formula_db)]) == 0
    rows = assert_csv_safe(capsys.readouterr().out)
    header = rows[0]
    alpha = dict(zip(header, next(r for r in rows if r[header.index("unit_id")] == "alpha")))
    assert (alpha["name_vi"], alpha["name_en"], alpha["total"], alpha["rank"]) == (
        "'=1+2 Sở A",
        "'=1+2 Sở A",
        "90.0",
        "1",
    )


@pytest.fixture
def views(formula_db, use_db) -> dict[str, pd.DataFrame]:
    """Frames shaped as the pages shape their downloads (parindex.ui: export.tidy), and the
    command line's (ranking_data)."""
    use_db(formula_db)
    place = {"jurisdiction": "tinh-a", "group": "department"}
    moves = query("rank_movement", **place, **{"from": 2020, "to": 2021}).dropna(subset=["moved"])
    ranking = query("ranking", **place, year=2021)
    return {
        "ranking": export.ranking_data(ranking, 2021, "department"),
        "ranking_view": export.tidy(ranking, year=2021, group="department"),
        "moves": export.tidy(moves, group="department", year=2021),
        "dataset": query("dataset_results"),
    }


VI = Translator("vi")


def test_the_data_downloads_csv(views):
    rows = assert_csv_safe(export.reader_csv(views["moves"], VI).decode("utf-8-sig"), names=("=1+2 Sở A", "+SUM(A1)"))
    header = rows[0]
    beta = dict(zip(header, next(r for r in rows if r[header.index("Đơn vị")] == "'+SUM(A1)")))
    assert beta["Số bậc thay đổi"] == "-1"  # a number, not "'-1"
    ranking = assert_csv_safe(
        export.reader_csv(views["ranking_view"], VI, export.RANKING_COLUMNS).decode("utf-8-sig"),
        names=("=1+2 Sở A", "+SUM(A1)"),
    )
    assert any(r[ranking[0].index("Thay đổi điểm")].startswith("-") for r in ranking[1:])  # a negative change
    assert_csv_safe(export.csv_bytes(views["ranking"]).decode("utf-8-sig"))
    assert_csv_safe(export.csv_bytes(views["dataset"]).decode("utf-8-sig"))


def test_the_data_downloads_xlsx(views):
    values = assert_xlsx_safe(
        export.xlsx({"data": export.reader_table(views["moves"], VI)}, {"source": "-SRC", "view": "=HYPERLINK()"}, VI),
        names=("=1+2 Sở A", "+SUM(A1)", "-SRC", "=HYPERLINK()"),
    )
    header, *rows = values["data"]
    beta = dict(zip(header, next(r for r in rows if r[header.index("Đơn vị")] == "+SUM(A1)")))
    assert beta["Số bậc thay đổi"] == -1
    sheet = load_workbook(io.BytesIO(export.reader_xlsx(views["ranking_view"], {}, VI, export.RANKING_COLUMNS)))
    data = sheet[VI("file.data_sheet")]
    heading = [c.value for c in data[1]]
    numbers = [
        row[heading.index(column)] for row in data.iter_rows(min_row=2) for column in ("Thay đổi điểm", "Thay đổi hạng")
    ]
    assert any(c.value < 0 for c in numbers) and all(c.data_type == "n" for c in numbers if c.value is not None)
    workbook = export.xlsx({"results": views["dataset"], "ranking": views["ranking"]}, {"source": "S"}, VI)
    assert_xlsx_safe(workbook)
    read = pd.read_excel(io.BytesIO(workbook), sheet_name="ranking")
    assert set(NAMES.values()) <= set(read["name_vi"])  # Excel and pandas read the names as written


def test_the_press_kit(formula_db, use_db, monkeypatch):
    use_db(formula_db)
    monkeypatch.setattr(presskit.images, "render", lambda fig, fmt, shape: b"")  # the data is under test here
    kit = zipfile.ZipFile(io.BytesIO(presskit.build(presskit.View("tinh-a", "department", 2021, "vi"))))
    data = [n for n in kit.namelist() if n.endswith((".csv", ".xlsx"))]
    assert {n for n in data if n.endswith(".xlsx")} == {n[:-4] + ".xlsx" for n in data if n.endswith(".csv")}
    assert_csv_safe(
        kit.read("chi-so-cchc_2021_so-nganh_xep-hang.csv").decode("utf-8-sig"), names=("=1+2 Sở A", "+SUM(A1)")
    )
    assert_xlsx_safe(kit.read("chi-so-cchc_2021_so-nganh_xep-hang.xlsx"), names=("=1+2 Sở A", "+SUM(A1)"))
    for name in data:
        if name.endswith(".csv"):
            assert_csv_safe(kit.read(name).decode("utf-8-sig"), names=())


def test_the_template(formula_db):
    units = named(formula_db, "units", jurisdiction="tinh-a", group="department")
    rows = assert_xlsx_safe(template_xlsx(units))["Kết quả"]
    assert next(r for r in rows if r[0] == "alpha")[:2] == ["alpha", "=1+2 Sở A"]


@pytest.fixture
def legacy_db(formula_data, formula_db, tmp_path, monkeypatch) -> Path:
    """The database as an import made it before such names were refused: a unit created by an
    import ('=SUM(1) Sở mới', in the backup's own table of created units) beside data/'s."""
    db = tmp_path / "db" / "par.duckdb"
    db.parent.mkdir()
    shutil.copy(formula_db, db)
    with monkeypatch.context() as before_the_fix:
        before_the_fix.setattr(plan, "formula_like", lambda name: False)
        content = "Tên đơn vị;Tổng điểm\n=1+2 Sở A;91,5\n=SUM(1) Sở mới;80\n-2+3;70\n".encode()
        import_file(
            "cu.csv", content, Options(2022, "department", create_units=True), db, editor="test", data_dir=formula_data
        )
    return db


@pytest.mark.parametrize("shape", ["xlsx", "csv"])
def test_the_backup_is_safe_and_reads_back_to_the_same_names(formula_data, legacy_db, tmp_path, shape):
    names = (*NAMES.values(), "=SUM(1) Sở mới")
    if shape == "xlsx":
        target = tmp_path / "sao-luu.xlsx"
        target.write_bytes(backup.to_xlsx(legacy_db))
        assert_xlsx_safe(target.read_bytes(), names=names)
    else:
        target = tmp_path / "sao-luu"
        backup.to_folder(legacy_db, target)
        for path in target.glob("*.csv"):
            assert_csv_safe(path.read_bytes().decode("utf-8-sig"), names=())
        every = "\n".join(p.read_bytes().decode("utf-8-sig") for p in target.glob("*.csv"))
        assert_csv_safe(every, names=names)
    fresh = tmp_path / "fresh" / "par.duckdb"
    build(formula_data, fresh)
    with duckdb.connect(str(legacy_db), read_only=True) as con:
        assessments = con.execute("SELECT count(DISTINCT assessment_id) FROM result").fetchone()[0]
    assert backup.restore(target, fresh, editor="test", data_dir=formula_data) == assessments
    assert "=SUM(1) Sở mới" in {name for _, name in unit_names(fresh)}
    assert unit_names(fresh) == unit_names(legacy_db)


# --- the import refuses such a name ---------------------------------------------------------


@pytest.fixture
def db(formula_db, tmp_path) -> Path:
    target = tmp_path / "db" / "par.duckdb"
    target.parent.mkdir()
    shutil.copy(formula_db, target)
    return target


@pytest.mark.parametrize("name", ["=1+2 Sở A", "+SUM(A1)", "-2+3", "@cmd", "'=1+2 Sở A"])
def test_an_import_refuses_a_unit_name_that_is_a_formula(db, name):
    content = f"STT;Tên đơn vị;Tổng điểm\n1;Sở Mới;90\n2;{name};91,5\n".encode()
    before = db.read_bytes()
    with pytest.raises(ImportRefused) as refused:
        import_file("ket-qua.csv", content, Options(2022, "department", create_units=True), db, editor="test")
    (problem,) = refused.value.problems
    assert (problem.row, problem.column, problem.code) == (3, "B (Tên đơn vị)", "formula_name")
    assert problem.text("vi") == (
        f"dòng 3, cột B (Tên đơn vị): tên đơn vị «{name}» bắt đầu bằng =, +, - hoặc @, "
        "bảng tính sẽ hiểu là công thức; hãy sửa tên"
    )
    assert problem.text("en") == (
        f"row 3, column B (Tên đơn vị): the unit name '{name}' begins with =, +, - or @, "
        "which spreadsheets run as a formula; correct the name"
    )
    assert db.read_bytes() == before
    assert [p.name for p in db.parent.iterdir()] == ["par.duckdb"]


def test_an_xlsx_cell_of_text_that_looks_like_a_formula_is_refused_too(db):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Tên đơn vị", "Tổng điểm"])
    sheet.append(["Sở Mới", 90])
    sheet.append(["x", 91.5])
    sheet["A3"].value, sheet["A3"].data_type = "=1+2 Sở A", "s"  # typed as '=1+2 Sở A: text, not a formula
    buffer = io.BytesIO()
    book.save(buffer)
    before = db.read_bytes()
    with pytest.raises(ImportRefused) as refused:
        import_file(
            "ket-qua.xlsx", buffer.getvalue(), Options(2022, "department", create_units=True), db, editor="test"
        )
    assert [(p.row, p.column, p.code) for p in refused.value.problems] == [(3, "A (Tên đơn vị)", "formula_name")]
    assert db.read_bytes() == before


def test_the_command_line_import_prints_the_refusal(db, tmp_path, capsys):
    from parindex.__main__ import main

    source = tmp_path / "ket-qua.csv"
    source.write_text("Tên đơn vị;Tổng điểm\n=1+2 Sở A;91,5\n", encoding="utf-8")
    before = db.read_bytes()
    assert (
        main(["import", str(source), "--year", "2022", "--group", "department", "--create-units", "--db", str(db)]) == 1
    )
    assert capsys.readouterr().err.splitlines() == [
        "dòng 2, cột A (Tên đơn vị): tên đơn vị «=1+2 Sở A» bắt đầu bằng =, +, - hoặc @, bảng tính sẽ hiểu là "
        "công thức; hãy sửa tên",
        "row 2, column A (Tên đơn vị): the unit name '=1+2 Sở A' begins with =, +, - or @, which spreadsheets "
        "run as a formula; correct the name",
    ]
    assert db.read_bytes() == before
