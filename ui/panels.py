"""The one place where panels are made, given what they need, and docked.

Each panel receives the document (whose session holds the project and all shared state)
and the few services it uses (the canvas scene, the shape service, the status line, the
training controller...) through its constructor. :class:`Panels` keeps them, typed, for
the window's menus and for tests; no panel looks another up on the window.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from ui.autosave import Autosave
from ui.canvas.group_dialog import open_group_window
from ui.datasets.install import install_datasets
from ui.datasets.panel import DatasetPanel
from ui.insight.panel import InsightPanel
from ui.inspector import InspectorPanel
from ui.lesson_panel import LessonPanel
from ui.palette import PalettePanel
from ui.summary import SummaryPanel
from ui.training.panel import TrainingPanel
from ui.tuning.panel import TunePanel
from ui.welcome import Welcome

if TYPE_CHECKING:
    from ui.main_window import MainWindow


@dataclass(frozen=True)
class Panels:
    palette: PalettePanel
    inspector: InspectorPanel
    training: TrainingPanel
    insight: InsightPanel
    dataset: DatasetPanel
    lesson: LessonPanel
    summary: SummaryPanel
    tune: TunePanel
    autosave: Autosave
    lessons_action: QAction
    welcome: Welcome


def install_training_menu(window: "MainWindow", document: Any,
                          training: TrainingPanel) -> None:
    """Training ▸ Train, Pause, Stop, Reset weights; Run on several machines… (a launch kit
    for the current project)."""
    from PySide6.QtGui import QAction

    from ui.training.menu_actions import add_run_actions

    def open_dialog() -> None:
        from ui.training.launch_kit_dialog import LaunchKitDialog

        name = document.session.display_name(QCoreApplication.translate("MainWindow", "Untitled")).removesuffix(".kpg")
        LaunchKitDialog(document.project, name, window).exec()

    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Training"))
    window.menuBar().insertMenu(window.help_menu.menuAction(), menu)
    add_run_actions(menu, window, training)
    action = QAction(QCoreApplication.translate("MainWindow", "Run on several machines…"), window)
    action.setStatusTip(QCoreApplication.translate("MainWindow", "Write a launch kit to train this project on several "
                                  "machines with TensorFlow's multi-worker strategy"))
    action.triggered.connect(open_dialog)
    menu.addAction(action)


def install_panels(window: "MainWindow") -> Panels:
    document, scene = window.document, window.scene
    palette = PalettePanel(window.edit_actions.add_layer_after_selected)
    window.add_panel(palette, QCoreApplication.translate("MainWindow", "Layers"), "left", "palette_panel")
    window.edit_actions.findLayerRequested.connect(palette.focus_search)

    training = TrainingPanel(document, window, window.tfLoaded, window.closing)
    dataset, lesson, lessons_action = install_datasets(window)
    insight = InsightPanel(document, scene, window, training.controller, dataset)
    insight.edgeWeightsChanged.connect(scene.set_edge_weights)
    window.closing.connect(insight.shutdown)

    inspector = InspectorPanel(document, scene, window.shapes, window.tf_loader, window,
                               insight.make_layer_view)
    window.add_panel(inspector, QCoreApplication.translate("MainWindow", "Inspector"), "right", "inspector_panel")
    window.edit_actions.renameRequested.connect(inspector.focus_rename)

    def open_group(node_id: str) -> None:  # a nested model opens in its own window
        open_group_window(document, node_id, window, window.tf_loader.is_loaded)

    inspector.openGroupRequested.connect(open_group)
    scene.nodeOpenRequested.connect(open_group)
    autosave = Autosave(document, window, window.closing, window.file_actions.maybe_save,
                        window)
    window.add_panel(training, QCoreApplication.translate("MainWindow", "Training"), "bottom", "training_panel")
    window.add_panel(insight, QCoreApplication.translate("MainWindow", "Inside the network"), "bottom-right",
                     "insight_panel")
    # Dataset and lesson share the right side under the inspector (docked in this order:
    # the default layout's sizes depend on it).
    window.dock_dataset_panels(dataset, lesson)
    install_training_menu(window, document, training)
    tune = TunePanel(document, window.closing)
    window.add_panel(tune, QCoreApplication.translate("MainWindow", "Tune"), "bottom", "tune_panel")
    # Last, so it is the last tab of the training column (training comes first).
    summary = SummaryPanel(document, scene, window.view, window.shapes)
    window.add_panel(summary, QCoreApplication.translate("MainWindow", "Model summary"), "bottom", "summary_panel")
    welcome = Welcome(window, dataset, palette.focus_search)
    return Panels(palette, inspector, training, insight, dataset, lesson, summary, tune,
                  autosave, lessons_action, welcome)
