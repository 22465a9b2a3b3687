"""Choose a folder of pictures (one sub-folder per class), their size and colour.

The dialog only counts files per sub-folder (fast); pictures are read when the dataset
loads, and any that cannot be read are listed by name in the dataset panel.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QPushButton, QSpinBox, QVBoxLayout, QWidget)

from playground.datasets import dataset_info
from playground.datasets.image_folder import COLORS, scan_folder
from playground.errors import DatasetError
from ui.last_folder import remember, start_folder


class ImageFolderDialog(QDialog):
    def __init__(self, params: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Use a folder of pictures"))
        self.resize(520, 460)
        self._params = dataset_info("image_folder").validate_params(params or {})
        # Replaceable in tests: returns a folder or "" (cancelled).
        self.ask_folder = self._ask_folder

        self.path_edit = QLineEdit(self._params["path"], self)
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("No folder chosen"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        explain = QLabel(self.tr("Put the pictures of each class in their own sub-folder, "
                                 "e.g. pets/cats/… and pets/dogs/…, then choose pets."), self)
        explain.setWordWrap(True)
        self.classes = QListWidget(self)
        self.classes.setObjectName("image_classes")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.size = QSpinBox(self)
        self.size.setRange(4, 512)
        self.size.setValue(self._params["size"])
        self.size.setSuffix(self.tr(" pixels"))
        self.size.setToolTip(self.tr("Pictures are resized to this square size: small "
                                     "sizes train much faster."))
        self.color = QComboBox(self)
        for value, text in zip(COLORS, (self.tr("Grey (1 channel)"),
                                        self.tr("Colour (red, green, blue)"))):
            self.color.addItem(text, value)
        self.color.setCurrentIndex(COLORS.index(self._params["color"]))
        form = QFormLayout()
        form.addRow(self.tr("Image size:"), self.size)
        form.addRow(self.tr("Colours:"), self.color)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Classes found:"), self))
        layout.addWidget(self.classes, 1)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.set_folder(self._params["path"])

    def params(self) -> dict[str, Any]:
        return {**self._params, "path": self.path_edit.text(), "size": self.size.value(),
                "color": self.color.currentData()}

    def _ask_folder(self) -> str:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder whose sub-folders are the classes"),
            self._params["path"] or start_folder())
        remember(folder)
        return folder

    def browse(self) -> None:
        folder = self.ask_folder()
        if folder:
            self.set_folder(folder)

    def set_folder(self, folder: str) -> None:
        self.path_edit.setText(folder)
        self.classes.clear()
        ok = False
        if not folder:
            self.status.setText(self.tr("Choose a folder."))
        else:
            try:
                found = scan_folder(folder)
            except DatasetError as exc:
                found = []
                self.status.setText(str(exc))
            else:
                for name, count in found:
                    self.classes.addItem(self.tr("%1 — %2 file(s)").replace("%1", name)
                                         .replace("%2", str(count)))
                ok = len(found) >= 2 and all(count > 0 for _, count in found)
                if ok:
                    self.status.setText(self.tr("%1 classes, %2 files.").replace(
                        "%1", str(len(found))).replace("%2", str(sum(c for _, c in found))))
                else:
                    self.status.setText(self.tr("A folder needs at least two sub-folders "
                                                "with pictures in each (one per class)."))
        self.status.setStyleSheet("" if ok else "color: #c62828")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
