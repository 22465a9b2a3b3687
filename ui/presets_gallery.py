"""The lessons gallery: each preset's thumbnail, title and one-line description.

Choosing one opens it as a new, untitled project (``Document.replace_project(project,
None)``): the preset file is only read, and saving asks for a new file name, so opening a
preset never touches the user's files nor the presets themselves.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListView,
                               QListWidget, QListWidgetItem, QMessageBox, QTextBrowser,
                               QVBoxLayout, QWidget)
from ui.message_box import show_warning

from playground.i18n import _ as core_text  # texts stored in English (lessons)

from playground.errors import PlaygroundError
from playground.files.lessons import PresetInfo, list_presets, open_preset

if TYPE_CHECKING:
    from ui.main_window import MainWindow

THUMB_SIZE = QSize(192, 128)


def tr(text: str) -> str:
    return QCoreApplication.translate("PresetsGallery", text)


class PresetsGallery(QDialog):
    """Pick a lesson; ``presetChosen(name)`` fires on Open (or a double click)."""

    presetChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None,
                 presets: list[PresetInfo] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lessons: open a preset"))
        self.resize(1000, 640)
        self.presets = presets if presets is not None else list_presets()
        self.list = QListWidget(self)
        self.list.setObjectName("presets_list")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMB_SIZE)
        self.list.setGridSize(QSize(THUMB_SIZE.width() + 24, THUMB_SIZE.height() + 86))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setSpacing(6)
        for info in self.presets:
            item = QListWidgetItem(f"{core_text(info.title)}\n{core_text(info.description)}")
            if info.thumbnail is not None:
                item.setIcon(QIcon(QPixmap(str(info.thumbnail))))
            item.setData(Qt.ItemDataRole.UserRole, info.name)
            item.setToolTip(core_text(info.description))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            self.list.addItem(item)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.lesson = QTextBrowser(self)
        self.lesson.setObjectName("preset_lesson")
        self.note = QLabel(self.tr("The lesson opens as a new, untitled project: your files "
                                   "and the preset stay as they are."), self)
        self.note.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(self.title)
        side.addWidget(self.lesson, 1)
        side.addWidget(self.note)
        body = QHBoxLayout()
        body.addWidget(self.list, 3)
        body.addLayout(side, 2)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._open_selected)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.list.currentItemChanged.connect(lambda item, _old: self._show(item))
        self.list.itemDoubleClicked.connect(lambda _item: self._open_selected())
        if self.list.count():
            self.list.setCurrentRow(0)

    def selected_name(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def select(self, name: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == name:
                self.list.setCurrentRow(i)
                return
        raise KeyError(name)

    def _show(self, item: QListWidgetItem | None) -> None:
        info = next((p for p in self.presets
                     if item is not None and p.name == item.data(Qt.ItemDataRole.UserRole)),
                    None)
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(info is not None)
        if info is None:
            self.title.setText("")
            self.lesson.setPlainText("")
            return
        self.title.setText(f"<b>{core_text(info.title)}</b><br>{core_text(info.description)}")
        self.lesson.setPlainText(core_text(info.lesson))

    def _open_selected(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        self.presetChosen.emit(name)
        self.accept()


def open_preset_in_window(window: "MainWindow", name: str) -> bool:
    """Open preset ``name`` as an untitled project (after offering to save changes)."""
    if not window.file_actions.maybe_save():
        return False
    try:
        project = open_preset(name)
    except PlaygroundError as exc:
        show_warning(window, tr("Cannot open the lesson"), str(exc))
        return False
    window.document.replace_project(project, None)
    window.view.fit_all()
    window.show_message(tr("Opened the lesson “%1” as a new untitled project.")
                        .replace("%1", core_text(project.title)))
    return True


def show_gallery(window: "MainWindow") -> None:
    try:
        gallery = PresetsGallery(window)
    except PlaygroundError as exc:
        show_warning(window, tr("Cannot list the lessons"), str(exc))
        return
    gallery.presetChosen.connect(lambda name: open_preset_in_window(window, name))
    gallery.exec()
