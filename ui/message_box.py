"""Message boxes that show their text as plain text.

QMessageBox guesses whether a text is HTML (Qt.mightBeRichText): a file name such as
``<img src=...>.kpg`` or ``<b>x</b>.csv`` inside an error would be rendered as markup.
Every message box of the app is made here, with the text format fixed to plain text.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def plain_box(icon: QMessageBox.Icon, title: str, text: str,
              buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
              parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # before the text: never guessed as HTML
    box.setText(text)
    return box


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    plain_box(QMessageBox.Icon.Warning, title, text, parent=parent).exec()


def show_information(parent: QWidget | None, title: str, text: str) -> None:
    plain_box(QMessageBox.Icon.Information, title, text, parent=parent).exec()
