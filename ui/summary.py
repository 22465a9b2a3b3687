"""A view like Keras's ``model.summary()``: each layer, its output shape and parameters,
then the trainable and non-trainable totals. It shows the latest shape report."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from playground.network.layer_calls import layer_names
from playground.network.shapes import format_shape
from ui.canvas.scene import GraphScene
from ui.canvas.view import GraphView
from ui.document import Document
from ui.shape_service import ShapeService


class SummaryPanel(QWidget):
    def __init__(self, document: Document, scene: GraphScene, view: GraphView,
                 shapes: ShapeService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.scene = scene
        self.view = view
        self.table = QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setUniformRowHeights(True)
        self.table.setHeaderLabels([self.tr("Layer (type)"), self.tr("Output shape"),
                                    self.tr("Param #"), self.tr("Connected to")])
        header = self.table.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.totals = QLabel(self)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.table)
        layout.addWidget(self.totals)
        self.table.itemActivated.connect(self._select_node)
        shapes.reportReady.connect(self.show_report)
        document.projectReplaced.connect(lambda: self.show_report(None))
        self.show_report(shapes.report)

    def show_report(self, report: Any) -> None:
        graph = self.document.graph
        self.table.clear()
        if report is None:
            self.totals.setText(self.tr("Shapes and parameter counts appear once TensorFlow "
                                        "has loaded."))
            return
        names = layer_names(graph)
        for node in graph.topological_order():
            info = report.nodes.get(node.id)
            shape = format_shape(info.output_shape) if info and not info.error else "—"
            params = f"{info.params:,}" if info and not info.error else "—"
            inputs = ", ".join(names[s] for s in graph.predecessors(node.id))
            row = QTreeWidgetItem([f"{names[node.id]} ({node.layer_type})", shape, params,
                                   inputs])
            row.setData(0, Qt.ItemDataRole.UserRole, node.id)
            row.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if info is not None and info.error:
                row.setToolTip(0, info.error)
                row.setForeground(0, Qt.GlobalColor.red)
            self.table.addTopLevelItem(row)
        for col in range(3):
            self.table.resizeColumnToContents(col)
        self.totals.setText(self.tr("Total params: %1   ·   Trainable params: %2   ·   "
                                    "Non-trainable params: %3")
                            .replace("%1", f"{report.total_params:,}")
                            .replace("%2", f"{report.trainable_params:,}")
                            .replace("%3", f"{report.non_trainable_params:,}"))

    def _select_node(self, item: QTreeWidgetItem, _column: int) -> None:
        node_id = item.data(0, Qt.ItemDataRole.UserRole)
        scene = self.scene
        if node_id in scene.node_items:
            scene.select_nodes([node_id])
            self.view.centerOn(scene.node_items[node_id])
