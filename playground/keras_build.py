"""Graph -> Keras: layers from nodes, and a functional ``keras.Model`` from the graph.

Layers are created with ``KerasClass.from_config`` from a node's params (Keras config form),
so whatever Keras accepts in a config — including everything an imported model carried — is
honoured, and nothing is re-implemented here.
"""
from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING, Any

import numpy as np

from playground.errors import BuildError
from playground.graph import Graph, Node
from playground.kerasenv import keras as load_keras

if TYPE_CHECKING:
    import keras

# Placeholder in Node.call_kwargs for a tensor passed by keyword; the number is the input port.
PORT_KEY = "__port__"


def snake_case(class_name: str) -> str:
    """Keras's own rule (keras.utils.to_snake_case): LSTM -> lstm, Conv2D -> conv2d,
    SimpleRNN -> simple_rnn, MultiHeadAttention -> multi_head_attention."""
    step = re.sub(r"(.)([A-Z][a-z0-9]+)", r"\1_\2", class_name)
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", step).lower()


def default_layer_name(node: Node) -> str:
    return f"{snake_case(node.layer_type)}_{node.id}"


def layer_names(graph: Graph) -> dict[str, str]:
    """Node id -> Keras layer name: the node's own name, else a stable one from its id."""
    taken = {n.name for n in graph if n.name}
    names: dict[str, str] = {}
    for node in graph:
        if node.name:
            names[node.id] = node.name
            continue
        base = candidate = default_layer_name(node)
        i = 1
        while candidate in taken:
            candidate = f"{base}_{i}"
            i += 1
        taken.add(candidate)
        names[node.id] = candidate
    return names


def layer_class(node: Node) -> type:
    keras = load_keras()
    cls = getattr(keras.layers, node.spec.keras_class, None)
    if cls is None:  # catalog out of step with the installed Keras
        raise BuildError(f"{node.display_name()}: this Keras version has no layer "
                         f"{node.spec.keras_class}.", {node.id: "unknown Keras layer"})
    return cls


def make_layer(node: Node, name: str) -> "keras.layers.Layer":
    """A fresh Keras layer for ``node`` (raises whatever Keras raises for a bad config)."""
    config = copy.deepcopy(node.params)
    config["name"] = name
    if not node.trainable:  # some layers (SpatialDropout2D) refuse the key; True is default
        config["trainable"] = False
    return layer_class(node).from_config(config)


def arrange_call(node: Node, inputs: list[Any]) -> tuple[list[Any], dict[str, Any], set[str],
                                                          str]:
    """How ``node``'s layer is called on ``inputs`` (one per port, in port order; tensors
    here, variable names in the generated program): the positional inputs, the keyword
    arguments (a port passed by keyword replaced by its input), the keywords that are
    such ports, and the call style ("list", "positional" or "single")."""
    kwargs = dict(node.call_kwargs)
    ports: set[str] = set()
    used_by_keyword: set[int] = set()
    for key, value in list(kwargs.items()):
        if isinstance(value, dict) and set(value) == {PORT_KEY}:
            port = int(value[PORT_KEY])
            kwargs[key] = inputs[port]
            ports.add(key)
            used_by_keyword.add(port)
    positional = [t for i, t in enumerate(inputs) if i not in used_by_keyword]
    style = node.call_style or node.spec.call_style
    if node.spec.is_generic and node.call_style is None:
        style = "list" if len(positional) > 1 else "single"
    return positional, kwargs, ports, style


def call_layer(node: Node, layer: Any, inputs: list[Any]) -> Any:
    """Call ``layer`` on the tensors feeding ``node`` (ordered by port), as Keras would."""
    positional, kwargs, _ports, style = arrange_call(node, inputs)
    if style == "list":
        return layer(positional, **kwargs)
    if style == "positional" or len(positional) != 1:
        return layer(*positional, **kwargs)
    return layer(positional[0], **kwargs)


def as_output_list(outputs: Any) -> list[Any]:
    if isinstance(outputs, (list, tuple)):
        return list(outputs)
    if isinstance(outputs, dict):
        return list(outputs.values())
    return [outputs]


def build_model(graph: Graph, weights: dict[str, list[np.ndarray]] | None = None,
                name: str | None = None, seed: int | None = None) -> "keras.Model":
    """A functional ``keras.Model`` from the graph, with ``weights`` applied where given.

    ``seed`` seeds Keras's random generators first, so the fresh (not given) weights are
    the same every time: a training run's seed setting covers its starting weights too.
    Raises BuildError naming each broken node (the messages of shape inference).
    """
    from playground.shapes import infer_shapes

    keras = load_keras()
    report = infer_shapes(graph)
    if not report.ok:
        raise BuildError(report.error_summary(), report.node_errors())
    if seed is not None:
        keras.utils.set_random_seed(seed)
    names = layer_names(graph)
    outputs_of: dict[str, list[Any]] = {}
    layers: dict[str, Any] = {}
    for node in graph.topological_order():
        layer = make_layer(node, names[node.id])
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
        current = layer.get_weights()
        if len(current) != len(arrays) or any(
                c.shape != np.shape(a) for c, a in zip(current, arrays)):
            skipped.append(node_id)
            continue
        layer.set_weights(list(arrays))
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
        arrays = layer.get_weights()
        if arrays:
            result[node_id] = [np.array(a, copy=True) for a in arrays]
    return result
