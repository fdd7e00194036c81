"""Commit an import or a publication: a new database file, swapped in atomically, logged.

Both go through parindex.build.build: the plan is made again once no other build can start
(so two editors never overwrite each other's work), the rows are validated with everything else
by the dataset's rules and the published facts, and a refused change leaves the file as it was.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pandas as pd

from parindex import build
from parindex.dataset import DatasetError, Problem
from parindex.importing import stored
from parindex.importing.messages import MESSAGES, ImportProblem, ImportRefused, group_values
from parindex.importing.plan import Options, Plan, plain, plan, snapshot
from parindex.importing.sheet import read_grids
from parindex.paths import DATA_DIR


def preview(file_name: str, data: bytes, options: Options, db_path: Path) -> Plan:
    """What importing the file would do, with every problem; changes nothing."""
    try:
        grids = read_grids(file_name, data)
    except ImportRefused as refused:
        return Plan(options, problems=refused.problems)
    return plan(file_name, grids, options, snapshot(db_path))


def import_file(
    file_name: str, data: bytes, options: Options, db_path: Path, editor: str, data_dir: Path | None = None
) -> Plan:
    """Import the file, or raise ImportRefused listing every problem (the database unchanged)."""
    return commit_planned(
        lambda: preview(file_name, data, options, db_path),
        "import",
        file_name=file_name,
        sha256=hashlib.sha256(data).hexdigest(),
        editor=editor,
        db_path=db_path,
        data_dir=data_dir,
        at_rows=True,
    )


def commit_planned(
    make_plan: Callable,
    action: str,
    *,
    file_name: str,
    sha256: str | None,
    editor: str,
    db_path: Path,
    data_dir: Path | None,
    at_rows: bool,
):
    """Write what make_plan plans (an import's Plan, a set-up's SetupPlan), logged as `action`, or
    raise ImportRefused with its problems. The plan is made again once no other build can start;
    returns it. `at_rows`: the build's problems are shown at the plan's rows and columns (an
    import's table; a set-up's sheets have no such map)."""
    done = []

    def change():
        planned = make_plan()
        done.append(planned)
        if not planned.ok:
            raise ImportRefused(planned.problems)
        entry = log_entry(
            planned.frames,
            editor,
            action,
            planned.options.status,
            file_name=file_name,
            sha256=sha256,
            rows=planned.rows,
            replaced=planned.replaces,
        )
        return planned.frames, entry

    rebuild(db_path, data_dir, change, file_name, done if at_rows else None)
    return done[-1]


def publish(
    db_path: Path, assessment_id: str, decision_no: str, decision_date: str, editor: str, data_dir: Path | None = None
) -> None:
    """Make a draft assessment published, with its decision number and date."""

    def change():
        tables = stored.read(
            db_path,
            {
                "assessment": "publish_assessment",
                "source": "publish_source",
                "result": "publish_result",
                "score": "publish_score",
                "import_log": "import_log",
            },
            assessment=assessment_id,
        )
        assessment = tables["assessment"]
        if assessment.empty:
            raise ImportRefused([ImportProblem(None, None, "no_assessment", {"value": assessment_id})])
        import_id = int(max(tables["import_log"]["import_id"], default=0)) + 1
        source_id = f"import-{import_id}"
        source = tables["source"].assign(source_id=source_id, document_no=decision_no)
        frames = {
            "assessment": assessment.assign(
                status="published", decision_no=decision_no, decision_date=decision_date, source_id=source_id
            ),
            "result": tables["result"].assign(source_id=source_id),
            "score": tables["score"],
            "source": source,
        }
        frames = {name: frame.assign(import_id=import_id, _file="publish", _row=None) for name, frame in frames.items()}
        return frames, log_entry(frames, editor, "publish", "published", decision_no=decision_no)

    rebuild(db_path, data_dir, change, "publish")


def rebuild(db_path: Path, data_dir: Path | None, change, file_name: str, plans: list[Plan] | None = None) -> None:
    try:
        build.build(data_dir or build.built_from(db_path) or DATA_DIR, db_path, change)
    except DatasetError as error:  # rules across the whole dataset, the published facts
        planned = plans[-1] if plans else None
        raise ImportRefused([_from_dataset(p, file_name, planned) for p in error.problems]) from error


# The file's column a problem of the build is about: the dataset's column (or a published fact's)
# -> the import's fields it may come from, the first the file has (parindex.importing.plan).
_FIELDS = {
    "unit_id": ("unit", "unit_id"),
    "total": ("total", "pct", "points"),
    "self_total": ("self",),
    "appraised": ("appraised",),
    "survey": ("survey",),
    "published_rank": ("rank",),
    "published_tier": ("tier",),
    "provenance": ("provenance",),
    "derived": ("derived",),
    "source_id": ("source_id",),
    "note_vi": ("note_vi",),
    "note_en": ("note_en",),
    "criterion_id": ("criterion_id",),
    "final_points": ("points", "appraised", "total"),
    "self_points": ("self",),
    "unit_name": ("unit", "unit_id"),
    "total_score": ("total", "pct", "points"),
    "tier_or_band": ("tier", "total", "pct", "points"),
    "rank": ("rank", "total", "pct", "points"),
}


def _from_dataset(problem: Problem, file_name: str, planned: Plan | None = None) -> ImportProblem:
    """A problem of the build's checks as the file's: its row, its column as the file heads it, the
    value and the reason in both languages. A published fact about a unit of the file is shown at
    that unit's row; a problem of data/ itself names its own file."""
    mine = problem.file == file_name
    raw = problem.values
    unit = planned.unit_rows.get(raw.get("unit_id")) if planned else None
    row = problem.row if mine else unit[0] if unit and problem.code else None
    column = problem.column if mine and planned is None else None  # (no plan: a restore, a year's set-up)
    if planned and row is not None:
        criterion = f"criterion:{raw['criterion']}" if "criterion" in raw else None
        fields = (criterion, *_FIELDS.get(problem.column, ()))
        column = next((planned.columns[f] for f in fields if f in planned.columns), None)
    fallback = "published_fact" if problem.reason.startswith("published fact") else "check"
    generic = ImportProblem(row, column, fallback, {"reason": problem.reason if mine else str(problem)})
    if problem.code not in MESSAGES or not (mine or problem.code.startswith("fact_")):
        return generic  # (a published fact's message names its file and line; another file's would not)
    values = {k: _shown(v) for k, v in raw.items()}
    if "unit_id" in raw and "value" not in raw:
        values["value"] = unit[1] if unit else raw["unit_id"]  # the unit as the file writes it
    if "group" in raw:
        values.update(group_values(raw["group"]))
    if "jurisdiction" in raw:  # a row of this file is of the import's assessment, so of its jurisdiction
        place = planned.place if planned and planned.place else (raw["jurisdiction"],) * 2
        values["place_vi"], values["place_en"] = place
    values["fact_vi"], values["fact_en"] = f"{problem.file}, dòng {problem.row}", f"{problem.file}, line {problem.row}"
    shown = ImportProblem(row, column, problem.code, values)
    try:
        shown.reason("vi"), shown.reason("en")
    except (KeyError, IndexError, ValueError):  # a value the message needs is missing: the English text
        return generic
    return shown


def _shown(value):
    """A value as a message shows it: 89.2500 -> '89.25', a computed 7.0 -> '7', none -> '-'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return plain(Decimal(str(value))) if isinstance(value, (Decimal, float)) else value


def log_entry(frames: dict[str, pd.DataFrame], editor: str, action: str, status: str, **values) -> dict:
    assessment = frames["assessment"].iloc[0]
    return {
        "import_id": int(frames["assessment"]["import_id"].iat[0]),
        "imported_at": datetime.now(UTC).replace(tzinfo=None),
        "editor": editor,
        "action": action,
        "status": status,
        "jurisdiction_id": assessment["jurisdiction_id"],
        "year": int(assessment["year"]),
        "unit_group": assessment["unit_group"],
        "assessment_id": assessment["assessment_id"],
        **values,
    }
