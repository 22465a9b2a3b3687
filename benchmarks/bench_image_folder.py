"""Picture folders: the app's streamed path against keras.utils.image_dataset_from_directory.

Run: .venv/bin/python benchmarks/bench_image_folder.py [--smoke] [--sizes 200,600]
For each size N it writes a folder of 3 classes × N pictures (128×128 RGB PNG), then, each
in a fresh process (so peak memory is that run's own), trains one epoch of the same small
CNN through:
  app    -- load_dataset("image_folder") + TrainingEngine (the app's and `train`'s path)
  keras  -- image_dataset_from_directory + model.fit (the reference)
  arrays -- the former path: every picture read into one array, then model.fit
and prints its seconds and peak RSS (MB) of each, and app/keras ratios.
Memory should stay flat for app and keras as N grows; arrays grows with N.

Prints one JSON line per size: benchmark, pictures, size, app, keras, time_ratio_app_keras, memory_ratio_app_keras.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CLASSES = ("circle", "square", "stripes")


def write_folder(root: Path, per_class: int, size: int) -> None:
    from PIL import Image, ImageDraw

    rng = np.random.default_rng(0)
    for c, name in enumerate(CLASSES):
        (root / name).mkdir(parents=True)
        for i in range(per_class):
            img = Image.fromarray(rng.integers(0, 90, (size, size, 3), dtype=np.uint8))
            draw = ImageDraw.Draw(img)
            a, b = sorted(rng.integers(10, size - 10, 2))
            if c == 0:
                draw.ellipse((a, a, b + 5, b + 5), fill=(240, 200, 40))
            elif c == 1:
                draw.rectangle((a, a, b + 5, b + 5), fill=(40, 200, 240))
            else:
                for y in range(0, size, 8):
                    draw.line((0, y, size, y), fill=(200, 40, 200), width=2)
            img.save(root / name / f"{i:05d}.png")


def cnn(keras, size: int, rescale: bool):
    layers = [keras.Input((size, size, 3))]
    if rescale:
        layers.append(keras.layers.Rescaling(1 / 255))
    layers += [keras.layers.Conv2D(8, 3, strides=2, activation="relu"),
               keras.layers.MaxPooling2D(),
               keras.layers.Conv2D(16, 3, activation="relu"),
               keras.layers.GlobalAveragePooling2D(),
               keras.layers.Dense(len(CLASSES), activation="softmax")]
    return keras.Sequential(layers)


def run_one(mode: str, folder: str, size: int, batch: int) -> dict[str, float]:
    """One epoch in this process; returns seconds and this process's peak RSS."""
    from playground.kerasenv import keras as get_keras

    keras = get_keras()
    keras.utils.set_random_seed(0)
    t0 = time.perf_counter()
    if mode == "app":
        from playground.datasets import load_dataset
        from playground.training import TrainingSettings
        from playground.training.engine import TrainingEngine

        ds = load_dataset("image_folder", {"path": folder, "size": size, "color": "rgb",
                                           "test_fraction": 0.05})
        model = cnn(keras, size, rescale=False)
        TrainingEngine(model, ds, TrainingSettings(epochs=1, batch_size=batch,
                                                   validation_split=0.0, seed=0)).run()
    elif mode == "keras":
        data = keras.utils.image_dataset_from_directory(folder, image_size=(size, size),
                                                        batch_size=batch, seed=0)
        model = cnn(keras, size, rescale=True)
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
                      metrics=["accuracy"])
        model.fit(data.prefetch(-1), epochs=1, verbose=0)
    else:
        from playground.datasets.image_folder import read_images

        x, y, _c, _u = read_images(folder, size, "rgb")
        model = cnn(keras, size, rescale=False)
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
                      metrics=["accuracy"])
        model.fit(x.astype(np.float32) / 255.0, y, batch_size=batch, epochs=1, verbose=0)
    seconds = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"seconds": round(seconds, 2), "peak_mb": round(peak_mb, 1)}


def measure(mode: str, folder: str, size: int, batch: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--one", mode, folder, str(size),
                          str(batch)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--smoke", action="store_true", help="tiny folders, seconds")
    parser.add_argument("--sizes", default="200,600", help="pictures per class")
    parser.add_argument("--one", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        mode, folder, size, batch = args.one
        print(json.dumps(run_one(mode, folder, int(size), int(batch))))
        return
    sizes = [8] if args.smoke else [int(s) for s in args.sizes.split(",")]
    size = 32 if args.smoke else 128
    modes = ("app", "keras") if args.smoke else ("app", "keras", "arrays")
    for per_class in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "pictures"
            write_folder(folder, per_class, size)
            row: dict[str, object] = {"benchmark": "image_folder",
                                      "pictures": per_class * len(CLASSES),
                                      "size": f"{size}x{size}x3"}
            for mode in modes:
                row[mode] = measure(mode, str(folder), size, 32)
            row["time_ratio_app_keras"] = round(row["app"]["seconds"]
                                                / row["keras"]["seconds"], 2)
            row["memory_ratio_app_keras"] = round(row["app"]["peak_mb"]
                                                  / row["keras"]["peak_mb"], 2)
            print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
