"""Autosave to a recovery file while there are unsaved changes, and offer to restore it.

While the document is modified, a timer writes the project to this session's recovery file
(:mod:`playground.files.recovery`) at least every 30 seconds. Only a copy of the JSON part is made
on the UI thread (milliseconds); packing and writing happen on a worker thread. Only a
successful save, an explicit discard (the user said so, or moved on to another project after
the unsaved-changes prompt) or a clean close removes the file — an undo back to the saved
state does not: the file may hold work the user still wants. At start-up :meth:`Autosave.offer_restore`
lists sessions whose app is gone (crash, kill, power cut) and asks: restore, discard, later.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QMessageBox, QWidget
from ui.message_box import plain_box, show_warning

from playground.files import recovery
from playground.files.crash_log import logger
from playground.errors import PlaygroundError
from ui.background import BackgroundRunner
from ui.document import Document
from ui.status import StatusLine


# Two checks per 30 s: a change is on disk within 30 s even when a write is slow.
AUTOSAVE_INTERVAL_MS = 15_000

RESTORE, DISCARD, LATER = "restore", "discard", "later"


class Autosave(QObject):
    """``saved(path)`` after each recovery write, ``failed(message)`` when one fails."""

    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, document: Document, status: StatusLine, closing: SignalInstance,
                 maybe_save: Callable[[], bool], dialog_parent: QWidget | None = None,
                 recovery_session: recovery.RecoverySession | None = None,
                 interval_ms: int = AUTOSAVE_INTERVAL_MS) -> None:
        """``maybe_save()`` asks to save the open project first (False: the user cancelled);
        ``closing`` (the window's) ends autosaving; dialogs open over ``dialog_parent``."""
        super().__init__(dialog_parent)
        self.status = status
        self.maybe_save = maybe_save
        self.dialog_parent = dialog_parent
        self.document = document
        self.recovery_session = recovery_session if recovery_session is not None \
            else recovery.RecoverySession()
        self._writer = BackgroundRunner("autosave", self)
        self._writer.done.connect(self._on_written)
        self._writer.failed.connect(self._on_failed)
        self._closed = False
        self._clear_after_write = False   # saved or discarded while a write was running
        # Replaceable in tests: returns RESTORE, DISCARD or LATER for one session.
        self.ask_restore: Callable[[recovery.RecoveryInfo], str] = self._ask_restore
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.autosave_now)
        self.document.modifiedChanged.connect(self._on_modified)
        # Connected to the session's own events: nothing else means "the work is safe".
        self.document.session.saved.connect(self._on_saved_or_discarded)
        self.document.session.project_replaced.connect(self._on_saved_or_discarded)
        closing.connect(self.shutdown)
        self._on_modified(self.document.modified)

    # ------------------------------------------------------------ autosave
    def is_busy(self) -> bool:
        return self._writer.busy

    def autosave_now(self) -> bool:
        """Start writing the recovery file if there are unsaved changes; False if not."""
        if self._closed or self._writer.busy or not self.document.modified:
            return False
        snap = recovery.snapshot(self.document.project, self.document.path)
        session = self.recovery_session
        self._writer.request(lambda: session.write_snapshot(snap))
        return True

    def wait(self) -> None:
        self._writer.wait()

    def _on_written(self, _wrote: object) -> None:
        if self._task_done():
            self.saved.emit(str(self.recovery_session.project_file))

    def _on_failed(self, message: str) -> None:
        self._task_done()
        text = self.tr("Autosave failed: %1").replace("%1", message)
        self.status.show_message(text, 10000)
        self.failed.emit(text)

    def _task_done(self) -> bool:
        """False (and the file removed) when the work was saved, discarded or closed while
        the write was running; True when the written file is the one to keep."""
        if self._clear_after_write or self._closed:
            self._clear_after_write = False
            self._clear()
            return False
        return True

    def _on_modified(self, modified: bool) -> None:
        if modified and not self._closed:
            if not self.timer.isActive():
                self.timer.start()
            return
        self.timer.stop()   # nothing new to write; what was written stays (see the docstring)

    def _on_saved_or_discarded(self) -> None:
        if self._writer.busy:
            self._clear_after_write = True
        else:
            self._clear()

    def shutdown(self) -> None:
        """Clean close: the user saved or chose to discard, so nothing is left to recover."""
        self._closed = True
        self.timer.stop()
        self._writer.shutdown()
        self._clear()

    def _clear(self) -> None:
        try:
            self.recovery_session.clear()
        except OSError as exc:  # e.g. no permission: say so, the file is harmless
            text = self.tr("The autosave copy %1 could not be removed: %2").replace(
                "%1", str(self.recovery_session.project_file)).replace("%2", exc.strerror or str(exc))
            logger().warning(text)
            self.status.show_message(text, 10000)

    # ------------------------------------------------------------- restore
    def offer_restore(self) -> int:
        """Ask about each session left by a crashed app; returns how many were restored."""
        restored = 0
        for info in recovery.list_recoverable():
            answer = self.ask_restore(info)
            if answer == DISCARD:
                recovery.discard(info)
            elif answer == RESTORE and self.maybe_save():
                restored += self.restore(info)
        return restored

    def restore(self, info: recovery.RecoveryInfo) -> bool:
        try:
            project = recovery.restore(info)
        except PlaygroundError as exc:
            show_warning(self.dialog_parent, self.tr("Cannot restore"), self.tr(
                "The autosaved copy could not be opened: %1\nIt is kept in %2.")
                .replace("%1", str(exc)).replace("%2", str(info.project_file)))
            return False
        original = Path(info.original_path) if info.original_path else None
        self.document.replace_project(project, original)
        self.document.set_modified(True)   # restored work is not saved in the original yet
        # Our own recovery file holds it before the old one goes: never zero copies.
        try:
            self.recovery_session.write(project, original)
            recovery.discard(info)
        except (OSError, PlaygroundError) as exc:
            self.status.show_message(self.tr("Restored, but the autosaved copy is kept in "
                                             "%1: %2").replace("%1", str(info.project_file))
                                     .replace("%2", str(exc)), 10000)
        self.status.show_message(self.tr("Restored unsaved work from %1")
                                 .replace("%1", info.describe()))
        return True

    def _ask_restore(self, info: recovery.RecoveryInfo) -> str:
        box = plain_box(QMessageBox.Icon.Question, self.tr("Restore unsaved work?"),
                        self.tr("Keras Playground did not close properly last time. Unsaved "
                                "work was kept: %1.").replace("%1", info.describe()),
                        QMessageBox.StandardButton.NoButton, self.dialog_parent)
        box.setObjectName("restore_box")
        box.setInformativeText(self.tr("Restore opens it as an unsaved project. Discard "
                                       "deletes it. Later asks again at the next start."))
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        clicked = box.clickedButton()
        return RESTORE if clicked is restore else DISCARD if clicked is discard else LATER
