"""Multi-worker training speed on this machine: samples/s of 1 worker vs 2 workers.

Starts the real ``train`` command: once alone (one process, the engine's single-device
fast path) and once as two workers on 127.0.0.1 (MultiWorkerMirroredStrategy), on the same
project and global batch. Samples/s are the trained examples per second of training time
as the chief reports them (its last epoch line), so process and TensorFlow start-up are not
counted. What to expect on one machine: two processes share the same cores, and every step
waits for a gradient exchange over loopback gRPC, so two workers here are slower than one;
the strategy pays off when each worker has its own machine (or GPU) and steps are large
enough that the exchange is small next to the arithmetic.

    .venv/bin/python benchmarks/bench_multiworker.py [--epochs 6] [--samples 4000] [--smoke]

Prints one JSON line: benchmark, samples, epochs, global_batch, one_worker_samples_per_s,
two_workers_samples_per_s, two_over_one.
"""
from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from harness import add_smoke, report  # noqa: E402


def free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


def last_rate(log: str) -> float:
    rates = re.findall(r"\(([\d,]+) samples/s\)", log)
    return float(rates[-1].replace(",", "")) if rates else float("nan")


def run(project: Path, epochs: int, workers: int) -> tuple[float, float]:
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", "CUDA_VISIBLE_DEVICES": "",
           "PYTHONPATH": str(ROOT)}
    base = [sys.executable, "-m", "playground", "train", str(project), "--epochs",
            str(epochs), "--device", "cpu"]
    commands = [base]
    if workers > 1:
        addresses = ",".join(f"127.0.0.1:{p}" for p in free_ports(workers))
        commands = [base + ["--workers", addresses, "--index", str(i)]
                    for i in range(workers)]
    start = time.perf_counter()
    procs = [subprocess.Popen(c, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for c in commands]
    try:
        logs = [p.communicate(timeout=600)[1] for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    if any(p.returncode for p in procs):
        raise SystemExit("a worker failed:\n" + "\n".join(log[-2000:] for log in logs))
    return last_rate(logs[0]), time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--samples", type=int, default=4000)
    parser.add_argument("--batch-size", type=int, default=64)
    args = add_smoke(parser).parse_args()
    if args.smoke:
        args.epochs, args.samples, args.batch_size = 2, 256, 64
    from playground.files.project import save_project
    from tests.training.helpers import xor_project

    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "xor.kpg"
        save_project(xor_project(samples=args.samples, epochs=args.epochs,
                                 batch_size=args.batch_size), project)
        one, one_wall = run(project, args.epochs, 1)
        two, two_wall = run(project, args.epochs, 2)
    print(f"project: XOR MLP 2-8-1, {args.samples} samples, global batch {args.batch_size}, "
          f"{args.epochs} epochs, {os.cpu_count()} CPU cores")
    print(f"1 worker : {one:10,.0f} samples/s (last epoch)   wall {one_wall:5.1f} s")
    print(f"2 workers: {two:10,.0f} samples/s (last epoch)   wall {two_wall:5.1f} s")
    print(f"RATIO 2 workers / 1 worker samples/s: {two / one:.3f}x")
    report("multiworker", samples=args.samples, epochs=args.epochs,
           global_batch=args.batch_size, one_worker_samples_per_s=one,
           two_workers_samples_per_s=two, two_over_one=two / one)


if __name__ == "__main__":
    main()
