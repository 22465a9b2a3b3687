"""Trains the transfer-learning preset's convolution layers on real MNIST digits 0-4.

As in Keras's classic MNIST transfer-learning example: a CNN is trained on the digits 0
to 4; its two Conv2D layers are then frozen and reused by the preset, whose new Dense head
learns the digits 5 to 9. Writes ``presets/transfer_base.npz`` (kernel and bias of each
Conv2D, plus the test accuracy reached on 0-4), which build_presets.py puts into
``transfer_learning.kpg``.

Run: PLAYGROUND_DATA_DIR=/folder/with/mnist.npz .venv/bin/python presets/train_transfer_base.py
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "presets"))

EPOCHS = 3
BATCH_SIZE = 128
SEED = 0


def main() -> None:
    from build_presets import TRANSFER_BASE, TRANSFER_FEATURES, TRANSFER_HEAD, chain

    from playground.datasets import load_dataset
    from playground.network.keras_build import build_model
    from playground.kerasenv import keras

    k = keras()
    k.utils.set_random_seed(SEED)
    data = load_dataset("mnist", {"digits": [0, 1, 2, 3, 4], "seed": SEED})
    graph = chain(TRANSFER_FEATURES + TRANSFER_HEAD, "transfer_base")
    model = build_model(graph)
    model.compile(optimizer=k.optimizers.Adam(1e-3),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    start = time.perf_counter()
    model.fit(data.x_train, data.y_train, batch_size=BATCH_SIZE, epochs=EPOCHS,
              validation_split=0.1, verbose=2)
    seconds = time.perf_counter() - start
    _, accuracy = model.evaluate(data.x_test, data.y_test, verbose=0)
    convs = [layer for layer in model.layers if layer.__class__.__name__ == "Conv2D"]
    arrays = {}
    for i, layer in enumerate(convs):
        kernel, bias = layer.get_weights()
        arrays[f"conv{i}_kernel"], arrays[f"conv{i}_bias"] = kernel, bias
    np.savez_compressed(TRANSFER_BASE, test_accuracy_0_4=np.float32(accuracy),
                        train_images=np.int32(len(data.x_train)), **arrays)
    print(f"digits 0-4: {len(data.x_train)} training images, {EPOCHS} epochs in "
          f"{seconds:.0f} s, test accuracy {accuracy:.4f}; wrote {TRANSFER_BASE} "
          f"({TRANSFER_BASE.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
