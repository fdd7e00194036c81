"""Writes the README's worked example of a new year (ILLUSTRATIVE: invented figures, not Lào Cai's):
thiet-lap-2026-so-nganh-minh-hoa.xlsx (2026 set up: the 2025 criteria set reused, the same bands,
Sở Ngoại vụ merged into Văn phòng UBND tỉnh) and ket-qua-2026-so-nganh-minh-hoa.csv (invented
totals of the 13 agencies, marked illustrative).
Run: python examples/make_examples.py (a test checks the committed files are what it writes)."""

from __future__ import annotations

import csv
import io
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import pandas as pd  # noqa: E402

from parindex import cells  # noqa: E402
from parindex.generate import AGENCIES  # noqa: E402
from parindex.importing.setup_workbook import CHANGE_HEADINGS, TIER_HEADINGS  # noqa: E402

SETTINGS = [
    ("Năm", 2026),
    ("Khối", "department"),
    ("Dùng lại bộ tiêu chí", 2025),
    ("Quyết định", "MINH HỌA — không phải quyết định thật"),
    ("Nguồn số liệu", "illustrative"),
]
TIERS = [
    (1, "Từ 90 điểm trở lên", "90 and above", 90, "có", None, None),
    (2, "Từ 85 đến dưới 90 điểm", "85 to under 90", 85, "có", 90, "không"),
    (3, "Dưới 85 điểm", "Under 85", None, None, 85, "không"),
]
MERGED, INTO = "Sở Ngoại vụ", "Văn phòng UBND tỉnh"  # an invented change, for the example only


def setup_workbook() -> bytes:
    changes = [("hợp nhất", MERGED, INTO, None, None, None, None, "01/03/2026", "MINH HỌA", None)]
    return cells.xlsx_bytes(
        {
            "Hướng dẫn": pd.DataFrame(
                {
                    "Hướng dẫn / Instructions": [
                        "VÍ DỤ MINH HỌA: số liệu và quyết định không có thật. / "
                        "ILLUSTRATIVE example: invented, not real."
                    ]
                }
            ),
            "Thông tin": pd.DataFrame(SETTINGS, columns=["Mục", "Giá trị"]),
            "Xếp loại": pd.DataFrame(TIERS, columns=TIER_HEADINGS),
            # the template's headings; the two note columns left empty
            "Thay đổi đơn vị": pd.DataFrame([(*row, "", "") for row in changes], columns=CHANGE_HEADINGS),
        }
    )


def results_csv() -> str:
    names = sorted(a.name_vi for a in AGENCIES if a.name_vi != MERGED)
    rng = random.Random(2026)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(["STT", "Tên đơn vị", "Tổng điểm", "Nguồn số liệu"])
    for i, name in enumerate(names, start=1):
        writer.writerow([i, name, f"{rng.uniform(80, 97):.2f}".replace(".", ","), "illustrative"])
    return out.getvalue()


FILES = {"thiet-lap-2026-so-nganh-minh-hoa.xlsx": setup_workbook, "ket-qua-2026-so-nganh-minh-hoa.csv": results_csv}

if __name__ == "__main__":
    for name, make in FILES.items():
        content = make()
        (HERE / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        print(f"wrote examples/{name}")
