"""UI responsiveness while the app trains the MNIST CNN.

Opens the real main window (offscreen unless a display is set), loads the mnist_cnn
preset, presses Train, and records the gaps between ticks of a 10 ms QTimer from the
moment Train is pressed until the run ends. Long gaps are freezes the user would feel.
Prints p50 / p99 / worst gap (target: p99 < 25 ms, worst < 200 ms).

    .venv/bin/python benchmarks/bench_ui_responsiveness.py [--subset 12000] [--epochs 2] [--smoke]

Prints one JSON line: benchmark, training_s, gap_p50_ms, gap_p99_ms, gap_worst_ms,
first_batch_s.
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
    parser.add_argument("--subset", type=int, default=12000)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--panel-only", action="store_true",
                        help="only the Training panel (leaves out the other panels' work)")
    args = add_smoke(parser).parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    use_data(args.smoke)
    if args.smoke:
        args.subset, args.epochs = 300, 1

    import numpy as np
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from playground.kerasenv import configure_environment
    from playground.files.project import load_project

    configure_environment()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    project = load_project(os.path.join(ROOT, "presets", "mnist_cnn.kpg"))
    project.dataset["params"]["subset"] = args.subset
    project.training.update(epochs=args.epochs, validation_split=0.1)
    if args.panel_only:
        from ui.document import Document
        from ui.tf_loader import TFLoader
        from ui.training.panel import TrainingPanel

        window = TrainingPanel(Document(project))
        window.panels.training = window
        window.tf_loader = TFLoader(window)
        window.tfLoaded = window.tf_loader.loaded
        window.tfLoaded.connect(window._on_tf_loaded)  # as MainWindow.tfLoaded does
        window.resize(1200, 500)
    else:
        from ui.app import create_window

        from PySide6.QtWidgets import QDockWidget

        window = create_window(app)
        window.document.replace_project(project)
        for dock in window.findChildren(QDockWidget):  # the curves must be on screen
            if dock.objectName() == "training_panel":
                dock.raise_()
    window.show()
    window.tf_loader.start()
    panel = window.panels.training
    ticks: list[float] = []
    state = {"train_pressed": None, "first_batch": None}

    def tick() -> None:
        ticks.append(time.perf_counter())

    def press_train() -> None:
        state["train_pressed"] = time.perf_counter()
        ticks.clear()
        panel.train_button.click()

    def first_progress(_p) -> None:
        if state["first_batch"] is None:
            state["first_batch"] = time.perf_counter()

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    panel.controller.progress.connect(first_progress)
    marks: list[tuple[float, str]] = []
    c = panel.controller
    c.runInfo.connect(lambda _i: marks.append((time.perf_counter(), "run start")))
    c.epochEnded.connect(lambda e: marks.append((time.perf_counter(), f"epoch {e.progress.epoch}")))
    c.finished.connect(lambda _e: marks.append((time.perf_counter(), "finished")))
    panel.controller.runningChanged.connect(lambda running: running or app.exit(0))
    # Train once TensorFlow has loaded and the panel's background warm-up run is over, as
    # a user would a few seconds after the window appears.
    def press_when_ready() -> None:
        warmup = getattr(panel, "_warmup", None)
        if warmup is not None and warmup.busy:
            QTimer.singleShot(100, press_when_ready)
        else:
            QTimer.singleShot(500, press_train)

    window.tfLoaded.connect(lambda: QTimer.singleShot(200, press_when_ready))
    app.exec()
    timer.stop()

    gaps = np.diff(np.array(ticks)) * 1000.0
    end = ticks[-1]
    print(f"run: {panel.status.text()!r}")
    print(f"{len(gaps)} timer gaps over {end - state['train_pressed']:.1f} s of training "
          f"(first batch {state['first_batch'] - state['train_pressed']:.1f} s after Train)")
    print(f"gap p50 {np.percentile(gaps, 50):.1f} ms   p99 {np.percentile(gaps, 99):.1f} ms   "
          f"worst {gaps.max():.1f} ms   (target p99 < 25 ms, worst < 200 ms)")
    if state["first_batch"]:
        after = np.array(ticks)
        steady = np.diff(after[after >= state["first_batch"]]) * 1000.0
        print(f"after the first batch: p99 {np.percentile(steady, 99):.1f} ms   "
              f"worst {steady.max():.1f} ms")
    t0 = state["train_pressed"]
    print("longest gaps (end time after Train, nearest signal before it):")
    for i in np.argsort(gaps)[::-1][:5]:
        when = ticks[i + 1]
        before = [name for t, name in marks if t <= when]
        print(f"  {gaps[i]:6.1f} ms ending at {when - t0:5.2f} s  (after: "
              f"{before[-1] if before else 'Train pressed'})")
    first_batch = state["first_batch"]
    report("ui_responsiveness", training_s=end - state["train_pressed"],
           gap_p50_ms=np.percentile(gaps, 50), gap_p99_ms=np.percentile(gaps, 99),
           gap_worst_ms=gaps.max(),
           first_batch_s=first_batch - state["train_pressed"] if first_batch else None)
    import gc

    started = time.perf_counter()
    gc.collect()
    print(f"a full garbage collection after the run: {(time.perf_counter() - started) * 1000:.0f}"
          f" ms ({gc.get_freeze_count()} start-up objects frozen out of it by the warm-up; "
          f"{len(gc.get_objects())} still tracked)")
    window.document.set_modified(False)  # no "save changes?" question on close
    window.close()
    panel.shutdown()


if __name__ == "__main__":
    main()
