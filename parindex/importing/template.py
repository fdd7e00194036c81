"""The import template: the units of a group, the columns the import reads, and instructions."""

from __future__ import annotations

import pandas as pd

from parindex import cells
from parindex.importing.backup import RESULT_HEADINGS

COLUMNS = ["unit_id", "name_vi", "total", "self_total", "appraised", "survey", "published_rank"]
INSTRUCTIONS = [
    "Hướng dẫn / Instructions",
    "1. Mỗi đơn vị một dòng; giữ nguyên cột Mã đơn vị. / One unit per row; keep the unit id column.",
    "2. Tổng điểm bắt buộc; các cột điểm khác có thì điền. Dấu thập phân: phẩy hoặc chấm. / Total is required; "
    "fill the other score columns where known. Decimal comma or point.",
    "3. Điểm theo tiêu chí: thêm một cột cho mỗi tiêu chí thành phần, tiêu đề là mã tiêu chí (ví dụ CDDH.1.a). / "
    "Scores per criterion: add a column per sub-criterion headed by its code (e.g. CDDH.1.a).",
    "4. Nhập giá trị, không nhập công thức chưa tính. / Values, not uncomputed formulas.",
    "5. Tệp phụ lục của quyết định cũng nhập được như nó đang có (dòng tiêu đề, cột STT, ô gộp). / "
    "The decision's own annex imports as it is (title rows, STT column, merged cells).",
    "6. Lệnh / command: python -m parindex import FILE --year YEAR --group GROUP [--replace] [--status published]",
]


def template_xlsx(units: pd.DataFrame) -> bytes:
    """units: unit_id, name_vi (the group's units of the year)."""
    sheet = pd.DataFrame({c: units.get(c) for c in COLUMNS})
    sheet = sheet.rename(columns=RESULT_HEADINGS)
    return cells.xlsx_bytes({"Kết quả": sheet, "Hướng dẫn": pd.DataFrame({"Hướng dẫn": INSTRUCTIONS[1:]})})
