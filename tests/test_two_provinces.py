"""Units belong to a jurisdiction: two provinces with the same department names ('Thanh tra tỉnh',
'Văn phòng UBND tỉnh', 'Sở Nội vụ', 'Sở Y tế') import, rank and export independently; names,
aliases and suggestions are matched within the jurisdiction of the import; unit ids stay unique
across the database; a problem of the build's checks speaks of the file (its row, its column
heading, the value), in Vietnamese and English."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_alone
from fixture_data import TABLES, write_fixture
from import_corpus import csv as csv_rows
from parindex.build import build
from parindex.db import query, read_only
from parindex.importing.commit import import_file, preview
from parindex.importing.drafts import export_csv
from parindex.importing.messages import ImportRefused
from parindex.importing.plan import Options
from parindex.paths import DATA_DIR, ROOT

# The fixture's home province (tinh-a) gets Lào Cai's departments, ids and alias as data/ has them.
HOME_UNITS = (
    ("thanh-tra-tinh", "Thanh tra tỉnh"),
    ("van-phong-ubnd", "Văn phòng UBND tỉnh"),
    ("so-noi-vu", "Sở Nội vụ"),
    ("so-y-te", "Sở Y tế"),
    ("so-tai-chinh", "Sở Tài chính"),
)
OVERRIDES = {
    "units": TABLES["units"]
    + [
        {
            "unit_id": uid,
            "jurisdiction_id": "tinh-a",
            "group": "department",
            "name_vi": name,
            "name_en": name,
            "short_vi": name,
            "short_en": name,
            "first_year": 2015,
            "last_year": "",
        }
        for uid, name in HOME_UNITS
    ],
    "unit_aliases": TABLES["unit_aliases"] + [{"alias": "Thanh tra", "unit_id": "thanh-tra-tinh"}],
}
HEADER = ["STT", "Tên đơn vị", "Tổng điểm"]
HOA_BINH = [
    ["Thanh tra tỉnh", "91,5"],
    ["Văn phòng UBND tỉnh", "88"],
    ["Sở Nội vụ", "85,25"],
    ["Sở Y tế", "80"],
    ["Sở Tài chính", "79"],
]
SON_LA = [
    ["Thanh tra tỉnh", "70"],
    ["Văn phòng UBND tỉnh", "95"],
    ["Sở Nội vụ", "82,5"],
    ["Sở Y tế", "90"],
    ["Sở Xây dựng", "60"],
]


def annex(units: list[list], header: list[str] = HEADER, year: int = 2024) -> bytes:
    return csv_rows(
        [
            [f"KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}"],
            header,
            *[[i, *unit] for i, unit in enumerate(units, start=1)],
        ]
    )


def new_province(jurisdiction: str, **changes) -> Options:
    return Options(
        **{
            "year": 2024,
            "group": "department",
            "jurisdiction": jurisdiction,
            "create_units": True,
            "status": "published",
            **changes,
        }
    )


@pytest.fixture(scope="module")
def template_db(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("provinces")
    db = root / "db" / "par.duckdb"
    build(write_fixture(root / "data", OVERRIDES), db)
    return db


@pytest.fixture
def db(template_db, tmp_path) -> Path:
    return copy_alone(template_db, tmp_path)


@pytest.fixture
def both(db) -> Path:
    """Hòa Bình, then Sơn La, imported as new provinces with their units."""
    import_file("hoa-binh.csv", annex(HOA_BINH), new_province("hoa-binh"), db, editor="test")
    import_file("son-la.csv", annex(SON_LA), new_province("son-la"), db, editor="test")
    return db


def units(db: Path) -> list[tuple]:
    with read_only(db, drafts=True) as con:
        return con.execute(
            "SELECT jurisdiction_id, unit_id, name_vi FROM par.unit WHERE unit_group = 'department' "
            "AND name_vi IN (SELECT name_vi FROM par.unit WHERE jurisdiction_id <> 'tinh-a') "
            "ORDER BY ALL"
        ).fetchall()


def test_two_provinces_with_the_same_department_names_both_import(db):
    first = import_file("hoa-binh.csv", annex(HOA_BINH), new_province("hoa-binh"), db, editor="test")
    second = import_file("son-la.csv", annex(SON_LA), new_province("son-la"), db, editor="test")
    assert (first.problems, second.problems) == ([], [])
    assert first.new_units == [name for name, _ in HOA_BINH] and second.new_units == [name for name, _ in SON_LA]
    # The slug where it is free in the whole database, else after the jurisdiction's id.
    assert units(db) == [
        ("hoa-binh", "hoa-binh-so-noi-vu", "Sở Nội vụ"),
        ("hoa-binh", "hoa-binh-so-tai-chinh", "Sở Tài chính"),
        ("hoa-binh", "hoa-binh-so-y-te", "Sở Y tế"),
        ("hoa-binh", "hoa-binh-thanh-tra-tinh", "Thanh tra tỉnh"),
        ("hoa-binh", "van-phong-ubnd-tinh", "Văn phòng UBND tỉnh"),
        ("son-la", "so-xay-dung", "Sở Xây dựng"),
        ("son-la", "son-la-so-noi-vu", "Sở Nội vụ"),
        ("son-la", "son-la-so-y-te", "Sở Y tế"),
        ("son-la", "son-la-thanh-tra-tinh", "Thanh tra tỉnh"),
        ("son-la", "son-la-van-phong-ubnd-tinh", "Văn phòng UBND tỉnh"),
        ("tinh-a", "so-noi-vu", "Sở Nội vụ"),
        ("tinh-a", "so-tai-chinh", "Sở Tài chính"),
        ("tinh-a", "so-y-te", "Sở Y tế"),
        ("tinh-a", "thanh-tra-tinh", "Thanh tra tỉnh"),
        ("tinh-a", "van-phong-ubnd", "Văn phòng UBND tỉnh"),
    ]


# (unit id, name, total, rank): each province's own units, ranked among themselves only
HOA_BINH_RANKING = [
    ("hoa-binh-thanh-tra-tinh", "Thanh tra tỉnh", 91.5, 1),
    ("van-phong-ubnd-tinh", "Văn phòng UBND tỉnh", 88.0, 2),
    ("hoa-binh-so-noi-vu", "Sở Nội vụ", 85.25, 3),
    ("hoa-binh-so-y-te", "Sở Y tế", 80.0, 4),
    ("hoa-binh-so-tai-chinh", "Sở Tài chính", 79.0, 5),
]
SON_LA_RANKING = [
    ("son-la-van-phong-ubnd-tinh", "Văn phòng UBND tỉnh", 95.0, 1),
    ("son-la-so-y-te", "Sở Y tế", 90.0, 2),
    ("son-la-so-noi-vu", "Sở Nội vụ", 82.5, 3),
    ("son-la-thanh-tra-tinh", "Thanh tra tỉnh", 70.0, 4),
    ("so-xay-dung", "Sở Xây dựng", 60.0, 5),
]


def ranking(jurisdiction: str) -> list[tuple]:
    found = query("ranking", jurisdiction=jurisdiction, group="department", year=2024)
    assert set(found["rank_of"]) == {5}
    return [(r.unit_id, r.name_vi, float(r.total), int(r.rank)) for r in found.itertuples()]


def test_each_province_ranks_as_imported_and_independently(both, use_db):
    use_db(both)
    assert ranking("hoa-binh") == HOA_BINH_RANKING
    assert ranking("son-la") == SON_LA_RANKING
    assert query("ranking", jurisdiction="tinh-a", group="department", year=2024).empty
    # A replacement of one province's results changes nothing of the other's; its units are found by name.
    again = import_file(
        "hoa-binh.csv",
        annex([["THANH TRA TỈNH", "60"], *HOA_BINH[1:]]),
        new_province("hoa-binh", replace=True),
        both,
        editor="test",
    )
    assert again.new_units == []
    assert ranking("hoa-binh")[-1] == ("hoa-binh-thanh-tra-tinh", "Thanh tra tỉnh", 60.0, 5)
    assert ranking("son-la") == SON_LA_RANKING


def exported(text: str) -> list[tuple]:
    return [
        (
            r["year"],
            r["group"],
            r["unit_id"],
            r["name_vi"],
            r["total"],
            r["max_total"],
            r["pct_of_max"],
            r["rank"],
            r["rank_of"],
            r["tier_vi"],
            r["provenance"],
        )
        for r in csv.DictReader(io.StringIO(text))
    ]


def test_each_province_exports_exactly_as_imported(both, capsys):
    assert export_csv(both, 2024, "department", "hoa-binh") == 0
    assert exported(capsys.readouterr().out) == [
        ("2024", "department", unit_id, name, str(total), "100.0", str(total), str(rank), "5", "", "published")
        for unit_id, name, total, rank in HOA_BINH_RANKING
    ]
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "parindex",
            "export",
            "--year",
            "2024",
            "--group",
            "department",
            "--jurisdiction",
            "son-la",
            "--db",
            str(both),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert exported(out.stdout) == [
        ("2024", "department", unit_id, name, str(total), "100.0", str(total), str(rank), "5", "", "published")
        for unit_id, name, total, rank in SON_LA_RANKING
    ]


def refused(db: Path, data: bytes, options: Options) -> list[str]:
    return [problem.text("en") for problem in preview("son-la.csv", data, options, db).problems]


def test_names_are_matched_and_suggested_within_the_province_only(both):
    options = Options(2024, "department", jurisdiction="son-la", replace=True)
    # Sở Tài chính is a department of Hòa Bình and of the home province, not of Sơn La; 'Thanh tra'
    # is the home province's alias; Đơn vị Alpha its unit.
    assert refused(
        both,
        annex(
            [
                *SON_LA[:4],
                ["Sở Tài chinh", "60"],
                ["Sở Tài chính", "61"],
                ["Thanh tra", "62"],
                ["Đơn vị Alpha", "63"],
                ["Thanh tra tinhh", "64"],
            ]
        ),
        options,
    ) == [
        "row 7, column B (Tên đơn vị): no unit 'Sở Tài chinh' among the departments of son-la; "
        "did you mean: Thanh tra tỉnh; Sở Xây dựng?",  # Sơn La's own (tỉnh ~ chinh), never Sở Tài chính
        "row 8, column B (Tên đơn vị): no unit 'Sở Tài chính' among the departments of son-la; "
        "did you mean: Thanh tra tỉnh; Sở Xây dựng?",
        "row 9, column B (Tên đơn vị): no unit 'Thanh tra' among the departments of son-la; "
        "did you mean: Thanh tra tỉnh?",
        "row 10, column B (Tên đơn vị): no unit 'Đơn vị Alpha' among the departments of son-la",
        "row 11, column B (Tên đơn vị): no unit 'Thanh tra tinhh' among the departments of son-la; "
        "did you mean: Thanh tra tỉnh?",
    ]
    suggested = preview("son-la.csv", annex([["Thanh tra tinhh", "64"]]), options, both).problems[0]
    assert suggested.text("vi") == (
        "dòng 3, cột B (Tên đơn vị): không có đơn vị «Thanh tra tinhh» trong khối sở, "
        "ban, ngành của son-la; có phải: Thanh tra tỉnh?"
    )
    # With --create-units the home province's alias makes a unit of Sơn La's, never reuses thanh-tra-tinh.
    plan = preview(
        "son-la.csv",
        annex([*SON_LA, ["Thanh tra", "62"]]),
        Options(2024, "department", jurisdiction="son-la", replace=True, create_units=True),
        both,
    )
    assert plan.problems == [] and plan.new_units == ["Thanh tra"]
    assert sorted(plan.frames["unit"]["unit_id"]) == ["thanh-tra"]


def test_a_unit_code_of_another_province_is_refused_with_its_row_column_and_value(both):
    header = ["Mã đơn vị", "Tên đơn vị", "Tổng điểm"]
    data = csv_rows(
        [
            header,
            ["son-la-so-y-te", "Sở Y tế", "90"],
            ["hoa-binh-so-noi-vu", "Sở Nội vụ", "80"],
            ["thanh-tra-tinh", "", "70"],
            ["so-noi-vu-2", "Sở Nội vụ", "71"],
        ]
    )
    for options in (
        Options(2024, "department", jurisdiction="son-la", replace=True),
        Options(2024, "department", jurisdiction="son-la", replace=True, create_units=True),
    ):
        problems = preview("son-la.csv", data, options, both).problems
        assert [p.text("en") for p in problems] == [
            "row 3, column A (Mã đơn vị): the unit code 'hoa-binh-so-noi-vu' is Sở Nội vụ (departments, hoa-binh), "
            "not one of the departments of son-la",
            "row 4, column A (Mã đơn vị): the unit code 'thanh-tra-tinh' is Thanh tra tỉnh (departments, Province A), "
            "not one of the departments of son-la",
            "row 5, column A (Mã đơn vị): no unit code 'so-noi-vu-2' among the departments of son-la; "
            "leave this column empty to match units by name",
        ]
        assert problems[0].text("vi") == (
            "dòng 3, cột A (Mã đơn vị): mã đơn vị «hoa-binh-so-noi-vu» là của Sở Nội vụ (khối sở, ban, ngành, "
            "hoa-binh), không thuộc khối sở, ban, ngành của son-la"
        )


def test_the_group_in_several_provinces_needs_a_jurisdiction(both):
    (problem,) = preview("a.csv", annex(SON_LA), Options(2025, "department", create_units=True), both).problems
    assert problem.text("en") == (
        "row -, column -: choose the jurisdiction (--jurisdiction); those with units "
        "of the group: hoa-binh, son-la, tinh-a"
    )


def test_the_same_name_twice_in_a_file_is_one_new_unit_and_refused_as_a_duplicate(db):
    problems = preview("a.csv", annex([*HOA_BINH, ["Sở Nội vụ", "70"]]), new_province("hoa-binh"), db).problems
    assert [p.text("en") for p in problems] == [
        "row 8, column B (Tên đơn vị): unit 'Sở Nội vụ' already appears in row 5"
    ]


def test_a_build_check_speaks_of_the_file_not_of_the_database(both):
    """A tier the year does not have is found by the build's dataset check, not by the plan."""
    data = annex([["Thanh tra tỉnh", "70", "Tốt"], ["Sở Y tế", "90", "Khá"]], header=[*HEADER, "Xếp loại"])
    with pytest.raises(ImportRefused) as refused:
        import_file(
            "son-la.csv", data, Options(2024, "department", jurisdiction="son-la", replace=True), both, editor="test"
        )
    assert [(p.row, p.column, p.code) for p in refused.value.problems] == [
        (3, "D (Xếp loại)", "unknown_tier"),
        (4, "D (Xếp loại)", "unknown_tier"),
    ]
    first = refused.value.problems[0]
    assert first.text("vi") == (
        "dòng 3, cột D (Xếp loại): «Tốt» không phải là một xếp loại của khối sở, ban, ngành năm 2024"
    )
    assert first.text("en") == "row 3, column D (Xếp loại): 'Tốt' is not a tier of the departments in 2024"


@pytest.fixture
def real_db(embedded_db, tmp_path) -> Path:
    """A scratch copy of the database of data/ (Lào Cai's real units and published facts)."""
    target = tmp_path / "real" / "par.duckdb"
    target.parent.mkdir()
    shutil.copy(embedded_db, target)
    return target


def test_lao_cai_department_names_import_into_another_province(real_db):
    """Was refused with "row 5, column unit_id: data check: 'thanh-tra-tinh' is not a department of
    hoa-binh"; in a year with published facts, Lào Cai's were also said to match two units."""
    data = annex(
        [["Văn phòng UBND tỉnh", "90,5"], ["Sở Nội vụ", "88"], ["Sở Y tế", "80"], ["Thanh tra tỉnh", "85"]], year=2021
    )
    options = Options(2021, "department", jurisdiction="hoa-binh", create_units=True)
    done = import_file("hoa-binh.csv", data, options, real_db, editor="test", data_dir=DATA_DIR)
    assert done.problems == []
    with read_only(real_db, drafts=True) as con:
        assert con.execute(
            "SELECT unit_id, jurisdiction_id FROM par.unit WHERE name_vi = 'Thanh tra tỉnh' ORDER BY 1"
        ).fetchall() == [
            ("hoa-binh-thanh-tra-tinh", "hoa-binh"),
            ("thanh-tra-tinh", "lao-cai"),
            ("thanh-tra-tinh-2025", "lao-cai"),
        ]  # the merged agency
        assert con.execute(
            "SELECT unit_id, total FROM par.result WHERE assessment_id = 'hoa-binh-2021-department' "
            "AND unit_id LIKE '%thanh-tra%'"
        ).fetchall() == [("hoa-binh-thanh-tra-tinh", 85)]


def test_a_published_fact_contradicted_names_the_row_and_heading_of_the_file(real_db):
    """Sở Y tế's 2015 score was published as 58.5 (of 70); the file gives 60."""
    data = csv_rows([["KẾT QUẢ NĂM 2015"], HEADER, [1, "Sở Y tế", "60"]])
    with pytest.raises(ImportRefused) as refused:
        import_file(
            "lao-cai.csv",
            data,
            Options(2015, "department", jurisdiction="lao-cai", replace=True),
            real_db,
            editor="test",
            data_dir=DATA_DIR,
        )
    problems = refused.value.problems
    mine = [p for p in problems if p.row is not None]
    assert [(p.row, p.column, p.code) for p in mine] == [(3, "C (Tổng điểm)", "fact_total")]
    assert mine[0].text("vi") == (
        "dòng 3, cột C (Tổng điểm): 60 trái với số liệu đã công bố: năm 2015, Sở Y tế được "
        "công bố 58,5 điểm (published/laocai_units.csv, dòng 7)"
    )
    assert mine[0].text("en") == (
        "row 3, column C (Tổng điểm): 60 contradicts a published figure: in 2015, Sở Y tế "
        "was published with 58.5 points (published/laocai_units.csv, line 7)"
    )
    for problem in problems:  # the units the file leaves out, the group's figures: both languages, no internals
        for lang in ("vi", "en"):
            text = problem.text(lang)
            assert "unit_id" not in text and "total_score" not in text and "column total" not in text, text
        assert problem.code != "check", problem


def test_the_build_checks_problems_are_shown_at_the_files_row_and_heading(db):
    """What an import can still meet in the dataset's rules (the plan prevents most of it): shown
    with the file's heading and value, never the dataset's 'unit_id' or 'total'."""
    from decimal import Decimal

    from parindex.dataset import Problem
    from parindex.importing.commit import _from_dataset

    plan = preview("hoa-binh.csv", annex(HOA_BINH), new_province("hoa-binh"), db)
    assert plan.columns == {"unit": "B (Tên đơn vị)", "total": "C (Tổng điểm)"}
    assert plan.unit_rows["hoa-binh-thanh-tra-tinh"] == (3, "Thanh tra tỉnh")
    member = Problem(
        "hoa-binh.csv",
        3,
        "unit_id",
        "'hoa-binh-thanh-tra-tinh' is not a department of hoa-binh",
        "not_member",
        {"unit_id": "hoa-binh-thanh-tra-tinh", "jurisdiction": "hoa-binh", "group": "department"},
    )
    outside = Problem(
        "hoa-binh.csv",
        4,
        "total",
        "101.5000 is outside 0 to 100",
        "outside",
        {"value": Decimal("101.5000"), "maximum": Decimal("100")},
    )
    parts = Problem(
        "hoa-binh.csv",
        5,
        "total",
        "90 is not appraised + survey (89)",
        "parts_mismatch",
        {"total": Decimal("90"), "parts": Decimal("89.50")},
    )
    shown = [_from_dataset(p, "hoa-binh.csv", plan) for p in (member, outside, parts)]
    assert [p.text("en") for p in shown] == [
        "row 3, column B (Tên đơn vị): 'Thanh tra tỉnh' is not one of the departments of hoa-binh",
        "row 4, column C (Tổng điểm): 101.5 is outside 0 to 100",
        "row 5, column C (Tổng điểm): the total 90 is not appraised + survey points (89.5)",
    ]
    assert [p.text("vi") for p in shown] == [
        "dòng 3, cột B (Tên đơn vị): «Thanh tra tỉnh» không thuộc khối sở, ban, ngành của hoa-binh",
        "dòng 4, cột C (Tổng điểm): 101,5 nằm ngoài khoảng từ 0 đến 100",
        "dòng 5, cột C (Tổng điểm): tổng điểm 90 khác điểm thẩm định + điều tra XHH (89,5)",
    ]
    assert str(member) == (
        "hoa-binh.csv, row 3, column unit_id: 'hoa-binh-thanh-tra-tinh' is not a department of hoa-binh"
    )  # the build's own output is as it was
