"""Issue 23: the health check catches the set-up mistakes beginners make, each with its
fix — and says nothing about a model set up well."""
from __future__ import annotations

import math

import numpy as np
import pytest

from playground.insight.health import HealthChecker, health_report
from playground.insight.setup_checks import FLAT_CHECKS, constant_guess_loss
from playground.kerasenv import keras
from tests.insight.helpers import mlp, points_dataset


def _kinds(report, layer):
    return [i.kind for i in report.layers[layer].issues]


def test_a_linear_hidden_layer_is_caught_with_the_fix():
    model = mlp(units=(8,), activation="linear")
    report = health_report(model, points_dataset())
    (issue,) = [i for i in report.layers["hidden0"].issues if i.kind == "stacked_linear"]
    assert "out" in issue.explanation and "act as one" in issue.explanation
    assert "relu" in issue.suggestion
    relu = health_report(mlp(units=(8,), activation="relu", seed=3), points_dataset())
    assert relu.issues == []


@pytest.mark.parametrize("task, activation, units, kind, severity", [
    ("regression", "sigmoid", 1, "output_activation", "problem"),
    ("regression", "softmax", 1, "output_activation", "problem"),
    ("binary", "linear", 1, "output_activation", "warning"),
    ("multiclass", "linear", 3, "output_activation", "warning"),
    ("regression", "linear", 1, None, None),
    ("binary", "sigmoid", 1, None, None),
    ("multiclass", "softmax", 3, None, None),
])
def test_output_activation_must_fit_the_task(task, activation, units, kind, severity):
    classes = 3 if task == "multiclass" else 2
    dataset = points_dataset(task if task != "multiclass" else "binary", classes=classes)
    if task == "multiclass":
        dataset.task = "multiclass"
    model = mlp(units=(8,), activation="relu", seed=3, out=units, out_activation=activation)
    issues = [i for i in health_report(model, dataset).layers["out"].issues
              if i.kind == "output_activation"]
    if kind is None:
        assert issues == []
        return
    (issue,) = issues
    assert issue.severity == severity
    wanted = {"regression": "linear", "binary": "sigmoid", "multiclass": "softmax"}[task]
    assert f"'{wanted}'" in issue.suggestion


@pytest.mark.parametrize("optimizer, rate, title", [
    ("Adam", 1.0, "Learning rate far too high"), ("Adam", 1e-7, "Learning rate far too low"),
    ("SGD", 5.0, "Learning rate far too high"), ("Adam", 1e-3, None), ("SGD", 0.05, None)])
def test_a_learning_rate_far_off_is_caught(optimizer, rate, title):
    model = mlp(units=(8,), activation="relu", seed=3)
    model.compile(optimizer=getattr(keras().optimizers, optimizer)(learning_rate=rate),
                  loss="binary_crossentropy")
    issues = [i for i in health_report(model, points_dataset()).layers["out"].issues
              if i.kind == "learning_rate"]
    assert [i.title for i in issues] == ([title] if title else [])
    if title:
        assert f"{rate:g}" in issues[0].explanation


def _train_and_check(model, dataset, checks):
    checker = HealthChecker(model)
    report = None
    for _ in range(checks):
        model.fit(dataset.x_train, dataset.y_train.astype(np.float32), epochs=2,
                  batch_size=16, verbose=0)
        report = checker.check(dataset.x_train, dataset.y_train, dataset.task)
    return checker, report


def test_a_loss_that_does_not_move_is_caught_and_a_learning_one_is_not():
    dataset = points_dataset(n=160)                      # XOR: no straight line splits it
    k = keras()
    stuck = mlp(units=(8,), activation="linear", seed=2)  # two linear layers: one line
    stuck.compile(optimizer=k.optimizers.Adam(0.01), loss="binary_crossentropy")
    checker, report = _train_and_check(stuck, dataset, FLAT_CHECKS + 2)  # past its start
    (issue,) = [i for i in report.layers["out"].issues if i.kind == "loss_flat"]
    shares = np.bincount(dataset.y_train) / len(dataset.y_train)
    guess = float(-(shares * np.log(shares)).sum())       # ≈ ln 2 for balanced classes
    assert constant_guess_loss(dataset.y_train, "binary") == pytest.approx(guess)
    assert f"{guess:.3g}" in issue.explanation
    assert checker.losses[-1] >= 0.9 * guess and len(checker.losses) == FLAT_CHECKS + 2

    learner = mlp(units=(16,), activation="relu", seed=3)
    learner.compile(optimizer=k.optimizers.Adam(0.05), loss="binary_crossentropy")
    checker, report = _train_and_check(learner, dataset, FLAT_CHECKS + 2)
    assert checker.losses[-1] < 0.9 * guess                # it learned
    assert "loss_flat" not in _kinds(report, "out")
    assert math.isfinite(checker.losses[0])
