"""Shape inference: each node's output shape and parameter count, computed by Keras.

Each layer is created from its config and called on symbolic ``KerasTensor`` inputs, exactly
as building the model would; Keras's own rules decide. Results are cached by (layer config,
input shapes), so re-running after an edit only asks Keras about the nodes the edit touched.
Keras's errors are translated into plain sentences that name the node and the fix.
"""
from __future__ import annotations

import json
import math
import threading
import re
from dataclasses import dataclass, field
from typing import Any

from playground.i18n import _
from playground.network.graph import Graph, Node
from playground.network.masks import attach_masks, mask_warnings, output_masks
from playground.network.operations import expected_inputs, is_op_type
from playground.network.sharing import call_order, owner_of, sharing_problem
from playground.kerasenv import keras as load_keras

Shape = tuple[int | None, ...]


@dataclass(frozen=True)
class NodeShape:
    output_shape: Shape | list[Shape] | None = None
    params: int = 0
    trainable_params: int = 0
    error: str | None = None
    warning: str | None = None
    dtype: str | None = None
    # The shape of the padding mask each output carries (None: none); see masks.py.
    output_masks: tuple[Shape | None, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None and self.output_shape is not None

    def shape_text(self) -> str:
        return format_shape(self.output_shape)


@dataclass
class ShapeReport:
    nodes: dict[str, NodeShape] = field(default_factory=dict)
    graph_errors: list[str] = field(default_factory=list)

    @property
    def total_params(self) -> int:
        return sum(s.params for s in self.nodes.values())

    @property
    def trainable_params(self) -> int:
        return sum(s.trainable_params for s in self.nodes.values())

    @property
    def non_trainable_params(self) -> int:
        return self.total_params - self.trainable_params

    @property
    def ok(self) -> bool:
        return not self.graph_errors and all(s.error is None for s in self.nodes.values())

    def node_errors(self) -> dict[str, str]:
        return {nid: s.error for nid, s in self.nodes.items() if s.error}

    def error_summary(self) -> str:
        lines = list(self.graph_errors) + list(self.node_errors().values())
        return "\n".join(lines) if lines else _("No errors.")


def format_shape(shape: Any) -> str:
    if shape is None:
        return "?"
    if isinstance(shape, list):
        return ", ".join(format_shape(s) for s in shape)
    return "(" + ", ".join("None" if d is None else str(d) for d in shape) + ")"


# (type, params json, trainable, call, input signature) -> (shapes, dtypes, params, trainable)
# Shared by every thread that infers shapes (the app's shape worker, an import, the CLI):
# looked up and filled under the lock, while Keras itself runs outside it.
_cache: dict[tuple[Any, ...], tuple[Any, ...]] = {}
_cache_lock = threading.Lock()
_CACHE_LIMIT = 20_000
# A layer whose weights would take more than this is refused before it is built: a careless
# 65536 x 65536 Dense is 16 GB of float32 (no real model on this app's scale needs 2 GB).
MAX_LAYER_WEIGHT_BYTES = 2 * 2**30


def weight_bytes(layer: Any) -> int:
    """What ``layer``'s weights take once allocated, from their shapes and dtypes only."""
    import numpy as np

    total = 0
    for w in layer.weights:
        total += int(math.prod(int(d) for d in w.shape)) * np.dtype(str(w.dtype)).itemsize
    return total


def format_bytes(size: int) -> str:
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} B"


def _symbolic_call(keras: Any, make: Any, call: Any) -> tuple[Any, Any]:
    """``make()`` then ``call(layer)`` with every weight created as a shape and a dtype
    only: inside a stateless scope Keras defers the initializers, and the deferred
    variables are dropped afterwards instead of being allocated. Shape inference of a
    65536-unit Dense takes kilobytes, not gigabytes."""
    from keras.src.backend.common import global_state

    pending = list(global_state.get_global_attribute("uninitialized_variables", []) or [])
    try:
        with keras.StatelessScope(initialize_variables=False):
            layer = make()
            result = call(layer)
    finally:  # this thread's list of variables to initialize later: leave out ours
        global_state.set_global_attribute("uninitialized_variables", pending)
    return layer, result


def infer_shapes(graph: Graph) -> ShapeReport:
    """Output shape, parameter count and an error or warning for every node."""
    keras = load_keras()
    from playground.network.layer_calls import as_output_list, call_layer, layer_names, make_layer

    report = ShapeReport()
    if len(graph) == 0:
        return report
    if not graph.input_nodes():
        report.graph_errors.append(_("The model has no Input layer: add one from the palette "
                                     "(Core → Input) and connect it to the first layer."))
    names = layer_names(graph)
    outputs: dict[str, list[tuple[Shape, str]]] = {}  # node id -> [(shape, dtype)] per output
    masks: dict[str, list[Shape | None]] = {}  # node id -> its outputs' mask shapes
    first_call: dict[str, tuple[tuple[Shape, str], ...]] = {}  # owner id -> its input sig
    for node in call_order(graph):
        incoming = graph.incoming(node.id)
        spec = node.spec
        missing = _missing_inputs(graph, node, len(incoming)) or sharing_problem(graph, node)
        if missing:
            report.nodes[node.id] = NodeShape(error=missing)
            continue
        if any(e.source not in outputs for e in incoming):
            report.nodes[node.id] = NodeShape(
                error=_("{display_name} waits for a valid input: fix the red layer before it "
                        "first.").format(display_name=node.display_name()))
            continue
        bad_port = next((e for e in incoming
                         if e.source_port >= len(outputs[e.source])), None)
        if bad_port is not None:
            report.nodes[node.id] = NodeShape(
                error=(_("{display_name} is connected to output {value} of {display_name2}, which "
                         "has only {outputs}.")
                         .format(display_name=node.display_name(), value=bad_port.source_port + 1, display_name2=graph.node(bad_port.source).display_name(), outputs=len(outputs[bad_port.source]))))
            continue
        in_sig = tuple(outputs[e.source][e.source_port] for e in incoming)
        owner = owner_of(graph, node) or node
        if owner is not node:
            mismatch = _shared_mismatch(node, owner, in_sig, first_call.get(owner.id))
            if mismatch:
                report.nodes[node.id] = NodeShape(error=mismatch)
                continue
        else:
            first_call[node.id] = in_sig
        in_masks = tuple(masks[e.source][e.source_port] for e in incoming)
        key = (spec.type_name, _stable_json(owner.params), owner.trainable,
               _stable_json(node.call_kwargs), node.call_style, in_sig, in_masks,
               owner is not node)
        with _cache_lock:
            cached = _cache.get(key)
        if cached is None:
            dropped: list[str] = []  # Keras's warnings about a mask the layer drops
            try:
                def call(layer: Any, node: Node = node, in_sig: Any = in_sig,
                         in_masks: Any = in_masks, dropped: list[str] = dropped) -> list[Any]:
                    if node.spec.is_input:
                        return [layer.output]
                    tensors = [keras.KerasTensor(shape, dtype=dtype) for shape, dtype in in_sig]
                    attach_masks(tensors, in_masks)  # Keras passes masks along implicitly
                    with mask_warnings() as caught:
                        result = as_output_list(call_layer(node, layer, tensors))
                    dropped.extend(caught)
                    return result

                layer, result = _symbolic_call(
                    keras, lambda owner=owner: make_layer(owner, names[owner.id]), call)
                size = weight_bytes(layer) if not is_op_type(node.layer_type) else 0
                if size > MAX_LAYER_WEIGHT_BYTES:
                    report.nodes[node.id] = NodeShape(error=_(
                        "{name}: its weights would take {size}, more than the {limit} a layer "
                        "may have. Use fewer units or filters (or a smaller input before "
                        "it).").format(name=node.display_name(), size=format_bytes(size),
                                       limit=format_bytes(MAX_LAYER_WEIGHT_BYTES)))
                    continue
                shapes = [tuple(t.shape) for t in result]
                dtypes = [str(t.dtype) for t in result]
                out_masks = output_masks(result)
                params = trainable = 0  # operations and second calls own no weights
                if not is_op_type(node.layer_type) and owner is node and layer.built:
                    params = int(layer.count_params())
                    trainable = sum(int(math.prod(w.shape)) for w in layer.trainable_weights)
            except Exception as exc:  # Keras reports bad configs with many exception types
                report.nodes[node.id] = NodeShape(error=explain_error(node, exc, in_sig))
                continue
            cached = (shapes, dtypes, params, trainable, out_masks, dropped[:1])
            with _cache_lock:
                if len(_cache) > _CACHE_LIMIT:
                    _cache.clear()
                _cache[key] = cached
        shapes, dtypes, params, trainable, out_masks, dropped = cached
        outputs[node.id] = list(zip(shapes, dtypes))
        masks[node.id] = list(out_masks)
        warning = _warning(graph, node, in_sig)
        if dropped:
            warning = _("{name} cannot use the padding mask it receives, so it drops it and "
                        "treats the padding as data (Keras: {message}). Put a layer that "
                        "uses masks before it (an RNN, GlobalAveragePooling1D), or turn off "
                        "mask_zero / remove the Masking layer.").format(
                            name=node.display_name(), message=dropped[0])
        report.nodes[node.id] = NodeShape(
            output_shape=shapes[0] if len(shapes) == 1 else list(shapes),
            params=params, trainable_params=trainable if owner.trainable else 0,
            warning=warning, dtype=dtypes[0], output_masks=tuple(out_masks))
    return report


def _shared_mismatch(node: Node, owner: Node, in_sig: tuple[tuple[Shape, str], ...],
                     owner_sig: tuple[tuple[Shape, str], ...] | None) -> str | None:
    """A shared layer has one set of weights, so each call must receive what the first
    call receives (the batch axis aside)."""
    if owner_sig is None:
        return _("{name} shares the layer of {owner}, which has no valid input yet: fix "
                 "that layer first.").format(name=node.display_name(),
                                             owner=owner.display_name())
    if [(s[1:], d) for s, d in in_sig] != [(s[1:], d) for s, d in owner_sig]:
        got = ", ".join(format_shape(s) for s, _dtype in in_sig)
        want = ", ".join(format_shape(s) for s, _dtype in owner_sig)
        return _("{name} shares the layer (and its weights) of {owner}, so it must receive "
                 "what that one receives: {want}, but receives {got}. Connect a matching "
                 "input, or make it a separate layer.").format(
                     name=node.display_name(), owner=owner.display_name(), want=want, got=got)
    return None


def _missing_inputs(graph: Graph, node: Node, count: int) -> str | None:
    spec = node.spec
    if spec.is_input:
        return None
    wanted = expected_inputs(node.call_kwargs) if is_op_type(node.layer_type) else None
    if wanted is not None and count != wanted:
        return _("{name}: the operation {op} was made for {wanted} input(s) but {count} "
                 "are connected: connect exactly {wanted}.").format(
                     name=node.display_name(), op=spec.keras_class, wanted=wanted, count=count)
    if count == 0:
        return ((_("{display_name} has no input: drag a connection from the output of the "
                   "layer before it (or from an Input) to this layer.")
                   .format(display_name=node.display_name())))
    if count < spec.min_inputs:
        return ((_("{display_name} needs {arity_text} but has {count}: connect {value} more "
                   "layer(s) to it.")
                   .format(display_name=node.display_name(), arity_text=spec.arity_text(), count=count, value=spec.min_inputs - count)))
    ports = sorted(e.port for e in graph.incoming(node.id))
    if ports != list(range(len(ports))):
        gap = next(i for i in range(len(ports) + 1) if i not in ports)
        return ((_("{display_name}: its {gap} is not connected; connect it, or move the "
                   "connection to the free input.")
                   .format(display_name=node.display_name(), gap=spec.port_name(gap))))
    return None


def _warning(graph: Graph, node: Node, in_sig: tuple[tuple[Shape, str], ...]) -> str | None:
    if node.spec.is_input and not graph.outgoing(node.id):
        return ((_("{display_name} is not connected to anything: connect it to the first "
                   "layer, or delete it.")
                   .format(display_name=node.display_name())))
    if node.layer_type == "Dense" and in_sig and len(in_sig[0][0]) > 2:
        shape = format_shape(in_sig[0][0])
        return (_("Dense receives {shape}, not a flat list of numbers, so it works on the "
                  "last axis only. To classify whole images, add a Flatten (or "
                  "GlobalAveragePooling2D) before it.").format(shape=shape))
    return None


def _stable_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


_NDIM = re.compile(r"expected (?:min_)?ndim=(\d+), found ndim=(\d+)")


def explain_error(node: Node, exc: Exception, in_sig: tuple[tuple[Shape, str], ...]) -> str:
    """Keras's exception -> one plain sentence naming the node and the fix."""
    name = node.display_name()
    kind = node.layer_type
    text = str(exc)
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    in_shape = format_shape(in_sig[0][0]) if in_sig else "nothing"
    params = node.params
    m = _NDIM.search(text)
    if m:
        want = int(m.group(1))
        if want == 4:
            return ((_("{name}: {kind} needs images shaped (height, width, channels) but "
                       "receives {in_shape}. Add a Reshape before it (e.g. to [28, 28, 1]).")
                       .format(name=name, kind=kind, in_shape=in_shape)))
        if want == 3:
            return (_("{name}: {kind} needs a sequence shaped (steps, features) but receives "
                      "{in_shape}. Add a Reshape (e.g. to [steps, 1]) or an Embedding before "
                      "it.").format(name=name, kind=kind, in_shape=in_shape))
        return ((_("{name}: {kind} needs an input with {value} axes per example but "
                   "receives {in_shape}. Add a Reshape or Flatten before it.")
                   .format(name=name, kind=kind, value=want - 1, in_shape=in_shape)))
    low = text.lower()
    if "negative" in low or ("output size" in low and "0" in low) or "too small" in low:
        window = params.get("kernel_size") or params.get("pool_size")
        what = "kernel_size" if "kernel_size" in params else "pool_size"
        return ((_("{name}: the {kind} window {window} is larger than its input {in_shape}. "
                   "Use a smaller {what}, padding='same', or remove a pooling layer before "
                   "it.")
                   .format(name=name, kind=kind, window=window, in_shape=in_shape, what=what)))
    if kind == "Reshape" or "total size" in low or "cannot reshape" in low:
        target = params.get("target_shape")
        if in_sig and all(d is not None for d in in_sig[0][0][1:]):
            size = math.prod(in_sig[0][0][1:])
            return ((_("{name}: Reshape to {target} needs the same number of values per "
                       "example, but receives {in_shape} = {size} values. Choose a target shape "
                       "whose sizes multiply to {size}.")
                       .format(name=name, target=target, in_shape=in_shape, size=size)))
    if node.spec.category == "Merge" or kind in ("MultiHeadAttention",):
        shapes = " and ".join(format_shape(s) for s, _ in in_sig)
        return ((_("{name}: {kind} cannot combine inputs shaped {shapes}. {kind2}")
                   .format(name=name, kind=kind, shapes=shapes, kind2=_merge_fix(kind))))
    if "units" in low and "positive" in low:
        return (_("{name}: units must be a positive whole number. Received: {first}")
                  .format(name=name, first=first))
    return (_("{name}: Keras refused this {kind}: {first}")
              .format(name=name, kind=kind, first=first))


def _merge_fix(kind: str) -> str:
    if kind == "Concatenate":
        return (_("All sizes must match except along the joining axis: change the layers "
                  "feeding it (or its axis) so they do."))
    if kind == "MultiHeadAttention":
        return _("Query, value and key must be sequences (batch, steps, features).")
    return (_("Its inputs must have the same shape: change the layers feeding it (e.g. the same "
              "units) so they match."))
