"""The new Lào Cai (from 1 July 2025): its 99 communes and where each came from, the 18 districts
that ended, and Yên Bái's published facts, exactly as data/published/ has them."""

from __future__ import annotations

import csv
from decimal import Decimal

import duckdb
import pytest

from parindex.build import build
from parindex.dataset import DatasetError
from parindex.paths import DATA_DIR


def rows(db, sql: str, params=None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params).fetchall()


def test_the_99_communes_load_with_their_former_districts(embedded_db):
    assert rows(
        embedded_db,
        "SELECT count(*), count(*) FILTER (name_vi LIKE 'xã %'), "
        "count(*) FILTER (name_vi LIKE 'phường %') FROM unit "
        "WHERE jurisdiction_id = 'lao-cai' AND unit_group = 'commune'",
    ) == [(99, 89, 10)]
    by_province = rows(
        embedded_db,
        """
        SELECT d.jurisdiction_id, count(DISTINCT o.unit_id) FROM unit_origin o
        JOIN unit d ON d.unit_id = o.former_unit_id GROUP BY ALL ORDER BY 1""",
    )
    assert by_province == [("lao-cai", 48), ("yen-bai", 51)]
    assert rows(
        embedded_db, "SELECT count(*) FROM (SELECT unit_id FROM unit_origin GROUP BY unit_id HAVING count(*) = 2)"
    ) == [(12,)]
    published = list(csv.DictReader((DATA_DIR / "published" / "new_laocai_communes_2025.csv").open(encoding="utf-8")))
    assert len(published) == 99
    # one commune exactly: Tú Lệ took in communes of two former districts
    assert rows(
        embedded_db,
        """SELECT d.name_vi, o.predecessors_vi, o.code_2025 FROM unit_origin o
                                JOIN unit d ON d.unit_id = o.former_unit_id WHERE o.unit_id = 'xa-tu-le'
                                ORDER BY 1""",
    ) == [("huyện Mù Cang Chải", "Xã Cao Phạ", "04630"), ("huyện Văn Chấn", "Xã Tú Lệ", "04630")]


def test_every_district_of_both_old_provinces_ends_in_2025(embedded_db):
    ended = rows(
        embedded_db,
        """
        SELECT u.jurisdiction_id, count(*), min(u.last_year), max(u.last_year),
               bool_and(l.kind = 'abolish' AND l.year = 2025 AND l.effective_date = DATE '2025-07-01')
        FROM unit u JOIN unit_lineage l ON l.predecessor_id = u.unit_id
        WHERE u.unit_group = 'district' AND l.year = 2025 GROUP BY ALL ORDER BY 1""",
    )
    assert ended == [("lao-cai", 9, 2024, 2024, True), ("yen-bai", 9, 2024, 2024, True)]
    assert rows(embedded_db, "SELECT count(*) FROM unit WHERE unit_group = 'district' AND last_year IS NULL") == [(0,)]


def test_the_build_fails_when_a_communes_former_district_is_unknown(data_copy, tmp_path):
    path = data_copy / "unit_origins.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("xa-tu-le,yen-bai-huyen-van-chan", "xa-tu-le,yen-bai-huyen-khong-co", 1), encoding="utf-8"
    )
    with pytest.raises(DatasetError) as failed:
        build(data_copy, tmp_path / "x.duckdb")
    assert any(p.column == "former_unit_id" and "yen-bai-huyen-khong-co" in p.reason for p in failed.value.problems)
    assert not (tmp_path / "x.duckdb").exists()


def test_yen_bais_published_facts_are_in_the_database_and_nothing_more(embedded_db):
    assert rows(
        embedded_db,
        """SELECT u.name_vi, s.total, s.rank FROM standing s JOIN unit u USING (unit_id)
                                WHERE s.jurisdiction_id = 'yen-bai' AND s.year = 2021 AND s.unit_group = 'department'
                                ORDER BY s.rank NULLS LAST, u.name_vi""",
    ) == [
        ("Văn phòng UBND tỉnh", Decimal("96.37"), 1),
        ("Sở Giao thông vận tải", Decimal("94.92"), 2),
        ("Sở Giáo dục và Đào tạo", Decimal("93.96"), 3),
        ("Ban Quản lý các khu công nghiệp", Decimal("79.09"), 19),
        ("Ban Dân tộc", None, None),
        ("Sở Y tế", None, None),
    ]
    assert rows(
        embedded_db,
        "SELECT total, rank FROM standing WHERE jurisdiction_id = 'vn' AND year = 2021 AND unit_id = 'yen-bai'",
    ) == [(Decimal("87.24"), 21)]
    # only what was published: no illustrative row, no score per criterion, for any Yên Bái unit
    assert rows(
        embedded_db,
        """SELECT count(*) FILTER (r.provenance <> 'published'), count(sc.unit_id)
                                FROM result r JOIN unit u USING (unit_id)
                                LEFT JOIN score sc USING (assessment_id, unit_id)
                                WHERE u.jurisdiction_id = 'yen-bai'""",
    ) == [(0, 0)]
    assert rows(
        embedded_db, "SELECT count(*) FROM result r JOIN unit u USING (unit_id) WHERE u.jurisdiction_id = 'yen-bai'"
    ) == [(26,)]


def test_a_yen_bai_fact_not_reproduced_fails_the_build(data_copy, tmp_path):
    path = data_copy / "results.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "yen-bai-van-phong-ubnd-tinh,96.37", "yen-bai-van-phong-ubnd-tinh,96.73"
        ),
        encoding="utf-8",
    )
    with pytest.raises(DatasetError) as failed:
        build(data_copy, tmp_path / "x.duckdb")
    assert [p.file for p in failed.value.problems] == ["published/yenbai_units.csv"]
