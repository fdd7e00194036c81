"""Releases: how a reader host gets a new database file, whole or not at all.

The writer's file (PARINDEX_DB on the writer) changes by os.replace on every import, set-up or
publication. A reader host keeps a release folder:

    /srv/parindex/readers/
        current.duckdb -> releases/par-20261201T234000123456Z-1a2b3c4d5e6f.duckdb   (a symbolic link)
        releases/par-20261201T234000123456Z-1a2b3c4d5e6f.duckdb
        releases/par-20261130T020000654321Z-9f8e7d6c5b4a.duckdb                     (the one before)

and its replicas read PARINDEX_DB=/srv/parindex/readers/current.duckdb. `release` copies the
file in under a temporary name (from a path, or from standard input over ssh), checks its SHA-256
against the sender's, checks that it opens as a database of this version with assessments in it,
renames it to its versioned name, then swaps the link with a rename: both renames are atomic on
one file system, so a replica sees the old release or the new one, never a part. parindex.db
reads a file by its resolved path and reconnects when that file changes, so every replica's next
rerun reads the new release. Old releases stay (the newest `keep`) for a rollback, which is a
release of an older file; a replica still reading an old file keeps it open until it is done.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

POINTER = "current.duckdb"
RELEASES = "releases"
NAME = re.compile(r"^par-\d{8}T\d{12}Z-[0-9a-f]{12}\.duckdb$")  # UTC to the microsecond: sortable
CHUNK = 1 << 20


class ReleaseError(Exception):
    pass


def release(source: BinaryIO, folder: Path, *, expected_sha256: str | None = None, keep: int = 3) -> Path:
    """Copy `source` in as a new release of `folder` and point current.duckdb at it; the release's
    path. Raises ReleaseError (the folder's current release unchanged) when the copy does not match
    `expected_sha256` or is not a readable database of this version."""
    releases = folder / RELEASES
    releases.mkdir(parents=True, exist_ok=True)
    fd, part_name = tempfile.mkstemp(prefix=".incoming-", suffix=".part", dir=releases)
    part = Path(part_name)
    try:
        digest = hashlib.sha256()
        with os.fdopen(fd, "wb") as out:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        if expected_sha256 and sha != expected_sha256.strip().lower():
            raise ReleaseError(f"the copy's SHA-256 is {sha}, the sender's {expected_sha256}: not released")
        problem = _problem(part)
        if problem:
            raise ReleaseError(f"not a readable database of this version ({problem}): not released")
        current = current_release(folder)
        if current is not None and current.name.endswith(f"-{sha[:12]}.duckdb"):
            return current  # already the current release (a second trigger for the same file)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = releases / f"par-{stamp}-{sha[:12]}.duckdb"
        os.chmod(part, 0o444)  # readers only read; a release is never changed in place
        os.replace(part, target)
        _sync(releases)
        point(folder, target)
        prune(folder, keep)
        return target
    finally:
        part.unlink(missing_ok=True)


def point(folder: Path, target: Path) -> None:
    """Make current.duckdb name `target` (a release in the folder), by an atomic rename of a new link."""
    link = folder / f".{POINTER}.{os.getpid()}.new"
    link.unlink(missing_ok=True)
    os.symlink(Path(RELEASES) / target.name, link)  # relative: the folder may be mounted elsewhere
    os.replace(link, folder / POINTER)
    _sync(folder)


def current_release(folder: Path) -> Path | None:
    pointer = folder / POINTER
    return pointer.resolve() if pointer.is_symlink() and pointer.exists() else None


def releases_in(folder: Path) -> list[Path]:
    """The folder's releases, oldest first (their names begin with the time they were made)."""
    found = folder / RELEASES
    return sorted(p for p in found.iterdir() if NAME.match(p.name)) if found.is_dir() else []


def prune(folder: Path, keep: int) -> None:
    """Remove all but the newest `keep` releases; never the current one."""
    current = current_release(folder)
    for old in releases_in(folder)[:-keep] if keep > 0 else []:
        if old != current:
            old.unlink(missing_ok=True)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _problem(path: Path) -> str | None:
    """Why the file must not be released, or None: every row of every table is read (DuckDB checks
    each block it reads), since a truncated copy may still open and answer a small query."""
    from parindex import build, db

    problem = build.problem(path)
    if problem:
        return problem
    try:
        with db.read_only(path) as con:
            tables = con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = 'par' ORDER BY table_name"
            ).fetchall()
            for (name,) in tables:  # a table's name cannot be a bound parameter; these are the file's own
                con.execute(f'SELECT bit_xor(hash(t)) FROM "{name}" AS t').fetchone()
            found = con.execute("SELECT count(*) FROM assessment").fetchone()[0]
    except db.duckdb.Error as error:
        return f"unreadable: {type(error).__name__}"
    return None if found else "no assessments"


def _sync(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
