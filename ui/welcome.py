"""The first minute: a welcome view that leads somewhere (issue 23).

On the first start the window opens the lessons gallery as a welcome: "Start here: XOR"
first, "Build your own" (the empty project, with the layer list ready to search) and
"Open your data" (a table or a picture folder in the Dataset panel). While the canvas is
empty (just an Input), a strip on it offers the same three ways in.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QDialogButtonBox, QFrame, QHBoxLayout, QLabel, QMenu,
                               QPushButton, QWidget)

from ui.presets_gallery import PresetsGallery, open_preset_in_window

if TYPE_CHECKING:
    from ui.datasets.panel import DatasetPanel
    from ui.main_window import MainWindow

FIRST_LESSON = "xor"
SEEN_KEY = "welcome/seen"   # QSettings: the welcome view was shown once


def tr(text: str) -> str:
    return QCoreApplication.translate("Welcome", text)


def _data_menu(parent: QWidget, choose_data: Callable[[str], None]) -> QMenu:
    menu = QMenu(parent)
    menu.addAction(tr("A table (CSV file)…"), lambda: choose_data("csv"))
    menu.addAction(tr("A folder of pictures…"), lambda: choose_data("image_folder"))
    return menu


class WelcomeDialog(PresetsGallery):
    """The lessons gallery as a welcome: ``buildOwnChosen`` and ``dataChosen(name)`` besides
    ``presetChosen(name)``."""

    buildOwnChosen = Signal()
    dataChosen = Signal(str)     # "csv" | "image_folder"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome_dialog")
        self.setWindowTitle(self.tr("Welcome to Keras Playground"))
        intro = QLabel(self.tr("<b>Learn by doing.</b> Open a lesson (start with XOR: a "
                               "small network learns what one straight line cannot), build "
                               "your own model, or bring your own data."), self)
        intro.setWordWrap(True)
        self.layout().insertWidget(0, intro)
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == FIRST_LESSON:
                item.setText(self.tr("Start here: %1").replace("%1", item.text()))
                self.list.takeItem(i)
                self.list.insertItem(0, item)
                self.list.setCurrentRow(0)
                break
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setText(
            self.tr("Open this lesson"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.build_own = self.buttons.addButton(self.tr("Build your own"),
                                                QDialogButtonBox.ButtonRole.RejectRole)
        self.build_own.setObjectName("welcome_build_own")
        self.build_own.setToolTip(self.tr("Start from the empty model: drag layers from the "
                                          "list on the left."))
        self.build_own.clicked.connect(self.buildOwnChosen.emit)
        self.open_data = self.buttons.addButton(self.tr("Open your data…"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.open_data.setObjectName("welcome_open_data")
        self.open_data.setMenu(_data_menu(self.open_data, self._choose_data))

    def _choose_data(self, name: str) -> None:
        self.dataChosen.emit(name)
        self.accept()


class CanvasWelcome(QFrame):
    """The strip on the empty canvas: the same three ways in as the welcome view."""

    def __init__(self, window: "MainWindow", open_welcome: Callable[[], None],
                 build_own: Callable[[], None], choose_data: Callable[[str], None]) -> None:
        super().__init__(window.view)
        self.setObjectName("canvas_welcome")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.start = QPushButton(self.tr("Start here: XOR lesson"), self)
        self.start.setObjectName("canvas_start_xor")
        self.lessons = QPushButton(self.tr("All lessons…"), self)
        self.build = QPushButton(self.tr("Build your own"), self)
        self.build.setToolTip(self.tr("Drag a layer from the list on the left onto the "
                                      "canvas, or double-click it there."))
        self.data = QPushButton(self.tr("Open your data…"), self)
        self.data.setMenu(_data_menu(self.data, choose_data))
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        for button in (self.start, self.lessons, self.build, self.data):
            row.addWidget(button)
        self.start.clicked.connect(lambda: open_preset_in_window(window, FIRST_LESSON))
        self.lessons.clicked.connect(open_welcome)
        self.build.clicked.connect(build_own)
        self._view = window.view
        self._view.installEventFilter(self)   # stay centred at the top when it resizes
        self._place()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if obj is self._view and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        self.adjustSize()
        self.move(max(0, (self._view.width() - self.width()) // 2), 12)


class Welcome(QObject):
    """Wires the welcome view and the canvas strip to the window and the Dataset panel.
    A QObject living as long as the strip, so its connections end with it."""

    def __init__(self, window: "MainWindow", dataset_panel: "DatasetPanel",
                 focus_palette: Callable[[], None]) -> None:
        super().__init__()
        self.window = window
        self.dataset_panel = dataset_panel
        self.focus_palette = focus_palette
        self.strip = CanvasWelcome(window, self.show_dialog, self.build_own,
                                   self.choose_data)
        self.setParent(self.strip)
        document = window.document
        document.projectReplaced.connect(self.update_strip)
        document.undo_stack.indexChanged.connect(self._on_undo_index)
        self.update_strip()

    def _on_undo_index(self, _index: int) -> None:
        self.update_strip()

    def update_strip(self) -> None:
        """Shown while the model is no more than its Input."""
        self.strip.setVisible(len(self.window.document.graph) <= 1)

    def show_dialog(self) -> WelcomeDialog:
        dialog = WelcomeDialog(self.window)
        dialog.presetChosen.connect(lambda name: open_preset_in_window(self.window, name))
        dialog.buildOwnChosen.connect(self.build_own)
        dialog.dataChosen.connect(self.choose_data)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_on_first_start(self) -> None:
        settings = self.window.settings
        if not settings.value(SEEN_KEY, False, type=bool):
            settings.setValue(SEEN_KEY, True)
            QTimer.singleShot(0, self.show_dialog)

    def build_own(self) -> None:
        self.focus_palette()

    def choose_data(self, name: str) -> None:
        """Pick "Your table" / "Your pictures" in the Dataset panel, which asks for the
        file or folder."""
        panel = self.dataset_panel
        dock = panel.parentWidget()
        while dock is not None and dock.metaObject().className() != "QDockWidget":
            dock = dock.parentWidget()
        if dock is not None:
            dock.show()
            dock.raise_()
        index = panel.chooser.findData(name)
        if panel.chooser.currentIndex() != index:
            panel.chooser.setCurrentIndex(index)   # opens its import dialog
        elif name == "csv":
            panel.open_csv_dialog()
        else:
            panel.open_image_dialog()

