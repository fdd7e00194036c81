"""A small dataset built in code, every value chosen to exercise one rule (see the comments).

`write_fixture(data_dir)` writes it in the embedded dataset's CSV layout, so tests go through
the same build path as the real data. Tests change one table at a time with `overrides`.
"""

from __future__ import annotations

import csv
from pathlib import Path

TABLES: dict[str, list[dict]] = {
    "sources": [
        {
            "source_id": "SRC",
            "publisher_vi": "UBND tỉnh A",
            "publisher_en": "Province A PPC",
            "document_no": "QĐ 1/QĐ-UBND",
            "title": "Công bố chỉ số",
            "url": "",
            "provenance": "published",
        },
    ],
    "jurisdictions": [
        {"jurisdiction_id": "tinh-a", "name_vi": "tỉnh A", "name_en": "Province A", "level": "province"},
        {"jurisdiction_id": "vn", "name_vi": "Việt Nam", "name_en": "Viet Nam", "level": "national"},
    ],
    "units": [
        # gamma has no 2020 result (a missing year); old-name was renamed new-name in 2020;
        # newcomer first appears in 2021.
        *(
            {
                "unit_id": uid,
                "jurisdiction_id": "tinh-a",
                "group": "department",
                "name_vi": f"Đơn vị {name}",
                "name_en": f"Unit {name}",
                "short_vi": name,
                "short_en": name,
                "first_year": first,
                "last_year": last,
            }
            for uid, name, first, last in (
                ("alpha", "Alpha", 2015, ""),
                ("beta", "Beta", 2015, ""),
                ("gamma", "Gamma", 2015, ""),
                ("delta", "Delta", 2015, ""),
                ("old-name", "Cũ", 2015, 2019),
                ("new-name", "Mới", 2020, ""),
                ("newcomer", "Newcomer", 2021, ""),
            )
        ),
        *(
            {
                "unit_id": uid,
                "jurisdiction_id": "tinh-a",
                "group": "district",
                "name_vi": f"huyện {uid}",
                "name_en": f"{uid} district",
                "short_vi": uid,
                "short_en": uid,
                "first_year": 2015,
                "last_year": "",
            }
            for uid in ("d1", "d2")
        ),
        *(
            {
                "unit_id": uid,
                "jurisdiction_id": "vn",
                "group": "province",
                "name_vi": f"tỉnh {uid}",
                "name_en": f"{uid} province",
                "short_vi": uid,
                "short_en": uid,
                "first_year": 2015,
                "last_year": "",
            }
            for uid in ("p1", "p2")
        ),
    ],
    "unit_aliases": [{"alias": "ĐV Alpha", "unit_id": "alpha"}],
    "unit_lineage": [
        {
            "predecessor_id": "old-name",
            "successor_id": "new-name",
            "year": 2020,
            "kind": "rename",
            "source_id": "SRC",
            "note_vi": "",
            "note_en": "",
        },
    ],
    "frameworks": [
        {
            "framework_id": "fw0",
            "name_vi": "Bộ tiêu chí 0",
            "name_en": "Criteria set 0",
            "first_year": 2020,
            "last_year": 2020,
            "max_total": "100",
            "provenance": "illustrative",
            "source_id": "SRC",
            "note_vi": "",
            "note_en": "",
        },
        {
            "framework_id": "fw1",
            "name_vi": "Bộ tiêu chí 1",
            "name_en": "Criteria set 1",
            "first_year": 2021,
            "last_year": 2021,
            "max_total": "100",
            "provenance": "illustrative",
            "source_id": "SRC",
            "note_vi": "",
            "note_en": "",
        },
    ],
    "criteria": [
        # The framework changes between 2020 (fw0: areas of 50 and 50) and 2021 (fw1: 60 and 40);
        # areas compare across the change by area_key. S is survey-based: no self-assessment.
        {
            "framework_id": fw,
            "criterion_id": cid,
            "parent_id": parent,
            "level": level,
            "area_key": area,
            "name_vi": cid,
            "name_en": cid,
            "short_vi": cid,
            "short_en": cid,
            "max_points": points,
            "self_assessed": self_assessed,
            "sort_order": order,
        }
        for fw, cid, parent, level, area, points, self_assessed, order in (
            ("fw0", "A", "", "area", "A", "50", "true", 1),
            ("fw0", "A.1", "A", "criterion", "A", "50", "true", 1),
            ("fw0", "A.1.a", "A.1", "sub", "A", "25", "true", 1),
            ("fw0", "A.1.b", "A.1", "sub", "A", "25", "true", 2),
            ("fw0", "S", "", "area", "S", "50", "false", 2),
            ("fw0", "S.1", "S", "criterion", "S", "50", "false", 1),
            ("fw0", "S.1.a", "S.1", "sub", "S", "50", "false", 1),
            ("fw1", "A", "", "area", "A", "60", "true", 1),
            ("fw1", "A.1", "A", "criterion", "A", "60", "true", 1),
            ("fw1", "A.1.a", "A.1", "sub", "A", "30", "true", 1),
            ("fw1", "A.1.b", "A.1", "sub", "A", "30", "true", 2),
            ("fw1", "S", "", "area", "S", "40", "false", 2),
            ("fw1", "S.1", "S", "criterion", "S", "40", "false", 1),
            ("fw1", "S.1.a", "S.1", "sub", "S", "40", "false", 1),
        )
    ],
    "assessments": [
        {
            "assessment_id": aid,
            "jurisdiction_id": jur,
            "year": year,
            "group": group,
            "framework_id": fw,
            "max_total": maximum,
            "n_units": n,
            "ranking": ranking,
            "status": "published",
            "decision_no": "QĐ 1/QĐ-UBND",
            "decision_date": "",
            "source_id": "SRC",
            "note_vi": "",
            "note_en": "",
        }
        for aid, jur, year, group, fw, maximum, n, ranking in (
            ("x-2015", "tinh-a", 2015, "department", "", "70", 5, "computed"),  # 70-point scale
            ("x-2020", "tinh-a", 2020, "department", "fw0", "100", 5, "computed"),
            ("x-2021", "tinh-a", 2021, "department", "fw1", "100", 6, "computed"),
            ("x-2021-d", "tinh-a", 2021, "district", "", "100", 2, "computed"),
            ("n-2021", "vn", 2021, "province", "", "100", 63, "published"),  # partial national table
        )
    ],
    "tiers": [
        {
            "jurisdiction_id": "tinh-a",
            "year": year,
            "group": group,
            "tier_order": order,
            "code": code,
            "label_vi": vi,
            "label_en": en,
            "min_points": minimum,
            "min_inclusive": inclusive,
            "provenance": "published",
            "source_id": "SRC",
        }
        for year, group, order, code, vi, en, minimum, inclusive in (
            (2015, "department", 1, "Tốt", "Tốt", "Good", "55", "true"),
            (2015, "department", 2, "Khá", "Khá", "Fair", "45", "true"),
            (2015, "department", 3, "Yếu", "Yếu", "Weak", "", ""),
            *((y, "department", 1, ">= 90", "Từ 90 điểm", "90 and above", "90", "true") for y in (2020, 2021)),
            *(
                (y, "department", 2, "85 - < 90", "Từ 85 đến dưới 90", "85 to under 90", "85", "true")
                for y in (2020, 2021)
            ),
            *((y, "department", 3, "< 85", "Dưới 85", "Under 85", "", "") for y in (2020, 2021)),
            (2021, "district", 1, "> 90", "Trên 90", "Above 90", "90", "false"),  # exclusive bound
            (2021, "district", 2, "<= 90", "Từ 90 trở xuống", "90 and under", "", ""),
        )
    ],
    "results": [
        {
            "assessment_id": aid,
            "unit_id": uid,
            "total": total,
            "self_total": "",
            "appraised": "",
            "survey": "",
            "published_rank": rank,
            "published_tier": tier,
            "derived": "",
            "provenance": "published",
            "source_id": "SRC",
            "note_vi": "",
            "note_en": "",
        }
        for aid, uid, total, rank, tier in (
            ("x-2015", "alpha", "62.50", "", "Tốt"),
            ("x-2015", "beta", "55.00", "", ""),  # exactly on the Tốt bound
            ("x-2020", "alpha", "88.00", "", ""),
            ("x-2020", "beta", "92.00", "", ""),
            ("x-2020", "delta", "80.00", "", ""),
            ("x-2020", "old-name", "75.00", "", ""),
            ("x-2021", "alpha", "90.00", "", ""),  # on the inclusive bound: top tier
            ("x-2021", "beta", "89.995", "", ""),  # a hair below it: second tier, not rounded up
            ("x-2021", "gamma", "85.00", "", ""),  # tie with delta: both 3rd, next is 5th
            ("x-2021", "delta", "85.00", "", ""),
            ("x-2021", "new-name", "70.00", "", ""),
            ("x-2021", "newcomer", "60.00", "", ""),
            ("x-2021-d", "d1", "90.00", "", ""),  # on an exclusive bound: not "> 90"
            ("x-2021-d", "d2", "90.01", "", ""),
            ("n-2021", "p1", "88.44", "11", ""),
            ("n-2021", "p2", "95.00", "", ""),  # no published rank: none is computed
        )
    ],
    "scores": [
        {
            "assessment_id": aid,
            "unit_id": uid,
            "criterion_id": cid,
            "self_points": self_points,
            "final_points": final,
            "provenance": "illustrative",
        }
        for aid, uid, leaves in (
            # (final, self) per leaf A.1.a, A.1.b, S.1.a; alpha and new-name over-score themselves
            ("x-2020", "alpha", (("22", "24"), ("20", "22"), ("46", ""))),
            ("x-2020", "beta", (("25", "25"), ("22", "22"), ("45", ""))),
            ("x-2020", "delta", (("20", "20"), ("20", "20"), ("40", ""))),
            ("x-2020", "old-name", (("20", "22"), ("15", "18"), ("40", ""))),
            ("x-2021", "alpha", (("28", "30"), ("25", "27"), ("37", ""))),
            ("x-2021", "beta", (("30", "30"), ("24.995", "25"), ("35", ""))),
            ("x-2021", "gamma", (("25", "25"), ("25", "25"), ("35", ""))),
            ("x-2021", "delta", (("20", "20"), ("30", "30"), ("35", ""))),
            ("x-2021", "new-name", (("20", "22"), ("20", "22"), ("30", ""))),
            ("x-2021", "newcomer", (("15", "15"), ("15", "15"), ("30", ""))),
        )
        for cid, (final, self_points) in zip(("A.1.a", "A.1.b", "S.1.a"), leaves)
    ],
    "published_stats": [
        {
            "jurisdiction_id": "tinh-a",
            "year": year,
            "group": "department",
            "stat": stat,
            "value": value,
            "source_id": "SRC",
            "note": "",
        }
        for year, stat, value in (
            (2015, "count_tier:Tốt", "2"),
            (2015, "count_tier:Khá", "3"),  # names withheld: the 3 unknown units could be these
            (2021, "mean_total", "80.00"),
            (2021, "count_band:>= 90", "1"),
            (2021, "count_at_or_above_90", "1"),
        )
    ],
}

PUBLISHED_HEADERS = {
    "laocai_units.csv": "year,unit_group,unit_name,total_score,max_score,tier_or_band,source_id,note",
    "laocai_group_stats.csv": "year,unit_group,stat,value,source_id,note",
    "laocai_national_par_index.csv": "year,total_score,max_score,rank,rank_of,status,source_id,note",
    "national_par_index_provinces.csv": "year,province,total_score,score_unit,rank,rank_of,rank_note,note,source_url",
    "yenbai_units.csv": "year,unit_group,unit_name,total_pct,rank,rank_of,note,source_id",
    "yenbai_national_par_index.csv": "year,province,total_score,rank,rank_of,derived,note,source_id",
    "new_laocai_communes_2025.csv": "name,kind,code_2025,former_districts,former_province,predecessor_units,decision,"
    "clause,source_ids",
}


def write_fixture(data_dir: Path, overrides: dict[str, list[dict]] | None = None) -> Path:
    """Write the fixture dataset (with some tables replaced) into data_dir; returns data_dir."""
    tables = {**TABLES, **(overrides or {})}
    data_dir.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        columns = list((TABLES.get(name) or rows)[0])  # an optional table only an override has (unit_origins)
        with (data_dir / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    published = data_dir / "published"
    published.mkdir(exist_ok=True)
    for name, header in PUBLISHED_HEADERS.items():
        (published / name).write_text(header + "\n", encoding="utf-8")
    return data_dir
