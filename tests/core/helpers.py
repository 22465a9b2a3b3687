"""Small graph builders shared by core tests."""
from __future__ import annotations

import json
from typing import Any

from playground import Graph


def normalized(config: Any) -> Any:
    """A Keras config with tuples turned into lists, so configs compare as JSON would."""
    return json.loads(json.dumps(config, default=str))


def chain(graph: Graph, *steps: tuple[str, dict[str, Any]]) -> list[str]:
    ids = [graph.add_node(t, p).id for t, p in steps]
    for a, b in zip(ids, ids[1:]):
        graph.connect(a, b)
    return ids


def mlp(hidden: int = 8) -> Graph:
    g = Graph("mlp")
    chain(g, ("Input", {"batch_shape": [None, 2]}), ("Dense", {"units": hidden,
                                                               "activation": "tanh"}),
          ("Dense", {"units": 1, "activation": "sigmoid"}))
    return g
