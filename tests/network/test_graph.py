import pytest

from playground import Graph
from playground.network.chains import add_chain
from playground.errors import (ArityError, CycleError, DuplicateEdgeError, ParameterError,
                               UnknownLayerTypeError)


def chain(g: Graph, *types: str):
    return add_chain(g, types)


def test_add_connect_topological_order_and_events():
    g = Graph()
    seen = []
    g.node_added.connect(lambda n: seen.append(("node", n.layer_type)))
    g.edge_added.connect(lambda e: seen.append(("edge", e.port)))
    a, b, c = chain(g, "Input", "Dense", "Dense")
    assert [n.id for n in g.topological_order()] == [a.id, b.id, c.id]
    assert seen == [("node", "Input"), ("node", "Dense"), ("edge", 0), ("node", "Dense"),
                    ("edge", 0)]
    assert [n.id for n in g.output_nodes()] == [c.id]
    assert g.node(b.id).params["units"] == 32


def test_cycle_refused_and_graph_unchanged():
    g = Graph()
    i = g.add_node("Input")
    add = g.add_node("Add")
    d1, d2 = g.add_node("Dense"), g.add_node("Dense")
    g.connect(i.id, add.id)
    g.connect(add.id, d1.id)
    g.connect(d1.id, d2.id)
    before = g.to_dict()
    with pytest.raises(CycleError, match="itself"):
        g.connect(add.id, add.id)
    with pytest.raises(CycleError, match="loop"):
        g.connect(d2.id, add.id)
    assert g.to_dict() == before


def test_real_cycle_through_merge():
    g = Graph()
    i = g.add_node("Input")
    a1 = g.add_node("Add")
    d = g.add_node("Dense")
    g.connect(i.id, a1.id)
    g.connect(a1.id, d.id)
    with pytest.raises(CycleError, match="loop"):
        g.connect(d.id, a1.id)


def test_arity_duplicate_and_ports():
    g = Graph()
    i1, i2 = g.add_node("Input"), g.add_node("Input")
    d = g.add_node("Dense")
    g.connect(i1.id, d.id)
    with pytest.raises(ArityError, match="already has an input"):
        g.connect(i2.id, d.id)
    with pytest.raises(ArityError, match="Input"):
        g.connect(d.id, i2.id)
    cat = g.add_node("Concatenate")
    assert g.connect(i1.id, cat.id).port == 0
    with pytest.raises(DuplicateEdgeError):
        g.connect(i1.id, cat.id)
    assert g.connect(i2.id, cat.id).port == 1
    mha = g.add_node("MultiHeadAttention")
    with pytest.raises(ArityError, match="no input 4"):
        g.connect(i1.id, mha.id, port=3)


def test_param_validation_names_node_and_parameter():
    g = Graph()
    d = g.add_node("Dense")
    with pytest.raises(ParameterError, match=r"units=0") as info:
        g.set_param(d.id, "units", 0)
    assert info.value.param == "units" and "Dense" in str(info.value)
    with pytest.raises(ParameterError, match="rate"):
        g.add_node("Dropout", {"rate": 1.0})
    with pytest.raises(ParameterError, match="kernel_size"):
        g.add_node("Conv2D", {"kernel_size": [3]})
    assert g.add_node("Conv2D", {"kernel_size": 5}).params["kernel_size"] == [5, 5]
    with pytest.raises(ParameterError, match="no parameter"):
        g.set_param(d.id, "bogus", 1)
    assert g.node(d.id).params["units"] == 32


def test_unknown_type_and_generic_keras_layer():
    g = Graph()
    with pytest.raises(UnknownLayerTypeError, match="not a built-in Keras layer"):
        g.add_node("NoSuchLayer")
    with pytest.raises(UnknownLayerTypeError, match="Lambda"):
        g.add_node("Lambda")
    n = g.add_node("Maximum", {"some": "config"})
    assert n.spec.is_generic and n.params == {"some": "config"}


def test_remove_node_removes_edges_and_dict_round_trip():
    g = Graph()
    a, b, c = chain(g, "Input", "Dense", "Dense")
    g.move_node(c.id, (10, 20))
    clone = Graph.from_dict(g.to_dict())
    assert clone.to_dict() == g.to_dict()
    removed = []
    g.edge_removed.connect(removed.append)
    g.remove_node(b.id)
    assert len(removed) == 2 and g.edges == []
