"""Copy/paste and duplicate keep a layer's whole wiring; a refused multi-step edit leaves
nothing behind (no half step on the undo or redo stack, the graph as it was)."""
from __future__ import annotations

import json

from PySide6.QtGui import QGuiApplication

from playground.network.graph import Graph
from tests.gui.conftest import canon, mlp
from ui.edit_actions import CLIPBOARD_TAG


def _attention_and_states(graph: Graph) -> dict[str, str]:
    """Self-attention (query = value = one tensor, positional call with a call kwarg) and an
    LSTM whose second output (a state) feeds a Dense layer."""
    seq = graph.add_node("Input", {"batch_shape": [None, 5, 8]}, (0, 0))
    mha = graph.add_node("MultiHeadAttention", {"num_heads": 2, "key_dim": 4}, (0, 120),
                         call_kwargs={"use_causal_mask": True}, call_style="positional")
    graph.connect(seq.id, mha.id, 0)
    graph.connect(seq.id, mha.id, 1)
    lstm = graph.add_node("LSTM", {"units": 3, "return_state": True}, (200, 120))
    graph.connect(seq.id, lstm.id)
    head = graph.add_node("Dense", {"units": 2}, (200, 240))
    graph.connect(lstm.id, head.id, 0, source_port=1)
    return {"seq": seq.id, "mha": mha.id, "lstm": lstm.id, "head": head.id}


def _wiring(graph: Graph, ids: list[str]) -> list:
    """What the chosen nodes are and how they are wired among themselves, free of ids and
    order (each layer type occurs once)."""
    kind = {nid: graph.node(nid).layer_type for nid in ids}
    nodes = sorted(repr((graph.node(n).layer_type, graph.node(n).params,
                         graph.node(n).call_kwargs, graph.node(n).call_style)) for n in ids)
    edges = sorted((kind[e.source], kind[e.target], e.port, e.source_port)
                   for e in graph.edges if e.source in kind and e.target in kind)
    return [nodes, edges]


def _pasted_in_order(graph: Graph, before: set[str]) -> list[str]:
    return [n.id for n in graph.nodes if n.id not in before]


def test_copy_paste_and_duplicate_keep_call_kwargs_call_style_and_source_ports(window):
    graph = window.document.graph
    graph.clear()
    ids = _attention_and_states(graph)
    chosen = [ids["seq"], ids["mha"], ids["lstm"], ids["head"]]
    expected = _wiring(graph, chosen)
    edit = window.edit_actions

    window.scene.select_nodes(chosen)
    edit.copy.trigger()
    before = {n.id for n in graph.nodes}
    edit.paste.trigger()
    assert _wiring(graph, _pasted_in_order(graph, before)) == expected

    window.scene.select_nodes(chosen)
    before = {n.id for n in graph.nodes}
    edit.duplicate.trigger()
    assert _wiring(graph, _pasted_in_order(graph, before)) == expected


def test_failed_paste_leaves_no_half_step(window):
    graph = window.document.graph
    graph.clear()
    mlp(graph)
    stack = window.document.undo_stack
    stack.clear()
    before, count = canon(graph), stack.count()
    good = {"id": "a", "type": "Dense", "params": {"units": 4}, "position": [0, 0]}
    bad = {"id": "b", "type": "Dense", "params": {"units": -1}, "position": [0, 100]}
    QGuiApplication.clipboard().setText(json.dumps(
        {CLIPBOARD_TAG: {"nodes": [good, bad], "edges": [{"source": "a", "target": "b"}]}}))
    window.edit_actions.paste.trigger()
    assert canon(graph) == before
    assert stack.count() == count and not stack.canRedo()


def test_failed_insert_after_selection_leaves_nothing_on_the_redo_stack(window):
    graph = window.document.graph
    graph.clear()
    ids = mlp(graph)
    stack = window.document.undo_stack
    stack.clear()
    before = canon(graph)
    window.scene.select_nodes([ids[1]])  # feeds exactly one layer: the new one goes between
    assert window.edit_actions.add_layer_after_selected("NoSuchLayer") is None
    assert canon(graph) == before
    assert stack.count() == 0 and not stack.canRedo()


def test_failed_splice_leaves_nothing_behind(window):
    """A layer dropped on a connection that cannot be made is refused as a whole, in words."""
    graph = window.document.graph
    graph.clear()
    mlp(graph)
    stack = window.document.undo_stack
    stack.clear()
    before = canon(graph)
    edge_item = next(iter(window.scene.edge_items.values()))
    middle = edge_item.path().pointAtPercent(0.5)
    assert window.scene.edge_at(middle) is not None
    messages = []
    window.scene.refused.connect(messages.append)
    assert window.edit_actions.add_layer_at("NoSuchLayer", middle) is None
    assert canon(graph) == before
    assert stack.count() == 0 and not stack.canRedo()
