"""Files an editor might upload, written in code: good ones in the shapes real annexes come in,
and bad ones, each with the row, column and problem the import must report.

The data is the fixture's (tests/fixture_data.py): departments Alpha, Beta, Gamma...; 2022 has no
assessment yet (totals only: no criteria set covers 2022); 2021 exists, with criteria set fw1
(A.1.a and A.1.b out of 30, S.1.a out of 40, survey-based).
"""

from __future__ import annotations

import io
import os
import unicodedata

from openpyxl import Workbook

TITLE = "KẾT QUẢ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022"
EXPECTED_2022 = {"alpha": 91.5, "beta": 88.25, "gamma": 70.0}


def xlsx(rows: list[list], merges: tuple[str, ...] = (), sheet: str = "Phụ lục", extra: dict | None = None) -> bytes:
    book = Workbook()
    first = book.active
    first.title = sheet
    for row in rows:
        first.append(row)
    for cells in merges:
        first.merge_cells(cells)
    for name, more in (extra or {}).items():
        other = book.create_sheet(name)
        for row in more:
            other.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv(rows: list[list], sep: str = ";", bom: bool = True) -> bytes:
    text = "\n".join(sep.join("" if v is None else str(v) for v in row) for row in rows) + "\n"
    return text.encode("utf-8-sig" if bom else "utf-8")


def totals(*units: tuple, header=("STT", "Tên đơn vị", "Tổng điểm"), title: str = TITLE) -> list[list]:
    rows = [[title], [], list(header)]
    rows += [[i, *unit] for i, unit in enumerate(units, start=1)]
    return rows


GOOD_UNITS = (("Đơn vị Alpha", "91,5"), ("Đơn vị Beta", "88,25"), ("Đơn vị Gamma", "70"))


def good_files() -> dict[str, tuple[str, bytes]]:
    """Several real-world shapes of the same 2022 results (EXPECTED_2022)."""
    decomposed = unicodedata.normalize("NFD", "ĐƠN VỊ  BETA")
    annex = [
        ["UBND TỈNH A"],
        [TITLE],
        ["(Kèm theo Quyết định số 123/QĐ-UBND ngày 30 tháng 3 năm 2023)"],
        [],
        ["STT", "Tên cơ quan, đơn vị", "Điểm", None, None, None, "Xếp hạng"],
        [None, None, "Tự đánh giá", "Điểm thẩm định", "Điểm điều tra XHH", "Tổng điểm", None],
        [1, " Đơn vị  Alpha ", "64,00", "62,5", "29", "91,5", 1],
        [2, decomposed, 60, 60.25, 28, 88.25, 2],
        [3, "đơn vị – gamma", 50, 45, 25, "70,00", 3],
        [None, "Điểm trung bình", None, None, None, "83,25", None],
        [],
        [],
        [],
    ]
    return {
        "template.xlsx": (
            "template.xlsx",
            xlsx(
                [
                    ["Mã đơn vị", "Tên đơn vị", "Tổng điểm"],
                    ["alpha", "Đơn vị Alpha", 91.5],
                    ["beta", "", 88.25],
                    ["gamma", "Đơn vị Gamma", 70],
                ],
                sheet="Kết quả",
                extra={"Hướng dẫn": [["Điền mỗi đơn vị một dòng"]]},
            ),
        ),
        "annex-merged.xlsx": (
            "phu-luc.xlsx",
            xlsx(annex, merges=("A1:G1", "A2:G2", "A3:G3", "A5:A6", "B5:B6", "C5:F5", "G5:G6")),
        ),
        "semicolon-comma.csv": ("ket-qua.csv", csv(totals(*GOOD_UNITS))),
        "comma-point.csv": (
            "ket-qua.csv",
            csv(
                totals(
                    ("Don vi Alpha", "91.50"),
                    ("Đơn Vị Beta", "88.25"),
                    ("ĐƠN VỊ GAMMA", "70.0"),
                    header=("TT", "Đơn vị", "Tổng"),
                ),
                sep=",",
                bom=False,
            ),
        ),
        "percent-text.xlsx": (
            "chi-so.xlsx",
            xlsx(
                totals(
                    ("Đơn vị Alpha", "91,50%"),
                    ("Đơn vị Beta", " 88,25 "),
                    ("Đơn vị Gamma", "70"),
                    header=("STT", "Đơn vị", "Chỉ số (%)"),
                )
            ),
        ),
    }


def _wide(*rows, header=("STT", "Tên đơn vị", "A.1.a", "A.1.b", "S.1.a", "Tổng điểm")) -> list[list]:
    return [["KẾT QUẢ NĂM 2021"], list(header), *[[i, *r] for i, r in enumerate(rows, start=1)]]


# name: (file name, bytes, options, (row, column prefix, code)); options change year 2022 / department
def bad_files() -> dict[str, tuple[str, bytes, dict, tuple]]:
    r2021 = {"year": 2021, "replace": True}
    big = (
        b"STT;T\xc3\xaan \xc4\x91\xc6\xa1n v\xe1\xbb\x8b;T\xe1\xbb\x95ng \xc4\x91i\xe1\xbb\x83m\n"
        + b"1;x;1\n" * 1_900_000
    )
    many = csv(totals(*[("Đơn vị Alpha", "1")] * 50_001))
    return {
        "wrong sheet": ("phu-luc.xlsx", xlsx([["Biểu đồ"], ["x", 1]], sheet="Biểu đồ"), {}, (None, None, "no_header")),
        "missing unit column": (
            "a.csv",
            csv(totals(("91,5",), header=("STT", "Tổng điểm"))),
            {},
            (None, None, "no_header"),
        ),
        "score above its maximum": (
            "a.csv",
            csv(totals(("Đơn vị Alpha", "101"))),
            {},
            (4, "C (Tổng điểm)", "above_max"),
        ),
        "negative": ("a.csv", csv(totals(("Đơn vị Alpha", "-5"))), {}, (4, "C (Tổng điểm)", "negative")),
        "text in a number column": (
            "a.csv",
            csv(totals(("Đơn vị Alpha", "chín mươi"))),
            {},
            (4, "C (Tổng điểm)", "not_number"),
        ),
        "two decimal marks": ("a.csv", csv(totals(("Đơn vị Alpha", "9,1,5"))), {}, (4, "C (Tổng điểm)", "not_number")),
        "duplicate unit": (
            "a.csv",
            csv(totals(*GOOD_UNITS, ("ĐV Alpha", "80"))),
            {},
            (7, "B (Tên đơn vị)", "duplicate_unit"),
        ),
        "unknown unit": (
            "a.csv",
            csv(totals(("Đơn vị Alpha", "90"), ("Đơn vị Gama", "80"))),
            {},
            (5, "B (Tên đơn vị)", "unknown_unit"),
        ),
        "missing unit name": (
            "a.csv",
            csv(totals(("Đơn vị Alpha", "90"), ("", "80"))),
            {},
            (5, "B (Tên đơn vị)", "missing_unit"),
        ),
        "empty file": ("a.csv", b"", {}, (None, None, "empty_file")),
        "blank file": ("a.xlsx", b" \n\n ", {}, (None, None, "empty_file")),
        "binary renamed .xlsx": ("a.xlsx", bytes(range(256)) * 40, {}, (None, None, "not_xlsx")),
        "zip that is not a workbook": ("a.xlsx", _zip(), {}, (None, None, "not_xlsx")),
        "huge file": ("a.csv", big, {}, (None, None, "too_large")),
        "too many rows": ("a.csv", many, {}, (None, None, "too_many_rows")),
        "wrong year inside the title": (
            "a.csv",
            csv(totals(*GOOD_UNITS, title="CHỈ SỐ CCHC NĂM 2021")),
            {},
            (1, "A", "wrong_year"),
        ),
        "formulas instead of values": (
            "a.xlsx",
            xlsx(totals(("Đơn vị Alpha", "=80+11.5"))),
            {},
            (4, "C (Tổng điểm)", "formula"),
        ),
        "old .xls": ("a.xls", b"\xd0\xcf\x11\xe0" + b"0" * 100, {}, (None, None, "old_xls")),
        "not a table file": ("a.pdf", b"%PDF-1.4 ...", {}, (None, None, "unknown_type")),
        "CSV not in UTF-8": (
            "a.csv",
            "STT;Tên đơn vị;Tổng điểm\n1;Đơn vị Alpha;90\n".encode("utf-16"),
            {},
            (None, None, "not_utf8"),
        ),
        "no score column": (
            "a.csv",
            csv(totals(("Đơn vị Alpha", "x"), header=("STT", "Tên đơn vị", "Ghi chú"))),
            {},
            (3, None, "no_scores"),
        ),
        "header without rows": ("a.csv", csv(totals()), {}, (4, None, "no_rows")),
        "results exist, no --replace": (
            "a.csv",
            csv(totals(("Đơn vị Alpha", "90"), title="NĂM 2021")),
            {"year": 2021},
            (None, None, "exists"),
        ),
        "rank not a whole number": (
            "a.csv",
            csv(totals(("Đơn vị Alpha", "90", "1,5"), header=("STT", "Tên đơn vị", "Tổng điểm", "Xếp hạng"))),
            {},
            (4, "D (Xếp hạng)", "not_rank"),
        ),
        "criterion above its maximum": (
            "a.csv",
            csv(_wide(("Đơn vị Alpha", "31", "25", "34", "90"))),
            r2021,
            (3, "C (A.1.a)", "above_max"),
        ),
        "unknown criterion column": (
            "a.csv",
            csv(
                _wide(
                    ("Đơn vị Alpha", "30", "25", "35", "90"),
                    header=("STT", "Tên đơn vị", "A.9.z", "A.1.b", "S.1.a", "Tổng điểm"),
                )
            ),
            r2021,
            (2, "C (A.9.z)", "unknown_criterion"),
        ),
        "criteria not summing to the total": (
            "a.csv",
            csv(_wide(("Đơn vị Alpha", "30", "25", "34", "90"))),
            r2021,
            (3, "F (Tổng điểm)", "sum_mismatch"),
        ),
        "appraised + survey not the total": (
            "a.csv",
            csv(
                totals(
                    ("Đơn vị Alpha", "60", "30", "91,5"),
                    header=("STT", "Tên đơn vị", "Điểm thẩm định", "Điểm điều tra xã hội học", "Tổng điểm"),
                )
            ),
            {},
            (4, "E (Tổng điểm)", "parts_mismatch"),
        ),
        "a criterion, not a sub-criterion (long)": (
            "a.csv",
            csv([["Tên đơn vị", "Mã tiêu chí", "Điểm"], ["Đơn vị Alpha", "A.1", "50"]]),
            r2021,
            (2, "B (Mã tiêu chí)", "not_leaf"),
        ),
        "the same score twice (long)": (
            "a.csv",
            csv(
                [
                    ["Tên đơn vị", "Mã tiêu chí", "Điểm"],
                    ["Đơn vị Alpha", "A.1.a", "20"],
                    ["Đơn vị Alpha", "A.1.a", "21"],
                ]
            ),
            r2021,
            (3, "B (Mã tiêu chí)", "duplicate_score"),
        ),
        "self-assessment of a survey criterion (long)": (
            "a.csv",
            csv(
                [
                    ["Tên đơn vị", "Mã tiêu chí", "Điểm", "Điểm tự đánh giá"],
                    ["Đơn vị Alpha", "A.1.a", "20", "20"],
                    ["Đơn vị Alpha", "S.1.a", "30", "31"],
                ]
            ),
            r2021,
            (3, "D (Điểm tự đánh giá)", "survey_self"),
        ),
        "criterion scores for a year without a criteria set": (
            "a.csv",
            csv(_wide(("Đơn vị Alpha", "30", "25", "35", "90"))[1:]),
            {},
            (1, None, "no_framework"),
        ),
        "unknown jurisdiction": (
            "a.csv",
            csv(totals(*GOOD_UNITS)),
            {"jurisdiction": "tinh-b"},
            (None, None, "unknown_jurisdiction"),
        ),
    }


def _zip() -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    return buffer.getvalue()


def write(folder, name: str, data: bytes):
    path = folder / name
    path.write_bytes(data)
    os.utime(path)
    return path
