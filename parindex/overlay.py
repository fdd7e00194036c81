"""Imported rows on top of the embedded dataset: how imports survive a rebuild.

The database file is the one store of imported data (rows with an import_id, and import_log).
Every build reads them out of the current file (`carried`), lays them over the rows read from
data/ (`merge`: an imported assessment replaces the one data/ has for the same jurisdiction,
year and group; data/ wins for the definition of a unit), and validates the whole by the
dataset's rules before writing the new file. So `python -m parindex build`, the app's automatic
rebuild and every import keep what editors imported.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from parindex.dataset import Dataset, DatasetError, Problem, validate
from parindex.db import frame_of, read_only

TABLES = (
    "jurisdiction",
    "source",
    "unit",
    "unit_alias",
    "unit_lineage",
    "framework",
    "criterion",
    "tier",
    "assessment",
    "result",
    "score",
)
KEY = ["jurisdiction_id", "year", "unit_group"]
# data/ (or an earlier layer) defines these; a layer adds the ones missing
DEFINED_BY = {
    "jurisdiction": ["jurisdiction_id"],
    "unit": ["unit_id"],
    "source": ["source_id"],
    "framework": ["framework_id"],
    "criterion": ["framework_id", "criterion_id"],
}
REPLACES = "replaces"  # a batch's list of earlier import ids it takes the place of (a year set up again)


@contextmanager
def locked(db_path: Path):
    """One writer at a time per folder: an import and a rebuild never interleave (a lock on the
    folder itself, so nothing is left beside the database)."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(db_path.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def carried(db_path: Path) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """The imported rows and the import log of the current file (empty when there is none)."""
    empty = ({}, pd.DataFrame())
    if not db_path.exists():
        return empty
    try:
        with read_only(db_path) as con:
            columns = {
                (t, c)
                for t, c in con.execute(
                    "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = 'par'"
                ).fetchall()
            }
            if ("import_log", "import_id") not in columns:
                return empty  # built before imports existed
            # A table's name cannot be a bound parameter; these come from TABLES, never from input.
            frames = {
                t: _fetch(con, f"SELECT * FROM {t} WHERE import_id IS NOT NULL")
                for t in TABLES
                if (t, "import_id") in columns
            }  # older files had fewer imported tables
            log = _fetch(con, "SELECT * FROM import_log ORDER BY import_id")
    except duckdb.Error as error:
        raise DatasetError(
            [Problem(db_path.name, None, None, f"cannot read the imported data of the existing database: {error}")]
        ) from error
    return frames, log


def _fetch(con, sql: str) -> pd.DataFrame:
    frame = frame_of(con, sql)
    for column in frame.columns:  # dates as the dataset reads them: text
        frame[column] = frame[column].map(lambda v: v.isoformat() if hasattr(v, "isoformat") else v)
    return frame


def merge(ds: Dataset, imported: dict[str, pd.DataFrame], batch: dict[str, pd.DataFrame] | None) -> Dataset:
    """data/ rows, then the carried imports, then this import's rows; validated as one dataset."""
    layers = [layer for layer in (imported, batch) if layer and not layer["assessment"].empty]
    if not layers:
        return ds
    frames = {name: frame.copy() for name, frame in ds.frames.items()}
    for layer in layers:
        frames = _drop_imports(frames, set(layer.get(REPLACES, ())))
        for name in TABLES:
            if name not in layer or layer[name].empty:
                continue
            incoming = layer[name].assign(_file=layer[name].get("_file", "import"), _row=layer[name].get("_row", None))
            if name == "assessment":
                frames = _drop_assessments(frames, incoming)
            if name == "tier":  # a year's bands set up by an editor replace the ones data/ had
                frames[name] = _without_keys(frames[name], incoming)
            key = DEFINED_BY.get(name)
            if key:
                known = set(map(tuple, frames[name][key].astype(str).values))
                incoming = incoming[[tuple(k) not in known for k in incoming[key].astype(str).values]]
            joined = pd.concat([frames[name], incoming], ignore_index=True).astype(object)
            frames[name] = joined.where(joined.notna(), None)  # columns one side lacks: None, not NaN
    merged = Dataset(frames)
    problems = validate(merged)
    if problems:
        raise DatasetError(problems)
    return merged


def _drop_imports(frames: dict[str, pd.DataFrame], import_ids: set) -> dict[str, pd.DataFrame]:
    """Without the rows of earlier imports that a new one replaces (a year set up again)."""
    if not import_ids:
        return frames
    return {
        name: frame[~frame["import_id"].isin(import_ids)] if "import_id" in frame.columns else frame
        for name, frame in frames.items()
    }


def _without_keys(frame: pd.DataFrame, incoming: pd.DataFrame) -> pd.DataFrame:
    keys = set(map(tuple, incoming[KEY].astype(str).values))
    return frame[[tuple(k) not in keys for k in frame[KEY].astype(str).values]]


def _drop_assessments(frames: dict[str, pd.DataFrame], incoming: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """An incoming assessment replaces the stored one of the same jurisdiction, year and group."""
    assessments = frames["assessment"]
    keys = set(map(tuple, incoming[KEY].astype(str).values))
    replaced = assessments[[tuple(k) in keys for k in assessments[KEY].astype(str).values]]
    gone = set(replaced["assessment_id"]) | set(incoming["assessment_id"])
    frames["assessment"] = assessments[~assessments["assessment_id"].isin(gone)]
    for name in ("result", "score"):
        frames[name] = frames[name][~frames[name]["assessment_id"].isin(gone)]
    return frames
