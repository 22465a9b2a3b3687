"""Bad values typed into the inspector: every parameter of every catalog layer, fed hostile
text through the inspector's parser and the catalog's check, either refuses it with a
reason that names the parameter, or accepts a value Keras itself accepts."""
from __future__ import annotations

import pytest

from playground.network import catalog
from playground.errors import ParameterError
from playground.network.graph import Graph
from playground.files.project import Project, project_from_bytes, project_to_bytes
from ui.param_widgets import parse_text

HOSTILE_TEXTS = ["", " ", "abc", "-1", "0", "1", "2.5", "-0.5", "1e400", "nan", "inf",
                 "99999999999999999999", "None", "[", "[" * 50_000, "{}", "[]", "3, 3",
                 "0, 0", "-1, 2", "1, 2, 3, 4, 5", "[[1, 2], [3, 4]]", "true", '"relu"',
                 "🙂", "relu; import os"]

SPECS = [(spec, p) for spec in catalog.all_specs() for p in spec.params]


def _keras_accepts(spec: catalog.LayerSpec, params: dict) -> str | None:
    """Keras's own verdict on constructing the layer: None when it accepts."""
    from playground.kerasenv import keras

    cls = getattr(keras().layers, spec.keras_class)
    config = dict(params)
    if spec.keras_class == "InputLayer":
        return None  # Input is built from its shape by keras.Input, checked by shapes
    try:
        cls.from_config(config)
    except Exception as exc:  # noqa: BLE001 - any Keras refusal is the answer we want
        return f"{type(exc).__name__}: {exc}"
    return None


@pytest.fixture(scope="module", autouse=True)
def keras_loaded():
    """In the app TensorFlow loads in the background within seconds of start; activation
    names are checked against Keras once it is there."""
    from playground.kerasenv import keras

    keras()


@pytest.mark.parametrize("spec,param", SPECS, ids=[f"{s.type_name}.{p.name}" for s, p in SPECS])
def test_inspector_refuses_what_keras_would_reject(spec, param):
    gaps = []
    for text in HOSTILE_TEXTS:
        graph = Graph()
        node = graph.add_node(spec.type_name)
        before = dict(node.params)
        try:
            value = parse_text(param, text)
            graph.set_param(node.id, param.name, value)
        except ParameterError as exc:
            message = str(exc)
            assert param.name in message or param.title in message, message
            assert node.params == before  # refused: nothing changed
            continue
        verdict = _keras_accepts(spec, node.params)
        if verdict is not None:
            gaps.append(f"{param.name}={text[:20]!r} -> {node.params[param.name]!r}: "
                        f"{verdict[:160]}")
        # Whatever was accepted saves and reopens the same.
        again = project_from_bytes(project_to_bytes(Project(graph=graph)))
        assert again.graph.node(node.id).params == node.params
    assert not gaps, "accepted by the inspector but refused by Keras:\n" + "\n".join(gaps)
