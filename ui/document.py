"""The open document: one project, where it is saved, its undo history and edit lock.

Every panel reads the project through the document and listens to its signals instead of
holding its own copy. ``projectReplaced`` fires when New / Open / Import / a preset puts a
new :class:`playground.files.project.Project` in place; panels then rebind to ``project.graph``.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from playground.network.graph import Graph
from playground.files.project import Project


def new_project() -> Project:
    """An empty project: a graph with one Input node so a newcomer sees where to start."""
    graph = Graph()
    graph.add_node("Input", position=(0.0, 0.0))
    return Project(graph=graph)


class Document(QObject):
    projectReplaced = Signal()
    modifiedChanged = Signal(bool)
    weightsChanged = Signal()
    lockedChanged = Signal(bool)
    pathChanged = Signal()

    def __init__(self, project: Project | None = None, path: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Project = project if project is not None else new_project()
        self.path: Path | None = Path(path) if path is not None else None
        self.undo_stack = QUndoStack(self)
        self._modified = False
        self._locked = False
        self.lock_reason = ""
        # A clean undo stack means "as saved"; edits outside the stack (dataset choice,
        # training settings, notes) call set_modified() directly.
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    # ------------------------------------------------------------------ state
    @property
    def graph(self) -> Graph:
        return self.project.graph

    @property
    def modified(self) -> bool:
        return self._modified

    @property
    def locked(self) -> bool:
        return self._locked

    def set_modified(self, modified: bool = True) -> None:
        if modified == self._modified:
            return
        self._modified = modified
        if not modified:
            self.undo_stack.setClean()
        self.modifiedChanged.emit(modified)

    def set_locked(self, locked: bool, reason: str = "") -> None:
        """Lock structural edits (e.g. while training); ``reason`` is shown to the user."""
        self.lock_reason = reason if locked else ""
        if locked == self._locked:
            return
        self._locked = locked
        self.lockedChanged.emit(locked)

    def lock_message(self) -> str:
        """What to tell someone whose edit the lock refused."""
        return self.tr("Editing is locked: %1").replace(
            "%1", self.lock_reason or self.tr("training is running"))

    def set_weights(self, weights: dict | None) -> None:
        """Store trained weights (node id -> arrays) in the project."""
        self.project.weights = weights
        self.weightsChanged.emit()
        self.set_modified(True)

    def replace_project(self, project: Project, path: Path | None = None) -> None:
        """Put a new project in place (New / Open / Import / preset); history starts over."""
        self.project = project
        self.path = Path(path) if path is not None else None
        self.undo_stack.clear()
        self._modified = True  # force the signal below
        self.set_modified(False)
        self.projectReplaced.emit()
        self.pathChanged.emit()

    def set_path(self, path: Path | None) -> None:
        self.path = Path(path) if path is not None else None
        self.pathChanged.emit()

    def display_name(self) -> str:
        if self.path is not None:
            return self.path.name
        # Not saved yet: an imported model or a preset still has a name worth showing.
        return self.project.title or self.tr("Untitled")

    def _on_clean_changed(self, clean: bool) -> None:
        self.set_modified(not clean)
