"""Makes the dataset panel, the lesson panel and the Open Lesson action (one call from
ui/panels.py, which docks them)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from playground.datasets.mnist import set_app_data_dir
from ui.datasets.panel import DATA_DIR_KEY, DatasetPanel
from ui.document import Document
from ui.lesson_panel import LessonPanel
from ui.presets_gallery import LessonOpener


def install_datasets(document: Document, settings: QSettings, closing: SignalInstance,
                     lessons: LessonOpener, file_menu: QMenu, before: QAction,
                     help_menu: QMenu) -> tuple[DatasetPanel, LessonPanel, QAction]:
    """The panels, and File ▸ Open Lesson… (above ``before``) also in ``help_menu``."""
    saved = settings.value(DATA_DIR_KEY, "")
    if saved:
        set_app_data_dir(str(saved))  # the data folder chosen in an earlier session
    dataset_panel = DatasetPanel(document, settings, closing)
    lesson_panel = LessonPanel(document)
    action = QAction(QCoreApplication.translate("MainWindow", "Open &Lesson…"), lessons.parent)
    action.setObjectName("open_lesson_action")
    action.setShortcut(QKeySequence("Ctrl+L"))
    action.setToolTip(QCoreApplication.translate(
        "MainWindow", "Open a ready-made lesson (XOR, MNIST, perceptron…) as a new untitled "
        "project."))
    action.triggered.connect(lambda _checked=False: lessons.show_gallery())
    file_menu.insertAction(before, action)
    help_menu.addAction(action)
    return dataset_panel, lesson_panel, action
