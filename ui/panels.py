"""The one place where panels are made, given what they need, and docked (the panels'
half of the composition root, ``ui.composition``).

Each panel receives the document (whose session holds the project and all shared state)
and the few services it uses (the canvas scene, the shape service, the status line, the
training controller...) through its constructor, taken from :class:`Services` and the
menus' actions, never from the window. :class:`Panels` keeps them, typed, for the app and
for tests; no panel looks another up on the window.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from playground.tuning.unsaved import unsaved_study_file
from ui.autosave import Autosave
from ui.document import Document
from ui.edit_actions import EditActions
from ui.file_actions import FileActions
from ui.presets_gallery import LessonOpener
from ui.services import DockHost, Services
from ui.training.tensorboard_help import TensorBoardHelp
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
    lessons: LessonOpener
    tensorboard_help: TensorBoardHelp
    welcome: Welcome


def install_training_menu(window: DockHost, document: Document,
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


def install_panels(window: DockHost, services: Services, files: FileActions,
                   edits: EditActions) -> Panels:
    document, scene = services.document, services.scene
    # Help ▸ TensorBoard Logs…, below Getting Started (added with the Edit actions).
    tensorboard_help = TensorBoardHelp(services.parent, document, window.help_menu)
    palette = PalettePanel(edits.add_layer_after_selected)
    window.add_panel(palette, QCoreApplication.translate("MainWindow", "Layers"), "left", "palette_panel")
    edits.findLayerRequested.connect(palette.focus_search)

    training = TrainingPanel(document, services.status, services.tf_loaded, services.closing)
    lessons = LessonOpener(document, files.maybe_save, services.fit_all, services.status,
                           services.parent)
    dataset, lesson, lessons_action = install_datasets(
        document, services.settings, services.closing, lessons, files.menu,
        files.recent_menu.menuAction(), window.help_menu)
    insight = InsightPanel(document, scene, services.status, training.controller)
    insight.edgeWeightsChanged.connect(scene.set_edge_weights)
    services.closing.connect(insight.shutdown)

    inspector = InspectorPanel(document, scene, services.shapes, services.tf_loader,
                               services.status, insight.make_layer_view)
    window.add_panel(inspector, QCoreApplication.translate("MainWindow", "Inspector"), "right", "inspector_panel")
    edits.renameRequested.connect(inspector.focus_rename)

    def open_group(node_id: str) -> None:  # a nested model opens in its own window
        open_group_window(document, node_id, services.parent, services.tf_loader.is_loaded)

    inspector.openGroupRequested.connect(open_group)
    scene.nodeOpenRequested.connect(open_group)
    autosave = Autosave(document, services.status, services.closing, files.maybe_save,
                        services.parent)
    window.add_panel(training, QCoreApplication.translate("MainWindow", "Training"), "bottom", "training_panel")
    window.add_panel(insight, QCoreApplication.translate("MainWindow", "Inside the network"), "bottom-right",
                     "insight_panel")
    # Dataset and lesson share the right side under the inspector (docked in this order:
    # the default layout's sizes depend on it).
    window.dock_dataset_panels(dataset, lesson)
    install_training_menu(window, document, training)
    tune = TunePanel(document, services.closing, unsaved_study=unsaved_study_file(
        autosave.recovery_session.project_file))
    window.add_panel(tune, QCoreApplication.translate("MainWindow", "Tune"), "bottom", "tune_panel")
    # Last, so it is the last tab of the training column (training comes first).
    summary = SummaryPanel(document, scene, services.view, services.shapes)
    window.add_panel(summary, QCoreApplication.translate("MainWindow", "Model summary"), "bottom", "summary_panel")
    welcome = Welcome(window, dataset, palette.focus_search)
    return Panels(palette, inspector, training, insight, dataset, lesson, summary, tune,
                  autosave, lessons_action, lessons, tensorboard_help, welcome)
