"""A year's set-up workbook read into plain rows: the criteria set, the tier bands, the unit
changes and a few settings, each row with the sheet, row and column it came from.

Two shapes give the same rows: the project's template (one sheet per part, a header in row 1)
and the decision's annex as it is printed (title rows above a merged header, Roman numerals for
areas, a "Tổng cộng" row). Sheets are told apart by their name, else by their header row.
Reading checks only what one cell can say (a number, a date, a code); the rules across rows and
against the database are parindex.importing.setup's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from parindex.importing import headings
from parindex.importing.messages import ImportProblem
from parindex.importing.plan import _number_or_none
from parindex.importing.sheet import Grid, column_name

HEADER_SEARCH = 30
SHEETS = {  # folded sheet names -> part
    "criteria": ("bo tieu chi", "tieu chi", "criteria", "criteria set", "phu luc"),
    "tiers": ("xep loai", "muc xep loai", "tiers", "tier bands"),
    "changes": ("thay doi don vi", "thay doi", "unit changes", "changes"),
    "settings": ("thong tin", "thong tin chung", "settings"),
}
# (field, patterns) per part, matched on folded headings as in parindex.importing.headings
COLUMNS = {
    "criteria": (
        ("area_key", (r"\bma linh vuc\b", r"^area key$")),
        ("code", (r"^ma$", r"^ma so$", r"^tt$", r"^stt$", r"^so tt$", r"^code$", r"\bma tieu chi\b")),
        ("name_en", (r"\btieng anh\b", r"^english\b", r"^name en", r"^name \(en")),
        ("short_vi", (r"^ten ngan$",)),
        ("short_en", (r"^short name", r"^ten ngan tieng anh$")),
        ("max_points", (r"\bdiem toi da\b", r"\bdiem chuan\b", r"^toi da$", r"^max", r"\bthang diem\b")),
        ("survey", (r"\bdieu tra\b", r"\bxhh\b", r"^survey")),
        ("name_vi", (r"\blinh vuc\b", r"\btieu chi\b", r"\bnoi dung\b", r"^ten\b", r"^name\b")),
    ),
    "tiers": (
        ("tier_order", (r"^thu tu$", r"^order$", r"^tt$", r"^stt$")),
        ("code", (r"^ma$", r"^code$")),
        ("label_en", (r"\btieng anh\b", r"^english\b", r"^label en")),
        ("lower_inclusive", (r"\bgom can duoi\b", r"^lower inclusive")),
        ("upper_inclusive", (r"\bgom can tren\b", r"^upper inclusive")),
        ("lower", (r"^tu\b", r"\bcan duoi\b", r"^lower", r"^from\b")),
        ("upper", (r"^den\b", r"\bcan tren\b", r"^upper", r"^to\b")),
        ("label_vi", (r"\bxep loai\b", r"\bmuc\b", r"^ten\b", r"^label", r"^tier")),
    ),
    "changes": (
        ("kind", (r"\bloai thay doi\b", r"^thay doi$", r"^change$", r"^kind")),
        ("new_id", (r"\bma don vi moi\b", r"^new unit id")),
        ("new_name", (r"\bdon vi moi\b", r"\bten moi\b", r"^new name", r"^successor", r"^new unit")),
        # a note: on a 'new' row the unit's own (e.g. a name no source confirms), else the change's
        ("note_en", (r"^ghi chu tieng anh$", r"^note en", r"^note \(en")),
        ("note_vi", (r"^ghi chu$", r"^note$", r"^note vi", r"^note \(vi")),
        ("name_en", (r"\btieng anh\b", r"^english\b", r"^name en")),
        ("short_vi", (r"^ten ngan$", r"^short")),
        ("group", (r"^khoi\b", r"^group")),
        ("effective_date", (r"\bngay hieu luc\b", r"^hieu luc\b", r"^effective")),
        ("decision_no", (r"\bquyet dinh\b", r"\bnghi quyet\b", r"^decision")),
        ("aliases", (r"\bten goi khac\b", r"^alias")),
        ("unit", (r"^don vi\b", r"^ten don vi\b", r"^unit\b")),
    ),
}
REQUIRED = {"criteria": ("code", "name_vi", "max_points"), "tiers": ("label_vi",), "changes": ("kind", "unit")}
SETTINGS = (  # (field, patterns) of the settings sheet's first column
    ("year", (r"^nam$", r"^year$")),
    ("group", (r"^khoi\b", r"^group")),
    ("name_en", (r"\bten tieng anh\b", r"\bname in english\b", r"^name en")),
    ("name_vi", (r"\bten bo tieu chi\b", r"^criteria set name")),
    ("max_total", (r"\btong diem toi da\b", r"^maximum total")),
    ("reuses", (r"\bdung lai\b", r"^reuses")),
    ("framework_id", (r"\bma bo tieu chi\b", r"^criteria set id")),
    ("provenance", (r"\bnguon so lieu\b", r"^provenance")),
    ("decision_no", (r"\bquyet dinh\b", r"^decision")),
)
_ROMAN = re.compile(r"^(?=[IVXL])(L?X{0,3})(IX|IV|V?I{0,3})$")
_ARABIC = re.compile(r"^\d+(\.\d+)*$")
_TOTAL_ROW = re.compile(r"^(tong cong|tong diem|tong so|cong|tong)\b")
YES = ("x", "co", "yes", "true", "1", "dieu tra xhh", "xhh")
NO = ("", "khong", "no", "false", "0")


@dataclass
class Cell:
    """A value and where it came from (for messages)."""

    value: object
    sheet: str | None
    row: int
    column: str


@dataclass
class Part:
    """One part of the workbook: its rows as {field: Cell}, and the stated total (criteria)."""

    sheet: str | None
    header_row: int
    rows: list[dict[str, Cell]] = field(default_factory=list)
    stated_total: Cell | None = None


@dataclass
class SetupBook:
    criteria: Part | None = None
    tiers: Part | None = None
    changes: Part | None = None
    settings: dict[str, Cell] = field(default_factory=dict)


def read_workbook(grids: list[Grid], problems: list[ImportProblem]) -> SetupBook:
    book = SetupBook()
    for grid in grids:
        for (r, c), formula in grid.formulas.items():  # a formula Excel never computed: never a guess
            problems.append(ImportProblem(r, column_name(c), "formula", {"formula": formula}, sheet=grid.sheet))
        part = _part_of(grid)
        if part == "settings":
            book.settings = _settings(grid)
        elif part and getattr(book, part) is None:
            setattr(book, part, _read_part(grid, part, problems))
    return book


def _part_of(grid: Grid) -> str | None:
    name = headings.fold(grid.sheet or "")
    for part, names in SHEETS.items():
        if name in names:
            return part
    if name in ("huong dan", "instructions"):
        return None
    for part in ("criteria", "tiers", "changes"):  # an annex sheet named otherwise: by its header
        if _find_header(grid, part) is not None:
            return part
    return None


def _find_header(grid: Grid, part: str) -> tuple[int, dict[int, str], int] | None:
    """(header row number, {column index: field}, first data row index) or None."""
    for i, row in enumerate(grid.rows[:HEADER_SEARCH]):
        fields = _fields(row, part)
        if not all(f in fields.values() for f in REQUIRED[part]):
            continue
        below = grid.rows[i + 1] if i + 1 < len(grid.rows) else []
        start = i + 1
        above = list(row) + [None] * (len(below) - len(row))  # the header row, as long as the one below it
        headed = [j for j, v in enumerate(below) if v is not None and v != above[j]]
        if headed and all(_field(below[j], part) for j in headed):
            start = i + 2  # a two-row header: the second row names columns under a merged one
            for j, value in enumerate(below):
                found = _field(value, part)
                if found and found not in fields.values():
                    fields[j] = found
        return i + 1, fields, start
    return None


def _fields(row: list, part: str) -> dict[int, str]:
    fields: dict[int, str] = {}
    for j, value in enumerate(row):
        found = _field(value, part)
        if found and found not in fields.values():  # merged cells repeat a heading: the first wins
            fields[j] = found
    return fields


def _field(value, part: str) -> str | None:
    folded = headings.fold(value) if value is not None else ""
    if not folded:
        return None
    return next((name for name, patterns in COLUMNS[part] if any(re.search(p, folded) for p in patterns)), None)


def _read_part(grid: Grid, part: str, problems: list[ImportProblem]) -> Part | None:
    found = _find_header(grid, part)
    if found is None:
        columns = ", ".join(REQUIRED[part])
        problems.append(ImportProblem(None, None, "setup_no_header", {"columns": columns}, sheet=grid.sheet))
        return None
    header_row, fields, start = found
    head = grid.rows[header_row - 1]
    where = {j: column_name(j + 1, head[j] if j < len(head) else None) for j in fields}
    result = Part(grid.sheet, header_row)
    for index in range(start, len(grid.rows)):
        cells = grid.rows[index]
        row = {
            f: Cell(_text(cells[j]) if j < len(cells) else None, grid.sheet, index + 1, where[j])
            for j, f in fields.items()
        }
        if all(c.value is None for c in row.values()):
            continue
        if part == "criteria" and row["code"].value is None:
            if _TOTAL_ROW.match(headings.fold(row["name_vi"].value or "")):
                result.stated_total = row["max_points"]  # the annex's "Tổng cộng" row
                continue
            if row["max_points"].value is None:
                continue  # a note or a signature line under the table
        result.rows.append(row)
    return result


def _text(value):
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    return text or None


def _settings(grid: Grid) -> dict[str, Cell]:
    found = {}
    for i, row in enumerate(grid.rows):
        if len(row) < 2 or row[0] is None:
            continue
        folded = headings.fold(row[0])
        name = next((f for f, patterns in SETTINGS if any(re.search(p, folded) for p in patterns)), None)
        if name and name not in found and _text(row[1]) is not None:
            found[name] = Cell(_text(row[1]), grid.sheet, i + 1, column_name(2, None))
    return found


# --- what single cells say ---------------------------------------------------------------------


def criterion_code(text: str) -> tuple[str, list[str]] | None:
    """'II.' -> ('roman', ['II']); '1.2.' -> ('arabic', ['1', '2']); None when not a code."""
    code = text.strip().rstrip(".").strip()
    if _ROMAN.match(code):
        return "roman", [code]
    if _ARABIC.match(code):
        return "arabic", code.split(".")
    return None


def number(cell: Cell, problems: list[ImportProblem]) -> Decimal | None:
    try:
        value = _number_or_none(cell.value)
    except (ValueError, ArithmeticError):
        problems.append(at(cell, "not_number", value=str(cell.value)[:40]))
        return None
    return value


def yes_no(cell: Cell | None, problems: list[ImportProblem], default: bool = False) -> bool:
    if cell is None or cell.value is None:
        return default
    folded = headings.fold(cell.value)
    if folded in YES:
        return True
    if folded in NO:
        return False
    problems.append(at(cell, "setup_yes_no", value=str(cell.value)[:40]))
    return default


_DATE = (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})"), re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$"))


def a_date(cell: Cell, problems: list[ImportProblem]) -> date | None:
    """'2025-07-01 00:00:00' (an Excel date) or '01/07/2025' (day first, as Vietnam writes it)."""
    text = str(cell.value).strip()
    iso, dmy = (pattern.match(text) for pattern in _DATE)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if dmy:
            return date(int(dmy[3]), int(dmy[2]), int(dmy[1]))
    except ValueError:
        pass
    problems.append(at(cell, "setup_date", value=text[:40]))
    return None


def at(cell: Cell, problem: str, **values) -> ImportProblem:
    return ImportProblem(cell.row, cell.column, problem, values, sheet=cell.sheet)
