"""The importer's reads of the database as stored: one SQL file each in parindex/sql/stored/, drafts
included (what an import is checked against), none written inline in the importer's code."""

from __future__ import annotations

import ast
import re
from decimal import Decimal

import pytest

from parindex.importing import stored
from parindex.paths import ROOT

FILES = sorted(path.stem for path in stored.STORED_DIR.glob("*.sql"))
IMPORTER = sorted((ROOT / "parindex" / "importing").glob("*.py"))
SQL_START = re.compile(r"^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b")
# A value for each parameter a file may name (the draft fixture's 2022 department draft, x-2022).
SAMPLE = {"year": 2022, "group": "department", "jurisdiction": None, "import_id": 1, "assessment": "x-2022"}


@pytest.mark.parametrize("file", FILES)
def test_each_read_says_what_it_reads_and_runs(file, draft_db):
    text = (stored.STORED_DIR / f"{file}.sql").read_text(encoding="utf-8")
    assert text.startswith(f"-- {file}: "), "the header names the file and says what it reads"
    assert "Parameters:" in text and "Columns:" in text
    assert stored.parameters(file) <= SAMPLE.keys()
    stored.read(draft_db, {"rows": file}, **SAMPLE)  # binds exactly the parameters it names


def test_every_read_is_used_by_the_importer():
    code = "\n".join(path.read_text(encoding="utf-8") for path in IMPORTER)
    assert [file for file in FILES if f'"{file}"' not in code] == []


def test_the_importer_writes_no_sql_inline():
    inline = [
        f"{path.name}:{node.lineno}"
        for path in IMPORTER
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_START.match(node.value)
    ]
    assert inline == []


def test_the_reads_see_a_draft_that_the_pages_do_not(draft_db):
    draft = stored.read(draft_db, {"a": "publish_assessment", "r": "publish_result"}, assessment="x-2022")
    assert draft["a"][["assessment_id", "year", "status"]].values.tolist() == [["x-2022", 2022, "draft"]]
    # The draft's totals as stored: Decimal, not float (the importer compares and writes them back).
    assert sorted(zip(draft["r"]["unit_id"], draft["r"]["total"])) == [
        ("alpha", Decimal("93.00")),
        ("beta", Decimal("87.50")),
        ("gamma", Decimal("81.25")),
    ]


def test_a_year_s_totals_of_every_province_or_of_one(draft_db):
    def units(jurisdiction):
        read = stored.read(draft_db, {"r": "year_result"}, year=2022, group="department", jurisdiction=jurisdiction)
        return sorted(read["r"]["unit_id"])

    assert units(None) == ["alpha", "beta", "gamma"]
    assert units("tinh-a") == ["alpha", "beta", "gamma"]
    assert units("vn") == []
