"""Large network speed: engine samples/s vs plain ``model.fit`` on the MNIST CNN.

Keras's "simple MNIST convnet" (the mnist_cnn preset's graph), batch 128, same data and
starting weights for both. Each side trains ``--epochs`` epochs; samples/s is taken from the
epochs after the first (tracing excluded), and the two sides alternate ``--repeats`` times
because the machine is shared. Besides wall-clock samples/s it prints samples per CPU-second
of this process (all its threads): on a machine shared with other jobs that ratio is the
steadier one. Target: engine >= 0.97x fit.

    PLAYGROUND_DATA_DIR=../shared/data .venv/bin/python benchmarks/bench_training_mnist.py \
        [--subset 15000] [--epochs 2] [--repeats 2] [--smoke]

Prints one JSON line: benchmark, examples, fit_samples_per_s, engine_samples_per_s,
engine_over_fit, engine_over_fit_cpu.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

from harness import add_smoke, report, use_data  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--subset", type=int, default=15000, help="training examples used")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--device", default="auto")
    args = add_smoke(parser).parse_args()
    use_data(args.smoke)
    if args.smoke:
        args.subset, args.repeats, args.batch_size = 256, 1, 64

    from playground.datasets import load_dataset
    from playground.network.keras_build import build_model
    from playground.kerasenv import keras
    from playground.files.project import load_project
    from playground.training import TrainingSettings
    from playground.training.device import enable_memory_growth
    from playground.training.engine import TrainingEngine

    enable_memory_growth()
    k = keras()
    project = load_project(os.path.join(ROOT, "presets", "mnist_cnn.kpg"))
    dataset = load_dataset("mnist", {"subset": args.subset})
    k.utils.set_random_seed(0)
    initial = build_model(project.graph).get_weights()
    x, y = dataset.x_train, dataset.y_train
    n = len(x)

    def fit_rate() -> float:
        model = build_model(project.graph)
        model.set_weights(initial)
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
                      metrics=["accuracy"])
        marks: list[tuple[float, float]] = []

        class Marks(k.callbacks.Callback):
            def on_epoch_begin(self, epoch, logs=None):
                marks.append((time.perf_counter(), time.process_time()))

            def on_epoch_end(self, epoch, logs=None):
                marks.append((time.perf_counter(), time.process_time()))

        model.fit(x, y, batch_size=args.batch_size, epochs=args.epochs, verbose=0,
                  callbacks=[Marks()])
        wall = sum(marks[2 * i + 1][0] - marks[2 * i][0] for i in range(1, args.epochs))
        cpu = sum(marks[2 * i + 1][1] - marks[2 * i][1] for i in range(1, args.epochs))
        return n * (args.epochs - 1) / wall, n * (args.epochs - 1) / cpu

    def engine_rate() -> float:
        model = build_model(project.graph)
        model.set_weights(initial)
        marks: list[tuple[float, float]] = []

        def on_event(event):
            if type(event).__name__ in ("RunStarted", "EpochEnded"):
                marks.append((time.perf_counter(), time.process_time()))

        settings = TrainingSettings(optimizer="adam", epochs=args.epochs,
                                    batch_size=args.batch_size, validation_split=0.0,
                                    device=args.device)
        engine = TrainingEngine(model, dataset, settings, on_event)
        engine.run()
        print(f"  engine device: {engine.device_description}")
        wall = marks[-1][0] - marks[1][0]
        cpu = marks[-1][1] - marks[1][1]
        return n * (args.epochs - 1) / wall, n * (args.epochs - 1) / cpu

    fits, engines = [], []
    for i in range(args.repeats):
        fits.append(fit_rate())
        engines.append(engine_rate())
        print(f"repeat {i + 1}: fit {fits[-1][0]:7.0f} samples/s ({fits[-1][1]:6.0f}/CPU-s)"
              f"   engine {engines[-1][0]:7.0f} samples/s ({engines[-1][1]:6.0f}/CPU-s)"
              f"   ratio {engines[-1][0] / fits[-1][0]:.3f} "
              f"(CPU {engines[-1][1] / fits[-1][1]:.3f})")
    print(f"MNIST CNN, {n} examples, batch {args.batch_size}, {args.epochs} epochs per run")
    medians = []
    for label, index in (("wall-clock samples/s", 0), ("samples per CPU-second", 1)):
        fit_med = statistics.median(f[index] for f in fits)
        eng_med = statistics.median(e[index] for e in engines)
        medians.append((fit_med, eng_med))
        print(f"RATIO engine/fit {label}: {eng_med / fit_med:.3f}  "
              f"(fit {fit_med:.0f}, engine {eng_med:.0f}; target >= 0.97)")
    (fit_wall, eng_wall), (fit_cpu, eng_cpu) = medians
    report("training_mnist", examples=n, fit_samples_per_s=fit_wall,
           engine_samples_per_s=eng_wall, engine_over_fit=eng_wall / fit_wall,
           engine_over_fit_cpu=eng_cpu / fit_cpu)


if __name__ == "__main__":
    main()
