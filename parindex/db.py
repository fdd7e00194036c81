"""The one way pages read data: `query(name, **params)` runs queries/<name>.sql.

Parameters are bound by DuckDB ($year in the SQL), never formatted into the text. Results are
cached by (query, parameters, drafts, data version). Draft assessments are visible only when the
caller says `drafts=True` (a signed-in editor); every other read sees published data only.
The data version is the database file's identity (inode, size, mtime): when a build swaps a new
file in, the next call opens it afresh. DuckDB would otherwise keep serving the replaced file
from its per-path instance cache, so the file is ATTACHed read-only to a private in-memory
database instead of opened by path: `read_only` is that one way in, for every reader of a file.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
from pathlib import Path

import duckdb
import pandas as pd

from parindex.paths import QUERIES_DIR, db_path

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_lock = threading.Lock()
_open: dict[Path, tuple[tuple, duckdb.DuckDBPyConnection]] = {}


class QueryError(Exception):
    pass


def sql_text(name: str) -> str:
    if not _NAME.match(name):
        raise QueryError(f"not a query name: {name!r}")
    return _read_sql(name)


@cache
def _read_sql(name: str) -> str:
    path = QUERIES_DIR / f"{name}.sql"
    if not path.exists():
        raise QueryError(f"no query file {path.name}")
    return path.read_text(encoding="utf-8")


# Parameters a query may take and its callers may leave out, with the value that means 'all':
# the commune scope (the units formed from a former province or district, `fp` and `fd`).
OPTIONAL = {"former_province": None, "former_district": None}


@cache
def _optional_in(name: str) -> tuple[str, ...]:
    """The optional parameters the query's SQL (its comments left out) uses."""
    body = re.sub(r"--[^\n]*", "", sql_text(name))
    return tuple(key for key in OPTIONAL if re.search(rf"\${key}\b", body))


def run(con: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    """Run a named query on an open connection (the build uses this on its new file). An optional
    parameter the query uses and the caller leaves out takes its default; one the query does not
    use is refused by DuckDB like any other."""
    params = {**{key: OPTIONAL[key] for key in _optional_in(name) if key not in params}, **params}
    return con.execute(sql_text(name), params or None).df()


def open_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """A private in-memory connection with the file ATTACHed read-only as `par`, in use. Not
    opened by path: DuckDB keeps one instance per path and would go on serving a replaced file."""
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH ? AS par (READ_ONLY)", [str(path)])
        con.execute("USE par")
    except BaseException:
        con.close()
        raise
    return con


@contextmanager
def read_only(path: Path, *, drafts: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """`open_read_only` for one piece of work, closed after it; drafts visible only when asked."""
    con = open_read_only(path)
    try:
        show_drafts(con, drafts)
        yield con
    finally:
        con.close()


def show_drafts(con: duckdb.DuckDBPyConnection, drafts: bool) -> None:
    """Set what the schema's visible() macro reads; a cursor's variables are its own."""
    con.execute("SET VARIABLE drafts = " + ("true" if drafts else "false"))


def frame_of(con: duckdb.DuckDBPyConnection, sql: str, params: list | dict | None = None) -> pd.DataFrame:
    """A query's rows as Python values (Decimal stays Decimal, not float): what the importer and
    the build compare and write back."""
    cursor = con.execute(sql, params)
    return pd.DataFrame(cursor.fetchall(), columns=[d[0] for d in cursor.description], dtype=object)


def data_version(path: Path | None = None) -> tuple:
    stat = (path or db_path()).stat()
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def query(name: str, *, drafts: bool = False, **params) -> pd.DataFrame:
    """Run queries/<name>.sql against the current database; a copy the caller may change."""
    path = db_path().resolve()
    version = data_version(path)
    frozen = tuple(sorted(params.items()))
    return _cached(name, frozen, bool(drafts), str(path), version).copy()


@lru_cache(maxsize=512)
def _cached(name: str, frozen: tuple, drafts: bool, path: str, version: tuple) -> pd.DataFrame:
    cursor = cursor_on(Path(path), version)
    try:
        show_drafts(cursor, drafts)
        return run(cursor, name, **dict(frozen))
    finally:
        cursor.close()


def clear_cache() -> None:
    """Forget every cached result and open file, so that the next query is a first view (the
    benchmark's cold runs)."""
    _cached.cache_clear()
    with _lock:
        _open.clear()


def cursor_on(path: Path, version: tuple) -> duckdb.DuckDBPyConnection:
    """A new cursor (one per query, never shared across threads) on the file in this version
    (`data_version`), its connection kept open for the next query until the version changes."""
    with _lock:
        opened = _open.get(path)
        if opened is None or opened[0] != version:
            # The old connection is dropped, not closed: a query in another thread may still
            # be reading the old file through its cursor.
            _open[path] = (version, open_read_only(path))
            opened = _open[path]
        cursor = opened[1].cursor()
    cursor.execute("USE par")  # a cursor starts in the in-memory catalog
    return cursor
