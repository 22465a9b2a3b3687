"""Training ▸ Run on several machines…: asks for the machines and a folder, then writes the
launch kit (:mod:`playground.training.launch_kit`) and shows the command for each machine."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)

from playground.errors import PlaygroundError
from playground.files.project import Project
from playground.training.launch_kit import NETWORK_WARNING, write_launch_kit

EXAMPLE_WORKERS = "192.168.1.10:12345,192.168.1.11:12345"


class LaunchKitDialog(QDialog):
    def __init__(self, project: Project, project_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.project_name = project_name
        self.setWindowTitle(self.tr("Run on several machines"))
        intro = QLabel(self.tr(
            "Writes a folder to copy to every machine: the project, one command per machine, "
            "a TF_CONFIG example and a README. Each machine trains on its share of every "
            "batch; all end with the same weights."), self)
        intro.setWordWrap(True)
        # The same warning as the kit's README: these servers must not face the internet.
        self.warning = QLabel(" ".join(NETWORK_WARNING().split()), self)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setWordWrap(True)
        self.allow_public = QCheckBox(self.tr(
            "Allow public addresses (anyone who reaches the ports can read and write files)"),
            self)
        self.workers = QLineEdit(EXAMPLE_WORKERS, self)
        self.workers.setToolTip(self.tr("Every machine as address:port, separated by commas; "
                                        "the first one (the chief) writes the results."))
        self.folder = QLineEdit(str(Path.home() / f"{project_name}-launch-kit"), self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Machines:"), self.workers)
        form.addRow(self.tr("Folder:"), folder_row)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # a path is never markup
        self.message.setWordWrap(True)
        self.commands = QPlainTextEdit(self)
        self.commands.setReadOnly(True)
        self.commands.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.write_button = buttons.addButton(self.tr("Write kit"),
                                              QDialogButtonBox.ButtonRole.ApplyRole)
        self.write_button.clicked.connect(self.write_kit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addWidget(self.allow_public)
        layout.addWidget(self.message)
        layout.addWidget(self.commands, 1)
        layout.addWidget(buttons)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the launch kit"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def write_kit(self) -> bool:
        try:
            kit = write_launch_kit(self.project, self.folder.text(), self.workers.text(),
                                   self.project_name, self.allow_public.isChecked())
        except (PlaygroundError, OSError) as error:
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(str(error))
            return False
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Written to %1. Run on each machine, in that folder:")
                             .replace("%1", str(kit.folder)))
        self.commands.setPlainText("\n\n".join(
            f"# {address}\n{command}" for address, command in
            zip(kit.addresses, kit.commands)))
        self.commands.setVisible(True)
        return True
