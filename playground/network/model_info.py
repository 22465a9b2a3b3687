"""What a built Keras model is made of, read from the model itself: its top-level layers,
the activation each applies and the activation of its output (used by training to pick
the loss's ``from_logits`` and by the insight views)."""
from __future__ import annotations

from typing import Any


def first_output(outputs: Any) -> Any:
    """Multi-output models: the visualizations look at the first output."""
    if isinstance(outputs, (list, tuple)):
        return outputs[0]
    if isinstance(outputs, dict):
        return next(iter(outputs.values()))
    return outputs


def activation_name(layer: Any) -> str | None:
    """The activation a layer applies at its output, as a Keras name ("relu"), or None.

    Dense/Conv layers carry it as ``layer.activation``; ReLU / Softmax / Activation layers
    are activations themselves.
    """
    cls = type(layer).__name__
    if cls == "ReLU":
        return "relu"
    if cls == "Softmax":
        return "softmax"
    if cls == "LeakyReLU":
        return "leaky_relu"
    if cls == "ELU":
        return "elu"
    fn = getattr(layer, "activation", None)
    if fn is None or cls in ("LSTM", "GRU", "SimpleRNN"):
        # recurrent layers: their activation is inside the cell, not applied to the output
        return None
    if isinstance(fn, str):
        return fn
    name = getattr(fn, "__name__", None)
    return str(name) if name else None


def model_layers(model: Any) -> list[Any]:
    """Top-level layers of the model in order, without the Input layers."""
    return [layer for layer in model.layers if type(layer).__name__ != "InputLayer"]


def output_activation(model: Any) -> str | None:
    """Activation of the layer producing the (first) model output."""
    layers = model_layers(model)
    if not layers:
        return None
    outputs = getattr(model, "outputs", None)
    if outputs:
        history = getattr(first_output(outputs), "_keras_history", None)
        if history is not None:
            return activation_name(history[0])
    return activation_name(layers[-1])
