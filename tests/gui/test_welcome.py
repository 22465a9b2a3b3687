"""Issue 23: the first start leads somewhere — a welcome view (lessons with XOR first,
build your own, open your data), and the empty canvas offers the same."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from ui.welcome import WelcomeDialog

pytestmark = pytest.mark.gui


def _close_modal_soon(closed: list) -> None:
    """The CSV dialog opened by "Open your data" is modal: cancel it once it is up."""
    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, close)
            return
        closed.append(type(dialog).__name__)
        dialog.reject()
    QTimer.singleShot(20, close)


def test_the_first_start_opens_the_welcome_once(window, qtbot):
    welcome = window.panels.welcome
    welcome.show_on_first_start()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), WelcomeDialog))
    dialog = QApplication.activeModalWidget()
    first = dialog.list.item(0)
    assert first.text().startswith("Start here: XOR")
    assert dialog.selected_name() == "xor"
    assert dialog.build_own.text() == "Build your own"
    dialog.build_own.click()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert len(window.document.graph) == 1 and not window.document.modified
    welcome.show_on_first_start()          # the second start goes straight to work
    qtbot.wait(50)
    assert QApplication.activeModalWidget() is None


def test_welcome_open_your_data_chooses_a_table_and_asks_for_it(window, qtbot):
    dialog = window.panels.welcome.show_dialog()
    closed: list = []
    _close_modal_soon(closed)
    table = dialog.open_data.menu().actions()[0]
    table.trigger()
    qtbot.waitUntil(lambda: closed == ["CsvImportDialog"], timeout=5000)
    assert window.document.project.dataset["name"] == "csv"
    assert window.panels.dataset.chooser.currentData() == "csv"


def test_the_empty_canvas_offers_the_lessons_and_goes_once_the_model_grows(window, qtbot):
    strip = window.panels.welcome.strip
    assert strip.isVisible()
    start = strip.findChild(QPushButton, "canvas_start_xor")
    with qtbot.waitSignal(window.panels.dataset.datasetLoaded, timeout=10_000):
        start.click()
    assert window.document.project.title == "XOR" and len(window.document.graph) == 3
    assert not strip.isVisible()
    window.file_actions.new_project()
    assert strip.isVisible()
    window.edit_actions.edits.add_layer_after_selected("Dense")
    assert len(window.document.graph) == 2 and not strip.isVisible()
    window.document.undo_stack.undo()
    assert strip.isVisible()
