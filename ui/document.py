"""The open document as the window sees it: the session (which holds all state) plus the
undo history, with the session's events as Qt signals.

State lives in :class:`playground.session.Session`; this adapter adds only what is Qt's
own — the ``QUndoStack`` and signals widgets can connect to with Qt's thread rules.
Panels that change the project call the session's methods (``document.session``).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from playground.files.project import Project
from playground.network.graph import Graph
from playground.session import Session, new_project

__all__ = ["Document", "new_project"]


class Document(QObject):
    projectReplaced = Signal()
    modifiedChanged = Signal(bool)
    weightsChanged = Signal()
    lockedChanged = Signal(bool)
    pathChanged = Signal()

    def __init__(self, project: Project | None = None, path: Path | None = None,
                 parent: QObject | None = None, session: Session | None = None) -> None:
        super().__init__(parent)
        self.session = session if session is not None else Session(project, path)
        self.undo_stack = QUndoStack(self)
        s = self.session
        s.project_replaced.connect(self.projectReplaced.emit)
        s.modified_changed.connect(self._on_modified)
        s.weights_changed.connect(self.weightsChanged.emit)
        s.locked_changed.connect(self.lockedChanged.emit)
        s.path_changed.connect(self.pathChanged.emit)
        # The undo stack knows whether the graph is back at its saved point; the session
        # weighs that with everything else (settings, weights, history…) to say "modified".
        self.undo_stack.cleanChanged.connect(s.set_graph_clean)
        s.saved.connect(self._on_saved)

    # ------------------------------------------------------------------ state (the session's)
    @property
    def project(self) -> Project:
        return self.session.project

    @property
    def path(self) -> Path | None:
        return self.session.path

    @property
    def graph(self) -> Graph:
        return self.session.graph

    @property
    def modified(self) -> bool:
        return self.session.modified

    @property
    def locked(self) -> bool:
        return self.session.locked

    @property
    def lock_reason(self) -> str:
        return self.session.lock_reason

    def set_modified(self, modified: bool = True) -> None:
        """True: unsaved until the next save; False: the current state counts as saved (after
        a save, or when the user discards the changes)."""
        self.session.set_modified(modified)

    def _on_modified(self, modified: bool) -> None:
        self.modifiedChanged.emit(modified)

    def _on_saved(self) -> None:
        self.undo_stack.setClean()  # the graph as it is now is the saved one

    def set_locked(self, locked: bool, reason: str = "") -> None:
        """Lock structural edits (e.g. while training); ``reason`` is shown to the user."""
        self.session.set_locked(locked, reason)

    def lock_message(self) -> str:
        """What to tell someone whose edit the lock refused."""
        return self.tr("Editing is locked: %1").replace(
            "%1", self.lock_reason or self.tr("training is running"))

    def set_weights(self, weights: dict | None) -> None:
        """Store trained weights (node id -> arrays) in the project."""
        self.session.set_weights(weights)

    def replace_project(self, project: Project, path: Path | None = None) -> None:
        """Put a new project in place (New / Open / Import / preset); history starts over."""
        self.undo_stack.clear()
        self.session.replace_project(project, path)

    def set_path(self, path: Path | None) -> None:
        self.session.set_path(path)

    def display_name(self) -> str:
        return self.session.display_name(self.tr("Untitled"))
