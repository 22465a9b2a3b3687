"""No error is swallowed: no bare ``except:``, and no handler whose whole body is ``pass``
(or ``...``) anywhere in the app's code. Scanned with ``ast`` so comments cannot hide it."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [*sorted((ROOT / "playground").rglob("*.py")), *sorted((ROOT / "ui").rglob("*.py")),
           ROOT / "main.py"]


def _swallowing(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ExceptHandler):
            continue
        if node.type is None:
            found.append((node.lineno, "bare 'except:'"))
        body = [s for s in node.body if not (isinstance(s, ast.Expr)
                                             and isinstance(s.value, ast.Constant)
                                             and isinstance(s.value.value, str))]
        if all(isinstance(s, ast.Pass) or (isinstance(s, ast.Expr)
                                            and isinstance(s.value, ast.Constant)
                                            and s.value.value is Ellipsis) for s in body):
            found.append((node.lineno, "handler that does nothing ('pass')"))
    return found


def test_the_scan_finds_what_it_looks_for():
    code = "try:\n    x()\nexcept ValueError:\n    pass\ntry:\n    y()\nexcept:\n    z()\n"
    assert [line for line, _ in _swallowing(ast.parse(code))] == [3, 7]


def test_no_error_is_swallowed_in_the_app():
    assert len(SOURCES) > 40
    problems = [f"{path.relative_to(ROOT)}:{line}: {what}"
                for path in SOURCES
                for line, what in _swallowing(ast.parse(path.read_text("utf-8")))]
    assert not problems, "errors swallowed:\n" + "\n".join(problems)
