"""The fixture dataset with a reorganisation like 2025's: two departments merged into one, a
district abolished, a commune group appearing, a split, and a unit renamed twice. The communes
record the former districts they were formed from (unit_origins), one of them in a neighbouring
province, and the 2026 commune results are a draft holding a commune no published year has.

Kept apart from fixture_data.TABLES so the exact-value tests there keep their small world."""

from __future__ import annotations

import copy

from fixture_data import TABLES


def _unit(uid, group, name, first, last="", jurisdiction="tinh-a"):
    return {
        "unit_id": uid,
        "jurisdiction_id": jurisdiction,
        "group": group,
        "name_vi": name,
        "name_en": name,
        "short_vi": name,
        "short_en": name,
        "first_year": first,
        "last_year": last,
    }


def _lineage(before, after, year, kind, note_vi="", note_en=""):
    return {
        "predecessor_id": before,
        "successor_id": after,
        "year": year,
        "kind": kind,
        "source_id": "SRC",
        "note_vi": note_vi,
        "note_en": note_en,
    }


def _assessment(aid, year, group, n, status="published"):
    return {
        "assessment_id": aid,
        "jurisdiction_id": "tinh-a",
        "year": year,
        "group": group,
        "framework_id": "",
        "max_total": "100",
        "n_units": n,
        "ranking": "computed",
        "status": status,
        "decision_no": "",
        "decision_date": "",
        "source_id": "SRC",
        "note_vi": "",
        "note_en": "",
    }


def _result(aid, uid, total):
    return {
        "assessment_id": aid,
        "unit_id": uid,
        "total": total,
        "self_total": "",
        "appraised": "",
        "survey": "",
        "published_rank": "",
        "published_tier": "",
        "derived": "",
        "provenance": "illustrative",
        "source_id": "SRC",
        "note_vi": "",
        "note_en": "",
    }


def _origin(uid, former, predecessors, code):
    return {
        "unit_id": uid,
        "former_unit_id": former,
        "predecessors_vi": predecessors,
        "code_2025": code,
        "source_id": "SRC",
    }


def lineage_overrides() -> dict[str, list[dict]]:
    tables = copy.deepcopy({k: TABLES[k] for k in ("jurisdictions", "units", "unit_lineage", "assessments", "results")})
    tables["jurisdictions"].append(
        {"jurisdiction_id": "tinh-b", "name_vi": "tỉnh B", "name_en": "Province B", "level": "province"}
    )
    tables["units"] += [
        _unit("noi-vu", "department", "Sở Nội vụ", 2022, 2024),
        _unit("ldtbxh", "department", "Sở Lao động", 2022, 2024),
        _unit("noi-vu-moi", "department", "Sở Nội vụ (mới)", 2025),
        _unit("r1", "department", "Tên 1", 2022, 2022),
        _unit("r2", "department", "Tên 2", 2023, 2023),
        _unit("r3", "department", "Tên 3", 2024),
        _unit("h-cu", "district", "huyện Cũ", 2022, 2024),  # abolished in 2025
        _unit("h-chia", "district", "huyện Chia", 2022, 2022),  # split in 2023
        _unit("h-a", "district", "huyện A", 2023, 2024),
        _unit("h-b", "district", "huyện B", 2023, 2024),
        # former districts only the communes' origins name (never assessed here): Đồi sorts after
        # Cũ and before Khác in Vietnamese, after both byte by byte
        _unit("h-doi", "district", "huyện Đồi", 2022, 2024),
        _unit("h-khac", "district", "huyện Khác", 2022, 2024, jurisdiction="tinh-b"),
        _unit("xa-1", "commune", "xã Một", 2025),
        _unit("xa-2", "commune", "xã Hai", 2025),
        _unit("xa-3", "commune", "xã Ba", 2026),  # in the 2026 draft only: as secret as the draft
    ]
    tables["unit_origins"] = [
        _origin("xa-1", "h-cu", "Xã Cũ Một; Thị trấn Cũ", "00001"),
        _origin("xa-1", "h-khac", "Xã Bên Kia", "00001"),  # a commune formed across two provinces
        _origin("xa-2", "h-cu", "Xã Cũ Hai", "00002"),
        _origin("xa-2", "h-doi", "Xã Đồi", "00002"),
        _origin("xa-3", "h-a", "Xã A Một", ""),  # no code known yet
    ]
    tables["unit_lineage"] += [
        _lineage("noi-vu", "noi-vu-moi", 2025, "merge"),
        _lineage("ldtbxh", "noi-vu-moi", 2025, "merge"),
        _lineage("r1", "r2", 2023, "rename", "Tên 1 đổi thành Tên 2", "Name 1 became Name 2"),
        _lineage("r2", "r3", 2024, "rename", "Tên 2 đổi thành Tên 3", "Name 2 became Name 3"),
        _lineage("h-cu", "", 2025, "abolish"),
        _lineage("h-chia", "h-a", 2023, "split"),
        _lineage("h-chia", "h-b", 2023, "split"),
    ]
    tables["assessments"] += [
        _assessment(f"y-{year}-{group}", year, group, n)
        for year, group, n in (
            (2022, "department", 3),
            (2023, "department", 3),
            (2024, "department", 3),
            (2025, "department", 1),
            (2022, "district", 2),
            (2023, "district", 3),
            (2024, "district", 3),
            (2025, "commune", 2),
        )
    ]
    tables["assessments"].append(_assessment("y-2026-commune", 2026, "commune", 3, status="draft"))
    tables["results"] += [
        _result(aid, uid, total)
        for aid, uid, total in (
            ("y-2022-department", "noi-vu", "90.00"),
            ("y-2022-department", "ldtbxh", "84.00"),
            ("y-2022-department", "r1", "80.00"),
            ("y-2023-department", "noi-vu", "91.00"),
            ("y-2023-department", "ldtbxh", "85.00"),
            ("y-2023-department", "r2", "81.00"),
            ("y-2024-department", "noi-vu", "92.00"),
            ("y-2024-department", "ldtbxh", "86.00"),
            ("y-2024-department", "r3", "82.00"),
            ("y-2025-department", "noi-vu-moi", "88.00"),
            ("y-2022-district", "h-cu", "70.00"),
            ("y-2022-district", "h-chia", "75.00"),
            ("y-2023-district", "h-cu", "71.00"),
            ("y-2023-district", "h-a", "76.00"),
            ("y-2023-district", "h-b", "74.00"),
            ("y-2024-district", "h-cu", "72.00"),
            ("y-2024-district", "h-a", "77.00"),
            ("y-2024-district", "h-b", "73.00"),
            ("y-2025-commune", "xa-1", "80.00"),
            ("y-2025-commune", "xa-2", "79.00"),
            ("y-2026-commune", "xa-1", "81.00"),
            ("y-2026-commune", "xa-2", "78.00"),
            ("y-2026-commune", "xa-3", "83.00"),
        )
    ]
    return tables
