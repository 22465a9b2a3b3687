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
    {"training", "prepared"},
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
