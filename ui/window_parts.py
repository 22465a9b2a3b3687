"""What the menu actions (``file_actions``, ``edit_actions``) use of the main window.

The window implements it; the action modules depend on this description, not on the
window's module (which imports them: no import cycle).
"""
from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenuBar, QStatusBar, QToolBar

from ui.canvas.scene import GraphScene
from ui.canvas.view import GraphView
from ui.document import Document
from ui.status import StatusLine


class WindowParts(StatusLine, Protocol):
    document: Document
    scene: GraphScene
    view: GraphView
    settings: QSettings

    def menuBar(self) -> QMenuBar: ...
    def statusBar(self) -> QStatusBar: ...
    def addToolBar(self, title: str) -> QToolBar: ...
    def addAction(self, action: QAction) -> None: ...
    def close(self) -> bool: ...
