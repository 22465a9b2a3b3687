"""Issue 23, item 1: every control is safe in any order.

One walk through the real window as a curious newcomer would take it: every dataset
choice after every other (all ordered pairs), every lesson, every menu action that needs
no file, every inspector field of every catalog layer and every training setting with a
valid and an invalid value, with New and Open in between. It fails on any unhandled
exception (pytest-qt collects those raised in Qt's callbacks), any widget of a panel left
pointing at a deleted object, and any message that is not in the app's own words.
"""
from __future__ import annotations

import re

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import (QAbstractSpinBox, QApplication, QCheckBox, QComboBox,
                               QDialog, QLabel, QLineEdit, QMessageBox, QWidget)

from playground.datasets import mnist
from playground.files.lessons import list_presets
from playground.network.catalog import LAYER_SPECS

pytestmark = [pytest.mark.gui, pytest.mark.slow]

# What a raw error looks like: an exception's class name, a traceback, Qt's binding
# complaining about a deleted object, the crash reporter's sentence.
NOT_OUR_WORDS = re.compile(
    r"\b[A-Z][A-Za-z]*(Error|Exception)\b|Traceback|libshiboken|C\+\+ object|"
    r"already deleted|unexpected went wrong|has no attribute|NoneType")


class ModalCloser:
    """Closes every modal dialog the walk opens (file choosers, import dialogs, questions),
    answering "don't save" where asked, and keeps their texts for the words check."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(15)
        self.timer.timeout.connect(self._close)
        self.timer.start()

    def _close(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        if isinstance(dialog, QMessageBox):
            self.texts.append(f"{dialog.text()} {dialog.informativeText()}")
            discard = dialog.button(QMessageBox.StandardButton.Discard) \
                or dialog.button(QMessageBox.StandardButton.No)
            if discard is not None:
                discard.click()
                return
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()


def shown_texts(window) -> list[str]:
    """Every message the panels show right now (labels and the status bar)."""
    texts = [window.statusBar().currentMessage()]
    for widget in window.findChildren(QLabel):
        if shiboken6.isValid(widget) and widget.isVisible():
            texts.append(widget.text())
    training = window.panels.training
    texts += [training.status.text(), window.panels.dataset.summary.text()]
    problems = window.panels.dataset.problems
    texts += [problems.item(i).text() for i in range(problems.count())]
    return texts


def check(window, closer: ModalCloser, where: str) -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    bad = [t for t in shown_texts(window) + closer.texts if NOT_OUR_WORDS.search(t)]
    assert bad == [], f"after {where}: not the app's own words: {bad[:3]}"
    # The panels' own widgets are alive (a kept reference to a deleted one is issue 23's bug).
    panels = window.panels
    for owner in (panels.dataset, panels.dataset.form, panels.training,
                  panels.training.form, panels.inspector):
        for name, value in vars(owner).items():
            if isinstance(value, QWidget):
                assert shiboken6.isValid(value), f"after {where}: {name} was deleted"
    closer.texts.clear()


def settle(qtbot, window) -> None:
    qtbot.wait(1)
    qtbot.waitUntil(lambda: not window.panels.dataset.is_loading(), timeout=30_000)


def walk_dataset_pairs(window, qtbot, closer) -> None:
    chooser = window.panels.dataset.chooser
    names = [chooser.itemData(i) for i in range(chooser.count()) if chooser.itemData(i)]
    assert len(names) >= 13
    for first in names:
        for second in names:
            if second == first:
                continue
            for name in (first, second):
                chooser.setCurrentIndex(chooser.findData(name))
                qtbot.wait(1)   # the import dialog a "your data" choice opens, and closes
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            assert window.document.project.dataset["name"] == second
            panel = window.panels.dataset   # the chosen data's own button, and only it
            assert panel.import_csv.isHidden() == (second != "csv")
            assert panel.import_images.isHidden() == (second != "image_folder")
        settle(qtbot, window)
        check(window, closer, f"the dataset pairs from {first}")


def new_then_open(window, qtbot, closer, preset) -> None:
    window.document.set_modified(False)
    window.file_actions.new_project()
    assert len(window.document.graph) == 1
    assert window.panels.training.status.text() == "Ready. Press Train to start."
    window.file_actions.open_path(preset.path, ask=False)
    settle(qtbot, window)
    check(window, closer, f"New, then Open {preset.name}")


def walk_lessons(window, qtbot, closer) -> None:
    from ui.presets_gallery import open_preset_in_window

    for preset in list_presets():
        window.document.set_modified(False)
        assert open_preset_in_window(window, preset.name)
        assert window.panels.training.status.text() == "Ready. Press Train to start."
        settle(qtbot, window)
        check(window, closer, f"the lesson {preset.name}")


def menu_actions(window) -> list:
    """Every action of the menu bar that needs no file (the File menu's New and Open
    Lesson; not Open, Save, Import, Export or Quit)."""
    file_menu = window.file_actions.menu
    keep_from_file = {window.file_actions.new, window.panels.lessons_action}
    found = []

    def walk(menu, in_file: bool) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu() is not None:
                walk(action.menu(), in_file)
            elif not in_file or action in keep_from_file:
                found.append(action)

    for top in window.menuBar().actions():
        walk(top.menu(), top.menu() is file_menu)
    return found


def walk_menus(window, qtbot, closer) -> None:
    actions = menu_actions(window)
    assert len(actions) > 30
    for action in actions:
        if action.isEnabled():
            action.trigger()
            qtbot.wait(1)
            check(window, closer, f"the menu action {action.text()!r}")


def _edit(widget: QWidget, valid: bool) -> None:
    """A user's edit of one field: a value it accepts, or junk typed in."""
    if isinstance(widget, QAbstractSpinBox):
        line = widget.lineEdit()
        if valid:
            widget.stepUp()
        else:
            line.setText("-x!")
        widget.interpretText()
        widget.editingFinished.emit()
    elif isinstance(widget, QComboBox):
        if widget.isEditable() and not valid:
            widget.setEditText("no_such_thing")
            widget.lineEdit().editingFinished.emit()
        elif widget.count():
            index = (widget.currentIndex() + 1) % widget.count()
            widget.setCurrentIndex(index)
            widget.activated.emit(index)
    elif isinstance(widget, QCheckBox):
        widget.click()
    elif isinstance(widget, QLineEdit):
        if not valid:
            widget.setText("banana, -1")
        widget.editingFinished.emit()


def walk_inspector(window, qtbot, closer) -> None:
    inspector = window.panels.inspector
    edits = window.edit_actions.edits
    for spec in LAYER_SPECS:
        window.document.set_modified(False)
        window.file_actions.new_project()
        window.scene.select_nodes([window.document.graph.input_nodes()[0].id])
        node_id = edits.add_layer_after_selected(spec.type_name) \
            if not spec.is_input else window.document.graph.input_nodes()[0].id
        assert node_id is not None, spec.type_name
        window.scene.select_nodes([node_id])
        for name in list(inspector.editors):
            for valid in (True, False):
                editor = inspector.editors.get(name)   # the form may have been rebuilt
                assert editor is not None and shiboken6.isValid(editor.widget)
                _edit(editor.widget, valid)
        check(window, closer, f"every field of {spec.type_name}")


def walk_training_settings(window, qtbot, closer) -> None:
    form = window.panels.training.form
    fields = [value for value in vars(form).values()
              if isinstance(value, (QAbstractSpinBox, QComboBox, QCheckBox))]
    assert len(fields) >= 12
    for valid in (True, False):
        for field in fields:
            _edit(field, valid)
            form.settings().validate()      # the form never holds a refused value
            check(window, closer, f"the training setting {field.objectName()!r}")
    window.panels.training.train_button.click()   # a new project: the plain refusal
    assert window.panels.training.status.text().startswith("The model is not finished")
    check(window, closer, "Train")


def test_every_control_in_any_order(window, qtbot, mnist_dir, monkeypatch):
    from ui.theme import apply_theme

    monkeypatch.setattr(mnist, "_app_data_dir", str(mnist_dir))
    closer = ModalCloser()
    presets = list_presets()
    try:
        settle(qtbot, window)
        walk_dataset_pairs(window, qtbot, closer)
        new_then_open(window, qtbot, closer, presets[0])
        walk_lessons(window, qtbot, closer)
        new_then_open(window, qtbot, closer, presets[-1])
        walk_menus(window, qtbot, closer)
        new_then_open(window, qtbot, closer, presets[1])
        walk_inspector(window, qtbot, closer)
        window.document.set_modified(False)
        window.file_actions.new_project()
        walk_training_settings(window, qtbot, closer)
        new_then_open(window, qtbot, closer, presets[2])
    finally:
        closer.timer.stop()
        apply_theme(QApplication.instance(), "system")   # the View menu changed it
        settle(qtbot, window)
