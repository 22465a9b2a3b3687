"""Which keras.applications models import and export exactly (issue 13).

For each model (weights=None, small input): save as .keras, import, check shapes, export,
and compare config, weights (bit for bit) and predictions. Prints one line per model and
the time of the import relative to Keras's own load.

Prints one JSON line per model: benchmark, model, nodes, shapes_ok, same_config,
same_weights, same_output, import_s, load_model_s, import_over_load.

    .venv/bin/python benchmarks/bench_applications_import.py [NAME ...] [--smoke]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from harness import add_smoke, report  # noqa: E402

from playground.errors import PlaygroundError
from playground.kerasenv import keras as load_keras
from playground.network.keras_build import build_model
from playground.network.keras_import import import_keras_file
from playground.network.shapes import infer_shapes

MODELS = {
    "MobileNetV2": dict(input_shape=(96, 96, 3)),
    "MobileNetV3Small": dict(input_shape=(64, 64, 3)),
    "MobileNetV3Large": dict(input_shape=(64, 64, 3)),
    "EfficientNetB0": dict(input_shape=(64, 64, 3)),
    "EfficientNetV2B0": dict(input_shape=(64, 64, 3)),
    "ResNet50": dict(input_shape=(64, 64, 3)),
    "DenseNet121": dict(input_shape=(64, 64, 3)),
    "ConvNeXtTiny": dict(input_shape=(64, 64, 3)),
    "NASNetMobile": dict(input_shape=(224, 224, 3)),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help=f"which ({', '.join(MODELS)}); all by default")
    args = add_smoke(parser).parse_args()
    shapes = dict(MODELS)
    if args.smoke:  # the smallest one, at the smallest input it takes
        shapes = {"MobileNetV3Small": dict(input_shape=(32, 32, 3), minimalistic=True)}
    keras = load_keras()
    for name in args.names or list(shapes):
        model = getattr(keras.applications, name)(weights=None, **shapes[name])
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "m.keras"
            model.save(path)
            start = time.perf_counter()
            keras.saving.load_model(path, compile=False)
            keras_s = time.perf_counter() - start
            start = time.perf_counter()
            try:
                graph, weights = import_keras_file(path)
            except PlaygroundError as exc:
                print(f"{name}: refused: {exc}")
                continue
            ours_s = time.perf_counter() - start
        report_ = infer_shapes(graph)
        rebuilt = build_model(graph, weights)
        same_config = json.dumps(model.get_config(), default=str) == json.dumps(
            rebuilt.get_config(), default=str)
        same_weights = all(np.array_equal(a, b) for a, b in
                           zip(model.get_weights(), rebuilt.get_weights()))
        x = np.random.default_rng(0).random((1, *shapes[name]["input_shape"])).astype("float32")
        same_output = np.array_equal(np.asarray(model(x)), np.asarray(rebuilt(x)))
        kinds = sorted({n.layer_type for n in graph if "." in n.layer_type
                        or n.layer_type in ("Functional", "Sequential") or n.shares})
        print(f"{name}: {len(graph)} nodes, shapes ok={report_.ok}, same config={same_config}, "
              f"weights identical={same_weights}, same output={same_output}, import "
              f"{ours_s:.2f}s vs keras load {keras_s:.2f}s ({ours_s / keras_s:.2f}x); "
              f"special nodes: {', '.join(kinds) or '-'}")
        report("applications_import", model=name, nodes=len(graph), shapes_ok=report_.ok,
               same_config=same_config, same_weights=same_weights, same_output=same_output,
               import_s=ours_s, load_model_s=keras_s, import_over_load=ours_s / keras_s)


if __name__ == "__main__":
    main()
