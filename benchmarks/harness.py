"""What every benchmark shares: the ``--smoke`` switch, the data folder, and the JSON line.

``--smoke`` runs a benchmark at tiny sizes in a few seconds: its figures mean nothing, but
tests/test_benchmarks.py runs every script that way, so none can rot unnoticed. Each
script's docstring promises its JSON line(s) in the form

    Prints one JSON line: benchmark, key, key, ...
    Prints one JSON line per <thing>: benchmark, key, ...

and ``report`` prints them; benchmarks/run.py collects them into the README.
"""
from __future__ import annotations

import argparse
import json
import math
import os
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# The committed MNIST sample (2 000 + 500 digits): smoke runs never read outside the checkout.
MNIST_SAMPLE = ROOT / "tests" / "data" / "mnist_sample"
# Where the full MNIST lives on the build machine (PLAYGROUND_DATA_DIR overrides it).
FULL_DATA = ROOT.parent / "shared" / "data"


def add_smoke(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--smoke", action="store_true",
                        help="tiny sizes, a few seconds: only checks that the benchmark runs")
    return parser


def use_data(smoke: bool) -> None:
    """MNIST from the committed sample in smoke mode, else from PLAYGROUND_DATA_DIR (or the
    build machine's ../shared/data)."""
    if smoke:
        os.environ["PLAYGROUND_DATA_DIR"] = str(MNIST_SAMPLE)
    else:
        os.environ.setdefault("PLAYGROUND_DATA_DIR", str(FULL_DATA))


def _plain(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4) if math.isfinite(value) else None
    if hasattr(value, "item"):  # numpy scalars
        return _plain(value.item())
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def report(benchmark: str, **figures: Any) -> None:
    """Print the benchmark's figures as one JSON line (what run.py and the test read)."""
    print(json.dumps({"benchmark": benchmark, **_plain(figures)}), flush=True)
