"""Keras -> graph: a model (or a ``.keras`` file, loaded in safe mode) becomes an editable
graph with its layers, connections, parameters, trainable flags and weights, laid out.

Connections are read from the functional config Keras writes (``inbound_nodes``), so the
graph rebuilds to the same config: same layer names, same call structure (a list for merge
layers, positional or keyword tensors for attention), same tensor indices.
"""
from __future__ import annotations

import json
import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from playground.i18n import _
from playground.network import catalog
from playground.errors import GraphError, ModelImportError
from playground.network.graph import Graph
from playground.network.layer_calls import PORT_KEY
from playground.kerasenv import keras as load_keras

if TYPE_CHECKING:
    import keras

Weights = dict[str, list[np.ndarray]]
MAX_CONFIG_BYTES = 64 * 1024 * 1024  # a config.json larger than this is not a real model


def import_keras_file(path: str | Path) -> tuple[Graph, Weights]:
    """Load a ``.keras`` file in Keras safe mode and turn it into a graph with weights."""
    path = Path(path)
    check_keras_file(path)
    keras = load_keras()
    try:
        model = keras.saving.load_model(path, compile=False, safe_mode=True)
    except Exception as exc:  # Keras raises many types for a broken or unsafe file
        raise ModelImportError(_explain_load_error(path, exc)) from exc
    graph, weights = graph_from_model(model)
    return graph, weights


def check_keras_file(path: Path) -> None:
    """Cheap checks before handing a file to Keras: exists, is a zip with a sane config."""
    if not path.is_file():
        raise ModelImportError(_("{path} does not exist or is not a file.").format(path=path))
    if path.stat().st_size == 0:
        raise ModelImportError((_("{name} is empty (0 bytes): it is not a Keras model.")
                                  .format(name=path.name)))
    if not zipfile.is_zipfile(path):
        raise ModelImportError((_("{name} is not a .keras model file (a .keras file is a zip archive made "
                                  "by model.save). Choose a file saved with Keras 3's "
                                  "model.save('name.keras').")
                                  .format(name=path.name)))
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("config.json")
            if info.file_size > MAX_CONFIG_BYTES:
                raise ModelImportError((_("{name}: its model description is {value} MB, too large to be real.")
                                          .format(name=path.name, value=info.file_size // 2**20)))
            config = json.loads(zf.read(info).decode("utf-8"))
    except KeyError:
        raise ModelImportError((_("{name} has no config.json: it is not a Keras 3 model file (old .h5 "
                                  "models must be re-saved as .keras).")
                                  .format(name=path.name))) from None
    except RecursionError:
        raise ModelImportError((_("{name}: its model description is nested too deeply to be a real model; "
                                  "the file is damaged or crafted.")
                                  .format(name=path.name))) from None
    except (zipfile.BadZipFile, OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError,
            ValueError, NotImplementedError, RuntimeError, zlib.error) as exc:
        # zipfile raises ValueError/NotImplementedError/RuntimeError for bad offsets,
        # unknown compression and encrypted members.
        raise ModelImportError((_("{name} is damaged or truncated ({exc}). Save the model again.")
                                  .format(name=path.name, exc=exc))) from None
    unsafe = _find_unsafe(config)
    if unsafe:
        raise ModelImportError(unsafe)


def _find_unsafe(obj: Any, depth: int = 0) -> str | None:
    """A reason to refuse if the config asks for code (Lambda, custom objects)."""
    if depth > 200:
        return _("The model description is nested too deeply to be a real model.")
    if isinstance(obj, dict):
        cls = obj.get("class_name")
        if cls == "Lambda":
            name = obj.get("config", {}).get("name", "?") if isinstance(obj.get("config"),
                                                                         dict) else "?"
            return ((_("The model contains a Lambda layer ({name!r}), which runs Python code "
                       "stored in the file. For your safety it is refused (Keras safe mode). "
                       "Replace the Lambda with built-in layers and save the model again.")
                       .format(name=name)))
        if obj.get("registered_name") and isinstance(obj.get("registered_name"), str) \
                and ">" in obj["registered_name"]:
            return ((_("The model uses a custom object {registered_name!r} whose code is not "
                       "part of Keras, so it cannot be loaded safely. Only models made of "
                       "built-in Keras layers can be imported.")
                       .format(registered_name=obj['registered_name'])))
        for value in obj.values():
            found = _find_unsafe(value, depth + 1)
            if found:
                return found
    elif isinstance(obj, list):
        for value in obj:
            found = _find_unsafe(value, depth + 1)
            if found:
                return found
    return None


def _explain_load_error(path: Path, exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "safe_mode" in str(exc) or "unsafe" in str(exc).lower():
        return ((_("{name} needs to run code stored in the file (e.g. a Lambda layer), "
                   "which is refused for your safety (Keras safe mode).")
                   .format(name=path.name)))
    if "Could not locate" in str(exc) or "Unknown layer" in str(exc):
        return ((_("{name} uses a layer or object that is not built into Keras ({text}). "
                   "Only models made of built-in Keras layers can be imported.")
                   .format(name=path.name, text=text)))
    return _("Keras could not load {name}: {text}").format(name=path.name, text=text)


def graph_from_model(model: "keras.Model") -> tuple[Graph, Weights]:
    """Turn a built Keras model (functional or Sequential) into a laid-out graph."""
    keras = load_keras()
    if isinstance(model, keras.Sequential):
        graph, weights = _from_sequential(model)
    else:
        graph, weights = _from_functional(model)
    from playground.network.layout import auto_layout

    auto_layout(graph)
    return graph, weights


def _node_params(layer_config: dict[str, Any]) -> tuple[dict[str, Any], str | None, bool]:
    # JSON form (lists, not tuples), exactly as the config reads back from a project file.
    config = json.loads(json.dumps(layer_config))
    name = config.pop("name", None)
    trainable = bool(config.pop("trainable", True))
    batch_shape = config.get("batch_shape")
    if isinstance(batch_shape, list) and batch_shape and batch_shape[0] is not None:
        # A fixed batch size (keras.Input(batch_size=32)): the app trains with any batch
        # size, and a project stores the batch axis as None.
        config["batch_shape"] = [None, *batch_shape[1:]]
    return config, name, trainable


def _type_for(class_name: str, layer_name: str) -> str:
    try:
        return catalog.get(class_name).type_name
    except GraphError as exc:
        raise ModelImportError((_("Layer {layer_name!r} is a {class_name}, which cannot be imported: {exc}")
                                  .format(layer_name=layer_name, class_name=class_name, exc=exc))) from None


def _weights_of(layer: Any) -> list[np.ndarray]:
    from playground.network.vocabulary import layer_state

    return layer_state(layer)  # a lookup layer's learned vocabulary included


def _from_functional(model: "keras.Model") -> tuple[Graph, Weights]:
    config = model.get_config()
    if not isinstance(config, dict) or "layers" not in config:
        raise ModelImportError((_("Model {name!r} is a subclassed model (its structure is Python code, not "
                                  "data), so it cannot be shown as a graph.")
                                  .format(name=model.name)))
    graph = Graph(config.get("name") or model.name)
    weights: Weights = {}
    node_of_layer: dict[str, str] = {}
    pending: list[tuple[str, dict[str, Any]]] = []
    for entry in config["layers"]:
        layer_name = entry["config"].get("name", entry.get("name"))
        class_name = entry["class_name"]
        if class_name in ("Functional", "Sequential", "Model"):
            raise ModelImportError((_("Layer {layer_name!r} is a whole model nested inside this one. Nested "
                                      "models are not supported yet: build the model as one flat functional "
                                      "model and save it again.")
                                      .format(layer_name=layer_name)))
        inbound = entry.get("inbound_nodes", [])
        if len(inbound) > 1:
            raise ModelImportError((_("Layer {layer_name!r} is shared (used {inbound} times). Shared layers "
                                      "are not supported: give each use its own layer.")
                                      .format(layer_name=layer_name, inbound=len(inbound))))
        params, name, trainable = _node_params(entry["config"])
        layer_type = _type_for(class_name, layer_name)
        node = graph.add_node(layer_type, {}, name=name or layer_name, trainable=trainable)
        # Keep the config verbatim (not merged with catalog defaults): that is what makes
        # the round trip lossless.
        node.params = params
        node_of_layer[layer_name] = node.id
        weights_list = _weights_of(model.get_layer(layer_name))
        if weights_list:
            weights[node.id] = weights_list
        if inbound:
            pending.append((node.id, inbound[0]))
    for node_id, call in pending:
        _connect_call(graph, node_id, call, node_of_layer)
    for key, attr in (("input_layers", "input_order"), ("output_layers", "output_order")):
        names = [ref[0] for ref in _flatten_refs(config.get(key, []))]
        setattr(graph, attr, [node_of_layer[n] for n in names if n in node_of_layer])
    return graph, weights


def _flatten_refs(refs: Any) -> list[list[Any]]:
    """output_layers is [name, node, tensor] or a (nested) list of those."""
    if isinstance(refs, list) and len(refs) == 3 and isinstance(refs[0], str):
        return [refs]
    if isinstance(refs, (list, dict)):
        values = refs.values() if isinstance(refs, dict) else refs
        return [r for v in values for r in _flatten_refs(v)]
    return []


def _is_tensor(obj: Any) -> bool:
    return isinstance(obj, dict) and obj.get("class_name") == "__keras_tensor__"


def _connect_call(graph: Graph, node_id: str, call: dict[str, Any],
                  node_of_layer: dict[str, str]) -> None:
    node = graph.node(node_id)
    args = call.get("args", [])
    kwargs = call.get("kwargs", {})
    tensors: list[dict[str, Any]] = []
    if len(args) == 1 and isinstance(args[0], list) and all(_is_tensor(a) for a in args[0]):
        node.call_style = "list"
        tensors = list(args[0])
    else:
        for arg in args:
            if not _is_tensor(arg):
                raise ModelImportError((_("Layer {name!r} is called with a non-tensor positional argument, which "
                                          "is not supported.")
                                          .format(name=node.name)))
            tensors.append(arg)
        if len(tensors) > 1 or node.spec.call_style == "positional":
            node.call_style = "positional"
        elif node.spec.call_style == "list":
            node.call_style = "single"
    call_kwargs: dict[str, Any] = {}
    for key, value in kwargs.items():
        if _is_tensor(value):
            call_kwargs[key] = {PORT_KEY: len(tensors)}
            tensors.append(value)
        else:
            call_kwargs[key] = value
    node.call_kwargs = call_kwargs
    if node.call_style == node.spec.call_style:
        node.call_style = None  # the catalog's default already does it
    for port, tensor in enumerate(tensors):
        layer_name, _node_index, tensor_index = tensor["config"]["keras_history"]
        graph.connect(node_of_layer[layer_name], node_id, port=port,
                      source_port=int(tensor_index))


def _from_sequential(model: "keras.Model") -> tuple[Graph, Weights]:
    config = model.get_config()
    graph = Graph(config.get("name") or model.name)
    weights: Weights = {}
    previous: str | None = None
    for entry in config.get("layers", []):
        params, name, trainable = _node_params(entry["config"])
        layer_type = _type_for(entry["class_name"], name or "?")
        node = graph.add_node(layer_type, {}, name=name, trainable=trainable)
        node.params = params
        if entry["class_name"] != "InputLayer":
            arrays = _weights_of(model.get_layer(name))
            if arrays:
                weights[node.id] = arrays
        if previous is not None:
            graph.connect(previous, node.id)
        previous = node.id
    if not graph.input_nodes():
        raise ModelImportError(_("Sequential model {name} has no input shape, so its layers "
                                 "were never built. Add keras.Input(shape=...) as its first "
                                 "layer and save it again.").format(name=repr(model.name)))

    return graph, weights
