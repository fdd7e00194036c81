"""A gate: every file in queries/ has a test that runs it by name and compares its exact rows (through
the `rows` helper of the query tests), so a new query cannot ship untested."""

from __future__ import annotations

import ast

from parindex.paths import QUERIES_DIR, ROOT


def _compared_by_rows(function: ast.FunctionDef, names: set[str]) -> set[str]:
    """The query names a test function passes to a call, where the function also calls rows(...)."""
    calls = [node for node in ast.walk(function) if isinstance(node, ast.Call)]
    if not any(isinstance(call.func, ast.Name) and call.func.id == "rows" for call in calls):
        return set()
    return {arg.value for call in calls for arg in call.args if isinstance(arg, ast.Constant) and arg.value in names}


def test_every_query_has_an_exact_row_test():
    names = {path.stem for path in QUERIES_DIR.glob("*.sql")}
    compared: set[str] = set()
    for path in (ROOT / "tests").glob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                compared |= _compared_by_rows(node, names)
    assert len(names) >= 43 and sorted(names - compared) == []
