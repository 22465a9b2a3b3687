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
from playground.network.app_layers import app_type_for
from playground.network.graph import Graph, Node
from playground.network.layer_calls import PORT_KEY
from playground.network.nested import group_type_for
from playground.network.operations import (ARGS_KEY, is_op_type, op_type_for, template_of,
                                           unsupported_message)
from playground.network.safety import find_unsafe
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
    unsafe = find_unsafe(config)
    if unsafe:
        raise ModelImportError(unsafe)


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


def _type_for(class_name: str, layer_name: str, module: Any = "keras.layers") -> str:
    """The node type for a config entry: a layer, a nested model (group) or an operation."""
    group = group_type_for(class_name)
    if group is not None:
        return group
    if isinstance(module, str) and module.startswith("keras.src.ops"):
        op_type = op_type_for(module, class_name)
        try:
            if op_type is None:
                raise GraphError("not a maths operation")
            return catalog.get(op_type).type_name
        except GraphError:
            raise ModelImportError(unsupported_message(layer_name, module, class_name)) from None
    app_type = app_type_for(module, class_name)
    try:
        return catalog.get(app_type or class_name).type_name
    except GraphError as exc:
        if isinstance(module, str) and module not in ("keras.layers", "keras"):
            raise ModelImportError(_(
                "Layer {layer_name!r} is a {class_name} defined in {module}, not one of the "
                "built-in keras.layers, so it cannot be shown as a node yet. Models made of "
                "keras.layers layers, keras.ops operations and nested models import; replace "
                "it with built-in layers to import this model.").format(
                    layer_name=layer_name, class_name=class_name, module=module)) from None
        raise ModelImportError((_("Layer {layer_name!r} is a {class_name}, which cannot be imported: {exc}")
                                  .format(layer_name=layer_name, class_name=class_name, exc=exc))) from None


def _weights_of(layer: Any) -> list[np.ndarray]:
    from playground.network.vocabulary import layer_state

    return layer_state(layer)  # a lookup layer's learned vocabulary included


def _add_entry(graph: Graph, model: "keras.Model", entry: dict[str, Any],
               weights: Weights) -> Node:
    """The node for one entry of a model's config (its first call), weights included."""
    layer_name = entry["config"].get("name", entry.get("name"))
    layer_type = _type_for(entry["class_name"], layer_name, entry.get("module"))
    params, name, trainable = _node_params(entry["config"])
    node = graph.add_node(layer_type, {}, name=name or layer_name, trainable=trainable)
    # Keep the config verbatim (not merged with catalog defaults): that is what makes
    # the round trip lossless.
    node.params = params
    if not is_op_type(layer_type) and entry["class_name"] != "InputLayer":
        arrays = _weights_of(model.get_layer(layer_name))
        if arrays:
            weights[node.id] = arrays
    return node


def _from_functional(model: "keras.Model") -> tuple[Graph, Weights]:
    config = model.get_config()
    if not isinstance(config, dict) or "layers" not in config:
        raise ModelImportError((_("Model {name!r} is a subclassed model (its structure is Python code, not "
                                  "data), so it cannot be shown as a graph.")
                                  .format(name=model.name)))
    graph = Graph(config.get("name") or model.name)
    weights: Weights = {}
    node_of_call: dict[tuple[str, int], str] = {}  # (layer name, call index) -> node id
    pending: list[tuple[str, dict[str, Any]]] = []
    for entry in config["layers"]:
        layer_name = entry["config"].get("name", entry.get("name"))
        node = _add_entry(graph, model, entry, weights)
        node_of_call[(layer_name, 0)] = node.id
        inbound = entry.get("inbound_nodes", [])
        for index, call in enumerate(inbound):
            caller = node
            if index:  # a shared layer called again: a node that shares the first's layer
                caller = graph.add_node(node.layer_type, {}, trainable=node.trainable,
                                        name=graph.unique_name(f"{node.name} call {index + 1}"),
                                        shares=node.id)
                caller.params = {}
                node_of_call[(layer_name, index)] = caller.id
            pending.append((caller.id, call))
    for node_id, call in pending:
        _connect_call(graph, node_id, call, node_of_call)
    for key, attr in (("input_layers", "input_order"), ("output_layers", "output_order")):
        refs = [(ref[0], int(ref[1])) for ref in _flatten_refs(config.get(key, []))]
        setattr(graph, attr, [node_of_call[r] for r in refs if r in node_of_call])
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
                  node_of_call: dict[tuple[str, int], str]) -> None:
    node = graph.node(node_id)
    args = call.get("args", [])
    kwargs = call.get("kwargs", {})
    tensors: list[dict[str, Any]] = []
    if is_op_type(node.layer_type):
        # Operations mix tensors and constants (x + 3.0): keep the call as a template.
        arg_template = template_of(list(args), tensors, _is_tensor)
        node.call_kwargs = {ARGS_KEY: arg_template, **template_of(dict(kwargs), tensors,
                                                                   _is_tensor)}
        _connect_tensors(graph, node_id, tensors, node_of_call)
        return
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
            call_kwargs[key] = json.loads(json.dumps(value))
    node.call_kwargs = call_kwargs
    if node.call_style == node.spec.call_style:
        node.call_style = None  # the catalog's default already does it
    _connect_tensors(graph, node_id, tensors, node_of_call)


def _connect_tensors(graph: Graph, node_id: str, tensors: list[dict[str, Any]],
                     node_of_call: dict[tuple[str, int], str]) -> None:
    for port, tensor in enumerate(tensors):
        layer_name, node_index, tensor_index = tensor["config"]["keras_history"]
        source = node_of_call.get((layer_name, int(node_index)))
        if source is None:
            raise ModelImportError(_("{name} takes its input from call {call} of {layer!r}, "
                                     "which the model does not contain: the file is damaged.")
                                   .format(name=graph.node(node_id).display_name(),
                                           call=int(node_index) + 1, layer=layer_name))
        graph.connect(source, node_id, port=port, source_port=int(tensor_index))


def _from_sequential(model: "keras.Model") -> tuple[Graph, Weights]:
    config = model.get_config()
    graph = Graph(config.get("name") or model.name)
    weights: Weights = {}
    previous: str | None = None
    for entry in config.get("layers", []):
        node = _add_entry(graph, model, entry, weights)
        if previous is not None:
            graph.connect(previous, node.id)
        previous = node.id
    if not graph.input_nodes():
        raise ModelImportError(_("Sequential model {name} has no input shape, so its layers "
                                 "were never built. Add keras.Input(shape=...) as its first "
                                 "layer and save it again.").format(name=repr(model.name)))

    return graph, weights
