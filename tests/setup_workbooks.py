"""Set-up workbooks for the fixture province (tinh-a, 2022, departments): a good one in the
template's shape, the same criteria set as the decision's annex prints it, and ways to break them."""

from __future__ import annotations

import copy
import io

from openpyxl import Workbook

SETTINGS = [
    ["Mục", "Giá trị"],
    ["Năm", 2022],
    ["Khối", "department"],
    ["Tên bộ tiêu chí", "Bộ tiêu chí 2022"],
    ["Tên tiếng Anh", "Criteria set 2022"],
    ["Tổng điểm tối đa", 100],
    ["Quyết định", "QĐ 9/QĐ-UBND"],
]
CRITERIA = [
    ["Mã", "Tên tiêu chí", "Tên tiếng Anh", "Điểm tối đa", "Điều tra XHH"],
    ["I", "A", "Area A", 60, None],
    ["1", "Kế hoạch", "Plan", 60, None],
    ["1.1", "Ban hành kế hoạch", "Plan issued", 30, None],
    ["1.2", "Thực hiện kế hoạch", "Plan carried out", 30, None],
    ["II", "S", "Area S", 40, "x"],
    ["1", "Hài lòng", "Satisfaction", 40, None],
    ["1.1", "Mức độ hài lòng", "Degree of satisfaction", 40, None],
]
TIERS = [
    ["Thứ tự", "Xếp loại", "Tên tiếng Anh", "Từ (điểm)", "Gồm cận dưới", "Đến (điểm)", "Gồm cận trên"],
    [1, "Tốt", "Good", 80, "có", None, None],
    [2, "Khá", "Fair", 60, "có", 80, "không"],
    [3, "Yếu", "Weak", None, None, 60, "không"],
]
CHANGES = [
    [
        "Loại thay đổi",
        "Đơn vị",
        "Đơn vị mới",
        "Mã đơn vị mới",
        "Tên tiếng Anh",
        "Khối",
        "Ngày hiệu lực",
        "Quyết định",
        "Tên gọi khác",
    ],
    ["thành lập mới", "Đơn vị Gamma-Delta", None, "gamma-delta", "Unit Gamma-Delta", None, None, None, None],
    ["hợp nhất", "Đơn vị Gamma", "Đơn vị Gamma-Delta", None, None, None, "01/03/2022", "QĐ 5/QĐ-UBND", None],
    ["hợp nhất", "Đơn vị Delta", "Đơn vị Gamma-Delta", None, None, None, "01/03/2022", "QĐ 5/QĐ-UBND", None],
    ["đổi tên", "Đơn vị Beta", "Đơn vị Bê-ta", None, "Unit Beta renamed", None, "2022-07-01", None, "Bê-ta"],
    ["giải thể", "huyện d2", None, None, None, None, "30/06/2022", None, None],
    ["tên gọi khác", "Đơn vị Alpha", None, None, None, None, None, None, "ĐV A; Alpha (cũ)"],
]
GOOD = {"Thông tin": SETTINGS, "Bộ tiêu chí": CRITERIA, "Xếp loại": TIERS, "Thay đổi đơn vị": CHANGES}


def xlsx(sheets: dict[str, list[list]], merges: dict[str, list[str]] | None = None) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for line in sheet.iter_rows():
            for cell in line:  # text, as a person types it (openpyxl would make '=…' a formula)
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"
        for cells in (merges or {}).get(name, []):
            sheet.merge_cells(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def good() -> bytes:
    return xlsx(GOOD)


def annex() -> bytes:
    """The criteria set as a decision's annex prints it: title rows, a two-row merged header,
    Roman numerals with full stops, a Tổng cộng row; the bands and changes in their own sheets."""
    rows = [
        ["PHỤ LỤC", None, None, None],
        ["BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022", None, None, None],
        ["(Kèm theo Quyết định số 9/QĐ-UBND)", None, None, None],
        [None, None, None, None],
        ["TT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm", None],
        [None, None, "Điểm tối đa", "Điều tra XHH"],
        ["I.", "A", 60, None],
        ["1.", "Kế hoạch", 60, None],
        ["1.1", "Ban hành kế hoạch", 30, None],
        ["1.2", "Thực hiện kế hoạch", 30, None],
        ["II.", "S", 40, "x"],
        ["1.", "Hài lòng", 40, None],
        ["1.1", "Mức độ hài lòng", 40, None],
        [None, "Tổng cộng", 100, None],
        [None, "Người lập biểu", None, None],
    ]
    return xlsx({"Phụ lục 1": rows, "Xếp loại": TIERS}, merges={"Phụ lục 1": ["A5:A6", "B5:B6", "C5:D5"]})


def edited(**changes) -> bytes:
    """The good workbook with cells replaced: sheet=[(row, column, value)] (1-based, as Excel counts)."""
    sheets = copy.deepcopy(GOOD)
    for key, cells in changes.items():
        name = {"settings": "Thông tin", "criteria": "Bộ tiêu chí", "tiers": "Xếp loại", "changes": "Thay đổi đơn vị"}[
            key
        ]
        for row, column, value in cells:
            while len(sheets[name]) < row:
                sheets[name].append([None] * len(sheets[name][0]))
            sheets[name][row - 1][column - 1] = value
    return xlsx(sheets)
