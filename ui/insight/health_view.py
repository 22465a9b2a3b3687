"""Training health per layer in plain words, with a badge text for each layer's node."""
from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from playground.insight.health import HealthReport, badge_text
from ui.insight.common import InsightView


class HealthView(InsightView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Training health"), self.tr(
            "Checks each layer for common troubles: units that stopped working (dead ReLUs), "
            "squashed units (saturated sigmoid/tanh), and corrections that fade away or blow "
            "up (vanishing / exploding gradients); and the set-up: layers without an "
            "activation, an output that does not fit the task, a learning rate far off, a "
            "loss that does not move."), parent)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Layer"), self.tr("Finding")])
        self.tree.setWordWrap(True)
        self.tree.setColumnWidth(0, 160)
        self.body.addWidget(self.tree, 1)
        self.report: HealthReport | None = None
        self.titles: dict[str, str] = {}  # layer name -> node label shown on the canvas
        self.empty_text = self.tr("Train the model to check its health.")
        self.set_status(self.empty_text)

    def set_report(self, report: HealthReport) -> None:
        self.report = report
        self.set_status("")
        self.tree.clear()
        for name, health in report.layers.items():
            measured = []
            if health.dead_share is not None:
                measured.append(self.tr("dead units {0:.0%}").format(health.dead_share))
            if health.saturated_share is not None:
                measured.append(self.tr("saturated units {0:.0%}").format(
                    health.saturated_share))
            if health.gradient_rms is not None:
                measured.append(self.tr("gradient size {0:.2g}").format(health.gradient_rms))
            text = badge_text(health) or self.tr("✓ looks healthy")
            item = QTreeWidgetItem([self.titles.get(name, name), text + ("  (" + ", ".join(measured) + ")"
                                                  if measured else "")])
            for issue in health.issues:
                child = QTreeWidgetItem(["", issue.explanation])
                child.setToolTip(1, issue.explanation)
                item.addChild(child)
                tip = QTreeWidgetItem(["", self.tr("Try: {0}").format(issue.suggestion)])
                item.addChild(tip)
            self.tree.addTopLevelItem(item)
            item.setExpanded(bool(health.issues))

    def clear(self) -> None:
        self.report = None
        self.tree.clear()
        super().clear()
