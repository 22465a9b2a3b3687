"""The four projects every deployment export is tested on: small, real datasets."""
from __future__ import annotations

from typing import Callable

from playground.files.project import Project
from playground.network.chains import add_chain, chain_graph
from playground.network.graph import Graph
from tests.conftest import MNIST_SAMPLE


def xor() -> Project:
    graph = chain_graph([("Input", {"batch_shape": [None, 2]}),
                         ("Dense", {"units": 8, "activation": "tanh"}),
                         ("Dense", {"units": 1, "activation": "sigmoid"})], name="xor")
    return Project(graph=graph, dataset={"name": "xor", "params": {"samples": 100}})


def mnist_cnn() -> Project:
    """A tiny CNN whose last Dense layer has 6,760 weights: more than the 1,024 below which
    LiteRT's converter leaves a tensor unquantised, so quantising makes the file smaller."""
    graph = chain_graph([("Input", {"batch_shape": [None, 28, 28, 1]}),
                         ("Conv2D", {"filters": 4, "kernel_size": [3, 3],
                                     "activation": "relu"}),
                         ("MaxPooling2D", {"pool_size": [2, 2]}),
                         ("Flatten", {}),
                         ("Dense", {"units": 10, "activation": "softmax"})], name="mnist_cnn")
    return Project(graph=graph, dataset={"name": "mnist", "params": {
        "subset": 64, "test_subset": 16, "data_dir": str(MNIST_SAMPLE)}})


def sine_lstm() -> Project:
    graph = chain_graph([("Input", {"batch_shape": [None, 20, 1]}),
                         ("LSTM", {"units": 16}),
                         ("Dense", {"units": 1})], name="sine_lstm")
    return Project(graph=graph, dataset={"name": "sine", "params": {"samples": 200,
                                                                   "window": 20}})


def multi_input() -> Project:
    """Two inputs, "point" (the XOR data's shape) and "extra", joined by Concatenate."""
    graph = Graph("two_inputs")
    point = graph.add_node("Input", {"batch_shape": [None, 2]}, name="point")
    extra = graph.add_node("Input", {"batch_shape": [None, 3]}, name="extra")
    dense = graph.add_node("Dense", {"units": 4, "activation": "relu"})
    join = add_chain(graph, [("Concatenate", {}),
                             ("Dense", {"units": 40, "activation": "relu"}),
                             ("Dense", {"units": 1, "activation": "sigmoid"})])[0]
    graph.connect(point.id, dense.id)
    graph.connect(dense.id, join.id)
    graph.connect(extra.id, join.id)
    return Project(graph=graph, dataset={"name": "xor", "params": {"samples": 100}})


def with_weights(make: "Callable[[], Project]") -> "Callable[[], Project]":
    """The project with weights of its own (as a trained one has): every model built from it
    is the same model, so a test can compare a file with a model it builds itself."""
    def factory() -> Project:
        from playground.network.keras_build import build_model, model_weights_by_node

        project = make()
        model = build_model(project.graph, seed=7)
        project.weights = model_weights_by_node(project.graph, model)
        return project

    return factory


PROJECTS = {name: with_weights(make) for name, make in (
    ("xor", xor), ("mnist_cnn", mnist_cnn), ("sine_lstm", sine_lstm),
    ("multi_input", multi_input))}
