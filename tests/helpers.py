"""Small graph builders shared by core tests."""
from __future__ import annotations

import json
from typing import Any

from playground import Graph
from playground.network.chains import add_chain


def normalized(config: Any) -> Any:
    """A Keras config with tuples turned into lists, so configs compare as JSON would."""
    return json.loads(json.dumps(config, default=str))


def chain(graph: Graph, *steps: tuple[str, dict[str, Any]]) -> list[str]:
    return [node.id for node in add_chain(graph, steps)]


def mlp(hidden: int = 8) -> Graph:
    g = Graph("mlp")
    chain(g, ("Input", {"batch_shape": [None, 2]}), ("Dense", {"units": hidden,
                                                               "activation": "tanh"}),
          ("Dense", {"units": 1, "activation": "sigmoid"}))
    return g
