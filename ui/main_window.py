"""The main window: canvas in the centre, docks around it, status bar below.

It only assembles parts. Menus and their actions live in ``file_actions`` and
``edit_actions``; the panels other features contribute are installed by
``ui.panels.install_panels``; shape inference runs in ``ui.shape_service``.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QDockWidget, QFrame, QLabel, QMainWindow, QScrollArea, QWidget

from ui.canvas.scene import GraphScene
from ui.canvas.view import GraphView
from playground.i18n import language
from ui.document import Document
from ui.language import LanguageMenu
from ui.shape_service import ShapeService
from ui.tf_loader import TFLoader

_AREAS = {
    "left": Qt.DockWidgetArea.LeftDockWidgetArea,
    "right": Qt.DockWidgetArea.RightDockWidgetArea,
    "bottom": Qt.DockWidgetArea.BottomDockWidgetArea,
}
# Bump when the set of docks changes so an old saved layout is not applied to a new one.
_LAYOUT_VERSION = 1


# A panel taller than this gets a scroll bar instead of forcing the window to grow past
# the screen (docks cannot be smaller than their contents' minimum size).
_TALL_PANEL = 280


def _scrollable_if_tall(widget: QWidget) -> QWidget:
    if widget.minimumSizeHint().height() <= _TALL_PANEL or isinstance(widget, QScrollArea):
        return widget
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


class MainWindow(QMainWindow):
    """``closing`` fires before the window closes (after the user agreed), so panels can
    stop their threads; ``tfLoaded`` re-emits the loader's signal for panels."""

    closing = Signal()
    tfLoaded = Signal()

    def __init__(self, document: Document, tf_loader: TFLoader | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__()
        self.document = document
        self.settings = settings if settings is not None else QSettings()
        self.tf_loader = tf_loader if tf_loader is not None else TFLoader(self)
        self.setObjectName("MainWindow")
        self.setDockNestingEnabled(True)
        self.setAcceptDrops(True)
        # Side panels run the full height; the bottom area sits under the canvas only.
        self.setCorner(Qt.Corner.TopLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.TopRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self._fit_to_screen()

        self.scene = GraphScene(self)
        self.view = GraphView(self.scene, self)
        self.setCentralWidget(self.view)
        self.shapes = ShapeService(self.tf_loader, self)
        self.shapes.reportReady.connect(self.scene.set_report)
        self.shapes.reportReady.connect(document.session.set_shape_report)
        self.shapes.reportReady.connect(self._show_totals)
        # The canvas keeps the last shapes it had: say why they are not updated, until a
        # report comes in again.
        self._shape_failure = ""
        self.shapes.failed.connect(self._show_shape_failure)
        self.shapes.reportReady.connect(self._clear_shape_failure)

        self._bottom_docks: list[QDockWidget] = []
        # The panels, typed (ui.panels.Panels): set by whoever installs them (app, tests).
        self.panels: Any = None
        self._build_status_bar()

        # Imported here: the action modules reach back into the window's parts.
        from ui.edit_actions import EditActions
        from ui.file_actions import FileActions

        self.file_actions = FileActions(self)
        self.edit_actions = EditActions(self)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.edit_actions.add_view_actions(self.view_menu)
        self.view_menu.addSeparator()
        self.settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        self.settings_menu.addMenu(LanguageMenu(self.settings, language(),
                                                lambda text: self.show_message(text, 8000),
                                                self))
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.edit_actions.add_help_actions(self.help_menu)

        document.projectReplaced.connect(self._bind_project)
        document.modifiedChanged.connect(lambda _m: self._update_title())
        document.pathChanged.connect(self._update_title)
        document.lockedChanged.connect(self._show_lock)
        self.tf_loader.loaded.connect(self._on_tf_loaded)
        self.tf_loader.failed.connect(self._on_tf_failed)
        self._bind_project()

    # ------------------------------------------------------------- panels
    def add_panel(self, widget: QWidget, title: str, area: str = "right",
                  object_name: str | None = None) -> QDockWidget:
        """Dock ``widget`` ("left" | "right" | "bottom"; bottom panels become tabs).

        ``object_name`` must be stable: the saved window layout refers to it.
        """
        if area not in _AREAS:
            raise ValueError(f"area must be one of {', '.join(_AREAS)}; received {area!r}")
        dock = QDockWidget(title, self)
        dock.setObjectName(object_name or f"dock_{title}")
        dock.setWidget(_scrollable_if_tall(widget))
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(_AREAS[area], dock)
        if area == "bottom":
            if self._bottom_docks:
                self.tabifyDockWidget(self._bottom_docks[-1], dock)
            self._bottom_docks.append(dock)
            self._bottom_docks[0].raise_()
        self.view_menu.addAction(dock.toggleViewAction())
        return dock

    def dock_dataset_panels(self, dataset: QWidget, lesson: QWidget) -> None:
        """Dataset and lesson as tabs on the right; a project with a lesson (a preset)
        shows its lesson first."""
        data_dock = self.add_panel(dataset, self.tr("Dataset"), "right", "dataset_panel")
        lesson_dock = self.add_panel(lesson, self.tr("Lesson"), "right", "lesson_panel")
        self.tabifyDockWidget(data_dock, lesson_dock)
        data_dock.raise_()
        self.document.projectReplaced.connect(
            lambda: (lesson_dock if self.document.project.lesson else data_dock).raise_())

    def _fit_to_screen(self) -> None:
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1360, 860)
            return
        area = screen.availableGeometry()
        self.resize(min(1440, int(area.width() * 0.92)), min(900, int(area.height() * 0.9)))

    def restore_layout(self) -> None:
        """Apply the dock layout and geometry saved at the last close (if any)."""
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is None or not self.restoreState(state, _LAYOUT_VERSION):
            self._default_dock_sizes()

    def _default_dock_sizes(self) -> None:
        """First start: a narrow palette, a roomy inspector, a bottom area of a third."""
        docks = self.findChildren(QDockWidget)
        by_area: dict[Qt.DockWidgetArea, list[QDockWidget]] = {}
        for dock in docks:
            by_area.setdefault(self.dockWidgetArea(dock), []).append(dock)
        left = by_area.get(Qt.DockWidgetArea.LeftDockWidgetArea, [])
        right = by_area.get(Qt.DockWidgetArea.RightDockWidgetArea, [])
        bottom = by_area.get(Qt.DockWidgetArea.BottomDockWidgetArea, [])
        if left:
            self.resizeDocks(left[:1], [210], Qt.Orientation.Horizontal)
        if right:
            self.resizeDocks(right[:1], [330], Qt.Orientation.Horizontal)
            if len(right) > 1:  # the inspector (first) gets the larger share
                self.resizeDocks(right, [int(self.height() * 0.55)]
                                 + [int(self.height() * 0.45 / (len(right) - 1))]
                                 * (len(right) - 1), Qt.Orientation.Vertical)
        if bottom:
            # Training curves and the views inside the network need room; the canvas keeps
            # the rest (it zooms to fit).
            self.resizeDocks(bottom[:1], [int(self.height() * 0.45)], Qt.Orientation.Vertical)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState(_LAYOUT_VERSION))

    # ---------------------------------------------------------- status bar
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self._totals_label = QLabel(self)
        self._tf_label = QLabel(self)
        self._device_label = QLabel(self.tr("Device: automatic"), self)
        self._lock_label = QLabel(self)
        self._lock_label.setVisible(False)
        for label in (self._lock_label, self._totals_label, self._tf_label, self._device_label):
            bar.addPermanentWidget(label)
        self._tf_label.setText(self.tr("TensorFlow: loading…"))
        self._tf_label.setToolTip(self.tr("TensorFlow loads in the background; shapes and "
                                          "training become available once it is ready."))

    def set_status_device(self, text: str) -> None:
        """Show which device trains (called by the training part)."""
        self._device_label.setText(self.tr("Device: %1").replace("%1", text))

    def show_message(self, text: str, timeout_ms: int = 6000) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def _show_shape_failure(self, message: str) -> None:
        self._shape_failure = self.tr("Shapes could not be worked out: %1").replace(
            "%1", message)
        self.show_message(self._shape_failure, 0)

    def _clear_shape_failure(self, _report: object) -> None:
        if self._shape_failure and self.statusBar().currentMessage() == self._shape_failure:
            self.statusBar().clearMessage()
        self._shape_failure = ""

    def _on_tf_loaded(self, seconds: float) -> None:
        self._tf_label.setText(self.tr("TensorFlow: ready"))
        if seconds > 0:
            self._tf_label.setToolTip(self.tr("TensorFlow loaded in %1 s.")
                                      .replace("%1", f"{seconds:.1f}"))
        self.tfLoaded.emit()

    def _on_tf_failed(self, message: str) -> None:
        self._tf_label.setText(self.tr("TensorFlow: not available"))
        self._tf_label.setToolTip(message)
        self.show_message(message, 0)

    def _show_totals(self, report: object) -> None:
        layers = len(self.document.graph)
        total = getattr(report, "total_params", None)
        text = self.tr("1 layer") if layers == 1 else \
            self.tr("%1 layers").replace("%1", str(layers))
        if total is not None:
            text += " · " + self.tr("%1 parameters").replace("%1", f"{total:,}")
        self._totals_label.setText(text)

    def _show_lock(self, locked: bool) -> None:
        self._lock_label.setVisible(locked)
        self._lock_label.setText("🔒 " + (self.document.lock_reason or self.tr("Editing locked")))

    # ------------------------------------------------------------ project
    def _bind_project(self) -> None:
        graph = self.document.graph
        self.scene.set_graph(graph)
        self.shapes.set_graph(graph)
        self._show_totals(None)
        self._update_title()
        graph.structure_changed.connect(self._on_structure_changed)

    def _on_structure_changed(self) -> None:
        if self.shapes.report is None:
            self._show_totals(None)

    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("%1[*] — Keras Playground")
                            .replace("%1", self.document.display_name()))
        self.setWindowModified(self.document.modified)

    # --------------------------------------------------------- drop / close
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.file_actions.droppable_path(event.mimeData()) is not None:
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        path = self.file_actions.droppable_path(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.file_actions.open_path(path)
            return
        super().dropEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.file_actions.maybe_save():
            event.ignore()
            return
        self.closing.emit()
        self.save_layout()
        self.shapes.shutdown()
        self.file_actions.wait()
        self.tf_loader.wait()
        # The scene emits selectionChanged while Qt destroys it; nobody may listen then.
        self.scene.clearSelection()
        self.scene.blockSignals(True)
        event.accept()
