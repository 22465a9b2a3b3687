"""Main window: panels, remembered layout, status bar, title, lock, context menu."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMenu

from tests.gui.conftest import mlp


def test_add_panel_bottom_tabs_and_layout_remembered(window, qtbot):
    a = window.add_panel(QLabel("a"), "Panel A", "bottom", "test_a")
    b = window.add_panel(QLabel("b"), "Panel B", "bottom", "test_b")
    # the dock layout settles in the event loop
    qtbot.waitUntil(lambda: b in window.tabifiedDockWidgets(a))
    assert window.dockWidgetArea(a) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert a.toggleViewAction() in window.view_menu.actions()
    inspector_dock = next(d for d in window.findChildren(QDockWidget)
                          if d.objectName() == "inspector_panel")
    inspector_dock.hide()
    window.save_layout()

    from ui.composition import create_window

    other = create_window(window.settings)
    other.show()
    try:
        # the saved layout is in place once the panels left open are shown
        qtbot.waitUntil(lambda: other.findChild(QDockWidget, "training_panel").isVisible())
        restored = next(d for d in other.findChildren(QDockWidget)
                        if d.objectName() == "inspector_panel")
        assert not restored.isVisible()
    finally:
        other.close()


def test_status_bar_shows_device_tensorflow_and_totals(window):
    window.set_status_device("GPU 0 (NVIDIA)")
    labels = [w.text() for w in window.statusBar().findChildren(QLabel)]
    assert "Device: GPU 0 (NVIDIA)" in labels
    assert any(t.startswith("TensorFlow:") for t in labels)
    assert any(t.startswith("1 layer") for t in labels)


def test_title_shows_file_and_modified_mark(window, tmp_path):
    assert window.windowTitle().startswith("Untitled[*]")
    window.document.set_modified(True)
    assert window.isWindowModified()
    path = tmp_path / "net.kpg"
    window.file_actions.save_to(path)
    assert window.windowTitle().startswith("net.kpg") and not window.isWindowModified()


def test_locked_inspector_is_read_only(window):
    ids = mlp(window.document.graph)
    window.document.set_locked(True, "training is running")
    window.scene.select_nodes([ids[1]])
    assert not window.panels.inspector.editors["units"].isEnabled()
    window.document.set_locked(False)
    assert window.panels.inspector.editors["units"].isEnabled()


def test_context_menu_offers_node_and_edge_actions(window, monkeypatch):
    ids = mlp(window.document.graph)
    shown: list[list[str]] = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, *a: shown.append(
        [a.text() for a in menu.actions() if a.text()]))
    node_item = window.scene.node_items[ids[1]]
    window.edit_actions.show_context_menu(node_item, node_item.scenePos())
    assert any("Freeze" in t for t in shown[-1]) and "&Delete" in shown[-1]
    edge_item = next(iter(window.scene.edge_items.values()))
    window.edit_actions.show_context_menu(edge_item, edge_item.scenePos())
    assert shown[-1] == ["Remove Connection"]
    window.edit_actions.show_context_menu(None, node_item.scenePos())
    assert "&Paste" in shown[-1]


def test_theme_switch_dark_and_back(window):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from ui import theme

    light_bg = theme.canvas_colors().background
    window.edit_actions.theme_actions["dark"].trigger()
    try:
        assert theme.is_dark()
        assert QApplication.instance().palette().color(QPalette.ColorRole.Window).lightness() < 128
        assert theme.canvas_colors().background.lightness() < light_bg.lightness()
        assert window.settings.value("ui/theme") == "dark"
    finally:
        window.edit_actions.theme_actions["system"].trigger()
    assert not theme.is_dark()


def test_undo_waits_while_locked(window):
    graph = window.document.graph
    window.edit_actions.add_layer_at("Dense", window.view.mapToScene(10, 10))
    assert len(graph) == 2
    undo = window.edit_actions.undo
    assert undo.isEnabled() and undo.text() == "&Undo Add Dense"
    window.document.set_locked(True, "training is running")
    assert not undo.isEnabled()
    undo.trigger()
    assert len(graph) == 2  # still there: the model is being trained
    window.document.set_locked(False)
    undo.trigger()
    assert len(graph) == 1
    assert window.edit_actions.redo.isEnabled()


def test_document_signals(qtbot):
    import numpy as np

    from ui.document import Document, new_project

    doc = Document()
    assert [n.layer_type for n in doc.graph] == ["Input"] and not doc.modified
    with qtbot.waitSignal(doc.modifiedChanged) as changed:
        doc.set_modified(True)
    assert changed.args == [True]
    with qtbot.waitSignals([doc.lockedChanged]):
        doc.set_locked(True, "training")
    assert doc.locked and doc.lock_reason == "training"
    doc.set_locked(False)
    assert doc.lock_reason == ""
    with qtbot.waitSignal(doc.weightsChanged):
        doc.set_weights({"n1": [np.zeros(2)]})
    old_graph = doc.graph
    with qtbot.waitSignal(doc.projectReplaced):
        doc.replace_project(new_project())
    assert doc.graph is not old_graph and not doc.modified and doc.undo_stack.count() == 0
