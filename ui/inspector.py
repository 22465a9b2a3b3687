"""The inspector: settings of the selected layer, generated from the catalog's ParamSpecs.

Edits apply at once as undo commands; a refused value shows the reason under its field and
the field goes back to the graph's value. Generic Keras layers (no form in the catalog) are
edited as their JSON configuration, checked by Keras before it is applied.
"""
from __future__ import annotations

import json
from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QFrame, QHBoxLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from playground.errors import GraphError, PlaygroundError
from playground.network.graph import Node
from playground.network.layer_calls import layer_names
from playground.network.shapes import format_shape
from playground.tuning.space import CHOICE_KINDS, RANGE_KINDS, default_dimension
from ui import commands, theme
from ui.canvas.scene import GraphScene
from ui.document import Document
from ui.fit_actions import dataset_changes, match_dataset
from ui.inspector_kinds import special_section
from ui.param_widgets import ParamEditor, is_invalid
from ui.tuning.search_field import SearchField
from ui.shape_service import ShapeService
from ui.status import StatusLine
from ui.tf_loader import TFLoader



def _label(text: str = "", role: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


SEARCHABLE_KINDS = RANGE_KINDS + CHOICE_KINDS


class InspectorPanel(QScrollArea):
    openGroupRequested = Signal(str)  # "Open inside…" of a nested model

    def __init__(self, document: Document, scene: GraphScene, shapes: ShapeService,
                 tf_loader: TFLoader, status: StatusLine,
                 make_layer_view: Callable[[QWidget], QWidget] | None = None,
                 parent: QWidget | None = None) -> None:
        """``make_layer_view(parent)`` makes the activation and weights view shown for the
        selected layer (the insight panel's), when there is one."""
        super().__init__(parent)
        self.document = document
        self.scene = scene
        self.shapes = shapes
        self.tf_loader = tf_loader
        self.status = status
        self._make_layer_view = make_layer_view
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(280)
        self.node_id: str | None = None
        self.editors: dict[str, ParamEditor] = {}
        self.errors: dict[str, QLabel] = {}
        self.search_fields: dict[str, SearchField] = {}
        self.config_edit: QPlainTextEdit | None = None
        self.config_error: QLabel | None = None
        self.shape_label: QLabel | None = None   # made with the form of a selected node
        self._graph = None
        scene.selectionChanged.connect(self._selection_changed)
        shapes.reportReady.connect(lambda _r: self._show_shape())
        self.document.projectReplaced.connect(self._rebind)
        self.document.lockedChanged.connect(lambda _l: self._show_node(self.node_id))
        self._rebind()

    # ------------------------------------------------------------- binding
    def _rebind(self) -> None:
        if self._graph is not None:
            self._graph.node_changed.disconnect(self._node_changed)
            self._graph.node_removed.disconnect(self._node_removed)
            self._graph.edge_added.disconnect(self._edge_changed)
            self._graph.edge_removed.disconnect(self._edge_changed)
        self._graph = self.document.graph
        self._graph.node_changed.connect(self._node_changed)
        self._graph.node_removed.connect(self._node_removed)
        self._graph.edge_added.connect(self._edge_changed)
        self._graph.edge_removed.connect(self._edge_changed)
        self._show_node(None)

    def _selection_changed(self) -> None:
        ids = self.scene.selected_node_ids()
        if len(ids) > 1:
            self._show_many(len(ids))
            return
        self._show_node(ids[0] if ids else None)

    def _node_changed(self, node: Node) -> None:
        if node.id == self.node_id:
            self._load_values()

    def _edge_changed(self, edge) -> None:
        if self.node_id in (edge.source, edge.target):
            self._load_values()

    def _node_removed(self, node: Node) -> None:
        if node.id == self.node_id:
            self._show_node(None)

    # ---------------------------------------------------------------- build
    def _fresh(self) -> QVBoxLayout:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        self.setWidget(body)   # the previous form is deleted with its widgets ...
        self.editors, self.errors = {}, {}
        self.search_fields: dict[str, SearchField] = {}
        self.config_edit = self.config_error = None
        # ... so no reference to one of them is kept (issue 23: deleted-widget access).
        self.shape_label = self.node_error = self.inputs_label = None
        self.match_button = self.name_edit = self.name_error = self.trainable = None
        self.freeze_all = self.unfreeze_all = None
        return layout

    def _show_many(self, count: int) -> None:
        self.node_id = None
        layout = self._fresh()
        layout.addWidget(_label(self.tr("%1 layers selected").replace("%1", str(count)),
                                "heading"))
        layout.addWidget(_label(self.tr("Select a single layer to change its settings. "
                                        "Freezing keeps the weights of all selected layers "
                                        "fixed during training (e.g. the pretrained part of an "
                                        "imported model)."), "help"))
        row = QHBoxLayout()
        self.freeze_all = QPushButton(self.tr("Freeze selected"), self)
        self.unfreeze_all = QPushButton(self.tr("Unfreeze selected"), self)
        self.freeze_all.clicked.connect(lambda: self.set_selected_trainable(False))
        self.unfreeze_all.clicked.connect(lambda: self.set_selected_trainable(True))
        for button in (self.freeze_all, self.unfreeze_all):
            button.setEnabled(not self.document.locked)
            row.addWidget(button)
        layout.addLayout(row)
        layout.addStretch(1)

    def set_selected_trainable(self, trainable: bool) -> None:
        """Freeze or unfreeze every selected layer as one undo step."""
        graph = self.document.graph
        ids = [nid for nid in self.scene.selected_node_ids()
               if graph.node(nid).trainable != trainable]
        if not ids:
            return
        text = self.tr("Freeze layers") if not trainable else self.tr("Unfreeze layers")
        # One command: every layer changes, or (one refused) none does and nothing is pushed.
        reason = self._execute(commands.Batch(graph, text, [
            commands.SetTrainable(graph, nid, trainable) for nid in ids]))
        if reason is not None:
            self.status.show_message(reason)

    def _show_node(self, node_id: str | None) -> None:
        layout = self._fresh()
        graph = self.document.graph
        self.node_id = node_id if node_id in graph else None
        if self.node_id is None:
            layout.addWidget(_label(self.tr("No layer selected"), "heading"))
            layout.addWidget(_label(self.tr(
                "Click a layer on the canvas to see and change its settings here. Drag layers "
                "in from the list on the left."), "help"))
            layout.addStretch(1)
            return
        node = graph.node(self.node_id)
        spec = node.spec
        color = theme.category_color(spec.category).name()
        title = _label(f"<span style='color:{color}'>■</span> {spec.type_name}", "heading")
        layout.addWidget(title)
        layout.addWidget(_label(spec.help, "help"))

        self.shape_label = _label("", "")
        self.shape_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.shape_label)
        self.node_error = _label("", "error")
        self.node_error.setVisible(False)
        layout.addWidget(self.node_error)
        self.inputs_label = _label("", "help")
        self.inputs_label.setVisible(False)
        layout.addWidget(self.inputs_label)
        # Input shape or output units/activation that do not fit the dataset: one click.
        self.match_button = QPushButton(self.tr("Match the dataset"), self)
        self.match_button.setObjectName("inspector_match_dataset")
        self.match_button.setToolTip(self.tr(
            "Set the Input's shape and the output layer's units and activation to what the "
            "chosen dataset needs (one undo step)."))
        self.match_button.clicked.connect(lambda: match_dataset(self.document))
        self.match_button.setVisible(False)
        layout.addWidget(self.match_button)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("automatic"))
        self.name_edit.editingFinished.connect(self._rename)
        form.addRow(self.tr("Name"), self.name_edit)
        self.name_error = _label("", "error")
        self.name_error.setVisible(False)
        form.addRow(self.name_error)
        self.trainable = QCheckBox(self.tr("Trainable (uncheck to freeze the weights)"), self)
        self.trainable.toggled.connect(self._set_trainable)
        form.addRow(self.trainable)
        self.trainable.setVisible(not spec.is_input)  # an Input has nothing to train
        layout.addLayout(form)

        locked = self.document.locked
        section, form_hidden = special_section(
            graph, node, self, lambda nid: self.scene.select_nodes([nid]),
            self.openGroupRequested.emit)
        if section is not None:
            layout.addWidget(section)
        if form_hidden:  # a shared layer's second call, a nested model: no form of its own
            pass
        elif spec.is_generic:
            self._build_config_editor(layout)
        elif spec.params:
            section = _label(self.tr("Settings"), "heading")
            layout.addWidget(section)
            params_form = QFormLayout()
            params_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            for p in spec.params:
                editor = ParamEditor(p, self)
                editor.committed.connect(lambda v, name=p.name: self._commit(name, v))
                editor.setEnabled(not locked)
                self.editors[p.name] = editor
                params_form.addRow(p.title, editor)  # the core translates titles and help
                help_label = _label(p.help, "help")
                params_form.addRow(help_label)
                error = _label("", "error")
                error.setVisible(False)
                self.errors[p.name] = error
                params_form.addRow(error)
                if p.kind in SEARCHABLE_KINDS:
                    self.search_fields[p.name] = self._search_field(node, p)
                    params_form.addRow(self.search_fields[p.name])
            layout.addLayout(params_form)
        if locked:
            layout.addWidget(_label(self.document.lock_message(), "help"))
        if self._make_layer_view is not None:  # activation + weights
            layout.addWidget(self._make_layer_view(self))
        layout.addStretch(1)
        self._load_values()
        self._show_shape()

    def _search_field(self, node: Node, p: Any) -> SearchField:
        """The "search this" toggle of a numeric or choice parameter (Tune panel)."""
        kind = "choice" if p.kind in CHOICE_KINDS else p.kind
        return SearchField(self.document.session, node.id, p.name, kind,
                           lambda: default_dimension(node.id, p.name, p.kind,
                                                     node.params.get(p.name), p.minimum,
                                                     p.maximum, tuple(p.choices)), self)

    def _build_config_editor(self, layout: QVBoxLayout) -> None:
        layout.addWidget(_label(self.tr("Keras configuration"), "heading"))
        layout.addWidget(_label(self.tr(
            "This layer has no form: edit its Keras configuration (JSON) and press Apply. "
            "Keras checks it before it is used."), "help"))
        self.config_edit = QPlainTextEdit(self)
        self.config_edit.setMinimumHeight(160)
        font = self.config_edit.font()
        font.setFamily("monospace")
        self.config_edit.setFont(font)
        layout.addWidget(self.config_edit)
        self.config_error = _label("", "error")
        self.config_error.setVisible(False)
        layout.addWidget(self.config_error)
        apply = QPushButton(self.tr("Apply"), self)
        apply.clicked.connect(self.apply_config)
        apply.setEnabled(not self.document.locked)
        layout.addWidget(apply, alignment=Qt.AlignmentFlag.AlignRight)

    # --------------------------------------------------------------- values
    def _load_values(self) -> None:
        if self.node_id is None or self.node_id not in self.document.graph:
            return
        graph = self.document.graph
        node = graph.node(self.node_id)
        names = layer_names(graph)
        self.name_edit.setText(node.name or "")
        self.name_edit.setPlaceholderText(self.tr("automatic: %1").replace("%1", names[node.id]))
        incoming = graph.incoming(node.id)
        spec = node.spec
        several = (spec.max_inputs is None and not spec.is_generic) or (spec.max_inputs or 0) > 1
        if len(incoming) > 1 or (several and incoming):
            # Ordered inputs matter (Concatenate order, Subtract): say which is which.
            self.inputs_label.setText(self.tr("Inputs: %1").replace("%1", ", ".join(
                f"{e.port + 1} ← {names[e.source]}" for e in incoming)))
            self.inputs_label.setVisible(True)
        else:
            self.inputs_label.setVisible(False)
        self.trainable.blockSignals(True)
        self.trainable.setChecked(node.trainable)
        self.trainable.blockSignals(False)
        for name, editor in self.editors.items():
            editor.set_value(node.params.get(name))
        self.match_button.setVisible(not self.document.locked
                                     and node.id in dataset_changes(self.document))
        if self.config_edit is not None:
            self.config_edit.setPlainText(json.dumps(node.params, indent=2))

    def focus_rename(self) -> None:
        """Put the cursor in the selected layer's name field (F2)."""
        if self.node_id is not None:
            self.name_edit.setFocus()
            self.name_edit.selectAll()

    def _show_shape(self) -> None:
        if self.node_id is None or self.shape_label is None:
            return
        report = self.shapes.report
        info = report.nodes.get(self.node_id) if report is not None else None
        if info is None:
            self.shape_label.setText(self.tr("Output shape and parameters appear once "
                                             "TensorFlow has loaded."))
            self.node_error.setVisible(False)
            return
        if info.error:
            self.shape_label.setText(self.tr("Output shape: —"))
            self.node_error.setText("⚠ " + info.error)
            self.node_error.setVisible(True)
            return
        self.node_error.setVisible(False)
        text = self.tr("Output shape: <b>%1</b><br>Parameters: <b>%2</b> (%3 trainable)") \
            .replace("%1", format_shape(info.output_shape)).replace("%2", f"{info.params:,}") \
            .replace("%3", f"{info.trainable_params:,}")
        if info.warning:
            text += f"<br><span style='color:#b06000'>⚠ {info.warning}</span>"
        self.shape_label.setText(text)

    # ---------------------------------------------------------------- edits
    def _execute(self, command: commands.GraphCommand) -> str | None:
        """Run an edit; the reason it was refused, or None."""
        if self.document.locked:
            return self.document.lock_message()
        try:
            commands.execute(self.document.undo_stack, command)
        except GraphError as exc:
            return str(exc)
        return None

    def _commit(self, name: str, value: Any) -> None:
        assert self.node_id is not None
        reason = is_invalid(value)
        if reason is None:
            reason = self._execute(commands.SetParams(self.document.graph, self.node_id,
                                                      {name: value}))
        label = self.errors.get(name)
        if label is not None:
            label.setText(reason or "")
            label.setVisible(reason is not None)
        if reason is not None:
            self._load_values()  # back to the value the graph holds

    def _rename(self) -> None:
        if self.node_id is None:
            return
        text = self.name_edit.text().strip() or None
        if text == self.document.graph.node(self.node_id).name:
            return
        reason = self._execute(commands.Rename(self.document.graph, self.node_id, text))
        self.name_error.setText(reason or "")
        self.name_error.setVisible(reason is not None)
        if reason is not None:
            self._load_values()

    def _set_trainable(self, on: bool) -> None:
        if self.node_id is not None:
            reason = self._execute(commands.SetTrainable(self.document.graph, self.node_id, on))
            if reason is not None:
                self.status.show_message(reason)
                self._load_values()

    def apply_config(self) -> bool:
        """Parse the JSON config, let Keras check it, then apply it as one undo step."""
        assert self.config_edit is not None and self.config_error is not None
        assert self.node_id is not None
        reason = None
        try:
            params = json.loads(self.config_edit.toPlainText())
        except json.JSONDecodeError as exc:
            params = None
            reason = self.tr("The configuration is not valid JSON (line %1, column %2): %3")\
                .replace("%1", str(exc.lineno)).replace("%2", str(exc.colno)) \
                .replace("%3", exc.msg)
        if reason is None and not isinstance(params, dict):
            reason = self.tr("The configuration must be a JSON object: { \"key\": value, … }.")
        if reason is None:
            reason = self._keras_check(params)
        if reason is None:
            reason = self._execute(commands.ReplaceParams(self.document.graph, self.node_id,
                                                          params))
        self.config_error.setText(reason or "")
        self.config_error.setVisible(reason is not None)
        return reason is None

    def _keras_check(self, params: dict) -> str | None:
        """Ask Keras to create the layer from the config (once TensorFlow is loaded)."""
        if not self.tf_loader.is_loaded:
            return None  # shape inference will check it once Keras is there
        from playground.network.layer_calls import make_layer

        node = self.document.graph.node(self.node_id)
        probe = Node(node.id, node.layer_type, params, node.position, node.name, node.trainable)
        try:
            make_layer(probe, node.name or f"check_{node.id}")
        except PlaygroundError as exc:
            return str(exc)
        except (TypeError, ValueError, KeyError) as exc:
            return self.tr("Keras refused this configuration: %1").replace("%1", str(exc))
        return None
