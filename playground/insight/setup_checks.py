"""Health findings about how the model is set up, the mistakes beginners make most
(issue 23): hidden layers with no activation (two linear layers act as one), an output
activation that does not fit the task, a learning rate far off, and a loss that does not
move. Each finding names the fix; :class:`playground.insight.health.HealthChecker` adds
them to the layer they are about.
"""
from __future__ import annotations

import math
from typing import Any, Callable

import numpy as np

from playground.i18n import _
from playground.insight._model import activation_name, model_layers
from playground.insight.health_issue import HealthIssue

# Layers that compute a weighted sum: two of them in a row with nothing non-linear in
# between are one weighted sum.
WEIGHTED_SUM = ("Dense", "EinsumDense")
SQUASHING_OUTPUT = ("sigmoid", "softmax", "tanh", "hard_sigmoid")
ADAPTIVE = ("adam", "adamw", "nadam", "rmsprop", "adamax")
# Learning rates beyond these are "far off" (10× past the usual range either way).
LR_LIMITS = {"adaptive": (1e-5, 0.05), "plain": (1e-4, 1.0)}
FLAT_CHECKS = 4            # the loss is judged after this many checks (epochs)
FLAT_CHANGE = 0.01         # ... moving less than 1 % over them
FLAT_OF_BASELINE = 0.9     # ... while still at least 90 % of a constant guess's loss


def _issue(kind: str, severity: str, title: str, explanation: str,
           suggestion: str) -> HealthIssue:
    return HealthIssue(kind, severity, title, explanation, suggestion)


def _source_layers(layer: Any) -> list[Any]:
    """The layers whose outputs ``layer`` takes as input (first call of the layer)."""
    nodes = getattr(layer, "_inbound_nodes", None) or []
    if not nodes:
        return []
    found = []
    for tensor in getattr(nodes[0], "input_tensors", []) or []:
        history = getattr(tensor, "_keras_history", None)
        if history is not None:
            found.append(history[0])
    return found


def _is_linear(layer: Any) -> bool:
    return type(layer).__name__ in WEIGHTED_SUM and activation_name(layer) in ("linear", None)


def stacked_linear(model: Any) -> list[tuple[str, str]]:
    """(first, second) layer names where a linear weighted-sum layer feeds another one."""
    pairs = []
    for layer in model_layers(model):
        if type(layer).__name__ not in WEIGHTED_SUM:
            continue
        for source in _source_layers(layer):
            if _is_linear(source):
                pairs.append((source.name, layer.name))
    return pairs


def stacked_linear_issue(second: str) -> HealthIssue:
    return _issue(
        "stacked_linear", "problem", _("No activation: acts as one layer with the next"),
        _("This layer has the 'linear' activation (none) and feeds {second} directly: "
          "these two layers act as one, so together they can only draw straight lines "
          "(XOR, circles and spirals stay out of reach).").format(second=second),
        _("Pick an activation such as 'relu' for this layer."))


def output_activation_issue(activation: str | None, task: str, units: int) -> HealthIssue | None:
    """A finding when the output layer's activation does not fit the task, else None."""
    activation = activation or "linear"
    if task in ("regression", "sequence") and activation in SQUASHING_OUTPUT:
        return _issue(
            "output_activation", "problem",
            _("'{activation}' output on numbers").format(activation=activation),
            _("The dataset asks for numbers, but '{activation}' squeezes every output "
              "into a small range, so most targets cannot be reached and the loss stays "
              "flat.").format(activation=activation),
            _("Use the 'linear' activation on the output layer."))
    if task in ("binary", "multiclass"):
        wanted = "sigmoid" if task == "binary" and units == 1 else "softmax"
        if activation == "softmax" and units == 1:
            return _issue(
                "output_activation", "problem", _("softmax on one unit"),
                _("A softmax over a single unit always outputs 1: the model cannot say "
                  "anything."),
                _("Use 'sigmoid' with 1 unit, or 'softmax' with one unit per class."))
        if activation not in ("sigmoid", "softmax"):
            return _issue(
                "output_activation", "warning",
                _("'{activation}' output on classes").format(activation=activation),
                _("The dataset asks for classes, but the output layer's '{activation}' "
                  "activation gives scores, not probabilities.")
                .format(activation=activation),
                _("Use the '{wanted}' activation on the output layer.").format(wanted=wanted))
    return None


def learning_rate_of(model: Any) -> tuple[str, float] | None:
    """(optimizer name, learning rate) of a compiled model, or None."""
    optimizer = getattr(model, "optimizer", None)
    if optimizer is None:
        return None
    try:
        rate = float(np.asarray(optimizer.learning_rate))
    except (TypeError, ValueError, AttributeError):
        return None  # a schedule: it changes by itself
    return type(optimizer).__name__.lower(), rate


def learning_rate_issue(optimizer: str, rate: float) -> HealthIssue | None:
    low, high = LR_LIMITS["adaptive" if optimizer in ADAPTIVE else "plain"]
    if rate > high:
        return _issue(
            "learning_rate", "warning", _("Learning rate far too high"),
            _("A learning rate of {rate:g} with {optimizer} makes steps so large that the "
              "loss jumps around or blows up.").format(rate=rate, optimizer=optimizer),
            _("Set the learning rate to {value:g} or lower.").format(value=high / 10))
    if rate < low:
        return _issue(
            "learning_rate", "warning", _("Learning rate far too low"),
            _("A learning rate of {rate:g} with {optimizer} makes steps so small that "
              "the model barely changes from epoch to epoch.")
            .format(rate=rate, optimizer=optimizer),
            _("Set the learning rate to {value:g} or higher.").format(value=low * 100))
    return None


def constant_guess_loss(y: np.ndarray, task: str) -> float | None:
    """The loss of always answering the same (the class shares, or the mean): a model at
    this loss has learned nothing about its inputs."""
    y = np.asarray(y)
    if not len(y):
        return None
    if task in ("binary", "multiclass"):
        _values, counts = np.unique(y.astype(np.int64).ravel(), return_counts=True)
        shares = counts / counts.sum()
        return float(-(shares * np.log(shares)).sum())
    return float(np.var(y.astype(np.float64)))


def flat_loss_issue(losses: list[float], baseline: float | None) -> HealthIssue | None:
    """A finding when the last checks' losses hardly moved while no better than a
    constant guess."""
    if baseline is None or len(losses) < FLAT_CHECKS:
        return None
    recent = losses[-FLAT_CHECKS:]
    if not all(math.isfinite(v) for v in recent):
        return None
    spread = max(recent) - min(recent)
    if spread > FLAT_CHANGE * max(abs(recent[0]), 1e-12) or recent[-1] < FLAT_OF_BASELINE * baseline:
        return None
    return _issue(
        "loss_flat", "problem", _("The loss does not move"),
        _("Over the last {count} checks the loss stayed at {loss:.3g}, no better than "
          "always giving the same answer ({baseline:.3g}): the model is not learning.")
        .format(count=FLAT_CHECKS, loss=recent[-1], baseline=baseline),
        _("Check the findings above (activations, output layer); otherwise raise the "
          "learning rate or scale the inputs."))


def setup_issues(model: Any, task: str, output_layer: str | None, units: int,
                 losses: list[float], baseline: float | None,
                 add: Callable[[str, HealthIssue], None]) -> None:
    """Call ``add(layer name, finding)`` for every set-up finding of ``model``."""
    for first, second in stacked_linear(model):
        add(first, stacked_linear_issue(second))
    if output_layer is None:
        return
    layer = next((la for la in model_layers(model) if la.name == output_layer), None)
    issue = output_activation_issue(activation_name(layer) if layer is not None else None,
                                    task, units)
    if issue is not None:
        add(output_layer, issue)
    rate = learning_rate_of(model)
    if rate is not None and (issue := learning_rate_issue(*rate)) is not None:
        add(output_layer, issue)
    if (issue := flat_loss_issue(losses, baseline)) is not None:
        add(output_layer, issue)
