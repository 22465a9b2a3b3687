"""The one place where panels are made, given what they need, and docked.

Each panel receives the document (whose session holds the project and all shared state)
and the few services it uses (the canvas scene, the shape service, the status line, the
training controller...) through its constructor. :class:`Panels` keeps them, typed, for
the window's menus and for tests; no panel looks another up on the window.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

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
    autosave: Autosave
    lessons_action: QAction


def install_panels(window: "MainWindow") -> Panels:
    document, scene = window.document, window.scene
    palette = PalettePanel(window.edit_actions.add_layer_after_selected)
    window.add_panel(palette, window.tr("Layers"), "left", "palette_panel")
    window.edit_actions.findLayerRequested.connect(palette.focus_search)

    training = TrainingPanel(document, window, window.tfLoaded, window.closing)
    dataset, lesson, lessons_action = install_datasets(window)
    insight = InsightPanel(document, scene, window, training.controller, dataset)
    insight.edgeWeightsChanged.connect(scene.set_edge_weights)

    inspector = InspectorPanel(document, scene, window.shapes, window.tf_loader, window,
                               insight.make_layer_view)
    window.add_panel(inspector, window.tr("Inspector"), "right", "inspector_panel")
    window.edit_actions.renameRequested.connect(inspector.focus_rename)

    def open_group(node_id: str) -> None:  # a nested model opens in its own window
        open_group_window(document, node_id, window, window.tf_loader.is_loaded)

    inspector.openGroupRequested.connect(open_group)
    scene.nodeOpenRequested.connect(open_group)
    # Dataset and lesson share the right side under the inspector (added in this order).
    window.dock_dataset_panels(dataset, lesson)

    autosave = Autosave(document, window, window.closing, window.file_actions.maybe_save,
                        window)
    window.add_panel(training, window.tr("Training"), "bottom", "training_panel")
    window.add_panel(insight, window.tr("Inside the network"), "bottom", "insight_panel")
    # Last, so it is the last bottom tab (training comes first).
    summary = SummaryPanel(document, scene, window.view, window.shapes)
    window.add_panel(summary, window.tr("Model summary"), "bottom", "summary_panel")
    return Panels(palette, inspector, training, insight, dataset, lesson, summary, autosave,
                  lessons_action)
