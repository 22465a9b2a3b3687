"""The one place where panels are docked into the main window.

Each feature adds ONE line to :func:`install_panels` for its panel, e.g.::

    from ui.training.panel import TrainingPanel
    window.add_panel(TrainingPanel(window.document, window), window.tr("Training"),
                     "bottom", "training_panel")

Panels receive the window (for ``document``, ``tfLoaded``, ``closing``,
``set_status_device``, ``show_message``) and keep their state in the document's project.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def install_panels(window: "MainWindow") -> None:
    from ui.inspector import InspectorPanel
    from ui.palette import PalettePanel
    from ui.summary import SummaryPanel

    window.palette_panel = PalettePanel(window)
    window.add_panel(window.palette_panel, window.tr("Layers"), "left", "palette_panel")
    window.inspector = InspectorPanel(window)
    window.add_panel(window.inspector, window.tr("Inspector"), "right", "inspector_panel")
    # Other features: one line each below (training, datasets, visualizations).
    from ui.autosave import install_autosave; install_autosave(window)  # noqa: E702 recovery file
    from ui.training.panel import TrainingPanel
    window.training_panel = TrainingPanel(window.document, window)
    window.add_panel(window.training_panel, window.tr("Training"), "bottom", "training_panel")
    from ui.insight.panel import InsightPanel
    window.insight_panel = InsightPanel(window)
    window.add_panel(window.insight_panel, window.tr("Inside the network"), "bottom-right", "insight_panel")
    window.insight_panel.edgeWeightsChanged.connect(window.scene.set_edge_weights)
    from ui.datasets.install import install_datasets; install_datasets(window)  # noqa: E702 dataset panel + lessons
    # Last, so it is the last tab of the training column (training comes first).
    window.summary = SummaryPanel(window)
    window.add_panel(window.summary, window.tr("Model summary"), "bottom", "summary_panel")
