"""Background work and graph copies: what the one runner costs, and what a structural
Graph.copy saves (the shape service copies the graph after every edit).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_background.py
Prints medians and ratios; not a test.
"""
from __future__ import annotations

import copy
import statistics
import threading
import time

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Signal
from PySide6.QtWidgets import QApplication

from playground.network.chains import add_chain
from playground.network.graph import Graph

ROUNDS = 200


def _chain(layers: int) -> Graph:
    graph = Graph()
    spec = [("Input", {"batch_shape": [None, 32]})]
    spec += [("Dense", {"units": 16, "activation": "relu"})] * (layers - 1)
    add_chain(graph, spec)
    return graph


def bench_copy() -> None:
    graph = _chain(200)
    structural, validated = [], []
    for _ in range(30):
        t = time.perf_counter()
        graph.copy()
        structural.append(time.perf_counter() - t)
        t = time.perf_counter()
        Graph.from_dict(copy.deepcopy(graph.to_dict()))   # what copy() did before
        validated.append(time.perf_counter() - t)
    s, v = statistics.median(structural), statistics.median(validated)
    print(f"Graph.copy of 200 layers: structural {s * 1e3:.2f} ms, validating {v * 1e3:.2f} ms "
          f"({v / s:.1f}x)")


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


def bench_runner() -> None:
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


if __name__ == "__main__":
    app = QApplication.instance() or QApplication([])
    bench_copy()
    bench_runner()
    QCoreApplication.processEvents()
