"""Training with the live visualization probes on vs off: how much slower does it get?

Runs the same training (same data, seed, settings) alternately without and with the
insight probes that the UI installs for the dataset, several times, and prints the median
wall time of each and the slowdown ratio (goal: <= about 1.10).

    .venv/bin/python benchmarks/bench_insight_overhead.py [--dataset xor] [--epochs 40]
        [--repeats 3] [--batch-size 10]

With ``--gui`` the whole app path is measured instead: the main window (offscreen) trains
the preset through its training controller, with the insight panel's probe and live views
on vs off, so the views' drawing on the UI thread is included.

Datasets: any 2-D one (boundary, neurons, weights, health, confusion probes), "celsius",
"sine" (sequence) or "mnist" (a small CNN with conv feature maps; uses PLAYGROUND_DATA_DIR).
``--smoke``: 2 epochs, one repeat (the committed MNIST sample for "mnist").

Prints one JSON line: benchmark, mode, data, epochs, off_median_s, on_median_s,
slowdown_ratio.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from harness import add_smoke, report, use_data  # noqa: E402
from playground.datasets import load_dataset  # noqa: E402
from playground.insight.probes import live_probes  # noqa: E402
from playground.kerasenv import keras  # noqa: E402
from playground.training import TrainingEngine, TrainingSettings  # noqa: E402
from playground.training.events import ProbeResult  # noqa: E402
from playground.training.events import Probe  # noqa: E402


def make_model(dataset):
    k = keras()
    k.utils.set_random_seed(0)
    inp = k.Input(dataset.input_shape)
    if len(dataset.input_shape) == 3:
        h = k.layers.Conv2D(8, 3, activation="relu")(inp)
        h = k.layers.MaxPooling2D()(h)
        h = k.layers.Conv2D(16, 3, activation="relu")(h)
        h = k.layers.Flatten()(h)
    else:
        h = k.layers.Flatten()(inp) if len(dataset.input_shape) > 1 else inp
        h = k.layers.Dense(8, activation="relu")(h)
        h = k.layers.Dense(8, activation="relu")(h)
    out = k.layers.Dense(dataset.output_size, activation=dataset.suggested_activation)(h)
    return k.Model(inp, out)


def run_once(dataset, settings, with_probes: bool) -> tuple[float, int, float, float]:
    """Wall time of one run, probe results delivered, seconds spent inside probes, and
    the process's CPU time (less disturbed than wall time on a shared machine)."""
    model = make_model(dataset)
    events = [0]

    def callback(event):
        if isinstance(event, ProbeResult) and event.result is not None:
            events[0] += 1

    budgeted = live_probes(dataset, model) if with_probes else {}
    probes = {name: Probe(fn) for name, fn in budgeted.items()}
    engine = TrainingEngine(model, dataset, settings, callback, probes)
    start, cpu = time.perf_counter(), time.process_time()
    engine.run()
    return (time.perf_counter() - start, events[0], sum(p.spent for p in budgeted.values()),
            time.process_time() - cpu)


def run_gui(args: argparse.Namespace) -> None:
    import os
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QSettings
    from PySide6.QtWidgets import QApplication

    from playground.insight.probes import InsightProbe
    from playground.files.project import load_project
    from ui.document import Document
    from ui.insight.panel import PROBE_NAME
    from ui.main_window import MainWindow
    from ui.panels import install_panels

    app = QApplication.instance() or QApplication([])
    ini = os.path.join(tempfile.mkdtemp(), "settings.ini")
    window = MainWindow(Document(), settings=QSettings(ini, QSettings.Format.IniFormat))
    window.panels = install_panels(window)
    window.show()
    root = Path(__file__).resolve().parent.parent
    project = load_project(root / "presets" / f"{args.preset}.kpg")
    window.document.replace_project(project)
    window.panels.insight.parentWidget().raise_()
    controller = window.panels.insight.controller
    settings = TrainingSettings.from_dict({**project.training, "epochs": args.epochs})

    def one(with_probe: bool) -> tuple[float, float]:
        """Wall seconds until the run's end is shown, and the engine's training seconds."""
        controller.remove_probe(PROBE_NAME)
        if with_probe:
            controller.add_probe(PROBE_NAME, InsightProbe())
        loop = QEventLoop()
        controller.finished.connect(loop.quit)
        controller.failed.connect(lambda message: print("failed:", message))
        start = time.perf_counter()
        controller.start(settings)
        loop.exec()
        controller.finished.disconnect(loop.quit)
        seconds = time.perf_counter() - start
        while controller.is_running():
            app.processEvents()
        return seconds, float(controller.last_entry["elapsed_s"])

    one(True)  # warm-up: TensorFlow import and first traces
    off, on, train_off, train_on = [], [], [], []
    for _ in range(args.repeats):
        for runs, trains, with_probe in ((off, train_off, False), (on, train_on, True)):
            wall, training = one(with_probe)
            runs.append(wall)
            trains.append(training)
    print(f"app path, preset={args.preset} epochs={args.epochs}")
    print(f"views off: median {statistics.median(off):.2f} s  (runs: "
          f"{', '.join(f'{t:.2f}' for t in off)})")
    print(f"views on:  median {statistics.median(on):.2f} s  (runs: "
          f"{', '.join(f'{t:.2f}' for t in on)})")
    print(f"training loop alone (engine's elapsed): off median {statistics.median(train_off):.2f}"
          f" s, on median {statistics.median(train_on):.2f} s, ratio "
          f"{statistics.median(train_on) / statistics.median(train_off):.3f}")
    print(f"slowdown ratio on/off (wall, incl. final views): median "
          f"{statistics.median(on) / statistics.median(off):.3f}, best-of {min(on) / min(off):.3f}")
    report("insight_overhead", mode="app", data=args.preset, epochs=args.epochs,
           off_median_s=statistics.median(off), on_median_s=statistics.median(on),
           slowdown_ratio=statistics.median(on) / statistics.median(off),
           training_loop_ratio=statistics.median(train_on) / statistics.median(train_off))
    window.document.set_modified(False)
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default="xor")
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--batch-size", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--subset", type=int, default=6000, help="MNIST training samples")
    parser.add_argument("--gui", action="store_true", help="measure through the app's "
                        "training controller with the insight panel drawing live")
    parser.add_argument("--preset", default="xor", help="preset trained in --gui mode")
    args = add_smoke(parser).parse_args()
    use_data(args.smoke)
    if args.smoke:
        args.epochs, args.repeats, args.subset = 2, 1, 300
    if args.gui:
        run_gui(args)
        return
    params = {"subset": args.subset} if args.dataset == "mnist" else {}
    dataset = load_dataset(args.dataset, params)
    settings = TrainingSettings(epochs=args.epochs, batch_size=args.batch_size, seed=0)
    run_once(dataset, TrainingSettings(epochs=1, batch_size=args.batch_size, seed=0), True)
    off, on, updates, inside, cpu_off, cpu_on = [], [], [], [], [], []
    for _ in range(args.repeats):  # alternate so machine load affects both alike
        seconds, _, _, cpu = run_once(dataset, settings, False)
        off.append(seconds)
        cpu_off.append(cpu)
        seconds, count, spent, cpu = run_once(dataset, settings, True)
        on.append(seconds)
        cpu_on.append(cpu)
        updates.append(count)
        inside.append(spent / seconds)
    t_off, t_on = statistics.median(off), statistics.median(on)
    print(f"dataset={args.dataset} epochs={args.epochs} batch={args.batch_size} "
          f"probes={sorted(live_probes(dataset))}")
    print(f"probes off: median {t_off:.2f} s  (runs: {', '.join(f'{t:.2f}' for t in off)})")
    print(f"probes on:  median {t_on:.2f} s  (runs: {', '.join(f'{t:.2f}' for t in on)}), "
          f"{statistics.median(updates):.0f} view updates per run")
    print(f"time inside probes: median {statistics.median(inside):.1%} of the run")
    print(f"CPU time: off median {statistics.median(cpu_off):.2f} s, on median "
          f"{statistics.median(cpu_on):.2f} s, ratio {statistics.median(cpu_on) / statistics.median(cpu_off):.3f}")
    print(f"slowdown ratio on/off: median {t_on / t_off:.3f}, best-of {min(on) / min(off):.3f}")
    report("insight_overhead", mode="engine", data=args.dataset, epochs=args.epochs,
           off_median_s=t_off, on_median_s=t_on, slowdown_ratio=t_on / t_off,
           cpu_ratio=statistics.median(cpu_on) / statistics.median(cpu_off),
           probe_share=statistics.median(inside))


if __name__ == "__main__":
    main()
