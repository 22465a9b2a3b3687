"""Issue 23: file dialogs start in the folder last used, not always in the home folder."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from ui.last_folder import KEY

pytestmark = pytest.mark.gui


def _answer(chosen: str, seen: list[str]) -> None:
    """Once the (Qt, not native) file dialog is up: note the folder it shows, choose."""
    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, act)
            return
        seen.append(dialog.directory().absolutePath())
        dialog.selectFile(chosen)
        dialog.accept()
    QTimer.singleShot(20, act)


def test_dialogs_start_where_the_last_one_ended(window, tmp_path):
    start, elsewhere = tmp_path / "start", tmp_path / "elsewhere"
    start.mkdir()
    elsewhere.mkdir()
    window.settings.setValue(KEY, str(start))
    files = window.file_actions
    seen: list[str] = []
    _answer(str(elsewhere / "model.keras"), seen)
    chosen = files._ask_save_path("Export", "Keras models (*.keras)", "model.keras")
    assert chosen == str(elsewhere / "model.keras")
    (elsewhere / "model.keras").write_bytes(b"")
    _answer(str(elsewhere / "model.keras"), seen)
    files._ask_open_path("Open", "All files (*)")
    assert seen == [str(start), str(elsewhere)]
