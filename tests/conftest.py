"""Shared fixtures: the small fixture database and the embedded (real) dataset, each built once."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from draft_fixture import draft_overrides
from fixture_data import write_fixture
from lineage_fixture import lineage_overrides
from parindex.build import build
from parindex.demo import SCALES, build_demo
from parindex.paths import DATA_DIR


@pytest.fixture(autouse=True)
def _main_module_kept():
    """Streamlit's script runner installs each AppTest script as __main__ and never puts the real
    one back; a process started by spawn or forkserver (the killed-import trials) would then run
    that script, the whole dashboard outside Streamlit, before its own target."""
    main = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main


@pytest.fixture(scope="session", autouse=True)
def _components_scanned_once():
    """Each new AppTest scans every installed package for Streamlit components (about 0.2 s, a third
    of a page test's time, profiled); a server does it once, at its start. The tests do it once per
    process: the installed packages do not change during a run."""
    from streamlit.components.v2 import manifest_scanner

    found = manifest_scanner.scan_component_manifests()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(manifest_scanner, "scan_component_manifests", lambda max_workers=None: found)
        yield


def _fixture_database(tmp_path_factory, name: str, overrides: dict | None = None) -> Path:
    """The fixture dataset (with some tables replaced), built once into its own folder."""
    root = tmp_path_factory.mktemp(name)
    db = root / f"{name}.duckdb"
    build(write_fixture(root / "data", overrides), db)
    return db


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory) -> Path:
    return _fixture_database(tmp_path_factory, "fixture")


def copy_alone(database: Path, tmp_path: Path) -> Path:
    """A fresh copy of a built database, alone in its folder (so leftovers show); the sources it was
    built from are shared, never written."""
    target = tmp_path / "db" / "par.duckdb"
    target.parent.mkdir()
    shutil.copy(database, target)
    return target


@pytest.fixture
def fixture_copy(fixture_db, tmp_path) -> Path:
    """A copy of the fixture database for a test that imports or sets up a year into it."""
    return copy_alone(fixture_db, tmp_path)


@pytest.fixture(scope="session")
def lineage_db(tmp_path_factory) -> Path:
    """The fixture with a 2025-style reorganisation (tests/lineage_fixture.py)."""
    return _fixture_database(tmp_path_factory, "lineage", lineage_overrides())


@pytest.fixture(scope="session")
def draft_db(tmp_path_factory) -> Path:
    """The fixture with a draft 2022 department assessment (tests/draft_fixture.py)."""
    return _fixture_database(tmp_path_factory, "draft", draft_overrides())


@pytest.fixture(scope="session")
def embedded_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("embedded") / "par.duckdb"
    build(DATA_DIR, db)
    return db


@pytest.fixture(scope="session")
def demo_small_db(tmp_path_factory) -> Path:
    """The synthetic national data at its test scale: two invented provinces beside the embedded data."""
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    build_demo(SCALES["small"], db)
    return db


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A scratch copy of the embedded dataset's sources, for tests that break one thing."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("*.duckdb*"))
    return target


@pytest.fixture
def use_db(monkeypatch):
    """Point parindex.db.query (and the app) at a given database file."""

    def use(path: Path) -> Path:
        monkeypatch.setenv("PARINDEX_DB", str(path))
        return path

    return use


@pytest.fixture
def on_embedded(embedded_db, use_db):
    """The app and the query function read the embedded dataset's database."""
    use_db(embedded_db)
