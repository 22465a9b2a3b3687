"""Background work and graph copies: what the one runner costs, and what a structural
Graph.copy saves (the shape service copies the graph after every edit).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_background.py [--smoke]
Prints medians and ratios; not a test.

Prints one JSON line: benchmark, copy_structural_ms, copy_validating_ms, copy_speedup,
runner_round_trip_ms, thread_round_trip_ms.
"""
from __future__ import annotations

import argparse
import copy
import os
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from harness import add_smoke, report  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Signal
from PySide6.QtWidgets import QApplication  # noqa: E402

from playground.network.chains import add_chain  # noqa: E402
from playground.network.graph import Graph  # noqa: E402

ROUNDS = 200
COPIES = 30


def _chain(layers: int) -> Graph:
    graph = Graph()
    spec = [("Input", {"batch_shape": [None, 32]})]
    spec += [("Dense", {"units": 16, "activation": "relu"})] * (layers - 1)
    add_chain(graph, spec)
    return graph


def bench_copy() -> tuple[float, float]:
    graph = _chain(200)
    structural, validated = [], []
    for _ in range(COPIES):
        t = time.perf_counter()
        graph.copy()
        structural.append(time.perf_counter() - t)
        t = time.perf_counter()
        Graph.from_dict(copy.deepcopy(graph.to_dict()))   # what copy() did before
        validated.append(time.perf_counter() - t)
    s, v = statistics.median(structural), statistics.median(validated)
    print(f"Graph.copy of 200 layers: structural {s * 1e3:.2f} ms, validating {v * 1e3:.2f} ms "
          f"({v / s:.1f}x)")
    return s, v


class _Done(QObject):
    done = Signal(object)


def _round_trips(request) -> list[float]:
    """Seconds from request to the result arriving on the UI thread, one at a time."""
    times = []
    for _ in range(ROUNDS):
        loop = QEventLoop()
        started = time.perf_counter()
        request(loop)
        loop.exec()
        times.append(time.perf_counter() - started)
    return times


def bench_runner() -> tuple[float, float]:
    from ui.background import BackgroundRunner

    runner = BackgroundRunner("bench")

    def via_runner(loop: QEventLoop) -> None:
        runner.done.connect(loop.quit)
        runner.request(lambda: 1)

    runner_times = _round_trips(via_runner)
    runner.shutdown()

    relay = _Done()

    def via_thread(loop: QEventLoop) -> None:  # the hand-written way: a thread per job
        relay.done.connect(loop.quit)
        threading.Thread(target=lambda: relay.done.emit(1)).start()

    thread_times = _round_trips(via_thread)
    r, t = statistics.median(runner_times), statistics.median(thread_times)
    print(f"Round trip of an empty job (request -> result on the UI thread), median of "
          f"{ROUNDS}: runner {r * 1e3:.3f} ms, new thread per job {t * 1e3:.3f} ms "
          f"({r / t:.2f}x)")
    return r, t


if __name__ == "__main__":
    args = add_smoke(argparse.ArgumentParser(description=__doc__.splitlines()[0])).parse_args()
    if args.smoke:
        ROUNDS, COPIES = 20, 3
    app = QApplication.instance() or QApplication([])
    structural_s, validating_s = bench_copy()
    runner_s, thread_s = bench_runner()
    QCoreApplication.processEvents()
    report("background", copy_structural_ms=structural_s * 1e3,
           copy_validating_ms=validating_s * 1e3, copy_speedup=validating_s / structural_s,
           runner_round_trip_ms=runner_s * 1e3, thread_round_trip_ms=thread_s * 1e3)
