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
    {"cli", "desktop"},
    {"session"},
    {"export", "tuning"},
    {"training", "prepared"},
    {"files", "insight", "datasets"},
    {"network"},
    {"fields", "kerasenv"},
    {"errors", "i18n", "resources"},
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


# ------------------------------------------------------------------ the composition root
# ui/composition.py builds every window; ui/panels.py is its half that makes the panels.
COMPOSITION_ROOT = {"ui/composition.py", "ui/panels.py"}
WINDOW_MODULE = "ui/main_window.py"
# Landed on main while the root was built: they are still handed the whole window and are
# to receive their parts from the root too (the welcome view, the self-test, the Training
# menu's run actions, the lesson shim they call). No other module may join this list.
NOT_YET_ON_THE_ROOT = {"ui/welcome.py", "ui/self_test.py", "ui/training/menu_actions.py",
                       "ui/presets_gallery.py"}


def _python_files(*tops: str) -> list[Path]:
    files = [p for top in tops for p in (ROOT / top).rglob("*.py")]
    return files + [ROOT / "main.py"] if (ROOT / "main.py").exists() else files


def _window_constructions(tree: ast.AST) -> list[int]:
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Call)
            and ast.unparse(node.func).split(".")[-1] == "MainWindow"]


def test_only_the_composition_root_constructs_the_main_window():
    """The app, tests, benchmarks and scripts all get their window from create_window()."""
    found = []
    for path in _python_files("ui", "tests", "benchmarks", "scripts"):
        rel = path.relative_to(ROOT).as_posix()
        if rel == "ui/composition.py":
            continue
        found += [f"{rel}:{line}" for line in
                  _window_constructions(ast.parse(path.read_text(encoding="utf-8")))]
    assert found == []


def _main_window_attributes() -> set[str]:
    """What MainWindow itself defines: attributes it assigns, methods, signals."""
    tree = ast.parse((ROOT / WINDOW_MODULE).read_text(encoding="utf-8"))
    window = next(node for node in tree.body
                  if isinstance(node, ast.ClassDef) and node.name == "MainWindow")
    names: set[str] = set()
    for node in ast.walk(window):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) \
                and not node.name.startswith("__"):
            names.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) \
                and ast.unparse(node.value) == "self":
            names.add(node.attr)
        elif isinstance(node, ast.Assign) and node in window.body:
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    # Qt's event handlers are Qt's to call, not parts to read.
    return {n for n in names if not n.endswith("Event")}


def _window_attribute_reads(tree: ast.AST, attributes: set[str]) -> list[str]:
    """``x.attr`` where x is a window (named ``*window``/``win`` or annotated MainWindow)
    and attr is one of MainWindow's own."""
    receivers = {"win"}
    for node in ast.walk(tree):
        if isinstance(node, ast.arg) and node.annotation is not None \
                and "MainWindow" in ast.unparse(node.annotation):
            receivers.add(node.arg)
    reads = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in attributes:
            owner = ast.unparse(node.value)
            if owner.split(".")[-1].lower().endswith("window") or owner in receivers:
                reads.append(f"{node.lineno}: {owner}.{node.attr}")
    return reads


def test_no_attribute_of_the_main_window_is_read_outside_it_and_the_root():
    """Panels and actions receive their parts from the root; none reaches into the window
    for the document, the scene, another panel or a menu."""
    attributes = _main_window_attributes()
    assert {"document", "scene", "file_actions", "panels", "help_menu"} <= attributes
    found = []
    for path in (ROOT / "ui").rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if rel in COMPOSITION_ROOT or rel == WINDOW_MODULE or rel in NOT_YET_ON_THE_ROOT:
            continue
        found += [f"{rel}:{read}" for read in _window_attribute_reads(
            ast.parse(path.read_text(encoding="utf-8")), attributes)]
    assert found == []


def test_the_window_checks_can_fail():
    """The two checks above find what they are for, in made-up code."""
    code = ("def install(window: 'MainWindow', w2):\n"
            "    window.file_actions.menu\n"
            "    self.window.scene\n"
            "    w2.document\n"
            "    MainWindow(None)\n")
    tree = ast.parse(code)
    reads = _window_attribute_reads(tree, {"file_actions", "scene", "document"})
    assert sorted(reads) == ["2: window.file_actions", "3: self.window.scene"]
    assert _window_constructions(tree) == [5]


# ------------------------------------------------------------------ the session, read only
# State the session keeps; a panel (or its controller, or the shape service) reads it from
# there when told by an event, and never keeps its own copy.
SESSION_STATE = {"dataset", "report", "shape_report", "weights", "last_weights",
                 "last_entry", "last_model", "history"}
HOLDERS = ("Panel", "Controller", "ShapeService")


def _state_copies(tree: ast.AST) -> list[str]:
    """``self.<state> = ...`` in a panel/controller/shape service, and ``self.x = p`` where
    ``p`` is a parameter annotated as a panel (a panel holding another)."""
    found = []
    for cls in ast.walk(tree):
        if not (isinstance(cls, ast.ClassDef) and cls.name.endswith(HOLDERS)):
            continue
        panel_params = {arg.arg for node in ast.walk(cls) if isinstance(node, ast.arg)
                        for arg in [node] if arg.annotation is not None
                        and "Panel" in ast.unparse(arg.annotation)}
        for node in ast.walk(cls):
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, ast.AnnAssign) else []
            for target in targets:
                if not (isinstance(target, ast.Attribute)
                        and ast.unparse(target.value) == "self"):
                    continue
                value = getattr(node, "value", None)
                if target.attr in SESSION_STATE:
                    found.append(f"{cls.name}.{target.attr}")
                elif isinstance(value, ast.Name) and value.id in panel_params:
                    found.append(f"{cls.name}.{target.attr} (a panel)")
    return found


def test_no_panel_keeps_a_copy_of_session_state_or_another_panel():
    found = []
    for path in (ROOT / "ui").rglob("*.py"):
        found += [f"{path.relative_to(ROOT).as_posix()}: {copy}" for copy in
                  _state_copies(ast.parse(path.read_text(encoding="utf-8")))]
    assert found == []


def test_the_state_copy_check_can_fail():
    code = ("class DataPanel:\n"
            "    def __init__(self, other: 'DatasetPanel'):\n"
            "        self.dataset = None\n"
            "        self.peer = other\n"
            "class TrainingController:\n"
            "    def done(self, w):\n"
            "        self.last_weights: dict = w\n"
            "class BoundaryView:\n"
            "    def set(self, d):\n"
            "        self.dataset = d\n")
    assert _state_copies(ast.parse(code)) == [
        "DataPanel.dataset", "DataPanel.peer (a panel)", "TrainingController.last_weights"]


def _thread_constructions(tree: ast.AST) -> list[int]:
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Call)
            and ast.unparse(node.func).split(".")[-1] == "QThread"]


def test_one_module_owns_qthreads():
    """Training and tuning share one worker recipe (ui/thread_worker.py WorkerThread);
    short jobs use ui/background.py's runner (a thread pool)."""
    found = []
    for path in (ROOT / "ui").rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if rel != "ui/thread_worker.py":
            found += [f"{rel}:{line}" for line in
                      _thread_constructions(ast.parse(path.read_text(encoding="utf-8")))]
    assert found == []
    assert _thread_constructions(ast.parse("t = QtCore.QThread(self)\nQThreadPool()")) == [1]


def _private_imports(importer: str, imported: set[str], modules: set[str]) -> list[str]:
    """Imports of a module whose name starts with "_" from outside its own package."""
    found = []
    for name in sorted(imported):
        while name and name not in modules:
            name = name.rpartition(".")[0]
        package, _dot, last = name.rpartition(".")
        if last.startswith("_") and not last.startswith("__") \
                and not importer.startswith(package + "."):
            found.append(f"{importer} imports {name}")
    return found


def test_no_package_reaches_into_another_packages_private_module():
    modules = _source_modules()
    found = []
    for name, path in modules.items():
        found += _private_imports(name, _imported_names(path, name), set(modules))
    # Landed on main meanwhile: Try it turns outputs into class probabilities with the
    # insight helper (to move beside output_activation in network/model_info.py).
    assert set(found) == {"playground.prepared.predictor imports playground.insight._model"}
    known = {"playground.insight._model", "playground.i18n"}
    assert _private_imports("playground.training.losses",
                            {"playground.insight._model.output_activation"}, known) != []
    assert _private_imports("playground.insight.boundary",
                            {"playground.insight._model.run_model", "playground.i18n._"},
                            known) == []


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
