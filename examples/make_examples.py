"""Writes the README's worked example of a new year (ILLUSTRATIVE: invented figures, not Lào Cai's):
thiet-lap-2025-so-nganh-minh-hoa.xlsx (the year's set-up: the 2024 criteria set reused, bands, two
department mergers) and ket-qua-2025-so-nganh-minh-hoa.csv (invented totals, marked illustrative).
Run: python examples/make_examples.py (a test checks the committed files are what it writes)."""

from __future__ import annotations

import csv
import io
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from parindex import cells  # noqa: E402

import pandas as pd  # noqa: E402

SETTINGS = [("Năm", 2025), ("Khối", "department"), ("Dùng lại bộ tiêu chí", 2024),
            ("Quyết định", "MINH HỌA — không phải quyết định thật"), ("Nguồn số liệu", "illustrative")]
TIERS = [(1, "Từ 90 điểm trở lên", "90 and above", 90, "có", None, None),
         (2, "Từ 85 đến dưới 90 điểm", "85 to under 90", 85, "có", 90, "không"),
         (3, "Dưới 85 điểm", "Under 85", None, None, 85, "không")]
MERGERS = {  # new unit: (id, English name, the departments merged into it)
    "Sở Nội vụ": ("so-noi-vu-2025", "Department of Home Affairs", ("Sở Nội vụ", "Sở Lao động - Thương binh và Xã hội")),
    "Sở Tài chính": ("so-tai-chinh-2025", "Department of Finance", ("Sở Tài chính", "Sở Kế hoạch và Đầu tư")),
}


def setup_workbook() -> bytes:
    changes = []
    for name, (unit_id, name_en, merged) in MERGERS.items():
        changes.append(("thành lập mới", name, None, unit_id, name_en, None, None, None, None, None))
        changes += [("hợp nhất", old, name, None, None, None, None, "01/03/2025", "MINH HỌA", None) for old in merged]
    return cells.xlsx_bytes({
        "Hướng dẫn": pd.DataFrame({"Hướng dẫn / Instructions": [
            "VÍ DỤ MINH HỌA: số liệu và quyết định không có thật. / ILLUSTRATIVE example: invented, not real."]}),
        "Thông tin": pd.DataFrame(SETTINGS, columns=["Mục", "Giá trị"]),
        "Xếp loại": pd.DataFrame(TIERS, columns=["Thứ tự", "Xếp loại", "Tên tiếng Anh", "Từ (điểm)", "Gồm cận dưới",
                                                 "Đến (điểm)", "Gồm cận trên"]),
        "Thay đổi đơn vị": pd.DataFrame(changes, columns=[
            "Loại thay đổi", "Đơn vị", "Đơn vị mới", "Mã đơn vị mới", "Tên tiếng Anh", "Tên ngắn", "Khối",
            "Ngày hiệu lực", "Quyết định", "Tên gọi khác"]),
    })


def results_csv() -> str:
    units = pd.read_csv(HERE.parent / "data" / "units.csv", dtype=str, keep_default_na=False)
    ended = {old for _, _, merged in MERGERS.values() for old in merged}
    names = [n for n, g, last in zip(units["name_vi"], units["group"], units["last_year"])
             if g == "department" and not last and n not in ended] + list(MERGERS)
    rng = random.Random(2025)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(["STT", "Tên đơn vị", "Tổng điểm", "Nguồn số liệu"])
    for i, name in enumerate(sorted(names), start=1):
        writer.writerow([i, name, f"{rng.uniform(80, 97):.2f}".replace(".", ","), "illustrative"])
    return out.getvalue()


FILES = {"thiet-lap-2025-so-nganh-minh-hoa.xlsx": setup_workbook, "ket-qua-2025-so-nganh-minh-hoa.csv": results_csv}

if __name__ == "__main__":
    for name, make in FILES.items():
        content = make()
        (HERE / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        print(f"wrote examples/{name}")
