"""The Lesson panel: the project's title, its lesson text (from a preset) and the user's
own notes, which are saved in the project."""
from __future__ import annotations

import html
from typing import Any

from PySide6.QtWidgets import (QLabel, QPlainTextEdit, QSizePolicy, QTextBrowser, QVBoxLayout,
                               QWidget)

from playground.i18n import _ as core_text  # texts stored in English (lessons)


class LessonPanel(QWidget):
    def __init__(self, document: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        # One line (the rest of a long title is in its tooltip): a word-wrapped label above
        # the text could not get its height in the short column at 1366×768 and was drawn
        # over the lesson. The description goes into the (scrolling) lesson text instead.
        self.title = QLabel(self)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
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
            title = core_text(project.title) if project.title else self.tr("Your project")
            self.title.setText(f"<b>{html.escape(title)}</b>")
            self.title.setToolTip(title)
            lesson = core_text(project.lesson) if project.lesson else self.tr(
                "No lesson for this project. Open one with File ▸ Open Lesson…")
            description = core_text(project.description) if project.description else ""
            paragraphs = ([f"<i>{html.escape(description)}</i>"] if description else []) \
                + [html.escape(lesson).replace("\n", "<br>")]
            self.lesson.setHtml("".join(f"<p>{p}</p>" for p in paragraphs))
            self.notes.setPlainText(project.notes)
        finally:
            self._showing = False

    def _notes_edited(self) -> None:
        if self._showing:
            return
        self.document.session.set_notes(self.notes.toPlainText())
