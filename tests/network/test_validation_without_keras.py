"""Whether a parameter is valid never depends on whether Keras has finished loading.

The app validates layers from the moment the window opens, seconds before TensorFlow is
imported; a value accepted then must not be refused later (by shape inference, a mouse
press that copies the graph, export or reopening the file), and the other way round.
"""
from __future__ import annotations

import json
import subprocess
import sys

from playground.errors import ParameterError
from playground.network.graph import Graph

# Catalog choices, names only newer Keras knows, and names no Keras knows.
NAMES = ["relu", "gelu", "celu", "hard_silu", "sparsemax", "not_an_activation", "Relu",
         "softmax2", "log_softmax", "deserialize", "get"]


def _verdicts() -> dict[str, bool]:
    verdict = {}
    for name in NAMES:
        try:
            Graph().add_node("Dense", {"units": 2, "activation": name})
            verdict[name] = True
        except ParameterError:
            verdict[name] = False
    return verdict


def _verdicts_before_keras() -> dict[str, bool]:
    """The verdicts in a fresh interpreter that has not imported Keras (as at start-up)."""
    script = ("import json, sys\n"
              "from tests.network.test_validation_without_keras import _verdicts\n"
              "result = _verdicts()\n"
              "assert 'keras' not in sys.modules, 'validation imported Keras'\n"
              "print(json.dumps(result))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_activation_verdict_is_the_same_before_and_after_keras_loads():
    before = _verdicts_before_keras()
    from playground.kerasenv import keras

    keras()  # now Keras is loaded in this process
    assert _verdicts() == before
    assert before["relu"] and before["celu"] and not before["not_an_activation"]
    assert not before["get"]  # a function of keras.activations, not an activation


def test_static_activation_names_are_exactly_the_ones_keras_knows():
    from playground.kerasenv import keras
    from playground.network.specs import KERAS_ACTIVATIONS

    activations = keras().activations
    helpers = {"get", "serialize", "deserialize"}
    known = {n for n in dir(activations) if not n.startswith("_") and n not in helpers
             and callable(getattr(activations, n))}
    assert set(KERAS_ACTIVATIONS) == known
    for name in KERAS_ACTIVATIONS:
        assert callable(activations.get(name))


def test_refused_activation_says_what_is_accepted():
    try:
        Graph().add_node("Dense", {"activation": "rellu"})
    except ParameterError as exc:
        assert "rellu" in str(exc) and "relu" in str(exc)
    else:
        raise AssertionError("an unknown activation was accepted")


def test_copy_is_structural_and_independent():
    graph = Graph()
    a = graph.add_node("Input", {"batch_shape": [None, 4]}, (1.0, 2.0), name="x")
    b = graph.add_node("Dense", {"units": 3, "activation": "celu"}, call_kwargs={"k": [1]},
                       call_style="list")
    graph.connect(a.id, b.id)
    graph.output_order = [b.id]
    twin = graph.copy()
    assert twin.to_dict() == graph.to_dict()
    twin.node(b.id).call_kwargs["k"].append(2)
    twin.set_params(b.id, {"units": 5})
    assert graph.node(b.id).call_kwargs == {"k": [1]} and graph.node(b.id).params["units"] == 3
    # new ids in the copy never collide with the original's
    assert twin.add_node("Dense").id not in graph


def test_catalog_choices_are_keras_activations():
    from playground.network.layer_specs import ACTIVATIONS
    from playground.network.specs import KERAS_ACTIVATIONS

    assert set(ACTIVATIONS) <= KERAS_ACTIVATIONS
