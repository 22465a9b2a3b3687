"""'Weight the classes': class counts, balanced weights, and the loss the engine trains on."""
from __future__ import annotations

import numpy as np
import pytest

from playground.datasets.balance import balanced_class_weight, class_counts, is_unbalanced
from playground.datasets.base import Dataset
from playground.training import TrainingSettings
from playground.training.engine import TrainingEngine
from playground.training.events import StepsDone


def unbalanced(n_a=30, n_b=6):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(n_a + n_b, 3)).astype(np.float32)
    y = np.array([0] * n_a + [1] * n_b, np.int32)
    return Dataset("t", "t", "", "binary", x, y, None, None, None, None, (3,), ["a", "b"])


def test_counts_and_balanced_weights():
    ds = unbalanced()
    counts = class_counts(ds)
    assert counts == [30, 6] and is_unbalanced(counts) and not is_unbalanced([10, 9])
    weights = balanced_class_weight(counts)
    assert weights == pytest.approx({0: 36 / 60, 1: 36 / 12})
    # Weighted, both classes count the same in total.
    assert counts[0] * weights[0] == pytest.approx(counts[1] * weights[1])


@pytest.mark.parametrize("weighted", [False, True])
def test_the_first_batch_loss_is_keras_weighted_loss(weighted):
    from playground.kerasenv import keras

    k = keras()
    k.utils.set_random_seed(0)
    ds = unbalanced()
    model = k.Sequential([k.Input((3,)), k.layers.Dense(1, activation="sigmoid")])
    probs = model.predict(ds.x_train, verbose=0)
    weights = balanced_class_weight(class_counts(ds))
    sample_weight = np.array([weights[c] for c in ds.y_train], np.float32) if weighted \
        else None
    expected = float(k.losses.BinaryCrossentropy()(ds.y_train.reshape(-1, 1), probs,
                                                    sample_weight=sample_weight))
    plain = float(k.losses.BinaryCrossentropy()(ds.y_train.reshape(-1, 1), probs))
    assert weighted is False or abs(expected - plain) > 0.01 * plain  # the test can tell
    events = []
    TrainingEngine(model, ds, TrainingSettings(epochs=1, batch_size=len(ds.x_train),
                                               validation_split=0.0, seed=0,
                                               weight_classes=weighted),
                   events.append).run()
    first = [e for e in events if isinstance(e, StepsDone)][0].batch_losses[0]
    assert first == pytest.approx(expected, rel=1e-5)
