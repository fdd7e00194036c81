"""2025 in the embedded dataset: illustrative results for the new Lào Cai's 14 agencies and 99
communes, their criteria sets and bands set up from data/setups/ through the yearly-cycle planner,
and nothing illustrative for Yên Bái."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import duckdb
import pytest
from openpyxl import load_workbook

from parindex import setups
from parindex.build import build
from parindex.dataset import TABLES, DatasetError, _read_table
from parindex.paths import DATA_DIR

ATTESTED = {
    "Sở Nội vụ",
    "Sở Tài chính",
    "Sở Nông nghiệp và Môi trường",
    "Sở Dân tộc và Tôn giáo",
    "Sở Công Thương",
    "Sở Giáo dục và Đào tạo",
    "Thanh tra tỉnh",
}


def rows(db, sql: str, params=None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params).fetchall()


def test_the_2025_assessments_are_published_and_wholly_illustrative(embedded_db):
    assert rows(
        embedded_db,
        """
        SELECT a.unit_group, a.status, a.framework_id, f.provenance, count(r.unit_id),
               bool_and(r.provenance = 'illustrative' AND r.source_id = 'ILL')
        FROM assessment a JOIN framework f USING (framework_id) JOIN result r USING (assessment_id)
        WHERE a.jurisdiction_id = 'lao-cai' AND a.year = 2025 GROUP BY ALL ORDER BY 1""",
    ) == [
        ("commune", "published", "ill-2025-commune", "illustrative", 99, True),
        ("department", "published", "ill-2025-department", "illustrative", 14, True),
    ]
    assert rows(
        embedded_db,
        """SELECT DISTINCT s.provenance FROM score s JOIN assessment a USING (assessment_id)
                                WHERE a.year = 2025""",
    ) == [("illustrative",)]
    assert rows(embedded_db, "SELECT DISTINCT provenance FROM tier WHERE year = 2025") == [("illustrative",)]
    # every result is the sum of its sub-criterion scores, out of 100
    assert rows(
        embedded_db,
        """
        SELECT count(*) FROM result r JOIN assessment a USING (assessment_id)
        WHERE a.year = 2025 AND r.total <> (SELECT sum(final_points) FROM score s
                                            WHERE s.assessment_id = r.assessment_id AND s.unit_id = r.unit_id)""",
    ) == [(0,)]
    # the 99 communes assessed are exactly the new province's
    assert rows(
        embedded_db,
        """SELECT count(*) FROM result r JOIN unit u USING (unit_id)
                                WHERE r.assessment_id = 'lao-cai-2025-commune' AND u.unit_group = 'commune'
                                AND u.first_year = 2025""",
    ) == [(99,)]


def test_fourteen_agencies_seven_attested_seven_noted_as_not_confirmed(embedded_db):
    agencies = rows(
        embedded_db,
        """SELECT u.name_vi, u.note_vi, u.note_en FROM result r JOIN unit u USING (unit_id)
                                    WHERE r.assessment_id = 'lao-cai-2025-department'""",
    )
    assert len(agencies) == 14
    attested = {name for name, note, _ in agencies if note is None}
    assert attested == ATTESTED
    published = {
        r["unit_name"]
        for r in csv.DictReader((DATA_DIR / "published" / "new_laocai_agencies_2025.csv").open(encoding="utf-8"))
    }
    assert published >= ATTESTED
    for name, note_vi, note_en in agencies:
        if name not in ATTESTED:
            assert "không có nguồn xác nhận" in note_vi and "not confirmed by a source" in note_en, name
    assert {name for name, *_ in agencies} - ATTESTED == {
        "Văn phòng UBND tỉnh",
        "Sở Tư pháp",
        "Sở Xây dựng",
        "Sở Khoa học và Công nghệ",
        "Sở Y tế",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Ngoại vụ",
    }


def test_agencies_descend_from_both_old_provinces(embedded_db):
    assert rows(
        embedded_db,
        """SELECT l.predecessor_id, l.kind, l.year, l.effective_date FROM unit_lineage l
                                JOIN unit s ON s.unit_id = l.successor_id
                                WHERE s.name_vi = 'Sở Y tế' AND s.first_year = 2025 ORDER BY 1""",
    ) == [("so-y-te", "merge", 2025, date(2025, 7, 1)), ("yen-bai-so-y-te", "merge", 2025, date(2025, 7, 1))]
    by_agency = rows(
        embedded_db,
        """
        SELECT s.unit_id, list(DISTINCT p.jurisdiction_id ORDER BY p.jurisdiction_id),
               bool_and(l.kind = 'merge' AND l.year = 2025), count(*)
        FROM unit_lineage l JOIN unit s ON s.unit_id = l.successor_id JOIN unit p ON p.unit_id = l.predecessor_id
        WHERE s.unit_group = 'department' AND s.first_year = 2025 GROUP BY ALL""",
    )
    assert len(by_agency) == 14 and all(ok for _, _, ok, _ in by_agency)
    both = {u for u, places, _, _ in by_agency if places == ["lao-cai", "yen-bai"]}
    assert both == {
        "so-tai-chinh-2025",
        "so-dan-toc-ton-giao-2025",
        "so-giao-duc-dao-tao-2025",
        "so-y-te-2025",
        "van-phong-ubnd-2025",
        "so-xay-dung-2025",
    }
    # a lineage no source states says so; the one stated (old Lào Cai's Tài chính + Kế hoạch và Đầu tư) does not
    notes = dict(
        rows(
            embedded_db,
            "SELECT predecessor_id || '>' || successor_id, note_en FROM unit_lineage "
            "WHERE year = 2025 AND kind = 'merge'",
        )
    )
    assert "not confirmed by a source" in notes["yen-bai-so-y-te>so-y-te-2025"]
    assert "not confirmed" not in notes["so-ke-hoach-dau-tu>so-tai-chinh-2025"]
    assert rows(embedded_db, "SELECT last_year FROM unit WHERE unit_id IN ('so-y-te', 'yen-bai-so-y-te')") == [
        (2024,),
        (2024,),
    ]


def test_nothing_illustrative_for_yen_bai(embedded_db):
    assert rows(
        embedded_db,
        """SELECT count(*) FROM result r JOIN unit u USING (unit_id)
                                WHERE u.jurisdiction_id = 'yen-bai' AND r.provenance <> 'published'""",
    ) == [(0,)]
    assert rows(
        embedded_db,
        """SELECT count(*) FROM score s JOIN unit u USING (unit_id)
                                WHERE u.jurisdiction_id = 'yen-bai'""",
    ) == [(0,)]
    assert rows(embedded_db, "SELECT count(*) FROM assessment WHERE jurisdiction_id = 'yen-bai' AND year >= 2022") == [
        (0,)
    ]


@pytest.mark.parametrize("group", ["department", "commune"])
def test_the_2025_sets_came_through_the_set_up_planner(embedded_db, group):
    problems: list = []
    frames = {t.name: _read_table(DATA_DIR, t, problems) for t in TABLES}
    assert not problems
    path = DATA_DIR / "setups" / f"2025-{group}.xlsx"
    for earlier in setups.workbooks(DATA_DIR):  # the workbooks before it, as the build lays them
        if earlier == path:
            break
        frames = setups.lay(frames, setups.plan(earlier, frames, earlier.name, problems), earlier.name, "x")
    planned = setups.plan(path, frames, path.name, problems)
    assert not problems and planned.ok
    criteria = sorted(
        (r["criterion_id"], r["parent_id"], r["level"], r["area_key"], r["max_points"], r["self_assessed"])
        for r in planned.frames["criterion"].to_dict("records")
    )
    stored = rows(
        embedded_db,
        """SELECT criterion_id, parent_id, level, area_key, max_points, self_assessed
                                  FROM criterion WHERE framework_id = ? ORDER BY 1""",
        [f"ill-2025-{group}"],
    )
    assert [(c, p if p else None, lv, k, Decimal(m), s) for c, p, lv, k, m, s in criteria] == stored
    tiers = [(r["tier_order"], r["label_vi"], r["min_points"]) for r in planned.frames["tier"].to_dict("records")]
    assert (
        rows(
            embedded_db,
            "SELECT tier_order, label_vi, min_points FROM tier WHERE year = 2025 AND unit_group = ? ORDER BY 1",
            [group],
        )
        == tiers
    )
    units = sorted(planned.frames["unit"]["unit_id"]) if not planned.frames["unit"].empty else []
    assert units == sorted(
        u
        for (u,) in rows(
            embedded_db,
            "SELECT unit_id FROM unit WHERE unit_group = ? AND first_year = 2025 AND unit_group = 'department'",
            [group],
        )
    )


def test_a_broken_committed_workbook_fails_the_build_with_sheet_row_and_column(data_copy, tmp_path):
    path = data_copy / "setups" / "2025-commune.xlsx"
    book = load_workbook(path)
    sheet = book["Xếp loại"]
    sheet["F3"] = 91  # the second band now reaches above 90, where the first begins: they overlap
    out = io.BytesIO()
    book.save(out)
    path.write_bytes(out.getvalue())
    with pytest.raises(DatasetError) as failed:
        build(data_copy, tmp_path / "x.duckdb")
    found = [(p.file, p.row, p.column, p.code) for p in failed.value.problems]
    assert any(
        f.endswith("2025-commune.xlsx, sheet 'Xếp loại'")
        and r == 3
        and c
        and c.startswith("F")
        and code == "setup_tier_overlap"
        for f, r, c, code in found
    ), found
    assert not (tmp_path / "x.duckdb").exists()
