"""The Lesson panel: the project's title, its lesson text (from a preset) and the user's
own notes, which are saved in the project."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextBrowser, QVBoxLayout, QWidget

from playground.i18n import _ as core_text  # texts stored in English (lessons)


class LessonPanel(QWidget):
    def __init__(self, document: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.lesson = QTextBrowser(self)
        self.lesson.setObjectName("lesson_text")
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("lesson_notes")
        self.notes.setPlaceholderText(self.tr("Your notes about this project (saved with it)."))
        layout = QVBoxLayout(self)
        # Low minimums: on a 1366×768 screen this panel shares a short column with the
        # inspector (the training curves and live views take the lower half); both scroll.
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        self.lesson.setMinimumHeight(40)
        self.notes.setMinimumHeight(28)
        layout.addWidget(self.title)
        layout.addWidget(self.lesson, 3)
        layout.addWidget(QLabel(self.tr("Notes:"), self))
        layout.addWidget(self.notes, 1)
        self._showing = False
        self.notes.textChanged.connect(self._notes_edited)
        document.projectReplaced.connect(self.show_project)
        self.show_project()

    def show_project(self) -> None:
        project = self.document.project
        self._showing = True
        try:
            title = project.title or self.tr("Your project")
            self.title.setText(f"<b>{core_text(title)}</b>"
                               + (f"<br>{core_text(project.description)}"
                                  if project.description else ""))
            self.lesson.setPlainText(core_text(project.lesson) if project.lesson else self.tr(
                "No lesson for this project. Open one with File ▸ Open Lesson…"))
            self.notes.setPlainText(project.notes)
        finally:
            self._showing = False

    def _notes_edited(self) -> None:
        if self._showing:
            return
        self.document.session.set_notes(self.notes.toPlainText())
