"""The set-up workbook written out: the template editors fill in (the group's latest criteria set
and bands as a starting point) and a stored set-up read back into the same shape (the backup).
Both are read by parindex.importing.setup_sheets, so what is written here reads back unchanged."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd

from parindex import cells
from parindex.importing import stored

SETTINGS = "Thông tin"
CRITERIA = "Bộ tiêu chí"
TIERS = "Xếp loại"
CHANGES = "Thay đổi đơn vị"
CRITERIA_HEADINGS = [
    "Mã",
    "Tên tiêu chí",
    "Tên tiếng Anh",
    "Tên ngắn",
    "Điểm tối đa",
    "Điều tra XHH",
    "Mã lĩnh vực so sánh",
]
TIER_HEADINGS = ["Thứ tự", "Xếp loại", "Tên tiếng Anh", "Từ (điểm)", "Gồm cận dưới", "Đến (điểm)", "Gồm cận trên"]
CHANGE_HEADINGS = [
    "Loại thay đổi",
    "Đơn vị",
    "Đơn vị mới",
    "Mã đơn vị mới",
    "Tên tiếng Anh",
    "Tên ngắn",
    "Khối",
    "Ngày hiệu lực",
    "Quyết định",
    "Tên gọi khác",
    "Ghi chú",
    "Ghi chú tiếng Anh",
]
KIND_WORDS = {
    "new": "thành lập mới",
    "rename": "đổi tên",
    "merge": "hợp nhất",
    "split": "chia tách",
    "abolish": "giải thể",
    "move": "chuyển khối",
    "alias": "tên gọi khác",
}
INSTRUCTIONS = [
    "Thiết lập một năm: bộ tiêu chí, các mức xếp loại và thay đổi đơn vị. / Setting up a year: the criteria set, "
    "the tier bands and the unit changes.",
    "Lệnh / command: python -m parindex setup-year TỆP --year NĂM --group KHỐI [--status draft|published] [--replace]",
    "Trang «Thông tin»: tên bộ tiêu chí, tổng điểm tối đa (phải bằng tổng các lĩnh vực); «Dùng lại bộ tiêu chí» = "
    "một năm (ví dụ 2025) hoặc mã bộ tiêu chí để dùng lại, khi đó để trống trang Bộ tiêu chí. / Settings: the set's "
    "name, the maximum total (must equal the sum of the areas); 'reuses' = a year or a set id, then leave the "
    "Criteria sheet empty.",
    "Trang «Bộ tiêu chí»: một dòng mỗi mục, mã như quyết định in: I, II… (lĩnh vực); 1, 2… (tiêu chí); 1.1, 1.2… "
    "(tiêu chí thành phần). Hoặc 1 / 1.1 / 1.1.1. Điểm tối đa của mỗi mục bằng tổng các mục con. «Điều tra XHH» = x "
    "nếu chấm bằng điều tra xã hội học (không tự đánh giá). Cũng đọc được phụ lục của quyết định như đang có (dòng "
    "tiêu đề, ô gộp, dòng Tổng cộng). / Criteria: one row per item, codes as the decision prints them; each maximum "
    "is the sum of its parts; x under 'Điều tra XHH' for survey-scored parts. The decision's annex reads as it is.",
    "Trang «Xếp loại»: từ mức cao nhất; «Từ» là cận dưới, «Đến» cận trên; «Gồm cận dưới/trên» = có/không "
    "(mặc định: gồm cận dưới, không gồm cận trên: từ 85 đến dưới 90). Các mức liền nhau, không chồng, không hở. / "
    "Tiers: best first, lower and upper bounds, inclusive or not (default: lower included, upper excluded); "
    "contiguous, no overlap, no gap.",
    "Trang «Thay đổi đơn vị»: Loại = thành lập mới, đổi tên, hợp nhất, chia tách, giải thể, chuyển khối, tên gọi khác. "
    "Hợp nhất: mỗi đơn vị cũ một dòng, cùng «Đơn vị mới» (thêm dòng «thành lập mới» cho đơn vị mới trước). Ngày hiệu "
    "lực phải thuộc năm thiết lập. «Tên gọi khác»: các cách viết khác, cách nhau bởi dấu ;. / Unit changes: kinds new, "
    "rename, merge, split, abolish, move, alias; a merge has one row per old unit with the same new unit (add a "
    "'new' row for it first); the effective date must fall in the year; aliases separated by ';'.",
]


def template_xlsx(db_path: Path, jurisdiction: str, group: str, year: int) -> bytes:
    """The workbook to fill in for `year`: the group's latest criteria set and bands to start from."""
    db = stored.read(
        db_path,
        {"assessment": "latest_assessment", "tier": "latest_tiers", "criterion": "criteria_in_order"},
        jurisdiction=jurisdiction,
        group=group,
    )
    latest = db["assessment"]
    criteria = (
        db["criterion"][db["criterion"]["framework_id"] == latest["framework_id"].iat[0]]
        if len(latest)
        else db["criterion"].iloc[0:0]
    )
    settings = {
        "Năm": year,
        "Khối": group,
        "Tên bộ tiêu chí": f"Bộ tiêu chí năm {year}",
        "Tên tiếng Anh": f"Criteria set {year}",
        "Tổng điểm tối đa": _num(latest["max_total"].iat[0]) if len(latest) else 100,
        "Dùng lại bộ tiêu chí": None,
        "Quyết định": None,
        "Nguồn số liệu": "published",
    }
    return _workbook(settings, criterion_rows(criteria, renumber=True), tier_rows(db["tier"]), [])


def stored_sheets(db_path: Path, import_id: int) -> dict[str, pd.DataFrame]:
    """One stored set-up in the workbook's shape (what the backup keeps of it)."""
    db = stored.read(
        db_path,
        {
            "log": "setup_log",
            "assessment": "setup_assessment",
            "criteria": "setup_criteria",
            "tiers": "setup_tiers",
            "source": "setup_source",
            "lineage": "setup_lineage",
            "units": "setup_units",
            "aliases": "setup_aliases",
        },
        import_id=import_id,
    )
    log, assessment = db["log"].iloc[0], db["assessment"].iloc[0]
    own_set = assessment["import_id"] == import_id
    settings = {
        "Năm": int(log["year"]),
        "Khối": log["unit_group"],
        "Mã bộ tiêu chí": assessment["framework_id"],
        "Tên bộ tiêu chí": assessment["name_vi"] if own_set else None,
        "Tên tiếng Anh": assessment["name_en"] if own_set else None,
        "Tổng điểm tối đa": _num(assessment["max_total"]) if assessment["max_total"] is not None else None,
        "Dùng lại bộ tiêu chí": None if own_set or assessment["framework_id"] is None else assessment["framework_id"],
        "Quyết định": db["source"]["document_no"].iat[0] if len(db["source"]) else None,
        "Nguồn số liệu": assessment["provenance"] if own_set else None,
    }
    if not own_set:
        settings.pop("Mã bộ tiêu chí")
    changes = _change_rows(db["lineage"], db["units"], db["aliases"])
    return _sheets(settings, criterion_rows(db["criteria"], renumber=False), tier_rows(db["tiers"]), changes)


def criterion_rows(criteria: pd.DataFrame, renumber: bool) -> list[list]:
    """Rows of the Criteria sheet, tree order; codes as printed (I / 1 / 1.1), either derived from
    the stored ids (a set-up's own: I.1.1 prints as 1.1 under I) or numbered by position."""
    rows = []
    areas = criteria[criteria["level"] == "area"].sort_values("sort_order")
    for a_no, (_, area) in enumerate(areas.iterrows(), start=1):
        rows.append(_criterion(area, _roman(a_no) if renumber else area["criterion_id"], area["area_key"]))
        kids = criteria[criteria["parent_id"] == area["criterion_id"]].sort_values("sort_order")
        for c_no, (_, crit) in enumerate(kids.iterrows(), start=1):
            rows.append(_criterion(crit, str(c_no) if renumber else _printed(crit["criterion_id"])))
            subs = criteria[criteria["parent_id"] == crit["criterion_id"]].sort_values("sort_order")
            for s_no, (_, sub) in enumerate(subs.iterrows(), start=1):
                rows.append(_criterion(sub, f"{c_no}.{s_no}" if renumber else _printed(sub["criterion_id"])))
    return rows


def _criterion(row, code: str, area_key: str | None = None) -> list:
    return [
        code,
        row["name_vi"],
        row["name_en"],
        row["short_vi"],
        _num(row["max_points"]),
        None if row["self_assessed"] else "x",
        area_key,
    ]


def _num(value) -> int | float:
    """A stored Decimal as the number a spreadsheet shows: 7, 2.5."""
    number = Decimal(value)
    return int(number) if number == number.to_integral_value() else float(number)


def _printed(criterion_id: str) -> str:
    head, _, rest = criterion_id.partition(".")
    return rest if rest and head.isalpha() else criterion_id


def _roman(n: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in numerals:
        while n >= value:
            out, n = out + letters, n - value
    return out


def tier_rows(tiers: pd.DataFrame) -> list[list]:
    rows, upper = [], None
    for _, tier in tiers.sort_values("tier_order").iterrows():
        lower = tier["min_points"]
        inclusive = tier["min_inclusive"]
        rows.append(
            [
                int(tier["tier_order"]),
                tier["label_vi"],
                tier["label_en"],
                _num(lower) if lower is not None and not pd.isna(lower) else None,
                None if inclusive is None or pd.isna(inclusive) else ("có" if inclusive else "không"),
                upper[0] if upper else None,
                upper[1] if upper else None,
            ]
        )
        upper = (_num(lower), "không" if inclusive else "có") if lower is not None and not pd.isna(lower) else None
    return rows


def _change_rows(lineage: pd.DataFrame, units: pd.DataFrame, aliases: pd.DataFrame) -> list[list]:
    """A 'new' row for every unit made by the set-up that no rename or move makes, then the changes."""
    made_by_change = set(lineage.loc[lineage["kind"].isin(["rename", "move"]), "successor_id"])
    rows = [
        [
            KIND_WORDS["new"],
            u["name_vi"],
            None,
            u["unit_id"],
            u["name_en"],
            u["short_vi"],
            u["unit_group"],
            None,
            None,
            None,
            u.get("note_vi"),
            u.get("note_en"),
        ]
        for _, u in units.iterrows()
        if u["unit_id"] not in made_by_change
    ]
    for _, r in lineage.iterrows():
        creates = r["kind"] in ("rename", "move")
        date = r["effective_date"]
        rows.append(
            [
                KIND_WORDS[r["kind"]],
                r["predecessor_id"],
                r["s_vi"],
                r["successor_id"] if creates else None,
                r["s_en"] if creates else None,
                r["s_short"] if creates else None,
                r["s_group"] if creates else None,
                date.isoformat() if date is not None and not pd.isna(date) else None,
                r["decision_no"],
                None,
                r["note_vi"],
                r["note_en"],
            ]
        )
    rows += [
        [KIND_WORDS["alias"], a["unit_id"], None, None, None, None, None, None, None, a["alias"], None, None]
        for _, a in aliases.iterrows()
    ]
    return rows


def _sheets(settings: dict, criteria: list, tiers: list, changes: list) -> dict[str, pd.DataFrame]:
    return {
        SETTINGS: pd.DataFrame({"Mục": list(settings), "Giá trị": list(settings.values())}),
        CRITERIA: pd.DataFrame(criteria, columns=CRITERIA_HEADINGS),
        TIERS: pd.DataFrame(tiers, columns=TIER_HEADINGS),
        CHANGES: pd.DataFrame(changes, columns=CHANGE_HEADINGS),
    }


def workbook_bytes(settings: dict, criteria: list, tiers: list, changes: list) -> bytes:
    """A set-up workbook with these rows (sheets and headings as the template's), instructions first."""
    return _workbook(settings, criteria, tiers, changes)


def _workbook(settings: dict, criteria: list, tiers: list, changes: list) -> bytes:
    return cells.xlsx_bytes(
        {
            "Hướng dẫn": pd.DataFrame({"Hướng dẫn / Instructions": INSTRUCTIONS}),
            **_sheets(settings, criteria, tiers, changes),
        }
    )
