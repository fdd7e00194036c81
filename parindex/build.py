"""Build the DuckDB file from the dataset: validate, write a new file, check, swap it in.

Readers never see a half-written database: the new file is written beside the old one, closed
(no .wal left), checked against every published fact, and only then moved over it with
os.replace, which is atomic on one file system. Imported rows and the import log are read out of
the old file and written into the new one (parindex.overlay), so a rebuild keeps them;
an import is a build with one more batch of rows and one more log entry.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

from parindex import facts, overlay
from parindex.dataset import TABLES, Dataset, DatasetError, alias_rows, last_years, line_ids, read_dataset, source_files
from parindex.db import data_version, read_only
from parindex.paths import DATA_DIR, EMBEDDED_DB, SQL_DIR

SCHEMA_VERSION = "10"
META_VALUE = "SELECT value FROM meta WHERE key = ?"  # what the build stamped on the file (_write)
_build_lock = threading.Lock()


def build(data_dir: Path, db_path: Path, change: Callable[[], tuple[dict, dict]] | None = None) -> None:
    """Validate the dataset in data_dir, with the imports db_path holds, and atomically (re)place
    db_path. Raises DatasetError. `change` (an import or a publication) is called once no other
    build can start and returns the rows to lay on top and the log entry that records them."""
    dataset = _sources(data_dir)
    with overlay.locked(db_path):
        for leftover in db_path.parent.glob(f".{db_path.name}.*.tmp*"):  # of a build that was killed
            leftover.unlink(missing_ok=True)
        imported, log = overlay.carried(db_path)
        batch, log_entry = change() if change else (None, None)
        dataset = overlay.merge(dataset, imported, batch)
        if log_entry:
            log = pd.concat([log, pd.DataFrame([log_entry])], ignore_index=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{db_path.name}.", suffix=".tmp", dir=db_path.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        tmp.unlink()  # DuckDB wants to create the file itself
        try:
            with duckdb.connect(str(tmp)) as con:
                _write(con, dataset, log, data_dir)
                problems = facts.check(con, data_dir / "published")
                if problems:
                    raise DatasetError(problems)
                con.execute("CHECKPOINT")
            os.replace(tmp, db_path)
        finally:
            for leftover in (tmp, Path(f"{tmp}.wal")):
                leftover.unlink(missing_ok=True)


def _sources(data_dir: Path) -> Dataset:
    """The dataset in data_dir, read once per version of its files: a server process that
    commits imports one after another reads the unchanged sources only once (never modified)."""
    stamp = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in source_files(data_dir))
    return _read_sources(data_dir.resolve(), stamp)


@lru_cache(maxsize=4)
def _read_sources(data_dir: Path, stamp: tuple) -> Dataset:
    return read_dataset(data_dir)


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


def built_from(db_path: Path) -> Path | None:
    """The data/ folder the database was built from (an import rebuilds from the same sources)."""
    try:
        with read_only(db_path) as con:
            found = con.execute(META_VALUE, ["data_dir"]).fetchone()
    except duckdb.Error:
        return None
    return Path(found[0]) if found else None


@lru_cache(maxsize=16)
def _schema(db_path: Path, version: tuple) -> str | None:
    """The schema version the file (in this version) was built with, read once per version;
    '' when it has none, None when it cannot be opened at all."""
    try:
        with read_only(db_path) as con:
            try:
                found = con.execute(META_VALUE, ["schema_version"]).fetchone()
            except duckdb.CatalogException:
                return ""  # a database, but not one of ours or from before the meta table
    except duckdb.Error:
        return None
    return found[0] if found else ""


def needs_rebuild(db_path: Path) -> bool:
    """Whether the dashboard should (re)build this file before reading it: only the embedded
    dataset's own database, when stale. Any other file ($PARINDEX_DB: a national deployment, an
    import's output) is never overwritten with the embedded data."""
    return db_path.resolve() == EMBEDDED_DB.resolve() and is_stale(DATA_DIR, db_path)


def ensure_built(data_dir: Path, db_path: Path) -> bool:
    """Build when stale; returns True when it built. One build at a time per process."""
    with _build_lock:
        if not is_stale(data_dir, db_path):
            return False
        build(data_dir, db_path)
        return True


def _write(con: duckdb.DuckDBPyConnection, ds: Dataset, log: pd.DataFrame, data_dir: Path) -> None:
    con.execute((SQL_DIR / "schema.sql").read_text(encoding="utf-8"))
    lines = line_ids(ds)
    for table in TABLES:
        frame = ds[table.name].drop(columns=["_file", "_row"])
        if table.name == "unit":
            frame = frame.assign(line_id=frame["unit_id"].map(lines), last_year=frame["unit_id"].map(last_years(ds)))
        if table.name == "unit_alias":
            frame = alias_rows(ds)
        frame = frame.replace({"": None})
        if "import_id" in frame.columns:  # data/ rows have none; pandas holds that as NaN
            frame["import_id"] = frame["import_id"].astype(object).where(frame["import_id"].notna(), None)
        con.register("incoming", frame)
        con.execute(f"INSERT INTO {table.name} BY NAME SELECT * FROM incoming")
        con.unregister("incoming")
    for derived in ("standing.sql", "node_score.sql"):
        con.execute((SQL_DIR / derived).read_text(encoding="utf-8"))
    if not log.empty:
        con.register("incoming", log)
        con.execute("INSERT INTO import_log BY NAME SELECT * FROM incoming")
        con.unregister("incoming")
    con.execute(
        "INSERT INTO meta VALUES ('schema_version', ?), ('data_dir', ?)", [SCHEMA_VERSION, str(data_dir.resolve())]
    )
