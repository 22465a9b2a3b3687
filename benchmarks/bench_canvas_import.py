"""MobileNetV2 onto the canvas vs. keras.saving.load_model on the same file.

Measures, in one process after TensorFlow is imported (so neither side pays for it):
  * keras  : keras.saving.load_model(path)                                  (baseline)
  * canvas : File > Open of the .keras file until its nodes and edges are on the canvas,
             laid out, and the shape report (output shapes, parameters) is shown.
Prints both times and the ratio (target: canvas <= 2x keras). Then measures panning and
zooming that canvas: frame times of repaints while scrolling/zooming (target: smooth).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_canvas_import.py [--smoke]

Prints one JSON line: benchmark, load_model_s, canvas_s, canvas_over_load, ui_gap_p99_ms,
ui_gap_worst_ms, frame_median_ms, frame_p95_ms.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from harness import add_smoke, report  # noqa: E402


def small_model(k):
    """Smoke mode: a 12-layer CNN instead of MobileNetV2 (the same path in seconds)."""
    inputs = k.Input((32, 32, 3))
    h = inputs
    for filters in (8, 16, 32):
        h = k.layers.Conv2D(filters, 3, padding="same", activation="relu")(h)
        h = k.layers.BatchNormalization()(h)
        h = k.layers.MaxPooling2D()(h)
    h = k.layers.Flatten()(h)
    return k.Model(inputs, k.layers.Dense(10, activation="softmax")(h))


def main() -> None:
    args = add_smoke(argparse.ArgumentParser(description=__doc__.splitlines()[0])).parse_args()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from playground.kerasenv import keras

    app = QApplication.instance() or QApplication([])
    k = keras()
    folder = Path(tempfile.mkdtemp())
    path = folder / "mobilenet_v2.keras"
    model = small_model(k) if args.smoke else k.applications.MobileNetV2(weights=None)
    model.save(path)
    print(f"{model.name}: {len(model.layers)} layers, {model.count_params():,} parameters")

    from ui.document import Document
    from ui.main_window import MainWindow
    from ui.panels import install_panels

    window = MainWindow(Document(), settings=QSettings(str(folder / "s.ini"),
                                                       QSettings.Format.IniFormat))
    window.panels = install_panels(window)
    window.resize(1400, 900)
    window.show()
    window.tf_loader.start()
    while not window.tf_loader.is_loaded:
        app.processEvents()
        time.sleep(0.005)

    # Warm-up both paths once (first-call tracing in Keras), then measure the best of 3.
    keras_times, canvas_times = [], []
    for _round in range(2 if args.smoke else 4):
        t0 = time.perf_counter()
        k.saving.load_model(path)
        keras_times.append(time.perf_counter() - t0)

        window.document.set_modified(False)
        done = []
        window.file_actions.projectOpened.connect(lambda _p: done.append(1))
        t0 = time.perf_counter()
        window.file_actions.open_path(path, ask=False)
        while not done:
            app.processEvents()
            time.sleep(0.001)
        while window.shapes.report is None or window.shapes.busy:
            app.processEvents()
            time.sleep(0.001)
        app.processEvents()
        canvas_times.append(time.perf_counter() - t0)
        window.file_actions.projectOpened.disconnect()
        assert len(window.scene.node_items) == len(model.layers)
    keras_best, canvas_best = min(keras_times[1:]), min(canvas_times[1:])

    # Responsiveness while a model is opened: gaps between ticks of a 10 ms UI timer.
    from PySide6.QtCore import QTimer

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    window.document.set_modified(False)
    done.clear()
    window.file_actions.projectOpened.connect(lambda _p: done.append(1))
    timer.start()
    window.file_actions.open_path(path, ask=False)
    while not done or window.shapes.report is None or window.shapes.busy:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    gaps = sorted(b - a for a, b in zip(ticks, ticks[1:]))
    print(f"keras.saving.load_model : {keras_best:.3f} s (best of 3 after warm-up)")
    print(f"open onto canvas        : {canvas_best:.3f} s (nodes, edges, layout, shapes)")
    print(f"ratio canvas / keras    : {canvas_best / keras_best:.2f}  (target <= 2.0)")
    if gaps:
        print(f"UI timer gaps meanwhile : p50 {statistics.median(gaps) * 1000:.0f} ms, "
              f"p99 {gaps[int(len(gaps) * 0.99)] * 1000:.0f} ms, worst {gaps[-1] * 1000:.0f} ms "
              "(the window keeps repainting while the model loads on a worker thread)")

    # Pan and zoom smoothness: time full repaints of the viewport.
    view = window.view
    view.fit_all()
    view.set_zoom(0.6)
    frames = []
    bar = view.verticalScrollBar()
    for i in range(6 if args.smoke else 60):
        t0 = time.perf_counter()
        bar.setValue(bar.minimum() + (bar.maximum() - bar.minimum()) * i // 60)
        view.viewport().repaint()
        frames.append(time.perf_counter() - t0)
    zooms = 4 if args.smoke else 30
    for i in range(zooms):
        t0 = time.perf_counter()
        view.zoom_by(1.05 if i < zooms // 2 else 1 / 1.05)
        view.viewport().repaint()
        frames.append(time.perf_counter() - t0)
    frames.sort()
    print(f"pan/zoom frame time     : median {statistics.median(frames) * 1000:.1f} ms, "
          f"p95 {frames[int(len(frames) * 0.95)] * 1000:.1f} ms, worst {frames[-1] * 1000:.1f} ms "
          f"(smooth: p95 < 33 ms)")
    report("canvas_import", load_model_s=keras_best, canvas_s=canvas_best,
           canvas_over_load=canvas_best / keras_best,
           ui_gap_p99_ms=gaps[int(len(gaps) * 0.99)] * 1000 if gaps else None,
           ui_gap_worst_ms=gaps[-1] * 1000 if gaps else None,
           frame_median_ms=statistics.median(frames) * 1000,
           frame_p95_ms=frames[int(len(frames) * 0.95)] * 1000)
    window.document.set_modified(False)
    window.close()


if __name__ == "__main__":
    main()
