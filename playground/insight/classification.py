"""Classification results: confusion matrix, per-class accuracy, misclassified samples."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.i18n import _
from playground.insight._model import (InsightError, class_probabilities, output_activation,
                                       run_model)
from playground.insight.colors import greys

MAX_MISCLASSIFIED = 64


@dataclass(frozen=True)
class ConfusionResult:
    """``matrix[true, predicted]`` counts on ``split``; misclassified samples are ordered
    by the model's confidence in its wrong answer (the most surprising first)."""

    split: str
    class_names: list[str]
    matrix: np.ndarray                 # (k, k) int
    per_class_accuracy: np.ndarray     # (k,) float, NaN for classes absent from the split
    accuracy: float
    misclassified: np.ndarray          # indices into the split's arrays
    predicted: np.ndarray              # predicted class of each misclassified sample
    true: np.ndarray                   # true class of each misclassified sample
    confidence: np.ndarray             # probability the model gave its (wrong) prediction
    # (n, h, w, 4) uint8 greyscale pictures of the misclassified samples when they are
    # images (made here, off the UI thread), else None.
    pictures: np.ndarray | None = None


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, num_classes: int) -> np.ndarray:
    y_true = np.asarray(y_true).astype(np.int64).ravel()
    y_pred = np.asarray(y_pred).astype(np.int64).ravel()
    if y_true.shape != y_pred.shape:
        raise InsightError((_("Expected as many predictions as labels. Received: {size} predictions "
                              "for {size2} labels.")
                              .format(size=y_pred.size, size2=y_true.size)))
    bad = (y_true < 0) | (y_true >= num_classes) | (y_pred < 0) | (y_pred >= num_classes)
    if bad.any():
        raise InsightError((_("Class ids must be between 0 and {value}; found {max}. Does the last "
                              "layer have one unit per class?")
                              .format(value=num_classes - 1, max=int(max(y_true.max(), y_pred.max())))))
    flat = np.bincount(y_true * num_classes + y_pred, minlength=num_classes * num_classes)
    return flat.reshape(num_classes, num_classes)


def evaluation_split(dataset: Any) -> tuple[str, np.ndarray, np.ndarray]:
    """The split to judge a model on: test, else validation, else training data."""
    for name in ("test", "val", "train"):
        x, y = getattr(dataset, f"x_{name}", None), getattr(dataset, f"y_{name}", None)
        if x is not None and y is not None and len(x):
            return name, np.asarray(x), np.asarray(y)
    raise InsightError((_("Dataset '{name}' has no samples to evaluate on.")
                          .format(name=dataset.name)))


def labels_from_targets(y: np.ndarray) -> np.ndarray:
    """Integer class ids from targets (ids, or one-hot rows)."""
    y = np.asarray(y)
    if y.ndim == 2 and y.shape[1] > 1:
        return y.argmax(axis=1)
    return y.reshape(-1).astype(np.int64)


def classification_results(model: Any, dataset: Any, max_samples: int | None = None,
                           max_misclassified: int = MAX_MISCLASSIFIED) -> ConfusionResult:
    """Confusion matrix and misclassified samples of ``model`` on the evaluation split."""
    if dataset.task not in ("binary", "multiclass"):
        raise InsightError((_("A confusion matrix needs a classification dataset; '{name}' is a {task} "
                              "task.")
                              .format(name=dataset.name, task=dataset.task)))
    split, x, y = evaluation_split(dataset)
    if max_samples is not None:
        x, y = x[:max_samples], y[:max_samples]
    probs = class_probabilities(run_model(model, x), output_activation(model))
    y_true = labels_from_targets(y)
    k = max(len(dataset.class_names), probs.shape[1], int(y_true.max()) + 1)
    if probs.shape[1] < k:
        raise InsightError((_("The model answers with {shape} classes but the data has {k}. Give the "
                              "last Dense layer {k} units.")
                              .format(shape=probs.shape[1], k=k)))
    y_pred = probs.argmax(axis=1)
    matrix = confusion_matrix(y_true, y_pred, k)
    support = matrix.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        per_class = np.where(support > 0, np.diag(matrix) / np.maximum(support, 1), np.nan)
    wrong = np.flatnonzero(y_pred != y_true)
    confidence = probs[wrong, y_pred[wrong]]
    order = np.argsort(-confidence, kind="stable")[:max_misclassified]
    names = list(dataset.class_names) or [str(i) for i in range(k)]
    names += [str(i) for i in range(len(names), k)]
    return ConfusionResult(split, names, matrix, per_class,
                           float(np.trace(matrix) / max(matrix.sum(), 1)),
                           wrong[order], y_pred[wrong][order], y_true[wrong][order],
                           confidence[order], sample_pictures(x, wrong[order]))


def sample_pictures(x: np.ndarray, indices: np.ndarray) -> np.ndarray | None:
    """Greyscale RGBA pictures of ``x[indices]`` for image data ((n, h, w) or (n, h, w, c):
    the first channel), each scaled to its own range; None for other data."""
    x = np.asarray(x)
    if x.ndim not in (3, 4):
        return None
    samples = x[indices]
    if samples.ndim == 4:
        samples = samples[..., 0]
    if len(samples) == 0:
        return np.zeros((0, *samples.shape[1:], 4), np.uint8)
    return np.stack([greys(sample) for sample in samples])
