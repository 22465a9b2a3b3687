"""Help ▸ TensorBoard Logs: where the open project's training logs are and the command
that shows them (TensorBoard is a separate program serving a web page)."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget
from ui.message_box import plain_box

from playground.training.tensorboard import open_command
from ui.document import Document


class TensorBoardHelp(QObject):
    def __init__(self, parent: QWidget, document: Document, menu: QMenu) -> None:
        super().__init__(parent)
        self._parent = parent
        self.document = document
        self.action: QAction = menu.addAction(self.tr("&TensorBoard Logs…"))
        self.action.setStatusTip(self.tr("Where this project's training logs are, and the "
                                         "command that opens them in TensorBoard"))
        self.action.triggered.connect(self.show)
        self.box: QMessageBox | None = None

    def command(self) -> str:
        return open_command(self.document.session.tensorboard_root())

    def message(self) -> str:
        root = self.document.session.tensorboard_root()
        state = (self.tr("Logs of %1 run(s) are there.").replace(
                     "%1", str(sum(1 for p in root.iterdir() if p.is_dir())))
                 if root.is_dir() else
                 self.tr("There are none yet: tick “write TensorBoard logs” in the training "
                         "settings, then train."))
        return (self.tr("With “write TensorBoard logs” on, each training run of this project "
                        "is recorded in its own folder under:") + f"\n{root}\n\n" + state
                + "\n\n" + self.tr("To see them, run this command in a terminal and open "
                                   "http://localhost:6006 in a web browser:")
                + f"\n\n{self.command()}")

    def show(self) -> None:
        """A message (not modal) with the folder and the command, and a button to copy it."""
        box = plain_box(QMessageBox.Icon.Information, self.tr("TensorBoard Logs"),
                        self.message(), QMessageBox.StandardButton.Close, self._parent)
        box.setObjectName("tensorboard_help_box")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        copy = box.addButton(self.tr("Copy Command"), QMessageBox.ButtonRole.ActionRole)
        # An action button would close the box: copy, and keep it open.
        copy.clicked.disconnect()
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.command()))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.box = box
        box.destroyed.connect(lambda *_: self._forget(box))
        box.setModal(False)
        box.show()

    def _forget(self, box: QMessageBox) -> None:
        if self.box is box:
            self.box = None
