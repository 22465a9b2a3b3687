"""Fixtures for the canvas/main-window tests: a fully assembled window, offscreen, with its
settings in a temporary file so tests never touch the user's saved layout."""
from __future__ import annotations

import gc
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings

from playground.network.chains import add_chain
from playground.network.graph import Graph

GUI_TESTS = Path(__file__).resolve().parent
# Fixtures that make a test slow by themselves: TensorFlow's import and a first shape report.
SLOW_FIXTURES = {"tf_window"}


def pytest_collection_modifyitems(config, items) -> None:
    """Every test in tests/gui needs a QApplication: it carries the ``gui`` marker (so
    ``-m "not gui"`` runs without a display), and ``slow`` when it waits for TensorFlow.
    Called with the whole session's items: only this folder's are marked."""
    for item in items:
        if Path(item.path).resolve().parent != GUI_TESTS:
            continue
        item.add_marker(pytest.mark.gui)
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def window(qtbot, tmp_path):
    from ui.document import Document
    from ui.main_window import MainWindow
    from ui.panels import install_panels

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(Document(), settings=settings)
    win.panels = install_panels(win)
    win.show()
    yield win
    win.document.set_modified(False)  # no unsaved-changes prompt at teardown
    win.close()
    # Destroy it now, not at interpreter exit when PySide's finalization can crash.
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    del win
    gc.collect()


@pytest.fixture
def tf_window(window, qtbot):
    """The window once TensorFlow has loaded and the first shape report is in."""
    with qtbot.waitSignal(window.tf_loader.loaded, timeout=60_000):
        window.tf_loader.start()
    qtbot.waitUntil(lambda: window.shapes.report is not None and not window.shapes.busy,
                    timeout=20_000)
    return window


def wait_shapes(qtbot, window) -> None:
    """Wait until the shape report matches the current graph."""
    qtbot.waitUntil(lambda: not window.shapes.busy, timeout=20_000)


def mlp(graph: Graph) -> list[str]:
    """Input(2) -> Dense(8) -> Dense(1), laid out top to bottom; returns the node ids."""
    return [node.id for node in add_chain(graph, [
        ("Input", {"batch_shape": [None, 2]}), ("Dense", {"units": 8, "activation": "relu"}),
        ("Dense", {"units": 1, "activation": "sigmoid"})], spacing=120)]


def canon(graph: Graph) -> dict:
    """The graph's content independent of node/edge order (undo may re-add at the end)."""
    data = graph.to_dict()
    data["nodes"] = sorted(data["nodes"], key=lambda n: n["id"])
    data["edges"] = sorted(data["edges"], key=lambda e: (e["source"], e["target"], e["port"]))
    return data

