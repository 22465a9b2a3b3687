"""The inside of a nested model (group node), opened in a window of its own.

It shows the nested model as a graph (its own canvas, shapes and parameter counts), lets the
user move and reconnect its layers, edit a layer's Keras configuration and freeze or
unfreeze single layers (the fine-tuning step: unfreeze the top of a base), and on
"Close and keep" writes the inside back into the node — its configuration and its
weights — as one undo step. The core does the work (:mod:`playground.network.groups`);
this window only adapts it.
"""
from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel,
                               QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from playground.errors import PlaygroundError
from playground.network.graph import Graph
from playground.network.groups import closed_group, open_group
from playground.network.shapes import infer_shapes
from playground.session import Session
from ui import commands
from ui.canvas.scene import GraphScene
from ui.canvas.view import GraphView
from ui.document import Document


class SetNodeWeights(commands.GraphCommand):
    """One node's weights as a step of an undoable edit. When nothing else changed the
    weights since, undo puts the project's previous weights object back (the session then
    sees them as saved again); after a run, only this node's arrays go back, so the other
    layers keep what they learned."""

    def __init__(self, session: Session, node_id: str, arrays: list, text: str) -> None:
        super().__init__(session.graph, text)
        self.session = session
        self.node_id = node_id
        self.old = session.project.weights
        self.old_arrays = (self.old or {}).get(node_id)
        self.new = {**(self.old or {}), node_id: arrays}

    def _put(self, whole: dict | None, other: dict | None, arrays: list | None) -> None:
        current = self.session.project.weights
        if current is other:
            self.session.set_weights(whole)
            return
        weights = {k: v for k, v in (current or {}).items() if k != self.node_id}
        if arrays is not None:
            weights[self.node_id] = arrays
        self.session.set_weights(weights or None)

    def do(self) -> None:
        self._put(self.new, self.old, self.new[self.node_id])

    def undo(self) -> None:
        self._put(self.old, self.new, self.old_arrays)


class GroupDialog(QDialog):
    """Edit the inside of group node ``node_id`` of the document's graph."""

    def __init__(self, document: Document, node_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.node_id = node_id
        node = document.graph.node(node_id)
        if node.shares and node.shares in document.graph:  # a second call: open the layer
            self.node_id = node.shares
            node = document.graph.node(self.node_id)
        self.setWindowTitle(self.tr("Inside %1").replace("%1", node.display_name()))
        self.resize(1000, 700)
        self.inner, self.inner_weights = open_group(document.graph, self.node_id,
                                                    document.project.weights)
        self.selected: str | None = None

        self.scene = GraphScene(self)
        self.scene.set_graph(self.inner)
        self.view = GraphView(self.scene, self)
        self.scene.connectRequested.connect(self._connect)
        self.scene.disconnectRequested.connect(lambda edge: self._edit(
            lambda: self.inner.disconnect(edge)))
        self.scene.reconnectRequested.connect(self._reconnect)
        self.scene.nodesMoved.connect(self._move)
        self.scene.refused.connect(self._show_error)
        self.scene.selectionChanged.connect(self._selection_changed)

        side = QVBoxLayout()
        self.layer_title = QLabel(self.tr("Click a layer to see its settings."), self)
        self.layer_title.setWordWrap(True)
        self.trainable = QCheckBox(self.tr("Trainable (uncheck to freeze the weights)"), self)
        self.trainable.toggled.connect(self._set_trainable)
        self.config = QPlainTextEdit(self)
        self.apply = QPushButton(self.tr("Apply"), self)
        self.apply.clicked.connect(self.apply_config)
        self.error = QLabel("", self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #d93025")
        for widget in (self.layer_title, self.trainable, self.config, self.apply, self.error):
            side.addWidget(widget)
        buttons = QDialogButtonBox(self)
        self.keep = buttons.addButton(self.tr("Close and keep changes"),
                                      QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        locked = document.locked
        for widget in (self.keep, self.apply, self.trainable, self.config):
            widget.setEnabled(not locked)
        if locked:
            self.error.setText(document.lock_message())

        row = QHBoxLayout()
        row.addWidget(self.view, 3)
        panel = QWidget(self)
        panel.setLayout(side)
        row.addWidget(panel, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self._refresh()
        self._selection_changed()
        self.view.fit_all()

    # ------------------------------------------------------------------ edits
    def _edit(self, change) -> bool:
        try:
            change()
        except PlaygroundError as exc:
            self._show_error(str(exc))
            return False
        self._show_error("")
        self._refresh()
        return True

    def _connect(self, source: str, target: str, port: int) -> None:
        self._edit(lambda: self.inner.connect(source, target, None if port < 0 else port))

    def _reconnect(self, edge, target: str, port: int) -> None:
        def change() -> None:
            self.inner.disconnect(edge)
            self.inner.connect(edge.source, target, None if port < 0 else port,
                               edge.source_port)
        self._edit(change)

    def _move(self, moves: dict) -> None:
        for node_id, (_old, new) in moves.items():
            self.inner.move_node(node_id, new)

    def _set_trainable(self, on: bool) -> None:
        if self.selected is not None:
            self._edit(lambda: self.inner.set_trainable(self.selected, on))

    def apply_config(self) -> bool:
        if self.selected is None:
            return False
        try:
            params = json.loads(self.config.toPlainText())
        except json.JSONDecodeError as exc:
            self._show_error(self.tr("The configuration is not valid JSON (line %1): %2")
                             .replace("%1", str(exc.lineno)).replace("%2", exc.msg))
            return False
        if not isinstance(params, dict):
            self._show_error(self.tr("The configuration must be a JSON object."))
            return False
        return self._edit(lambda: self.inner.replace_params(self.selected, params))

    def _selection_changed(self) -> None:
        ids = self.scene.selected_node_ids()
        self.selected = ids[0] if len(ids) == 1 else None
        shown = self.selected is not None
        for widget in (self.trainable, self.config, self.apply):
            widget.setVisible(shown)
        if not shown:
            self.layer_title.setText(self.tr("Click a layer to see its settings."))
            return
        node = self.inner.node(self.selected)
        self.layer_title.setText(f"<b>{node.display_name()}</b> · {node.layer_type}")
        self.trainable.blockSignals(True)
        self.trainable.setChecked(node.trainable)
        self.trainable.blockSignals(False)
        self.config.setPlainText(json.dumps(node.params, indent=2))

    def _refresh(self) -> None:
        report = infer_shapes(self.inner)
        self.scene.set_report(report)
        self.keep.setEnabled(report.ok and not self.document.locked)
        if not report.ok:
            self._show_error(report.error_summary())

    def _show_error(self, text: str) -> None:
        self.error.setText(text)

    # ------------------------------------------------------------------ close
    def accept(self) -> None:
        """Write the inside back into the node (one undo step) with its weights."""
        graph: Graph = self.document.graph
        node = graph.node(self.node_id)
        try:
            params, arrays = closed_group(node.layer_type, self.inner, self.inner_weights)
        except PlaygroundError as exc:
            self._show_error(str(exc))
            return
        changed = json.dumps(params, sort_keys=True) != json.dumps(node.params, sort_keys=True)
        steps: list[commands.GraphCommand] = []
        text = self.tr("Edit inside %1").replace("%1", node.display_name())
        if changed:
            steps.append(commands.ReplaceParams(graph, self.node_id, params))
        old = (self.document.project.weights or {}).get(self.node_id, [])
        if changed or len(old) != len(arrays) or not all(
                a.shape == b.shape and (a == b).all() for a, b in zip(old, arrays)):
            steps.append(SetNodeWeights(self.document.session, self.node_id, arrays, text))
        if steps:  # parameters and weights: one undo step, undone together
            commands.execute(self.document.undo_stack, commands.Batch(graph, text, steps))
        super().accept()


def open_group_window(document: Document, node_id: str, parent: QWidget | None,
                      tf_loaded: bool) -> GroupDialog | None:
    """Open the group editor for a nested model (None for a plain layer, or before Keras
    has loaded: the inside is rebuilt by Keras)."""
    if node_id not in document.graph:
        return None
    from playground.network.nested import is_group_type

    if not is_group_type(document.graph.node(node_id).layer_type) or not tf_loaded:
        return None
    dialog = GroupDialog(document, node_id, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog
