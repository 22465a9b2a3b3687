"""Convolutions: each Conv2D layer's learned filters and its feature maps for one sample."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.i18n import _
from playground.insight._model import (InsightError, intermediate_model, model_layers,
                                       run_intermediate, to_numpy)

MAX_CHANNELS = 32
CONV_TYPES = ("Conv2D", "DepthwiseConv2D", "SeparableConv2D", "Conv2DTranspose")


@dataclass(frozen=True)
class ConvFilters:
    layer_name: str
    filters: np.ndarray  # (n, kh, kw): each filter averaged over its input channels
    filters_total: int


@dataclass(frozen=True)
class FeatureMaps:
    layer_name: str
    maps: np.ndarray     # (n, h, w): the layer's output channels for the sample
    channels_total: int


def conv_layers(model: Any) -> list[Any]:
    return [layer for layer in model_layers(model) if type(layer).__name__ in CONV_TYPES]


def conv_filters(model: Any, max_filters: int = MAX_CHANNELS) -> list[ConvFilters]:
    """Filters of every 2-D convolution, as small grey pictures (one per output channel).

    A filter looks at all input channels at once; showing their mean keeps one picture per
    filter (exact for the first layer on greyscale images, which is the one people read).
    """
    result = []
    for layer in conv_layers(model):
        kernel = getattr(layer, "kernel", None)
        if kernel is None:
            kernel = getattr(layer, "depthwise_kernel", None)
        if kernel is None:
            continue
        k = to_numpy(kernel)  # (kh, kw, in, out) — depthwise: (kh, kw, in, multiplier)
        if k.ndim != 4:
            continue
        pictures = k.mean(axis=2).transpose(2, 0, 1)
        result.append(ConvFilters(layer.name, pictures[:max_filters].astype(np.float32),
                                  pictures.shape[0]))
    return result


def feature_maps(model: Any, sample: np.ndarray,
                 max_channels: int = MAX_CHANNELS) -> list[FeatureMaps]:
    """Outputs of every 2-D convolution for one input ``sample`` (no batch dimension)."""
    layers = conv_layers(model)
    if not layers:
        raise InsightError(_("The model has no Conv2D layer. Feature maps show what each "
                             "convolution filter finds in an image; add a Conv2D layer."))
    sub = intermediate_model(model, layers)
    x = np.asarray(sample, dtype=np.float32)[None]
    outputs = run_intermediate(sub, x)
    result = []
    for layer, out in zip(layers, outputs):
        maps = out[0]
        if maps.ndim != 3:
            continue
        maps = maps.transpose(2, 0, 1)  # channels last -> (channels, h, w)
        result.append(FeatureMaps(layer.name, maps[:max_channels].astype(np.float32),
                                  maps.shape[0]))
    return result
