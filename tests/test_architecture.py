"""The core never imports Qt or pyqtgraph (it must run on servers and in scripts)."""
from __future__ import annotations

import subprocess
import sys


def test_importing_the_core_imports_no_gui_toolkit():
    code = (
        "import sys, pkgutil, importlib, playground\n"
        "for m in pkgutil.walk_packages(playground.__path__, 'playground.'):\n"
        "    if not m.name.endswith('__main__'): importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'PyQt5',"
        " 'PyQt6', 'shiboken6', 'superqt', 'ui')]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr[-1500:]


def test_importing_catalog_and_graph_does_not_import_tensorflow():
    code = ("import sys, playground.network.graph, playground.network.catalog, playground.files.project\n"
            "sys.exit(1 if 'tensorflow' in sys.modules or 'keras' in sys.modules else 0)\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr[-1500:]


# ------------------------------------------------------------------ static structure
# Read from the source (every import, also those inside functions and TYPE_CHECKING
# blocks): a lazy import is still a dependency a reader has to follow.
import ast  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

# playground/'s layers, top to bottom: a module may import its own package and the layers
# below it, never one above. Packages on one line are siblings that must not import each
# other unless listed in ALLOWED_SIBLINGS.
CORE_LAYERS: list[set[str]] = [
    {"__init__", "__main__"},
    {"cli"},
    {"session"},
    {"export", "tuning"},
    {"training"},
    {"files", "insight", "datasets"},
    {"network"},
    {"fields", "kerasenv"},
    {"errors", "i18n"},
]
ALLOWED_SIBLINGS: set[tuple[str, str]] = set()
GUI_TOOLKITS = ("PySide6", "shiboken6", "pyqtgraph", "superqt", "ui")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _source_modules() -> dict[str, Path]:
    return {_module_name(p): p for top in ("playground", "ui")
            for p in (ROOT / top).rglob("*.py")}


def _imported_names(path: Path, name: str) -> set[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def _file_imports() -> dict[str, set[str]]:
    """module -> the project modules (files) it imports."""
    modules = _source_modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for imported in _imported_names(path, name):
            while imported and imported not in modules:
                imported = imported.rpartition(".")[0]
            # "from package import module" resolves to the module; a package's __init__
            # counts only when it is what was imported.
            if imported and imported != name:
                targets.add(imported)
        graph[name] = targets
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one file (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _is_package_init(name: str) -> bool:
    return (ROOT / Path(*name.split(".")) / "__init__.py").exists()


def test_no_import_cycles_between_files():
    graph = _file_imports()
    # A package's __init__ re-exporting its own modules is not a cycle a reader follows.
    graph = {m: {t for t in ts if not (_is_package_init(t) and m.startswith(t + "."))}
             for m, ts in graph.items()}
    assert _cycles(graph) == []


def _layer_of(module: str) -> int:
    first = module.split(".")[1] if "." in module else "__init__"
    for number, layer in enumerate(CORE_LAYERS):
        if first in layer:
            return number
    raise AssertionError(f"{module} is in no layer of CORE_LAYERS: add its package there")


def test_core_layers_import_only_downwards_and_never_the_gui():
    modules = _source_modules()
    imports = _file_imports()
    wrong = []
    for name, path in modules.items():
        if not name.startswith("playground"):
            continue
        for imported in _imported_names(path, name):
            if imported.split(".")[0] in GUI_TOOLKITS:
                wrong.append(f"{name} imports {imported}")
        mine = _layer_of(name)
        own_package = name.split(".")[1] if "." in name else ""
        for target in imports[name]:
            if not target.startswith("playground.") or target.split(".")[1] == own_package:
                continue
            theirs = _layer_of(target)
            pair = (own_package, target.split(".")[1])
            if theirs < mine or (theirs == mine and pair not in ALLOWED_SIBLINGS):
                wrong.append(f"{name} imports {target} (layer {theirs} from layer {mine})")
    assert wrong == []


def test_the_structure_checks_can_fail():
    """The checks above find what they are for, on a made-up import graph."""
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _layer_of("playground.cli.main") < _layer_of("playground.network.graph")


def test_panels_do_not_look_each_other_up_on_the_window():
    """Panels get what they need through their constructors: no probing the window with
    hasattr/getattr/findChild for parts someone may or may not have set."""
    probes = []
    for path in (ROOT / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id in ("hasattr", "getattr") and node.args \
                    and "window" in ast.unparse(node.args[0]).lower():
                probes.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "findChild" \
                    and "window" in ast.unparse(node.func.value).lower():
                probes.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert probes == []


# ----------------------------------------------------------------- test markers
QT_FIXTURES = {"qtbot", "qapp"}       # pytest-qt's: a test that uses them needs a display


def _is_fixture(node: ast.FunctionDef) -> bool:
    return any("fixture" in ast.unparse(d) for d in node.decorator_list)


def _params(node: ast.FunctionDef) -> set[str]:
    return {a.arg for a in node.args.args + node.args.kwonlyargs}


def _marks(decorators: list[ast.expr]) -> set[str]:
    names = set()
    for d in decorators:
        text = ast.unparse(d)
        if text.startswith("pytest.mark."):
            names.add(text.removeprefix("pytest.mark.").split("(")[0])
    return names


def _module_marks(tree: ast.Module) -> set[str]:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "pytestmark" for t in node.targets):
            values = node.value.elts if isinstance(node.value, (ast.List, ast.Tuple)) \
                else [node.value]
            return _marks(values)
    return set()


def _qt_tests_without_gui_marker(files: dict[Path, str], marked_folders: set[Path]) -> list[str]:
    """Tests (in ``files``: path -> source) that use a Qt fixture, directly or through other
    fixtures (of their module or a conftest.py above it), but carry no ``gui`` marker: not
    on themselves, their class or their module, and not in a folder whose conftest marks
    all of its tests."""
    trees = {path: ast.parse(text) for path, text in files.items()}
    fixtures: dict[Path, dict[str, set[str]]] = {
        path: {n.name: _params(n) for n in ast.walk(tree)
               if isinstance(n, ast.FunctionDef) and _is_fixture(n)}
        for path, tree in trees.items()}
    missing = []
    for path, tree in trees.items():
        if not path.name.startswith("test_"):
            continue
        visible: dict[str, set[str]] = {}
        for conftest in sorted((p for p in trees if p.name == "conftest.py"
                                and p.parent in path.parents), key=lambda p: len(p.parts)):
            visible.update(fixtures[conftest])
        visible.update(fixtures[path])
        qt = set(QT_FIXTURES)
        while True:  # fixtures that need a Qt fixture, to a fixed point
            more = {name for name, needs in visible.items() if needs & qt} - qt
            if not more:
                break
            qt |= more
        if path.parent in marked_folders or "gui" in _module_marks(tree):
            continue
        for node in tree.body:
            classes = [node] if isinstance(node, ast.ClassDef) else []
            tests = [(node, set())] if isinstance(node, ast.FunctionDef) else [
                (f, _marks(node.decorator_list)) for node in classes for f in node.body
                if isinstance(f, ast.FunctionDef)]
            for test, class_marks in tests:
                if test.name.startswith("test") and _params(test) & qt \
                        and "gui" not in _marks(test.decorator_list) | class_marks:
                    missing.append(f"{path.relative_to(ROOT)}::{test.name}")
    return missing


def _folders_marked_gui_by_their_conftest() -> set[Path]:
    """Folders whose conftest.py marks every test ``gui`` in pytest_collection_modifyitems."""
    folders = set()
    for conftest in (ROOT / "tests").rglob("conftest.py"):
        for node in ast.parse(conftest.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) \
                    and node.name == "pytest_collection_modifyitems" \
                    and "pytest.mark.gui" in ast.unparse(node):
                folders.add(conftest.parent)
    return folders


def test_every_test_that_needs_qt_is_marked_gui():
    files = {p: p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py")}
    assert _qt_tests_without_gui_marker(files, _folders_marked_gui_by_their_conftest()) == []


def test_the_gui_marker_check_can_fail():
    """On made-up files: a test reaching qtbot through a conftest fixture is caught unless
    it, its class or its module is marked, or its folder's conftest marks it."""
    tests = ROOT / "tests"
    conftest = """import pytest
@pytest.fixture
def window(qtbot):
    return 1
"""
    module = """import pytest
def test_plain(tmp_path): pass
def test_window(window): pass
@pytest.mark.gui
def test_marked(qapp): pass
class TestA:
    def test_in_class(self, qtbot): pass
@pytest.mark.gui
class TestB:
    def test_in_marked_class(self, qtbot): pass
"""
    files = {tests / "x" / "conftest.py": conftest, tests / "x" / "test_x.py": module}
    assert _qt_tests_without_gui_marker(files, set()) == [
        "tests/x/test_x.py::test_window", "tests/x/test_x.py::test_in_class"]
    assert _qt_tests_without_gui_marker(files, {tests / "x"}) == []
    files[tests / "x" / "test_x.py"] = "import pytest\npytestmark = [pytest.mark.gui]\n" + module
    assert _qt_tests_without_gui_marker(files, set()) == []


def test_the_gui_folder_marks_its_tests_gui_and_tf_window_ones_slow():
    """The real collection: nothing in tests/gui is left when GUI tests are deselected, and a
    test waiting for TensorFlow's window counts as slow."""
    import os

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def collected(marks: str) -> str:
        return subprocess.run(
            [sys.executable, "-m", "pytest", "--collect-only", "-q", "-n", "0", "-p",
             "no:randomly", "-m", marks, "tests/gui/test_real_models_gui.py"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300).stdout

    assert "no tests collected" in collected("not gui") or \
        "test_real_models_gui.py::" not in collected("not gui")
    slow = collected("slow")
    assert "test_group_freezes_in_one_click_and_opens_to_edit_its_inside" in slow
    assert "test_a_layer_called_again_shares_its_weights" not in slow   # uses window only
