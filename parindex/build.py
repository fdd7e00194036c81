"""Build the DuckDB file from the dataset: validate, write a new file, check, swap it in.

Readers never see a half-written database: the new file is written beside the old one, closed
(no .wal left), checked against every published fact, and only then moved over it with
os.replace, which is atomic on one file system.
"""

from __future__ import annotations

import os
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

import duckdb

from parindex import facts
from parindex.dataset import TABLES, Dataset, DatasetError, alias_rows, line_ids, read_dataset, source_files
from parindex.db import data_version
from parindex.paths import SQL_DIR

SCHEMA_VERSION = "4"
_build_lock = threading.Lock()


def build(data_dir: Path, db_path: Path) -> None:
    """Validate the dataset in data_dir and atomically (re)place db_path. Raises DatasetError."""
    dataset = read_dataset(data_dir)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{db_path.name}.", suffix=".tmp", dir=db_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # DuckDB wants to create the file itself
    try:
        with duckdb.connect(str(tmp)) as con:
            _write(con, dataset)
            problems = facts.check(con, data_dir / "published")
            if problems:
                raise DatasetError(problems)
            con.execute("CHECKPOINT")
        os.replace(tmp, db_path)
    finally:
        for leftover in (tmp, Path(f"{tmp}.wal")):
            leftover.unlink(missing_ok=True)


def is_stale(data_dir: Path, db_path: Path) -> bool:
    """True when the database is missing, of another schema, or older than a source file."""
    if not db_path.exists():
        return True
    built = db_path.stat().st_mtime
    inputs = source_files(data_dir) + sorted(SQL_DIR.glob("*.sql"))
    if any(p.stat().st_mtime > built for p in inputs):
        return True
    return problem(db_path) is not None


def problem(db_path: Path) -> str | None:
    """Why the dashboard cannot read this file: 'missing', 'corrupt' (not a DuckDB database we
    can open) or 'schema' (built by another version of this code); None when it is usable."""
    if not db_path.exists():
        return "missing"
    schema = _schema(db_path, data_version(db_path))
    if schema is None:
        return "corrupt"
    return None if schema == SCHEMA_VERSION else "schema"


@lru_cache(maxsize=16)
def _schema(db_path: Path, version: tuple) -> str | None:
    """The schema version the file (in this version) was built with, read once per version;
    '' when it has none, None when it cannot be opened at all."""
    try:
        with duckdb.connect(str(db_path), read_only=True) as con:
            try:
                found = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            except duckdb.CatalogException:
                return ""  # a database, but not one of ours or from before the meta table
    except duckdb.Error:
        return None
    return found[0] if found else ""


def ensure_built(data_dir: Path, db_path: Path) -> bool:
    """Build when stale; returns True when it built. One build at a time per process."""
    with _build_lock:
        if not is_stale(data_dir, db_path):
            return False
        build(data_dir, db_path)
        return True


def _write(con: duckdb.DuckDBPyConnection, ds: Dataset) -> None:
    con.execute((SQL_DIR / "schema.sql").read_text(encoding="utf-8"))
    lines = line_ids(ds)
    for table in TABLES:
        frame = ds[table.name].drop(columns=["_file", "_row"])
        if table.name == "unit":
            frame = frame.assign(line_id=frame["unit_id"].map(lines))
        if table.name == "unit_alias":
            frame = alias_rows(ds)
        frame = frame.replace({"": None})
        con.register("incoming", frame)
        con.execute(f"INSERT INTO {table.name} BY NAME SELECT * FROM incoming")  # noqa: S608 (table names are ours)
        con.unregister("incoming")
    for derived in ("standing.sql", "node_score.sql"):
        con.execute((SQL_DIR / derived).read_text(encoding="utf-8"))
    con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
