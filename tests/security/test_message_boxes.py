"""Finding 16 (low): error dialogs showed a file name as HTML (Qt guesses rich text). Every
message box shows its text as plain text."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tests.conftest import ROOT

pytestmark = pytest.mark.gui
HOSTILE = "<b>bold</b><img src='http://example.invalid/x.png'>.kpg cannot be read"


def test_a_file_name_in_a_warning_is_shown_as_written(qtbot):
    from ui.message_box import show_warning

    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[tuple[Qt.TextFormat, str]] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.textFormat(), box.text()))
        box.done(0)

    QTimer.singleShot(0, read_and_close)
    show_warning(parent, "Cannot open", HOSTILE)
    assert seen == [(Qt.TextFormat.PlainText, HOSTILE)]


def test_no_message_box_of_the_app_guesses_its_format():
    """Qt's static QMessageBox.warning/critical/information/question and a bare
    QMessageBox(...) guess; only ui/message_box.py makes boxes (the help text of
    Help > Getting started is the app's own HTML, not data, and stays rich)."""
    guessing = re.compile(r"QMessageBox\.(warning|critical|information|question)\(|"
                          r"QMessageBox\((?!\))")
    found = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        if path.name == "message_box.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if guessing.search(line) and "Getting started" not in line:
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []
