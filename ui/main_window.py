"""The main window: canvas in the centre, docks around it, status bar below.

It only assembles parts. Menus and their actions live in ``file_actions`` and
``edit_actions``; the panels other features contribute are installed by
``ui.panels.install_panels``; shape inference runs in ``ui.shape_service``.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QDockWidget, QFrame, QLabel, QMainWindow, QScrollArea, QWidget

from ui.canvas.scene import GraphScene
from ui.canvas.view import GraphView
from playground.i18n import language
from playground.network.shapes import ShapeReport
from ui.document import Document
from ui.language import LanguageMenu
from ui.shape_service import ShapeService
from ui.tf_loader import TFLoader
from ui.training.tensorboard_help import TensorBoardHelp
from ui.wheel_guard import install_wheel_guard

_AREAS = {
    "left": Qt.DockWidgetArea.LeftDockWidgetArea,
    "right": Qt.DockWidgetArea.RightDockWidgetArea,
    "bottom": Qt.DockWidgetArea.BottomDockWidgetArea,
    "bottom-right": Qt.DockWidgetArea.BottomDockWidgetArea,
}
# Bump when the set of docks changes so an old saved layout is not applied to a new one.
_LAYOUT_VERSION = 2


# A panel taller than this gets a scroll bar instead of forcing the window to grow past
# the screen (docks cannot be smaller than their contents' minimum size).
_TALL_PANEL = 320   # fits the bottom area on a 1366×768 screen (see _default_dock_sizes)


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
        # Before any child exists: settings take the wheel only when focused (issue 23).
        install_wheel_guard()
        self.document = document
        self.settings = settings if settings is not None else QSettings()
        self.tf_loader = tf_loader if tf_loader is not None else TFLoader(self)
        self.setObjectName("MainWindow")
        self.setDockNestingEnabled(True)
        self.setAcceptDrops(True)
        # The bottom area (training curves beside the live views) runs the full width, so
        # both fit side by side from 1366 pixels up; the side panels sit beside the canvas.
        self.setCorner(Qt.Corner.TopLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.setCorner(Qt.Corner.TopRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
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

        # Bottom docks by column ("bottom", "bottom-right"); each column's docks are tabs.
        self._bottom_docks: dict[str, list[QDockWidget]] = {}
        self._default_state: QByteArray | None = None
        self._first_shown_size: QSize | None = None
        self.first_start = True   # no saved window geometry (set by restore_layout)
        self._size_docks_when_shown = False
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
        self.reset_layout_action = self.view_menu.addAction(self.tr("Reset &Layout"))
        self.reset_layout_action.setObjectName("reset_layout_action")
        self.reset_layout_action.setToolTip(self.tr(
            "Put every panel back where it was when the app was first opened."))
        self.reset_layout_action.triggered.connect(self.reset_layout)
        self.view_menu.addSeparator()
        self.settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        self.settings_menu.addMenu(LanguageMenu(self.settings, language(),
                                                lambda text: self.show_message(text, 8000),
                                                self))
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.edit_actions.add_help_actions(self.help_menu)
        self.tensorboard_help = TensorBoardHelp(self, document, self.help_menu)

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
        """Dock ``widget`` ("left" | "right" | "bottom" | "bottom-right"). The bottom area
        has two columns side by side ("bottom", "bottom-right"); the panels of one column
        become tabs, the first one added shown.

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
        if area in ("bottom", "bottom-right"):
            column = self._bottom_docks.setdefault(area, [])
            if column:
                self.tabifyDockWidget(column[-1], dock)
            elif area == "bottom-right" and self._bottom_docks.get("bottom"):
                self.splitDockWidget(self._bottom_docks["bottom"][0], dock,
                                     Qt.Orientation.Horizontal)
            column.append(dock)
            column[0].raise_()
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
        """Fill the screen's free area (the first start also maximizes, see show_window;
        this is what shows where nothing manages windows)."""
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1360, 860)
            return
        area = screen.availableGeometry()
        self.setGeometry(area)

    def restore_layout(self) -> None:
        """Apply the dock layout and geometry saved at the last close (if any); keep the
        default layout for View ▸ Reset Layout."""
        self._default_state = self.saveState(_LAYOUT_VERSION)
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        self.first_start = geometry is None
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is None or not self.restoreState(state, _LAYOUT_VERSION):
            self._default_dock_sizes()
            # Once shown (and maximized) the window has its real size: size the docks again.
            self._size_docks_when_shown = True

    def show_window(self) -> None:
        """Show the window: maximized the first time, else as it was left."""
        if self.first_start:
            self.showMaximized()
        else:
            self.show()
        # Keys go to the canvas from the start (Delete, arrows, Ctrl+0 …), not to whatever
        # widget Qt would pick (the palette's search box).
        self.activateWindow()
        self.view.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if self._first_shown_size is None:
            self._first_shown_size = self.size()
        if self._size_docks_when_shown:
            self._size_docks_when_shown = False
            QTimer.singleShot(0, self, self._default_dock_sizes)

    def reset_layout(self) -> None:
        """Every panel back to its first-start place and size (View ▸ Reset Layout)."""
        if self._default_state is not None:  # closed panels come back, moved ones return
            self.restoreState(self._default_state, _LAYOUT_VERSION)
        # A panel moved beside others can have made the window grow past the screen to fit
        # their minimum sizes: back to the size it opened with.
        if self._first_shown_size is not None and not (self.isMaximized()
                                                       or self.isFullScreen()):
            self.resize(self._first_shown_size)
        for column in self._bottom_docks.values():
            column[0].raise_()
        # Sized once the restored docks are laid out (sizes asked for before are lost).
        QTimer.singleShot(0, self, self._default_dock_sizes)

    def _default_dock_sizes(self) -> None:
        """A narrow palette, a roomy inspector, and the bottom area as high as the curves
        and the live view need (about half the window), split between the two."""
        width, height = self.width(), self.height()
        docks = self.findChildren(QDockWidget)
        by_area: dict[Qt.DockWidgetArea, list[QDockWidget]] = {}
        for dock in docks:
            by_area.setdefault(self.dockWidgetArea(dock), []).append(dock)
        left = by_area.get(Qt.DockWidgetArea.LeftDockWidgetArea, [])
        right = by_area.get(Qt.DockWidgetArea.RightDockWidgetArea, [])
        horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
        if left:
            self.resizeDocks(left[:1], [min(220, max(170, int(width * 0.12)))], horizontal)
        if right:
            self.resizeDocks(right[:1], [min(380, max(290, int(width * 0.2)))], horizontal)
            if len(right) > 1:  # the inspector (first) gets the larger share
                self.resizeDocks(right, [int(height * 0.55)]
                                 + [int(height * 0.45 / (len(right) - 1))]
                                 * (len(right) - 1), vertical)
        columns = [self._bottom_docks[key][0] for key in ("bottom", "bottom-right")
                   if self._bottom_docks.get(key)]
        if columns:
            # The canvas keeps the rest (it zooms to fit).
            self.resizeDocks(columns[:1], [min(600, max(400, int(height * 0.5)))], vertical)
        if len(columns) == 2:  # the live view: wide enough for its plot and its controls
            live = max(445, int(width * 0.33))
            self.resizeDocks(columns, [width - live, live], horizontal)

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

    def _show_totals(self, report: ShapeReport | None) -> None:
        layers = len(self.document.graph)
        total = report.total_params if report is not None else None
        text = self.tr("1 layer") if layers == 1 else \
            self.tr("%1 layers").replace("%1", str(layers))
        if total is not None:
            text += " · " + self.tr("%1 parameters").replace("%1", f"{total:,}")
        self._totals_label.setText(text)

    def _show_lock(self, locked: bool) -> None:
        self._lock_label.setVisible(locked)
        # No 🔒: no font the setup installs draws it (a box).
        self._lock_label.setText(self.document.lock_reason or self.tr("Editing locked"))

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
