"""The typed records of the composition root (``ui.composition``): :class:`Services`, what
panels and actions may use (each receives only the parts it uses), and :class:`Panels`,
what the root made, for the app and for tests."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol

from PySide6.QtCore import QSettings, SignalInstance
from PySide6.QtWidgets import QDockWidget, QMenu, QMenuBar, QWidget

from ui.canvas.scene import GraphScene
from ui.canvas.view import GraphView
from ui.document import Document
from ui.shape_service import ShapeService
from ui.status import StatusLine
from ui.tf_loader import TFLoader


@dataclass(frozen=True)
class Services:
    """What panels and actions may use, built once by ``ui.composition.create_window``:
    each receives the parts it uses from here, never the window."""

    document: Document            # the session (all state) + undo history, as Qt signals
    settings: QSettings
    tf_loader: TFLoader
    tf_loaded: SignalInstance     # TensorFlow is ready (shapes and training can start)
    closing: SignalInstance       # the window is about to close: stop threads
    scene: GraphScene
    view: GraphView
    shapes: ShapeService
    status: StatusLine
    parent: QWidget               # owner of dialogs and docks' widgets
    fit_all: Callable[[], object]


class DockHost(Protocol):
    """The window as ``ui.panels`` sees it: where panels dock and menus go."""

    help_menu: QMenu

    def add_panel(self, widget: QWidget, title: str, area: str = "right",
                  object_name: str | None = None) -> QDockWidget: ...

    def dock_dataset_panels(self, dataset: QWidget, lesson: QWidget) -> None: ...

    def menuBar(self) -> QMenuBar: ...  # noqa: N802 (Qt name)
