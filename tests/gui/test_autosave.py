"""Autosave and restore in the real window (offscreen): no unsaved work is lost."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from playground.files import recovery
from playground.network.graph import Graph
from playground.files.project import Project, load_project
from ui import autosave as autosave_mod


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("PLAYGROUND_CONFIG_DIR", str(tmp_path / "data"))
    return tmp_path / "data" / "recovery"


@pytest.fixture
def win(qtbot, tmp_path: Path, data_dir: Path):
    from ui.document import Document
    from ui.main_window import MainWindow
    from ui.panels import install_panels

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Document(), settings=settings)
    # Not qtbot.addWidget: pytest-qt would close it before this fixture's teardown, while
    # the document is still modified, and the unsaved-changes prompt would block.
    window.panels = install_panels(window)
    window.show()
    yield window
    window.document.set_modified(False)
    window.close()
    window.deleteLater()


def _edit(window) -> str:
    node = window.document.graph.add_node("Dense", {"units": 13}, (0, 120))
    window.document.set_modified(True)
    return node.id


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_unsaved_changes_are_written_within_the_interval(win, qtbot, data_dir: Path):
    auto = win.panels.autosave
    assert auto.timer.interval() <= 30_000
    auto.timer.setInterval(50)
    assert not auto.timer.isActive()          # nothing to save yet
    node_id = _edit(win)
    assert auto.timer.isActive()
    with qtbot.waitSignal(auto.saved, timeout=5000):
        pass
    [info] = recovery.list_recoverable(data_dir, include_running=True)
    saved = recovery.restore(info)
    assert saved.graph.node(node_id).params["units"] == 13
    assert saved.to_json_dict() == win.document.project.to_json_dict()


def test_a_real_save_removes_the_recovery_file(win, qtbot, tmp_path: Path, data_dir: Path):
    _edit(win)
    with qtbot.waitSignal(win.panels.autosave.saved, timeout=5000):
        assert win.panels.autosave.autosave_now()
    assert win.panels.autosave.recovery_session.exists()
    assert win.file_actions.save_to(tmp_path / "mine.kpg")
    assert not win.panels.autosave.recovery_session.exists()
    assert list(data_dir.iterdir()) == []
    assert not win.panels.autosave.autosave_now()   # saved: nothing to autosave


def test_a_clean_close_removes_the_recovery_file(win, qtbot, data_dir: Path):
    _edit(win)
    with qtbot.waitSignal(win.panels.autosave.saved, timeout=5000):
        win.panels.autosave.autosave_now()
    win.document.set_modified(False)   # the user chose "Discard" in the close prompt
    win.close()
    assert list(data_dir.iterdir()) == []


def test_crash_then_restore_in_a_new_window(win, qtbot, tmp_path: Path, data_dir: Path):
    # A previous app (now dead) autosaved an edited project that came from mine.kpg.
    graph = Graph("crashed")
    a = graph.add_node("Input", {"batch_shape": [None, 4]}, (0, 0))
    b = graph.add_node("Dense", {"units": 21, "activation": "softmax"}, (0, 120))
    graph.connect(a.id, b.id)
    lost = Project(graph=graph, title="before the crash", notes="precious notes")
    old = recovery.RecoverySession(data_dir, pid=_dead_pid())
    old.write(lost, tmp_path / "mine.kpg")

    asked: list[recovery.RecoveryInfo] = []
    win.panels.autosave.ask_restore = lambda info: asked.append(info) or autosave_mod.RESTORE
    assert win.panels.autosave.offer_restore() == 1
    assert len(asked) == 1 and asked[0].original_path == str(tmp_path / "mine.kpg")
    doc = win.document
    assert doc.project.to_json_dict() == lost.to_json_dict()
    assert doc.modified and doc.path == tmp_path / "mine.kpg"
    # The old session is gone; this window's own recovery file holds the work now.
    assert not old.project_file.exists()
    assert load_project(win.panels.autosave.recovery_session.project_file).notes == "precious notes"
    assert win.scene is not None and len(doc.graph) == 2


def test_discard_and_later(win, data_dir: Path):
    first = recovery.RecoverySession(data_dir, pid=_dead_pid())
    first.write(Project(title="one"))
    answers = iter([autosave_mod.LATER])
    win.panels.autosave.ask_restore = lambda info: next(answers)
    assert win.panels.autosave.offer_restore() == 0
    assert first.exists()                      # "later": asked again next time
    win.panels.autosave.ask_restore = lambda info: autosave_mod.DISCARD
    assert win.panels.autosave.offer_restore() == 0
    assert not first.exists()
    assert recovery.list_recoverable(data_dir) == []


def test_damaged_recovery_file_is_reported_and_kept(win, data_dir: Path, monkeypatch):
    old = recovery.RecoverySession(data_dir, pid=_dead_pid())
    old.write(Project(title="x"))
    old.project_file.write_bytes(b"PK\x03\x04 truncated")
    warnings: list[str] = []
    monkeypatch.setattr(autosave_mod, "show_warning",
                        lambda parent, title, text: warnings.append(text))
    win.panels.autosave.ask_restore = lambda info: autosave_mod.RESTORE
    assert win.panels.autosave.offer_restore() == 0
    assert "could not be opened" in warnings[0] and "damaged" in warnings[0]
    assert old.project_file.exists()            # kept for the user to rescue
    assert not win.document.modified


def test_autosave_failure_is_shown_not_swallowed(win, qtbot, tmp_path: Path):
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where the recovery folder should be")
    win.panels.autosave.recovery_session = recovery.RecoverySession(blocker / "recovery")
    _edit(win)
    with qtbot.waitSignal(win.panels.autosave.failed, timeout=5000) as sig:
        win.panels.autosave.autosave_now()
    assert sig.args[0].startswith("Autosave failed:")
    assert win.statusBar().currentMessage().startswith("Autosave failed:")


def test_closing_with_unsaved_changes_asks_first(win, qtbot, monkeypatch, data_dir: Path):
    from PySide6.QtWidgets import QMessageBox

    _edit(win)
    with qtbot.waitSignal(win.panels.autosave.saved, timeout=5000):
        win.panels.autosave.autosave_now()
    asked: list[str] = []

    def answer_cancel(box: QMessageBox) -> int:
        asked.append(box.objectName())
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", answer_cancel)
    assert not win.close()                  # "Cancel": the window stays open
    assert asked == ["unsaved_changes_box"]
    assert win.isVisible() and win.document.modified
    assert win.panels.autosave.recovery_session.exists()    # and the recovery copy is kept


def _save_then_train_then_undo(win, qtbot, tmp_path: Path) -> None:
    """The path that lost a run: save, edit a layer, record a real run, undo the edit."""
    from playground.training.run import trained_weights
    from tests.training.helpers import xor_project
    from ui import commands

    win.document.replace_project(xor_project(samples=40, epochs=1))
    assert win.file_actions.save_to(tmp_path / "xor.kpg")
    hidden = next(n.id for n in win.document.graph if n.layer_type == "Dense")
    commands.execute(win.document.undo_stack,
                     commands.SetParams(win.document.graph, hidden, {"units": 3}))
    session = win.document.session
    result = session.make_engine().run()
    session.record_run(result.history_entry(), trained_weights(session.graph, result))
    with qtbot.waitSignal(win.panels.autosave.saved, timeout=5000):
        assert win.panels.autosave.autosave_now()
    win.document.undo_stack.undo()
    assert win.document.undo_stack.isClean()          # the graph is back as saved


@pytest.mark.slow
def test_a_run_recorded_after_the_save_survives_undoing_back_to_the_saved_graph(
        win, qtbot, monkeypatch, tmp_path: Path):
    from PySide6.QtWidgets import QMessageBox

    _save_then_train_then_undo(win, qtbot, tmp_path)
    assert win.document.modified and win.isWindowModified()
    assert len(win.document.project.history) == 1 and load_project(
        tmp_path / "xor.kpg").history == []           # the run is only in memory
    recovered = load_project(win.panels.autosave.recovery_session.project_file)
    assert recovered.history == win.document.project.history    # and in the recovery file
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec",
                        lambda box: asked.append(box.objectName())
                        or QMessageBox.StandardButton.Cancel)
    assert not win.close()                            # closing asks first
    assert asked == ["unsaved_changes_box"] and win.isVisible()
    assert win.panels.autosave.recovery_session.exists()


def test_undoing_back_to_the_saved_graph_keeps_the_recovery_file(win, qtbot, tmp_path: Path):
    from ui import commands

    assert win.file_actions.save_to(tmp_path / "mine.kpg")
    commands.execute(win.document.undo_stack,
                     commands.AddNode(win.document.graph, "Dense", (0, 200), {"units": 5}))
    with qtbot.waitSignal(win.panels.autosave.saved, timeout=5000):
        assert win.panels.autosave.autosave_now()
    win.document.undo_stack.undo()
    assert not win.document.modified                  # nothing differs from the file
    # Only a save or a discard removes the copy: the user may redo into it after a crash.
    written = load_project(win.panels.autosave.recovery_session.project_file)
    assert [n.params.get("units") for n in written.graph if n.layer_type == "Dense"] == [5]
    win.document.undo_stack.redo()
    assert win.document.modified
    assert win.file_actions.save_to(tmp_path / "mine.kpg")
    assert not win.panels.autosave.recovery_session.exists()   # a real save removes it
