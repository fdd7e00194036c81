"""Reading what editors manage: an assessment by year and group, the drafts, the import log,
and the export for scripts (published data only: the same visible() rule as the pages)."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from parindex import cells, export, facts
from parindex.db import read_only, run
from parindex.importing.messages import ImportProblem, ImportRefused


def named(db_path: Path, name: str, *, drafts: bool = False, **params) -> pd.DataFrame:
    """A named query (queries/<name>.sql) on the given file, published data only unless `drafts`."""
    with read_only(db_path, drafts=drafts) as con:
        return run(con, name, **params)


def home(db_path: Path, group: str) -> str | None:
    return facts.home(named(db_path, "group_jurisdictions", group=group)["jurisdiction_id"])


def find_assessment(db_path: Path, year: int, group: str, jurisdiction: str | None) -> str:
    jurisdiction = jurisdiction or home(db_path, group)
    found = named(db_path, "draft_list", drafts=True)
    found = found[(found["year"] == year) & (found["unit_group"] == group) & (found["jurisdiction_id"] == jurisdiction)]
    if found.empty:
        raise ImportRefused([ImportProblem(None, None, "no_assessment", {"value": f"{jurisdiction} {year} {group}"})])
    return found["assessment_id"].iat[0]


def export_csv(db_path: Path, year: int, group: str, jurisdiction: str | None) -> int:
    """`python -m parindex export`: the Rankings table as CSV on standard output (published only)."""
    jurisdiction = jurisdiction or home(db_path, group)
    ranking = named(db_path, "ranking", jurisdiction=jurisdiction, group=group, year=year)
    if ranking.empty:
        print(f"không có kết quả đã công bố / no published results: {jurisdiction} {year} {group}", file=sys.stderr)
        return 1
    sys.stdout.write(cells.csv_text(export.ranking_data(ranking, year, group)))
    return 0
