"""The embedded dataset's own year set-ups: `data/setups/*.xlsx`, applied by the build.

A year whose criteria set, tier bands and unit changes the repository holds is set up exactly as an
editor's would be: each workbook (the set-up workbook's shape, parindex.importing.setup_workbook)
is planned by parindex.importing.setup.plan_setup against the dataset read so far, in file name
order, and its rows are laid onto the dataset as rows of data/ (no import_id; the workbook's path
and sheet row for messages), before the dataset's own checks run. A workbook the planner refuses
fails the build with its sheet, row and column. Its year and group are the workbook's own settings
(Năm, Khối); its assessment is published, as everything in data/ is.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

SETUP_DIR = "setups"
_EMPTY_LOG = ("import_id", "action", "jurisdiction_id", "year", "unit_group")
_SOURCE_COLUMNS = {
    "source": "source_id",
    "framework": "source_id",
    "tier": "source_id",
    "unit_lineage": "source_id",
    "assessment": "source_id",
}


def workbooks(data_dir: Path) -> list[Path]:
    return sorted((data_dir / SETUP_DIR).glob("*.xlsx"))


def apply(data_dir: Path, frames: dict[str, pd.DataFrame], problems: list) -> dict[str, pd.DataFrame]:
    """The frames with every workbook's set-up laid on, in order; problems appended (dataset.Problem)."""
    for path in workbooks(data_dir):
        planned = plan(path, frames, _name(data_dir, path), problems)
        if planned is not None:
            frames = lay(frames, planned, _name(data_dir, path), source_id=f"setup-{path.stem}")
    return _count_units(frames)


def _count_units(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """A year set up here has as many units as data/ gives it results, as an import counts them."""
    a = frames["assessment"].copy()
    counts = frames["result"]["assessment_id"].value_counts()
    unknown = a["n_units"].isna() & a["_file"].astype(str).str.endswith(".xlsx")
    a.loc[unknown, "n_units"] = [int(counts.get(i, 0)) or None for i in a.loc[unknown, "assessment_id"]]
    return {**frames, "assessment": a}


def plan(path: Path, frames: dict[str, pd.DataFrame], name: str, problems: list):
    """plan_setup for one committed workbook against the dataset's frames; None (and the problems
    added) when it cannot be set up."""
    from parindex.dataset import GROUPS, Problem
    from parindex.importing.messages import ImportRefused
    from parindex.importing.setup import SetupOptions, _group, plan_setup
    from parindex.importing.setup_sheets import read_workbook
    from parindex.importing.sheet import read_grids

    def report(found):
        for p in found:
            where = f"{name}, sheet '{p.sheet}'" if p.sheet else name
            problems.append(Problem(where, p.row, p.column, p.reason("en"), p.code, p.values))

    try:
        grids = read_grids(path.name, path.read_bytes())
    except ImportRefused as refused:
        report(refused.problems)
        return None
    settings = read_workbook(grids, []).settings
    year, group = settings.get("year"), settings.get("group")
    if year is None or group is None or not str(year.value).isdigit():
        problems.append(Problem(name, None, None, "the settings sheet must give the year (Năm) and group (Khối)"))
        return None
    options = SetupOptions(year=int(year.value), group=_group(group.value) or str(group.value), status="published")
    if options.group not in GROUPS:
        report([_at(group, options.group)])
        return None
    planned = plan_setup(name, grids, options, snapshot(frames, options.year, options.group))
    if not planned.ok:
        report(planned.problems)
        return None
    return planned


def _at(cell, value):
    from parindex.dataset import GROUPS
    from parindex.importing.setup_sheets import at

    return at(cell, "bad_choice", value=value, allowed=", ".join(GROUPS))


def snapshot(frames: dict[str, pd.DataFrame], year: int, group: str) -> dict[str, pd.DataFrame]:
    """What plan_setup reads of a database, from the dataset's frames (nothing imported yet)."""
    from parindex.dataset import Dataset, last_years

    def plain(frame: pd.DataFrame, columns=None) -> pd.DataFrame:
        frame = frame.drop(columns=[c for c in frame.columns if c.startswith("_")])
        frame = frame.reindex(columns=columns) if columns else frame
        frame = frame.astype(object).replace({"": None})
        return frame.where(frame.notna(), None).assign(import_id=None)

    units = frames["unit"].assign(last_year=frames["unit"]["unit_id"].map(last_years(Dataset(frames))))
    assessments = frames["assessment"]
    of_year = assessments.loc[(assessments["year"] == year) & (assessments["unit_group"] == group), "assessment_id"]
    return {
        "unit": plain(units, ["unit_id", "jurisdiction_id", "unit_group", "name_vi", "first_year", "last_year"]),
        "unit_alias": plain(frames["unit_alias"], ["alias", "unit_id"]),
        "unit_lineage": plain(frames["unit_lineage"], ["predecessor_id", "successor_id", "year", "kind"]),
        "jurisdiction": plain(frames["jurisdiction"], ["jurisdiction_id", "name_vi", "name_en", "level"]),
        "assessment": plain(assessments),
        "framework": plain(frames["framework"]),
        "criterion": plain(frames["criterion"]),
        "tier": plain(
            frames["tier"],
            ["jurisdiction_id", "year", "unit_group", "tier_order", "label_vi", "min_points", "min_inclusive"],
        ),
        "result": plain(frames["result"][frames["result"]["assessment_id"].isin(of_year)]),
        "score": plain(frames["score"][frames["score"]["assessment_id"].isin(of_year)]),
        "import_log": pd.DataFrame(columns=list(_EMPTY_LOG), dtype=object),
    }


def lay(frames: dict[str, pd.DataFrame], planned, name: str, source_id: str) -> dict[str, pd.DataFrame]:
    """The planned rows as rows of data/: no import_id, their own source id, the workbook's path."""
    out = dict(frames)
    for table, rows in planned.frames.items():
        if not isinstance(rows, pd.DataFrame) or rows.empty:
            continue
        rows = rows.assign(import_id=None, _file=name)
        rows["_row"] = rows["_row"] if "_row" in rows.columns else None
        column = _SOURCE_COLUMNS.get(table)
        if column in rows.columns:
            rows[column] = rows[column].map(
                lambda s: source_id if isinstance(s, str) and s.startswith("import-") else s
            )
        joined = pd.concat([frames[table], rows], ignore_index=True).astype(object)
        out[table] = joined.where(joined.notna(), None)
    return out


def _name(data_dir: Path, path: Path) -> str:
    return str(path.relative_to(data_dir.parent)) if data_dir.parent in path.parents else str(path)
