"""Start and stop training 50 times in a row through the Qt controller (offscreen).

Prints the threads left behind (must be 0) and the memory (RSS) after the first runs, every
ten runs and at the end (should stay roughly flat: no model, thread or graph kept per run),
then TARGET lines.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_start_stop.py [--runs 50] [--smoke]

Prints one JSON line: benchmark, runs, failures, threads_left, rss_mb_per_run,
stop_latency_median_ms, stop_latency_max_ms.
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from harness import add_smoke, report  # noqa: E402


FLAT_MB_PER_RUN = 1.0


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def os_threads() -> int:
    return len(os.listdir("/proc/self/task"))


def project():
    from playground.network.chains import chain_graph
    from playground.files.project import Project

    graph = chain_graph([("Input", {"batch_shape": [None, 2]}),
                         ("Dense", {"units": 16, "activation": "tanh"}),
                         ("Dense", {"units": 1, "activation": "sigmoid"})])
    return Project(graph=graph, dataset={"name": "circle", "params": {"samples": 400}},
                   training={"epochs": 1000, "batch_size": 8, "learning_rate": 0.01})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--run-ms", type=int, default=150,
                        help="how long each run trains before Stop is pressed")
    args = add_smoke(parser).parse_args()
    if args.smoke:
        args.runs, args.run_ms = 3, 50

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from ui.document import Document
    from ui.training.controller import TrainingController

    app = QApplication.instance() or QApplication([])
    document = Document(project())
    controller = TrainingController(document.session)
    progress = [0]
    failures: list[str] = []
    controller.progress.connect(lambda _d: progress.__setitem__(0, progress[0] + 1))
    controller.failed.connect(failures.append)

    def wait_until(predicate, timeout_s: float) -> bool:
        loop = QEventLoop()
        deadline = time.perf_counter() + timeout_s
        while not predicate() and time.perf_counter() < deadline:
            loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.002)
        return predicate()

    py_threads_before = {t.ident for t in threading.enumerate()}
    rss = {}
    os_threads_at = {}
    stop_latency: list[float] = []
    started = time.perf_counter()
    first, last = min(5, args.runs), args.runs
    for run in range(1, args.runs + 1):
        progress[0] = 0
        controller.start()  # the session's project with its own settings
        # Let it really train (at least one progress signal), then press Stop.
        wait_until(lambda: progress[0] > 0, 60)
        QTimer.singleShot(0, lambda: None)
        wait_until(lambda: False, args.run_ms / 1000)
        t0 = time.perf_counter()
        controller.stop()
        if not wait_until(lambda: not controller.is_running(), 60):
            print(f"run {run}: the training thread did not end within 60 s", flush=True)
            return 1
        stop_latency.append(time.perf_counter() - t0)
        app.processEvents()
        if run == first or run % 10 == 0 or run == args.runs:
            gc.collect()
            app.processEvents()
            rss[run] = rss_mb()
            os_threads_at[run] = os_threads()
    elapsed = time.perf_counter() - started
    gc.collect()
    # A QThread that ran Python code shows up as a "Dummy" entry that Python never
    # removes, even after the thread ended; the OS thread count below is the real test.
    new = [t for t in threading.enumerate() if t.ident not in py_threads_before]
    left = [t.name for t in new if t.is_alive()
            and not isinstance(t, threading._DummyThread)]  # noqa: SLF001
    print(f"runs: {args.runs} start/stop cycles in {elapsed:.1f} s "
          f"(each trained ~{args.run_ms} ms after its first progress signal)")
    print(f"failures reported: {len(failures)}" + (f" (first: {failures[0]})" if failures
                                                     else ""))
    print(f"training threads still running: {int(controller.is_running())} QThread, "
          f"{len(left)} Python threads {left if left else ''}")
    print(f"OS threads (incl. TensorFlow's pools): after run {first}: {os_threads_at[first]}"
          f", after run {last}: {os_threads_at[last]}")
    print(f"RSS after run {first}: {rss[first]:.0f} MB, after run {last}: {rss[last]:.0f} MB "
          f"(+{rss[last] - rss[first]:.0f} MB, "
          f"{(rss[last] - rss[first]) / max(1, last - first):.2f} MB per run)")
    print("RSS along the way: " + ", ".join(f"run {r}: {m:.0f} MB" for r, m in sorted(
        rss.items())))
    middle = min((r for r in rss if r >= (first + last) // 2), default=first)
    if last - middle >= 10:
        print(f"second half (run {middle} -> {last}): "
              f"{(rss[last] - rss[middle]) / (last - middle):.2f} MB per run")
    stop_latency.sort()
    print(f"stop latency (Stop pressed -> thread finished): median "
          f"{stop_latency[len(stop_latency) // 2] * 1000:.0f} ms, max "
          f"{stop_latency[-1] * 1000:.0f} ms")
    no_threads = not controller.is_running() and not left \
        and os_threads_at[last] <= os_threads_at[first]
    per_run = (rss[last] - rss[first]) / max(1, last - first)
    print(f"TARGET {'ok' if no_threads else 'MISSED'}: no thread left after {args.runs} "
          "start/stop cycles")
    print(f"TARGET {'ok' if per_run <= FLAT_MB_PER_RUN else 'MISSED'}: memory roughly flat "
          f"({per_run:.2f} MB per run; at most {FLAT_MB_PER_RUN} MB per run counts as flat)")
    print(f"TARGET {'ok' if not failures else 'MISSED'}: every run stopped cleanly")
    report("start_stop", runs=args.runs, failures=len(failures),
           threads_left=int(controller.is_running()) + len(left), rss_mb_per_run=per_run,
           stop_latency_median_ms=stop_latency[len(stop_latency) // 2] * 1000,
           stop_latency_max_ms=stop_latency[-1] * 1000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
