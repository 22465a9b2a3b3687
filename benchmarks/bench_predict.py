"""``predict`` on a folder of pictures vs Keras's own pipeline on the same files.

Run: .venv/bin/python benchmarks/bench_predict.py [--smoke]
Writes 10 000 pictures (32 × 32 colour PNG, two class folders; 600 with --smoke), then
times, in one process and on the same files and model:

- ``predict``: :func:`playground.cli.predict` reading the folder (Pillow, streamed in
  chunks) and running the model with the data preparation in front;
- Keras: ``keras.saving.load_model`` of the same model exported with its preparation,
  ``keras.utils.image_dataset_from_directory`` + ``model.predict`` (the usual way to run a
  trained model over a folder). Both start from files on disk.

The issue's target: predict >= 0.9x Keras's samples/s.

Prints one JSON line: benchmark, pictures, predict_samples_per_s, keras_samples_per_s,
predict_over_keras.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from harness import report  # noqa: E402

TARGET = 0.9
SIZE = 32


def write_pictures(root: Path, count: int) -> None:
    from PIL import Image

    rng = np.random.default_rng(0)
    for c, name in enumerate(("cats", "dogs")):
        (root / name).mkdir(parents=True)
        for i in range(count // 2):
            pixels = rng.integers(0, 255, (SIZE, SIZE, 3), dtype=np.uint8)
            pixels[..., c] = 250
            Image.fromarray(pixels).save(root / name / f"{i:05d}.png")


def make_project(root: Path, project_path: Path) -> None:
    from playground.files.project import Project, save_project
    from playground.network.graph import Graph
    from playground.network.keras_build import build_model, model_weights_by_node
    from tests.helpers import chain

    graph = Graph("picture_net")
    chain(graph, ("Input", {"batch_shape": [None, SIZE, SIZE, 3]}),
          ("Conv2D", {"filters": 8, "kernel_size": [3, 3], "activation": "relu"}),
          ("MaxPooling2D", {}),
          ("Conv2D", {"filters": 16, "kernel_size": [3, 3], "activation": "relu"}),
          ("GlobalAveragePooling2D", {}),
          ("Dense", {"units": 2, "activation": "softmax"}))
    model = build_model(graph, seed=0)
    choice = {"name": "image_folder", "params": {"path": str(root), "size": SIZE,
                                                 "color": "rgb", "max_per_class": 20}}
    save_project(Project(graph=graph, dataset=choice,
                         weights=model_weights_by_node(graph, model)), project_path)


def time_predict(project: Path, folder: Path) -> tuple[float, int]:
    from playground.cli.main import main

    out = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["predict", str(project), str(folder)])
    seconds = time.perf_counter() - start
    assert code == 0
    return seconds, len(out.getvalue().splitlines()) - 1


def time_keras(model_file: Path, folder: Path) -> tuple[float, int]:
    """The same model exported as .keras with its preparation (it takes 0-255 pixels),
    loaded inside the timing as ``predict`` loads its project."""
    import keras

    start = time.perf_counter()
    model = keras.saving.load_model(model_file, safe_mode=True)
    data = keras.utils.image_dataset_from_directory(
        str(folder), labels=None, image_size=(SIZE, SIZE), batch_size=256, shuffle=False,
        verbose=False)
    outputs = model.predict(data, verbose=0)
    return time.perf_counter() - start, len(outputs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--smoke", action="store_true", help="600 pictures, one round")
    args = parser.parse_args()
    count = 600 if args.smoke else 10_000
    rounds = 1 if args.smoke else 3
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pictures"
        write_pictures(folder, count)
        project = Path(tmp) / "p.kpg"
        make_project(folder, project)
        model_file = Path(tmp) / "model.keras"
        from playground.export.keras_file import export_keras
        from playground.files.project import load_project

        export_keras(load_project(project), model_file, include_preparation=True)
        time_keras(model_file, folder)  # warm-up: TensorFlow's first graph building
        ours, theirs = [], []
        for _ in range(rounds):  # alternate, best of each: the machine is shared
            seconds, n = time_keras(model_file, folder)
            theirs.append(n / seconds)
            seconds, n = time_predict(project, folder)
            ours.append(n / seconds)
    best_ours, best_theirs = max(ours), max(theirs)
    ratio = best_ours / best_theirs
    print(f"{count} pictures {SIZE}×{SIZE} RGB")
    print(f"predict command:                       {best_ours:8,.0f} samples/s "
          f"(loading the project included)")
    print(f"load_model + image_dataset_from_directory + predict: {best_theirs:8,.0f} "
          "samples/s")
    print(f"ratio: {ratio:.2f}x")
    print(f"TARGET {'ok' if ratio >= TARGET else 'MISSED'}: predict >= {TARGET}x Keras's "
          "pipeline")
    report("predict", pictures=count, predict_samples_per_s=best_ours,
           keras_samples_per_s=best_theirs, predict_over_keras=ratio)


if __name__ == "__main__":
    main()
