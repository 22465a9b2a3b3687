"""Files: save/reopen, unsaved-changes prompt, recent files, drops, import and export."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.conftest import ROOT
from tests.gui.conftest import canon, mlp


def test_save_and_reopen_reproduce_canvas(window, tmp_path, qtbot):
    graph = window.document.graph
    graph.clear()
    ids = mlp(graph)
    graph.rename_node(ids[1], "hidden")
    graph.move_node(ids[2], (40.0, 260.0))
    window.document.set_modified(True)
    path = tmp_path / "model.kpg"
    window.file_actions.ask_save_path = lambda *a: str(tmp_path / "model")  # suffix added
    assert window.file_actions.save_as_dialog()
    assert path.exists()
    assert not window.document.modified and not window.isWindowModified()
    assert window.windowTitle().startswith("model.kpg")
    saved = canon(graph)
    positions = {n: window.scene.node_items[n].pos() for n in ids}

    window.file_actions.new_project()
    assert len(window.document.graph) == 1
    with qtbot.waitSignal(window.file_actions.projectOpened, timeout=20_000):
        window.file_actions.open_path(path)  # read on a worker thread
    assert canon(window.document.graph) == saved
    assert {n: window.scene.node_items[n].pos() for n in ids} == positions
    assert len(window.scene.edge_items) == 2
    assert window.file_actions.recent_files()[0] == str(path.resolve())
    assert window.file_actions.recent_menu.actions()[0].text().endswith("model.kpg")


def _answer_unsaved(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox) or box.objectName() != "unsaved_changes_box":
        QTimer.singleShot(20, lambda: _answer_unsaved(button, seen))
        return
    seen.append(box.text())
    box.button(button).click()


def test_unsaved_changes_prompt(window, tmp_path):
    graph = window.document.graph
    graph.add_node("Dense")
    window.document.set_modified(True)
    assert window.isWindowModified()
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer_unsaved(QMessageBox.StandardButton.Cancel, seen))
    window.file_actions.new_project()
    assert seen and "not saved" in seen[0]
    assert window.document.graph is graph and len(graph) == 2  # cancelled: kept

    QTimer.singleShot(0, lambda: _answer_unsaved(QMessageBox.StandardButton.Discard, seen))
    window.file_actions.new_project()
    assert len(seen) == 2 and len(window.document.graph) == 1

    window.document.graph.add_node("Dense")
    window.document.set_modified(True)
    window.file_actions.ask_save_path = lambda *a: str(tmp_path / "kept.kpg")
    QTimer.singleShot(0, lambda: _answer_unsaved(QMessageBox.StandardButton.Save, seen))
    assert window.file_actions.maybe_save()
    assert (tmp_path / "kept.kpg").exists() and not window.document.modified

    # Closing with changes asks too; Cancel keeps the window open.
    window.document.set_modified(True)
    QTimer.singleShot(0, lambda: _answer_unsaved(QMessageBox.StandardButton.Cancel, seen))
    assert not window.close()
    assert window.isVisible() and len(seen) == 4


def test_edit_marks_modified_and_undo_back_to_clean(window):
    doc = window.document
    assert not doc.modified
    window.edit_actions.add_layer_at("Dense", QPointF(0, 200))
    assert doc.modified and window.windowTitle().startswith("Untitled")
    doc.undo_stack.undo()
    assert not doc.modified


def test_drop_file_on_window_opens_it(window, tmp_path, qtbot):
    graph = window.document.graph
    graph.clear()
    mlp(graph)
    path = tmp_path / "dropped.kpg"
    assert window.file_actions.save_to(path)
    window.file_actions.new_project()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    assert window.file_actions.droppable_path(data) == path
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.file_actions.projectOpened, timeout=20_000):
        window.dropEvent(event)
    assert len(window.document.graph) == 3 and window.document.path == path
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    assert window.file_actions.droppable_path(other) is None


def test_broken_project_file_reports_error(window, tmp_path, monkeypatch, qtbot):
    bad = tmp_path / "broken.kpg"
    bad.write_bytes(b"this is not a zip")
    shown = []
    monkeypatch.setattr(window.file_actions, "_error", lambda title, msg: shown.append(msg))
    window.file_actions.open_path(bad)
    qtbot.waitUntil(lambda: not window.file_actions.is_busy(), timeout=20_000)
    assert shown and "broken.kpg" in shown[0]
    assert window.document.path is None


def test_export_canvas_png_and_svg(window, tmp_path):
    mlp(window.document.graph)
    png, svg = tmp_path / "canvas.png", tmp_path / "canvas.svg"
    assert window.file_actions.export_image_to(png)
    assert window.file_actions.export_image_to(svg)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = svg.read_text()
    assert "<svg" in text and "Dense" in text


@pytest.fixture(scope="module")
def mobilenet_file(tmp_path_factory) -> tuple[Path, int]:
    from playground.kerasenv import keras

    k = keras()
    model = k.applications.MobileNetV2(weights=None, input_shape=(96, 96, 3), alpha=0.35)
    path = tmp_path_factory.mktemp("mnv2") / "mobilenet_v2.keras"
    model.save(path)
    return path, len(model.layers)


def test_import_mobilenet_creates_all_nodes_and_edges(tf_window, qtbot, mobilenet_file):
    window = tf_window
    path, layer_count = mobilenet_file
    with qtbot.waitSignal(window.file_actions.projectOpened, timeout=60_000):
        window.file_actions.open_path(path, ask=False)
    graph = window.document.graph
    assert len(graph) == layer_count
    assert len(window.scene.node_items) == layer_count
    assert len(window.scene.edge_items) == len(graph.edges) >= layer_count - 1
    assert window.document.project.weights  # weights came along
    # the same project as `playground import` makes: a fitting dataset, a note
    assert window.document.project.dataset == {"name": "xor", "params": {}}
    assert window.document.project.notes == "Imported from mobilenet_v2.keras."
    assert window.document.modified and window.document.path is None
    # Laid out: every node has its own place.
    positions = {n.position for n in graph}
    assert len(positions) == layer_count
    qtbot.waitUntil(lambda: window.shapes.report is not None and not window.shapes.busy,
                    timeout=60_000)
    assert window.shapes.report.ok
    assert window.shapes.report.total_params > 0


def test_import_says_which_layers_hold_suspicious_weights(tf_window, qtbot, tmp_path,
                                                         monkeypatch):
    from playground.kerasenv import keras

    k = keras()
    model = k.Sequential([k.Input((3,)), k.layers.Dense(2, name="d")])
    kernel, bias = model.get_layer("d").get_weights()
    kernel[0, 0] = 3e20
    model.get_layer("d").set_weights([kernel, bias])
    model.save(tmp_path / "odd.keras")
    shown = []
    monkeypatch.setattr(tf_window.file_actions, "_error", lambda title, msg: shown.append(
        (title, msg)))
    with qtbot.waitSignal(tf_window.file_actions.projectOpened, timeout=60_000):
        tf_window.file_actions.import_path(tmp_path / "odd.keras", ask=False)
    assert len(tf_window.document.graph) == 2          # imported all the same
    [(title, message)] = shown
    assert "suspicious" in title
    assert "odd.keras was imported" in message and "Layer 'd'" in message \
        and "3e+20" in message


def test_export_keras_and_python(tf_window, qtbot, tmp_path):
    window = tf_window
    graph = window.document.graph
    graph.clear()
    mlp(graph)
    out = tmp_path / "model.keras"
    window.file_actions.export_keras_to(out)
    qtbot.waitUntil(lambda: not window.file_actions.is_busy(), timeout=30_000)
    from playground.kerasenv import keras

    model = keras().saving.load_model(out, safe_mode=True)
    assert [layer.__class__.__name__ for layer in model.layers][-2:] == ["Dense", "Dense"]
    script = tmp_path / "model.py"
    window.file_actions.export_python_to(script)
    qtbot.waitUntil(lambda: not window.file_actions.is_busy(), timeout=30_000)
    text = script.read_text()
    compile(text, str(script), "exec")  # valid Python
    assert "layers.Dense(" in text


def test_window_shows_before_tensorflow_loads_in_fresh_process(tmp_path):
    """In a fresh process the UI modules import no TensorFlow, the window is shown first,
    and only then does the import start, on its own thread."""
    code = (
        "import os, sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from ui.composition import create_window\n"
        "w = create_window(); w.show(); app.processEvents()\n"
        "print('tf_imported', 'tensorflow' in sys.modules or 'keras' in sys.modules)\n"
        "print('shown_without_tf', w.isVisible() and not w.tf_loader.is_loaded)\n"
        "w.tf_loader.start()\n"
        "print('loading_in_background', w.tf_loader.is_running, w._tf_label.text())\n"
        "sys.stdout.flush(); os._exit(0)\n"  # no need to wait for the import to finish
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, timeout=120,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                              "HOME": str(tmp_path), "TF_CPP_MIN_LOG_LEVEL": "3"})
    assert "tf_imported False" in out.stdout, out.stdout + out.stderr
    assert "shown_without_tf True" in out.stdout, out.stdout + out.stderr
    assert "loading_in_background True TensorFlow: loading…" in out.stdout, out.stdout


def test_missing_recent_file_is_reported_and_forgotten(window, tmp_path, monkeypatch):
    path = tmp_path / "gone.kpg"
    assert window.file_actions.save_to(path)
    path.unlink()
    shown = []
    monkeypatch.setattr(window.file_actions, "_error", lambda title, msg: shown.append(msg))
    window.file_actions.recent_menu.actions()[0].trigger()
    assert shown and "gone.kpg" in shown[0] and "does not exist" in shown[0]
    assert window.file_actions.recent_files() == []
    assert not window.file_actions.recent_menu.isEnabled()


def test_unsaved_title_uses_project_title(window):
    from playground.files.project import Project
    from ui.document import new_project

    project = new_project()
    project.title = "MNIST digits"
    window.document.replace_project(project)
    assert window.windowTitle().startswith("MNIST digits")
    window.document.replace_project(Project())
    assert window.windowTitle().startswith("Untitled")
