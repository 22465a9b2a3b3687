"""Core speed: shape inference on a 20-layer graph, MobileNetV2 import vs keras load_model.

Targets (issue 2): shape inference after an edit < 100 ms for a 20-layer graph (warm);
import times reported as ratios against keras.saving.load_model on the same file.

Prints one JSON line: benchmark, shape_edit_median_ms, shape_scratch_median_ms,
load_model_s, import_s, import_over_load, import_and_shapes_over_load.

    .venv/bin/python benchmarks/bench_core.py [--smoke]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from harness import add_smoke, report  # noqa: E402

from playground import Graph  # noqa: E402
from playground.network.keras_build import build_model  # noqa: E402
from playground.network.keras_import import import_keras_file  # noqa: E402
from playground.kerasenv import keras  # noqa: E402
from playground.network.shapes import _cache, infer_shapes  # noqa: E402


def twenty_layer_graph() -> tuple[Graph, list[str]]:
    g = Graph()
    types = [("Input", {"batch_shape": [None, 32, 32, 3]})]
    for i in range(4):
        types += [("Conv2D", {"filters": 16 * (i + 1), "padding": "same",
                              "activation": "relu"}),
                  ("BatchNormalization", {}), ("Conv2D", {"filters": 16 * (i + 1),
                                                           "padding": "same"}),
                  ("MaxPooling2D", {"padding": "same"})]
    types += [("Flatten", {}), ("Dense", {"units": 64, "activation": "relu"}),
              ("Dropout", {"rate": 0.3}), ("Dense", {"units": 10, "activation": "softmax"})]
    ids = [g.add_node(t, p).id for t, p in types]
    for a, b in zip(ids, ids[1:]):
        g.connect(a, b)
    return g, ids


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def main() -> int:
    args = add_smoke(argparse.ArgumentParser(description=__doc__.splitlines()[0])).parse_args()
    repeats = 1 if args.smoke else 3
    k = keras()
    g, ids = twenty_layer_graph()
    assert len(g) >= 20, len(g)
    infer_shapes(g)  # warm-up: Keras's first symbolic call traces a lot
    # An edit in the middle (the realistic case: upstream results are cached).
    flips = iter(range(10_000))

    def edit_and_infer() -> None:
        g.set_param(ids[5], "filters", 33 + next(flips))  # a new value: no cache hit
        infer_shapes(g)

    edit = timed(edit_and_infer, 3 if args.smoke else 20)

    def cold() -> None:
        _cache.clear()
        infer_shapes(g)

    full = timed(cold, 2 if args.smoke else 10)
    ok = statistics.median(edit) < 0.1
    print(f"shape inference, 20-layer graph: after an edit median {statistics.median(edit)*1e3:.1f} ms"
          f" (max {max(edit)*1e3:.1f}); from scratch median {statistics.median(full)*1e3:.1f} ms")
    print(f"TARGET shape inference < 100 ms after an edit: {'ok' if ok else 'MISSED'}")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mobilenetv2.keras"
        if args.smoke:  # the 20-layer CNN instead: the same code path in seconds
            build_model(g).save(path)
        else:
            k.applications.MobileNetV2(weights=None).save(path)
        if not args.smoke:
            k.saving.load_model(path)  # warm both paths once
            import_keras_file(path)
        load = timed(lambda: k.saving.load_model(path, safe_mode=True), repeats)
        imp = timed(lambda: import_keras_file(path), repeats)
        graph, weights = import_keras_file(path)
        rebuild = timed(lambda: build_model(graph, weights), repeats)
        inf = timed(lambda: (_cache.clear(), infer_shapes(graph)), repeats)
    lm, im = statistics.median(load), statistics.median(imp)
    print(f"MobileNetV2 (156 layers): keras load_model {lm:.2f} s; import to graph "
          f"{im:.2f} s (ratio {im / lm:.2f}x); rebuild model {statistics.median(rebuild):.2f} s;"
          f" shapes from scratch {statistics.median(inf):.2f} s")
    print(f"ratio import/load_model = {im / lm:.2f}; (import + shapes)/load_model = "
          f"{(im + statistics.median(inf)) / lm:.2f}")
    report("core", shape_edit_median_ms=statistics.median(edit) * 1e3,
           shape_scratch_median_ms=statistics.median(full) * 1e3, load_model_s=lm,
           import_s=im, import_over_load=im / lm,
           import_and_shapes_over_load=(im + statistics.median(inf)) / lm)
    return 0


if __name__ == "__main__":
    sys.exit(main())
