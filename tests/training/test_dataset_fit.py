"""Issue 23: an unfinished model is said in plain words, and a model that does not fit
its dataset is fixed by the changes the core proposes (checked by Keras itself)."""
from __future__ import annotations

import pytest

from playground.datasets import load_dataset
from playground.errors import TrainingError
from playground.network.chains import add_chain
from playground.training.dataset_fit import fit_changes, output_for, unfinished_reason
from playground.network.graph import Graph
from playground.network.keras_build import build_model
from playground.session import new_project
from playground.training.losses import check_model_fits_dataset


def test_a_new_project_is_unfinished_and_says_what_is_missing():
    graph = new_project().graph
    assert unfinished_reason(graph) == (
        "The model is not finished: connect a layer after Input and end with an output "
        "layer.")
    assert "no Input layer" in unfinished_reason(Graph())
    add_chain(graph, [("Dense", {"units": 1})])
    graph.connect(graph.nodes[0].id, graph.nodes[1].id)
    assert unfinished_reason(graph) is None


@pytest.mark.parametrize("name, params, units, activation", [
    ("xor", {"samples": 40}, 1, "sigmoid"),
    ("spiral", {"samples": 60, "classes": 3}, 3, "softmax"),
    ("celsius", {"samples": 40}, 1, "linear"),
])
def test_output_for_the_task(name, params, units, activation):
    output = output_for(load_dataset(name, params))
    assert (output.units, output.activation) == (units, activation)


def test_fit_changes_make_keras_accept_the_model():
    dataset = load_dataset("spiral", {"samples": 60, "classes": 3})
    graph = Graph()
    ids = [n.id for n in add_chain(graph, [
        ("Input", {"batch_shape": [None, 5]}), ("Dense", {"units": 8, "activation": "relu"}),
        ("Dense", {"units": 1, "activation": "sigmoid"})])]
    with pytest.raises(TrainingError):
        check_model_fits_dataset(build_model(graph), dataset)
    changes = fit_changes(graph, dataset)
    assert changes == {ids[0]: {"batch_shape": [None, 2]},
                       ids[2]: {"units": 3, "activation": "softmax"}}
    for node_id, update in changes.items():
        graph.set_params(node_id, update)
    check_model_fits_dataset(build_model(graph), dataset)   # Keras agrees now
    assert fit_changes(graph, dataset) == {}
    assert graph.node(ids[1]).params["units"] == 8  # untouched


def test_two_softmax_units_for_two_classes_are_left_alone():
    dataset = load_dataset("xor", {"samples": 40})
    graph = Graph()
    add_chain(graph, [("Input", {"batch_shape": [None, 2]}),
                      ("Dense", {"units": 2, "activation": "softmax"})])
    assert fit_changes(graph, dataset) == {}
