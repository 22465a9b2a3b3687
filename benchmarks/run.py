"""Run the benchmarks one after another and print what each measured.

    .venv/bin/python benchmarks/run.py            # the quick ones (a few minutes)
    .venv/bin/python benchmarks/run.py --all      # also the long ones (presets on full MNIST)
    .venv/bin/python benchmarks/run.py core startup  # by name

Each benchmark is a separate process (fresh TensorFlow, no warm caches shared between them)
and prints its own measured figures and ratios; this runner only sequences them.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
QUICK = ["core", "canvas_import", "startup", "training_small", "training_mnist",
         "ui_responsiveness", "insight_overhead", "start_stop", "csv", "timing_claims"]
LONG = ["presets"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help=f"which ({', '.join(QUICK + LONG)})")
    parser.add_argument("--all", action="store_true", help="include the long benchmarks")
    args = parser.parse_args()
    names = args.names or (QUICK + LONG if args.all else QUICK)
    env = dict(os.environ)
    env.setdefault("PLAYGROUND_DATA_DIR", str(ROOT.parent / "shared" / "data"))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    failed = []
    for name in names:
        script = HERE / f"bench_{name}.py"
        if not script.exists():
            print(f"unknown benchmark {name!r}", file=sys.stderr)
            return 2
        print(f"\n=== {name} " + "=" * (60 - len(name)), flush=True)
        start = time.perf_counter()
        rc = subprocess.run([sys.executable, str(script)], cwd=ROOT, env=env).returncode
        print(f"--- {name}: {time.perf_counter() - start:.0f} s, exit {rc}", flush=True)
        if rc:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
