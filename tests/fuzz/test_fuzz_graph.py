"""Random edit sequences on the graph: only GraphError subclasses escape, a refused edit
leaves the graph unchanged, and whatever state results saves and reopens identically."""
from __future__ import annotations

import json
import math

from hypothesis import given
from hypothesis import strategies as st

from playground.network import catalog
from playground.errors import GraphError
from playground.network.graph import Edge, Graph
from playground.files.project import Project, project_from_bytes, project_to_bytes
from tests.fuzz.strategies import (LAYER_TYPES, count, fuzz_settings, good_or_bad_value,
                                   json_values)

OPS = ("add", "add", "add", "connect", "connect", "connect", "remove", "disconnect",
       "set_param", "set_param", "set_unknown_param", "rename", "trainable", "move",
       "replace_params")
MAX_OPS = 25


def _apply(graph: Graph, op: str, data: st.DataObject) -> None:
    ids = [n.id for n in graph.nodes]
    pick_id = st.one_of(st.sampled_from(ids), st.text(max_size=4)) if ids else st.text(max_size=4)
    if op == "add":
        layer = data.draw(st.sampled_from(LAYER_TYPES + ["NotALayer"]), label="type")
        params = {}
        if layer in LAYER_TYPES:
            spec = catalog.get(layer)
            for p in data.draw(st.lists(st.sampled_from(spec.params), max_size=3,
                                        unique_by=lambda p: p.name), label="params") \
                    if spec.params else []:
                params[p.name] = data.draw(good_or_bad_value(p), label=p.name)
        pos = data.draw(st.tuples(st.floats(allow_nan=True), st.floats(-1e4, 1e4)), label="pos")
        graph.add_node(layer, params, pos)
    elif op == "connect":
        port = data.draw(st.one_of(st.none(), st.integers(-1, 3)), label="port")
        graph.connect(data.draw(pick_id, label="src"), data.draw(pick_id, label="dst"), port,
                      data.draw(st.integers(-1, 1), label="source_port"))
    elif op == "remove":
        graph.remove_node(data.draw(pick_id, label="node"))
    elif op == "disconnect":
        edges = graph.edges
        edge = data.draw(st.sampled_from(edges), label="edge") if edges and data.draw(
            st.booleans()) else Edge("n1", "n2", 0)
        graph.disconnect(edge)
    elif op in ("set_param", "set_unknown_param") and ids:
        node = graph.node(data.draw(st.sampled_from(ids), label="node"))
        if op == "set_param" and node.spec.params:
            p = data.draw(st.sampled_from(node.spec.params), label="param")
            graph.set_param(node.id, p.name, data.draw(good_or_bad_value(p), label="value"))
        else:
            graph.set_param(node.id, data.draw(st.text(max_size=6), label="key"),
                            data.draw(json_values, label="value"))
    elif op == "rename" and ids:
        graph.rename_node(data.draw(st.sampled_from(ids)),
                          data.draw(st.one_of(st.none(), st.text(max_size=8)), label="name"))
    elif op == "trainable" and ids:
        graph.set_trainable(data.draw(st.sampled_from(ids)), data.draw(st.booleans()))
    elif op == "move" and ids:
        graph.move_node(data.draw(st.sampled_from(ids)),
                        data.draw(st.tuples(st.floats(), st.floats()), label="pos"))
    elif op == "replace_params" and ids:
        graph.replace_params(data.draw(st.sampled_from(ids)),
                             data.draw(st.dictionaries(st.text(max_size=6), json_values,
                                                       max_size=3), label="params"))


def _same(a: object, b: object) -> bool:
    """JSON equality where NaN equals NaN (a NaN that is kept must come back as NaN)."""
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


@fuzz_settings(200)
@given(st.data())
def test_random_edit_sequences_keep_the_graph_valid_and_saveable(data):
    graph = Graph("fuzz")
    count("graph edit sequences", "sequences")
    for _ in range(data.draw(st.integers(1, MAX_OPS), label="length")):
        op = data.draw(st.sampled_from(OPS), label="op")
        before = graph.to_dict()
        try:
            _apply(graph, op, data)
            count("graph edits", "applied")
        except GraphError as exc:
            count("graph edits", "refused")
            assert str(exc), "a refused edit must say why"
            assert _same(graph.to_dict(), before), f"refused {op} changed the graph"
        assert all(math.isfinite(v) for n in graph.nodes for v in n.position)
    state = graph.to_dict()
    again = Graph.from_dict(json.loads(json.dumps(state)))
    assert _same(again.to_dict(), state)
    project = Project(graph=graph, title="fuzz")
    reopened = project_from_bytes(project_to_bytes(project))
    assert _same(reopened.graph.to_dict(), state)
    assert [n.id for n in reopened.graph.topological_order()] == \
        [n.id for n in graph.topological_order()]
