"""Ties the insight results (named by Keras layer) to the canvas (nodes): which node a
layer is, what the canvas calls it, how strongly each Dense connection is weighted, and the
selected layer's activation curve and weight histograms in every layer view.
"""
from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from playground.network.elements import Node
from ui.canvas.scene import GraphScene
from ui.document import Document
from ui.insight.layer_view import LayerView


class LayerLink(QObject):
    """Keras layer names <-> canvas nodes for the open project, cached until the graph
    changes; keeps the layer views on the selected layer."""

    def __init__(self, document: Document, scene: GraphScene, layer_tab: LayerView,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.scene = scene
        self.weights_snapshot: Any = None   # the latest playground.insight WeightsSnapshot
        self._views: list[LayerView] = [layer_tab]  # the Layer tab + any made for others
        self._names_cache: tuple[Any, int, dict[str, str]] | None = None
        self._revision = 0
        self._watched: Any = None
        scene.selectionChanged.connect(self.selection_changed)

    def watch_graph(self) -> None:
        """Follow the open project's graph (call when the project is replaced)."""
        if self._watched is not None:
            self._watched.changed.disconnect(self._graph_changed)
            self._watched.node_changed.disconnect(self._node_changed)
        self._watched = self.document.graph
        self._watched.changed.connect(self._graph_changed)
        # e.g. another activation chosen in the inspector: redraw its curve
        self._watched.node_changed.connect(self._node_changed)
        self._revision += 1
        self.weights_snapshot = None

    def _graph_changed(self) -> None:
        self._revision += 1

    def _node_changed(self, node: Node) -> None:
        if self.scene.selected_node_ids() == [node.id]:
            self.selection_changed()

    # ------------------------------------------------------------ names
    def layer_to_node(self) -> dict[str, str]:
        """Keras layer name -> node id (cached until the graph changes)."""
        graph = self.document.graph
        if self._names_cache is None or self._names_cache[0] is not graph \
                or self._names_cache[1] != self._revision:
            from playground.network.layer_calls import layer_names

            mapping = {layer: node for node, layer in layer_names(graph).items()}
            self._names_cache = (graph, self._revision, mapping)
        return self._names_cache[2]

    def layer_titles(self) -> dict[str, str]:
        """Keras layer name -> what the canvas shows for its node ("Dense · 8 · tanh")."""
        graph = self.document.graph
        return {layer: graph.node(node).name or graph.node(node).label()
                for layer, node in self.layer_to_node().items() if node in graph}

    def canvas_edge_weights(self) -> dict[tuple[str, str], tuple[float, float, float]]:
        """(source node, target node) -> (mean weight, mean |weight|, strength in [0, 1])
        for canvas edges into a Dense node."""
        if self.weights_snapshot is None or not self.weights_snapshot.dense_edges:
            return {}
        by_layer = self.layer_to_node()
        layers = {by_layer[d.layer_name]: d for d in self.weights_snapshot.dense_edges
                  if d.layer_name in by_layer}
        largest = max((d.mean_abs for d in layers.values()), default=0.0) or 1.0
        graph = self.document.graph
        return {(e.source, e.target): (layers[e.target].mean, layers[e.target].mean_abs,
                                       layers[e.target].mean_abs / largest)
                for e in graph.edges if e.target in layers}

    # ------------------------------------------------------------ layer views
    def make_layer_view(self, parent: QWidget | None = None) -> LayerView:
        """Another view of the selected layer kept up to date like the Layer tab."""
        view = LayerView(parent)
        self._views.append(view)
        self.selection_changed()
        return view

    def _live_views(self) -> list[LayerView]:
        self._views = [v for v in self._views if shiboken6.isValid(v)]
        return self._views

    def selection_changed(self) -> None:
        ids = self.scene.selected_node_ids()
        if len(ids) != 1 or ids[0] not in self.document.graph:
            return
        node = self.document.graph.node(ids[0])
        for view in self._live_views():
            view.set_layer(node.display_name(), node_activation(node))
        self.show_histograms()

    def show_histograms(self) -> None:
        ids = self.scene.selected_node_ids()
        if len(ids) != 1:
            return
        layer_name = None
        if self.weights_snapshot is not None:
            layer_name = {n: layer for layer, n in self.layer_to_node().items()}.get(ids[0])
        hist = self.weights_snapshot.histograms.get(layer_name) if layer_name else None
        for view in self._live_views():
            view.set_histograms(hist)


def node_activation(node: Node) -> str | None:
    """The activation a node applies, by name (None: none, or not a named one)."""
    special = {"ReLU": "relu", "Softmax": "softmax", "LeakyReLU": "leaky_relu", "ELU": "elu"}
    if node.layer_type in special:
        return special[node.layer_type]
    activation = node.params.get("activation")
    if node.layer_type == "Activation" or isinstance(activation, str):
        return activation if isinstance(activation, str) else None
    return None
