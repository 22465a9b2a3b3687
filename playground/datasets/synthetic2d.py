"""2-D point datasets, as in TensorFlow Playground, plus linearly separable points.

Every generator is a plain numpy function taking a ``numpy.random.Generator``, so the
exported Python script can copy its source and recreate exactly the same points.
Points lie in about [-1, 1] × [-1, 1], small enough that no input scaling is needed.
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from playground.datasets.base import (
    Dataset,
    DatasetEntry,
    DatasetInfo,
    DatasetParam,
    function_sources,
    noise_param,
    samples_param,
    seed_param,
    split_train_test,
    test_fraction_param,
)
from playground.errors import DatasetError
from playground.i18n import _


# ------------------------------------------------------------------ generators
def circle_points(samples, noise, rng):
    """Class 1 inside a disc of radius 0.5, class 0 on a ring from 0.7 to 1.0."""
    inner = samples // 2
    radius = np.concatenate([rng.uniform(0.0, 0.5, inner),
                             rng.uniform(0.7, 1.0, samples - inner)])
    angle = rng.uniform(0.0, 2 * np.pi, samples)
    x = np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)
    x += rng.normal(0.0, 0.3 * noise, x.shape)
    y = np.concatenate([np.ones(inner), np.zeros(samples - inner)]).astype(np.int32)
    return x.astype(np.float32), y


def xor_points(samples, noise, rng):
    """Class 1 where x and y have the same sign; a small gap keeps points off the axes."""
    x = rng.uniform(0.1, 1.0, (samples, 2)) * rng.choice([-1.0, 1.0], (samples, 2))
    y = (x[:, 0] * x[:, 1] > 0).astype(np.int32)
    x += rng.normal(0.0, 0.3 * noise, x.shape)
    return x.astype(np.float32), y


def cluster_points(samples, noise, rng, classes=2):
    """``classes`` round clouds with centres on a circle; noise widens the clouds."""
    y = np.arange(samples) % classes
    angle = 2 * np.pi * y / classes + np.pi / 4
    centres = 0.55 * np.stack([np.cos(angle), np.sin(angle)], axis=1)
    x = centres + rng.normal(0.0, 0.12 + 0.4 * noise, (samples, 2))
    return x.astype(np.float32), y.astype(np.int32)


def spiral_points(samples, noise, rng, classes=2):
    """``classes`` interleaved spiral arms turning 1.75 times around the centre."""
    y = np.arange(samples) % classes
    t = rng.uniform(0.0, 1.0, samples)
    radius = 0.05 + 0.95 * t
    angle = 1.75 * 2 * np.pi * t + 2 * np.pi * y / classes
    x = np.stack([radius * np.sin(angle), radius * np.cos(angle)], axis=1)
    x += rng.normal(0.0, 0.15 * noise, x.shape)
    return x.astype(np.float32), y.astype(np.int32)


def linear_points(samples, noise, rng):
    """Two classes on either side of a random straight line, with a clear gap of 0.1."""
    angle = rng.uniform(0.0, np.pi)
    normal = np.array([np.cos(angle), np.sin(angle)])
    along = np.array([-normal[1], normal[0]])
    side = rng.choice([-1.0, 1.0], samples)
    distance = side * rng.uniform(0.05, 0.7, samples)
    position = rng.uniform(-0.9, 0.9, samples)
    x = distance[:, None] * normal + position[:, None] * along
    x += rng.normal(0.0, 0.3 * noise, x.shape)
    y = (side > 0).astype(np.int32)
    return x.astype(np.float32), y


def plane_points(samples, noise, rng):
    """Regression: the target is a tilted plane, (x + y) / 2, plus noise."""
    x = rng.uniform(-1.0, 1.0, (samples, 2))
    y = (x[:, 0] + x[:, 1]) / 2 + rng.normal(0.0, 0.5 * noise, samples)
    return x.astype(np.float32), y.astype(np.float32)


def multi_gaussian_points(samples, noise, rng):
    """Regression: six bumps, three up and three down; the target is their sum."""
    x = rng.uniform(-1.0, 1.0, (samples, 2))
    bumps = [(-0.6, 0.6, 1.0), (0.0, 0.6, -1.0), (0.6, 0.6, 1.0),
             (-0.6, -0.6, -1.0), (0.0, -0.6, 1.0), (0.6, -0.6, -1.0)]
    y = np.zeros(samples)
    for cx, cy, sign in bumps:
        y += sign * np.exp(-((x[:, 0] - cx) ** 2 + (x[:, 1] - cy) ** 2) / (2 * 0.25 ** 2))
    y += rng.normal(0.0, 0.5 * noise, samples)
    return x.astype(np.float32), y.astype(np.float32)


# ---------------------------------------------------------------- the registry
_GENERATORS: dict[str, Callable[..., tuple[np.ndarray, np.ndarray]]] = {
    "circle": circle_points, "xor": xor_points, "gaussian": cluster_points,
    "spiral": spiral_points, "linear": linear_points, "plane": plane_points,
    "multi_gaussian": multi_gaussian_points,
}

_TEXT = {
    "circle": (_("Circle"), _("Blue points in a disc surrounded by a ring of orange points: no "
                 "straight line separates them."), "binary", 0.0),
    "xor": (_("XOR"), _("Points in four squares; opposite corners share a colour. A single "
              "neuron cannot learn this, a hidden layer can."), "binary", 0.0),
    "gaussian": (_("Gaussian clusters"), _("Round clouds of points, one per class; more noise "
                   "makes the clouds overlap."), "classification", 0.1),
    "spiral": (_("Spiral"), _("Interleaved spiral arms: the hardest 2-D pattern, it needs a "
                 "deeper network."), "classification", 0.0),
    "linear": (_("Linearly separable points"), _("Two classes that one straight line separates: "
                 "a single neuron (a perceptron) is enough."), "binary", 0.0),
    "plane": (_("Plane (regression)"), _("Predict a number that rises evenly from one corner to "
                "the other."), "regression", 0.1),
    "multi_gaussian": (_("Multi-Gaussian (regression)"), _("Predict the height of a landscape "
                         "of six hills and valleys."), "regression", 0.0),
}

_CLASSES_PARAM = DatasetParam("classes", "int", 2, _("How many classes (colours) of points."),
                              minimum=2, maximum=8)
_EXTRA_POINTS = DatasetParam(
    "extra_points", "points", [], _("Points you painted on the chart, as [x, y, target]; they "
      "are added to the training data."), label=_("Painted points"), advanced=True)


def _info(name: str) -> DatasetInfo:
    title, description, kind, noise = _TEXT[name]
    params = [samples_param(500), noise_param(noise)]
    if name in ("gaussian", "spiral"):
        params.append(_CLASSES_PARAM)
    params += [test_fraction_param(0.5), seed_param(), _EXTRA_POINTS]
    tasks = {"binary": ("binary",), "classification": ("binary", "multiclass"),
             "regression": ("regression",)}[kind]
    return DatasetInfo(name, title, description, "2-D points", tasks, tuple(params))


def _generator_call(name: str, params: dict[str, Any]) -> str:
    fn = _GENERATORS[name]
    extra = f", classes={params['classes']}" if "classes" in params else ""
    return f"{fn.__name__}({params['samples']}, {params['noise']!r}, rng{extra})"


def _load(name: str, params: dict[str, Any]) -> Dataset:
    title, description, kind, _noise = _TEXT[name]
    rng = np.random.default_rng(params["seed"])
    kwargs = {"classes": params["classes"]} if "classes" in params else {}
    x, y = _GENERATORS[name](params["samples"], params["noise"], rng, **kwargs)
    x_train, y_train, x_test, y_test = split_train_test(x, y, params["test_fraction"], rng)
    regression = kind == "regression"
    classes = 0 if regression else params.get("classes", 2)
    if params["extra_points"]:
        x_train, y_train = _append_painted(name, x_train, y_train, params["extra_points"],
                                           classes)
    if regression:
        task, class_names = "regression", []
    else:
        task = "binary" if classes == 2 else "multiclass"
        class_names = [_("class {i}").format(i=i) for i in range(classes)]
    return Dataset(name, title, description, task, x_train, y_train, None, None, x_test,
                   y_test, (2,), class_names, extras={"feature_names": ["x1", "x2"],
                                                      "painted": len(params["extra_points"])})


def _append_painted(name: str, x_train: np.ndarray, y_train: np.ndarray,
                    points: list[list[float]], classes: int) -> tuple[np.ndarray, np.ndarray]:
    extra = np.asarray(points, dtype=np.float32).reshape(-1, 3)
    targets = extra[:, 2]
    if classes:
        bad = [i + 1 for i, t in enumerate(targets) if t != int(t) or not 0 <= t < classes]
        if bad:
            raise DatasetError((_("Dataset {name}: painted point(s) {bad} have a class that is not 0 to "
                                  "{value}. Repaint them with one of the dataset's classes.")
                                  .format(name=name, bad=bad[:10], value=classes - 1)))
        new_y = targets.astype(np.int32)
    else:
        new_y = targets.astype(np.float32)
    return (np.concatenate([x_train, extra[:, :2]]),
            np.concatenate([y_train, new_y.astype(y_train.dtype)]))


def _snippet(name: str, params: dict[str, Any]) -> str:
    fn = _GENERATORS[name]
    lines = ["import numpy as np", "", "", *function_sources(fn, split_train_test),
             f"rng = np.random.default_rng({params['seed']})",
             f"x, y = {_generator_call(name, params)}",
             "x_train, y_train, x_test, y_test = split_train_test(x, y, "
             f"{params['test_fraction']!r}, rng)"]
    if params["extra_points"]:
        dtype = "np.float32" if _TEXT[name][2] == "regression" else "np.int32"
        lines += ["# Points painted in the app, added to the training data.",
                  f"painted = np.array({params['extra_points']!r}, dtype=np.float32)",
                  "x_train = np.concatenate([x_train, painted[:, :2]])",
                  f"y_train = np.concatenate([y_train, painted[:, 2].astype({dtype})])"]
    lines.append("x_val, y_val = None, None  # validation comes from validation_split")
    return "\n".join(lines) + "\n"


def entries() -> list[DatasetEntry]:
    return [DatasetEntry(_info(name), (lambda p, n=name: _load(n, p)),
                         (lambda p, n=name: _snippet(n, p))) for name in _GENERATORS]
