"""Training health per layer, in plain words: dead ReLUs, saturated sigmoid/tanh units,
vanishing or exploding gradients. Each finding carries an explanation and a suggestion,
shown as a badge on the layer's node.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from playground import kerasenv
from playground.i18n import _
from playground.insight._model import (activation_name, first_output, intermediate_model,
                                       model_layers, run_intermediate, to_numpy)
from playground.insight.classification import labels_from_targets
from playground.insight.health_issue import HealthIssue
from playground.insight.setup_checks import constant_guess_loss, setup_issues

SAMPLE_SIZE = 256
DEAD_WARNING, DEAD_PROBLEM = 0.25, 0.6
SATURATED_WARNING, SATURATED_PROBLEM = 0.25, 0.6
SATURATION_MARGIN = 0.02     # output within 2% of the curve's flat ends
SATURATED_SAMPLE_SHARE = 0.9  # ... for at least 90% of the samples
VANISHING_RATIO = 1e-3       # layer's relative gradient vs the strongest layer's
VANISHING_ABSOLUTE = 1e-8
EXPLODING_RMS = 1e2

RELU_LIKE = ("relu", "relu6")
SQUASHING = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0), "hard_sigmoid": (0.0, 1.0)}


@dataclass
class LayerHealth:
    layer_name: str
    activation: str | None = None
    dead_share: float | None = None        # share of ReLU units that never activate
    saturated_share: float | None = None   # share of sigmoid/tanh units stuck at an end
    gradient_rms: float | None = None
    weight_rms: float | None = None
    issues: list[HealthIssue] = field(default_factory=list)

    @property
    def worst(self) -> str | None:
        if any(i.severity == "problem" for i in self.issues):
            return "problem"
        return "warning" if self.issues else None


@dataclass(frozen=True)
class HealthReport:
    layers: dict[str, LayerHealth]

    @property
    def issues(self) -> list[tuple[str, HealthIssue]]:
        return [(name, issue) for name, h in self.layers.items() for issue in h.issues]


def _severity(share: float, warning: float, problem: float) -> str | None:
    if share >= problem:
        return "problem"
    if share >= warning:
        return "warning"
    return None


def dead_unit_share(activations: np.ndarray) -> float:
    """Share of units (last axis) that are <= 0 for every sample and position."""
    a = np.asarray(activations).reshape(-1, np.asarray(activations).shape[-1])
    return float(np.mean(np.all(a <= 0.0, axis=0)))


def saturated_unit_share(activations: np.ndarray, low: float, high: float) -> float:
    """Share of units (last axis) sitting at a flat end of the curve for most samples."""
    a = np.asarray(activations).reshape(-1, np.asarray(activations).shape[-1])
    margin = SATURATION_MARGIN * (high - low)
    at_end = (a <= low + margin) | (a >= high - margin)
    return float(np.mean(at_end.mean(axis=0) >= SATURATED_SAMPLE_SHARE))


def _dead_issue(share: float) -> HealthIssue | None:
    sev = _severity(share, DEAD_WARNING, DEAD_PROBLEM)
    if sev is None:
        return None
    return HealthIssue(
        "dead_relu", sev, _("{share:.0%} dead ReLU units").format(share=share),
        _("{share:.0%} of this layer's units output 0 for every example, so they "
          "pass nothing on and no longer learn (a ReLU outputs 0 for all negative "
          "inputs).").format(share=share),
        _("Lower the learning rate, use 'leaky_relu' or 'elu' instead of 'relu', or add "
          "BatchNormalization before this layer."))


def _saturated_issue(share: float, activation: str) -> HealthIssue | None:
    sev = _severity(share, SATURATED_WARNING, SATURATED_PROBLEM)
    if sev is None:
        return None
    return HealthIssue(
        "saturated", sev, (_("{share:.0%} saturated {activation} units")
                             .format(share=share, activation=activation)),
        _("{share:.0%} of this layer's units are stuck at the flat ends of the "
          "{activation} curve for almost every example; there the slope is nearly "
          "0, so they barely learn.").format(share=share, activation=activation),
        _("Scale the inputs (Range [0, 1] or Standardize), lower the learning rate, or use "
          "'relu' in hidden layers."))


def _gradients(model: Any, x: np.ndarray, y: np.ndarray, task: str) -> dict[str, np.ndarray]:
    """Gradient of the loss for each trainable variable path, on one batch (TF backend)."""
    keras = kerasenv.keras()
    if keras.backend.backend() != "tensorflow":
        return {}
    import tensorflow as tf

    loss_fn = _loss_for(model, task)
    variables = model.trainable_variables
    with tf.GradientTape() as tape:
        y_pred = first_output(model(x, training=False))
        loss = keras.ops.mean(loss_fn(y, y_pred))
    grads = tape.gradient(loss, variables)
    return {v.path: to_numpy(g) for v, g in zip(variables, grads) if g is not None}


def _loss_for(model: Any, task: str) -> Any:
    keras = kerasenv.keras()
    loss = getattr(model, "loss", None)
    if isinstance(loss, (list, tuple)):
        loss = loss[0] if loss else None
    if isinstance(loss, dict):
        loss = next(iter(loss.values()), None)
    if loss is not None:
        return keras.losses.get(loss) if isinstance(loss, str) else loss
    name = {"binary": "binary_crossentropy",
            "multiclass": "sparse_categorical_crossentropy"}.get(task, "mean_squared_error")
    return keras.losses.get(name)


# Losses whose "constant guess" value setup_checks.constant_guess_loss knows.
_BASELINE_LOSSES = ("binary_crossentropy", "sparse_categorical_crossentropy",
                    "mean_squared_error")


def _sample_loss(model: Any, x: np.ndarray, y: np.ndarray, task: str
                 ) -> tuple[float, bool] | None:
    """The model's loss on the sample, and whether it is one with a known constant-guess
    value; None when it cannot be computed."""
    keras = kerasenv.keras()
    loss_fn = _loss_for(model, task)
    name = loss_fn if isinstance(loss_fn, str) else getattr(loss_fn, "name", "")
    name = getattr(loss_fn, "__name__", name) or name
    if task in ("binary", "multiclass"):
        y = labels_from_targets(y)
        if task == "binary":
            y = y.astype(np.float32).reshape(-1, 1)
    try:
        value = float(to_numpy(keras.ops.mean(loss_fn(y, first_output(model(x, training=False))))))
    except (ValueError, TypeError):
        return None
    return value, name in _BASELINE_LOSSES


def _rms(arrays: list[np.ndarray]) -> float:
    if not arrays:
        return 0.0
    flat = np.concatenate([np.asarray(a, np.float64).ravel() for a in arrays])
    return float(np.sqrt(np.mean(flat ** 2))) if flat.size else 0.0


class HealthChecker:
    """Builds its sub-model once per model; ``check`` is cheap enough to run each epoch."""

    def __init__(self, model: Any, sample_size: int = SAMPLE_SIZE,
                 gradients: bool = True) -> None:
        self.model = model
        self.sample_size = sample_size
        self.gradients = gradients
        output_layers = set()
        for out in model.outputs or []:
            history = getattr(out, "_keras_history", None)
            if history is not None:
                output_layers.add(history[0].name)
        self.watched = [layer for layer in model_layers(model)
                        if activation_name(layer) in RELU_LIKE
                        or (activation_name(layer) in SQUASHING
                            and layer.name not in output_layers)]
        self.sub_model = intermediate_model(model, self.watched) if self.watched else None
        # Set-up checks (setup_checks): the output layer, its units, the loss over checks.
        self.output_layer = next(iter(output_layers), None) if len(output_layers) == 1 \
            else None
        shape = tuple(model.outputs[0].shape[1:]) if model.outputs else ()
        self.output_units = int(np.prod([d for d in shape if d is not None])) if shape else 1
        self.losses: list[float] = []

    def check(self, x: np.ndarray, y: np.ndarray | None, task: str) -> HealthReport:
        x = np.asarray(x)[:self.sample_size]
        report: dict[str, LayerHealth] = {}
        for layer in model_layers(self.model):
            report[layer.name] = LayerHealth(layer.name, activation_name(layer))
        if self.sub_model is not None:
            for layer, acts in zip(self.watched, run_intermediate(self.sub_model, x)):
                health = report[layer.name]
                name = activation_name(layer)
                if name in RELU_LIKE:
                    health.dead_share = dead_unit_share(acts)
                    issue = _dead_issue(health.dead_share)
                else:
                    low, high = SQUASHING[name]
                    health.saturated_share = saturated_unit_share(acts, low, high)
                    issue = _saturated_issue(health.saturated_share, name)
                if issue is not None:
                    health.issues.append(issue)
        if self.gradients and y is not None:
            self._check_gradients(report, x, np.asarray(y)[:self.sample_size], task)
        self._check_setup(report, x, y, task)
        return HealthReport(report)

    def _check_setup(self, report: dict[str, LayerHealth], x: np.ndarray,
                     y: np.ndarray | None, task: str) -> None:
        baseline = None
        if y is not None:
            y = np.asarray(y)[:self.sample_size]
            loss = _sample_loss(self.model, x, y, task)
            if loss is not None:
                self.losses.append(loss[0])
                baseline = constant_guess_loss(y, task) if loss[1] else None

        def add(layer: str, issue: HealthIssue) -> None:
            if layer in report:
                report[layer].issues.append(issue)

        setup_issues(self.model, task, self.output_layer, self.output_units, self.losses,
                     baseline, add)

    def _check_gradients(self, report: dict[str, LayerHealth], x: np.ndarray, y: np.ndarray,
                         task: str) -> None:
        if task in ("binary", "multiclass"):
            y = labels_from_targets(y)
            if task == "binary":
                y = y.astype(np.float32).reshape(-1, 1)
        grads = _gradients(self.model, x, y, task)
        if not grads:
            return
        per_layer: dict[str, float] = {}
        for layer in model_layers(self.model):
            # kernels only: a large bias (e.g. pushing units dead) is not the layer's scale
            variables = [v for v in layer.trainable_variables
                         if v.path in grads and not v.path.endswith("bias")] or \
                [v for v in layer.trainable_variables if v.path in grads]
            if not variables:
                continue
            health = report[layer.name]
            health.weight_rms = _rms([to_numpy(v) for v in variables])
            health.gradient_rms = _rms([grads[v.path] for v in variables])
            per_layer[layer.name] = health.gradient_rms
        # Compare gradients relative to the weights they correct: a layer whose weights
        # would move by a billionth of their size per step has effectively stopped.
        relative = {name: g / max(report[name].weight_rms or 0.0, 1e-3)
                    for name, g in per_layer.items()}
        finite = [r for r in relative.values() if np.isfinite(r)]
        strongest = max(finite, default=0.0)
        for name, g in per_layer.items():
            health = report[name]
            rel = relative[name]
            if not np.isfinite(g) or not np.isfinite(health.weight_rms or 0.0):
                health.issues.append(HealthIssue(
                    "not_finite", "problem", _("Numbers blew up (NaN)"),
                    _("This layer's weights or gradients are no longer numbers: training "
                      "diverged and the model cannot recover by itself."),
                    _("Lower the learning rate a lot (try 10x smaller), scale the inputs, "
                      "then train again from fresh weights.")))
            elif g > EXPLODING_RMS:
                health.issues.append(HealthIssue(
                    "exploding", "problem", _("Exploding gradients"),
                    (_("The corrections for this layer are huge (size {g:.3g}); each step "
                       "throws the weights far away and the loss jumps around.")
                       .format(g=g)),
                    _("Lower the learning rate, scale the inputs, or add "
                      "BatchNormalization; an optimizer setting 'clipnorm' also helps.")))
            elif strongest > 0 and (g < VANISHING_ABSOLUTE or rel < VANISHING_RATIO * strongest):
                health.issues.append(HealthIssue(
                    "vanishing", "warning", _("Vanishing gradients"),
                    _("The corrections reaching this layer are tiny ({rel:.2g} of its weights' "
                      "size; the strongest layer gets {strongest:.2g}), so it learns almost "
                      "nothing.").format(rel=rel, strongest=strongest),
                    _("Use 'relu' instead of sigmoid/tanh in hidden layers, use fewer layers, "
                      "or add BatchNormalization.")))


def health_report(model: Any, dataset: Any, sample_size: int = SAMPLE_SIZE) -> HealthReport:
    """One-off health check of ``model`` on the first training samples."""
    return HealthChecker(model, sample_size).check(dataset.x_train, dataset.y_train,
                                                   dataset.task)


# Symbols the fonts the setup installs draw (Noto Sans CJK): ⛔ showed as a box.
BADGES = {"problem": "⊘", "warning": "⚠"}


def badge_text(health: LayerHealth) -> str:
    """Short text for the badge on a layer's node ("" when the layer looks healthy)."""
    if not health.issues:
        return ""
    return f"{BADGES[health.worst or 'warning']} " + "; ".join(i.title for i in health.issues)


def badge_tooltip(health: LayerHealth) -> str:
    """The full explanation and suggestion for each finding, in plain words."""
    return "\n\n".join(f"{i.title}: {i.explanation}\nTry: {i.suggestion}"
                       for i in health.issues)
