"""Live 2-D views of small dense networks straight from their weights, in numpy.

TensorFlow Playground redraws its decision boundary and every neuron's picture each epoch.
A 100×100 grid through a few Dense layers is microseconds of arithmetic per neuron; what
makes it slow through Keras is the Python round trip of a model call. So for a model that
is a plain chain of Dense layers on 2-D input, the weights are copied (a snapshot, cheap
on the training thread) and the grid is pushed through them here with numpy, coloured
too, so the UI thread only uploads finished pictures.

Models that are not such a chain return None from :func:`dense_chain`; their views go
through Keras (:mod:`playground.insight.boundary`, :mod:`playground.insight.neurons`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from playground.insight._model import activation_name, model_layers
from playground.insight.boundary import GridSpec, grid_result
from playground.insight.colors import neuron_pictures, with_pictures
from playground.insight.neurons import MAX_UNITS_PER_LAYER, LayerNeuronMaps, NeuronMaps
from playground.insight.weights import (SMALL_MLP_MAX_UNITS, WeightsSnapshot,
                                        LayerHistograms, edges_from_kernels, histogram)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)  # the same as 1/(1+e^-x), without overflow


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _elu(x: np.ndarray) -> np.ndarray:
    return np.where(x > 0, x, np.expm1(np.minimum(x, 0)))


def _selu(x: np.ndarray) -> np.ndarray:
    return 1.0507009873554805 * np.where(x > 0, x, 1.6732632423543772
                                         * np.expm1(np.minimum(x, 0)))


# Keras's activations, as numpy (Keras's own defaults: leaky_relu slope 0.2).
ACTIVATIONS: dict[str | None, Callable[[np.ndarray], np.ndarray]] = {
    None: lambda x: x,
    "linear": lambda x: x,
    "relu": lambda x: np.maximum(x, 0),
    "tanh": np.tanh,
    "sigmoid": _sigmoid,
    "softmax": _softmax,
    "leaky_relu": lambda x: np.where(x > 0, x, 0.2 * x),
    "elu": _elu,
    "selu": _selu,
    "softplus": lambda x: np.logaddexp(x, 0),
    "softsign": lambda x: x / (1 + np.abs(x)),
    "silu": lambda x: x * _sigmoid(x),
    "swish": lambda x: x * _sigmoid(x),
}
# Layers that do nothing when the model predicts (training=False).
_PASS_THROUGH = {"Dropout", "GaussianNoise", "GaussianDropout", "AlphaDropout"}


@dataclass(frozen=True)
class DenseChain:
    """The Dense layers of a model that is nothing but 2 inputs -> Dense -> … -> Dense."""

    layers: tuple[Any, ...]
    activations: tuple[str | None, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(layer.name for layer in self.layers)

    def snapshot(self) -> list[tuple[np.ndarray, np.ndarray | None]]:
        """Copies of each layer's kernel and bias (the training goes on changing them)."""
        out = []
        for layer in self.layers:
            bias = layer.bias if layer.use_bias else None
            out.append((np.array(layer.kernel.numpy(), np.float32),
                        None if bias is None else np.array(bias.numpy(), np.float32)))
        return out


def dense_chain(model: Any) -> DenseChain | None:
    """The model as a :class:`DenseChain`, or None when it is anything else (other layers,
    branches, an activation not known here, input not 2 numbers)."""
    inputs = getattr(model, "inputs", None)
    outputs = getattr(model, "outputs", None)
    if not inputs or len(inputs) != 1 or tuple(inputs[0].shape[1:]) != (2,) \
            or not outputs or len(outputs) != 1:
        return None
    chain = _chain_to(outputs[0])
    if chain is None or len(chain) != len(model_layers(model)):
        return None  # a layer off the path from input to output: not a plain chain
    if any(type(layer).__name__ not in ("Dense", *_PASS_THROUGH) for layer in chain):
        return None
    dense = [layer for layer in chain if type(layer).__name__ == "Dense"]
    activations = tuple(activation_name(layer) for layer in dense)
    if not dense or any(name not in ACTIVATIONS for name in activations):
        return None
    return DenseChain(tuple(dense), activations)


def _chain_to(tensor: Any) -> list[Any] | None:
    """The layers from the input to ``tensor`` when each has exactly one input and is
    used once; None for anything with branches."""
    chain: list[Any] = []
    while True:
        history = getattr(tensor, "_keras_history", None)
        if history is None:
            return None
        layer = history[0]
        if type(layer).__name__ == "InputLayer":
            chain.reverse()
            return chain
        nodes = getattr(layer, "_inbound_nodes", [])
        if len(nodes) != 1 or len(nodes[0].input_tensors) != 1:
            return None
        chain.append(layer)
        tensor = nodes[0].input_tensors[0]


def forward(weights: list[tuple[np.ndarray, np.ndarray | None]],
            activations: tuple[str | None, ...], points: np.ndarray) -> list[np.ndarray]:
    """Every layer's output for ``points`` (n, 2), float32, like ``model(points)``."""
    h = np.asarray(points, np.float32)
    outputs = []
    for (kernel, bias), name in zip(weights, activations):
        h = h @ kernel
        if bias is not None:
            h += bias
        h = ACTIVATIONS[name](h).astype(np.float32, copy=False)
        outputs.append(h)
    return outputs


Weights = list[tuple[np.ndarray, np.ndarray | None]]


class DenseFrames:
    """Live pictures of one :class:`DenseChain` on two fixed grids: the boundary on the big
    one, each neuron on the small one, and the weights, all from one weight snapshot (so
    they agree with each other). :meth:`frame` returns them keyed like the probes'
    results (``"boundary"``, ``"neurons"``, ``"weights"``)."""

    def __init__(self, chain: DenseChain, task: str, boundary_grid: GridSpec,
                 neuron_grid: GridSpec, max_units: int = MAX_UNITS_PER_LAYER) -> None:
        self.chain = chain
        self.task = task
        self.boundary_grid = boundary_grid
        self.neuron_grid = neuron_grid
        self.max_units = max_units
        self._boundary_points = boundary_grid.points
        self._neuron_points = neuron_grid.points
        self._small = all(int(layer.units) <= SMALL_MLP_MAX_UNITS for layer in chain.layers)

    def frame(self) -> dict[str, Any]:
        weights = self.chain.snapshot()
        return {"boundary": self.boundary(weights), "neurons": self.neurons(weights),
                "weights": self.weights(weights)}

    def boundary(self, weights: Weights) -> Any:
        raw = forward(weights, self.chain.activations, self._boundary_points)[-1]
        return with_pictures(grid_result(raw, self.boundary_grid, self.task,
                                         self.chain.activations[-1]))

    def neurons(self, weights: Weights) -> NeuronMaps:
        outputs = forward(weights, self.chain.activations, self._neuron_points)
        n_y, n_x = len(self.neuron_grid.ys), len(self.neuron_grid.xs)
        layers = []
        for layer, activation, out in zip(self.chain.layers, self.chain.activations, outputs):
            shown = np.ascontiguousarray(out[:, :self.max_units].T.reshape(-1, n_y, n_x))
            layers.append(LayerNeuronMaps(layer.name, activation, shown, out.shape[1],
                                          neuron_pictures(shown)))
        return NeuronMaps(self.neuron_grid, layers)

    def weights(self, weights: Weights) -> WeightsSnapshot:
        named = [(name, kernel, bias) for name, (kernel, bias) in zip(self.chain.names, weights)]
        histograms = {name: LayerHistograms(name, histogram(kernel),
                                            None if bias is None else histogram(bias))
                      for name, kernel, bias in named}
        return WeightsSnapshot(histograms, edges_from_kernels(named) if self._small else None)
