"""Graph -> Keras: layers from nodes, and a functional ``keras.Model`` from the graph.

Layers are created with ``KerasClass.from_config`` from a node's params (Keras config form),
so whatever Keras accepts in a config — including everything an imported model carried — is
honoured, and nothing is re-implemented here.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from playground.errors import BuildError
from playground.network.graph import Graph
from playground.kerasenv import keras as load_keras

from playground.network.layer_calls import (as_output_list, call_layer,
                                           layer_names, make_layer)
from playground.network.shapes import infer_shapes
from playground.network.sharing import call_order
from playground.network.vocabulary import layer_state, set_layer_state

if TYPE_CHECKING:
    import keras


def build_model(graph: Graph, weights: dict[str, list[np.ndarray]] | None = None,
                name: str | None = None, seed: int | None = None) -> "keras.Model":
    """A functional ``keras.Model`` from the graph, with ``weights`` applied where given.

    ``seed`` seeds Keras's random generators first, so the fresh (not given) weights are
    the same every time: a training run's seed setting covers its starting weights too.
    Raises BuildError naming each broken node (the messages of shape inference).
    """
    keras = load_keras()
    report = infer_shapes(graph)
    if not report.ok:
        raise BuildError(report.error_summary(), report.node_errors())
    if seed is not None:
        keras.utils.set_random_seed(seed)
    names = layer_names(graph)
    outputs_of: dict[str, list[Any]] = {}
    layers: dict[str, Any] = {}
    for node in call_order(graph):
        if node.shares:  # another call of the owner's layer (called before it: call_order)
            layer = layers[node.shares]
        else:
            # Pretrained weights are read only when no trained ones are stored for it.
            fresh = node.id not in (weights or {})
            layer = make_layer(node, names[node.id], load_weights=fresh)
            layers[node.id] = layer
        if node.spec.is_input:
            outputs_of[node.id] = [layer.output]   # what keras.Input returns
            continue
        inputs = [outputs_of[e.source][e.source_port] for e in graph.incoming(node.id)]
        outputs_of[node.id] = as_output_list(call_layer(node, layer, inputs))
    model_inputs = [outputs_of[n.id][0] for n in graph.input_nodes()]
    model_outputs = [t for n in graph.output_nodes() for t in outputs_of[n.id]]
    model = keras.Model(
        inputs=model_inputs[0] if len(model_inputs) == 1 else model_inputs,
        outputs=model_outputs[0] if len(model_outputs) == 1 else model_outputs,
        name=name or graph.name or "model",
    )
    if weights:
        apply_weights(graph, layers, weights)
    return model


def apply_weights(graph: Graph, layers: dict[str, Any],
                  weights: dict[str, list[np.ndarray]]) -> list[str]:
    """Load stored weights into freshly built layers; returns the node ids skipped because
    their weights no longer fit (the layer was edited since training)."""
    skipped: list[str] = []
    for node_id, arrays in weights.items():
        layer = layers.get(node_id)
        if layer is None:
            continue
        # (a lookup layer's "weights" are its vocabulary: see network/vocabulary.py)
        if not set_layer_state(layer, arrays):
            skipped.append(node_id)
    return skipped


def stale_weights(graph: Graph, model: "keras.Model",
                  weights: dict[str, list[np.ndarray]] | None) -> list[str]:
    """Names of the nodes whose stored ``weights`` no longer fit ``model`` (built from
    ``graph``): the layer was edited after training, so it starts from fresh weights."""
    if not weights:
        return []
    built = model_weights_by_node(graph, model)
    return [graph.node(node_id).display_name() for node_id, arrays in weights.items()
            if node_id in built and node_id in graph
            and [np.shape(a) for a in arrays] != [np.shape(a) for a in built[node_id]]]


def model_weights_by_node(graph: Graph, model: "keras.Model") -> dict[str, list[np.ndarray]]:
    """The weights of a model built from ``graph``, keyed by node id (for the project file)."""
    names = layer_names(graph)
    result: dict[str, list[np.ndarray]] = {}
    for node_id, layer_name in names.items():
        try:
            layer = model.get_layer(layer_name)
        except ValueError:
            continue
        arrays = layer_state(layer)
        if arrays:
            result[node_id] = arrays
    return result
