"""Read an XLSX or CSV file into plain grids of cells, in the file's own numbering.

Limits come first, so a huge or hostile file is refused before it is read: its size on disk,
the unpacked size of an XLSX (a zip), and the number of rows. Merged cells are filled with
their top-left value (a merged header names every column under it). A formula is taken as the
value Excel computed and saved with it; a formula without one is a problem, never a guess.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from parindex.importing.messages import ImportProblem, ImportRefused

MAX_BYTES = 10 * 1024 * 1024  # a province's annex is a few hundred kB
MAX_UNPACKED = 100 * 1024 * 1024  # what an XLSX may unpack to
MAX_ROWS = 50_000  # ~120 units x ~90 criteria in the long shape fits


@dataclass
class Grid:
    sheet: str | None  # None for a CSV file
    rows: list[list[object]]  # rows[i][j] is the cell at file row i+1, column j+1
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col), 1-based, no value


def column_name(index: int, heading: object = None) -> str:
    """Column 3 headed 'Tổng điểm' -> 'C (Tổng điểm)': the letter Excel shows, and the heading."""
    letter = get_column_letter(index)
    text = " ".join(str(heading).split()) if heading not in (None, "") else ""
    return f"{letter} ({text})" if text else letter


def read_grids(name: str, data: bytes) -> list[Grid]:
    """Every sheet of the file as a grid; raises ImportRefused for a file that cannot be read."""
    if len(data) > MAX_BYTES:
        _refuse("too_large", size=f"{len(data) / 1024 / 1024:.1f}", limit=MAX_BYTES // 1024 // 1024)
    if not data.strip():
        _refuse("empty_file")
    suffix = Path(name).suffix.lower()
    if suffix == ".csv":
        return [_csv_grid(data)]
    if suffix == ".xls":
        _refuse("old_xls")
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_grids(data)
    _refuse("unknown_type")
    return []


def _refuse(code: str, **values) -> None:
    raise ImportRefused([ImportProblem(None, None, code, values)])


def _csv_grid(data: bytes) -> Grid:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        _refuse("not_utf8")
    # The separator on the most lines: Excel in a Vietnamese locale writes ';' (the comma is the
    # decimal mark there); elsewhere ','. On a tie ';' wins, as "91,5" then is a number.
    lines = text[:50_000].splitlines()
    delimiter = max(";\t,", key=lambda d: sum(d in line for line in lines))
    rows = []
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        rows.append([cell if cell.strip() else None for cell in row])
        if len(rows) > MAX_ROWS:
            _refuse("too_many_rows", limit=MAX_ROWS)
    return Grid(None, rows)


def _xlsx_grids(data: bytes) -> list[Grid]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        _refuse("not_xlsx")
    if unpacked > MAX_UNPACKED:
        _refuse("too_large", size=f"{unpacked / 1024 / 1024:.0f}", limit=MAX_UNPACKED // 1024 // 1024)
    try:
        book = load_workbook(io.BytesIO(data), data_only=False)
    except Exception:  # openpyxl raises many kinds for a zip that is not a workbook
        _refuse("not_xlsx")
    computed = None  # the values Excel saved for formulas, read only when there are formulas
    grids = []
    for sheet in book.worksheets:
        if sheet.max_row > MAX_ROWS:
            _refuse("too_many_rows", limit=MAX_ROWS)
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        formulas = {}
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                if isinstance(value, str) and value.startswith("="):
                    if computed is None:
                        computed = load_workbook(io.BytesIO(data), data_only=True)
                    cached = computed[sheet.title].cell(i + 1, j + 1).value
                    if cached is None:
                        formulas[(i + 1, j + 1)] = value
                    row[j] = cached
                elif value is not None and not isinstance(value, (str, int, float)):
                    row[j] = str(value)  # dates and the like: text, judged where they are read
        for merged in sheet.merged_cells.ranges:
            top_left = rows[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= len(rows) else None
            for r in range(merged.min_row, min(merged.max_row, len(rows)) + 1):
                for c in range(merged.min_col, merged.max_col + 1):
                    if c <= len(rows[r - 1]):
                        rows[r - 1][c - 1] = top_left
        grids.append(Grid(sheet.title, rows, formulas))
    return grids
