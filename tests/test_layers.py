"""Imports point one way: the build never needs the import, and what runs outside a page (the
press kit, the build) never loads Streamlit. Checked in a fresh interpreter, where sys.modules
shows everything a module pulls in."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from parindex.paths import ROOT


def loaded_by(module: str) -> set[str]:
    code = f"import json, sys, {module}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout))


@pytest.mark.parametrize("module", ["parindex.presskit", "parindex.figures", "parindex.build", "parindex.facts"])
def test_outside_the_pages_nothing_loads_streamlit(module):
    assert "streamlit" not in loaded_by(module)


def test_the_build_does_not_import_the_importer():
    assert not {m for m in loaded_by("parindex.build") if m.startswith("parindex.importing")}


def test_the_importer_builds_through_the_build():
    assert "parindex.build" in loaded_by("parindex.importing.commit")
