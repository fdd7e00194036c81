"""Commit an import or a publication: a new database file, swapped in atomically, logged.

Both go through parindex.build.build: the plan is made again once no other build can start
(so two editors never overwrite each other's work), the rows are validated with everything else
by the dataset's rules and the published facts, and a refused change leaves the file as it was.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from parindex import build
from parindex.dataset import DatasetError
from parindex.importing.messages import ImportProblem, ImportRefused
from parindex.importing.plan import Options, Plan, plan, read_tables, snapshot
from parindex.importing.sheet import read_grids
from parindex.paths import DATA_DIR


def preview(file_name: str, data: bytes, options: Options, db_path: Path) -> Plan:
    """What importing the file would do, with every problem; changes nothing."""
    try:
        grids = read_grids(file_name, data)
    except ImportRefused as refused:
        return Plan(options, problems=refused.problems)
    return plan(file_name, grids, options, snapshot(db_path))


def import_file(file_name: str, data: bytes, options: Options, db_path: Path, editor: str,
                data_dir: Path | None = None) -> Plan:
    """Import the file, or raise ImportRefused listing every problem (the database unchanged)."""
    done: list[Plan] = []

    def change():
        planned = preview(file_name, data, options, db_path)
        done.append(planned)
        if not planned.ok:
            raise ImportRefused(planned.problems)
        entry = log_entry(planned.frames, editor, "import", options.status, file_name=file_name,
                       sha256=hashlib.sha256(data).hexdigest(), rows=planned.rows, replaced=planned.replaces)
        return planned.frames, entry

    rebuild(db_path, data_dir, change, file_name)
    return done[-1]


def publish(db_path: Path, assessment_id: str, decision_no: str, decision_date: str, editor: str,
            data_dir: Path | None = None) -> None:
    """Make a draft assessment published, with its decision number and date."""
    def change():
        tables = read_tables(db_path, {
            "assessment": "SELECT * EXCLUDE (import_id) FROM assessment WHERE assessment_id = ?",
            "source": "SELECT s.* EXCLUDE (import_id) FROM source s JOIN assessment a USING (source_id) "
                      "WHERE a.assessment_id = ?",
            "result": "SELECT * EXCLUDE (import_id) FROM result WHERE assessment_id = ?",
            "score": "SELECT * EXCLUDE (import_id) FROM score WHERE assessment_id = ?",
            "import_log": "SELECT import_id FROM import_log",
        }, [assessment_id])
        assessment = tables["assessment"]
        if assessment.empty:
            raise ImportRefused([ImportProblem(None, None, "no_assessment", {"value": assessment_id})])
        import_id = int(max(tables["import_log"]["import_id"], default=0)) + 1
        source_id = f"import-{import_id}"
        source = tables["source"].assign(source_id=source_id, document_no=decision_no)
        frames = {
            "assessment": assessment.assign(status="published", decision_no=decision_no,
                                            decision_date=decision_date, source_id=source_id),
            "result": tables["result"].assign(source_id=source_id),
            "score": tables["score"],
            "source": source,
        }
        frames = {name: frame.assign(import_id=import_id, _file="publish", _row=None) for name, frame in frames.items()}
        return frames, log_entry(frames, editor, "publish", "published", decision_no=decision_no)

    rebuild(db_path, data_dir, change, "publish")


def rebuild(db_path: Path, data_dir: Path | None, change, file_name: str) -> None:
    try:
        build.build(data_dir or build.built_from(db_path) or DATA_DIR, db_path, change)
    except DatasetError as error:  # rules across the whole dataset, the published facts
        raise ImportRefused([_from_dataset(p, file_name) for p in error.problems]) from error


def _from_dataset(problem, file_name: str) -> ImportProblem:
    code = "published_fact" if problem.reason.startswith("published fact") else "check"
    mine = problem.file == file_name
    return ImportProblem(problem.row if mine else None, problem.column if mine else problem.file, code,
                         {"reason": problem.reason})


def log_entry(frames: dict[str, pd.DataFrame], editor: str, action: str, status: str, **values) -> dict:
    assessment = frames["assessment"].iloc[0]
    return {"import_id": int(frames["assessment"]["import_id"].iat[0]),
            "imported_at": datetime.now(timezone.utc).replace(tzinfo=None), "editor": editor, "action": action,
            "status": status, "jurisdiction_id": assessment["jurisdiction_id"], "year": int(assessment["year"]),
            "unit_group": assessment["unit_group"], "assessment_id": assessment["assessment_id"], **values}
