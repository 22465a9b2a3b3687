"""What each neuron responds to: for Dense layers fed by 2-D points, every unit's output
over a grid of (x, y) inputs, shown as one small heatmap per neuron.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from playground.i18n import _
from playground.insight._model import (InsightError, activation_name, intermediate_model,
                                       model_layers, run_intermediate)
from playground.insight.boundary import GridSpec, dataset_points, grid_for_points, is_2d_input
from playground.insight.colors import neuron_pictures

NEURON_RESOLUTION = 24
MAX_UNITS_PER_LAYER = 32


@dataclass(frozen=True)
class LayerNeuronMaps:
    layer_name: str
    activation: str | None
    maps: np.ndarray  # (units, ny, nx): each unit's output over the grid
    units_total: int  # units in the layer (maps may hold only the first MAX_UNITS_PER_LAYER)
    # (units, ny, nx, 4) uint8 pictures of ``maps`` (colours.neuron_pictures), made off the
    # UI thread; rows flipped so y grows upwards.
    rgba: np.ndarray | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class NeuronMaps:
    grid: GridSpec
    layers: list[LayerNeuronMaps]

    def layer(self, name: str) -> LayerNeuronMaps | None:
        return next((m for m in self.layers if m.layer_name == name), None)


def dense_layers(model: Any) -> list[Any]:
    return [layer for layer in model_layers(model) if type(layer).__name__ == "Dense"]


class NeuronMapper:
    """Builds the sub-model once per model and reuses it each epoch (cheap to call)."""

    def __init__(self, model: Any, max_units: int = MAX_UNITS_PER_LAYER) -> None:
        shape = tuple(model.inputs[0].shape[1:]) if getattr(model, "inputs", None) else ()
        if not is_2d_input(shape):
            raise InsightError((_("Neuron heatmaps need a model whose input is 2 numbers (x, y); this "
                                  "model takes input shape {shape}.")
                                  .format(shape=shape)))
        self.layers = dense_layers(model)
        if not self.layers:
            raise InsightError(_("The model has no Dense layer, so there are no neurons to show. "
                                 "Add a Dense layer after the input."))
        self.sub_model = intermediate_model(model, self.layers)
        self.max_units = max_units

    def compute(self, grid: GridSpec) -> NeuronMaps:
        outputs = run_intermediate(self.sub_model, grid.points)
        n_y, n_x = len(grid.ys), len(grid.xs)
        result = []
        for layer, out in zip(self.layers, outputs):
            out = out.reshape(len(out), -1)
            units = out.shape[1]
            shown = out[:, :self.max_units].T.reshape(-1, n_y, n_x)
            shown = shown.astype(np.float32)
            result.append(LayerNeuronMaps(layer.name, activation_name(layer), shown, units,
                                          neuron_pictures(shown)))
        return NeuronMaps(grid, result)


def neuron_maps(model: Any, dataset: Any, resolution: int = NEURON_RESOLUTION) -> NeuronMaps:
    """Per-neuron heatmaps of every Dense layer over a grid covering the dataset."""
    return NeuronMapper(model).compute(grid_for_points(dataset_points(dataset), resolution))
