"""Working with a group node (a nested model): freeze or unfreeze it as a whole, open it as
a graph of its own to see and edit its inside, and close it again into the node.

Opening rebuilds the nested model from the node (with its weights) and imports it like any
model; closing builds the edited graph and writes its config and weights back into the
node, keeping its class (a ``Sequential`` stays a ``Sequential``) and its name.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from playground.i18n import _
from playground.errors import BuildError
from playground.network.graph import Graph
from playground.network.keras_build import build_model
from playground.network.keras_import import Weights, graph_from_model
from playground.network.layer_calls import layer_names
from playground.network.nested import is_group_type, make_group, with_trainable
from playground.kerasenv import keras as load_keras


def set_group_trainable(graph: Graph, node_id: str, trainable: bool) -> None:
    """Freeze or unfreeze a nested model and every layer inside it (one click)."""
    node = graph.node(node_id)
    if not is_group_type(node.layer_type):
        graph.set_trainable(node_id, trainable)
        return
    graph.replace_params(node_id, with_trainable(node.params, trainable))
    graph.set_trainable(node_id, trainable)


def open_group(graph: Graph, node_id: str,
               weights: dict[str, list[np.ndarray]] | None = None) -> tuple[Graph, Weights]:
    """The inside of a group node as a graph with its weights (fresh ones when the node has
    none stored)."""
    node = graph.node(node_id)
    if not is_group_type(node.layer_type):
        raise BuildError(_("{name} is a layer, not a nested model: there is nothing inside "
                           "it to open.").format(name=node.display_name()), {})
    owner = graph.node(node.shares) if node.shares and node.shares in graph else node
    model = make_group(owner.layer_type, owner.params, layer_names(graph)[owner.id],
                       owner.trainable)
    arrays = (weights or {}).get(owner.id)
    if arrays:
        model.set_weights(list(arrays))
    return graph_from_model(model)


def closed_group(group_type: str, inner: Graph,
                 inner_weights: Weights | None = None) -> tuple[dict[str, Any], list[np.ndarray]]:
    """(params, weights) of a group node holding the edited inside ``inner``; raises
    BuildError naming the broken layer when it cannot be built."""
    keras = load_keras()
    model = build_model(inner, inner_weights, name=inner.name)
    if group_type == "Sequential":
        order = inner.topological_order()
        if any(len(inner.incoming(n.id)) > 1 or len(inner.outgoing(n.id)) > 1 for n in order) \
                or len(inner.input_nodes()) != 1:
            raise BuildError(_("{name} is a Sequential block, so its layers must stay one "
                               "chain (one input, each layer feeding the next).").format(
                                   name=inner.name), {})
        by_name = {layer.name: layer for layer in model.layers}
        names = layer_names(inner)
        model = keras.Sequential([by_name[names[n.id]] for n in order], name=inner.name)
    config = model.get_config()
    params = {k: v for k, v in config.items() if k not in ("name", "trainable")}
    import json

    return json.loads(json.dumps(params)), [np.array(w, copy=True) for w in model.get_weights()]


def close_group(graph: Graph, node_id: str, inner: Graph,
                weights: dict[str, list[np.ndarray]], inner_weights: Weights | None) -> None:
    """Write the edited inside back into the node (and its weights into ``weights``)."""
    node = graph.node(node_id)
    params, arrays = closed_group(node.layer_type, inner, inner_weights)
    graph.replace_params(node_id, params)
    if arrays:
        weights[node_id] = arrays
    else:
        weights.pop(node_id, None)
