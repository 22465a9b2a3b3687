"""Small network speed: the engine vs plain ``model.fit`` (defaults) on a 2-8-8-1 MLP.

TensorFlow-Playground-sized problem: XOR, 250 training points, batch 10 (25 steps an
epoch). Both train the same architecture from the same starting weights on the same data;
the engine reports every batch to a callback that merges them the way the app's worker does
(~25 updates a second), so "the curves still update". Prints epochs/s and the ratio
(target: engine >= 5x fit). Steady-state rates leave out each side's first epoch (tracing).

    .venv/bin/python benchmarks/bench_training_small.py [--epochs 300] [--fit-epochs 30] [--smoke]

Prints one JSON line: benchmark, fit_epochs_per_s, engine_epochs_per_s,
engine_over_fit_steady, engine_over_fit_overall, ui_updates_per_s.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import numpy as np  # noqa: E402

from harness import add_smoke, report  # noqa: E402

from playground.training.events import EpochEnded, StepsDone  # noqa: E402


def make_model():
    from playground.kerasenv import keras

    k = keras()
    inputs = k.Input((2,))
    h = k.layers.Dense(8, activation="tanh")(inputs)
    h = k.layers.Dense(8, activation="tanh")(h)
    return k.Model(inputs, k.layers.Dense(1, activation="sigmoid")(h))


class ThrottledConsumer:
    """Stands in for the UI: keeps every batch loss, 'draws' at most every 40 ms."""

    def __init__(self):
        self.losses: list[float] = []
        self.updates = 0
        self.epoch_times: list[float] = []
        self._last = 0.0

    def __call__(self, event) -> None:
        if isinstance(event, StepsDone):
            self.losses.extend(event.batch_losses)
            now = time.perf_counter()
            if now - self._last >= 0.04:
                self._last = now
                self.updates += 1
        elif isinstance(event, EpochEnded):
            self.epoch_times.append(time.perf_counter())


def steady_rate(times: list[float], start: float) -> tuple[float, float]:
    """(overall epochs/s including the first epoch, steady epochs/s after it)."""
    overall = len(times) / (times[-1] - start)
    steady = (len(times) - 1) / (times[-1] - times[0])
    return overall, steady


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=300)
    parser.add_argument("--fit-epochs", type=int, default=30)
    parser.add_argument("--validation", type=float, default=0.0,
                        help="validation split for both (0 = fit's default: none)")
    args = add_smoke(parser).parse_args()
    if args.smoke:
        args.epochs, args.fit_epochs = 6, 3

    from playground.datasets import load_dataset
    from playground.kerasenv import keras
    from playground.training import TrainingSettings
    from playground.training.engine import TrainingEngine

    k = keras()
    dataset = load_dataset("xor", {"samples": 500})
    k.utils.set_random_seed(0)
    initial = make_model().get_weights()

    # Plain model.fit, default settings (batch 10 given, as the problem states).
    fit_model = make_model()
    fit_model.set_weights(initial)
    fit_model.compile(optimizer=k.optimizers.Adam(0.03), loss="binary_crossentropy",
                      metrics=["accuracy"])
    fit_times: list[float] = []

    class Times(k.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            fit_times.append(time.perf_counter())

    x = dataset.x_train.astype(np.float32)
    y = dataset.y_train.astype(np.float32)
    start = time.perf_counter()
    fit_model.fit(x, y, batch_size=10, epochs=args.fit_epochs, verbose=0,
                  validation_split=args.validation, callbacks=[Times()])
    fit_overall, fit_steady = steady_rate(fit_times, start)

    engine_model = make_model()
    engine_model.set_weights(initial)
    consumer = ThrottledConsumer()
    settings = TrainingSettings(optimizer="adam", learning_rate=0.03, epochs=args.epochs,
                                batch_size=10, validation_split=args.validation, seed=0,
                                device="cpu")
    engine = TrainingEngine(engine_model, dataset, settings, consumer)
    start = time.perf_counter()
    result = engine.run()
    eng_overall, eng_steady = steady_rate(consumer.epoch_times, start)
    elapsed = time.perf_counter() - start

    steps = -(-len(x) * (1 - args.validation) // 10)
    print(f"data: {len(x)} training points, batch 10 (~{steps:.0f} steps/epoch), "
          f"validation split {args.validation}")
    print(f"model.fit defaults : {fit_overall:8.1f} epochs/s overall, "
          f"{fit_steady:8.1f} steady ({args.fit_epochs} epochs)")
    print(f"engine             : {eng_overall:8.1f} epochs/s overall, "
          f"{eng_steady:8.1f} steady ({args.epochs} epochs, {elapsed:.1f} s)")
    print(f"engine UI updates  : {consumer.updates / elapsed:.1f} per second, "
          f"{len(consumer.losses)} batch losses delivered")
    print(f"final: engine loss {result.final_logs['loss']:.4f} accuracy "
          f"{result.final_logs['accuracy']:.3f}")
    print(f"RATIO engine/fit epochs/s: steady {eng_steady / fit_steady:.1f}x, "
          f"overall {eng_overall / fit_overall:.1f}x  (target >= 5x)")
    report("training_small", fit_epochs_per_s=fit_steady, engine_epochs_per_s=eng_steady,
           engine_over_fit_steady=eng_steady / fit_steady,
           engine_over_fit_overall=eng_overall / fit_overall,
           ui_updates_per_s=consumer.updates / elapsed)


if __name__ == "__main__":
    main()
