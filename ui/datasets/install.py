"""Makes the dataset panel, the lesson panel and the Open Lesson action (one call from
ui/panels.py, which docks them)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from playground.datasets.mnist import set_app_data_dir
from ui.datasets.panel import DATA_DIR_KEY, DatasetPanel
from ui.lesson_panel import LessonPanel
from ui.presets_gallery import show_gallery

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def install_datasets(window: "MainWindow") -> tuple[DatasetPanel, LessonPanel, QAction]:
    saved = window.settings.value(DATA_DIR_KEY, "")
    if saved:
        set_app_data_dir(str(saved))  # the data folder chosen in an earlier session
    dataset_panel = DatasetPanel(window.document, window.settings, window.closing)
    lesson_panel = LessonPanel(window.document)
    action = QAction(QCoreApplication.translate("MainWindow", "Open &Lesson…"), window)
    action.setObjectName("open_lesson_action")
    action.setShortcut(QKeySequence("Ctrl+L"))
    action.setToolTip(QCoreApplication.translate(
        "MainWindow", "Open a ready-made lesson (XOR, MNIST, perceptron…) as a new untitled "
        "project."))
    action.triggered.connect(lambda _checked=False: show_gallery(window))
    files = window.file_actions
    files.menu.insertAction(files.recent_menu.menuAction(), action)
    window.help_menu.addAction(action)
    return dataset_panel, lesson_panel, action
