"""GPU check: the engine on each GPU vs the CPU (MNIST CNN), with memory growth verified.

Prints the device description the status bar would show, whether memory growth is on for
every GPU, samples/s on the CPU and on each GPU (epochs after the first), the speed-up,
and the test accuracy reached on each (they should agree). Without a GPU it says so.

    PLAYGROUND_DATA_DIR=../shared/data .venv/bin/python benchmarks/bench_training_gpu.py \
        [--subset 20000] [--epochs 2] [--batch-size 128] [--smoke]

Prints one JSON line per device: benchmark, device, description, samples_per_s,
test_accuracy, memory_growth.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

from harness import add_smoke, report, use_data  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--subset", type=int, default=20000)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=128)
    args = add_smoke(parser).parse_args()
    use_data(args.smoke)
    if args.smoke:
        args.subset, args.batch_size = 256, 64

    from playground.training.device import (default_device_description, enable_memory_growth,
                                            list_gpus)

    notes = enable_memory_growth()
    import tensorflow as tf

    from playground.datasets import load_dataset
    from playground.network.keras_build import build_model
    from playground.files.project import load_project
    from playground.training import TrainingSettings
    from playground.training.engine import TrainingEngine

    gpus = list_gpus()
    print(f"status bar device: {default_device_description()}")
    growth = [tf.config.experimental.get_memory_growth(g)
              for g in tf.config.list_physical_devices("GPU")]
    print(f"GPUs: {[g.name for g in gpus] or 'none'}; memory growth on: {growth}; "
          f"notes: {notes or 'none'}")
    project = load_project(os.path.join(ROOT, "presets", "mnist_cnn.kpg"))
    dataset = load_dataset("mnist", {"subset": args.subset})
    rates: dict[str, float] = {}
    for device in ["cpu"] + [f"gpu:{g.index}" for g in gpus]:
        marks: list[float] = []

        def on_event(event, marks=marks):
            if type(event).__name__ in ("RunStarted", "EpochEnded"):
                marks.append(time.perf_counter())

        settings = TrainingSettings(epochs=args.epochs, batch_size=args.batch_size,
                                    validation_split=0.0, seed=1, device=device)
        engine = TrainingEngine(build_model(project.graph), dataset, settings, on_event)
        result = engine.run()
        rates[device] = len(dataset.x_train) * (args.epochs - 1) / (marks[-1] - marks[1])
        print(f"{device:6s} ({engine.device_description}): {rates[device]:9.0f} samples/s, "
              f"test accuracy {result.test_logs.get('test_accuracy', float('nan')):.4f}")
        report("training_gpu", device=device, description=engine.device_description,
               samples_per_s=rates[device],
               test_accuracy=result.test_logs.get("test_accuracy", float("nan")),
               memory_growth=all(growth))
    for device, rate in rates.items():
        if device != "cpu":
            print(f"SPEED-UP {device} over CPU: {rate / rates['cpu']:.1f}x")
    if not gpus:
        print("No GPU found: training runs on the CPU (the status bar says so).")


if __name__ == "__main__":
    main()
