"""Painting points onto 2-D data as an undo step."""
from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand


class PaintTarget(Protocol):
    def apply_points(self, points: list) -> None: ...


class PaintPointsCommand(QUndoCommand):
    """One paint stroke: the painted points before and after (undo restores them)."""

    def __init__(self, panel: "PaintTarget", before: list, after: list) -> None:
        super().__init__(QCoreApplication.translate("InsightPanel", "Paint points"))
        self.panel, self.before, self.after = panel, before, after

    def redo(self) -> None:
        self.panel.apply_points(self.after)

    def undo(self) -> None:
        self.panel.apply_points(self.before)
