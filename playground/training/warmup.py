"""Run one tiny training off the UI thread once TensorFlow has loaded.

The first run in a process imports a few hundred more modules (tf.function, optimizers,
metrics, while loops) and fills TensorFlow's caches. Imports hold the GIL for long
stretches, so done when the user presses Train they freeze the window for up to half a
second; done once in the background after start-up, nobody notices.

Then the objects alive at that point are frozen out of the garbage collector: with
TensorFlow and Keras loaded the process holds ~350,000 tracked objects, and a full
collection scans them all in ~200-250 ms holding the GIL, a freeze of the window whenever
Python decides to run one (typically in the first second of a training run, when tracing
makes many objects). Frozen objects are never scanned again, so later full collections
only look at what was made since (~0 ms measured right after). Only the young generations
are collected before freezing (2 ms): the ~1.3 MB of older garbage a full collection would
free stays, instead of a 200 ms stall of its own.
"""
from __future__ import annotations

import gc

import numpy as np


def warm_up() -> None:
    """Train a 2-4-1 network for one epoch on 8 points (about a second of CPU, once)."""
    from playground.datasets.base import Dataset
    from playground.kerasenv import keras, lower_thread_priority
    from playground.training.engine import TrainingEngine
    from playground.training.settings import TrainingSettings

    lower_thread_priority()  # a background nicety: never at the UI's expense
    k = keras()
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]] * 2, dtype=np.float32)
    y = np.array([0, 1, 1, 0] * 2, dtype=np.int32)
    data = Dataset("warmup", "Warm-up", "", "binary", x, y, x[:4], y[:4], None, None, (2,),
                   ["0", "1"])
    inputs = k.Input((2,))
    outputs = k.layers.Dense(1, activation="sigmoid")(k.layers.Dense(4)(inputs))
    TrainingEngine(k.Model(inputs, outputs), data,
                   TrainingSettings(epochs=1, batch_size=4, device="cpu")).run()
    freeze_long_lived_objects()


def freeze_long_lived_objects() -> int:
    """Collect the young generations, then exclude every object alive now from future
    collections (see the module docstring); returns how many objects are frozen."""
    gc.collect(1)
    gc.freeze()
    return gc.get_freeze_count()
