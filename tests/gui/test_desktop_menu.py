"""Settings ▸ Show in the Application Menu writes and removes the same desktop files as
`keras-playground --install-desktop`, and says where."""
from __future__ import annotations

import sys

import pytest

from playground.desktop import integration, linux

pytestmark = [pytest.mark.gui,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux menu")]


def test_the_settings_item_installs_and_removes_the_entry(window, tmp_path, monkeypatch):
    home = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    action = window.desktop_entry.action
    assert action.isVisible() and action in window.settings_menu.actions()
    entry = home / "applications" / "keras-playground.desktop"

    action.trigger()
    assert action.isChecked()
    assert entry.read_text(encoding="utf-8") == linux.desktop_entry(
        integration.launch_command())
    assert all(path.is_file() for path in linux.planned_files(home))
    assert str(home) in window.statusBar().currentMessage()

    action.trigger()
    assert not action.isChecked()
    assert not entry.exists() and not any(p.exists() for p in linux.planned_files(home))
    assert "Removed Keras Playground" in window.statusBar().currentMessage()


def test_a_refused_install_leaves_the_item_unticked(window, tmp_path, monkeypatch, qtbot):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, close_box)

    QTimer.singleShot(0, close_box)
    window.desktop_entry.action.trigger()
    assert seen and f"Cannot write the menu entry into {blocker}" in seen[0]
    assert not window.desktop_entry.action.isChecked()
