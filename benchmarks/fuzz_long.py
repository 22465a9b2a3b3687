"""The long fuzz run: every fuzz test of tests/fuzz with many more generated inputs.

The normal test suite runs each fuzz target with a few hundred inputs so that it stays
fast; this runs them with ``--examples`` each (default 2000) and prints, per target, how
many inputs were tried and how they ended (loaded / refused with a typed error).

    .venv/bin/python benchmarks/fuzz_long.py [--examples 2000] [--smoke]

``--smoke``: 5 inputs per target of one fuzz file. Prints one JSON line: benchmark,
examples, seconds, exit_code.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from harness import add_smoke, report  # noqa: E402

SMOKE_TESTS = "tests/fuzz/test_fuzz_csv.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=2000)
    parser.add_argument("tests", nargs="*", default=["tests/fuzz"])
    args = add_smoke(parser).parse_args()
    if args.smoke:
        args.examples, args.tests = 5, [SMOKE_TESTS]
    env = {**os.environ, "FUZZ_EXAMPLES": str(args.examples),
           "QT_QPA_PLATFORM": "offscreen", "TF_CPP_MIN_LOG_LEVEL": "3"}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             "-o", "timeout=0", *(["-n", "0"] if args.smoke else []),
                             *args.tests], cwd=ROOT, env=env)
    print(f"fuzz run with up to {args.examples} examples per test: "
          f"{time.perf_counter() - started:.0f} s, exit code {result.returncode}")
    report("fuzz_long", examples=args.examples, seconds=time.perf_counter() - started,
           exit_code=result.returncode)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
