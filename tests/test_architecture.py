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


# ------------------------------------------------------------------ the composition root
# ui/composition.py builds every window; ui/panels.py is its half that makes the panels.
COMPOSITION_ROOT = {"ui/composition.py", "ui/panels.py"}
WINDOW_MODULE = "ui/main_window.py"


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
        if rel in COMPOSITION_ROOT or rel == WINDOW_MODULE:
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
    assert found == []
    known = {"playground.insight._model", "playground.i18n"}
    assert _private_imports("playground.training.losses",
                            {"playground.insight._model.output_activation"}, known) != []
    assert _private_imports("playground.insight.boundary",
                            {"playground.insight._model.run_model", "playground.i18n._"},
                            known) == []
