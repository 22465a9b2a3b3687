"""Weights as pictures: edge colours/thickness for small MLPs and per-layer histograms."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.insight._model import model_layers, to_numpy

HISTOGRAM_BINS = 30
SMALL_MLP_MAX_UNITS = 16  # beyond this, one line per weight is unreadable


@dataclass(frozen=True)
class EdgeWeight:
    """One weight of a Dense layer: from input unit ``source`` to unit ``target``."""

    source: int
    target: int
    value: float
    strength: float  # |value| / largest |value| in the model, in [0, 1] (line thickness)

    @property
    def sign(self) -> int:
        return 1 if self.value > 0 else (-1 if self.value < 0 else 0)


@dataclass(frozen=True)
class DenseEdges:
    layer_name: str
    inputs: int
    units: int
    edges: list[EdgeWeight]
    biases: np.ndarray  # (units,)
    mean_abs: float     # summary for a single canvas edge between two layer nodes
    mean: float


def _dense_kernel(layer: Any) -> tuple[np.ndarray, np.ndarray | None] | None:
    if type(layer).__name__ != "Dense" or not layer.weights:
        return None
    kernel = to_numpy(layer.kernel)
    bias = to_numpy(layer.bias) if getattr(layer, "bias", None) is not None else None
    return kernel, bias


def is_small_mlp(model: Any, max_units: int = SMALL_MLP_MAX_UNITS) -> bool:
    """True for models made only of Dense (and Input) layers with few units each."""
    layers = model_layers(model)
    if not layers or any(type(layer).__name__ != "Dense" for layer in layers):
        return False
    return all(int(layer.units) <= max_units for layer in layers) and \
        int(layers[0].kernel.shape[0]) <= max_units


def dense_edges(model: Any) -> list[DenseEdges]:
    """Every Dense layer's weights as individual edges, strengths normalised model-wide."""
    kernels = []
    for layer in model_layers(model):
        kb = _dense_kernel(layer)
        if kb is not None:
            kernels.append((layer.name, kb[0], kb[1]))
    return edges_from_kernels(kernels)


def edges_from_kernels(kernels: list[tuple[str, np.ndarray, np.ndarray | None]]
                       ) -> list[DenseEdges]:
    """:func:`dense_edges` from (layer name, kernel, bias) arrays already read."""
    largest = max((float(np.abs(k).max()) for _, k, _ in kernels if k.size), default=0.0)
    scale = 1.0 / largest if largest > 0 else 0.0
    result = []
    for name, kernel, bias in kernels:
        n_in, n_out = kernel.shape
        strengths = np.abs(kernel) * scale
        edges = [EdgeWeight(i, j, float(kernel[i, j]), float(strengths[i, j]))
                 for i in range(n_in) for j in range(n_out)]
        result.append(DenseEdges(name, n_in, n_out, edges,
                                 bias if bias is not None else np.zeros(n_out, np.float32),
                                 float(np.abs(kernel).mean()), float(kernel.mean())))
    return result


@dataclass(frozen=True)
class Histogram:
    counts: np.ndarray  # (bins,)
    edges: np.ndarray   # (bins + 1,)
    mean: float
    std: float


@dataclass(frozen=True)
class LayerHistograms:
    layer_name: str
    kernel: Histogram | None
    bias: Histogram | None


def histogram(values: np.ndarray, bins: int = HISTOGRAM_BINS) -> Histogram:
    v = np.asarray(values, dtype=np.float64).ravel()
    v = v[np.isfinite(v)]
    if v.size == 0:
        return Histogram(np.zeros(bins, np.int64), np.linspace(-1, 1, bins + 1), 0.0, 0.0)
    lo, hi = float(v.min()), float(v.max())
    if hi - lo < 1e-9:  # all equal (e.g. zero-initialised biases): a narrow bin around it
        lo, hi = lo - 0.5, hi + 0.5
    counts, edges = np.histogram(v, bins=bins, range=(lo, hi))
    return Histogram(counts, edges, float(v.mean()), float(v.std()))


def _kernel_and_bias(layer: Any) -> tuple[np.ndarray | None, np.ndarray | None]:
    kernel = getattr(layer, "kernel", None)
    bias = getattr(layer, "bias", None)
    if kernel is None and layer.weights:
        # layers with other weight names (e.g. embeddings, recurrent cells): all but biases
        named = [(w.path if hasattr(w, "path") else w.name, w) for w in layer.weights]
        others = [w for n, w in named if not n.endswith("bias")]
        biases = [w for n, w in named if n.endswith("bias")]
        kernel_values = np.concatenate([to_numpy(w).ravel() for w in others]) if others else None
        bias_values = np.concatenate([to_numpy(w).ravel() for w in biases]) if biases else None
        return kernel_values, bias_values
    return (to_numpy(kernel) if kernel is not None else None,
            to_numpy(bias) if bias is not None else None)


@dataclass(frozen=True)
class WeightsSnapshot:
    histograms: dict[str, LayerHistograms]   # layer name -> its histograms
    dense_edges: list[DenseEdges] | None     # per Dense layer for small MLPs, else None


def weight_histograms(model: Any, bins: int = HISTOGRAM_BINS) -> dict[str, LayerHistograms]:
    """Histogram of weights and of biases for every layer that has weights."""
    result: dict[str, LayerHistograms] = {}
    for layer in model_layers(model):
        if not layer.weights:
            continue
        kernel, bias = _kernel_and_bias(layer)
        result[layer.name] = LayerHistograms(
            layer.name,
            histogram(kernel, bins) if kernel is not None else None,
            histogram(bias, bins) if bias is not None else None)
    return result
