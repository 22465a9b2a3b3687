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
    code = ("import sys, playground.graph, playground.catalog, playground.project\n"
            "sys.exit(1 if 'tensorflow' in sys.modules or 'keras' in sys.modules else 0)\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr[-1500:]
