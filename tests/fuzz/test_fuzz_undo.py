"""Random edits through the UI's undo commands, mixed with undo and redo: a refused edit
pushes nothing, every undo/redo lands exactly on the state recorded at that point, and the
final graph saves and reopens equal."""
from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QUndoStack

from playground.network import catalog
from playground.errors import GraphError
from playground.network.graph import Graph
from playground.files.project import Project, project_from_bytes, project_to_bytes
from tests.fuzz.strategies import LAYER_TYPES, count, fuzz_settings, good_or_bad_value
from ui import commands as cmd

OPS = ("add", "add", "connect", "connect", "remove", "disconnect", "set", "rename",
       "trainable", "move", "undo", "undo", "redo")


def _state(graph: Graph) -> str:
    """The graph as JSON, nodes and edges sorted: undoing a delete re-adds the node at the
    end of the node list, which is the same graph (only the listing order differs)."""
    data = graph.to_dict()
    data["nodes"].sort(key=lambda n: n["id"])
    data["edges"].sort(key=lambda e: json.dumps(e, sort_keys=True))
    return json.dumps(data, sort_keys=True)


def _command(graph: Graph, op: str, data: st.DataObject) -> cmd.GraphCommand | None:
    ids = [n.id for n in graph.nodes]
    if op == "add":
        layer = data.draw(st.sampled_from(LAYER_TYPES))
        spec = catalog.get(layer)
        params = {p.name: data.draw(good_or_bad_value(p)) for p in
                  data.draw(st.lists(st.sampled_from(spec.params), max_size=2,
                                     unique_by=lambda p: p.name))} if spec.params else {}
        return cmd.AddNode(graph, layer, (data.draw(st.floats(-500, 500)), 0.0), params)
    if not ids:
        return None
    pick = st.sampled_from(ids)
    if op == "connect":
        return cmd.Connect(graph, data.draw(pick), data.draw(pick),
                           data.draw(st.one_of(st.none(), st.integers(0, 2))))
    if op == "remove":
        return cmd.RemoveNodes(graph, data.draw(st.lists(pick, min_size=1, max_size=2,
                                                         unique=True)))
    if op == "disconnect" and graph.edges:
        return cmd.Disconnect(graph, data.draw(st.sampled_from(graph.edges)))
    node = graph.node(data.draw(pick))
    if op == "set" and node.spec.params:
        p = data.draw(st.sampled_from(node.spec.params))
        return cmd.SetParams(graph, node.id, {p.name: data.draw(good_or_bad_value(p))})
    if op == "rename":
        return cmd.Rename(graph, node.id, data.draw(st.one_of(
            st.none(), st.sampled_from(["a", "b", "dense", ""]))))
    if op == "trainable":
        return cmd.SetTrainable(graph, node.id, data.draw(st.booleans()))
    if op == "move":
        old = node.position
        return cmd.MoveNodes(graph, {node.id: (old, (old[0] + 10, old[1] + 5))})
    return None


@pytest.mark.gui
@fuzz_settings(100)
@given(st.data())
def test_undo_redo_always_returns_to_recorded_states(qapp, data):
    graph = Graph("undo")
    stack = QUndoStack()
    states = [_state(graph)]  # states[i]: the graph when stack.index() == i
    for _ in range(data.draw(st.integers(1, 30), label="length")):
        op = data.draw(st.sampled_from(OPS), label="op")
        if op == "undo" and stack.canUndo():
            stack.undo()
        elif op == "redo" and stack.canRedo():
            stack.redo()
        elif op not in ("undo", "redo"):
            command = _command(graph, op, data)
            if command is None:
                continue
            before, index = _state(graph), stack.index()
            try:
                cmd.execute(stack, command)
            except GraphError:
                count("undo commands", "refused")
                assert _state(graph) == before and stack.index() == index
                continue
            count("undo commands", "applied")
            del states[index + 1:]
            if stack.index() == index:  # merged into the previous command (e.g. a move)
                states[index] = _state(graph)
            else:
                states.append(_state(graph))
        assert _state(graph) == states[stack.index()], f"after {op}"
    while stack.canUndo():
        stack.undo()
    assert _state(graph) == states[0]
    while stack.canRedo():
        stack.redo()
    assert _state(graph) == states[-1]
    reopened = project_from_bytes(project_to_bytes(Project(graph=graph)))
    assert _state(reopened.graph) == _state(graph)
    count("undo sequences", "sequences")
