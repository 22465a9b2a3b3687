"""Cut the small MNIST sample the tests use from the real mnist.npz.

The suite must run on a fresh clone with nothing outside the repository, so the tests read
``tests/data/mnist_sample/mnist.npz``: the first 200 training and 50 test pictures of each
digit (2 000 + 500 pictures, stratified, in the original order), with the same keys, shapes
per picture and dtypes as Keras's ``mnist.npz``. Run once when the sample must change:

    python scripts/cut_mnist_sample.py [../shared/data/mnist.npz]
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "mnist_sample" / "mnist.npz"
TRAIN_PER_DIGIT = 200
TEST_PER_DIGIT = 50


def first_of_each_digit(labels: np.ndarray, per_digit: int) -> np.ndarray:
    """Indices of the first ``per_digit`` pictures of every digit, in file order."""
    keep = np.concatenate([np.flatnonzero(labels == d)[:per_digit] for d in range(10)])
    return np.sort(keep)


def main(source: Path) -> None:
    with np.load(source, allow_pickle=False) as d:
        x_train, y_train, x_test, y_test = d["x_train"], d["y_train"], d["x_test"], d["y_test"]
    train = first_of_each_digit(y_train, TRAIN_PER_DIGIT)
    test = first_of_each_digit(y_test, TEST_PER_DIGIT)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT, x_train=x_train[train], y_train=y_train[train],
                        x_test=x_test[test], y_test=y_test[test])
    print(f"{OUT.relative_to(ROOT)}: {len(train)} training + {len(test)} test pictures, "
          f"{OUT.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "mnist.npz")
