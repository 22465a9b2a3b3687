"""How fast a 100,000-row CSV loads: reading, checking and building the dataset.

Run: .venv/bin/python benchmarks/bench_csv.py [rows] [--smoke]
Prints seconds per stage and rows per second; the issue asks that 100k rows load without
freezing (the UI loads in a worker thread; this measures the work itself).

Prints one JSON line: benchmark, rows, size_mb, read_s, build_s, total_s, rows_per_s.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from harness import add_smoke, report  # noqa: E402
from playground.datasets.csv_import import build  # noqa: E402
from playground.datasets.csv_table import read_csv  # noqa: E402


def write_table(path: Path, rows: int, seed: int = 0) -> None:
    rng = np.random.default_rng(seed)
    numbers = rng.normal(size=(rows, 8))
    cities = rng.choice(["Paris", "Rome", "Oslo", "Lima"], rows)
    label = np.where(numbers[:, 0] + numbers[:, 1] > 0, "yes", "no")
    header = [f"f{i}" for i in range(8)] + ["city", "label"]
    lines = [",".join(header)]
    for i in range(rows):
        lines.append(",".join(f"{v:.5f}" for v in numbers[i]) + f",{cities[i]},{label[i]}")
    path.write_text("\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", nargs="?", type=int, default=100_000)
    args = add_smoke(parser).parse_args()
    rows = 2_000 if args.smoke else args.rows
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.csv"
        write_table(path, rows)
        size_mb = path.stat().st_size / 1e6
        t0 = time.perf_counter()
        table = read_csv(path)
        t1 = time.perf_counter()
        ds = build(table, None, "label")
        t2 = time.perf_counter()
    print(f"{rows} rows × 10 columns ({size_mb:.1f} MB)")
    print(f"read + classify columns: {t1 - t0:.2f} s")
    print(f"check + encode + split + standardize: {t2 - t1:.2f} s")
    print(f"total: {t2 - t0:.2f} s = {rows / (t2 - t0):,.0f} rows/s; "
          f"x_train {ds.x_train.shape}, classes {ds.class_names}")
    report("csv", rows=rows, size_mb=size_mb, read_s=t1 - t0, build_s=t2 - t1,
           total_s=t2 - t0, rows_per_s=rows / (t2 - t0))


if __name__ == "__main__":
    main()
