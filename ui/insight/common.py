"""Shared pieces of the insight views: a titled view with "Save as PNG", numpy -> QImage."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout, QWidget)
from ui.last_folder import remember, start_folder
from ui.message_box import show_warning


def rgba_to_qimage(rgba: np.ndarray) -> QImage:
    """(h, w, 4) uint8 -> QImage (copied, so the array may be freed)."""
    arr = np.ascontiguousarray(rgba, dtype=np.uint8)
    h, w = arr.shape[:2]
    return QImage(arr.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()


def rgba_pixmap(rgba: np.ndarray, size: int | None = None) -> QPixmap:
    pixmap = QPixmap.fromImage(rgba_to_qimage(rgba))
    if size:
        pixmap = pixmap.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                               Qt.TransformationMode.FastTransformation)
    return pixmap


class InsightView(QWidget):
    """A view with a title line, a short plain-language hint, a status line (e.g. why the
    view is empty) and a "Save as PNG" button. Subclasses put their content in ``body``."""

    def __init__(self, title: str, hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(2, 2, 2, 2)
        outer.setSpacing(2)   # every pixel of height goes to the picture on a small screen
        head = QHBoxLayout()
        self.title_label = QLabel(f"<b>{title}</b>", self)
        head.addWidget(self.title_label)
        head.addStretch(1)
        self.save_button = QPushButton(self.tr("Save as PNG…"), self)
        self.save_button.setToolTip(self.tr("Save this picture as a PNG image file."))
        self.save_button.clicked.connect(self._ask_save)
        head.addWidget(self.save_button)
        outer.addLayout(head)
        # The view's own controls get a row of their own under the title, so the view
        # stays narrow enough to sit beside the training curves on a 1366-pixel screen.
        self.toolbar = QHBoxLayout()
        tools = QHBoxLayout()
        tools.addLayout(self.toolbar)
        tools.addStretch(1)
        outer.addLayout(tools)
        self.hint_label = QLabel(hint, self)
        self.hint_label.setWordWrap(True)
        self.hint_label.setProperty("role", "hint")
        self.hint_label.setVisible(bool(hint))
        outer.addWidget(self.hint_label)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setVisible(False)
        outer.addWidget(self.status_label)
        self.body = QVBoxLayout()
        outer.addLayout(self.body, 1)

    empty_text = ""  # shown until the view has something to show (set by subclasses)

    def clear(self) -> None:
        """Forget what is shown (another project was opened); subclasses drop their data."""
        self.set_status(self.empty_text)

    def set_status(self, text: str) -> None:
        """Show a message such as "Train the model to see…" (empty hides it)."""
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def save_png(self, path: str | Path) -> bool:
        """Render the view (as shown) into a PNG file; False when it could not be written."""
        return self.grab().save(str(path), "PNG")

    def _ask_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save picture"), start_folder(),
                                              self.tr("PNG images (*.png)"))
        remember(path)
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        if not self.save_png(path):
            show_warning(self, self.tr("Save picture"),
                                self.tr("Could not write {0}. Check that the folder exists "
                                        "and you may write to it.").format(path))
