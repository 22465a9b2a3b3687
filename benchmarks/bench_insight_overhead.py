"""Training with the live visualization probes on vs off: how much slower does it get?

Runs the same training (same data, seed, settings) alternately without and with the
insight probes that the UI installs for the dataset, several times, and prints the median
wall time of each and the slowdown ratio (goal: <= about 1.10).

    .venv/bin/python benchmarks/bench_insight_overhead.py [--dataset xor] [--epochs 40]
        [--repeats 3] [--batch-size 10]

Datasets: any 2-D one (boundary, neurons, weights, health, confusion probes), "celsius",
"sine" (sequence) or "mnist" (a small CNN with conv feature maps; uses PLAYGROUND_DATA_DIR).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playground.datasets import load_dataset  # noqa: E402
from playground.insight.probes import live_probes  # noqa: E402
from playground.kerasenv import keras  # noqa: E402
from playground.training import TrainingEngine, TrainingSettings  # noqa: E402
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
        if event.kind == "probe" and event.probe_result is not None:
            events[0] += 1

    budgeted = live_probes(dataset, model) if with_probes else {}
    probes = {name: Probe(fn) for name, fn in budgeted.items()}
    engine = TrainingEngine(model, dataset, settings, callback, probes)
    start, cpu = time.perf_counter(), time.process_time()
    engine.run()
    return (time.perf_counter() - start, events[0], sum(p.spent for p in budgeted.values()),
            time.process_time() - cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default="xor")
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--batch-size", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--subset", type=int, default=6000, help="MNIST training samples")
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
