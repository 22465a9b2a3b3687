"""Process start -> main window shown, vs. `python -c "import tensorflow"`, side by side.

Each round starts both as fresh processes, alternating, and times them from the parent
(wall clock from spawn until the app prints WINDOW_SHOWN after its first event-loop turn
with the window shown, and until the TF import process exits). Prints the medians and the
ratio (target: window <= 0.5 x import tensorflow).

Run: .venv/bin/python benchmarks/bench_startup.py [ROUNDS] [--smoke]

Prints one JSON line: benchmark, window_s, import_tf_s, window_over_import.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from harness import add_smoke, report  # noqa: E402


def time_window(env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py")], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("WINDOW_SHOWN"):
            elapsed = time.perf_counter() - t0
            break
    else:
        raise RuntimeError("the app exited without showing its window")
    proc.wait(timeout=60)
    return elapsed


def time_tf_import(env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import tensorflow"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rounds", nargs="?", type=int, default=5)
    args = add_smoke(parser).parse_args()
    rounds = 1 if args.smoke else args.rounds
    home = tempfile.mkdtemp()  # fresh settings: no saved layout, no recent files
    env = {**os.environ, "KP_STARTUP_PROBE": "1", "HOME": home,
           "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "TF_CPP_MIN_LOG_LEVEL": "3"}
    if not args.smoke:
        time_tf_import(env)  # warm the OS file cache for both sides
        time_window(env)
    windows, imports = [], []
    for _ in range(rounds):
        windows.append(time_window(env))
        imports.append(time_tf_import(env))
    w, t = statistics.median(windows), statistics.median(imports)
    print(f"process start -> window shown : median {w:.3f} s  "
          f"(runs: {', '.join(f'{x:.2f}' for x in windows)})")
    print(f'python -c "import tensorflow" : median {t:.3f} s  '
          f"(runs: {', '.join(f'{x:.2f}' for x in imports)})")
    print(f"ratio window / import tf      : {w / t:.2f}  (target <= 0.50)")
    report("startup", window_s=w, import_tf_s=t, window_over_import=w / t)


if __name__ == "__main__":
    main()
