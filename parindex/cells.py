"""Every CSV and XLSX the project writes goes through here, so no cell is ever run as a formula.

A text that begins with =, +, -, @, a tab or a carriage return is a formula to Excel (and to
LibreOffice and Google Sheets) when it opens a CSV file, and openpyxl writes any str beginning
with = as a formula cell. A unit name comes from an imported file, so it may be one (OWASP's
"CSV injection"). Here such a text gets a leading apostrophe in CSV, and in XLSX it is written as
a plain string cell marked as quoted text (what Excel does when one types '=...). Numbers,
negative ones included, are never touched; output without such a text is byte for byte what
pandas writes.
"""

from __future__ import annotations

import io

import pandas as pd
from openpyxl.styles import Alignment

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def formula_like(text: str) -> bool:
    """'=1+2 Sở A', '+SUM(A1)', '-2+3', '@cmd' (and "'=1+2", the same text once escaped) -> True."""
    return text.lstrip("'")[:1] in TRIGGERS if text else False


def neutral(value: object) -> object:
    """A CSV cell as a spreadsheet must show it: text that could start a formula gets a leading
    apostrophe; anything else (numbers, missing values, other text) is returned as it is."""
    return "'" + value if isinstance(value, str) and formula_like(value) else value


def restored(value: object) -> object:
    """neutral's inverse, for reading back a file the project wrote: "'=1+2 Sở A" -> '=1+2 Sở A'.
    (A text that already began with an apostrophe and a trigger was given one more, so this is exact.)"""
    if isinstance(value, str) and value.startswith("'") and formula_like(value[1:]):
        return value[1:]
    return value


def neutral_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with its text cells and headings neutral(); the same frame when none needs it."""
    out = frame
    for position in range(frame.shape[1]):
        column = frame.iloc[:, position]
        if not (pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column)):
            continue  # numbers, dates and booleans are never a formula
        if any(isinstance(v, str) and formula_like(v) for v in column):
            out = frame.copy() if out is frame else out
            out.isetitem(position, column.map(neutral))
    if any(isinstance(c, str) and formula_like(c) for c in frame.columns):
        out = frame.copy() if out is frame else out
        out.columns = [neutral(c) for c in frame.columns]
    return out


def csv_text(frame: pd.DataFrame) -> str:
    """The frame as CSV text: no index, '\\n' line ends, text cells neutral()."""
    return neutral_frame(frame).to_csv(index=False, lineterminator="\n")


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """csv_text in UTF-8 with a byte-order mark, so Excel shows Vietnamese correctly."""
    return csv_text(frame).encode("utf-8-sig")


def xlsx_bytes(sheets: dict[str, pd.DataFrame], formats: dict[str, dict[str, str]] | None = None) -> bytes:
    """One workbook, a sheet per frame (no index), in which no cell is a formula. `formats` gives
    a sheet's number format per heading (the number stays a number; Excel shows it formatted),
    and a sheet with formats gets columns wide enough for its headings and values."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
        for sheet in writer.book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type == "f" or (isinstance(cell.value, str) and cell.value[:1] in TRIGGERS):
                        cell.data_type = "s"  # the text itself, never evaluated
                        cell.quotePrefix = True  # and kept as text when edited in Excel
        for name, by_heading in (formats or {}).items():
            _format_sheet(writer.book[name], by_heading)
    return buffer.getvalue()


WIDEST = 60  # characters: a longer text (a note, the source) wraps in its cell


def _format_sheet(sheet, by_heading: dict[str, str]) -> None:
    sheet.freeze_panes = "A2"  # the headings stay in view while a long table scrolls
    for column in sheet.iter_cols():
        number_format = by_heading.get(column[0].value)
        for cell in column[1:]:
            if number_format and cell.data_type == "n":
                cell.number_format = number_format
            elif isinstance(cell.value, str) and len(cell.value) > WIDEST:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                lines = -(-len(cell.value) * 6 // (WIDEST * 5))  # a spare line in five: words do not break evenly
                height = sheet.row_dimensions[cell.row].height or 15
                sheet.row_dimensions[cell.row].height = max(height, 15 * lines)
        longest = max((len(str(c.value)) for c in column if c.value is not None), default=10)
        sheet.column_dimensions[column[0].column_letter].width = min(max(longest, 6) + 2, WIDEST)
