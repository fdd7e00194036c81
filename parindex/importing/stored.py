"""What imports, set-ups, backups and publications read of the database as it is stored (drafts
included): one SQL file per read in parindex/sql/stored/, each binding the parameters it names."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pandas as pd

from parindex.db import frame_of, read_only
from parindex.paths import SQL_DIR

STORED_DIR = SQL_DIR / "stored"


def read(db_path: Path, names: dict[str, str], **params) -> dict[str, pd.DataFrame]:
    """{key: rows of parindex/sql/stored/<file>.sql} for {key: file}, as Python values (Decimal
    stays Decimal), read in one read-only session of the file as it is now."""
    with read_only(db_path, drafts=True) as con:
        return {key: frame_of(con, _sql(file), _bound(file, params)) for key, file in names.items()}


@cache
def _sql(file: str) -> str:
    return (STORED_DIR / f"{file}.sql").read_text(encoding="utf-8")


@cache
def parameters(file: str) -> frozenset[str]:
    """The $parameters the file's SQL (its comments left out) uses."""
    return frozenset(re.findall(r"\$([a-z_]+)", re.sub(r"--[^\n]*", "", _sql(file))))


def _bound(file: str, params: dict) -> dict | None:
    """The values of the file's parameters: DuckDB refuses a named value the SQL does not use."""
    return {name: params[name] for name in parameters(file)} or None
